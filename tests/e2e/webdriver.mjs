// A small W3C WebDriver client for the real Infoklass window: starts Xvfb (when there is no
// display) and WebKitWebDriver, launches the app binary through it and offers the few
// commands the tests need. Every call has a timeout; teardown kills what it started.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';

const CALL_TIMEOUT_MS = 30_000;
// The W3C key under which an element reference travels.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const ref = (id) => ({ [ELEMENT]: id });

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function startDetached(cmd, args, env) {
  // Its own process group, so teardown can end it and its children.
  const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', () => {});
  return child;
}

function killGroup(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

async function startXvfb(env) {
  if (process.env.DISPLAY) return null;
  for (let n = 90; n < 110; n++) {
    const xvfb = startDetached('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], env);
    await sleep(400);
    if (xvfb.exitCode === null) {
      env.DISPLAY = `:${n}`;
      return xvfb;
    }
  }
  throw new Error('Xvfb could not start');
}

export async function launchApp({ binary, args = [], env: extra = {} }) {
  // Without a GPU the app turns WebKit's DMA-BUF renderer off (src-tauri/src/rendering.rs);
  // WebKitGTK 2.50 then never answers WebDriver's Take Screenshot (every other call works),
  // so the flows keep the renderer ("0") unless a test says otherwise (rendering.test.mjs).
  const env = { WEBKIT_DISABLE_DMABUF_RENDERER: '0', ...process.env, TAURI_WEBVIEW_AUTOMATION: 'true', ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const xvfb = await startXvfb(env);
  const port = await freePort();
  const driver = startDetached('WebKitWebDriver', [`--port=${port}`], env);
  const base = `http://127.0.0.1:${port}`;
  const session = new Session(base, [driver, xvfb]);
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/status`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch (e) {
      if (i > 50) throw new Error(`WebKitWebDriver did not start: ${e}`);
      await sleep(200);
    }
  }
  const started = Date.now();
  const created = await session.raw('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary, args } } },
  });
  session.id = created.sessionId;
  session.launchedAt = started;
  return session;
}

export class Session {
  constructor(base, processes) {
    this.base = base;
    this.processes = processes;
    this.id = null;
  }

  async raw(method, path, body) {
    const res = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const json = await res.json();
    if (!res.ok || (json.value && json.value.error)) {
      throw new Error(`${method} ${path}: ${JSON.stringify(json.value).slice(0, 400)}`);
    }
    return json.value;
  }

  cmd(method, path, body) {
    return this.raw(method, `/session/${this.id}${path}`, body);
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async waitFor(what, fn, timeoutMs = 15_000) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
  }

  /** The element with this data-testid, waiting until it is there. */
  async find(testid) {
    const css = `[data-testid="${testid}"]`;
    return this.waitFor(`element ${testid}`, async () => {
      const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
      return els.length ? els[0][ELEMENT] : null;
    });
  }

  async click(testid) {
    const el = await this.find(testid);
    // Commands run off the app's main thread, so a button may still be disabled while the
    // previous call is in flight; a click on it would be lost. Wait until it is enabled.
    await this.waitFor(`${testid} enabled`, async () => (await this.cmd('GET', `/element/${el}/enabled`)) === true);
    await this.execute('arguments[0].scrollIntoView({block: "center"});', [ref(el)]);
    await this.cmd('POST', `/element/${el}/click`, {});
  }

  async type(testid, text) {
    // Retried: a field that is still being shown (a step appearing) is not yet interactable.
    await this.waitFor(`typing into ${testid}`, async () => {
      const el = await this.find(testid);
      await this.execute(
        'const e = arguments[0]; e.scrollIntoView({block: "center"}); e.focus(); e.value = ""; e.dispatchEvent(new Event("input", {bubbles: true}));',
        [ref(el)],
      );
      await this.cmd('POST', `/element/${el}/value`, { text });
      return true;
    });
  }

  async select(testid, value) {
    const el = await this.find(testid);
    await this.execute(
      'const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event("change", {bubbles: true})); s.dispatchEvent(new Event("input", {bubbles: true}));',
      [ref(el), value],
    );
  }

  async text(testid) {
    const el = await this.find(testid);
    return (await this.cmd('GET', `/element/${el}/text`)).trim();
  }

  async attr(testid, name) {
    const el = await this.find(testid);
    return this.cmd('GET', `/element/${el}/attribute/${name}`);
  }

  async screenshot(file) {
    const { writeFile } = await import('node:fs/promises');
    // Two animation frames, so the picture shows the current state.
    await this.cmd('POST', '/execute/async', {
      script: 'const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));',
      args: [],
    });
    const png = await this.cmd('GET', '/screenshot');
    await writeFile(file, Buffer.from(png, 'base64'));
  }

  async close() {
    try {
      if (this.id) await this.cmd('DELETE', '');
    } catch {
      /* the app may already be gone */
    }
    for (const p of this.processes) killGroup(p);
  }
}
