// (d) An object at level 4 gets no requirements: the säkerhetsskydd notice instead, and it is
// listed as excluded from procurement lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { expectCount, expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';

const app = useApp();

test('a level-4 object shows the säkerhetsskydd notice and is excluded from procurement', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Ledningssystem', { K: 4, R: 1, T: 1, S: 1 });
  await createClassified(page, 'Kartportal', { K: 1, R: 1, T: 1, S: 1 });
  await page.getByTestId('nav-objects').click();
  await page.locator('[data-testid="object-row"][data-name="Ledningssystem"]').click();
  await page.getByTestId('tab-requirements').click();

  const notice = page.getByTestId('req-suppressed');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('data-reason'), 'security_level');
  await expectText(notice, /säkerhetsskyddschefen/);
  await expectText(notice, /särskild säkerhetsskyddsanalys/);
  assert.equal(await page.getByTestId('req-row').count(), 0, 'no requirements');
  assert.equal(await page.getByTestId('answer-BEH-01-uppfyllt').count(), 0);
  await screenshot(page, 'requirements-security');
  await page.getByTestId('tab-actions').click();
  await page.getByTestId('actions-empty').waitFor();

  // In procurement: listed as excluded with the reason; the other object still gives its list.
  await page.getByTestId('procure-object').click();
  const excluded = page.getByTestId('procure-excluded');
  await excluded.waitFor();
  await expectText(excluded.locator('li[data-reason="security_level"]'), /^Ledningssystem \(K4 R1 T1 S1\): nivå 4 \(säkerhetsskydd\)/);
  assert.equal(await page.getByTestId('procure-item').count(), 0);
  assert.equal(await page.getByTestId('export-xlsx').isDisabled(), true, 'nothing to export');
  await page.locator('[data-testid^="procure-pick-"][data-name="Kartportal"]').check();
  // Level 1 in every aspect gets 39 requirements of the shipped catalogue, and arkivlagen
  // (chosen for the whole organisation by default) one more.
  await expectCount(page.getByTestId('procure-item'), 40);
  await expectText(page.getByTestId('procure-needed-BEH-01'), 'Behövs för: Kartportal');
  await expectCount(excluded.locator('li'), 1);
});

test('an object that is not fully classified asks for the remaining levels first', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Halvklart', { K: 2, R: 1 });
  await page.getByTestId('tab-requirements').click();
  const notice = page.getByTestId('req-suppressed');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('data-reason'), 'incomplete');
  await expectText(notice.locator('h2'), 'Klassa alla aspekter först');
});
