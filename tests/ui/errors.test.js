// (e) A failing command shows the Swedish error banner with its code; the app stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';

const app = useApp();

test('a database error is shown in Swedish with its code and the app stays usable', async (t) => {
  const page = await app.open(t, '?seed=3&fail=get_object', { allowPageErrors: true });
  await page.getByTestId('object-row').first().click();

  const banner = page.getByTestId('error');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-code'), 'DB_ERROR');
  await expectText(banner.locator('strong'), /Databasen kunde inte läsas eller skrivas/);
  assert.match(await banner.textContent(), /Felkod: DB_ERROR/);

  // Still usable: close the banner, go back, start a new classification.
  await banner.getByRole('button', { name: 'Stäng' }).click();
  assert.equal(await banner.count(), 0);
  await page.getByRole('button', { name: 'Till listan' }).first().click();
  await page.getByTestId('object-row').first().waitFor();
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Fortfarande igång');

  // An unexpected exception anywhere also ends up in the banner, never as a blank screen.
  await page.evaluate(() => setTimeout(() => {
    throw new Error('oväntat test');
  }));
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-code'), 'UNEXPECTED');
  assert.equal(await page.getByTestId('meta-name').inputValue(), 'Fortfarande igång');
});

test('approving with open issues is refused with the list of issues', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Ofullständig');
  await page.getByTestId('wizard-step-5').click();
  await page.getByTestId('issues').waitFor();
  assert.equal(await page.getByTestId('approve').isDisabled(), true, 'approve is disabled while there are issues');
  await expectText(page.getByTestId('issues'), /Lägg till minst en informationsmängd/);

  // An issue leads to where it is fixed.
  await page.getByTestId('issues').getByRole('button').first().click();
  assert.equal(await page.getByTestId('wizard-step-2').getAttribute('aria-current'), 'step');
});
