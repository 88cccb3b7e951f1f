// A small window (960×600): the top bar collapses, the language switch sits in a menu that the
// keyboard reaches and that switches the language, and the main controls stay on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectText } from './lib/expect.js';

const app = useApp();

/** The element's box lies wholly inside the viewport. */
async function onScreen(page, locator, what) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is rendered`);
  const { width, height } = page.viewportSize();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height, `${what} ${JSON.stringify(box)} is inside ${width}×${height}`);
}

test('at 960×600 the language menu is reached by keyboard and switches language', async (t) => {
  const page = await app.open(t, '?seed=12');
  await page.setViewportSize({ width: 960, height: 600 });

  await expectText(page.getByTestId('new-object'), '+ Ny');
  const bar = page.locator('header.topbar');
  assert.equal(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'the top bar does not overflow');
  for (const id of ['nav-objects', 'nav-procurement', 'nav-catalog', 'nav-import', 'new-object', 'lang-menu']) {
    await onScreen(page, page.getByTestId(id), id);
  }
  assert.equal(await page.getByTestId('lang-en').isVisible(), false, 'the wide switch is folded away');
  await screenshot(page, 'small-window-list');

  // Tab from the page start until the menu button has focus, open it with Enter, pick English.
  await page.locator('body').focus();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.getByTestId('lang-menu').evaluate((el) => el === document.activeElement)) break;
  }
  assert.equal(await page.getByTestId('lang-menu').evaluate((el) => el === document.activeElement), true, 'reached by Tab');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await page.getByTestId('lang-menu-sv').evaluate((el) => el === document.activeElement), true));
  await onScreen(page, page.getByTestId('lang-menu-en'), 'the English item');
  await screenshot(page, 'small-window-language-menu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectText(page.getByTestId('nav-objects'), 'Objects');
  await expectText(page.getByTestId('new-object'), '+ New');
  assert.equal(await page.getByTestId('lang-menu').evaluate((el) => el === document.activeElement), true, 'focus back on the menu button');
  assert.equal(await page.getByTestId('lang-menu').getAttribute('aria-expanded'), 'false');

  // Escape closes the menu without a change; back to Swedish by mouse.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('lang-menu-sv').count(), 0);
  await page.getByTestId('lang-menu').click();
  await page.getByTestId('lang-menu-sv').click();
  await expectText(page.getByTestId('nav-objects'), 'Objekt');
});

test('at 960×600 the wizard keeps its steps, fields and footer on screen', async (t) => {
  const page = await app.open(t);
  await page.setViewportSize({ width: 960, height: 600 });
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Elevhälsans journalsystem');
  for (const id of ['wizard-step-1', 'wizard-step-5', 'meta-name', 'wizard-next', 'save-draft', 'wizard-close']) {
    await onScreen(page, page.getByTestId(id), id);
  }
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Kuratorsanteckningar');
  await page.getByTestId('wizard-next').click();
  await onScreen(page, page.getByTestId('level-0-K-0'), 'the first level card');
  await onScreen(page, page.getByTestId('wizard-next'), 'Nästa');
  await screenshot(page, 'small-window-wizard-levels');
});

test('at 960×600 the object page leaves room for its content', async (t) => {
  const page = await app.open(t, '?seed=4');
  await page.setViewportSize({ width: 960, height: 600 });
  await page.getByTestId('object-row').first().click();
  await page.getByTestId('tab-requirements').click();
  await onScreen(page, page.getByTestId('tab-requirements'), 'the Krav tab');
  await page.locator('[role="tabpanel"] .toolbar').waitFor();

  // One header line: back, name, status and profile beside the actions; the tabs in one row.
  const box = async (locator) => (await locator.boundingBox()) ?? assert.fail('rendered');
  const name = await box(page.getByTestId('detail-name'));
  for (const id of ['detail-status', 'detail-head-profile', 'detail-more']) {
    const b = await box(page.getByTestId(id));
    assert.ok(Math.abs(b.y + b.height / 2 - (name.y + name.height / 2)) < 8, `${id} is on the name's line`);
  }
  const tabs = await page.getByRole('tab').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  assert.equal(new Set(tabs).size, 1, 'the tabs are one row');
  await screenshot(page, 'small-window-detail-requirements');
  // The tab's content starts within 140 px of the window's top.
  const top = await page.locator('[role="tabpanel"]').evaluate((el) => el.firstElementChild.getBoundingClientRect().top);
  assert.ok(top <= 140, `the content starts at ${top} px`);
  t.diagnostic(`the content starts at ${Math.round(top)} px`);

  // The other actions are in the Mer menu, reached by keyboard.
  assert.equal(await page.getByTestId('history').count(), 0, 'folded into the menu');
  await page.getByTestId('detail-more').focus();
  await page.keyboard.press('Enter');
  // The object is approved: the first item is the review without changes, then the others.
  await eventually(async () => assert.equal(await page.getByTestId('review-unchanged').evaluate((el) => el === document.activeElement), true));
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByTestId('procure-object').evaluate((el) => el === document.activeElement), true);
  assert.equal(await page.getByTestId('procure-object').getAttribute('role'), 'menuitem');
  await screenshot(page, 'small-window-detail-more');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('history').count(), 0, 'Escape closes the menu');
  assert.equal(await page.getByTestId('detail-more').evaluate((el) => el === document.activeElement), true);
  await page.getByTestId('detail-more').click();
  await page.getByTestId('history').click();
  await page.getByTestId('history-entry').first().waitFor();
  assert.equal(await page.getByTestId('history').count(), 0, 'choosing an item closes the menu');
});
