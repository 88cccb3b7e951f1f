// The Riskanalys tab: start an analysis, create risks from threats with the consequence the
// classification gives, the motivation rule, heat maps before and after treatment, acceptance
// by role, approval, "behöver ses över" after a re-classification, errors and English labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectCount, expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';
import { goToStep } from './lib/wizard.js';
import * as catalog from './lib/catalog.js';

// Informationsstöld threatens K only, Överbelastningsangrepp T only.
const hot07 = catalog.threat('HOT-07');

const app = useApp();

/** Opens the tab and starts an analysis with a risk owner. */
async function startAnalysis(page, owner = 'Anna Berg') {
  await page.getByTestId('tab-risks').click();
  await page.getByTestId('risk-start').waitFor();
  await page.getByTestId('analysis-purpose').fill('Bedöma riskerna inför upphandlingen');
  await page.getByTestId('analysis-owner').fill(owner);
  await page.getByTestId('analysis-participants').fill(`${owner}, Karl Ek`);
  await page.getByTestId('analysis-start').click();
  await page.getByTestId('analysis-header').waitFor();
}

const row = (page, label) => page.locator(`[data-testid="risk-row"][data-label="${label}"]`);
const cell = (page, map, p, c) => page.getByTestId(`heat-${map}-cell-${p}-${c}`);
const count = async (locator) => Number(await locator.getAttribute('data-count'));

/** Saves the open risk editor and waits until it has closed. */
async function saveRisk(page) {
  await page.getByTestId('risk-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
}

test('a risk analysis from start to approval', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Journalsystem', { K: 2, R: 3, T: 2, S: 1 });
  await expectText(page.getByTestId('tab-risks'), 'Riskanalys');
  await startAnalysis(page);
  await expectText(page.getByTestId('analysis-status'), 'Utkast');
  await expectText(page.getByTestId('analysis-owner-text'), 'Anna Berg');
  await expectText(page.getByTestId('risks-empty'), /Inga risker ännu/);
  await expectCount(page.getByTestId('threat-group'), 5);

  // The threat is marked relevant and kept with the analysis.
  await page.getByTestId('threat-scope-HOT-07').check();
  await expectText(page.getByTestId('threats-count'), `1 av ${catalog.threats.length} hot relevanta`);

  // A risk from a threat: its texts and aspect, and the consequence the classification gives (K2 → 3).
  await page.getByTestId('threat-create-HOT-07').click();
  await expectText(page.locator('dialog[open] h2'), 'Ny risk');
  assert.equal(await page.getByTestId('risk-cause').inputValue(), hot07.cause_sv);
  assert.equal(await page.getByTestId('risk-event-input').inputValue(), hot07.name_sv);
  assert.equal(await page.getByTestId('risk-aspect-K').isChecked(), true);
  assert.equal(await page.getByTestId('risk-aspect-T').isChecked(), false);
  await expectText(page.getByTestId('risk-default'), 'Klassningen ger konsekvens 3 – Betydande.');
  assert.equal(await page.getByTestId('risk-c-3').isChecked(), true, 'the default consequence is chosen');
  await page.getByTestId('risk-c-default').waitFor();
  assert.equal(await page.locator('[data-testid="risk-c"] label:has([data-testid="risk-c-default"]) .num').textContent(), '3');
  await expectText(page.getByTestId('risk-sentence'), 'På grund av breda behörigheter, ingen bevakning av ovanliga uttag och fri möjlighet att kopiera till privat lagring eller privat e-post kan informationsstöld inträffa, vilket leder till personuppgifter och sekretessbelagda uppgifter sprids, säljs eller används för bedrägerier och utpressning.');

  // Another consequence than the classification's needs a motivation.
  await page.getByTestId('risk-p-3').check();
  await page.getByTestId('risk-c-4').check();
  await page.getByTestId('risk-save').click();
  const problems = page.getByTestId('risk-problems');
  await expectText(problems.locator('li'), 'Konsekvensen skiljer sig från den klassningen ger. Motivera varför.');
  assert.equal(await problems.locator('li').getAttribute('data-code'), 'CONSEQUENCE_CHANGE_NEEDS_MOTIVATION');
  assert.equal(await page.getByTestId('risk-motivation').getAttribute('aria-invalid'), 'true');
  await page.getByTestId('risk-motivation').fill('Inloggningen ger åtkomst till alla patienters journaler.');
  await saveRisk(page);

  const r1 = row(page, 'R1');
  await expectText(r1.getByTestId('risk-event'), hot07.name_sv);
  await expectText(r1.getByTestId('risk-value'), '12Hög');
  assert.equal(await r1.getByTestId('risk-value').getAttribute('data-band'), 'hog');
  await expectText(page.getByTestId('threat-risks-HOT-07'), '1 risk');

  // The heat maps: probability 3 × consequence 4, before and (untreated) after.
  await expectText(cell(page, 'inherent', 3, 4), /R1/);
  assert.equal(await count(cell(page, 'inherent', 3, 4)), 1);
  assert.equal(await cell(page, 'inherent', 3, 4).getAttribute('data-band'), 'hog');
  assert.equal(await count(cell(page, 'inherent', 3, 3)), 0);
  assert.equal(await count(cell(page, 'residual', 3, 4)), 1);

  // Reducera with a new action and a requirement; the residual risk moves in the residual map.
  await r1.getByTestId('risk-edit').click();
  await expectText(page.locator('dialog[open] h2'), 'Ändra risken R1');
  await page.getByTestId('risk-treatment-reducera').check();
  await page.getByTestId('risk-treatment-motivation').fill('Utbildning och tvåfaktorsinloggning.');
  await page.getByTestId('link-req-BEH-01').check();
  await page.getByTestId('add-risk-action').click();
  await page.getByTestId('new-risk-action-0').fill('Inför tvåfaktorsinloggning');
  await page.getByTestId('risk-rp-1').check();
  await page.getByTestId('risk-rc-2').check();
  await expectText(page.getByTestId('risk-editor-residual'), /1 × 2 = 2Låg/);
  await saveRisk(page);
  await expectText(r1.getByTestId('risk-treatment'), /Reducera\s*1 krav, 1 åtgärd/);
  await expectText(r1.getByTestId('risk-residual'), '2Låg');
  assert.equal(await count(cell(page, 'residual', 3, 4)), 0, 'gone from its old cell');
  await expectText(cell(page, 'residual', 1, 2), /R1/);
  assert.equal(await count(cell(page, 'inherent', 3, 4)), 1, 'the inherent map keeps it');
  await expectText(page.getByTestId('band-after-lag'), '1');
  await expectText(page.getByTestId('band-before-hog'), '1');

  // Acceptance: the residual risk is Låg, so the risk owner may accept it.
  await r1.getByTestId('risk-accept').click();
  const roles = await page.getByTestId('accept-role').locator('option').allTextContents();
  assert.deepEqual(roles, ['Riskägare', 'Informationsägare', 'Förvaltningsledning']);
  assert.equal(await page.getByTestId('accept-name').inputValue(), 'Anna Berg');
  await page.getByTestId('accept-confirm').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectText(r1.getByTestId('risk-acceptance'), /✓ Anna Berg\s*Riskägare/);

  // A second risk, with the default consequence (T2 → 3) and no treatment yet: 2 × 3 = 6 Medel.
  await page.getByTestId('threat-create-HOT-06').click();
  await expectText(page.getByTestId('risk-default'), 'Klassningen ger konsekvens 3 – Betydande.');
  await page.getByTestId('risk-p-2').check();
  await saveRisk(page);
  await expectCount(page.getByTestId('risk-row'), 2);
  await expectText(row(page, 'R2').getByTestId('risk-value'), '6Medel');
  await expectText(row(page, 'R2').getByTestId('risk-acceptance'), 'Acceptera');

  // The heat map by keyboard: Enter picks a cell and the list shows its risks, Esc shows all.
  await cell(page, 'inherent', 2, 3).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'heat-inherent-cell-3-4');
  await page.keyboard.press('Enter');
  await expectCount(page.getByTestId('risk-row'), 1);
  await expectText(page.getByTestId('risk-row').getByTestId('risk-event'), hot07.name_sv);
  await expectText(page.getByTestId('risk-filter'), /sannolikhet 3, konsekvens 4/);
  await page.keyboard.press('Escape');
  await expectCount(page.getByTestId('risk-row'), 2);

  // Approve (fastställ) the analysis.
  await page.getByTestId('analysis-approve').click();
  await expectText(page.getByTestId('approve-undecided'), '1 risk saknar beslut om behandling eller acceptans.');
  assert.equal(await page.getByTestId('analysis-approver').inputValue(), 'Anna Berg');
  await page.getByTestId('analysis-approver').fill('Eva Lund');
  await page.getByTestId('analysis-approve-confirm').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await expectText(page.getByTestId('analysis-status'), 'Fastställd');
  await expectText(page.getByTestId('analysis-approval'), /^Fastställd av Eva Lund/);
  assert.equal(await page.getByTestId('analysis-approve').isDisabled(), true);
  // The picture starts at the tab strip, so the header, both maps and the list are in view.
  await page.locator('.detail-screen').evaluate((el) => {
    el.scrollTop = el.querySelector('[role="tablist"]').getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 8;
  });
  await screenshot(page, 'risk-analysis');

  // Kept when leaving the tab; the new action is in the action plan.
  await page.getByTestId('tab-actions').click();
  assert.equal(await page.getByTestId('action-measure-0').inputValue(), 'Inför tvåfaktorsinloggning');
  await page.getByTestId('tab-risks').click();
  await expectCount(page.getByTestId('risk-row'), 2);
  await expectText(page.getByTestId('analysis-status'), 'Fastställd');
});

test('a changed classification flags the risk for review until it is scored again', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Ekonomisystem', { K: 2, R: 2, T: 1, S: 1 });
  await startAnalysis(page);
  await page.getByTestId('threat-create-HOT-07').click();
  await page.getByTestId('risk-p-2').check();
  await saveRisk(page);
  await expectText(row(page, 'R1').getByTestId('risk-value'), '6Medel');
  assert.equal(await page.getByTestId('needs-review').count(), 0);

  // K goes from 2 to 3 in the draft: the classification now gives consequence 4.
  await page.getByTestId('edit').click();
  await goToStep(page, 3);
  await page.getByTestId('level-0-K-3').click();
  await page.getByTestId('save-draft').click();
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  await page.getByTestId('wizard-close').click();
  await page.getByTestId('tab-risks').click();
  await expectText(
    row(page, 'R1').getByTestId('needs-review'),
    'Behöver ses över Klassningen har ändrats: den ger nu konsekvens 4 (Allvarlig), men risken värderades med 3 (Betydande).',
  );
  assert.equal(await row(page, 'R1').getAttribute('data-review'), 'true');

  // Scoring it with the new consequence clears the flag.
  await row(page, 'R1').getByTestId('risk-edit').click();
  await expectText(page.getByTestId('risk-default'), 'Klassningen ger konsekvens 4 – Allvarlig.');
  assert.equal(await page.getByTestId('risk-c-3').isChecked(), true, 'a saved risk keeps its consequence');
  await page.getByTestId('risk-c-4').check();
  await saveRisk(page);
  await expectText(row(page, 'R1').getByTestId('risk-value'), '8Hög');
  assert.equal(await page.getByTestId('needs-review').count(), 0);
});

test('errors are shown in Swedish and never leave a blank tab', async (t) => {
  const page = await app.open(t, '?fail=get_risk_analysis');
  await createClassified(page, 'Löner', { K: 1, R: 1, T: 1, S: 1 });
  await page.getByTestId('tab-risks').click();
  await expectText(page.locator('[role="tabpanel"] .card p'), 'Riskanalysen kunde inte visas.');
  await expectText(page.getByTestId('error').locator('strong'), /Databasen kunde inte läsas eller skrivas/);

  const ok = await app.open(t, '?fail=save_risk');
  await createClassified(ok, 'Löner', { K: 1, R: 1, T: 1, S: 1 });
  await startAnalysis(ok);
  await ok.getByTestId('risk-add').click();
  await ok.getByTestId('risk-save').click();
  await expectText(ok.getByTestId('risk-problems').locator('li'), /Databasen kunde inte läsas eller skrivas/);
  assert.equal(await ok.locator('dialog[open]').count(), 1, 'the editor stays open with what was typed');
});

test('a new risk without event, aspect or probability names each missing part', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Intranät', { K: 1, R: 1, T: 1, S: 0 });
  await startAnalysis(page);
  await page.getByTestId('risk-add').click();
  await expectText(page.getByTestId('risk-editor-value'), /Välj sannolikhet och konsekvens/);
  await page.getByTestId('risk-save').click();
  await eventually(async () => {
    const codes = await page.getByTestId('risk-problems').locator('li').evaluateAll((li) => li.map((x) => x.dataset.code));
    assert.deepEqual(codes, ['RISK_EVENT_MISSING', 'RISK_ASPECT_MISSING', 'PROBABILITY_OUT_OF_MATRIX', 'CONSEQUENCE_OUT_OF_MATRIX']);
  });
  await expectText(page.getByTestId('risk-problems').locator('li').first(), 'Beskriv händelsen: vad kan inträffa?');
  // Ticking an aspect brings the classification's consequence (T1 → 2).
  await page.getByTestId('risk-aspect-T').check();
  await expectText(page.getByTestId('risk-default'), 'Klassningen ger konsekvens 2 – Måttlig.');
  assert.equal(await page.getByTestId('risk-c-2').isChecked(), true);
});

test('the risk analysis tab has English labels', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('lang-en').click();
  await createClassified(page, 'Payroll', { K: 2, R: 3, T: 2, S: 1 });
  await expectText(page.getByTestId('tab-risks'), 'Risk analysis');
  await page.getByTestId('tab-risks').click();
  await expectText(page.locator('[data-testid="risk-start"] h2'), 'No risk analysis yet');
  await expectText(page.getByTestId('analysis-start'), 'Start risk analysis');
  await page.getByTestId('analysis-owner').fill('Ann Smith');
  await page.getByTestId('analysis-start').click();
  await expectText(page.getByTestId('analysis-status'), 'Draft');
  await expectText(page.getByTestId('analysis-approve'), 'Approve');
  await expectText(page.locator('[data-origin="manniska-avsiktlig"] h4'), 'Human – deliberate');
  await expectText(page.locator('[data-key="HOT-07"] .name'), catalog.threat('HOT-07').name_en);
  await expectText(page.getByTestId('threats-count'), `0 of ${catalog.threats.length} threats relevant`);

  await page.getByTestId('threat-create-HOT-07').click();
  await expectText(page.locator('dialog[open] h2'), 'New risk');
  await expectText(page.getByTestId('risk-default'), 'The classification gives consequence 3 – Significant.');
  await expectText(page.getByTestId('risk-c-default'), 'From the classification');
  await page.getByTestId('risk-p-4').check();
  await page.getByTestId('risk-treatment-overfora').check();
  await expectText(page.locator('label:has([data-testid="risk-treatment-overfora"])'), 'Transfer');
  await page.getByTestId('risk-save').click();
  await expectText(page.getByTestId('risk-problems').locator('li'), 'Explain the chosen treatment.');
  await page.getByTestId('risk-treatment-motivation').fill('Covered by the supplier contract.');
  await saveRisk(page);

  const headers = await page.locator('[data-testid="risk-table"] th').allTextContents();
  assert.deepEqual(headers.map((h) => h.trim()), ['No.', 'Risk', 'Aspects', 'P', 'C', 'Risk value', 'Treatment', 'Residual', 'Acceptance', 'Edit']);
  await expectText(row(page, 'R1').getByTestId('risk-value'), '12High');
  await expectText(row(page, 'R1').getByTestId('risk-treatment'), 'Transfer');
  await expectText(row(page, 'R1').getByTestId('risk-acceptance'), 'Accept');
  await expectText(page.locator('[data-testid="heat-inherent"] figcaption'), 'Risk before treatment');
  await expectText(page.locator('[data-testid="heat-residual"] figcaption'), 'Residual risk');
  assert.match(await cell(page, 'inherent', 4, 3).getAttribute('aria-label'), /^Probability 4 Very likely, consequence 3 Significant, High: 1 risk: R1$/);
  await expectText(page.getByTestId('band-extremt-hog').locator('.who'), 'Accepted by: Top management (municipal or regional director)');
});
