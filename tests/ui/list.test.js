// (c) Search, filters and scrolling with 5,000 objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, listCount } from './lib/expect.js';

const app = useApp();
const rows = (page) => page.getByTestId('object-row');

test('a short list looks right', async (t) => {
  const page = await app.open(t, '?seed=40');
  await rows(page).first().waitFor();
  assert.deepEqual(await listCount(page), { shown: 40, total: 40 });
  // Sorted by name, each row with its profile as four badges.
  const names = await rows(page).evaluateAll((els) => els.map((e) => e.dataset.name));
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'sv')));
  assert.match(await rows(page).first().locator('.profile').textContent(), /^K\d R\d T\d S\d$/);
  await screenshot(page, 'list');
});

test('search, filters and scrolling stay correct with 5,000 objects', async (t) => {
  const page = await app.open(t, '?seed=5000');
  await rows(page).first().waitFor();
  assert.deepEqual(await listCount(page), { shown: 5000, total: 5000 });
  const rendered = await rows(page).count();
  assert.ok(rendered > 10 && rendered < 80, `only the visible rows are rendered (${rendered})`);

  // Search (done by the backend) narrows the list and the count follows.
  await page.getByTestId('search').fill('journal');
  await eventually(async () => {
    const { shown, total } = await listCount(page);
    assert.equal(total, 5000);
    assert.ok(shown > 0 && shown < 5000, `shown ${shown}`);
  });
  const names = await rows(page).evaluateAll((els) => els.map((e) => e.dataset.name));
  assert.ok(names.length > 0 && names.every((n) => /journal/i.test(n)), names.join());
  const afterSearch = (await listCount(page)).shown;

  // Each filter narrows further.
  await page.getByTestId('filter-status').selectOption('utkast');
  await eventually(async () => assert.ok((await listCount(page)).shown < afterSearch));
  const statuses = await page.locator('[data-testid="object-row"] [data-status]').evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 'utkast'), statuses.join());

  await page.getByTestId('search').fill('');
  await page.getByTestId('filter-status').selectOption('');
  await eventually(async () => assert.equal((await listCount(page)).shown, 5000));
  await page.getByTestId('filter-overdue').check();
  await eventually(async () => {
    const { shown } = await listCount(page);
    assert.ok(shown > 0 && shown < 5000, `overdue ${shown}`);
  });
  assert.ok((await page.locator('[data-testid="object-row"] .overdue-mark').count()) > 0, 'overdue rows are marked');
  await page.getByTestId('filter-overdue').uncheck();

  const units = await page.getByTestId('filter-unit').locator('option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
  assert.ok(units.length >= 2, 'units come from the backend');
  await page.getByTestId('filter-unit').selectOption(units[0]);
  await page.getByTestId('filter-kind').selectOption('process');
  await eventually(async () => {
    const { shown } = await listCount(page);
    assert.ok(shown > 0 && shown < 1250, `unit + kind ${shown}`);
  });
  await page.getByTestId('filter-unit').selectOption('');
  await page.getByTestId('filter-kind').selectOption('');
  await eventually(async () => assert.equal((await listCount(page)).shown, 5000));

  // Scrolling to the bottom renders the last rows, in view.
  await page.locator('[role="grid"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const lastRow = page.locator('[data-testid="object-row"][data-index="4999"]');
  await lastRow.waitFor();
  assert.equal(await lastRow.isVisible(), true);
  const box = await lastRow.boundingBox();
  assert.ok(box && box.y + box.height <= 720, `last row inside the window: ${JSON.stringify(box)}`);
  assert.ok((await rows(page).count()) < 80, 'still only the visible rows');

  // Keyboard: Enter on a focused row opens it.
  await lastRow.focus();
  const name = await lastRow.getAttribute('data-name');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await page.getByTestId('detail-name').textContent(), name));
});
