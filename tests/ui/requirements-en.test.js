// (f) The Krav tab and the action plan in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';
import { createClassified, expectPressed } from './lib/objects.js';

const app = useApp();

test('the requirements tab has English labels', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('lang-en').click();
  await createClassified(page, 'Payroll', { K: 2, R: 3, T: 2, S: 1 });
  await expectText(page.getByTestId('tab-classification'), 'Classification');
  await expectText(page.getByTestId('tab-requirements'), 'Requirements');
  await expectText(page.getByTestId('tab-actions'), 'Action plan');
  await expectText(page.getByTestId('procure-object'), 'Procurement requirements for this object');

  await page.getByTestId('tab-requirements').click();
  await expectText(page.getByTestId('req-summary'), /^93 requirements · 0 met · 0 partly met · 0 not met · 0 not applicable · 0 don't know · 93 not assessed/);
  await expectText(page.locator('[data-testid="req-section"][data-who="verksamhet"] [data-area="behorighet"] h3'), 'Access control (7)');
  await expectText(page.locator('[data-testid="req-section"][data-who="verksamhet"] h2'), /^Your questions \(business\) \(\d+\)$/);
  const row = page.locator('[data-testid="req-row"][data-key="BEH-01"]');
  await expectText(row.locator('.title'), 'Access based on tasks');
  await expectText(page.getByTestId('req-reasons-BEH-01'), 'Baseline');
  await expectText(page.getByTestId('answer-BEH-01-uppfyllt'), 'Met');
  await expectText(page.getByTestId('answer-BEH-01-delvis_uppfyllt'), 'Partly');
  await expectText(page.getByTestId('answer-BEH-01-ej_tillampligt'), 'Not applicable');
  await expectText(page.getByTestId('answer-BEH-01-vet_ej'), "Don't know");
  assert.equal(await page.getByTestId('comment-BEH-01').getAttribute('placeholder'), 'Comment');
  await expectText(row.locator('.tag.ska'), /must/i);

  await page.getByTestId('answer-BEH-01-ej_tillampligt').click();
  await expectText(page.getByTestId('req-hint-BEH-01'), /Explain in the comment why/);
  await page.getByTestId('answer-BEH-02-ej_uppfyllt').click();
  await expectPressed(page, 'BEH-02', 'ej_uppfyllt');
  await page.getByTestId('tab-actions').click();
  await expectText(page.getByTestId('actions-summary'), /^1 action · 1 open/);
  await expectText(page.locator('th').first(), 'Action');
  assert.equal(await page.getByTestId('action-priority-0').locator('option:checked').textContent(), 'High');
});
