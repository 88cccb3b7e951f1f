// Informationstyper under Kataloger: adding (the form's own check first), changing levels,
// retiring (no longer offered for new information sets, kept by the sets that have it) and
// restoring; export; import of a TOML file after a preview; bad files change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { infoTypes } from './lib/catalog.js';
import { expectCount, expectText } from './lib/expect.js';

const app = useApp();
const SHIPPED = infoTypes.length;
const row = (page, key) => page.locator(`[data-testid="info-type-row"][data-key="${key}"]`);
const notice = (page) => page.getByTestId('notice').locator('.text');
const toml = (text) => ({ name: 'informationstyper.toml', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
const typeBlock = (key, name, [k, r, t, s]) =>
  `[[types]]\nkey = "${key}"\nname_sv = "${name}"\nname_en = ""\ndescription_sv = ""\nlevels = { K = ${k}, R = ${r}, T = ${t}, S = ${s} }\n`;

async function openList(page) {
  await page.getByTestId('nav-catalog').click();
  // Coming from the wizard, leaving its unsaved object is confirmed first.
  if (await page.getByTestId('confirm-leave').isVisible()) await page.getByTestId('confirm-leave').click();
  await page.getByTestId('catalog-tab-info-types').click();
  await page.getByTestId('info-type-search').waitFor();
}

async function saveForm(page) {
  await page.getByTestId('info-type-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
}

/** The information types the wizard offers for the first set of a new object (each call makes
 * its own draft, since a named draft is saved on the step change). */
let wizardDrafts = 0;
async function offeredInWizard(page) {
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill(`Bygglovssystem ${++wizardDrafts}`);
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('add-set').click();
  const values = await page.getByTestId('set-type-0').locator('option').evaluateAll((os) => os.map((o) => o.value));
  return values.filter(Boolean);
}

test('a type is checked, added with a key from its name, and its levels changed', async (t) => {
  const page = await app.open(t);
  await openList(page);
  await expectCount(page.getByTestId('info-type-row'), SHIPPED);
  await expectText(page.getByTestId('info-types-shown'), `${SHIPPED} av ${SHIPPED} typer`);

  await page.getByTestId('info-type-new').click();
  await page.getByTestId('info-type-save').click();
  await expectText(page.getByTestId('info-type-form-problems'), /behöver ett namn på svenska.*INFO_TYPE_NAME_MISSING/s);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'info-type-name-sv', 'focus on the field to fix');
  await expectCount(page.getByTestId('info-type-row'), SHIPPED);

  await page.getByTestId('info-type-name-sv').fill('Bygglovsärenden');
  await page.getByTestId('info-type-name-en').fill('Building permits');
  await page.getByTestId('info-type-level-K').selectOption('1');
  await page.getByTestId('info-type-level-R').selectOption('2');
  await saveForm(page);
  await expectText(notice(page), 'Informationstypen Bygglovsärenden är tillagd.');
  await expectText(row(page, 'bygglovsarenden').getByTestId('info-type-levels'), 'K1 R2 T0 S0');

  await row(page, 'bygglovsarenden').getByTestId('info-type-edit').click();
  await page.getByTestId('info-type-level-T').selectOption('2');
  await saveForm(page);
  await expectText(row(page, 'bygglovsarenden').getByTestId('info-type-levels'), 'K1 R2 T2 S0');

  // The wizard offers the new type.
  assert.ok((await offeredInWizard(page)).includes('bygglovsarenden'));
});

test('a retired type is not offered for new sets and comes back when restored', async (t) => {
  const page = await app.open(t);
  await openList(page);
  await row(page, 'ekonomi').getByTestId('info-type-retire').click();
  await expectText(page.locator('dialog[open]'), /erbjuds inte längre.*Inget objekt använder den/s);
  await page.getByTestId('info-type-retire-confirm').click();
  await expectText(notice(page), 'Ekonomiska transaktioner är tagen ur bruk.');
  await expectCount(page.getByTestId('info-type-row'), SHIPPED - 1);
  assert.ok(!(await offeredInWizard(page)).includes('ekonomi'));

  await openList(page);
  await page.getByTestId('info-type-show-retired').check();
  assert.equal(await row(page, 'ekonomi').getAttribute('data-retired'), 'true');
  await row(page, 'ekonomi').getByTestId('info-type-retired-badge').waitFor();
  await row(page, 'ekonomi').getByTestId('info-type-restore').click();
  await expectText(notice(page), 'Ekonomiska transaktioner används igen.');
  assert.ok((await offeredInWizard(page)).includes('ekonomi'));
});

test('a type in use is counted, and a set that has it keeps it when it is retired', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Medlemsregister');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Medlemmar');
  await page.getByTestId('set-type-0').selectOption('personuppgifter');
  await page.getByTestId('save-draft').click();
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  await page.getByTestId('wizard-close').click();
  await page.getByTestId('detail-name').waitFor();

  await openList(page);
  await expectText(row(page, 'personuppgifter').getByTestId('info-type-used'), 'används i 1 objekt');
  await row(page, 'personuppgifter').getByTestId('info-type-edit').click();
  await expectText(page.getByTestId('info-type-in-use'), /används i 1 objekt.*nästa gång klassningen sparas/s);
  await page.getByTestId('info-type-cancel').click();
  await row(page, 'personuppgifter').getByTestId('info-type-retire').click();
  await expectText(page.locator('dialog[open]'), /Det objekt som redan har typen behåller den/);
  await page.getByTestId('info-type-retire-confirm').click();
  await expectText(notice(page), 'Personuppgifter är tagen ur bruk.');
  await page.getByTestId('info-type-show-retired').check();
  await expectText(page.getByTestId('info-types-shown'), `${SHIPPED} av ${SHIPPED} typer`);
  await expectText(row(page, 'personuppgifter').getByTestId('info-type-retired-badge'), 'Ur bruk');
  await screenshot(page, 'info-types');

  // The object still names the type, marked as retired; a new set is not offered it.
  await page.getByTestId('nav-objects').click();
  await page.locator('[data-testid="object-row"][data-name="Medlemsregister"]').click();
  await expectText(page.getByTestId('set-type-name'), 'Personuppgifter (ur bruk)');
  await page.getByTestId('edit').click();
  await page.getByTestId('wizard-step-2').click();
  assert.equal(await page.getByTestId('set-type-0').inputValue(), 'personuppgifter');
  await expectText(page.getByTestId('set-type-0').locator('option:checked'), /Personuppgifter \(ur bruk\)/);
  await page.getByTestId('add-set').click();
  const offered = await page.getByTestId('set-type-1').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(!offered.includes('personuppgifter'), 'a retired type is not offered for a new set');
});

test('the list is exported, and an edited file is previewed before it is imported', async (t) => {
  const page = await app.open(t);
  await openList(page);
  await page.getByTestId('info-type-export').click();
  await expectText(notice(page), /Sparad: .+Informationstyper .+\.toml/);

  // A file with only two types: one changed, one new; the other seven are retired.
  const file = `# redigerad\nversion = "2026-11-22"\n\n${typeBlock('allman', 'Allmän information', [0, 1, 1, 0])}\n${typeBlock('bygglov', 'Bygglov', [1, 2, 1, 1])}`;
  await page.getByTestId('info-type-import-open').click();
  await page.getByTestId('info-type-file').setInputFiles(toml(file));
  await page.getByTestId('info-type-preview').waitFor();
  assert.equal(await page.getByTestId('info-type-preview-created').getAttribute('data-n'), '1');
  assert.equal(await page.getByTestId('info-type-preview-updated').getAttribute('data-n'), '1');
  assert.equal(await page.getByTestId('info-type-preview-retired').getAttribute('data-n'), String(SHIPPED - 1));
  await expectText(page.getByTestId('info-type-preview-updated'), /Offentlig information \(allman\)/);
  await page.getByTestId('info-type-import-confirm').click();
  await expectText(notice(page), new RegExp(`Tillagda: 1, ändrade: 1, tagna ur bruk: ${SHIPPED - 1}, oförändrade: 0`));
  await expectCount(page.getByTestId('info-type-row'), 2);
  assert.deepEqual(
    await page.getByTestId('info-type-row').evaluateAll((rows) => rows.map((r) => r.dataset.key)),
    ['allman', 'bygglov'],
    "the file's order",
  );
});

test('a bad file shows why and changes nothing', async (t) => {
  const page = await app.open(t);
  await openList(page);
  await page.getByTestId('info-type-import-open').click();
  for (const bad of [typeBlock('x', 'X', [9, 0, 0, 0]), 'types = 1\n', `${typeBlock('a', 'A', [0, 0, 0, 0])}${typeBlock('a', 'B', [0, 0, 0, 0])}`]) {
    await page.getByTestId('info-type-file').setInputFiles(toml(bad));
    await expectText(page.getByTestId('info-type-import-error'), /INFO_TYPE_FILE_INVALID/);
    assert.equal(await page.getByTestId('info-type-import-confirm').isDisabled(), true);
  }
  await expectText(page.getByTestId('info-type-import-error'), /used twice/);
  await page.keyboard.press('Escape');
  await expectCount(page.getByTestId('info-type-row'), SHIPPED);
});
