// (e) The requirement catalogue: versions, export, and an import preview whose errors are
// listed per sheet and row and block the import; a clean file becomes the active version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { expectCount, expectText } from './lib/expect.js';

const app = useApp();
const workbook = (name) => ({
  name,
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer: Buffer.from('PK fake workbook'),
});

test('a catalogue with errors shows them and cannot be imported; a clean one becomes active', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('nav-catalog').click();
  await expectCount(page.getByTestId('catalog-row'), 1);
  assert.equal(await page.getByTestId('catalog-row').getAttribute('data-active'), 'true');

  await page.getByTestId('catalog-export').click();
  await expectText(page.getByTestId('notice'), /Sparad: .+\.xlsx/);

  await page.getByTestId('catalog-file').setInputFiles(workbook('kravkatalog-fel.xlsx'));
  const errors = page.getByTestId('catalog-errors');
  await errors.waitFor();
  await expectCount(errors.locator('tbody tr'), 3);
  await expectText(errors.locator('tbody tr').first(), /Krav\s*5\s*BEH-02\s*utlösare\s*Okänd aspekt/);
  await expectText(errors.locator('thead'), /Blad\s*Rad\s*Nyckel\s*Fält\s*Fel/);
  assert.equal(await page.getByTestId('catalog-import').isDisabled(), true, 'import is blocked while there are errors');
  await expectText(page.getByTestId('catalog-added'), /ORG-01/);
  await expectText(page.getByTestId('catalog-changed'), /BEH-01, LOG-02/);
  await page.getByTestId('catalog-import').scrollIntoViewIfNeeded();
  await screenshot(page, 'catalog-errors');

  await page.getByTestId('catalog-file').setInputFiles(workbook('kravkatalog-2026.2.xlsx'));
  await expectText(page.getByTestId('catalog-preview'), /2026\.2/);
  assert.equal(await errors.count(), 0);
  assert.equal(await page.getByTestId('catalog-import').isDisabled(), false);
  await page.getByTestId('catalog-import').click();
  await expectText(page.getByTestId('notice'), /2026\.2 är inläst och aktiv/);
  await expectCount(page.getByTestId('catalog-row'), 2);
  assert.equal(await page.locator('[data-testid="catalog-row"][data-active="true"]').getAttribute('data-version'), '2026.2');

  // The same version again is refused by the backend with a clear message.
  await page.getByTestId('catalog-file').setInputFiles(workbook('kravkatalog-2026.2.xlsx'));
  await page.getByTestId('catalog-preview').waitFor();
  await page.getByTestId('catalog-import').click();
  const banner = page.getByTestId('error');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-code'), 'CATALOG_VERSION_EXISTS');
  await expectText(banner.locator('strong'), /finns redan en kravkatalog med den versionen/);
});
