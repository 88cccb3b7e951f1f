// Requirements across the organisation on Översikt: answers made through the real backend show
// as shares per area, the most often unmet requirement and an overdue action, each clickable
// through to the objects behind it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually } from './lib/expect.js';

const app = useApp();

/** Answers BEH-01 on three objects (two Ej uppfyllt, one Delvis) and makes one action overdue. */
async function answerSome() {
  const before = await callHost('requirement_overview', { filter: {} });
  const beh = before.requirements.find((r) => r.key === 'BEH-01');
  assert.ok(beh.applies.count >= 3, 'the seed has complete classifications');
  const [a, b, c] = beh.applies.at.map((i) => before.named[i].id);
  const answer = (id, value) =>
    callHost('save_assessment', { id, assessment: { key: 'BEH-01', answer: value, comment: '', evidence: '' } });
  await answer(a, 'ej_uppfyllt');
  await answer(b, 'ej_uppfyllt');
  await answer(c, 'delvis_uppfyllt');
  const plan = await callHost('get_action_plan', { id: a });
  const row = plan.find((x) => x.requirement_key === 'BEH-01');
  await callHost('save_action', { id: a, action: { ...row, due: '2020-01-15' } });
  return { ids: [a, b, c], after: await callHost('requirement_overview', { filter: {} }) };
}

test('Översikt shows requirements across the organisation and opens the objects behind them', async (t) => {
  const page = await app.open(t, '?seed=24');
  const { ids, after } = await answerSome();
  assert.equal(after.top_unmet[0], 'BEH-01');
  assert.equal(after.overdue_actions.length, 1);
  await page.getByTestId('nav-overview').click();

  // The area's objects and the share of each answer over its requirement × object pairs.
  const area = after.areas.find((x) => x.key === 'behorighet');
  const row = page.locator('[data-testid="orq-areas"] tr[data-area="behorighet"]');
  await eventually(async () => assert.equal((await row.locator('button').textContent()).trim(), String(area.objects.count)));
  const pct = (n) => `${Math.round((100 * n) / area.pairs)} %`;
  assert.equal((await row.locator('td[data-answer="ej_uppfyllt"]').textContent()).trim(), pct(area.answers.ej_uppfyllt));
  await row.locator('button').click();
  await eventually(async () =>
    assert.equal(await page.getByTestId('ov-selected').locator('li').count(), area.objects.count),
  );

  // The most often unmet requirement lists the three objects that did not meet it.
  const top = page.locator('[data-testid="orq-top-unmet"] li').first();
  assert.equal(await top.getAttribute('data-key'), 'BEH-01');
  await top.getByRole('button').click();
  const listed = page.getByTestId('ov-selected').locator('li');
  await eventually(async () => assert.equal(await listed.count(), 3));
  const names = new Map(after.named.map((o) => [o.id, o.name]));
  const shown = await listed.locator('button').allTextContents();
  assert.deepEqual(new Set(shown.map((s) => s.trim())), new Set(ids.map((id) => names.get(id))));
  await screenshot(page, 'overview-org');

  // The overdue action opens its object.
  assert.equal((await page.getByTestId('orq-overdue-count').textContent()).trim(), '1');
  const late = page.getByTestId('orq-overdue').locator('li').first();
  assert.match(await late.textContent(), /Förfallodag 2020-01-15/);
  await late.getByRole('button').click();
  await page.getByRole('heading', { name: names.get(ids[0]) }).first().waitFor();
});

test('the unit filter narrows the requirement figures', async (t) => {
  const page = await app.open(t, '?seed=24');
  const all = await callHost('requirement_overview', { filter: {} });
  const unit = all.named[0].unit;
  const narrowed = await callHost('requirement_overview', { filter: { unit } });
  const area = narrowed.areas.find((x) => x.key === 'behorighet');
  assert.ok(area.objects.count < all.areas.find((x) => x.key === 'behorighet').objects.count);
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('ov-unit').selectOption(unit);
  const button = page.locator('[data-testid="orq-areas"] tr[data-area="behorighet"] button');
  await eventually(async () => assert.equal((await button.textContent()).trim(), String(area.objects.count)));
});

test('the organisation heat map and the analyses to review open their objects', async (t) => {
  const page = await app.open(t, '?seed=24');
  const ov = await callHost('overview', { filter: {} });
  const id = ov.coverage.drafts.ids[0];
  const name = ov.named.find((o) => o.id === id).name;
  await callHost('save_risk_analysis', { id, input: { purpose: 'Årlig riskanalys' } });
  // The consequence the classification gives is the one saved without a motivation.
  let consequence = 0;
  for (const c of [1, 2, 3, 4]) {
    const risk = { event: 'Nätfiske', aspects: ['K'], probability: 2, consequence: c };
    const saved = await callHost('save_risk', { id, input: { risk, new_actions: [] } }).then(
      () => true,
      () => false,
    );
    if (saved) {
      consequence = c;
      break;
    }
  }
  assert.ok(consequence > 0);
  const before = await callHost('risk_overview', { filter: {} });
  assert.deepEqual(before.before[1][consequence - 1].objects.ids, [id]);
  assert.equal(before.to_review.count, 0);

  // A changed K level gives another consequence: the analysis is to be reviewed.
  const detail = await callHost('get_object', { id });
  const content = detail.current.content;
  for (const s of content.sets) s.levels.K = (consequence + 1) % 4;
  await callHost('save_draft', { id, content });
  assert.deepEqual((await callHost('risk_overview', { filter: {} })).to_review.ids, [id]);

  await page.getByTestId('nav-overview').click();
  const cell = page.getByTestId(`orisk-before-cell-2-${consequence}`);
  await eventually(async () => assert.equal(await cell.getAttribute('data-count'), '1'));
  await cell.click();
  const listed = page.getByTestId('ov-selected').locator('li');
  await eventually(async () => assert.equal(await listed.count(), 1));
  assert.equal((await listed.first().locator('button').textContent()).trim(), name);
  await page.getByTestId('ov-selected').getByRole('button', { name: 'Stäng' }).click();
  await page.getByTestId('orisk-to-review').click();
  await eventually(async () => assert.equal(await listed.count(), 1));
  await listed.first().locator('button').click();
  await page.getByRole('heading', { name }).first().waitFor();
});
