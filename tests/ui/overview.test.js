// The coordinator's Översikt: figures from the real backend, drill-down to the objects behind
// a figure, the unit filter and a quality finding that opens the object to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually } from './lib/expect.js';

const app = useApp();
const count = async (page, testid) => Number((await page.getByTestId(testid).locator('.n').textContent()).trim());

test('Översikt shows the organisation and opens the objects behind a figure', async (t) => {
  const page = await app.open(t, '?seed=60');
  const all = await callHost('overview', { filter: {} });
  assert.equal(all.objects, 60);
  await page.getByTestId('nav-overview').click();
  await eventually(async () => assert.equal(await count(page, 'ov-objects'), 60));
  assert.equal(await count(page, 'ov-approved'), all.coverage.approved.count);
  assert.equal(await count(page, 'ov-drafts'), all.coverage.drafts.count);
  assert.equal(await count(page, 'ov-review-overdue'), all.reviews.overdue.count);
  assert.ok(all.coverage.drafts.count > 0 && all.coverage.approved.count > 0, 'the seed has both');

  // A figure lists its objects by name; one opens.
  await page.getByTestId('ov-drafts').click();
  const listed = page.getByTestId('ov-selected').locator('li');
  await eventually(async () => assert.equal(await listed.count(), all.coverage.drafts.count));
  const first = all.named.find((o) => o.id === all.coverage.drafts.ids[0]);
  assert.equal((await listed.first().locator('button').textContent()).trim(), first.name);
  await screenshot(page, 'overview');
  await listed.first().locator('button').click();
  await page.getByRole('heading', { name: first.name }).first().waitFor();

  // The unit filter narrows every figure to that unit.
  await page.getByTestId('nav-overview').click();
  const unit = all.coverage.by_unit[0];
  await page.getByTestId('ov-unit').selectOption(unit.name);
  await eventually(async () => assert.equal(await count(page, 'ov-objects'), unit.total.count));
});

test('a quality finding names what is wrong and opens the object', async (t) => {
  const page = await app.open(t);
  // An object whose one level has no motivation: the finding appears in Swedish.
  await callHost('create_object', {
    input: {
      meta: { name: 'Bokningssystem', information_owner: 'Enhetschef', unit: 'Kultur' },
      content: {
        sets: [
          {
            id: '',
            name: 'Bokningar',
            description: '',
            info_type: 'intern',
            levels: { K: 1, R: 1, T: 1, S: 1 },
            motivations: { K: '', R: 'Fel tider stör', T: 'Kan bokas manuellt', S: 'Vem bokade' },
          },
        ],
        uplifts: {},
        lagrum: [],
      },
    },
  });
  await page.getByTestId('nav-overview').click();
  const finding = page.locator('[data-testid="ov-findings"] tr[data-code="LEVEL_WITHOUT_MOTIVATION"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /Bokningssystem.*1 nivå\(er\) utan motivering.*Bokningar/s);
  await finding.getByRole('button').click();
  await page.getByRole('heading', { name: 'Bokningssystem' }).first().waitFor();
});

test('an overdue review is closed with Översyn utan ändringar and leaves the overdue figure', async (t) => {
  const page = await app.open(t, '?seed=60');
  const before = await callHost('overview', { filter: {} });
  const id = before.reviews.overdue.ids.find((i) => before.coverage.approved.ids.includes(i));
  assert.ok(id, 'the seed has an approved object whose review is overdue');
  const name = before.named.find((o) => o.id === id).name;
  const version = (await callHost('get_object', { id })).current.version;

  await page.getByTestId('nav-overview').click();
  await page.getByTestId('ov-review-overdue').click();
  await page.getByTestId('ov-selected').getByRole('button', { name, exact: true }).click();
  await page.getByTestId('review-unchanged').click();
  await page.getByTestId('review-comment').fill('Inga ändringar i verksamheten');
  await page.getByTestId('confirm-review').click();
  await eventually(async () => assert.match(await page.getByTestId('notice').textContent(), /Nästa översyn: \d{4}-\d{2}-\d{2}/));
  const after = await callHost('get_object', { id });
  assert.equal(after.current.version, version + 1);
  assert.equal(after.current.status, 'faststalld');
  assert.equal(after.review_overdue, false);

  await page.getByTestId('nav-overview').click();
  await eventually(async () => assert.equal(await count(page, 'ov-review-overdue'), before.reviews.overdue.count - 1));
});
