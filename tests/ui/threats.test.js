// The Hotkatalog screen: threats by origin with search and filter; adding (the form's own
// checks first), editing, retiring (no longer offered for new risks, still naming old ones)
// and restoring; export; import of a TOML file after a preview; a bad file changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';
import * as catalog from './lib/catalog.js';

const app = useApp();

const ORIGINS = ['manniska-avsiktlig', 'manniska-oavsiktlig', 'teknik', 'natur', 'administration'];
// The shipped catalogue: 54 threats, HOT-01 … HOT-54; a new one gets the next number.
const N = catalog.threats.length;
const name = (key) => catalog.threat(key).name_sv;
const row = (page, key) => page.locator(`[data-testid="threat-row"][data-key="${key}"]`);
const notice = (page) => page.getByTestId('notice').locator('.text');
const rowKeys = (locator) => locator.evaluateAll((rows) => rows.map((r) => r.dataset.key));

async function openCatalogue(page) {
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-threats').click();
  await page.getByTestId('threat-search').waitFor();
}

/** Saves the open form and waits until the dialog has closed. */
async function saveForm(page) {
  await page.getByTestId('threat-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
}

test('threats are listed by origin, and a new threat is checked, added and edited', async (t) => {
  const page = await app.open(t);
  await expectText(page.getByTestId('nav-catalog'), 'Kataloger');
  await openCatalogue(page);
  assert.equal(await page.getByTestId('nav-catalog').getAttribute('aria-current'), 'page');
  assert.equal(await page.getByTestId('catalog-tab-threats').getAttribute('aria-selected'), 'true');
  assert.equal(N, 54);
  await expectCount(page.getByTestId('threat-row'), N);
  assert.deepEqual(await page.getByTestId('threat-origin-group').evaluateAll((g) => g.map((x) => x.dataset.origin)), ORIGINS);
  await expectText(page.getByTestId('threats-shown'), `${N} av ${N} hot`);
  await expectText(row(page, 'HOT-02').getByTestId('threat-name'), name('HOT-02'));
  assert.equal(await row(page, 'HOT-02').getByTestId('threat-aspects').getAttribute('data-aspects'), 'KRT');
  assert.equal(await row(page, 'HOT-02').getByTestId('threat-aspects').getAttribute('aria-label'), 'Aspekter: Konfidentialitet, Riktighet, Tillgänglighet');
  await expectText(row(page, 'HOT-02').getByTestId('threat-used'), 'används inte i någon risk');

  // Cause and consequence are shown when the row is opened.
  const details = row(page, 'HOT-10').getByTestId('threat-details');
  assert.equal(await details.isVisible(), false);
  await row(page, 'HOT-10').getByTestId('threat-expand').click();
  assert.equal(await row(page, 'HOT-10').getByTestId('threat-expand').getAttribute('aria-expanded'), 'true');
  await expectText(details, /Typisk orsak\s*Olåsta dörrar, passerkort som lånas ut.*Typisk konsekvens\s*Handlingar och utrustning kan stjälas/);

  // Search and the origin filter.
  await page.getByTestId('threat-search').fill('strömavbrott');
  await expectCount(page.getByTestId('threat-row'), 1);
  await expectText(page.getByTestId('threats-shown'), `1 av ${N} hot`);
  await page.getByTestId('threat-search').fill('');
  await page.getByTestId('threat-filter-origin').selectOption('teknik');
  await eventually(async () =>
    assert.deepEqual(await rowKeys(page.getByTestId('threat-row')), catalog.threats.filter((x) => x.origin === 'teknik').map((x) => x.key)));
  await page.getByTestId('threat-search').fill('jordbävning');
  await expectText(page.getByTestId('threats-no-match'), /Inga hot matchar sökningen/);
  await page.getByTestId('threats-no-match').getByRole('button').click();
  await expectCount(page.getByTestId('threat-row'), N);

  // A new threat by keyboard: the form opens with the Swedish name focused.
  await page.getByTestId('threat-new').focus();
  await page.keyboard.press('Enter');
  await expectText(page.locator('dialog[open] h2'), 'Nytt hot');
  await expectText(page.getByTestId('threat-form'), /nästa lediga HOT-nummer/);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'threat-name-sv');
  // Nothing filled in: both rules are named, each with its code; nothing is saved.
  await page.keyboard.press('Enter');
  const problems = page.getByTestId('threat-form-problems');
  assert.deepEqual(await problems.locator('li').evaluateAll((li) => li.map((x) => x.dataset.code)), ['THREAT_NAME_MISSING', 'THREAT_ASPECTS_MISSING']);
  await expectText(problems.locator('li').first(), /^Hotet behöver ett namn på svenska\.\s*Felkod: THREAT_NAME_MISSING$/);
  assert.equal(await page.getByTestId('threat-name-sv').getAttribute('aria-invalid'), 'true');

  await page.keyboard.type('Stöld av bärbar dator');
  await page.getByTestId('threat-name-en').fill('Laptop theft');
  await page.getByTestId('threat-origin').selectOption('manniska-avsiktlig');
  await page.getByTestId('threat-description').fill('En bärbar dator med lokalt sparade uppgifter stjäls.');
  await page.getByTestId('threat-cause').fill('okrypterade hårddiskar');
  await page.getByTestId('threat-consequence').fill('att uppgifter röjs för obehöriga');
  await page.getByTestId('threat-save').click();
  await expectText(problems, /^Välj minst en aspekt som hotet påverkar \(K, R, T eller S\)\.\s*Felkod: THREAT_ASPECTS_MISSING$/);
  assert.equal(await problems.getAttribute('data-code'), 'THREAT_ASPECTS_MISSING');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'threat-aspect-K', 'focus on the first aspect');
  assert.equal(await page.locator('dialog[open]').count(), 1, 'the form stays open');
  await expectCount(page.getByTestId('threat-row'), N);

  await page.keyboard.press('Space');
  await page.getByTestId('threat-aspect-T').check();
  await saveForm(page);
  await expectText(notice(page), 'HOT-55 Stöld av bärbar dator är tillagt i hotkatalogen.');
  await expectCount(page.getByTestId('threat-row'), N + 1);
  const added = page.locator('[data-origin="manniska-avsiktlig"] [data-testid="threat-row"]').last();
  assert.equal(await added.getAttribute('data-key'), 'HOT-55');
  assert.equal(await added.getByTestId('threat-aspects').getAttribute('data-aspects'), 'KT');

  // Edit it: the same form, filled in.
  await row(page, 'HOT-55').getByTestId('threat-edit').click();
  await expectText(page.locator('dialog[open] h2'), 'Ändra hotet HOT-55');
  assert.equal(await page.getByTestId('threat-name-sv').inputValue(), 'Stöld av bärbar dator');
  assert.equal(await page.getByTestId('threat-cause').inputValue(), 'okrypterade hårddiskar');
  assert.equal(await page.getByTestId('threat-aspect-T').isChecked(), true);
  await page.getByTestId('threat-name-sv').fill('Stöld av bärbar dator eller mobil');
  await page.getByTestId('threat-aspect-T').uncheck();
  await page.getByTestId('threat-aspect-R').check();
  await saveForm(page);
  await expectText(notice(page), 'HOT-55 Stöld av bärbar dator eller mobil är sparat.');
  await expectText(row(page, 'HOT-55').getByTestId('threat-name'), 'Stöld av bärbar dator eller mobil');
  assert.equal(await row(page, 'HOT-55').getByTestId('threat-aspects').getAttribute('data-aspects'), 'KR');

  // In English the English name is shown.
  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('catalog-tab-threats'), 'Threats');
  await expectText(row(page, 'HOT-55').getByTestId('threat-name'), 'Laptop theft');
  await expectText(page.getByTestId('threat-new'), '+ New threat');
});

test('a retired threat is not offered for new risks but still names its risks, and can be restored', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Journalsystem', { K: 2, R: 2, T: 2, S: 1 });
  await page.getByTestId('tab-risks').click();
  await page.getByTestId('analysis-owner').fill('Anna Berg');
  await page.getByTestId('analysis-start').click();
  await page.getByTestId('analysis-header').waitFor();
  await page.getByTestId('threat-create-HOT-05').click();
  await page.getByTestId('risk-event-input').fill('Journalkopia skickas till fel mottagare');
  await page.getByTestId('risk-p-2').check();
  await page.getByTestId('risk-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });

  await openCatalogue(page);
  await expectText(row(page, 'HOT-05').getByTestId('threat-used'), 'används i 1 risk');

  // Retiring asks first and says what it means.
  await row(page, 'HOT-05').getByTestId('threat-retire').click();
  const question = page.locator('dialog[open]');
  await expectText(question.locator('h2'), 'Ta hotet ur bruk?');
  await expectText(question.locator('p'),
    `HOT-05 ${name('HOT-05')} erbjuds inte längre när nya risker skapas. Den risk som redan gjorts av hotet behåller dess namn. Hotet tas inte bort och kan återställas senare.`);
  await page.getByTestId('threat-retire-confirm').click();
  await expectText(notice(page), `HOT-05 ${name('HOT-05')} är taget ur bruk.`);
  await expectCount(row(page, 'HOT-05'), 0);
  await row(page, 'HOT-07').getByTestId('threat-retire').click();
  await expectText(page.locator('dialog[open] p'), /Inga risker har gjorts av hotet\./);
  await page.getByTestId('threat-retire-confirm').click();
  await expectCount(row(page, 'HOT-07'), 0);
  await expectText(page.getByTestId('threats-shown'), `${N - 2} av ${N} hot`);
  await expectText(page.locator('label:has([data-testid="threat-show-retired"])'), 'Visa hot ur bruk (2)');

  // The risk analysis no longer offers them; the risk made from HOT-05 keeps its name.
  await page.getByTestId('nav-objects').click();
  await page.locator('[data-testid="object-row"][data-name="Journalsystem"]').click();
  await page.getByTestId('tab-risks').click();
  await page.getByTestId('threat-picker').waitFor();
  await expectCount(page.getByTestId('threat-create-HOT-01'), 1);
  await expectCount(page.getByTestId('threat-create-HOT-05'), 0);
  await expectCount(page.getByTestId('threat-create-HOT-07'), 0);
  await expectCount(page.locator('[data-testid="threat"][data-key="HOT-07"]'), 0);
  assert.equal(await page.locator('[data-testid="threat"][data-key="HOT-05"]').getAttribute('data-retired'), 'true', 'listed while a risk uses it');
  await expectText(page.getByTestId('threats-count'), `0 av ${N - 1} hot relevanta`);
  const risk = page.locator('[data-testid="risk-row"][data-label="R1"]');
  await expectText(risk.locator('.threat'), name('HOT-05'));
  await expectText(risk.getByTestId('risk-event'), 'Journalkopia skickas till fel mottagare');

  // Shown again, muted and marked, with the toggle; restored from there.
  await openCatalogue(page);
  await page.getByTestId('threat-show-retired').check();
  await expectCount(page.getByTestId('threat-row'), N);
  assert.equal(await row(page, 'HOT-05').getAttribute('data-retired'), 'true');
  await expectText(row(page, 'HOT-05').getByTestId('threat-retired-badge'), 'Ur bruk');
  await row(page, 'HOT-05').getByTestId('threat-expand').click();
  await page.mouse.move(640, 715);
  await screenshot(page, 'threats');

  await row(page, 'HOT-07').getByTestId('threat-restore').click();
  await expectText(notice(page), `HOT-07 ${name('HOT-07')} är återställt och erbjuds åter för nya risker.`);
  await eventually(async () => assert.equal(await row(page, 'HOT-07').getAttribute('data-retired'), 'false'));
  await expectCount(row(page, 'HOT-07').getByTestId('threat-retired-badge'), 0);
  await expectText(page.locator('label:has([data-testid="threat-show-retired"])'), 'Visa hot ur bruk (1)');

  await page.getByTestId('nav-objects').click();
  await page.locator('[data-testid="object-row"][data-name="Journalsystem"]').click();
  await page.getByTestId('tab-risks').click();
  await expectCount(page.getByTestId('threat-create-HOT-07'), 1);
});

const tomlFile = (fileName, text) => ({ name: fileName, mimeType: 'application/toml', buffer: Buffer.from(text, 'utf8') });

/**
 * The exported file, edited as an officer would: HOT-02 moved first, HOT-01 changed (a text
 * with quotes, S added), HOT-03 removed (so retired) and a new HOT-55.
 */
function edited(exported) {
  const [head, ...blocks] = exported.split('\n[[threats]]\n');
  const byKey = new Map(blocks.map((b) => [/^key = "(.+)"$/m.exec(b)[1], b.trimEnd()]));
  const hot01 = byKey.get('HOT-01')
    .replace(/^name_en = .*$/m, `name_en = 'Phishing and "social engineering"'`)
    .replace(/^description_sv = .*$/m, 'description_sv = "En angripare lurar till sig en giltig inloggning med ett \\"brådskande\\" meddelande."')
    .replace(/^aspects = .*$/m, 'aspects = ["K", "S"]  # R taken away');
  const rest = [...byKey.keys()].filter((k) => !['HOT-01', 'HOT-02', 'HOT-03'].includes(k)).map((k) => byKey.get(k));
  const hot55 = [
    'key = "HOT-55"', 'origin = "administration"', 'name_sv = "Förfalskade fakturor"', 'name_en = "Invoice fraud"',
    'description_sv = "En falsk faktura betalas."', 'cause_sv = "Attestregler som inte följs."',
    'consequence_sv = "Ekonomisk förlust."', 'aspects = ["R"]',
  ].join('\n');
  return [head.trimEnd(), byKey.get('HOT-02'), hot01, ...rest, hot55].join('\n\n[[threats]]\n') + '\n';
}

test('the catalogue is exported, and an imported file is previewed before it changes anything', async (t) => {
  const page = await app.open(t);
  await openCatalogue(page);
  await page.getByTestId('threat-export').click();
  const saved = await expectText(notice(page), /^Sparad: .*Hotkatalog \d{4}-\d{2}-\d{2}\.toml$/);
  const exported = await readFile(saved.replace(/^Sparad: /, ''), 'utf8');
  assert.equal((exported.match(/^\[\[threats\]\]$/gm) ?? []).length, N, 'every threat is exported');
  const file = edited(exported);

  // The preview says what would happen; nothing has changed yet.
  await page.getByTestId('threat-import-open').click();
  assert.equal(await page.getByTestId('threat-import-confirm').isDisabled(), true);
  await page.getByTestId('threat-file').setInputFiles(tomlFile('hotkatalog.toml', file));
  const preview = page.getByTestId('threat-preview');
  await preview.waitFor();
  await expectText(page.getByTestId('threat-preview-created'), /Läggs till \(1\)\s*HOT-55$/);
  await expectText(page.getByTestId('threat-preview-updated'), new RegExp(`Ändras \\(1\\)\\s*HOT-01 ${name('HOT-01')}$`));
  assert.equal(await page.getByTestId('threat-preview-retired').getAttribute('data-n'), '1');
  await expectText(page.getByTestId('threat-preview-retired').locator('li').first(), `HOT-03 ${name('HOT-03')}`);
  await expectText(page.getByTestId('threat-preview-unchanged'), `Oförändrade: ${N - 2}`);
  await expectText(preview, /Hot som saknas i filen tas ur bruk/);
  await expectCount(page.getByTestId('threat-row'), N);
  assert.equal(await row(page, 'HOT-03').getAttribute('data-retired'), 'false');

  await page.getByTestId('threat-import-confirm').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectText(notice(page), `Hotkatalogen är importerad. Tillagda: 1, ändrade: 1, tagna ur bruk: 1, oförändrade: ${N - 2}.`);
  // The file's order is kept; the retired threat is hidden until asked for.
  // The list is read again after the notice, so its order is checked until it has settled.
  await eventually(async () => {
    const keys = await rowKeys(page.getByTestId('threat-row'));
    assert.deepEqual(keys.slice(0, 3), ['HOT-02', 'HOT-01', 'HOT-04']);
    assert.equal(keys.at(-1), 'HOT-55');
    assert.ok(!keys.includes('HOT-03'));
  });
  await expectText(row(page, 'HOT-01').getByTestId('threat-name'), name('HOT-01'));
  assert.equal(await row(page, 'HOT-01').getByTestId('threat-aspects').getAttribute('data-aspects'), 'KS');
  await row(page, 'HOT-01').getByTestId('threat-expand').click();
  await expectText(row(page, 'HOT-01').getByTestId('threat-details'), /med ett "brådskande" meddelande/);
  await expectText(page.getByTestId('threats-shown'), `${N} av ${N + 1} hot`);
  await page.getByTestId('threat-show-retired').check();
  await expectCount(page.getByTestId('threat-row'), N + 1);

  // The same file again changes nothing.
  await page.getByTestId('threat-import-open').click();
  await page.getByTestId('threat-file').setInputFiles(tomlFile('hotkatalog.toml', file));
  await expectText(page.getByTestId('threat-preview-unchanged'), `Oförändrade: ${N}`);
  await expectText(preview, /Filen stämmer redan med hotkatalogen/);

  // A bad file: its error and reason with the code; import stays blocked and nothing changes.
  const broken = file.replace('aspects = ["R"]', 'aspects = ["R", "X"]');
  await page.getByTestId('threat-file').setInputFiles(tomlFile('trasig.toml', broken));
  const error = page.getByTestId('threat-import-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('data-code'), 'THREAT_FILE_INVALID');
  await expectText(error, /^Filen är inte en giltig hotkatalog\. Ingenting har ändrats\.\s*Orsak: trasig\.toml: [\s\S]*unknown variant `X`[\s\S]*\s*Felkod: THREAT_FILE_INVALID$/);
  assert.equal(await preview.count(), 0);
  assert.equal(await page.getByTestId('threat-import-confirm').isDisabled(), true);
  await page.getByTestId('threat-file').setInputFiles(tomlFile('anteckningar.toml', 'Det här är ingen hotkatalog.\n'));
  await expectText(error, /Orsak: anteckningar\.toml: /);
  await page.keyboard.press('Escape');
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectCount(page.getByTestId('threat-row'), N + 1);
  assert.deepEqual((await rowKeys(page.locator('[data-testid="threat-row"][data-retired="true"]'))), ['HOT-03']);
});

test('a failed save is shown in the form, which keeps what was typed', async (t) => {
  const page = await app.open(t, '?fail=save_threat');
  await openCatalogue(page);
  await page.getByTestId('threat-new').click();
  await page.getByTestId('threat-name-sv').fill('Sabotage');
  await page.getByTestId('threat-aspect-T').check();
  await page.getByTestId('threat-save').click();
  const problems = page.getByTestId('threat-form-problems');
  await expectText(problems, /Databasen kunde inte läsas eller skrivas.*\s*Felkod: DB_ERROR/);
  assert.equal(await page.getByTestId('threat-name-sv').inputValue(), 'Sabotage');
  await page.getByTestId('threat-cancel').click();
  await expectCount(page.getByTestId('threat-row'), N);
});
