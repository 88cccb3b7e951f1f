// Kataloger → Krav: every requirement of the active catalogue with how many objects it applies
// to and their answers; a requirement drills down to its objects and on to one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually } from './lib/expect.js';

const app = useApp();

test('the requirement browser counts answers across objects and drills down to an object', async (t) => {
  const page = await app.open(t, '?seed=12');
  const start = await callHost('requirement_overview', { filter: {} });
  const [a, b] = start.requirements.find((r) => r.key === 'LOG-01').applies.at.map((i) => start.named[i].id);
  const answer = (id, value, comment = '') =>
    callHost('save_assessment', { id, assessment: { key: 'LOG-01', answer: value, comment, evidence: '' } });
  await answer(a, 'uppfyllt');
  await answer(b, 'ej_tillampligt', 'Ingen inloggning');
  const data = await callHost('requirement_overview', { filter: {} });
  const log = data.requirements.find((r) => r.key === 'LOG-01');
  const names = new Map(data.named.map((o) => [o.id, o.name]));

  await page.getByTestId('nav-catalog').click();
  const browser = page.getByTestId('req-browser');
  await browser.waitFor();
  // The rows come once the figures are read: wait for them.
  await eventually(async () =>
    assert.equal(await browser.getByTestId('req-browser-row').count(), data.requirements.length),
  );

  // Search and area filter.
  await page.getByTestId('req-browser-search').fill('log-01');
  await eventually(async () => assert.equal(await browser.getByTestId('req-browser-row').count(), 1));
  await page.getByTestId('req-browser-search').fill('');
  await page.getByTestId('req-browser-area').selectOption('loggning');
  const inArea = data.requirements.filter((r) => r.area === 'loggning').length;
  await eventually(async () => assert.equal(await browser.getByTestId('req-browser-row').count(), inArea));

  const row = browser.locator('[data-testid="req-browser-row"][data-key="LOG-01"]');
  const cell = async (answer) => (await row.locator(`td[data-answer="${answer}"]`).textContent()).trim();
  assert.equal(await cell('uppfyllt'), '1');
  assert.equal(await cell('ej_tillampligt'), '1');
  assert.equal(await cell('unanswered'), String(log.applies.count - 2));

  // Drill down: every object it applies to, with its answer; one opens on its Krav tab.
  await row.getByRole('button').click();
  const objects = page.getByTestId('req-browser-objects').locator('tbody tr');
  await eventually(async () => assert.equal(await objects.count(), log.applies.count));
  const answered = page.locator('[data-testid="req-browser-objects"] tr[data-answer="ej_tillampligt"]');
  assert.match(await answered.textContent(), /Ej tillämpligt/);
  await screenshot(page, 'requirement-browser');
  await answered.getByRole('button').click();
  await page.getByRole('heading', { name: names.get(b) }).first().waitFor();
});
