// (c) A procurement list for two objects: the union without duplicates, "behövs för" naming
// both where shared, the officer's choices, saving, export and the print view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';
import * as catalog from './lib/catalog.js';

const app = useApp();

const itemKeys = (page) => page.getByTestId('procure-item').evaluateAll((rows) => rows.map((r) => r.dataset.key));
const pick = (page, name) => page.locator(`[data-testid^="procure-pick-"][data-name="${name}"]`);

test('two objects give one list without duplicates that is reviewed, saved and exported', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Journalsystem', { K: 2, R: 3, T: 2, S: 1 });
  await createClassified(page, 'Bokningssystem', { K: 1, R: 1, T: 3, S: 2 });

  await page.getByTestId('nav-procurement').click();
  await page.getByTestId('procure-intro').waitFor();
  await pick(page, 'Journalsystem').check();
  // SAK-02, SAK-03 and AUT-04 are included in higher steps the object needs: not repeated.
  await expectCount(page.getByTestId('procure-item'), 93);
  await pick(page, 'Bokningssystem').check();

  // 93 + 73 requirements of the shipped catalogue, 65 of them shared: 101, each once, in
  // catalogue order.
  await expectCount(page.getByTestId('procure-item'), 101);
  const keys = await itemKeys(page);
  assert.equal(new Set(keys).size, keys.length, 'no duplicates');
  assert.deepEqual(keys, catalog.requirementKeys.filter((k) => keys.includes(k)), 'catalogue order');
  await expectText(page.getByTestId('procure-needed-BEH-01'), 'Behövs för: Journalsystem, Bokningssystem');
  await expectText(page.getByTestId('procure-needed-BEH-04'), 'Behövs för: Journalsystem');
  await expectText(page.getByTestId('procure-needed-LOG-03'), 'Behövs för: Bokningssystem');
  assert.equal(await page.getByTestId('procure-obligation-LEV-09').inputValue(), 'bor');
  assert.equal(await page.getByTestId('procure-text-SAK-01').inputValue(), catalog.requirement('SAK-01').ska_sv);

  // The officer's choices.
  await page.getByTestId('procure-relevant-SAK-05').uncheck();
  await page.getByTestId('procure-obligation-LEV-09').selectOption('ska');
  const edited = 'Leverantören ska säkerhetskopiera informationen varje natt och spara kopiorna i 90 dagar.';
  await page.getByTestId('procure-text-SAK-01').fill(edited);
  await page.getByTestId('procure-reset-SAK-01').waitFor();
  await expectText(page.getByTestId('procure-summary'), /101 krav från 2 objekt · 100 valda \(83 ska, 17 bör\)/);
  await page.getByTestId('procure-name').fill('Upphandling vårdsystem 2027');
  await page.getByTestId('procure-save').click();
  await expectText(page.getByTestId('notice'), /sparades/);
  await page.getByTestId('procure-open-0').waitFor();
  await screenshot(page, 'procurement');

  // Export (xlsx) shows where the file was written.
  await page.getByTestId('export-xlsx').click();
  const notice = await expectText(page.getByTestId('notice'), /^✓\s*Sparad: .+\.xlsx/);
  const file = /Sparad: (.+\.xlsx)/.exec(notice)[1];
  assert.equal(dirname(file), app.exportDir(), 'written into the export folder');
  assert.equal((await readFile(file)).subarray(0, 2).toString(), 'PK', 'an xlsx file');

  // The saved list opens again with its choices.
  await page.getByTestId('procure-new').click();
  await page.getByTestId('procure-intro').waitFor();
  await page.getByTestId('procure-open-0').click();
  await expectCount(page.getByTestId('procure-item'), 101);
  assert.equal(await page.getByTestId('procure-name').inputValue(), 'Upphandling vårdsystem 2027');
  assert.equal(await page.getByTestId('procure-relevant-SAK-05').isChecked(), false);
  assert.equal(await page.getByTestId('procure-obligation-LEV-09').inputValue(), 'ska');
  assert.equal(await page.getByTestId('procure-text-SAK-01').inputValue(), edited);

  // "Återställ" brings back the catalogue's wording; export saves the change first.
  await page.getByTestId('procure-reset-SAK-01').click();
  assert.equal(await page.getByTestId('procure-text-SAK-01').inputValue(), catalog.requirement('SAK-01').ska_sv);
  await page.getByTestId('export-csv').click();
  await expectText(page.getByTestId('notice'), /Sparad: .+\.csv/);
  await page.getByTestId('procure-new').click();
  await page.getByTestId('procure-open-0').click();
  await eventually(async () => assert.equal(await page.getByTestId('procure-text-SAK-01').inputValue(), catalog.requirement('SAK-01').ska_sv));

  // The print view: only the chosen requirements, and the browser's print dialog.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => (window.__printed += 1);
  });
  await page.getByTestId('procure-print').click();
  await page.getByTestId('print-doc').waitFor();
  await expectCount(page.locator('[data-testid="print-doc"] tbody tr'), 100);
  await eventually(async () => assert.equal(await page.evaluate(() => window.__printed), 1));
  await screenshot(page, 'procurement-print');
  await page.getByTestId('print-close').click();
  await expectCount(page.getByTestId('procure-item'), 101);
});

test('a list cannot be saved without a name, and the object detail opens it prefilled', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Lönesystem', { K: 2, R: 2, T: 1, S: 1 });
  await page.getByTestId('procure-object').click();
  assert.equal(await pick(page, 'Lönesystem').isChecked(), true);
  assert.equal(await page.getByTestId('procure-name').inputValue(), 'Upphandlingskrav – Lönesystem');
  await expectCount(page.getByTestId('procure-item'), 77); // AUT-04 is included in AUT-05
  await page.getByTestId('procure-name').fill('');
  await page.getByTestId('export-html').click();
  await expectText(page.locator('.name .problem'), 'Ge listan ett namn innan den sparas.');
  assert.equal(await page.getByTestId('notice').count(), 0);
  await page.getByTestId('procure-name').fill('Lön 2027');
  await page.getByTestId('export-html').click();
  await expectText(page.getByTestId('notice'), /Sparad: .+\.html/);

  // Unsaved choices are not thrown away without asking.
  await page.getByTestId('procure-relevant-BEH-02').uncheck();
  await page.getByTestId('procure-new').click();
  await page.getByTestId('confirm-discard').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('procure-relevant-BEH-02').isChecked(), false);
  await page.getByTestId('nav-objects').click();
  await page.getByTestId('confirm-leave').click();
  await page.getByTestId('object-row').first().waitFor();
});
