// Two people on one object: while the wizard is open, someone else saves the object. The
// wizard's save is refused with who and when, what was typed stays in the form, and "keep my
// changes" lays them over the other person's version without losing theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callHost, screenshot, useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';
import { createDraft, goToStep } from './lib/wizard.js';

const app = useApp();

async function objectNamed(name) {
  const list = await callHost('list_objects', { filter: { search: name } });
  return callHost('get_object', { id: list.items.find((o) => o.name === name).id });
}

test('a save after someone else saved is refused, keeps the typing and can be laid over theirs', async (t) => {
  const page = await app.open(t);
  await createDraft(page, 'Konfliktsystem', { K: 2, R: 2, T: 2, S: 1 });
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);

  // Someone else changes the unit (through the same commands another window would use).
  const before = await objectNamed('Konfliktsystem');
  await callHost('update_object', { id: before.id, meta: { ...before.meta, unit: 'Akutkliniken' } });

  // Here the owner writes a description and saves: refused, with who and when.
  await goToStep(page, 1);
  await page.getByTestId('meta-description').fill('Journalföring på akuten');
  await page.getByTestId('save-draft').click();
  const banner = page.getByTestId('wizard-conflict');
  await expectText(banner, /sparade objektet \d{4}-\d\d-\d\d \d\d:\d\d, efter att du öppnade det/);
  assert.equal(await page.getByTestId('meta-description').inputValue(), 'Journalföring på akuten', 'the typing stays');
  assert.equal((await objectNamed('Konfliktsystem')).meta.description, '', 'nothing of it was written');
  assert.equal(await page.getByTestId('autosave-error').count(), 0, 'the banner, not a retry notice, explains it');
  await screenshot(page, 'wizard-conflict');

  // Keep mine: the description is saved and the other person's unit is kept.
  await page.getByTestId('conflict-keep-mine').click();
  await banner.waitFor({ state: 'detached' });
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  assert.equal(await page.getByTestId('meta-unit').inputValue(), 'Akutkliniken');
  const after = await objectNamed('Konfliktsystem');
  assert.equal(after.meta.description, 'Journalföring på akuten');
  assert.equal(after.meta.unit, 'Akutkliniken');
});

test('discarding shows the other person’s version', async (t) => {
  const page = await app.open(t);
  await createDraft(page, 'Kassasystem', { K: 1, R: 2, T: 1, S: 1 });
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  const before = await objectNamed('Kassasystem');
  await callHost('update_object', { id: before.id, meta: { ...before.meta, description: 'Deras text' } });
  await goToStep(page, 1);
  await page.getByTestId('meta-description').fill('Min text');
  await page.getByTestId('save-draft').click();
  await page.getByTestId('conflict-discard-mine').click();
  await page.getByTestId('wizard-conflict').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('meta-description').inputValue(), 'Deras text');
});
