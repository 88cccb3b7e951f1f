// Benchmark (not a test): start-up of the real window and list responsiveness with many
// objects. Run through scripts/bench.sh; figures go to docs/BENCHMARKS.md.
//   node tests/e2e/bench-ui.mjs APP_BINARY EMPTY_DB SEEDED_DB
import { launchApp } from './webdriver.mjs';

const [binary, emptyDb, seededDb] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ready = 'return !!document.querySelector(\'[data-ready="true"]\')';

async function startup(db) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = Date.now();
    const app = await launchApp({ binary, args: ['--db', db] });
    try {
      await app.waitFor('ready', () => app.execute(ready), 30_000);
      times.push(Date.now() - t0);
    } finally {
      await app.close();
    }
  }
  return times;
}

/** Time from the last keystroke until the list shows the new count, measured in the page. */
async function searchTimes(app, words) {
  const out = [];
  for (const word of words) {
    const ms = await app.cmd('POST', '/execute/async', {
      script: `
        const [word, done] = arguments;
        const input = document.querySelector('[data-testid="search"]');
        const count = document.querySelector('[data-testid="list-count"]');
        const before = count.textContent;
        const t0 = performance.now();
        input.value = word;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => count.textContent !== before ? done(performance.now() - t0) : requestAnimationFrame(check);
        requestAnimationFrame(check);
        setTimeout(() => done(-1), 5000);`,
      args: [word],
    });
    out.push(Math.round(ms));
  }
  return out;
}

async function scrollTime(app) {
  return app.cmd('POST', '/execute/async', {
    script: `
      const done = arguments[0];
      const rows = document.querySelectorAll('[data-testid="object-row"]');
      let el = rows[0]; while (el && el.scrollHeight <= el.clientHeight) el = el.parentElement;
      if (!el) return done(-1);
      const t0 = performance.now();
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event('scroll'));
      requestAnimationFrame(() => requestAnimationFrame(() => done(Math.round(performance.now() - t0))));`,
    args: [],
  });
}

const empty = await startup(emptyDb);
const seeded = await startup(seededDb);
console.log(`start-up to usable list, empty database:   median ${median(empty)} ms  (${empty.join(', ')})`);
console.log(`start-up to usable list, 5,000 objects:    median ${median(seeded)} ms  (${seeded.join(', ')})`);

const app = await launchApp({ binary, args: ['--db', seededDb] });
try {
  await app.waitFor('ready', () => app.execute(ready), 30_000);
  const s = await searchTimes(app, ['vård', 'journal', 'lön 0004', 'ekonomi', 'x-finns-inte', '']);
  console.log(`search, keystroke to updated list (incl. the 200 ms typing pause): ${s.join(', ')} ms`);
  for (const search of ['', 'vård', 'journal 00042']) {
    const ipc = await app.cmd('POST', '/execute/async', {
      script: `
        const [search, done] = arguments;
        const times = [];
        (async () => {
          for (let i = 0; i < 10; i++) {
            const t0 = performance.now();
            await window.__TAURI_INTERNALS__.invoke('list_objects', { filter: { search, kind: null, unit: null, status: null, review_overdue: false } });
            times.push(performance.now() - t0);
          }
          times.sort((a, b) => a - b);
          done(Math.round(times[5]));
        })();`,
      args: [search],
    });
    console.log(`list_objects round trip through IPC, search "${search}": median ${ipc} ms`);
  }
  const sc = [];
  for (let i = 0; i < 5; i++) {
    sc.push(await scrollTime(app));
    await app.execute('document.querySelectorAll(\'[data-testid="object-row"]\')[0]?.parentElement?.scrollTo(0, 0)');
  }
  console.log(`scroll to the end of 5,000 rows, two frames: ${sc.join(', ')} ms`);
} finally {
  await app.close();
}
