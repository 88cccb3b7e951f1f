// (b) The action plan: unmet answers become rows; a past due date flags the row as overdue;
// sorting by due date and priority; a hand-made action; editing and deleting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified, expectPressed } from './lib/objects.js';

const app = useApp();

/** The requirement key (or "Egen åtgärd") of each row, top to bottom. */
async function order(page) {
  return page.getByTestId('action-row').evaluateAll((rows) =>
    rows.map((r) => r.querySelector('[data-testid^="action-source-"] span')?.textContent?.trim() ?? ''),
  );
}

/** The index of the row that comes from the given requirement key. */
async function indexOf(page, key) {
  const i = (await order(page)).indexOf(key);
  assert.ok(i >= 0, `no action for ${key}`);
  return i;
}

test('overdue rows are flagged, rows sort by due date or priority, and hand-made actions can be added', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Ärendesystem', { K: 2, R: 3, T: 2, S: 1 });
  await page.getByTestId('tab-requirements').click();
  for (const [key, answer] of [['SAK-05', 'ej_uppfyllt'], ['LEV-09', 'delvis_uppfyllt'], ['BEH-02', 'vet_ej']]) {
    await page.getByTestId(`answer-${key}-${answer}`).click();
    await expectPressed(page, key, answer);
  }
  await page.getByTestId('tab-actions').click();
  await expectCount(page.getByTestId('action-row'), 3);
  // No due dates yet: by priority, then in the order they came. In the shipped catalogue SAK-05
  // (ej uppfyllt, ska, T 2) and BEH-02 (vet ej) are medel, LEV-09 (delvis, bör) låg.
  assert.deepEqual(await order(page), ['SAK-05', 'BEH-02', 'LEV-09']);
  assert.equal(await page.getByTestId('action-row').first().getAttribute('data-overdue'), 'false');

  // A due date in the past flags the row; it sorts first by due date.
  let i = await indexOf(page, 'LEV-09');
  await page.getByTestId(`action-due-${i}`).fill('2020-01-15');
  await eventually(async () => assert.deepEqual(await order(page), ['LEV-09', 'SAK-05', 'BEH-02']));
  const overdueRow = page.locator('[data-testid="action-row"][data-overdue="true"]');
  await expectCount(overdueRow, 1);
  await expectText(page.getByTestId('action-overdue-0'), /Förfallen/);
  await expectText(page.getByTestId('actions-summary'), /1 förfallen/);

  i = await indexOf(page, 'BEH-02');
  await page.getByTestId(`action-due-${i}`).fill('2099-06-30');
  await eventually(async () => assert.deepEqual(await order(page), ['LEV-09', 'BEH-02', 'SAK-05']));
  await page.getByTestId('action-responsible-1').fill('Karin Holm');
  await page.getByTestId('action-responsible-1').press('Tab');

  // By priority: hög, medel, låg.
  await page.getByTestId('sort-priority').click();
  // Both medel: the one with a due date first.
  assert.deepEqual(await order(page), ['BEH-02', 'SAK-05', 'LEV-09']);
  await page.getByTestId('sort-due').click();
  assert.deepEqual(await order(page), ['LEV-09', 'BEH-02', 'SAK-05']);

  // A hand-made action (the measure is required).
  await page.getByTestId('add-action').click();
  await page.getByTestId('new-action-save').click();
  await expectText(page.locator('dialog[open] .problem'), 'Beskriv åtgärden.');
  await page.getByTestId('new-action-measure').fill('Utbilda förvaltningen i incidentrapportering');
  await page.getByTestId('new-action-responsible').fill('Johan Berg');
  await page.getByTestId('new-action-due').fill('2099-03-01');
  await page.getByTestId('new-action-priority').selectOption('lag');
  await page.getByTestId('new-action-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectCount(page.getByTestId('action-row'), 4);
  await expectText(page.getByTestId('action-source-1'), 'Egen åtgärd');
  assert.equal(await page.getByTestId('action-measure-1').inputValue(), 'Utbilda förvaltningen i incidentrapportering');
  await screenshot(page, 'action-plan');

  // Done is never overdue.
  await page.getByTestId('action-status-0').selectOption('klar');
  await expectCount(overdueRow, 0);

  // Edits are kept: leave the tab and come back.
  await page.getByTestId('tab-classification').click();
  await page.getByTestId('tab-actions').click();
  await expectCount(page.getByTestId('action-row'), 4);
  assert.equal(await page.getByTestId('action-responsible-2').inputValue(), 'Karin Holm');
  assert.equal(await page.getByTestId('action-status-0').inputValue(), 'klar');

  // Delete asks first.
  await page.getByTestId('action-delete-1').click();
  await page.getByTestId('confirm-delete-action').click();
  await expectCount(page.getByTestId('action-row'), 3);
  assert.deepEqual(await order(page), ['LEV-09', 'BEH-02', 'SAK-05'], 'the hand-made action is gone');
});
