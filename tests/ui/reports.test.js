// Skapa rapport: the Klassningsbeslut and the Riskanalys from the object page and the
// Lägesrapport from Översikt, typeset by the real backend and saved as PDF/A in the export folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { callHost, screenshot, useApp } from './lib/app.js';
import { eventually, expectText } from './lib/expect.js';
import { createClassified } from './lib/objects.js';

const app = useApp();

/** Makes the report in the open dialog and answers the saved file's path (a new one, when an
 * earlier notice still shows). */
async function makeReport(page, earlier = null) {
  await page.getByTestId('report-make').click();
  return eventually(async () => {
    const text = await expectText(page.getByTestId('notice').locator('.text'), /^(Sparad|Saved): /);
    const path = text.replace(/^(Sparad|Saved): /, '');
    assert.notEqual(path, earlier);
    return path;
  });
}

const pdfText = (path) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString().split(/\s+/).join(' ');
const isPdfA2 = (path) => /<pdfaid:part>2<\/pdfaid:part>/.test(execFileSync('pdfinfo', ['-meta', path]).toString());

test('the object page makes a Klassningsbeslut and a Riskanalys in English', async (t) => {
  const page = await app.open(t);
  await createClassified(page, 'Färdtjänstärenden i Östra', { K: 3, R: 2, T: 2, S: 1 });

  await page.getByTestId('make-report').click();
  await screenshot(page, 'report-dialog');
  const decision = await makeReport(page);
  assert.match(decision, /Klassningsbeslut Färdtjänstärenden i Östra\.pdf$/);
  assert.ok(isPdfA2(decision), 'PDF/A-2');
  const text = pdfText(decision);
  assert.ok(text.includes('Klassningsbeslut') && text.includes('Färdtjänstärenden i Östra'), text);

  await page.getByTestId('make-report').click();
  await page.getByRole('radio', { name: 'Riskanalys' }).check();
  await page.getByTestId('report-lang').selectOption('en');
  const risk = await makeReport(page, decision);
  assert.match(risk, /Risk analysis Färdtjänstärenden i Östra\.pdf$/);
  assert.ok(pdfText(risk).includes('No risk analysis has been started'), pdfText(risk));
});

test('Översikt makes a Lägesrapport of the chosen unit', async (t) => {
  const page = await app.open(t, '?seed=30');
  const all = await callHost('overview', { filter: {} });
  const unit = all.coverage.by_unit.find((g) => g.name !== '').name;
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('ov-unit').selectOption(unit);
  await page.getByTestId('ov-make-report').click();
  await expectText(page.locator('dialog[open] p').first(), `Lägesrapport för ${unit}`);
  const path = await makeReport(page);
  assert.ok(isPdfA2(path), 'PDF/A-2');
  const text = pdfText(path);
  assert.ok(text.includes('Lägesrapport') && text.includes(unit), text);
});
