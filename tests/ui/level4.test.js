// (b) Level 4 (säkerhetsskydd) needs a deliberate confirmation and then shows the notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';
import { goToStep } from './lib/wizard.js';

const app = useApp();

test('level 4 asks for confirmation and shows the säkerhetsskydd notice', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Ledningssystem');
  await goToStep(page, 2);
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Lägesbilder');
  await goToStep(page, 3);

  const four = page.getByTestId('level-0-K-4');
  const dialog = page.locator('dialog[open]');

  // Cancelling (Escape) leaves the level unset.
  await four.click();
  await dialog.waitFor();
  await expectText(dialog.locator('h2'), /Nivå 4/);
  assert.match(await dialog.textContent(), /säkerhetsskyddschef/);
  await screenshot(page, 'level4-dialog');
  assert.equal(await four.isChecked(), false, 'not set before confirming');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await four.isChecked(), false, 'still unset after cancelling');
  assert.equal(await page.getByTestId('security-notice').count(), 0);

  // Confirming sets it.
  await four.click();
  await page.getByTestId('confirm-level4').click();
  assert.equal(await four.isChecked(), true);
  await page.getByTestId('security-notice').first().waitFor();

  await goToStep(page, 5);
  await expectText(page.getByTestId('summary-profile'), 'K4 R– T– S–');
  await expectText(page.getByTestId('security-notice'), /särskild säkerhetsskyddsanalys/);

  // A step change saves the draft; leaving with work typed since then asks first.
  await goToStep(page, 3);
  await page.getByTestId('motivation-0-K').fill('Lägesbilder från ledningscentralen');
  await expectText(page.locator('.foot .state'), 'Osparade ändringar');
  await page.getByRole('button', { name: 'Infoklass' }).click();
  await page.getByTestId('confirm-leave').waitFor();
  await page.getByRole('button', { name: 'Stanna kvar' }).click();
  assert.equal(await page.getByTestId('motivation-0-K').inputValue(), 'Lägesbilder från ledningscentralen');
});
