// Keyboard: the wizard opens with focus in its first field, Nästa/Tillbaka move focus to the
// new step's heading, and a taken name is shown under the name field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { eventually, expectText } from './lib/expect.js';

const app = useApp();

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim() };
  });

test('focus starts in the name field and follows each step change', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await eventually(async () => assert.equal((await focused(page)).id, 'f-meta-name'));

  await page.keyboard.type('Bygglovsärenden');
  await page.getByTestId('wizard-next').focus();
  await page.keyboard.press('Enter');
  await eventually(async () => assert.deepEqual(await focused(page), { tag: 'H2', id: '', text: await page.locator('.body h2').textContent() }));
  assert.match((await focused(page)).text, /informationsmängder|Vilken information/i);

  // The next Tab lands in the step, not on the top bar.
  await page.keyboard.press('Tab');
  const inStep = await page.evaluate(() => !!document.activeElement?.closest('.body'));
  assert.ok(inStep, 'Tab after the heading stays in the step');

  await page.getByTestId('wizard-back').focus();
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal((await focused(page)).tag, 'H2'));
  await expectText(page.locator('.body h2'), (await focused(page)).text);
});

test('a taken name sends the wizard back to the name field with the message under it', async (t) => {
  const page = await app.open(t, '?seed=3');
  const taken = await page.getByTestId('object-row').first().getAttribute('data-name');
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill(`  ${taken.toUpperCase()} `);
  await page.getByTestId('meta-unit').fill('Samhällsbyggnad');
  await page.getByTestId('wizard-next').click();

  // The save on the step change was refused: back on step 1, message at the field, no banner.
  await expectText(page.getByTestId('meta-name-problem'), /Det finns redan ett objekt med det namnet/);
  assert.equal(await page.getByTestId('wizard-step-1').getAttribute('aria-current'), 'step');
  assert.equal(await page.getByTestId('error').count(), 0, 'no page banner');
  await eventually(async () => assert.equal((await focused(page)).id, 'f-meta-name'));
  assert.equal(await page.getByTestId('meta-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('meta-unit').inputValue(), 'Samhällsbyggnad', 'nothing typed is lost');

  // A new name clears the message, and the draft is saved.
  await page.getByTestId('meta-name').fill(`${taken} 2`);
  assert.equal(await page.getByTestId('meta-name-problem').count(), 0);
  await page.getByTestId('save-draft').click();
  await expectText(page.locator('.foot .state'), /^Sparat \d\d:\d\d$/);
});
