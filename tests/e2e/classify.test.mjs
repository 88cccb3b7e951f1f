// End-to-end: the built desktop binary under Xvfb, driven through WebDriver. A new user
// classifies a system with two information sets, approves it, and the CLI reads the result
// from the same database: the file, and an organisation database on a throw-away PostgreSQL
// server (INFOKLASS_PG_SERVER names the test server program), where the app runs as an
// information owner and the CLI reads as a reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;
const CLI = process.env.INFOKLASS_CLI;
const SHOTS = path.join(import.meta.dirname, 'screenshots');

const LEVELS = [
  { name: 'Vårdplaner', K: 2, R: 3, T: 2, S: 1 },
  { name: 'Kallelser', K: 1, R: 2, T: 3, S: 1 },
];

test('a new user classifies and approves a system in the real app', { timeout: 240_000 }, async () => {
  assert.ok(APP && CLI, 'INFOKLASS_APP and INFOKLASS_CLI name the built binaries');
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-')), 'e2e.sqlite');
  await classifyAndApprove(db, db, '');
});

test('the same on the organisation database, with the roles the database gives', { timeout: 300_000 }, async (t) => {
  const server = process.env.INFOKLASS_PG_SERVER;
  if (!server) {
    t.skip('INFOKLASS_PG_SERVER is not set');
    return;
  }
  const pg = spawn(server, ['anna:anna-pw', 'lena:lena-pw'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const [line] = await once(pg.stdout, 'data');
    const admin = String(line).trim();
    const as = (login) => admin.replace(/\/\/postgres:[^@]*@/, `//${login}:${login}-pw@`);
    const cli = (url, ...args) => execFileSync(CLI, ['--db', url, ...args], { encoding: 'utf8' });
    cli(admin, 'db', 'init');
    cli(admin, 'users', 'add', 'anna', '--role', 'informationsagare');
    cli(admin, 'users', 'add', 'lena', '--role', 'lasare');
    await classifyAndApprove(as('anna'), as('lena'), '-pg');
    const shown = JSON.parse(cli(as('lena'), 'show', 'Vårdplanering', '--json'));
    assert.ok(shown.history.every((h) => h.actor === 'anna'), 'the server names the login in the history');
  } finally {
    pg.stdin.end();
    await once(pg, 'exit');
  }
});

/** Classifies and approves through the app on `db`; reads the result with the CLI on `readDb`. */
async function classifyAndApprove(db, readDb, shotSuffix) {
  mkdirSync(SHOTS, { recursive: true });
  const shot = (name) => path.join(SHOTS, name.replace('.png', `${shotSuffix}.png`));
  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    await app.screenshot(shot('1-empty-list.png'));

    await app.click('new-object');
    await app.type('meta-name', 'Vårdplanering');
    await app.type('meta-unit', 'Hälso- och sjukvård');
    await app.type('meta-owner', 'Verksamhetschef');
    await app.click('wizard-next');

    for (let i = 0; i < LEVELS.length; i++) {
      const exists = await app.execute(`return !!document.querySelector('[data-testid="set-name-${i}"]')`);
      if (!exists) await app.click('add-set');
      await app.type(`set-name-${i}`, LEVELS[i].name);
    }
    await app.click('wizard-next');

    for (let i = 0; i < LEVELS.length; i++) {
      for (const a of ['K', 'R', 'T', 'S']) {
        await app.click(`level-${i}-${a}-${LEVELS[i][a]}`);
        await app.type(`motivation-${i}-${a}`, `Bedömning av ${a} för ${LEVELS[i].name}`);
      }
    }
    await app.screenshot(shot('2-levels.png'));
    await app.click('wizard-next');

    await app.click('lagrum-patientdatalagen');
    await app.click('lagrum-accept-patientdatalagen');
    await app.click('wizard-next');

    await app.waitFor('the derived profile', async () => (await app.text('summary-profile')) === 'K2 R3 T3 S2');
    await app.screenshot(shot('3-summary.png'));
    await app.click('approve');
    await app.type('approver', 'Verksamhetschef Vård');
    await app.click('confirm-approve');

    await app.waitFor('the approved status', async () => (await app.attr('detail-status', 'data-status')) === 'faststalld');
    assert.equal(await app.text('detail-profile'), 'K2 R3 T3 S2');
    await app.screenshot(shot('4-detail.png'));
  } finally {
    await app.close();
  }

  const shown = JSON.parse(execFileSync(CLI, ['show', 'Vårdplanering', '--json', '--db', readDb], { encoding: 'utf8' }));
  const c = shown.object.current;
  assert.equal(c.status, 'faststalld');
  assert.equal(c.approved_by, 'Verksamhetschef Vård');
  assert.equal(c.profile.text, 'K2 R3 T3 S2');
  assert.deepEqual(
    c.content.sets.map((s) => ({ name: s.name, ...s.levels })),
    LEVELS,
  );
  assert.ok(c.content.sets.every((s) => Object.values(s.motivations).every((m) => m.startsWith('Bedömning av'))));
  assert.deepEqual(c.content.lagrum, [
    {
      lagrum: 'patientdatalagen',
      status: 'accepted',
      reason: '',
      aspects: [],
      minimums: { K: 2, R: 2, T: null, S: 2 },
    },
  ]);
  assert.equal(shown.object.meta.unit, 'Hälso- och sjukvård');
  assert.deepEqual(shown.history.map((h) => h.action).at(-1), 'create');
  assert.ok(shown.history.some((h) => h.action === 'approve'));
}
