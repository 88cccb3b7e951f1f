// (d) Switching to English changes the labels, and the choice is remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';

const app = useApp();

test('the language switch changes labels and is remembered', async (t) => {
  const page = await app.open(t, '?seed=3');
  await expectText(page.locator('h1'), 'Klassningsobjekt');
  await expectText(page.getByTestId('new-object'), '+ Ny klassning');
  await expectText(page.getByTestId('list-count'), '3 av 3 objekt');

  await page.getByTestId('lang-en').click();
  await expectText(page.locator('h1'), 'Classified objects');
  await expectText(page.getByTestId('new-object'), '+ New classification');
  await expectText(page.getByTestId('list-count'), '3 of 3 objects');
  await expectText(page.locator('[role="columnheader"]').first(), 'Name');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  // Remembered after a restart.
  await page.reload();
  await page.locator('html[data-ready="true"]').waitFor();
  await expectText(page.locator('h1'), 'Classified objects');

  // The wizard is translated too, including the scale's own texts.
  await page.getByTestId('new-object').click();
  await expectText(page.getByTestId('wizard-step-3'), /Levels$/);
  await page.getByTestId('wizard-step-2').click();
  await page.getByTestId('add-set').click();
  await page.getByTestId('wizard-step-3').click();
  const question = page.locator('fieldset .question').first();
  await expectText(question, 'What happens if the information reaches someone who should not have it?');

  await page.getByTestId('lang-sv').click();
  await expectText(page.getByTestId('wizard-step-3'), /Nivåer$/);
  await expectText(question, 'Vad händer om informationen når någon som inte ska ha den?');
});

test('aspect letters follow the language: K/R/T/S in Swedish, C/I/A/T in English', async (t) => {
  const page = await app.open(t, '?seed=3');
  const badges = page.getByTestId('object-row').first().locator('.badge');
  await expectText(badges.first(), /^K[0-4–]$/);
  assert.deepEqual((await badges.allTextContents()).map((b) => b[0]), ['K', 'R', 'T', 'S']);
  await page.getByTestId('lang-en').click();
  await expectText(badges.first(), /^C[0-4–]$/);
  assert.deepEqual((await badges.allTextContents()).map((b) => b[0]), ['C', 'I', 'A', 'T']);
  assert.match(await badges.first().getAttribute('title'), /^Confidentiality/);

  // The level step of the wizard, too.
  await page.getByTestId('new-object').click();
  await page.getByTestId('wizard-step-2').click();
  await page.getByTestId('add-set').click();
  await page.getByTestId('wizard-step-3').click();
  await expectText(page.locator('fieldset legend .code').first(), 'C');
});
