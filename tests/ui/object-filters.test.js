// The coordinator's object list: filters per aspect level, risk-analysis status, ISAK and
// actions, sortable column headers (mouse and keyboard, aria-sort), review dates that fit at
// 960 px, the ISAK record of an imported shared sample, and Översikt opening the list filtered.
// Every answer is the real backend's (the test host); the expected names are worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually, expectText } from './lib/expect.js';
import { sample } from './lib/workbooks.js';

const app = useApp();
const JOURNAL = 'Vårdinformationssystem (journal)';

const object = (name, [K, R, T, S]) => ({
  input: {
    meta: { name, information_owner: 'Enhetschef', unit: 'Kultur' },
    content: {
      sets: [
        {
          id: '',
          name: 'Uppgifter',
          description: '',
          info_type: 'intern',
          levels: { K, R, T, S },
          motivations: { K: 'Motiverad', R: 'Motiverad', T: 'Motiverad', S: 'Motiverad' },
        },
      ],
      uplifts: {},
      lagrum: [],
    },
  },
});

/** The two ISAK samples (journal K3 R3 T3, ekonomi K1 R3 T2, each with a draft risk analysis) and three made here. */
async function portfolio(t) {
  const page = await app.open(t);
  for (const file of ['journalsystem.xlsx', 'ekonomisystem.xls']) {
    const { name, buffer } = sample(file);
    const result = await callHost('import_file', { fileName: name, base64: buffer.toString('base64') });
    assert.equal(result.applied, true, `${file} imported`);
  }
  await callHost('create_object', object('System 2', [3, 1, 1, 1]));
  await callHost('create_object', object('System 10', [1, 1, 1, 1]));
  await callHost('create_object', object('Åtkomst', [2, 2, 2, 2]));
  await page.reload();
  await page.locator('html[data-ready="true"]').waitFor();
  return page;
}

const names = (page) => page.getByTestId('object-row').evaluateAll((rows) => rows.map((r) => r.dataset.name));
const expectNames = (page, want) => eventually(async () => assert.deepEqual(await names(page), want));

test('filters per level, risk analysis, ISAK and actions narrow the list', async (t) => {
  const page = await portfolio(t);
  await expectNames(page, ['Ekonomisystem', 'System 2', 'System 10', JOURNAL, 'Åtkomst']);

  await page.getByTestId('filter-min-K').selectOption('3');
  await expectNames(page, ['System 2', JOURNAL]);
  await page.getByTestId('filter-min-T').selectOption('2');
  await expectNames(page, [JOURNAL]);
  await page.getByTestId('filter-min-K').selectOption('');
  await expectNames(page, ['Ekonomisystem', JOURNAL, 'Åtkomst']);
  await page.getByTestId('filter-min-T').selectOption('');
  await page.getByTestId('filter-min-S').selectOption('0');
  await expectNames(page, ['System 2', 'System 10', 'Åtkomst']);
  await page.getByTestId('filter-min-S').selectOption('');

  await page.getByTestId('filter-risk').selectOption('none');
  await expectNames(page, ['System 2', 'System 10', 'Åtkomst']);
  await page.getByTestId('filter-risk').selectOption('draft');
  await expectNames(page, ['Ekonomisystem', JOURNAL]);
  await page.getByTestId('filter-risk').selectOption('');

  await page.getByTestId('filter-isak').check();
  await expectNames(page, ['Ekonomisystem', JOURNAL]);
  assert.equal(await page.getByTestId('row-isak').count(), 2, 'each ISAK row carries the mark');
  await page.getByTestId('filter-isak').uncheck();

  // The ISAK risk rows with an action brought their actions along; the objects made here have none.
  await page.getByTestId('filter-open-actions').check();
  const open = await callHost('list_objects', { filter: { open_actions: true } });
  assert.ok(open.items.length > 0 && open.items.every((o) => o.from_isak && o.open_actions > 0));
  await expectNames(page, open.items.map((o) => o.name));
  await page.getByTestId('filter-open-actions').uncheck();
  await expectNames(page, ['Ekonomisystem', 'System 2', 'System 10', JOURNAL, 'Åtkomst']);
});

test('column headers sort by click and by keyboard, with aria-sort; dates fit at 960 px', async (t) => {
  const page = await portfolio(t);
  const header = (col) => page.getByTestId(`col-${col}`);
  await expectNames(page, ['Ekonomisystem', 'System 2', 'System 10', JOURNAL, 'Åtkomst']);
  assert.equal(await header('name').getAttribute('aria-sort'), 'ascending');
  assert.equal(await header('profile').getAttribute('aria-sort'), 'none');

  await header('name').getByRole('button').click();
  await expectNames(page, ['Åtkomst', JOURNAL, 'System 10', 'System 2', 'Ekonomisystem']);
  assert.equal(await header('name').getAttribute('aria-sort'), 'descending');
  assert.equal((await header('name').textContent()).trim(), 'Namn', 'the arrow is no part of the header text');

  // Keyboard: the header buttons are in the tab order; Enter sorts.
  await header('profile').getByRole('button').focus();
  await page.keyboard.press('Enter');
  // Highest level, then the sum: K1R1T1S1, K2R2T2S2, K1R3T2S–, K3R1T1S1, K3R3T3S–.
  await expectNames(page, ['System 10', 'Åtkomst', 'Ekonomisystem', 'System 2', JOURNAL]);
  assert.equal(await header('profile').getAttribute('aria-sort'), 'ascending');
  assert.equal(await header('name').getAttribute('aria-sort'), 'none');
  await page.keyboard.press('Enter');
  await expectNames(page, [JOURNAL, 'System 2', 'Ekonomisystem', 'Åtkomst', 'System 10']);
  assert.equal(await header('profile').getAttribute('aria-sort'), 'descending');

  await header('next_review').getByRole('button').click();
  const backend = await callHost('list_objects', { filter: { sort: 'next_review' } });
  assert.equal(backend.items[0].name, JOURNAL, 'the journal was due 2021-03-12');
  await expectNames(page, backend.items.map((o) => o.name));

  await page.setViewportSize({ width: 960, height: 720 });
  const dates = page.locator('[data-testid="object-row"] .date');
  await eventually(async () => {
    const cut = await dates.evaluateAll((cells) =>
      cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.trim()),
    );
    assert.deepEqual(cut, [], 'no review date is cut off');
  });
  await expectText(page.locator(`[data-name="${JOURNAL}"] .date`), /2021-03-12/);
  await screenshot(page, 'object-filters-960');
});

test('an imported ISAK object shows what its workbook recorded', async (t) => {
  const page = await portfolio(t);
  await page.locator(`[data-testid="object-row"][data-name="${JOURNAL}"]`).click();
  await page.getByRole('heading', { name: JOURNAL }).first().waitFor();
  await expectText(
    page.getByTestId('isak-record'),
    /Klassad i ISAK 2019-03-12 · deltagare Anna Berg, Karim Said, Lena Öst · informationsägare .+ · fil journalsystem\.xlsx · blad Klassning/,
  );
  await screenshot(page, 'object-isak-record');
  // An object made in the app has no such record.
  await page.getByTestId('nav-objects').click();
  await page.locator('[data-testid="object-row"][data-name="System 2"]').click();
  await page.getByRole('heading', { name: 'System 2' }).first().waitFor();
  assert.equal(await page.getByTestId('isak-record').count(), 0);
});

test('an Översikt figure opens the object list with the matching filter', async (t) => {
  const page = await portfolio(t);
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('ov-risk-none').click();
  await page.getByTestId('ov-show-in-list').click();
  await expectNames(page, ['System 2', 'System 10', 'Åtkomst']);
  assert.equal(await page.getByTestId('filter-risk').inputValue(), 'none');

  await page.getByTestId('nav-overview').click();
  await page.getByTestId('ov-from-isak').click();
  await page.getByTestId('ov-show-in-list').click();
  await expectNames(page, ['Ekonomisystem', JOURNAL]);
  assert.equal(await page.getByTestId('filter-risk').inputValue(), '', 'the earlier filter is gone');
  assert.equal(await page.getByTestId('filter-isak').isChecked(), true);
});
