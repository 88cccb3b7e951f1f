// (e) The requirement catalogue: versions, export, and an import preview whose errors are
// listed per sheet and row and block the import; a clean file becomes the active version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { readFile } from 'node:fs/promises';
import { expectCount, expectText } from './lib/expect.js';
import { editWorkbook } from './lib/workbooks.js';
import * as catalog from './lib/catalog.js';

const app = useApp();
const KATALOG = 'xl/worksheets/sheet1.xml';
const KRAV = 'xl/worksheets/sheet3.xml';
// Row of the Krav sheet below the last requirement (row 1 is the header).
const NEW_ROW = catalog.requirements.length + 2;

/** The exported catalogue as a new version: BEH-01 renamed, a new ORG-01, plus `krav` edits. */
function newVersion(name, exported, krav = {}) {
  const version = editWorkbook('v.xlsx', exported, KATALOG, { B4: '2026.2' }).buffer;
  return editWorkbook(name, version, KRAV, {
    E2: 'Behörighet efter arbetsuppgift och roll',
    [`A${NEW_ROW}`]: 'ORG-01', [`B${NEW_ROW}`]: 'behorighet', [`C${NEW_ROW}`]: 'K', [`D${NEW_ROW}`]: 'baseline',
    [`E${NEW_ROW}`]: 'Lokal rutin för behörigheter', [`F${NEW_ROW}`]: 'Local access routine',
    [`G${NEW_ROW}`]: 'Förvaltningen har en skriftlig rutin för behörigheter.',
    [`H${NEW_ROW}`]: 'Leverantören ska följa förvaltningens rutin för behörigheter.', [`I${NEW_ROW}`]: 'Ska',
    ...krav,
  });
}

test('a catalogue with errors shows them and cannot be imported; a clean one becomes active', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('nav-catalog').click();
  await expectCount(page.getByTestId('catalog-row'), 1);
  assert.equal(await page.getByTestId('catalog-row').getAttribute('data-active'), 'true');

  await page.getByTestId('catalog-export').click();
  const notice = await expectText(page.getByTestId('notice'), /Sparad: .+\.xlsx/);
  const exported = await readFile(/Sparad: (.+\.xlsx)/.exec(notice)[1]);

  // The exported workbook edited with three bad cells: an unknown aspect in a trigger, an
  // unknown area and an unknown obligation.
  const faulty = newVersion('kravkatalog-fel.xlsx', exported, { D3: 'X>=2', B4: 'okant-omrade', I5: 'Kanske' });
  await page.getByTestId('catalog-file').setInputFiles(faulty);
  const errors = page.getByTestId('catalog-errors');
  await errors.waitFor();
  await expectCount(errors.locator('tbody tr'), 3);
  await expectText(errors.locator('tbody tr').nth(0), /^Krav\s*3\s*BEH-02\s*Villkor\s*unknown aspect "X" in "X>=2"$/);
  await expectText(errors.locator('tbody tr').nth(1), /^Krav\s*4\s*BEH-03\s*Område\s*unknown area "okant-omrade"$/);
  await expectText(errors.locator('tbody tr').nth(2), /^Krav\s*5\s*BEH-04\s*Ska\/Bör\s*"Kanske" must be Ska or Bör$/);
  await expectText(errors.locator('thead'), /Blad\s*Rad\s*Nyckel\s*Fält\s*Fel/);
  assert.equal(await page.getByTestId('catalog-import').isDisabled(), true, 'import is blocked while there are errors');
  await page.getByTestId('catalog-import').scrollIntoViewIfNeeded();
  await screenshot(page, 'catalog-errors');

  const clean = newVersion('kravkatalog-2026.2.xlsx', exported);
  await page.getByTestId('catalog-file').setInputFiles(clean);
  await expectText(page.getByTestId('catalog-preview'), /2026\.2/);
  assert.equal(await errors.count(), 0);
  await expectText(page.getByTestId('catalog-added'), /ORG-01/);
  await expectText(page.getByTestId('catalog-changed'), /^[^,]*BEH-01$/);
  assert.equal(await page.getByTestId('catalog-import').isDisabled(), false);
  await page.getByTestId('catalog-import').click();
  await expectText(page.getByTestId('notice'), /2026\.2 är inläst och aktiv/);
  await expectCount(page.getByTestId('catalog-row'), 2);
  assert.equal(await page.locator('[data-testid="catalog-row"][data-active="true"]').getAttribute('data-version'), '2026.2');

  // The same version again is refused already in the preview, with the reason.
  await page.getByTestId('catalog-file').setInputFiles(clean);
  await page.getByTestId('catalog-preview').waitFor();
  await expectCount(errors.locator('tbody tr'), 1);
  await expectText(errors.locator('tbody tr').first(), /Katalog.*Version.*Det finns redan en kravkatalog med den versionen/);
  assert.equal(await page.getByTestId('catalog-import').isDisabled(), true);
});
