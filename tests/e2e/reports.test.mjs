// End-to-end: Översikt › Skapa rapport in the real app makes the Lägesrapport as PDF/A in the
// export folder; poppler reads it back and one page is rendered beside the screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const SHOTS = path.join(import.meta.dirname, 'screenshots');

function objectFile(dir, name, unit, levels) {
  const file = path.join(dir, `${name}.toml`);
  const m = 'motivations = { K = "Känsliga uppgifter", R = "Rätt beslut", T = "Tål ett dygn", S = "Åtkomst följs" }';
  writeFileSync(file, `[object]\nname = "${name}"\nunit = "${unit}"\n[[sets]]\nname = "Ärenden"\nlevels = ${levels}\n${m}\n`);
  return file;
}

test('Översikt makes a Lägesrapport as PDF/A in the real app', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-report-'));
  const db = path.join(dir, 'e2e.sqlite');
  const exports = path.join(dir, 'exporter');
  execFileSync(CLI, ['--db', db, 'new', objectFile(dir, 'Färdtjänst', 'Socialförvaltningen', '{ K = 3, R = 2, T = 2, S = 2 }')]);
  execFileSync(CLI, ['--db', db, 'approve', 'Färdtjänst', '--by', 'Åsa Öberg']);
  execFileSync(CLI, ['--db', db, 'new', objectFile(dir, 'Lönesystem', 'Ekonomiavdelningen', '{ K = 2, R = 3, T = 1, S = 2 }')]);

  process.env.INFOKLASS_EXPORT_DIR = exports;
  const app = await launchApp({ binary: APP, args: ['--db', db] });
  let notice;
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    await app.click('nav-overview');
    await app.find('ov-make-report');
    await app.click('ov-make-report');
    await app.find('report-make');
    await app.screenshot(path.join(SHOTS, 'report-dialog.png'));
    await app.click('report-make');
    notice = await app.waitFor('the report notice', async () => {
      const t = await app.text('notice');
      return t.includes('.pdf') ? t : null;
    }, 60_000);
    await app.screenshot(path.join(SHOTS, 'report-saved.png'));
  } finally {
    await app.close();
    delete process.env.INFOKLASS_EXPORT_DIR;
  }
  assert.ok(notice.includes(exports), notice);
  const pdf = notice.slice(notice.indexOf(exports), notice.indexOf('.pdf') + 4);
  assert.ok(existsSync(pdf), `${pdf} was written`);
  assert.match(execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }), /<pdfaid:part>2<\/pdfaid:part>/);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  for (const words of ['Lägesrapport', 'Socialförvaltningen', 'Ekonomiavdelningen']) assert.ok(text.includes(words), words);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, path.join(SHOTS, 'report-page')]);
});
