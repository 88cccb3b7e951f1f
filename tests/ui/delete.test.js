// (g) Deleting asks for confirmation and removes the object from the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { expectText, listCount } from './lib/expect.js';

const app = useApp();

test('delete with confirmation removes the object', async (t) => {
  const page = await app.open(t, '?seed=3');
  const row = page.getByTestId('object-row').first();
  const name = await row.getAttribute('data-name');
  await row.click();
  await expectText(page.getByTestId('detail-name'), name);

  // Cancelling keeps it.
  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-delete').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('confirm-delete').waitFor({ state: 'detached' });
  await expectText(page.getByTestId('detail-name'), name);

  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-delete').click();
  await page.getByTestId('object-row').first().waitFor();
  await expectText(page.getByTestId('list-count'), '2 av 2 objekt');
  assert.equal(await page.locator(`[data-testid="object-row"][data-name="${name}"]`).count(), 0);
});
