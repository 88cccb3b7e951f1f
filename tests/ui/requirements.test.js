// (a) Requirements follow from the classification with their reasons; an unmet answer creates
// an action; "ej tillämpligt" needs a motivation first. Also: filters, details, ~100 requirements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified, expectCountOf, expectPressed, rowKeys } from './lib/objects.js';

const app = useApp();

test('K2 R3 T2 S1 shows its requirements; answers are saved and unmet ones go to the action plan', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Ekonomisystem', { K: 2, R: 3, T: 2, S: 1 });
  await page.getByTestId('tab-requirements').click();

  // Exactly the requirements whose trigger holds, grouped by area, in catalogue order.
  await expectCount(page.getByTestId('req-row'), 11);
  assert.deepEqual(await rowKeys(page), [
    'BEH-01', 'BEH-02', 'LOG-01', 'SAK-01', 'SAK-02', 'SAK-03', 'KON-01', 'KON-03', 'LEV-01', 'LEV-02', 'LEV-03',
  ]);
  await expectText(page.getByTestId('req-reasons-BEH-01'), 'Grundskydd');
  await expectText(page.getByTestId('req-reasons-BEH-02'), 'K ≥ 2');
  await expectText(page.getByTestId('req-reasons-SAK-02'), 'R ≥ 3');
  await expectText(page.getByTestId('req-reasons-KON-03'), 'R ≥ 3', { timeout: 1000 });
  await expectText(page.locator('[data-testid="req-area"][data-area="behorighet"] h3'), 'Behörighet och åtkomst (2)');
  await expectText(page.getByTestId('req-summary'), /^11 krav · 0 uppfyllda · 0 delvis · 0 ej uppfyllda · 0 ej tillämpliga · 0 vet ej · 11 ej bedömda/);
  await expectText(page.getByTestId('req-catalog'), /Kravkatalog infoklass-bas 2026\.1/);

  // Ej uppfyllt: saved, counted, and an action appears in the handlingsplan.
  await page.getByTestId('answer-SAK-02-ej_uppfyllt').click();
  await expectPressed(page, 'SAK-02', 'ej_uppfyllt');
  await expectCountOf(page, 'ej_uppfyllt', 1);
  await expectCountOf(page, 'unanswered', 10);
  await page.getByTestId('answer-BEH-01-uppfyllt').click();
  await expectPressed(page, 'BEH-01', 'uppfyllt');
  await page.getByTestId('comment-BEH-01').fill('Rutin för behörighetsbeställning finns.');
  await page.getByTestId('evidence-BEH-01').fill('Rutin IT-123');
  await page.getByTestId('evidence-BEH-01').press('Tab');
  await expectText(page.getByTestId('req-summary'), /^11 krav · 1 uppfyllt · 0 delvis · 1 ej uppfyllt · 0 ej tillämpliga · 0 vet ej · 9 ej bedömda/);
  await screenshot(page, 'requirements');
  await page.getByTestId('tab-actions').click();
  await expectCount(page.getByTestId('action-row'), 1);
  await expectText(page.getByTestId('action-source-0'), 'SAK-02 Daglig kopia med återläsningstest');
  assert.match(await page.getByTestId('action-measure-0').inputValue(), /kopieras dagligen/);
  assert.equal(await page.getByTestId('action-priority-0').inputValue(), 'hog', 'a ska requirement starts at high priority');

  // Ej tillämpligt without a comment is held back with a hint; with a motivation it is saved.
  await page.getByTestId('tab-requirements').click();
  await page.getByTestId('answer-LEV-03-ej_tillampligt').click();
  await page.getByTestId('req-hint-LEV-03').waitFor();
  await expectText(page.getByTestId('req-hint-LEV-03'), /Motivera/);
  assert.equal(await page.getByTestId('answer-LEV-03-ej_tillampligt').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.getByTestId('comment-LEV-03').getAttribute('aria-invalid'), 'true');
  await expectCountOf(page, 'ej_tillampligt', 0);
  assert.equal(await page.getByTestId('error').count(), 0, 'prevented in the UI, not refused by the backend');
  await page.getByTestId('comment-LEV-03').fill('Egen drift, ingen extern leverantör.');
  await page.getByTestId('comment-LEV-03').press('Tab');
  await expectPressed(page, 'LEV-03', 'ej_tillampligt');
  await expectCountOf(page, 'ej_tillampligt', 1);
  assert.equal(await page.getByTestId('req-hint-LEV-03').count(), 0);

  // Clearing the motivation of a saved ej tillämpligt is refused the same way.
  await page.getByTestId('comment-LEV-03').fill('');
  await page.getByTestId('comment-LEV-03').press('Tab');
  await page.getByTestId('req-hint-LEV-03').waitFor();

  // Changing an unmet answer to uppfyllt removes the untouched action again.
  await page.getByTestId('answer-SAK-02-uppfyllt').click();
  await expectPressed(page, 'SAK-02', 'uppfyllt');
  await page.getByTestId('tab-actions').click();
  await page.getByTestId('actions-empty').waitFor();
});

test('filters, search, details and the local "så gör vi" text', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Ekonomisystem', { K: 2, R: 3, T: 2, S: 1 });
  await page.getByTestId('tab-requirements').click();
  await expectCount(page.getByTestId('req-row'), 11);
  await page.getByTestId('answer-BEH-01-uppfyllt').click();
  await expectPressed(page, 'BEH-01', 'uppfyllt');

  await page.getByTestId('req-filter-status').selectOption('unanswered');
  await expectCount(page.getByTestId('req-row'), 10);
  // A row answered under the filter stays in view until the filter changes.
  await page.getByTestId('answer-LOG-01-uppfyllt').click();
  await expectPressed(page, 'LOG-01', 'uppfyllt');
  await expectCount(page.getByTestId('req-row'), 10);
  await page.getByTestId('req-filter-status').selectOption('');
  await page.getByTestId('req-filter-status').selectOption('unanswered');
  await expectCount(page.getByTestId('req-row'), 9);
  await page.getByTestId('req-filter-status').selectOption('uppfyllt');
  await eventually(async () => assert.deepEqual(await rowKeys(page), ['BEH-01', 'LOG-01']));
  await page.getByTestId('req-filter-status').selectOption('');
  await page.getByTestId('req-filter-aspect').selectOption('T');
  await eventually(async () => assert.deepEqual(await rowKeys(page), ['SAK-01', 'SAK-03', 'KON-01', 'KON-03', 'LEV-01', 'LEV-03']));
  await page.getByTestId('req-filter-aspect').selectOption('');
  await page.getByTestId('req-search').fill('tystnadsplikt');
  await eventually(async () => assert.deepEqual(await rowKeys(page), ['LEV-02']));
  await page.getByTestId('req-search').fill('');

  await page.getByTestId('req-expand-BEH-01').click();
  const details = page.getByTestId('req-details-BEH-01');
  await expectText(details, /5\.15, 5\.18/);
  await expectText(details, /Leverantören ska kunna begränsa/);
  await screenshot(page, 'requirements-details');
  await page.getByTestId('local-how-BEH-01').fill('Behörigheter beställs i IT-portalen och godkänns av chef.');
  await page.getByTestId('local-how-BEH-01').press('Tab');
  await page.getByTestId('tab-classification').click();
  await page.getByTestId('tab-requirements').click();
  await page.getByTestId('req-expand-BEH-01').click();
  await eventually(async () =>
    assert.equal(await page.getByTestId('local-how-BEH-01').inputValue(), 'Behörigheter beställs i IT-portalen och godkänns av chef.'),
  );
});

test('about 100 requirements render and answer quickly', async (t) => {
  const page = await app.open(t, '?catalog=big');
  await createClassified(page, 'Stort system', { K: 3, R: 3, T: 3, S: 3 });
  const start = Date.now();
  await page.getByTestId('tab-requirements').click();
  await expectCount(page.getByTestId('req-row'), 100, { timeout: 5000 });
  const shown = Date.now() - start;
  assert.ok(shown < 2500, `the tab took ${shown} ms`);
  const key = (await rowKeys(page)).at(-1);
  const before = Date.now();
  await page.getByTestId(`answer-${key}-delvis_uppfyllt`).click();
  await expectPressed(page, key, 'delvis_uppfyllt');
  const answered = Date.now() - before;
  assert.ok(answered < 1000, `answering took ${answered} ms`);
});

test('clicking the saved answer again takes it back, with the action it made', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Ekonomisystem', { K: 2, R: 3, T: 2, S: 1 });
  await page.getByTestId('tab-requirements').click();
  await page.getByTestId('answer-SAK-02-ej_uppfyllt').click();
  await expectPressed(page, 'SAK-02', 'ej_uppfyllt');
  assert.equal(await page.getByTestId('answer-SAK-02-ej_uppfyllt').getAttribute('title'), 'Klicka igen för att ta tillbaka svaret');
  await expectCountOf(page, 'unanswered', 10);

  await page.getByTestId('answer-SAK-02-ej_uppfyllt').click();
  await expectPressed(page, 'SAK-02', 'ej_uppfyllt', false);
  await expectCountOf(page, 'unanswered', 11);
  await page.getByTestId('tab-actions').click();
  await expectCount(page.getByTestId('action-row'), 0);
});
