// End-to-end: a risk analysis in the real app against the shipped threat catalogue and risk
// matrix. The consequence comes from the classification; the result is read back with the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const SHOTS = path.join(import.meta.dirname, 'screenshots');

test('a risk from the threat catalogue gets its consequence from the classification', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-risk-'));
  const db = path.join(dir, 'e2e.sqlite');
  const file = path.join(dir, 'journal.toml');
  const m = 'motivations = { K = "m", R = "m", T = "m", S = "m" }';
  writeFileSync(file, `[object]\nname = "Journalsystem"\n[[sets]]\nname = "Journal"\nlevels = { K = 2, R = 3, T = 2, S = 1 }\n${m}\n`);
  execFileSync(CLI, ['--db', db, 'new', file]);

  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    await app.execute('document.querySelector(\'[data-testid="object-row"][data-name="Journalsystem"]\').click()');
    await app.click('tab-risks');
    await app.type('analysis-purpose', 'Inför byte av driftleverantör');
    await app.type('analysis-owner', 'Anna Berg');
    await app.click('analysis-start');
    await app.find('analysis-header');
    // The shipped catalogue: five origins.
    const groups = await app.execute('return document.querySelectorAll(\'[data-testid="threat-group"]\').length');
    assert.equal(groups, 5);
    await app.click('threat-create-HOT-01');
    const hint = await app.text('risk-default');
    assert.match(hint, /konsekvens 4/, 'R3 among the threatened aspects gives consequence 4');
    // The step radios are styled labels; choose through the input itself.
    await app.execute('document.querySelector(\'[data-testid="risk-p-3"]\').click()');
    await app.screenshot(path.join(SHOTS, '8-risk-editor.png'));
    await app.click('risk-save');
    await app.waitFor('the saved risk', () => app.execute('return document.querySelectorAll(\'[data-testid="risk-row"]\').length === 1'));
    await app.screenshot(path.join(SHOTS, '9-risk-analysis.png'));
    // The object's history names what was done to what.
    await app.click('history');
    const entry = await app.waitFor('the risk in the history', () =>
      app.execute(
        'const e = document.querySelector(\'[data-testid="history-entry"][data-entity="risk"]\'); return e && e.textContent;',
      ),
    );
    assert.match(entry, /Lade till risk/);
    assert.match(entry, /Nätfiske/, 'the risk is named by its event');
    await app.screenshot(path.join(SHOTS, '12-history.png'));
  } finally {
    await app.close();
  }

  const view = JSON.parse(execFileSync(CLI, ['--db', db, 'risks', 'Journalsystem', '--json'], { encoding: 'utf8' }));
  assert.equal(view.risks.length, 1);
  const r = view.risks[0];
  assert.equal(r.risk.threat_key, 'HOT-01');
  assert.deepEqual([r.risk.probability, r.risk.consequence, r.value, r.band], [3, 4, 12, 'hog']);
  assert.equal(view.analysis.risk_owner, 'Anna Berg');
});
