// Steps through the wizard the way a user does, by the test ids.
import assert from 'node:assert/strict';

export async function setLevel(page, set, aspect, level) {
  await page.getByTestId(`level-${set}-${aspect}-${level}`).click();
  if (level === 4) await page.getByTestId('confirm-level4').click();
  assert.equal(await page.getByTestId(`level-${set}-${aspect}-${level}`).isChecked(), true);
}

/** Sets the levels of one set, e.g. {K: 2, R: 1}, each with a motivation. */
export async function fillLevels(page, set, levels, motivation) {
  for (const [aspect, level] of Object.entries(levels)) {
    await setLevel(page, set, aspect, level);
    await page.getByTestId(`motivation-${set}-${aspect}`).fill(`${motivation} (${aspect}${level})`);
  }
}

export async function goToStep(page, step) {
  await page.getByTestId(`wizard-step-${step}`).click();
  assert.equal(await page.getByTestId(`wizard-step-${step}`).getAttribute('aria-current'), 'step');
}

/** Creates a draft object with one set whose levels are all given. */
export async function createDraft(page, name, levels) {
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill(name);
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Grunduppgifter');
  await page.getByTestId('wizard-next').click();
  await fillLevels(page, 0, levels, 'Bedömt');
  await page.getByTestId('save-draft').click();
}
