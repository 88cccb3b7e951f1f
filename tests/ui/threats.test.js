// The Hotkatalog screen: threats by origin with search and filter; adding (the form's own
// checks first), editing, retiring (no longer offered for new risks, still naming old ones)
// and restoring; export; import of a TOML file after a preview; a bad file changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';

const app = useApp();

const ORIGIN_NAMES = [
  ['manniska-avsiktlig', 'Människa, avsiktlig', 'Human, deliberate'],
  ['manniska-oavsiktlig', 'Människa, oavsiktlig', 'Human, accidental'],
  ['teknik', 'Teknik', 'Technology'],
  ['natur', 'Natur och miljö', 'Nature and environment'],
  ['administration', 'Administration', 'Administration'],
];
const ORIGINS = ORIGIN_NAMES.map(([key]) => key);
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
  await expectCount(page.getByTestId('threat-row'), 12);
  assert.deepEqual(await page.getByTestId('threat-origin-group').evaluateAll((g) => g.map((x) => x.dataset.origin)), ORIGINS);
  await expectText(page.getByTestId('threats-shown'), '12 av 12 hot');
  await expectText(row(page, 'HOT-02').getByTestId('threat-name'), 'Skadlig kod och utpressning');
  assert.equal(await row(page, 'HOT-02').getByTestId('threat-aspects').getAttribute('data-aspects'), 'RT');
  assert.equal(await row(page, 'HOT-02').getByTestId('threat-aspects').getAttribute('aria-label'), 'Aspekter: Riktighet, Tillgänglighet');
  await expectText(row(page, 'HOT-02').getByTestId('threat-used'), 'används inte i någon risk');

  // Cause and consequence are shown when the row is opened.
  const details = row(page, 'HOT-10').getByTestId('threat-details');
  assert.equal(await details.isVisible(), false);
  await row(page, 'HOT-10').getByTestId('threat-expand').click();
  assert.equal(await row(page, 'HOT-10').getByTestId('threat-expand').getAttribute('aria-expanded'), 'true');
  await expectText(details, /Typisk orsak\s*saknad reservkraft\s*Typisk konsekvens\s*att systemet stannar/);

  // Search and the origin filter.
  await page.getByTestId('threat-search').fill('strömavbrott');
  await expectCount(page.getByTestId('threat-row'), 1);
  await expectText(page.getByTestId('threats-shown'), '1 av 12 hot');
  await page.getByTestId('threat-search').fill('');
  await page.getByTestId('threat-filter-origin').selectOption('teknik');
  assert.deepEqual(await rowKeys(page.getByTestId('threat-row')), ['HOT-07', 'HOT-08']);
  await page.getByTestId('threat-search').fill('jordbävning');
  await expectText(page.getByTestId('threats-no-match'), /Inga hot matchar sökningen/);
  await page.getByTestId('threats-no-match').getByRole('button').click();
  await expectCount(page.getByTestId('threat-row'), 12);

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
  await expectCount(page.getByTestId('threat-row'), 12);

  await page.keyboard.press('Space');
  await page.getByTestId('threat-aspect-T').check();
  await saveForm(page);
  await expectText(notice(page), 'HOT-13 Stöld av bärbar dator är tillagt i hotkatalogen.');
  await expectCount(page.getByTestId('threat-row'), 13);
  const added = page.locator('[data-origin="manniska-avsiktlig"] [data-testid="threat-row"]').last();
  assert.equal(await added.getAttribute('data-key'), 'HOT-13');
  assert.equal(await added.getByTestId('threat-aspects').getAttribute('data-aspects'), 'KT');

  // Edit it: the same form, filled in.
  await row(page, 'HOT-13').getByTestId('threat-edit').click();
  await expectText(page.locator('dialog[open] h2'), 'Ändra hotet HOT-13');
  assert.equal(await page.getByTestId('threat-name-sv').inputValue(), 'Stöld av bärbar dator');
  assert.equal(await page.getByTestId('threat-cause').inputValue(), 'okrypterade hårddiskar');
  assert.equal(await page.getByTestId('threat-aspect-T').isChecked(), true);
  await page.getByTestId('threat-name-sv').fill('Stöld av bärbar dator eller mobil');
  await page.getByTestId('threat-aspect-T').uncheck();
  await page.getByTestId('threat-aspect-R').check();
  await saveForm(page);
  await expectText(notice(page), 'HOT-13 Stöld av bärbar dator eller mobil är sparat.');
  await expectText(row(page, 'HOT-13').getByTestId('threat-name'), 'Stöld av bärbar dator eller mobil');
  assert.equal(await row(page, 'HOT-13').getByTestId('threat-aspects').getAttribute('data-aspects'), 'KR');

  // In English the English name is shown.
  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('catalog-tab-threats'), 'Threats');
  await expectText(row(page, 'HOT-13').getByTestId('threat-name'), 'Laptop theft');
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
    'HOT-05 Felsänd information erbjuds inte längre när nya risker skapas. Den risk som redan gjorts av hotet behåller dess namn. Hotet tas inte bort och kan återställas senare.');
  await page.getByTestId('threat-retire-confirm').click();
  await expectText(notice(page), 'HOT-05 Felsänd information är taget ur bruk.');
  await expectCount(row(page, 'HOT-05'), 0);
  await row(page, 'HOT-07').getByTestId('threat-retire').click();
  await expectText(page.locator('dialog[open] p'), /Inga risker har gjorts av hotet\./);
  await page.getByTestId('threat-retire-confirm').click();
  await expectCount(row(page, 'HOT-07'), 0);
  await expectText(page.getByTestId('threats-shown'), '10 av 12 hot');
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
  await expectText(page.getByTestId('threats-count'), '0 av 11 hot relevanta');
  const risk = page.locator('[data-testid="risk-row"][data-label="R1"]');
  await expectText(risk.locator('.threat'), 'Felsänd information');
  await expectText(risk.getByTestId('risk-event'), 'Journalkopia skickas till fel mottagare');

  // Shown again, muted and marked, with the toggle; restored from there.
  await openCatalogue(page);
  await page.getByTestId('threat-show-retired').check();
  await expectCount(page.getByTestId('threat-row'), 12);
  assert.equal(await row(page, 'HOT-05').getAttribute('data-retired'), 'true');
  await expectText(row(page, 'HOT-05').getByTestId('threat-retired-badge'), 'Ur bruk');
  await row(page, 'HOT-05').getByTestId('threat-expand').click();
  await page.mouse.move(640, 715);
  await screenshot(page, 'threats');

  await row(page, 'HOT-07').getByTestId('threat-restore').click();
  await expectText(notice(page), 'HOT-07 Driftavbrott är återställt och erbjuds åter för nya risker.');
  await eventually(async () => assert.equal(await row(page, 'HOT-07').getAttribute('data-retired'), 'false'));
  await expectCount(row(page, 'HOT-07').getByTestId('threat-retired-badge'), 0);
  await expectText(page.locator('label:has([data-testid="threat-show-retired"])'), 'Visa hot ur bruk (1)');

  await page.getByTestId('nav-objects').click();
  await page.locator('[data-testid="object-row"][data-name="Journalsystem"]').click();
  await page.getByTestId('tab-risks').click();
  await expectCount(page.getByTestId('threat-create-HOT-07'), 1);
});

// A catalogue file as the export writes it: HOT-02 as it is, HOT-01 renamed, a new HOT-20 and
// a text with quotes; every other threat is missing and so retired.
const CATALOGUE = `# Infoklass hotkatalog
id = "infoklass-hot"
version = "2026-05-01"

${ORIGIN_NAMES.map(([key, sv, en]) => `[[origins]]\nkey = "${key}"\nname_sv = "${sv}"\nname_en = "${en}"\n`).join('\n')}
[[threats]]
key = "HOT-02"
origin = "manniska-avsiktlig"
name_sv = "Skadlig kod och utpressning"
name_en = "Malware and ransomware"
description_sv = "Skadlig kod krypterar eller förstör informationen."
cause_sv = "saknade säkerhetsuppdateringar"
consequence_sv = "att verksamheten står still och information går förlorad"
aspects = ["R", "T"]

[[threats]]
key = "HOT-01"
origin = "manniska-avsiktlig"
name_sv = "Nätfiske och social manipulation"
name_en = 'Phishing and "social engineering"'
description_sv = "En angripare lurar till sig en giltig inloggning med ett \\"brådskande\\" meddelande."
cause_sv = "bristande kunskap om falska inloggningssidor"
consequence_sv = "att uppgifter läcker till obehöriga"
aspects = ["K", "S"]  # S added
retired = false

[[threats]]
key = "HOT-20"
origin = "administration"
name_sv = "Förfalskade fakturor"
name_en = "Invoice fraud"
description_sv = "En falsk faktura betalas."
cause_sv = "attestregler som inte följs"
consequence_sv = "ekonomisk förlust"
aspects = ["R"]
`;
const tomlFile = (name, text) => ({ name, mimeType: 'application/toml', buffer: Buffer.from(text, 'utf8') });

test('the catalogue is exported, and an imported file is previewed before it changes anything', async (t) => {
  const page = await app.open(t);
  await openCatalogue(page);
  await page.getByTestId('threat-export').click();
  await expectText(notice(page), /^Sparad: .*Hotkatalog \d{4}-\d{2}-\d{2}\.toml$/);

  // The preview says what would happen; nothing has changed yet.
  await page.getByTestId('threat-import-open').click();
  assert.equal(await page.getByTestId('threat-import-confirm').isDisabled(), true);
  await page.getByTestId('threat-file').setInputFiles(tomlFile('hotkatalog.toml', CATALOGUE));
  const preview = page.getByTestId('threat-preview');
  await preview.waitFor();
  await expectText(page.getByTestId('threat-preview-created'), /Läggs till \(1\)\s*HOT-20$/);
  await expectText(page.getByTestId('threat-preview-updated'), /Ändras \(1\)\s*HOT-01 Nätfiske$/);
  assert.equal(await page.getByTestId('threat-preview-retired').getAttribute('data-n'), '10');
  await expectText(page.getByTestId('threat-preview-retired').locator('li').first(), 'HOT-03 Obehörig läsning av anställd');
  await expectText(page.getByTestId('threat-preview-unchanged'), 'Oförändrade: 1');
  await expectText(preview, /Hot som saknas i filen tas ur bruk/);
  await expectCount(page.getByTestId('threat-row'), 12);
  assert.equal(await row(page, 'HOT-03').getAttribute('data-retired'), 'false');

  await page.getByTestId('threat-import-confirm').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectText(notice(page), 'Hotkatalogen är importerad. Tillagda: 1, ändrade: 1, tagna ur bruk: 10, oförändrade: 1.');
  // The file's order is kept; the retired threats are hidden until asked for.
  assert.deepEqual(await rowKeys(page.getByTestId('threat-row')), ['HOT-02', 'HOT-01', 'HOT-20']);
  await expectText(row(page, 'HOT-01').getByTestId('threat-name'), 'Nätfiske och social manipulation');
  assert.equal(await row(page, 'HOT-01').getByTestId('threat-aspects').getAttribute('data-aspects'), 'KS');
  await row(page, 'HOT-01').getByTestId('threat-expand').click();
  await expectText(row(page, 'HOT-01').getByTestId('threat-details'), /med ett "brådskande" meddelande/);
  await expectText(page.getByTestId('threats-shown'), '3 av 13 hot');
  await page.getByTestId('threat-show-retired').check();
  await expectCount(page.getByTestId('threat-row'), 13);

  // The same file again changes nothing.
  await page.getByTestId('threat-import-open').click();
  await page.getByTestId('threat-file').setInputFiles(tomlFile('hotkatalog.toml', CATALOGUE));
  await expectText(page.getByTestId('threat-preview-unchanged'), 'Oförändrade: 3');
  await expectText(preview, /Filen stämmer redan med hotkatalogen/);

  // A bad file: its error and reason with the code; import stays blocked and nothing changes.
  const broken = CATALOGUE.replace('aspects = ["R"]', 'aspects = ["R", "X"]');
  await page.getByTestId('threat-file').setInputFiles(tomlFile('trasig.toml', broken));
  const error = page.getByTestId('threat-import-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('data-code'), 'THREAT_FILE_INVALID');
  await expectText(error, /^Filen är inte en giltig hotkatalog\. Ingenting har ändrats\.\s*Orsak: trasig\.toml: .*unknown aspect "X".*\s*Felkod: THREAT_FILE_INVALID$/);
  assert.equal(await preview.count(), 0);
  assert.equal(await page.getByTestId('threat-import-confirm').isDisabled(), true);
  await page.getByTestId('threat-file').setInputFiles(tomlFile('anteckningar.toml', 'Det här är ingen hotkatalog.\n'));
  await expectText(error, /Orsak: anteckningar\.toml: line 1: expected `name = value`/);
  await page.keyboard.press('Escape');
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectCount(page.getByTestId('threat-row'), 13);
  assert.deepEqual(await rowKeys(page.locator('[data-testid="threat-row"][data-retired="false"]')), ['HOT-02', 'HOT-01', 'HOT-20']);
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
  await expectCount(page.getByTestId('threat-row'), 12);
});
