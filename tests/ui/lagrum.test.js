// Lagrum under Kataloger: the organisation chooses cybersäkerhetslagen for itself and its
// requirements appear on every object without anyone ticking them; "Ingen" takes them away.
// The lagrum step offers the catalogue's per-object lagrum only, and säkerhetsskydd asks which
// aspect is affected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified, rowKeys } from './lib/objects.js';
import { goToStep } from './lib/wizard.js';

const app = useApp();
const notice = (page) => page.getByTestId('notice').locator('.text');

async function openLagrum(page) {
  await page.getByTestId('nav-catalog').click();
  if (await page.getByTestId('confirm-leave').isVisible()) await page.getByTestId('confirm-leave').click();
  await page.getByTestId('catalog-tab-lagrum').click();
  await page.getByTestId('org-lagrum').waitFor();
}

async function requirementKeys(page, name) {
  await page.getByTestId('nav-objects').click();
  await page.locator(`[data-testid="object-row"][data-name="${name}"]`).click();
  await expectText(page.getByTestId('detail-name'), name);
  await page.getByTestId('tab-requirements').click();
  await page.getByTestId('req-row').first().waitFor();
  return rowKeys(page);
}

test('an organisation-wide lagrum brings its requirements to every object', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Ekonomisystem', { K: 1, R: 1, T: 1, S: 1 });
  await createClassified(page, 'Larmcentral', { K: 1, R: 2, T: 3, S: 1 });
  for (const name of ['Ekonomisystem', 'Larmcentral']) {
    assert.ok(!(await requirementKeys(page, name)).includes('INC-06'), `${name}: not covered yet`);
  }

  await openLagrum(page);
  // Arkivlagen applies to every public body and is chosen from the start; no cybersäkerhetslag yet.
  assert.equal(await page.getByTestId('org-lagrum-arkivlagen').isChecked(), true);
  assert.equal(await page.getByTestId('org-lagrum-none-cybersakerhetslagen').isChecked(), true);
  const pdl = page.locator('[data-testid="lagrum-row"][data-key="patientdatalagen"]');
  await expectText(pdl, /Patientdatalagen \(2008:355\).*K ≥ 2, R ≥ 2, S ≥ 2/s);
  await expectText(pdl, /LOG-12/);
  await expectCount(page.locator('[data-testid="lagrum-row"][data-key="cybersakerhetslagen_viktig"]'), 0);

  await page.getByTestId('org-lagrum-cybersakerhetslagen_vasentlig').check();
  await expectText(notice(page), 'Valet för hela organisationen är sparat.');
  await eventually(async () => assert.equal(await page.getByTestId('org-lagrum-cybersakerhetslagen_vasentlig').isChecked(), true));
  await screenshot(page, 'lagrum-organisation');

  for (const name of ['Ekonomisystem', 'Larmcentral']) {
    assert.ok((await requirementKeys(page, name)).includes('INC-06'), `${name}: incident reporting applies`);
  }
  await expectText(page.getByTestId('req-reasons-INC-06'), 'Cybersäkerhetslagen');
  await page.getByTestId('req-expand-INC-06').click();
  await expectText(page.getByTestId('req-lagrum-ref-INC-06'), /Cybersäkerhetslagen \(2025:1506\)/);
  const inc06 = page.locator('[data-testid="req-row"][data-key="INC-06"]');
  await expectText(inc06, /CSIRT-enheten.*24 timmar.*72 timmar.*en månad/s);
  // KON-07 needs T ≥ 2 as well: Larmcentral (T3) has it, Ekonomisystem (T1) does not.
  assert.ok((await rowKeys(page)).includes('KON-07'));
  assert.ok(!(await requirementKeys(page, 'Ekonomisystem')).includes('KON-07'));

  await openLagrum(page);
  await page.getByTestId('org-lagrum-none-cybersakerhetslagen').check();
  await expectText(notice(page), 'Valet för hela organisationen är sparat.');
  assert.ok(!(await requirementKeys(page, 'Ekonomisystem')).includes('INC-06'), 'Ingen: nothing organisation-wide');
});

test('the lagrum step offers the per-object lagrum, and säkerhetsskydd asks for the aspect', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('new-object').click();
  await page.getByTestId('meta-name').fill('Driftövervakning');
  await goToStep(page, 4);
  await page.getByTestId('lagrum-osl_skyddade_personuppgifter').waitFor();
  await expectCount(page.getByTestId('lagrum-cybersakerhetslagen_viktig'), 0);
  await expectCount(page.getByTestId('lagrum-arkivlagen'), 0);
  await expectText(page.locator('#lagrum-card-samhallsviktig'), /Kritisk för samhällsviktig verksamhet/);

  await page.getByTestId('lagrum-sakerhetsskydd').check();
  await expectText(page.locator('#lagrum-card-sakerhetsskydd'), /säkerhetsskyddschefen/);
  await expectCount(page.locator('#lagrum-card-sakerhetsskydd li'), 0);
  await page.getByTestId('lagrum-aspect-sakerhetsskydd-T').check();
  await expectText(page.locator('#lagrum-card-sakerhetsskydd li').first(), /^T ≥ 4/);
});
