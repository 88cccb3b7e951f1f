// Kataloger → Översynsregel: the organisation's review rule is edited in the app; a bad rule
// is refused with the Swedish text of its code, a good one is saved with who changed it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually } from './lib/expect.js';

const app = useApp();

test('the review rule is edited, checked by the backend and saved', async (t) => {
  const page = await app.open(t);
  const shipped = await callHost('get_review_rule');
  assert.equal(shipped.changed_at, null);
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-review-rule').click();
  await page.getByTestId('rr-form').waitFor();
  assert.equal(await page.getByTestId('rr-months').inputValue(), String(shipped.rule.months));

  // Longer at high levels than the ordinary interval: refused, nothing stored.
  await page.getByTestId('rr-months').fill('12');
  await page.getByTestId('rr-high-months').fill('24');
  await page.getByTestId('rr-save').click();
  await page.getByTestId('rr-problem').waitFor();
  assert.match(await page.getByTestId('rr-problem').textContent(), /får inte vara längre än det vanliga/);
  assert.deepEqual((await callHost('get_review_rule')).rule, shipped.rule);

  await page.getByTestId('rr-months').fill('0');
  await page.getByTestId('rr-high-months').fill('6');
  await page.getByTestId('rr-save').click();
  await page.getByText('Intervallen måste vara mellan 1 och 120 månader.').waitFor();

  await page.getByTestId('rr-months').fill('36');
  await page.getByTestId('rr-high-level').fill('2');
  await page.getByTestId('rr-high-months').fill('12');
  await page.getByTestId('rr-save').click();
  await page.getByText('Regeln är sparad.').waitFor();
  assert.match(await page.getByTestId('rr-changed').textContent(), /Senast ändrad/);
  assert.equal(await page.getByTestId('rr-problem').count(), 0);
  const saved = await callHost('get_review_rule');
  assert.deepEqual(saved.rule, { months: 36, high_level: 2, high_months: 12 });
  await screenshot(page, 'review-rule');

  // Restoring the shipped rule fills the form; saving stores it again.
  await page.getByTestId('rr-reset').click();
  assert.equal(await page.getByTestId('rr-months').inputValue(), String(shipped.rule.months));
  await page.getByTestId('rr-save').click();
  await eventually(async () => assert.deepEqual((await callHost('get_review_rule')).rule, shipped.rule));
});
