// Autosave: a named draft is saved on each step change without pressing "Spara utkast", so a
// crash loses nothing typed before the last step change; a failed autosave stays quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostUrl, useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';
import { goToStep } from './lib/wizard.js';

const app = useApp();

test('a draft typed and stepped through survives a crash of the window', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Elevdokumentation');
  await page.getByTestId('meta-description').fill('Betyg, närvaro och åtgärdsprogram.');
  await page.getByTestId('wizard-next').click();
  await expectText(page.locator('.foot .state'), /^Sparat \d\d:\d\d$/);

  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Närvaro och frånvaro');
  await expectText(page.locator('.foot .state'), 'Osparade ändringar');
  await page.getByTestId('wizard-next').click();
  await expectText(page.locator('.foot .state'), /^Sparat \d\d:\d\d$/);

  // The crash: the window goes away without any unload handling, and the app starts again.
  const context = page.context();
  const again = await context.newPage();
  await page.close({ runBeforeUnload: false });
  await again.goto(`${hostUrl()}/`);
  await again.locator('html[data-ready="true"]').waitFor({ timeout: 10_000 });

  const row = again.locator('[data-testid="object-row"][data-name="Elevdokumentation"]');
  await row.click();
  await again.getByTestId('edit').click();
  assert.equal(await again.getByTestId('meta-description').inputValue(), 'Betyg, närvaro och åtgärdsprogram.');
  await goToStep(again, 2);
  assert.equal(await again.getByTestId('set-name-0').inputValue(), 'Närvaro och frånvaro');
});

test('a draft without a name is not saved on a step change', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-description').fill('Ännu utan namn');
  await page.getByTestId('wizard-next').click();
  await expectText(page.locator('.foot .state'), 'Osparade ändringar');
  await page.getByTestId('wizard-back').click();
  await page.getByTestId('meta-name').fill('Bygglov e-tjänst');
  await page.getByTestId('wizard-next').click();
  await expectText(page.locator('.foot .state'), /^Sparat \d\d:\d\d$/);
});

test('a failed autosave is shown quietly in Swedish and never stops the user', async (t) => {
  const page = await app.open(t, '?fail=create_object');
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Socialtjänstakter');
  await page.getByTestId('wizard-next').click();
  await expectText(page.getByTestId('autosave-error'), /Kunde inte spara automatiskt: .*Försöker igen strax\./);
  // No banner and no blocked step: the user is on step 2 and can keep typing.
  assert.equal(await page.getByTestId('error').count(), 0);
  assert.equal(await page.getByTestId('wizard-step-2').getAttribute('aria-current'), 'step');
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Orosanmälningar');
  assert.equal(await page.getByTestId('set-name-0').inputValue(), 'Orosanmälningar');
});
