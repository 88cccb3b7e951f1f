// (a) A new user classifies an object through the whole wizard and approves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './lib/app.js';
import { eventually, expectText, listCount } from './lib/expect.js';
import { fillLevels } from './lib/wizard.js';

const app = useApp();

test('a new user creates, classifies and approves an object', async (t) => {
  const page = await app.open(t);

  // Empty start: a friendly welcome with a big button.
  await page.getByTestId('empty-new-object').waitFor();
  await screenshot(page, 'welcome');
  await page.getByTestId('empty-new-object').click();

  // Step 1: the object.
  await page.getByTestId('meta-name').fill('Vårdportalen');
  await page.getByTestId('meta-kind').selectOption('system');
  await page.getByTestId('meta-description').fill('Portal för patienters egna ärenden.');
  await page.getByTestId('meta-unit').fill('Hälso- och sjukvårdsförvaltningen');
  await page.getByTestId('meta-owner').fill('Anna Lindqvist');
  await page.getByTestId('meta-system-owner').fill('Erik Johansson');
  await page.getByTestId('meta-administrator').fill('Maria Svensson');
  await page.getByTestId('meta-supplier').fill('Cambio');
  await page.getByTestId('meta-hosting').selectOption('moln');
  await page.getByTestId('meta-participants').fill('Anna Lindqvist, Johan Berg');
  await page.getByTestId('meta-tags').fill('vård, e-tjänst');
  await page.getByTestId('meta-date').fill('2026-11-01');
  await page.getByTestId('meta-next-review').fill('2027-11-01');
  await page.getByTestId('wizard-next').click();

  // Step 2: two information sets; the type prefills its default levels.
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-0').fill('Patientjournal');
  await page.getByTestId('set-type-0').selectOption('patientjournal');
  await page.getByTestId('add-set').click();
  await page.getByTestId('set-name-1').fill('Tidbokning');
  await page.getByTestId('save-draft').click();
  await expectText(page.locator('.foot .state'), /Sparat \d\d:\d\d/);
  await page.getByTestId('wizard-next').click();

  // Step 3: levels and motivations. Patientjournal starts at the type's K3 R3 T2 S3.
  assert.equal(await page.getByTestId('level-0-K-3').isChecked(), true, 'type prefilled K3');
  assert.equal(await page.getByTestId('level-0-S-3').isChecked(), true, 'type prefilled S3');
  await fillLevels(page, 0, { K: 3, R: 3, T: 2, S: 2 }, 'Journaluppgifter');
  await fillLevels(page, 1, { K: 1, R: 2, T: 2, S: 1 }, 'Tider');
  await page.getByTestId('level-0-K-3').scrollIntoViewIfNeeded();
  await screenshot(page, 'wizard-levels');
  await page.getByTestId('wizard-next').click();

  // Step 4: patientdatalagen, accepted.
  await page.getByTestId('lagrum-patientdatalagen').check();
  await expectText(page.locator('#lagrum-card-patientdatalagen li').first(), 'K ≥ 2, nuvarande 3, uppfyllt');
  await page.getByTestId('lagrum-accept-patientdatalagen').click();
  await screenshot(page, 'wizard-lagrum');
  await page.getByTestId('wizard-next').click();

  // Step 5: profile, origins, an uplift of T for aggregation.
  await expectText(page.getByTestId('summary-profile'), 'K3 R3 T2 S2');
  await page.getByTestId('uplift-T-level').selectOption('3');
  await page.getByTestId('uplift-T-reason').selectOption('aggregering');
  await page.getByTestId('uplift-T-motivation').fill('Tider och journal tillsammans avslöjar mer.');
  await expectText(page.getByTestId('summary-profile'), 'K3 R3 T3 S2');
  const summary = page.locator('.step');
  await eventually(async () => {
    const text = await summary.textContent();
    assert.match(text, /från Patientjournal/);
    assert.match(text, /Lagrum: Patientdatalagen \(2008:355\), HSLF-FS 2016:40/);
    assert.match(text, /Uppjustering: Aggregering/);
  });
  await eventually(async () => assert.equal(await page.getByTestId('issues').getAttribute('data-count'), '0'));
  await screenshot(page, 'wizard-summary');

  // Approve: the dialog suggests the information owner.
  await page.getByTestId('approve').click();
  assert.equal(await page.getByTestId('approver').inputValue(), 'Anna Lindqvist');
  await page.getByTestId('confirm-approve').click();

  // Detail: approved, same profile.
  await expectText(page.getByTestId('detail-name'), 'Vårdportalen');
  await eventually(async () => assert.equal(await page.getByTestId('detail-status').getAttribute('data-status'), 'faststalld'));
  await expectText(page.getByTestId('detail-status'), 'Fastställd');
  await expectText(page.getByTestId('detail-profile'), 'K3 R3 T3 S2');
  assert.equal(await page.getByTestId('reclassify').isVisible(), true);
  assert.equal(await page.getByTestId('edit').count(), 0, 'an approved classification is not edited directly');
  await screenshot(page, 'detail');

  // History records the creation and the approval.
  await page.getByTestId('history').click();
  await eventually(async () => {
    const actions = await page.getByTestId('history-entry').evaluateAll((els) => els.map((e) => e.dataset.action));
    assert.ok(actions.includes('create') && actions.includes('approve'), actions.join());
  });
  await page.keyboard.press('Escape');

  // The list shows the object.
  await page.getByRole('button', { name: /Klassningsobjekt/ }).click();
  await page.locator('[data-testid="object-row"][data-name="Vårdportalen"]').waitFor();
  assert.deepEqual(await listCount(page), { shown: 1, total: 1 });
  await expectText(page.locator('[data-testid="object-row"] .profile'), 'K3 R3 T3 S2');
});
