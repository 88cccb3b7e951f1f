// Objects for the requirement tests, created through the wizard as a user would.
import assert from 'node:assert/strict';
import { eventually, expectText } from './expect.js';
import { createDraft } from './wizard.js';

/** Creates a draft with one set at the given levels and opens its detail screen. */
export async function createClassified(page, name, levels) {
  await createDraft(page, name, levels);
  await expectText(page.locator('.foot .state'), /(Sparat|Saved) \d\d:\d\d/);
  await page.getByTestId('wizard-close').click();
  await expectText(page.getByTestId('detail-name'), name);
}

/** The data-key of every requirement row, in order. */
export async function rowKeys(page) {
  return page.getByTestId('req-row').evaluateAll((rows) => rows.map((r) => r.dataset.key));
}

/** Waits until an answer button is (or is not) the saved answer. */
export async function expectPressed(page, key, answer, pressed = true) {
  await eventually(async () =>
    assert.equal(await page.getByTestId(`answer-${key}-${answer}`).getAttribute('aria-pressed'), String(pressed)),
  );
}

/** Waits until a summary count (answer or "unanswered") shows n. */
export async function expectCountOf(page, part, n) {
  await eventually(async () => assert.equal(await page.getByTestId(`req-count-${part}`).getAttribute('data-n'), String(n)));
}
