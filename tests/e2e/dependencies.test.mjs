// End-to-end: the built desktop binary under Xvfb. An approved system runs on a platform (the
// link made with the CLI); the platform's owner sees the suggested R level with its origin and
// accepts it; the approved system is then decommissioned in the app and leaves the list. The
// CLI reads both results from the same database file.
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
const EXAMPLE = path.join(import.meta.dirname, '../../docs/examples/ekonomisystem.toml');

const PLATFORM = `[object]
name = "Serverplattform"
kind = "system"
information_owner = "IT-chef"
[[sets]]
name = "Drift"
levels = { K = 1, R = 1, T = 1, S = 1 }
motivations = { K = "a", R = "b", T = "c", S = "d" }
`;

const clickCss = (app, css) => app.execute(`document.querySelector(${JSON.stringify(css)}).click()`);
const exists = (app, css) => app.execute(`return !!document.querySelector(${JSON.stringify(css)})`);

test('a dependency suggestion is accepted and an approved object decommissioned in the real app', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-'));
  const db = path.join(dir, 'e2e.sqlite');
  const cli = (...args) => execFileSync(CLI, [...args, '--db', db], { encoding: 'utf8' });
  writeFileSync(path.join(dir, 'plattform.toml'), PLATFORM);
  cli('new', EXAMPLE);
  cli('approve', 'Ekonomisystem');
  cli('new', path.join(dir, 'plattform.toml'));
  cli('deps', 'add', 'Ekonomisystem', '--on', 'Serverplattform', '--kind', 'runs_on');

  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => exists(app, '[data-ready="true"]'), 30_000);
    await clickCss(app, '[data-testid="object-row"][data-name="Serverplattform"]');
    await app.click('tab-dependencies');
    const rSuggestion = 'R ≥ 3 från beroende: Ekonomisystem R3 (körs på)';
    await app.waitFor('the suggestion with its origin', () =>
      app.execute(
        `return [...document.querySelectorAll('[data-testid="dependency-suggestion"]')].some((li) => li.textContent.includes(${JSON.stringify(rSuggestion)}))`,
      ),
    );
    await app.execute(
      `[...document.querySelectorAll('[data-testid="dependency-suggestion"]')].find((li) => li.textContent.includes(${JSON.stringify(rSuggestion)})).querySelector('[data-testid="suggestion-accept"]').click()`,
    );
    await app.waitFor('the accepted state', () =>
      app.execute(
        `return [...document.querySelectorAll('[data-testid="dependency-suggestion"]')].some((li) => li.textContent.includes(${JSON.stringify(rSuggestion)}) && li.textContent.includes('Godtaget'))`,
      ),
    );
    await app.screenshot(path.join(SHOTS, 'dependencies-accepted.png'));

    await clickCss(app, '.crumbs button');
    await app.waitFor('the list', () => exists(app, '[data-testid="object-row"][data-name="Ekonomisystem"]'));
    await clickCss(app, '[data-testid="object-row"][data-name="Ekonomisystem"]');
    await app.click('decommission');
    await app.type('decommission-reason', 'Ersatt av ett nytt ekonomisystem');
    await app.click('confirm-decommission');
    await app.waitFor('the decommissioned banner', async () => (await app.text('decommissioned')).includes('Ersatt av ett nytt ekonomisystem'));
    await clickCss(app, '.crumbs button');
    await app.waitFor('the list without it', async () =>
      (await exists(app, '[data-testid="object-row"][data-name="Serverplattform"]')) &&
      !(await exists(app, '[data-testid="object-row"][data-name="Ekonomisystem"]')),
    );
    await app.screenshot(path.join(SHOTS, 'decommissioned-list.png'));
  } finally {
    await app.close();
  }

  const platform = JSON.parse(cli('show', 'Serverplattform', '--json'));
  assert.equal(platform.object.current.profile.text, 'K1 R3 T1 S1');
  assert.equal(platform.object.current.content.uplifts.R.motivation, 'från beroende: Ekonomisystem R3 (körs på)');
  // A decommissioned dependent suggests nothing any more; the accepted uplift stays.
  assert.deepEqual(platform.dependencies.suggestions, []);
  assert.equal(platform.dependencies.depended_on_by[0].decommissioned, true);
  const listed = JSON.parse(cli('objects', '--json'));
  assert.deepEqual(listed.items.map((o) => o.name), ['Serverplattform']);
  const gone = JSON.parse(cli('show', 'Ekonomisystem', '--json')).object.decommissioned;
  assert.equal(gone.reason, 'Ersatt av ett nytt ekonomisystem');
  assert.match(gone.date, /^\d{4}-\d{2}-\d{2}$/);
});
