// The "Databas" dialog: the status bar names the open database; an organisation database that
// cannot be reached is refused in Swedish with its reason and code, the open file stays open,
// and the local file is offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';

const app = useApp();

test('an unreachable organisation database is explained and the local file stays open', async (t) => {
  const page = await app.open(t, '?seed=3');
  await page.getByTestId('object-row').first().waitFor();
  const status = page.getByTestId('database-open');
  await expectText(status, /Databas: .*\.sqlite/);

  await status.click();
  await page.getByTestId('database-organisation').check();
  // Port 1 on this machine: nothing listens, so the connection is refused at once.
  await page.getByTestId('database-address').fill('postgresql://anna@127.0.0.1:1/infoklass?connect_timeout=2');
  await page.getByTestId('database-password').fill('hemligt');
  await page.getByTestId('database-connect').click();

  const error = page.getByTestId('database-error');
  await error.waitFor();
  await expectText(error, /Organisationens databas går inte att nå/);
  await expectText(error, /127\.0\.0\.1:1.*DB_UNREACHABLE/s);
  assert.equal(await page.getByTestId('database-password').inputValue(), 'hemligt', 'what was typed stays');

  // The file that was open is still the one in use; the local file is offered.
  // Choosing reloads the window on the database now open.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('database-use-file').click()]);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  await expectText(page.getByTestId('database-open'), /Databas: .*\.sqlite/);
  assert.equal(await page.getByTestId('object-row').count(), 3);
  assert.equal(await page.getByTestId('new-object').count(), 1, 'on the file one person has every role');
});
