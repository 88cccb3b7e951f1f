// English mode shows the catalogues' English texts: a requirement's ÄR, SKA and guidance
// wording, a generated action's measure (the stored Swedish text stays), a threat's texts and
// an information type's description. The expected texts are read from catalog/*.toml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './lib/app.js';
import { eventually, expectText } from './lib/expect.js';
import { createClassified, expectPressed } from './lib/objects.js';
import * as catalog from './lib/catalog.js';

const app = useApp();
const beh01 = catalog.requirement('BEH-01');
const beh02 = catalog.requirement('BEH-02');
const hot10 = catalog.threat('HOT-10');

test('requirements and generated actions are English in English mode', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('lang-en').click();
  await createClassified(page, 'Payroll', { K: 2, R: 3, T: 2, S: 1 });

  await page.getByTestId('tab-requirements').click();
  assert.ok(beh01.ar_en && beh01.ska_en && beh01.guidance_en, 'BEH-01 has English texts in the catalogue');
  await expectText(page.getByTestId('req-ar-BEH-01'), beh01.ar_en);
  await page.getByTestId('req-expand-BEH-01').click();
  await expectText(page.getByTestId('req-ska-BEH-01'), beh01.ska_en);
  await expectText(page.getByTestId('req-guidance-BEH-01'), beh01.guidance_en);

  // An unmet requirement makes an action; its measure reads in English, stored in Swedish.
  await page.getByTestId('answer-BEH-02-ej_uppfyllt').click();
  await expectPressed(page, 'BEH-02', 'ej_uppfyllt');
  await page.getByTestId('tab-actions').click();
  await eventually(async () => assert.equal(await page.getByTestId('action-measure-0').inputValue(), beh02.ar_en));
  await page.getByTestId('lang-sv').click();
  await eventually(async () => assert.equal(await page.getByTestId('action-measure-0').inputValue(), beh02.ar_sv));

  // Back in Swedish, the requirement reads in Swedish again.
  await page.getByTestId('tab-requirements').click();
  await expectText(page.getByTestId('req-ar-BEH-01'), beh01.ar_sv);
});

test('threats and information types are English in English mode', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-threats').click();
  const row = page.locator('[data-testid="threat-row"][data-key="HOT-10"]');
  assert.ok(hot10.description_en && hot10.cause_en && hot10.consequence_en);
  await expectText(row.getByTestId('threat-summary'), hot10.description_en);
  await row.getByTestId('threat-expand').click();
  const details = row.getByTestId('threat-details');
  await expectText(details, new RegExp(`${escape(hot10.cause_en)}.*${escape(hot10.consequence_en)}`));

  await page.getByTestId('catalog-tab-info-types').click();
  await expectText(
    page.getByTestId('info-type-description-personuppgifter'),
    'Data that can be linked to a living person, for example name and contact details.',
  );
});

test('the English texts of a threat and an information type are edited in their forms', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-threats').click();
  const row = page.locator('[data-testid="threat-row"][data-key="HOT-10"]');
  await row.getByTestId('threat-edit').click();
  // The form shows the shipped English texts and saves the edited ones.
  assert.equal(await page.getByTestId('threat-description-en').inputValue(), hot10.description_en);
  assert.equal(await page.getByTestId('threat-cause-en').inputValue(), hot10.cause_en);
  assert.equal(await page.getByTestId('threat-consequence-en').inputValue(), hot10.consequence_en);
  await page.getByTestId('threat-description-en').fill('Someone walks into the archive and leaves with the files.');
  await page.getByTestId('threat-consequence-en').fill('Paper records are lost.');
  await page.getByTestId('threat-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  // Swedish mode still shows the Swedish text.
  await expectText(row.getByTestId('threat-summary'), hot10.description_sv);

  await page.getByTestId('catalog-tab-info-types').click();
  await page.locator('[data-testid="info-type-row"][data-key="personuppgifter"]').getByTestId('info-type-edit').click();
  await page.getByTestId('info-type-description-en').fill('Anything that points to a living person.');
  await page.getByTestId('info-type-save').click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });

  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('info-type-description-personuppgifter'), 'Anything that points to a living person.');
  await page.getByTestId('catalog-tab-threats').click();
  await expectText(row.getByTestId('threat-summary'), 'Someone walks into the archive and leaves with the files.');
  await row.getByTestId('threat-expand').click();
  await expectText(row.getByTestId('threat-details'), /Paper records are lost\./);
  // After a reload (read back from the backend) the edit is still there.
  await page.reload();
  await page.getByTestId('nav-catalog').click();
  await page.getByTestId('catalog-tab-threats').click();
  await expectText(row.getByTestId('threat-summary'), 'Someone walks into the archive and leaves with the files.');
});

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
