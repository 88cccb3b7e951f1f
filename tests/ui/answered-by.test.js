// Who answers what: the Krav tab filters by who answers and puts the owner's questions first;
// the owner hands requirements over (one, or all of a filtered group) and sees them come back
// answered; "Vet ej" makes an "Utred" action at Medel; the handlingsplan prints and exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified, expectPressed, rowKeys } from './lib/objects.js';
import * as catalog from './lib/catalog.js';

const app = useApp();
const WHO = ['verksamhet', 'it', 'leverantor'];

/** The number in a filter button such as "IT (34)". */
async function countIn(page, testid) {
  const text = await page.getByTestId(testid).textContent();
  return Number(/\((\d+)\)/.exec(text)[1]);
}

async function sections(page) {
  return page.getByTestId('req-section').evaluateAll((s) => s.map((e) => e.dataset.who));
}

test('the Krav tab filters by who answers, with the owner\'s questions first', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Elevdokumentation', { K: 3, R: 2, T: 2, S: 2 });
  await page.getByTestId('tab-requirements').click();
  await page.getByTestId('req-row').first().waitFor();
  const total = await page.getByTestId('req-row').count();
  assert.equal(await countIn(page, 'req-who-all'), total);
  const counts = {};
  for (const w of WHO) counts[w] = await countIn(page, `req-who-filter-${w}`);
  assert.equal(counts.verksamhet + counts.it + counts.leverantor, total);
  assert.ok(WHO.every((w) => counts[w] > 0), JSON.stringify(counts));

  // All: three sections, the owner's first; each row in the section of who answers it, as the catalogue says.
  assert.deepEqual(await sections(page), WHO);
  const keys = await rowKeys(page);
  const expected = WHO.flatMap((w) => catalog.requirements.filter((r) => r.answered_by === w && keys.includes(r.key)).map((r) => r.key));
  assert.deepEqual(keys, expected, "the owner's own questions first, each group in catalogue order");

  for (const w of WHO) {
    await page.getByTestId(`req-who-filter-${w}`).click();
    await expectCount(page.getByTestId('req-row'), counts[w]);
    assert.deepEqual(await sections(page), [w]);
    const shown = await rowKeys(page);
    assert.ok(shown.every((k) => catalog.requirement(k).answered_by === w), `${w}: ${shown.join()}`);
    // "n av m" counts within the group: every one of its access rows is shown.
    const heading = page.locator(`[data-testid="req-section"][data-who="${w}"] [data-area="behorighet"] h3 .muted`);
    if (w !== 'leverantor') await expectText(heading, /^\((\d+) av \1\)$/);
  }
  await expectText(page.getByTestId(`req-who-${(await rowKeys(page))[0]}`), 'Leverantör');
  await page.getByTestId('req-who-all').click();
  await expectCount(page.getByTestId('req-row'), total);
});

test('requirements handed over wait, then come back answered', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Elevdokumentation', { K: 3, R: 2, T: 2, S: 2 });
  await page.getByTestId('tab-requirements').click();
  await page.getByTestId('req-who-filter-it').click();
  const itKeys = await rowKeys(page);
  const first = itKeys[0];

  // One requirement, by its own button: a name is needed.
  await page.getByTestId(`req-handover-open-${first}`).click();
  await page.getByTestId('handover-save').click();
  await page.locator('#handover-problem').waitFor();
  assert.equal(await page.getByTestId('handover-to-it').isChecked(), true, 'an IT question goes to IT');
  await page.getByTestId('handover-name').fill('Per Persson');
  await page.getByTestId('handover-save').click();
  const status = page.getByTestId(`req-handover-${first}`);
  await expectText(status, /Lämnad till systemförvaltare:\s+Per Persson · \d{4}-\d{2}-\d{2} · väntar på svar/);
  assert.equal(await status.getAttribute('data-state'), 'waiting');
  await expectText(page.getByTestId('notice'), /1 krav lämnade till Per Persson/);

  // All filtered IT questions at once: the one already waiting is left out.
  await expectText(page.getByTestId('req-handover-all'), `Lämna över alla ${itKeys.length - 1} …`);
  await page.getByTestId('req-handover-all').click();
  await page.getByTestId('handover-name').fill('IT-förvaltningen');
  await page.getByTestId('handover-save').click();
  await expectText(page.getByTestId(`req-handover-${itKeys.at(-1)}`), /IT-förvaltningen · .* väntar på svar/);
  await expectText(page.getByTestId(`req-handover-${first}`), /Per Persson/);
  assert.equal(await page.getByTestId('req-handover-all').isDisabled(), true, 'nothing left to hand over');

  // The supplier's questions go to the supplier.
  await page.getByTestId('req-who-filter-leverantor').click();
  const supplierKeys = await rowKeys(page);
  await page.getByTestId('req-handover-all').click();
  assert.equal(await page.getByTestId('handover-to-leverantor').isChecked(), true);
  await page.getByTestId('handover-name').fill('Skolsystem AB');
  await page.getByTestId('handover-save').click();
  await expectText(page.getByTestId(`req-handover-${supplierKeys[0]}`), /^Lämnad till leverantör:\s+Skolsystem AB/);

  // Waiting ones are listed; an answer brings one back, with who answered and when.
  await page.getByTestId('req-who-all').click();
  await page.getByTestId('req-filter-handover').selectOption('waiting');
  await expectCount(page.getByTestId('req-row'), itKeys.length + supplierKeys.length);
  await page.getByTestId(`answer-${first}-uppfyllt`).click();
  await expectPressed(page, first, 'uppfyllt');
  await expectText(status, /^Lämnad till systemförvaltare:\s+Besvarad av \S+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  assert.equal(await status.getAttribute('data-state'), 'answered');
  await page.getByTestId('req-filter-handover').selectOption('answered');
  await eventually(async () => assert.deepEqual(await rowKeys(page), [first]));
  await screenshot(page, 'answered-by');

  // Taken back, the owner answers it again.
  await page.getByTestId(`req-takeback-${first}`).click();
  await page.getByTestId('req-filter-handover').selectOption('');
  await page.getByTestId(`req-handover-open-${first}`).waitFor();

  // It stays after a reload.
  await page.getByTestId('tab-classification').click();
  await page.getByTestId('tab-requirements').click();
  await expectText(page.getByTestId(`req-handover-${supplierKeys[0]}`), /Skolsystem AB/);
});

test('Vet ej asks to find out at Medel; the plan prints alone and exports', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Elevdokumentation', { K: 3, R: 2, T: 2, S: 2 });
  await page.getByTestId('tab-requirements').click();
  const verksamhet = catalog.requirements.filter((r) => r.answered_by === 'verksamhet' && r.obligation === 'ska');
  const [unknown, partly] = [verksamhet[0], verksamhet[1]];
  await page.getByTestId(`answer-${unknown.key}-vet_ej`).click();
  await expectPressed(page, unknown.key, 'vet_ej');
  await page.getByTestId(`comment-${partly.key}`).fill('Rutin finns för lärare men inte för vikarier');
  await page.getByTestId(`answer-${partly.key}-delvis_uppfyllt`).click();
  await expectPressed(page, partly.key, 'delvis_uppfyllt');

  await page.getByTestId('tab-actions').click();
  await expectCount(page.getByTestId('action-row'), 2);
  const rows = await page.getByTestId('action-row').evaluateAll((r) =>
    r.map((row) => row.querySelector('[data-testid^="action-source-"] span')?.textContent?.trim()),
  );
  const u = rows.indexOf(unknown.key);
  const p = rows.indexOf(partly.key);
  assert.equal(await page.getByTestId(`action-measure-${u}`).inputValue(), `Utred: ${unknown.title_sv}`);
  assert.equal(await page.getByTestId(`action-priority-${u}`).inputValue(), 'medel', 'Vet ej is Medel, not Hög');
  assert.equal(await page.getByTestId(`action-notes-${p}`).inputValue(), 'Delvis uppfyllt: Rutin finns för lärare men inte för vikarier');

  // Printing shows the plan alone.
  await page.emulateMedia({ media: 'print' });
  const print = page.getByTestId('plan-print');
  await expectText(print.locator('h1'), 'Handlingsplan: Elevdokumentation');
  await expectText(print, new RegExp(`Utred: ${unknown.title_sv}`));
  assert.equal(await page.getByTestId('add-action').isVisible(), false, 'the app around it is not printed');
  assert.equal(await page.getByTestId('tab-actions').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await print.isVisible(), false, 'on screen the print document is hidden');

  // Exported as a workbook into the export folder.
  await page.getByTestId('plan-export-xlsx').click();
  const notice = await expectText(page.getByTestId('notice'), /^✓\s*Sparad: .+\.xlsx/);
  const file = /Sparad: (.+\.xlsx)/.exec(notice)[1];
  assert.equal(dirname(file), app.exportDir());
  assert.ok(file.endsWith('Handlingsplan Elevdokumentation.xlsx'), file);
  assert.equal((await readFile(file)).subarray(0, 2).toString(), 'PK');
  await page.getByTestId('plan-export-csv').click();
  const csvNotice = await expectText(page.getByTestId('notice'), /^✓\s*Sparad: .+\.csv/);
  const csv = await readFile(/Sparad: (.+\.csv)/.exec(csvNotice)[1], 'utf8');
  assert.match(csv, new RegExp(`;Utred: ${unknown.title_sv};${unknown.key};`));
});
