// End-to-end: the app as it starts on a machine without a GPU (Xvfb), with WebKit's DMA-BUF
// renderer turned off by the app itself (src-tauri/src/rendering.rs). No screenshots here:
// WebKitGTK 2.50 never answers WebDriver's Take Screenshot in that mode; everything else is
// driven as in the other flows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp } from './webdriver.mjs';

const APP = process.env.INFOKLASS_APP;

test('without a GPU the app draws without the DMA-BUF renderer and works', { timeout: 120_000 }, async (t) => {
  assert.ok(APP, 'INFOKLASS_APP names the built binary');
  if (existsSync('/dev/dri')) return t.skip('this machine has a GPU: the app keeps the renderer');
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'infoklass-e2e-render-')), 'e2e.sqlite');
  // undefined: the variable is left out, so the app makes its own choice.
  const app = await launchApp({ binary: APP, args: ['--db', db], env: { WEBKIT_DISABLE_DMABUF_RENDERER: undefined } });
  try {
    await app.waitFor('the object list', () => app.execute('return !!document.querySelector(\'[data-ready="true"]\')'), 30_000);
    const web = webProcessEnv(app.processes[0].pid);
    assert.equal(web.WEBKIT_DISABLE_DMABUF_RENDERER, '1', 'the web process runs with the renderer off');
    await app.click('new-object');
    await app.type('meta-name', 'Ritningsarkiv');
    assert.equal(await app.execute('return document.querySelector(\'[data-testid="meta-name"]\').value'), 'Ritningsarkiv');
  } finally {
    await app.close();
  }
});

/** The environment of the WebKitWebProcess started under the driver `root` (through the app). */
function webProcessEnv(root) {
  const parent = new Map();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      // The field after the command (which may hold spaces) in parentheses is the state, then the parent.
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* the process ended meanwhile */
    }
  }
  const under = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === root) return true;
    return false;
  };
  for (const pid of parent.keys()) {
    try {
      if (!under(pid) || readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'WebKitWebProces') continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
      return Object.fromEntries(env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return {};
}
