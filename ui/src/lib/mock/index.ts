// Installs the in-memory backend for the mock build (browser tests, no Tauri).
// URL parameters: ?seed=N creates N generated objects; ?fail=cmd1,cmd2 makes those commands
// fail with DB_ERROR; ?catalog=big uses a catalogue of about 100 requirements; ?slow=MS makes
// each file of an import (preview_import, import_file) take that long, so progress can be seen.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppInfo } from '../bindings/AppInfo';
import type { Scale } from '../bindings/Scale';
import { MockDb, fail } from './db';
import { MockImports } from './imports';
import { MockInfoTypes } from './info-types';
import { MockProcurement } from './procurement';
import { MockRequirements } from './requirements';
import { MockRisks } from './risks';
import { MockThreats } from './threats';
import { approvalIssues, deriveProfile } from './derive';
import scale from './scale.json';
import { seedObjects } from './seed';

// Arguments arrive exactly as api.ts sends them; each handler picks its own.
type Args = Record<string, any>;

export function installMock(params: URLSearchParams): void {
  const today = new Date().toISOString().slice(0, 10);
  const db = new MockDb(today, 'testanvandare');
  const seed = Number(params.get('seed') ?? 0);
  if (Number.isInteger(seed) && seed > 0) seedObjects(db, seed);
  const req = new MockRequirements(db, params.get('catalog') === 'big');
  const proc = new MockProcurement(req);
  // The catalogue counts the risks made from each threat; the analyses name their threats.
  const threats: MockThreats = new MockThreats(today, () => risks.threatUsage());
  const risks: MockRisks = new MockRisks(req, threats, () => db.now());
  const imports = new MockImports(db);
  const infoTypes = new MockInfoTypes(db, today);
  const failing = new Set((params.get('fail') ?? '').split(',').filter(Boolean));

  const info: AppInfo = {
    version: '0.0.0-mock', db_path: '(minnet, testläge)', user: db.user, scale_id: 'klassa4', scale_version: '1.0.0', today,
  };
  const handlers: Record<string, (a: Args) => unknown> = {
    app_info: () => info,
    get_scale: () => scale as Scale,
    list_info_types: () => infoTypes.list(),
    list_info_type_entries: () => infoTypes.entries(),
    save_info_type: (a) => infoTypes.save(a.input),
    set_info_type_retired: (a) => infoTypes.setRetired(a.key, a.retired),
    export_info_types: () => infoTypes.export(),
    preview_info_type_import: (a) => infoTypes.importFile(a.fileName, a.base64, true),
    import_info_types: (a) => infoTypes.importFile(a.fileName, a.base64, false),
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
    get_requirements: (a) => req.view(a.id),
    save_assessment: (a) => req.saveAssessment(a.id, a.assessment),
    clear_assessment: (a) => req.clearAssessment(a.id, a.key),
    set_local_how: (a) => req.setLocalHow(a.key, a.how),
    get_action_plan: (a) => req.plan(a.id),
    save_action: (a) => req.saveAction(a.id, a.action),
    delete_action: (a) => req.deleteAction(a.id, a.actionId),
    procurement_preview: (a) => proc.preview(a.objectIds),
    save_procurement: (a) => proc.save(a.input),
    get_procurement: (a) => proc.get(a.id),
    list_procurements: () => proc.list(),
    export_procurement: (a) => proc.export(a.id, a.format),
    list_catalogs: () => proc.listCatalogs(),
    export_catalog: () => proc.exportCatalog(),
    preview_catalog_import: (a) => proc.previewImport(a.fileName, a.base64),
    import_catalog: (a) => proc.importCatalog(a.fileName, a.base64),
    get_risk_analysis: (a) => risks.view(a.id),
    save_risk_analysis: (a) => risks.saveAnalysis(a.id, a.input),
    save_risk: (a) => risks.saveRisk(a.id, a.input),
    delete_risk: (a) => risks.deleteRisk(a.id, a.riskId),
    accept_risk: (a) => risks.acceptRisk(a.id, a.riskId, a.role, a.name),
    approve_risk_analysis: (a) => risks.approve(a.id, a.approvedBy),
    list_threats: () => threats.list(),
    save_threat: (a) => threats.save(a.input),
    set_threat_retired: (a) => threats.setRetired(a.key, a.retired),
    export_threats: () => threats.export(),
    preview_threat_import: (a) => threats.previewImport(a.fileName, a.base64),
    import_threats: (a) => threats.importFile(a.fileName, a.base64),
    export_workbook: (a) => imports.exportWorkbook(a.id),
    export_portfolio: (a) => imports.exportPortfolio(a.ids),
    preview_import: (a) => imports.preview(a.fileName, a.base64),
    import_file: (a) => imports.importFile(a.fileName, a.base64),
    save_import_word: (a) => imports.saveWord(a.word, a.level),
    list_imports: () => imports.list(),
    legacy_requirements: (a) => imports.legacyRequirements(a.id),
  };

  const slow = Number(params.get('slow') ?? 0);
  const slowCommands = new Set(['preview_import', 'import_file']);

  mockIPC(async (cmd, payload) => {
    const handler = handlers[cmd] ?? fail('UNEXPECTED', `unknown command ${cmd}`);
    if (slow > 0 && slowCommands.has(cmd)) await new Promise((resolve) => setTimeout(resolve, slow));
    if (failing.has(cmd)) fail('DB_ERROR', `simulated failure of ${cmd}`);
    // Copy, like a real IPC boundary: the UI's reactive objects must never be stored here.
    return handler(JSON.parse(JSON.stringify(payload ?? {})));
  });
}
