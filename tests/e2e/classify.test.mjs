// End-to-end: the built desktop binary under Xvfb, driven through WebDriver. A new user
// classifies a system with two information sets, approves it, and the CLI reads the result
// from the same database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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
  mkdirSync(SHOTS, { recursive: true });
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-')), 'e2e.sqlite');
  const app = await launchApp({ binary: APP, args: ['--db', db] });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    await app.screenshot(path.join(SHOTS, '1-empty-list.png'));

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
    await app.screenshot(path.join(SHOTS, '2-levels.png'));
    await app.click('wizard-next');

    await app.click('lagrum-patientdatalagen');
    await app.click('lagrum-accept-patientdatalagen');
    await app.click('wizard-next');

    await app.waitFor('the derived profile', async () => (await app.text('summary-profile')) === 'K2 R3 T3 S2');
    await app.screenshot(path.join(SHOTS, '3-summary.png'));
    await app.click('approve');
    await app.type('approver', 'Verksamhetschef Vård');
    await app.click('confirm-approve');

    await app.waitFor('the approved status', async () => (await app.attr('detail-status', 'data-status')) === 'faststalld');
    assert.equal(await app.text('detail-profile'), 'K2 R3 T3 S2');
    await app.screenshot(path.join(SHOTS, '4-detail.png'));
  } finally {
    await app.close();
  }

  const shown = JSON.parse(execFileSync(CLI, ['show', 'Vårdplanering', '--json', '--db', db], { encoding: 'utf8' }));
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
});
