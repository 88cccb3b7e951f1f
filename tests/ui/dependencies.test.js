// Dependencies suggest levels (shown with their origin, accepted or declined with a reason);
// an approved object is decommissioned, not deleted, and leaves the default list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually, expectText, listCount } from './lib/expect.js';

const app = useApp();
const ALL = { search: null, kind: null, unit: null, status: null, review_overdue: false, include_decommissioned: true };

async function ids() {
  const list = await callHost('list_objects', { filter: ALL });
  return Object.fromEntries(list.items.map((o) => [o.name, o.id]));
}

async function openObject(page, name) {
  await page.locator(`[data-testid="object-row"][data-name="${name}"]`).click();
  await expectText(page.getByTestId('detail-name'), name);
}

test('a dependency suggests a level with its origin, accepted or declined', async (t) => {
  // The host approves three of four generated objects: 0001 stays a draft.
  const page = await app.open(t, '?seed=4');
  const id = await ids();
  const draft = 'Journalsystem 0001';
  const before = (await callHost('get_object', { id: id[draft] })).current.profile;
  const platformK = before.levels.K;

  // Added in the app: the approved Ekonomisystem runs on the draft.
  await openObject(page, 'Ekonomisystem 0002');
  await page.getByTestId('tab-dependencies').click();
  await page.getByTestId('dependency-on').selectOption({ label: draft });
  await page.getByTestId('dependency-kind').selectOption('runs_on');
  await page.getByTestId('dependency-add').click();
  await expectText(page.getByTestId('dependency-link').first(), new RegExp(`körs på\\s+${draft}`));

  // Added through the backend: Lönesystem uses it too.
  await callHost('add_dependency', { id: id['Lönesystem 0003'], on: id[draft], kind: 'uses' });

  await page.locator('.crumbs button').click();
  await openObject(page, draft);
  await page.getByTestId('tab-dependencies').click();
  await expectText(page.getByTestId('dependencies').locator('h3').nth(1), 'Används av');
  const rows = page.getByTestId('dependency-suggestion');
  await eventually(async () => assert.ok((await rows.count()) > 0));
  const texts = await rows.allInnerTexts();
  assert.ok(texts.some((x) => /från beroende: Ekonomisystem 0002 [KRT]\d \(körs på\)/.test(x)), texts.join('\n'));

  const ekonomi = (await callHost('get_object', { id: id['Ekonomisystem 0002'] })).current.profile.levels;
  assert.ok(ekonomi.K > platformK, 'the generated levels give a pending K suggestion');
  const fromEkonomi = rows.filter({ hasText: `K ≥ ${ekonomi.K} från beroende: Ekonomisystem 0002` });
  await expectText(fromEkonomi.getByTestId('suggestion-state'), 'Att ta ställning till');

  // Declining needs a reason.
  const loner = (await callHost('get_object', { id: id['Lönesystem 0003'] })).current.profile.levels;
  assert.ok(loner.K > platformK, 'the generated levels give a pending K suggestion from Lönesystem too');
  const fromLoner = rows.filter({ hasText: `K ≥ ${loner.K} från beroende: Lönesystem 0003 K${loner.K} (använder)` });
  await fromLoner.getByTestId('suggestion-decline').click();
  await expectText(page.getByTestId('error'), /Ange en motivering/);
  await fromLoner.getByTestId('suggestion-reason').fill('Används bara för uppslag');
  await fromLoner.getByTestId('suggestion-decline').click();
  await expectText(fromLoner.getByTestId('suggestion-state'), 'Avböjt');
  assert.equal((await callHost('get_object', { id: id[draft] })).current.profile.levels.K, platformK, 'declined: unchanged');

  await fromEkonomi.getByTestId('suggestion-accept').click();
  await expectText(fromEkonomi.getByTestId('suggestion-state'), 'Godtaget');
  const after = (await callHost('get_object', { id: id[draft] })).current;
  assert.equal(after.profile.levels.K, ekonomi.K, 'accepting raises the draft');
  assert.match(after.content.uplifts.K.motivation, /^från beroende: Ekonomisystem 0002 K\d \(körs på\)$/);
  await screenshot(page, 'dependencies');
});

test('an approved object is decommissioned and leaves the default list', async (t) => {
  const page = await app.open(t, '?seed=4');
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 4, total: 4 }));
  const name = 'Ekonomisystem 0002';
  await openObject(page, name);
  assert.equal(await page.getByTestId('delete').count(), 0, 'an approved object cannot be deleted');
  await page.getByTestId('decommission').click();
  const confirm = page.getByTestId('confirm-decommission');
  assert.equal(await confirm.isDisabled(), true, 'a reason is required');
  await page.getByTestId('decommission-reason').fill('Ersatt av ett nytt ekonomisystem');
  await confirm.click();
  await expectText(page.getByTestId('decommissioned'), /Avvecklad \d{4}-\d{2}-\d{2}: Ersatt av ett nytt ekonomisystem/);
  assert.equal(await page.getByTestId('reclassify').count(), 0, 'read-only');

  await page.locator('.crumbs button').click();
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 3, total: 4 }));
  assert.equal(await page.locator(`[data-testid="object-row"][data-name="${name}"]`).count(), 0);
  await page.getByTestId('filter-decommissioned').check();
  await eventually(async () => assert.deepEqual(await listCount(page), { shown: 4, total: 4 }));
  await expectText(page.locator(`[data-testid="object-row"][data-name="${name}"] [data-testid="row-decommissioned"]`), 'avvecklad');
});
