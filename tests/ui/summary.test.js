// The summary step: the sets × aspects grid with levels and motivations, the set's name on
// each aspect card of the level step, and for a re-classification the changes since the
// approved version, before anything is approved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectText, listCount } from './lib/expect.js';
import { goToStep } from './lib/wizard.js';

const app = useApp();

test('the summary shows the grid and the changes since the approved version', async (t) => {
  const page = await app.open(t, '?seed=8');
  await page.getByTestId('filter-status').selectOption('faststalld');
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 6, total: 8 }));
  await page.getByTestId('object-row').first().click();
  await page.getByTestId('reclassify').click();

  await goToStep(page, 3);
  await expectText(page.getByTestId('aspect-set-0-K'), 'Informationsmängd: Grunduppgifter');
  await expectText(page.getByTestId('aspect-set-0-S'), 'Informationsmängd: Grunduppgifter');
  const checked = await page.locator('input[data-testid^="level-0-K-"]:checked').getAttribute('data-testid');
  const old = Number(checked.at(-1));
  const next = old === 3 ? 2 : old + 1;
  await page.getByTestId(`level-0-K-${next}`).click();
  await page.getByTestId('motivation-0-K').fill('Ny bedömning efter byte av leverantör.');
  await page.getByTestId('motivation-0-R').fill('');

  // Stepping to the summary saves the draft; its changes are listed there.
  await goToStep(page, 5);
  await expectText(page.getByTestId('summary-set-0').locator('th'), 'Grunduppgifter');
  await expectText(page.getByTestId('summary-cell-0-K'), `K${next} Ny bedömning efter byte av leverantör.`);
  await expectText(page.getByTestId('summary-cell-0-R'), /^R\d Motivering saknas$/);
  // The date approval would set, by the organisation's rule (12 or 24 months from today).
  const today = new Date().toISOString().slice(0, 10);
  const nextReview = await page.getByTestId('summary-next-review').textContent();
  const [date] = nextReview.match(/\d{4}-\d{2}-\d{2}/);
  const years = Number(date.slice(0, 4)) - Number(today.slice(0, 4));
  assert.ok(date.slice(5, 7) === today.slice(5, 7) && (years === 1 || years === 2), nextReview);
  assert.match(nextReview, /^Fastställs klassningen i dag blir nästa översyn \d{4}-\d{2}-\d{2}/);
  const changes = page.getByTestId('changes');
  await expectText(changes.locator('h2'), /Ändringar sedan fastställd version/);
  await expectText(changes.locator('li[data-kind="level"]'), `Grunduppgifter: Konfidentialitet ${old} → ${next}`);
  await screenshot(page, 'wizard-summary-changes');
});

test('a first classification has the grid but no list of changes', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Bygglovshandläggning');
  await goToStep(page, 2);
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Ritningar');
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-1').fill('Grannehöranden');
  await goToStep(page, 5);
  await expectText(page.getByTestId('summary-set-1').locator('th'), 'Grannehöranden');
  await expectText(page.getByTestId('summary-cell-0-T'), 'T– Motivering saknas');
  assert.equal(await page.getByTestId('changes').count(), 0);
});
