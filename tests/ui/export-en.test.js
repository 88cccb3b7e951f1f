// Exports in English: with the UI in English, the object's workbook and the procurement list
// are written with English sheet names, column headers and words (read from the files' XML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useApp } from './lib/app.js';
import { expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';

const app = useApp();

/** A part of an xlsx file (a zip), as text, through Debian's unzip. */
const part = (file, name) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
const sheetNames = (file) => [...part(file, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
const strings = (file) => part(file, 'xl/sharedStrings.xml');

async function savedFile(page, ext) {
  const notice = await expectText(page.getByTestId('notice'), new RegExp(`Saved: .+\\.${ext}`));
  return new RegExp(`Saved: (.+\\.${ext})`).exec(notice)[1];
}

test('the English UI exports the workbook and the procurement list in English', async (t) => {
  const page = await app.open(t);
  await page.getByTestId('lang-en').click();
  await createClassified(page, 'Payroll', { K: 2, R: 3, T: 2, S: 1 });

  await page.getByTestId('export-workbook').click();
  const workbook = await savedFile(page, 'xlsx');
  assert.match(workbook, /\/Information classification Payroll\.xlsx$/);
  assert.deepEqual(
    sheetNames(workbook).filter((n) => !n.startsWith('_')),
    ['Overview', 'Classification', 'Requirements', 'Action plan', 'Procurement requirements', 'Risk analysis', 'Risk matrix', 'Dependencies'],
  );
  const texts = strings(workbook);
  for (const header of ['Information set', 'Motivation C', 'Self-assessment', 'Supplier requirement (shall)', 'Residual risk value']) {
    assert.ok(texts.includes(`>${header}<`), `${header} in the workbook`);
  }
  for (const swedish of ['Informationsmängd', 'Självskattning', 'Motivering K', 'Riskanalys']) {
    assert.ok(!texts.includes(`>${swedish}<`), `no ${swedish} in the English workbook`);
  }

  await page.getByTestId('nav-procurement').click();
  await page.getByTestId('procure-intro').waitFor();
  await page.locator('[data-testid^="procure-pick-"][data-name="Payroll"]').check();
  await page.getByTestId('procure-name').fill('Payroll tender');
  await page.getByTestId('export-xlsx').click();
  const list = await savedFile(page, 'xlsx');
  assert.match(list, /\/Procurement requirements Payroll tender\.xlsx$/);
  assert.deepEqual(sheetNames(list), ['Procurement requirements', 'Legend']);
  const listTexts = strings(list);
  for (const header of ['Requirement ID', 'Shall/Should', 'Needed for']) {
    assert.ok(listTexts.includes(`>${header}<`), `${header} in the list`);
  }
  assert.match(listTexts, />Supplier(&apos;|')s answer</);
  assert.ok(!listTexts.includes('>Krav-ID<') && !listTexts.includes('>Förklaring<'));
});
