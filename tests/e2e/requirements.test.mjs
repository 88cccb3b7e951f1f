// End-to-end: requirements, self-assessment, action plan and a procurement export in the
// real app. Objects are created with the CLI on the same database; the exported workbook is
// opened by LibreOffice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const SHOTS = path.join(import.meta.dirname, 'screenshots');

function objectFile(dir, name, levels) {
  const file = path.join(dir, `${name}.toml`);
  const m = 'motivations = { K = "m", R = "m", T = "m", S = "m" }';
  writeFileSync(file, `[object]\nname = "${name}"\n[[sets]]\nname = "Data"\nlevels = ${levels}\n${m}\n`);
  return file;
}

test('requirements, action plan and a procurement export in the real app', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-req-'));
  const db = path.join(dir, 'e2e.sqlite');
  const exports = path.join(dir, 'exporter');
  execFileSync(CLI, ['--db', db, 'new', objectFile(dir, 'Ekonomisystem', '{ K = 2, R = 3, T = 2, S = 1 }')]);
  execFileSync(CLI, ['--db', db, 'new', objectFile(dir, 'Lönesystem', '{ K = 2, R = 2, T = 1, S = 2 }')]);
  const view = JSON.parse(execFileSync(CLI, ['--db', db, 'requirements', 'Ekonomisystem', '--json'], { encoding: 'utf8' }));
  const key = view.items.find((i) => i.reasons.some((r) => r.kind === 'level')).key;

  process.env.INFOKLASS_EXPORT_DIR = exports;
  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    await app.execute('document.querySelector(\'[data-testid="object-row"][data-name="Ekonomisystem"]\').click()');
    await app.click('tab-requirements');
    await app.find(`answer-${key}-ej_uppfyllt`);
    const reasons = await app.text(`req-reasons-${key}`);
    assert.match(reasons, /≥/);
    await app.click(`answer-${key}-ej_uppfyllt`);
    await app.waitFor('the saved answer', async () => (await app.attr(`answer-${key}-ej_uppfyllt`, 'aria-pressed')) === 'true');
    await app.screenshot(path.join(SHOTS, '5-requirements.png'));
    await app.click('tab-actions');
    await app.find('action-row');
    await app.screenshot(path.join(SHOTS, '6-action-plan.png'));

    await app.click('nav-procurement');
    await app.find('procure-pick-1');
    await app.execute('document.querySelectorAll(\'[data-testid^="procure-pick-"]\').forEach((c) => c.click())');
    await app.type('procure-name', 'Ekonomi 2027');
    await app.waitFor('items of both objects', () => app.execute('return document.querySelectorAll(\'[data-testid="procure-item"]\').length > 1'));
    await app.click('procure-save');
    await app.click('export-xlsx');
    const notice = await app.waitFor('the export notice', async () => {
      const t = await app.text('notice');
      return t.includes('.xlsx') ? t : null;
    });
    await app.screenshot(path.join(SHOTS, '7-procurement.png'));
    assert.ok(notice.includes(exports), notice);
  } finally {
    await app.close();
    delete process.env.INFOKLASS_EXPORT_DIR;
  }

  const plan = JSON.parse(execFileSync(CLI, ['--db', db, 'actions', 'Ekonomisystem', '--json'], { encoding: 'utf8' }));
  assert.equal(plan[0].requirement_key, key);
  const xlsx = path.join(exports, 'Upphandlingskrav Ekonomi 2027.xlsx');
  assert.ok(existsSync(xlsx), `${xlsx} was written`);
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, xlsx], {
    env: { ...process.env, HOME: dir },
    stdio: 'ignore',
  });
  const csv = readFileSync(path.join(dir, 'Upphandlingskrav Ekonomi 2027.csv'), 'utf8');
  assert.ok(csv.includes('Ekonomisystem') && csv.includes('Lönesystem'), 'LibreOffice reads the objects needing each requirement');
});
