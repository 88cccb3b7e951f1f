// (g) Importing workbooks: a batch previewed file by file with progress, a broken file named
// with its reason while the others import, re-import changing nothing, unknown level words
// mapped, an Infoklass workbook's change list, workbook and portfolio export, Äldre krav.
// The files are the real ISAK samples (crates/isak/tests/fixtures), variants of them and
// workbooks the backend exported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText, listCount } from './lib/expect.js';
import { editWorkbook, journalVariant, sample, upload } from './lib/workbooks.js';

const app = useApp();
const JOURNAL = 'Vårdinformationssystem (journal)';
const broken = (name) => upload(name, Buffer.from('this is a text file renamed to .xlsx'));
const journal = sample('journalsystem.xlsx');
// Another object from the same layout: a summary that disagrees with its sets, a note beside the form.
const salary = () => journalVariant('lonesystem.xlsx', { B3: 'Lönesystem', D18: 2, H3: 'Granskad av IT-säkerhet 2019' });

const fileRow = (page, name) => page.locator(`[data-testid="import-file"][data-name="${name}"]`);
const rowText = async (page, name, part) => ((await fileRow(page, name).getByTestId(part).textContent()) ?? '').trim();

const allObjects = () => callHost('list_objects', { filter: { search: null, kind: null, unit: null, status: null, review_overdue: false } });

test('a batch is previewed file by file; the broken file is named with its reason and the others import', async (t) => {
  const page = await app.open(t, '?slow=250');
  await page.getByTestId('nav-import').click();
  await expectText(page.locator('h1'), 'Importera arbetsböcker');
  await expectText(page.getByTestId('import-history'), /Inga filer har importerats ännu/);
  assert.equal(await page.getByTestId('import-files').getAttribute('accept'), '.xlsx,.xlsm,.xls,.ods');

  await page.getByTestId('import-files').setInputFiles([journal, broken('anteckningar.xlsx'), salary()]);
  // Progress: one file at a time.
  await expectText(page.getByTestId('import-progress'), 'Läser 1 av 3 …');
  await expectText(page.getByTestId('import-progress'), 'Läser 2 av 3 …');
  await expectText(page.getByTestId('import-progress'), 'Läser 3 av 3 …');
  await page.getByTestId('import-progress').waitFor({ state: 'detached' });

  await expectCount(page.getByTestId('import-file'), 3);
  await expectText(page.getByTestId('import-summary'), '3 filer · 1 klar att importera · 1 med varningar · 1 kan inte importeras');
  await expectText(fileRow(page, 'journalsystem.xlsx').getByTestId('import-kind'), 'Gammal ISAK-arbetsbok');
  await expectText(fileRow(page, 'journalsystem.xlsx').getByTestId('import-what'), `Nytt objekt: ${JOURNAL}`);
  await expectText(fileRow(page, 'journalsystem.xlsx').getByTestId('import-counts'), '5 informationsmängder · 5 risker · 12 äldre krav');
  await expectText(fileRow(page, 'journalsystem.xlsx').getByTestId('import-status'), 'Klar att importera');
  await expectText(fileRow(page, 'lonesystem.xlsx').getByTestId('import-counts'), '5 informationsmängder · 5 risker · 12 äldre krav');
  await expectText(fileRow(page, 'lonesystem.xlsx').getByTestId('import-status'), 'Varningar (1)');

  // The broken file: named, with the reason and its code underneath.
  const bad = fileRow(page, 'anteckningar.xlsx');
  assert.equal(await bad.getAttribute('data-status'), 'failed');
  await expectText(fileRow(page, 'anteckningar.xlsx').getByTestId('import-status'), 'Kan inte importeras');
  await expectText(bad.getByTestId('import-reason'), /^Filen är ingen arbetsbok \(xls, xlsx, xlsm eller ods\)\.\s+Kod: IMPORT_NOT_A_WORKBOOK$/);
  assert.equal(await fileRow(page, 'journalsystem.xlsx').getByTestId('import-reason').count(), 0);

  // Expanding a row shows its findings per sheet and cell and what was not read.
  await fileRow(page, 'lonesystem.xlsx').getByTestId('import-toggle').click();
  const diag = fileRow(page, 'lonesystem.xlsx').getByTestId('import-diagnostic');
  await expectCount(diag, 1);
  await expectText(diag, /^Varning\s*Klassning\s*D18\s*.*sammanställningen visar 2 för Konfidentialitet men informationsmängderna ger högst 4.*\s*SUMMARY_MISMATCH$/);
  await expectText(fileRow(page, 'lonesystem.xlsx').locator('h3').nth(1), 'Lästes inte (1)');
  await expectText(fileRow(page, 'lonesystem.xlsx').getByTestId('import-leftover').first(), /Klassning\s*H3\s*Granskad av IT-säkerhet 2019/);
  await screenshot(page, 'import-preview');

  // Step 2: only the two good files, after a confirmation.
  await expectText(page.getByTestId('import-start'), 'Importera 2 filer');
  await page.getByTestId('import-start').click();
  await expectText(page.locator('dialog h2'), 'Importera 2 filer?');
  await page.getByTestId('confirm-import').click();
  await expectText(page.getByTestId('import-progress'), 'Importerar 1 av 2 …');
  await expectText(page.getByTestId('import-done'), 'Importen är klar: 2 importerade, 0 oförändrade, 0 misslyckades.');
  await expectText(fileRow(page, 'journalsystem.xlsx').getByTestId('import-status'), 'Skapad');
  await expectText(fileRow(page, 'lonesystem.xlsx').getByTestId('import-status'), 'Skapad');
  await expectText(fileRow(page, 'anteckningar.xlsx').getByTestId('import-status'), 'Kan inte importeras');
  assert.equal(await page.getByTestId('import-start').count(), 0, 'nothing left to import');
  await expectText(page.getByTestId('import-done').locator('+ p'), 'Välj nya filer ovan för att importera fler.');

  const history = page.getByTestId('import-history-row');
  await expectCount(history, 2);
  await expectText(history.first(), /lonesystem\.xlsx\s*ISAK\s*Skapad/);
  await fileRow(page, 'lonesystem.xlsx').getByTestId('import-toggle').click();
  await page.getByTestId('import-history').scrollIntoViewIfNeeded();
  await screenshot(page, 'import-done');

  // The new objects are in the object list.
  await page.getByTestId('nav-objects').click();
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 2, total: 2 }));
  // ISAK levels 1–4 are levels 0–3: the sample's highest 4, 4, 4 give K3 R3 T3.
  const journalRow = page.locator(`[data-testid="object-row"][data-name="${JOURNAL}"]`);
  await expectText(journalRow.locator('.profile'), 'K3 R3 T3 S–');
  await page.locator('[data-testid="object-row"][data-name="Lönesystem"]').waitFor();

  // The same file again changes nothing; a changed file with the same name updates the object.
  await page.getByTestId('nav-import').click();
  // A newer file of the same object: no set above ISAK 3 any more.
  const journal2 = journalVariant('journalsystem-2027.xlsx', { D13: 3, E13: 3, F13: 3, D14: 3, E14: 3, F14: 3, E16: 3 });
  await page.getByTestId('import-files').setInputFiles([journal, journal2]);
  await expectCount(page.getByTestId('import-file'), 2);
  await eventually(async () => assert.match(await rowText(page, 'journalsystem.xlsx', 'import-what'), new RegExp(`^Redan importerad .+: ${JOURNAL.replace(/[()]/g, '\\$&')}$`)));
  await expectText(fileRow(page, 'journalsystem.xlsx').getByTestId('import-status'), 'Inget att göra');
  await expectText(fileRow(page, 'journalsystem-2027.xlsx').getByTestId('import-what'), `Uppdaterar objektet med samma namn: ${JOURNAL}`);
  await expectText(page.getByTestId('import-start'), 'Importera 1 fil');
  await page.getByTestId('import-start').click();
  await page.getByTestId('confirm-import').click();
  await expectText(page.getByTestId('import-done'), 'Importen är klar: 1 importerade, 0 oförändrade, 0 misslyckades.');
  await expectText(fileRow(page, 'journalsystem-2027.xlsx').getByTestId('import-status'), 'Uppdaterad');
  await expectCount(history, 3);
  await page.getByTestId('nav-objects').click();
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 2, total: 2 }), { timeout: 3000 });
  await expectText(journalRow.locator('.profile'), 'K2 R2 T2 S–');
});

test('dropped files are read like chosen ones, and a long batch can be stopped and resumed', async (t) => {
  const page = await app.open(t, '?slow=300');
  await page.getByTestId('nav-import').click();
  const files = ['a', 'b', 'c', 'd'].map((x) => journalVariant(`${x}.xlsx`, { B3: `System ${x.toUpperCase()}` }));
  await page.getByTestId('import-files').setInputFiles(files);
  await expectText(page.getByTestId('import-progress'), 'Läser 1 av 4 …');
  await page.getByTestId('import-stop').click();
  await expectText(page.getByTestId('import-stopped'), 'Avbrutet: 1 av 4 filer hann behandlas.');
  await expectCount(page.getByTestId('import-file'), 1);
  // Choosing the same files again reads only those not read yet.
  await page.getByTestId('import-files').setInputFiles(files);
  await expectText(page.getByTestId('import-progress'), 'Läser 1 av 3 …');
  await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 5000 });
  await expectCount(page.getByTestId('import-file'), 4);

  const karta = journalVariant('karta.xlsx', { B3: 'Kartportal' });
  const dropped = await page.evaluateHandle((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'karta.xlsx'));
    return data;
  }, [...karta.buffer]);
  await page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: dropped });
  await expectCount(page.getByTestId('import-file'), 5);
  await expectText(fileRow(page, 'karta.xlsx').getByTestId('import-what'), 'Nytt objekt: Kartportal');
  await expectText(page.getByTestId('import-start'), 'Importera 5 filer');
});

test('unknown level words are mapped to levels and the files that use them are read again', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('nav-import').click();
  // K and R come only from the first set's words: the other sets are at most ISAK 2 there.
  const low = { D14: 1, D16: 1, E14: 1, E15: 1, E16: 1 };
  const a = journalVariant('ekonomi.xlsx', { B3: 'Ekonomisystem', D13: 'Hög', E13: 'Medel', ...low });
  const b = journalVariant('diarium.xlsx', { B3: 'Diarium', D13: 'hög', ...low });
  await page.getByTestId('import-files').setInputFiles([a, b]);
  await expectCount(page.getByTestId('import-file'), 2);
  await expectText(fileRow(page, 'ekonomi.xlsx').getByTestId('import-status'), 'Varningar (2)');
  await expectText(fileRow(page, 'diarium.xlsx').getByTestId('import-status'), 'Varningar (1)');
  await fileRow(page, 'ekonomi.xlsx').getByTestId('import-toggle').click();
  await expectText(fileRow(page, 'ekonomi.xlsx').getByTestId('import-diagnostic').first(), /Klassning\s*D13\s*.*"Hög": «hög» är inget känt namn/);

  const words = page.getByTestId('import-word');
  await expectCount(words, 2);
  await expectText(words.first(), /«hög»\s*i 2 filer/);
  await expectText(words.nth(1), /«medel»\s*i 1 fil/);
  const options = await page.getByTestId('import-word-0').locator('option').allTextContents();
  assert.deepEqual(options, [
    'Välj nivå', '0 – Försumbar skada', '1 – Måttlig skada', '2 – Betydande skada', '3 – Allvarlig skada', '4 – Synnerligen allvarlig skada',
  ]);
  assert.equal(await page.getByTestId('import-words-save').isDisabled(), true, 'nothing chosen yet');
  await page.getByTestId('import-word-0').selectOption('3');
  await page.getByTestId('import-words-save').click();

  await expectText(page.getByTestId('notice'), /Kopplingarna är sparade/);
  await expectCount(words, 1);
  await expectText(words.first(), /«medel»/);
  await eventually(async () => assert.equal(await rowText(page, 'diarium.xlsx', 'import-status'), 'Klar att importera'));
  await expectText(fileRow(page, 'ekonomi.xlsx').getByTestId('import-status'), 'Varningar (1)');

  await page.getByTestId('import-start').click();
  await expectText(page.locator('dialog p'), /Ett nivåord är inte kopplat; de cellerna lämnas tomma\.$/);
  await page.getByTestId('confirm-import').click();
  await expectText(page.getByTestId('import-done'), /2 importerade/);
  await page.getByTestId('nav-objects').click();
  // «hög» became level 3; «medel» was left unmapped, so that cell stays empty and R comes
  // from the last set (ISAK 2, level 1).
  await expectText(page.locator('[data-testid="object-row"][data-name="Diarium"] .profile'), 'K3 R3 T3 S–');
  await expectText(page.locator('[data-testid="object-row"][data-name="Ekonomisystem"] .profile'), 'K3 R1 T3 S–');
});

test('an Infoklass workbook sent back shows its changes before they are applied', async (t) => {
  const page = await app.open(t, '?seed=2');
  const { items } = await allObjects();
  const approved = items.find((o) => o.status === 'faststalld');
  const draft = items.find((o) => o.status === 'utkast');
  // The approved object's workbook as the backend exports it, edited in its Klassning sheet
  // (E5 is K of the first set, C5 its description).
  const exported = await callHost('export_workbook', { id: approved.id });
  const detail = await callHost('get_object', { id: approved.id });
  const first = detail.current.content.sets[0];
  const k = first.levels.K;
  const file = editWorkbook('tillbaka.xlsx', await readFile(exported.path), 'xl/worksheets/sheet2.xml', {
    E5: k === 3 ? 2 : k + 1,
    C5: 'Fakturor och leverantörsreskontra',
  });
  // A workbook of an object that has been deleted since.
  const gone = await callHost('export_workbook', { id: draft.id });
  await callHost('delete_object', { id: draft.id });

  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles([file, upload('annan.xlsx', await readFile(gone.path))]);
  await expectCount(page.getByTestId('import-file'), 2);
  await expectText(fileRow(page, 'tillbaka.xlsx').getByTestId('import-kind'), 'Infoklass-arbetsbok');
  await expectText(fileRow(page, 'tillbaka.xlsx').getByTestId('import-what'), `2 ändringar i ${approved.name}`);
  await expectText(fileRow(page, 'annan.xlsx').getByTestId('import-reason'), /Kod: NOT_FOUND/);

  await fileRow(page, 'tillbaka.xlsx').getByTestId('import-toggle').click();
  const changes = fileRow(page, 'tillbaka.xlsx').getByTestId('import-change');
  await expectCount(changes, 2);
  const texts = (await changes.allTextContents()).map((x) => x.replace(/\s+/g, ' ').trim());
  assert.ok(texts.some((x) => x.includes(`${first.name}`) && x.includes(`${k} → ${k === 3 ? 2 : k + 1}`)), texts.join(' | '));
  assert.ok(texts.some((x) => x.includes('(tomt) → Fakturor och leverantörsreskontra')), texts.join(' | '));
  await expectText(fileRow(page, 'tillbaka.xlsx').getByTestId('import-reclassify'), /startar en omklassning/);

  await page.getByTestId('import-start').click();
  await page.getByTestId('confirm-import').click();
  await expectText(page.getByTestId('import-done'), 'Importen är klar: 1 importerade, 0 oförändrade, 0 misslyckades.');
  await expectText(page.getByTestId('import-history-row').first(), /tillbaka\.xlsx\s*Infoklass\s*Uppdaterad/);
  await fileRow(page, 'tillbaka.xlsx').getByTestId('import-open').click();
  await expectText(page.getByTestId('detail-name'), approved.name);
  await expectText(page.getByTestId('detail-status'), 'Utkast', 'the changed sets started a re-classification');

  // The workbook exported again from the result and sent back changes nothing.
  const again = await callHost('export_workbook', { id: approved.id });
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles([upload('igen.xlsx', await readFile(again.path))]);
  await expectText(fileRow(page, 'igen.xlsx').getByTestId('import-what'), new RegExp(`^(0|Inga) ändringar i ${approved.name}`));
});

test('the changes of a workbook sent back are listed in English when English is chosen', async (t) => {
  const page = await app.open(t, '?seed=2');
  const { items } = await allObjects();
  const approved = items.find((o) => o.status === 'faststalld');
  // Exported in Swedish and edited in its Klassning sheet (E5: K of the first set, C5: its description).
  const exported = await callHost('export_workbook', { id: approved.id });
  const k = (await callHost('get_object', { id: approved.id })).current.content.sets[0].levels.K;
  const file = editWorkbook('back.xlsx', await readFile(exported.path), 'xl/worksheets/sheet2.xml', {
    E5: k === 3 ? 2 : k + 1,
    C5: 'Invoices',
  });
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles([file]);
  await fileRow(page, 'back.xlsx').getByTestId('import-toggle').click();
  const changes = fileRow(page, 'back.xlsx').getByTestId('import-change');
  await expectCount(changes, 2);
  // Sheet, item, field, change: one cell each.
  const rows = [];
  for (const row of await changes.all()) {
    rows.push((await row.locator('td').allTextContents()).map((x) => x.replace(/\s+/g, ' ').trim()));
  }
  const seen = JSON.stringify(rows);
  assert.ok(rows.every((r) => r[0] === 'Classification'), seen);
  assert.ok(rows.some((r) => r[2] === 'C' && /^\d → \d$/.test(r[3])), seen);
  assert.ok(rows.some((r) => r[2] === 'Description' && r[3].endsWith('→ Invoices')), seen);
  assert.ok(!/Klassning|Beskrivning/.test(seen), seen);
});

test('the object detail exports its workbook and shows the requirements of its old ISAK workbook', async (t) => {
  const page = await app.open(t, '?seed=1');
  await page.getByTestId('object-row').first().click();
  const name = (await page.getByTestId('detail-name').textContent()).trim();
  assert.equal(await page.getByTestId('tab-legacy').count(), 0, 'no Äldre krav tab without an old workbook');
  await page.getByTestId('export-workbook').click();
  const notice = await expectText(page.getByTestId('notice'), /^✓\s*Sparad: .+\.xlsx\s*Öppna filen\s*Visa i mappen\s*Stäng$/);
  const path = /Sparad: (.+\.xlsx)/.exec(notice)[1];
  assert.equal(path, `${app.exportDir()}/Informationsklassning ${name}.xlsx`);
  assert.equal((await readFile(path)).subarray(0, 2).toString(), 'PK');

  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles([sample('journalsystem.xlsx', 'vard.xlsx')]);
  await expectText(fileRow(page, 'vard.xlsx').getByTestId('import-status'), 'Klar att importera');
  await page.getByTestId('import-start').click();
  await page.getByTestId('confirm-import').click();
  await fileRow(page, 'vard.xlsx').getByTestId('import-open').click();
  await expectText(page.getByTestId('detail-name'), JOURNAL);
  await expectText(page.getByTestId('tab-legacy'), /^Äldre krav\s*12$/);
  await page.getByTestId('tab-legacy').click();
  await expectText(page.getByTestId('legacy-note'), /kommer från objektets gamla ISAK-arbetsbok.*ingår inte i kravkatalogen/);
  await expectText(page.locator('[data-testid="legacy-table"] thead'), /^Krav-ID\s*Område\s*Kravtext\s*Gäller från\s*Uppfyllt\s*Kommentar\s*Ansvarig$/);
  const rows = page.getByTestId('legacy-row');
  await expectCount(rows, 12);
  // The sample's Krav sheet: B1 and B2 first, its levels read as ISAK levels.
  await expectText(rows.first(), /^B1\s*Behörighet\s*Behörigheter tilldelas individuellt efter behov\s*K: 2, R: 2\s*Ja/);
  await expectText(rows.nth(1), /^B2\s*Behörighet\s*Behörigheter följs upp minst årligen\s*K: 3, R: 3\s*Delvis\s*Görs för läkare/);
});

test('the object list exports the objects the filters show as a portfolio', async (t) => {
  const page = await app.open(t, '?seed=20');
  await page.evaluate(() => {
    const internals = window.__TAURI_INTERNALS__;
    const original = internals.invoke.bind(internals);
    window.__calls = [];
    internals.invoke = (cmd, args, options) => {
      window.__calls.push([cmd, args]);
      return original(cmd, args, options);
    };
  });
  await page.getByTestId('search').fill('journalsystem');
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 2, total: 20 }));
  await page.getByTestId('export-portfolio').click();
  const notice = await expectText(page.getByTestId('notice'), /^✓\s*Sparad: .+\/Portfölj \d{4}-\d{2}-\d{2}\.xlsx/);
  const path = /Sparad: (.+\.xlsx)/.exec(notice)[1];
  assert.ok(path.startsWith(`${app.exportDir()}/`), path);
  const calls = await page.evaluate(() => window.__calls.filter(([cmd]) => cmd === 'export_portfolio'));
  assert.equal(calls.length, 1);
  const shown = await page.getByTestId('object-row').evaluateAll((rows) => rows.map((r) => r.dataset.name));
  const names = new Map((await allObjects()).items.map((o) => [o.id, o.name]));
  assert.deepEqual(calls[0][1].ids.map((id) => names.get(id)), shown);
  assert.deepEqual(shown, ['Journalsystem 0001', 'Journalsystem 0019']);

  // The portfolio read back: both objects, nothing to change.
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles([upload('portfolj.xlsx', await readFile(path))]);
  await expectText(fileRow(page, 'portfolj.xlsx').getByTestId('import-kind'), 'Infoklass-arbetsbok');
  await page.getByTestId('nav-objects').click();

  await page.getByTestId('search').fill('finns inte');
  await page.locator('.no-match').waitFor();
  assert.equal(await page.getByTestId('export-portfolio').isDisabled(), true, 'nothing to export without objects');
});

test('the import screen and its results are in English when English is chosen', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-import').click();
  await expectText(page.getByTestId('nav-import'), 'Import');
  await expectText(page.locator('h1'), 'Import workbooks');
  await expectText(page.locator('[data-testid="import-drop"] label'), 'Choose files …');
  await page.getByTestId('import-files').setInputFiles([
    journalVariant('hr.xlsx', { B3: 'Rekrytering', D13: 'Hög' }),
    broken('bild.xlsx'),
    journalVariant('utan-namn.xlsx', { B3: '' }),
  ]);
  await expectCount(page.getByTestId('import-file'), 3);
  await expectText(page.locator('[data-testid="import-list"] thead'), /^File\s*Type\s*What happens\s*Content\s*Status$/);
  await expectText(fileRow(page, 'hr.xlsx').getByTestId('import-kind'), 'Old ISAK workbook');
  await expectText(fileRow(page, 'hr.xlsx').getByTestId('import-what'), 'New object: Rekrytering');
  await expectText(fileRow(page, 'hr.xlsx').getByTestId('import-counts'), '5 information sets · 5 risks · 12 legacy requirements');
  await expectText(fileRow(page, 'hr.xlsx').getByTestId('import-status'), 'Warnings (1)');
  await expectText(fileRow(page, 'bild.xlsx').getByTestId('import-reason'), /^Not a workbook \(xls, xlsx, xlsm or ods\)\.\s+Code: IMPORT_NOT_A_WORKBOOK$/);
  await expectText(fileRow(page, 'utan-namn.xlsx').getByTestId('import-reason'), /^The workbook names no object .+Code: IMPORT_NO_OBJECT_NAME$/);
  await expectText(page.getByTestId('import-summary'), '3 files · 1 with warnings · 2 cannot be imported');
  await expectText(page.getByTestId('import-words').locator('h2'), 'Unknown level words');
  await expectText(page.getByTestId('import-word').first(), /"?«hög»"?\s*in 1 file/);
  await fileRow(page, 'hr.xlsx').getByTestId('import-toggle').click();
  await expectText(fileRow(page, 'hr.xlsx').getByTestId('import-diagnostic').first(), /^Warning\s*Klassning\s*D13\s*.*"Hög": "hög" is not a known name/);

  await expectText(page.getByTestId('import-start'), 'Import 1 file');
  await page.getByTestId('import-start').click();
  await expectText(page.locator('dialog h2'), 'Import 1 file?');
  await page.getByTestId('confirm-import').click();
  await expectText(page.getByTestId('import-done'), 'The import is done: 1 imported, 0 unchanged, 0 failed.');
  await expectText(fileRow(page, 'hr.xlsx').getByTestId('import-status'), 'Created');
  await expectText(page.getByTestId('import-history').locator('h2'), 'Import history');
  await expectText(page.getByTestId('import-history-row'), /hr\.xlsx\s*ISAK\s*Created/);

  await fileRow(page, 'hr.xlsx').getByTestId('import-open').click();
  await expectText(page.getByTestId('export-workbook'), 'Export workbook');
  await expectText(page.getByTestId('tab-legacy'), /^Legacy requirements\s*12$/);
  await page.getByTestId('tab-legacy').click();
  await expectText(page.locator('[data-testid="legacy-table"] thead'), /^Requirement ID\s*Area\s*Requirement\s*Applies from\s*Fulfilled\s*Comment\s*Responsible$/);
  await page.getByTestId('nav-objects').click();
  await expectText(page.getByTestId('export-portfolio'), 'Export portfolio');
});
