// Drafts: a saved draft can be opened again from the detail; a taken name is refused clearly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { eventually, expectText } from './lib/expect.js';
import { createDraft, goToStep } from './lib/wizard.js';

const app = useApp();

test('a saved draft opens again in the wizard with its content', async (t) => {
  const page = await app.open(t);
  await createDraft(page, 'Lönesystem', { K: 2, R: 3, T: 1, S: 2 });
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  await page.getByTestId('wizard-close').click();

  await expectText(page.getByTestId('detail-name'), 'Lönesystem');
  await eventually(async () => assert.equal(await page.getByTestId('detail-status').getAttribute('data-status'), 'utkast'));
  await expectText(page.getByTestId('detail-profile'), 'K2 R3 T1 S2');

  await page.getByTestId('edit').click();
  assert.equal(await page.getByTestId('meta-name').inputValue(), 'Lönesystem');
  await goToStep(page, 3);
  assert.equal(await page.getByTestId('level-0-R-3').isChecked(), true);
  await page.getByTestId('level-0-T-2').click();
  await page.getByTestId('save-draft').click();
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  await page.getByTestId('wizard-close').click();
  await expectText(page.getByTestId('detail-profile'), 'K2 R3 T2 S2');
});

test('a name that is taken is refused with NAME_TAKEN at the field and nothing is lost', async (t) => {
  const page = await app.open(t, '?seed=3');
  const taken = await page.getByTestId('object-row').first().getAttribute('data-name');
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill(taken);
  await page.getByTestId('save-draft').click();
  await expectText(page.getByTestId('meta-name-problem'), /Det finns redan ett objekt med det namnet/);
  assert.equal(await page.getByTestId('error').count(), 0, 'shown at the field, not as a banner');
  assert.equal(await page.getByTestId('meta-name').inputValue(), taken);
});
