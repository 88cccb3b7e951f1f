// Installs the in-memory backend for the mock build (browser tests, no Tauri).
// URL parameters: ?seed=N creates N generated objects; ?fail=cmd1,cmd2 makes those commands
// fail with DB_ERROR.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppInfo } from '../bindings/AppInfo';
import type { InfoType } from '../bindings/InfoType';
import type { Scale } from '../bindings/Scale';
import { MockDb, fail } from './db';
import { approvalIssues, deriveProfile } from './derive';
import infoTypes from './info-types.json';
import scale from './scale.json';
import { seedObjects } from './seed';

// Arguments arrive exactly as api.ts sends them; each handler picks its own.
type Args = Record<string, any>;

export function installMock(params: URLSearchParams): void {
  const today = new Date().toISOString().slice(0, 10);
  const db = new MockDb(today, 'testanvandare');
  const seed = Number(params.get('seed') ?? 0);
  if (Number.isInteger(seed) && seed > 0) seedObjects(db, seed);
  const failing = new Set((params.get('fail') ?? '').split(',').filter(Boolean));

  const info: AppInfo = {
    version: '0.0.0-mock', db_path: '(minnet, testläge)', user: db.user, scale_id: 'klassa4', scale_version: '1.0.0', today,
  };
  const handlers: Record<string, (a: Args) => unknown> = {
    app_info: () => info,
    get_scale: () => scale as Scale,
    list_info_types: () => infoTypes as InfoType[],
    list_objects: (a) => db.list(a.filter),
    get_object: (a) => db.get(a.id),
    create_object: (a) => db.create(a.input),
    update_object: (a) => db.update(a.id, a.meta),
    save_draft: (a) => db.saveDraft(a.id, a.content),
    preview: (a) => ({ profile: deriveProfile(a.input.content), issues: approvalIssues(a.input.meta, a.input.content) }),
    approve: (a) => db.approve(a.id, a.approvedBy),
    start_reclassification: (a) => db.reclassify(a.id),
    delete_object: (a) => {
      db.remove(a.id);
      return null;
    },
    object_history: (a) => db.history(a.id),
  };

  mockIPC((cmd, payload) => {
    const handler = handlers[cmd] ?? fail('UNEXPECTED', `unknown command ${cmd}`);
    if (failing.has(cmd)) fail('DB_ERROR', `simulated failure of ${cmd}`);
    // Copy, like a real IPC boundary: the UI's reactive objects must never be stored here.
    return handler(JSON.parse(JSON.stringify(payload ?? {})));
  });
}
