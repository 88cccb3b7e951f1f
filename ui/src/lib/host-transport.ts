// The browser test lane's transport (`vite build --mode host` only): every command goes to the
// test host (src-tauri/examples/ui_test_host.rs), which runs the app's real command handlers.
// Nothing here knows the domain. Two test switches from the page's URL act on the transport:
// ?fail=cmd1,cmd2 makes those commands fail with DB_ERROR before they reach the host, and
// ?slow=MS delays each file of an import (preview_import, import_file), so progress can be seen.
import { mockIPC } from '@tauri-apps/api/mocks';

const SLOW_COMMANDS = new Set(['preview_import', 'import_file']);

export function installHostTransport(params: URLSearchParams): void {
  const failing = new Set((params.get('fail') ?? '').split(',').filter(Boolean));
  const slow = Number(params.get('slow') ?? 0);

  mockIPC(async (cmd, payload) => {
    if (slow > 0 && SLOW_COMMANDS.has(cmd)) await new Promise((resolve) => setTimeout(resolve, slow));
    if (failing.has(cmd)) throw { code: 'DB_ERROR', message: `simulated failure of ${cmd}`, details: null };
    const response = await fetch(`./ipc/${encodeURIComponent(cmd)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload ?? {}),
    });
    const body: unknown = await response.json();
    // The host answers 400 with the backend's ErrorBody, exactly what invoke would reject with.
    if (!response.ok) throw body;
    return body;
  });
}
