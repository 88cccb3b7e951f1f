// (f) Re-classifying an approved object shows what changed since the approved version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectText, listCount } from './lib/expect.js';
import { goToStep } from './lib/wizard.js';

const app = useApp();

test('a re-classification lists its changes', async (t) => {
  const page = await app.open(t, '?seed=8');
  await page.getByTestId('filter-status').selectOption('faststalld');
  // The host approves three of every four generated objects.
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 6, total: 8 }));
  const row = page.getByTestId('object-row').first();
  const name = await row.getAttribute('data-name');
  await row.click();
  await eventually(async () => assert.equal(await page.getByTestId('detail-status').getAttribute('data-status'), 'faststalld'));
  assert.equal(await page.getByTestId('changes').count(), 0, 'no changes on an approved version');

  await page.getByTestId('reclassify').click();
  await goToStep(page, 3);
  const checked = await page.locator('input[data-testid^="level-0-K-"]:checked').getAttribute('data-testid');
  const old = Number(checked.at(-1));
  const next = old === 3 ? 2 : old + 1;
  await page.getByTestId(`level-0-K-${next}`).click();
  await page.getByTestId('motivation-0-K').fill('Ny bedömning efter byte av leverantör.');
  await page.getByTestId('save-draft').click();
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  await page.getByTestId('wizard-close').click();

  await expectText(page.getByTestId('detail-name'), name);
  await eventually(async () => assert.equal(await page.getByTestId('detail-status').getAttribute('data-status'), 'utkast'));
  const changes = page.getByTestId('changes');
  await expectText(changes.locator('h2'), /Ändringar sedan fastställd version/);
  await expectText(changes.locator('li[data-kind="level"]'), `Grunduppgifter: Konfidentialitet ${old} → ${next}`);
  await expectText(changes.locator('li[data-kind="motivation"]'), /Grunduppgifter: motiveringen för Konfidentialitet är ändrad/);
  assert.equal(await page.getByTestId('edit').isVisible(), true, 'the draft can be edited');
  assert.equal(await page.getByTestId('reclassify').count(), 0);
  await screenshot(page, 'detail-changes');
});
