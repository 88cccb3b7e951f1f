// The scale's consequence criteria and outage times while choosing a level, the same criteria
// as the risk matrix's consequence descriptions, and the top-management role: named under
// Kataloger > Skala och riskmatris, the only role offered for a risk in the top band, and
// recorded with the acceptance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';
import { setLevel } from './lib/wizard.js';
import * as catalog from './lib/catalog.js';

const app = useApp();
/** The Swedish criterion of a level in an area (0 verksamhet … 5 enskildas integritet). */
const criterion = (level, area) => catalog.criteria[level * 6 + area].sv;

test('the level step shows what the chosen level means, and for T the tolerable outage', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Ekonomisystem');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Fakturor');
  await page.getByTestId('wizard-next').click();

  assert.equal(await page.getByTestId('criteria-0-K').count(), 0, 'nothing before a level is chosen');
  await setLevel(page, 0, 'K', 2);
  const k = page.getByTestId('criteria-0-K');
  await expectText(k.locator('.title'), 'Nivå 2 Betydande skada innebär');
  await expectText(k.locator('dt').first(), 'Verksamhet');
  await expectText(k.locator('dd').nth(1), criterion(2, 1));
  await expectText(k.locator('dd').nth(5), criterion(2, 5));
  assert.equal(await k.locator('dd').count(), 6);
  assert.equal(await page.getByTestId('criteria-0-K-outage').count(), 0, 'outage belongs to T');

  await setLevel(page, 0, 'T', 3);
  await expectText(page.getByTestId('criteria-0-T-outage'), `Tolerabelt avbrott: ${catalog.outage[3].sv}`);
  await expectText(page.getByTestId('criteria-0-T').locator('dd').nth(3), criterion(3, 3));
  // Another level replaces the criteria shown.
  await setLevel(page, 0, 'T', 1);
  await expectText(page.getByTestId('criteria-0-T-outage'), `Tolerabelt avbrott: ${catalog.outage[1].sv}`);
  await screenshot(page, 'scale-level-criteria');

  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('criteria-0-T-outage'), `Tolerable outage: ${catalog.outage[1].en}`);
  await expectText(page.getByTestId('criteria-0-K').locator('dt').nth(5), "Individuals' privacy");
});

test('a risk in the top band is accepted by the role the organisation names', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-scale').click();
  await expectText(page.getByTestId('scale-criteria-0').locator('dd').first(), criterion(0, 0));
  await page.getByTestId('top-risk-role-title').fill('Regiondirektör');
  await page.getByTestId('top-risk-role').locator('button[type="submit"]').click();
  await expectText(page.getByTestId('top-risk-role-current'), 'Nu: Regiondirektör');

  await page.getByTestId('nav-objects').click();
  await page.getByTestId('new-object').waitFor();
  // K3 gives consequence 4, so a likely theft (4 × 4 = 16) lands in Extremt hög.
  await createClassified(page, 'Journalsystem', { K: 3, R: 1, T: 1, S: 1 });
  await page.getByTestId('tab-risks').click();
  await page.getByTestId('analysis-purpose').fill('Årlig riskanalys');
  await page.getByTestId('analysis-owner').fill('Anna Berg');
  await page.getByTestId('analysis-start').click();
  await page.getByTestId('analysis-header').waitFor();
  await page.getByTestId('threat-scope-HOT-07').check();
  await page.getByTestId('threat-create-HOT-07').click();
  assert.equal(await page.getByTestId('risk-c-4').isChecked(), true);
  await expectText(page.getByTestId('risk-c-criteria').locator('.title'), 'Konsekvens 4 Allvarlig');
  await expectText(page.getByTestId('risk-c-criteria').locator('dd').nth(3), criterion(3, 3));
  await page.getByTestId('risk-p-4').check();
  await page.getByTestId('risk-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });

  const row = page.locator('[data-testid="risk-row"][data-label="R1"]');
  await expectText(row.getByTestId('risk-value'), '16Extremt hög');
  await expectText(page.getByTestId('band-extremt-hog'), /Accepteras av: Regiondirektör/);
  await page.getByTestId('consequence-criteria').locator('summary').click();
  await expectText(page.getByTestId('consequence-criteria-1').locator('dd').first(), criterion(0, 0));

  await row.getByTestId('risk-accept').click();
  await expectText(
    page.getByTestId('accept-top-role'),
    'Risken ligger i den högsta nivån. Den får bara accepteras av Regiondirektör, som rapporterar beslutet till nämnd eller styrelse.',
  );
  assert.deepEqual(await page.getByTestId('accept-role').locator('option').allTextContents(), ['Regiondirektör']);
  await page.getByTestId('accept-name').fill('Eva Ek');
  await screenshot(page, 'scale-accept-top-role');
  await page.getByTestId('accept-confirm').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectText(row.getByTestId('risk-acceptance'), /✓ Eva Ek\s*Regiondirektör/);
});
