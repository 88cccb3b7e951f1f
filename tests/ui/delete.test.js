// (g) Deleting a never-approved draft asks for confirmation and removes it from the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { expectText, listCount } from './lib/expect.js';

const app = useApp();

test('delete with confirmation removes the object', async (t) => {
  const page = await app.open(t, '?seed=3');
  // The host approves three of four generated objects; the first one stays a draft.
  const name = 'Journalsystem 0001';
  await page.locator(`[data-testid="object-row"][data-name="${name}"]`).click();
  await expectText(page.getByTestId('detail-name'), name);

  // Cancelling keeps it.
  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-delete').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('confirm-delete').waitFor({ state: 'detached' });
  await expectText(page.getByTestId('detail-name'), name);

  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-delete').click();
  await page.getByTestId('object-row').first().waitFor();
  await expectText(page.getByTestId('list-count'), '2 av 2 objekt');
  assert.equal(await page.locator(`[data-testid="object-row"][data-name="${name}"]`).count(), 0);
});
