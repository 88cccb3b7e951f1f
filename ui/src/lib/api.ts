// The typed command contract between the UI and the Rust backend.
// Every command the UI may call is listed here; argument and result types are generated
// from the Rust types (./bindings). A Rust test checks that every name below is registered.
import { invoke } from '@tauri-apps/api/core';
import { reloadIfDatabaseChanged } from './db-changed';
import type { AppInfo } from './bindings/AppInfo';
import type { DatabaseInfo } from './bindings/DatabaseInfo';
import type { ClassificationContent } from './bindings/ClassificationContent';
import type { Dependencies } from './bindings/Dependencies';
import type { DependencyDecisionInput } from './bindings/DependencyDecisionInput';
import type { DependencyKind } from './bindings/DependencyKind';
import type { ErrorBody } from './bindings/ErrorBody';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { InfoType } from './bindings/InfoType';
import type { InfoTypeEntry } from './bindings/InfoTypeEntry';
import type { InfoTypeInput } from './bindings/InfoTypeInput';
import type { LagrumList } from './bindings/LagrumList';
import type { NewObject } from './bindings/NewObject';
import type { ObjectDetail } from './bindings/ObjectDetail';
import type { ObjectFilter } from './bindings/ObjectFilter';
import type { ObjectList } from './bindings/ObjectList';
import type { Overview } from './bindings/Overview';
import type { OverviewFilter } from './bindings/OverviewFilter';
import type { RequirementOverview } from './bindings/RequirementOverview';
import type { ReviewRule } from './bindings/ReviewRule';
import type { RiskOverview } from './bindings/RiskOverview';
import type { ReviewRuleInfo } from './bindings/ReviewRuleInfo';
import type { ObjectMeta } from './bindings/ObjectMeta';
import type { Preview } from './bindings/Preview';
import type { Scale } from './bindings/Scale';
import type { Action } from './bindings/Action';
import type { ActionInput } from './bindings/ActionInput';
import type { ActionPlanFormat } from './bindings/ActionPlanFormat';
import type { HandoverInput } from './bindings/HandoverInput';
import type { Assessment } from './bindings/Assessment';
import type { CatalogImportPreview } from './bindings/CatalogImportPreview';
import type { CatalogInfo } from './bindings/CatalogInfo';
import type { ExportResult } from './bindings/ExportResult';
import type { ProcurementInput } from './bindings/ProcurementInput';
import type { ProcurementSummary } from './bindings/ProcurementSummary';
import type { ProcurementView } from './bindings/ProcurementView';
import type { RequirementView } from './bindings/RequirementView';
import type { AnalysisInput } from './bindings/AnalysisInput';
import type { RiskAnalysisView } from './bindings/RiskAnalysisView';
import type { RiskInput } from './bindings/RiskInput';
import type { Threat } from './bindings/Threat';
import type { ListImport } from './bindings/ListImport';
import type { ThreatInput } from './bindings/ThreatInput';
import type { ThreatList } from './bindings/ThreatList';
import type { FileImport } from './bindings/FileImport';
import type { ImportRecord } from './bindings/ImportRecord';
import type { LegacyRequirement } from './bindings/LegacyRequirement';

import type { ExportFormat } from './bindings/ExportFormat';
import type { Lang } from './bindings/Lang';
import type { ReportKind } from './bindings/ReportKind';

export type { ExportFormat };

/** Turns whatever a failed invoke threw into an ErrorBody. */
export function toErrorBody(e: unknown): ErrorBody {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as ErrorBody).code === 'string') {
    return e as ErrorBody;
  }
  return { code: 'UNEXPECTED', message: String(e), details: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const body = toErrorBody(e);
    reloadIfDatabaseChanged(body);
    throw body;
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  getScale: () => call<Scale>('get_scale'),
  listInfoTypes: () => call<InfoType[]>('list_info_types'),

  // The organisation's information types: added, changed or retired, never deleted; the list
  // goes out and comes back as a TOML file (previewed before import).
  listInfoTypeEntries: () => call<InfoTypeEntry[]>('list_info_type_entries'),
  saveInfoType: (input: InfoTypeInput) => call<InfoType>('save_info_type', { input }),
  setInfoTypeRetired: (key: string, retired: boolean) => call<InfoType>('set_info_type_retired', { key, retired }),
  exportInfoTypes: () => call<ExportResult>('export_info_types'),
  previewInfoTypeImport: (fileName: string, base64: string) =>
    call<ListImport>('preview_info_type_import', { fileName, base64 }),
  importInfoTypes: (fileName: string, base64: string) => call<ListImport>('import_info_types', { fileName, base64 }),

  // The lagrum catalogue: what each lagrum brings, the organisation-wide choice
  // (cybersäkerhetslagen, arkivlagen), and the list as a TOML file.
  listLagrum: () => call<LagrumList>('list_lagrum'),
  setOrgLagrum: (keys: string[]) => call<string[]>('set_org_lagrum', { keys }),
  exportLagrum: () => call<ExportResult>('export_lagrum'),
  previewLagrumImport: (fileName: string, base64: string) =>
    call<ListImport>('preview_lagrum_import', { fileName, base64 }),
  importLagrum: (fileName: string, base64: string) => call<ListImport>('import_lagrum', { fileName, base64 }),
  listObjects: (filter: ObjectFilter) => call<ObjectList>('list_objects', { filter }),
  // The coordinator's overview and the review cycle.
  overview: (filter: OverviewFilter) => call<Overview>('overview', { filter }),
  requirementOverview: (filter: OverviewFilter) => call<RequirementOverview>('requirement_overview', { filter }),
  riskOverview: (filter: OverviewFilter) => call<RiskOverview>('risk_overview', { filter }),
  confirmReview: (id: string, reviewedBy: string, comment: string) =>
    call<ObjectDetail>('confirm_review', { id, reviewedBy, comment }),
  getReviewRule: () => call<ReviewRuleInfo>('get_review_rule'),
  setReviewRule: (rule: ReviewRule) => call<ReviewRuleInfo>('set_review_rule', { rule }),
  getObject: (id: string) => call<ObjectDetail>('get_object', { id }),
  createObject: (input: NewObject) => call<ObjectDetail>('create_object', { input }),
  updateObject: (id: string, meta: ObjectMeta) => call<ObjectDetail>('update_object', { id, meta }),
  saveDraft: (id: string, content: ClassificationContent) => call<ObjectDetail>('save_draft', { id, content }),
  dataVersion: () => call<number>('data_version'),
  databaseInfo: () => call<DatabaseInfo>('database_info'),
  chooseDatabase: (location: string | null, password: string | null) =>
    call<DatabaseInfo>('choose_database', { location, password }),
  saveEdit: (id: string, meta: ObjectMeta, content: ClassificationContent, baseRevision: number) =>
    call<ObjectDetail>('save_edit', { id, meta, content, baseRevision }),
  preview: (input: NewObject) => call<Preview>('preview', { input }),
  approve: (id: string, approvedBy: string) => call<ObjectDetail>('approve', { id, approvedBy }),
  startReclassification: (id: string) => call<ObjectDetail>('start_reclassification', { id }),
  deleteObject: (id: string) => call<void>('delete_object', { id }),
  objectHistory: (id: string) => call<HistoryEntry[]>('object_history', { id }),
  // Avveckla: an object with an approved classification is kept, read-only, never deleted.
  decommissionObject: (id: string, date: string, reason: string) =>
    call<ObjectDetail>('decommission_object', { id, date, reason }),

  // Dependencies between objects and the levels the dependents suggest (accepted or declined).
  getDependencies: (id: string) => call<Dependencies>('get_dependencies', { id }),
  addDependency: (id: string, on: string, kind: DependencyKind) =>
    call<Dependencies>('add_dependency', { id, on, kind }),
  removeDependency: (id: string, on: string, kind: DependencyKind) =>
    call<Dependencies>('remove_dependency', { id, on, kind }),
  decideDependency: (id: string, decision: DependencyDecisionInput) =>
    call<Dependencies>('decide_dependency', { id, decision }),

  // Requirements, self-assessment and the action plan of one object.
  getRequirements: (id: string) => call<RequirementView>('get_requirements', { id }),
  saveAssessment: (id: string, assessment: Assessment) => call<RequirementView>('save_assessment', { id, assessment }),
  clearAssessment: (id: string, key: string) => call<RequirementView>('clear_assessment', { id, key }),
  handOverRequirements: (id: string, input: HandoverInput) =>
    call<RequirementView>('hand_over_requirements', { id, input }),
  takeBackRequirements: (id: string, keys: string[]) => call<RequirementView>('take_back_requirements', { id, keys }),
  setLocalHow: (key: string, how: string) => call<void>('set_local_how', { key, how }),
  getActionPlan: (id: string) => call<Action[]>('get_action_plan', { id }),
  saveAction: (id: string, action: ActionInput) => call<Action[]>('save_action', { id, action }),
  deleteAction: (id: string, actionId: string) => call<Action[]>('delete_action', { id, actionId }),
  exportActionPlan: (id: string, format: ActionPlanFormat, lang: Lang | null) =>
    call<ExportResult>('export_action_plan', { id, format, lang }),
  // Reports as PDF/A, saved like every export: an object's (id) or the overview's (unit).
  makeReport: (kind: ReportKind, id: string | null, unit: string | null, lang: Lang | null) =>
    call<ExportResult>('make_report', { kind, id, unit, lang }),

  // Procurement lists across objects. Exports are written by the backend into the user's
  // export folder (the remembered choice, else Downloads); the UI never names the file.
  procurementPreview: (objectIds: string[]) => call<ProcurementView>('procurement_preview', { objectIds }),
  saveProcurement: (input: ProcurementInput) => call<ProcurementView>('save_procurement', { input }),
  getProcurement: (id: string) => call<ProcurementView>('get_procurement', { id }),
  listProcurements: () => call<ProcurementSummary[]>('list_procurements'),
  exportProcurement: (id: string, format: ExportFormat, lang: Lang | null) =>
    call<ExportResult>('export_procurement', { id, format, lang }),

  // The requirement catalogue. An imported workbook arrives as base64 bytes, never as a path.
  listCatalogs: () => call<CatalogInfo[]>('list_catalogs'),
  exportCatalog: (lang: Lang | null) => call<ExportResult>('export_catalog', { lang }),
  previewCatalogImport: (fileName: string, base64: string) =>
    call<CatalogImportPreview>('preview_catalog_import', { fileName, base64 }),
  importCatalog: (fileName: string, base64: string) => call<CatalogInfo>('import_catalog', { fileName, base64 }),

  // The object's risk analysis; every call returns the whole analysis as it now stands.
  getRiskAnalysis: (id: string) => call<RiskAnalysisView>('get_risk_analysis', { id }),
  saveRiskAnalysis: (id: string, input: AnalysisInput) => call<RiskAnalysisView>('save_risk_analysis', { id, input }),
  saveRisk: (id: string, input: RiskInput) => call<RiskAnalysisView>('save_risk', { id, input }),
  deleteRisk: (id: string, riskId: string) => call<RiskAnalysisView>('delete_risk', { id, riskId }),
  acceptRisk: (id: string, riskId: string, role: string, name: string) =>
    call<RiskAnalysisView>('accept_risk', { id, riskId, role, name }),
  approveRiskAnalysis: (id: string, approvedBy: string) =>
    call<RiskAnalysisView>('approve_risk_analysis', { id, approvedBy }),
  getTopRiskRole: () => call<string | null>('get_top_risk_role'),
  setTopRiskRole: (title: string) => call<string | null>('set_top_risk_role', { title }),

  // The organisation's threat catalogue: threats are added, changed or retired, never deleted;
  // the whole catalogue goes out and comes back as a TOML file (previewed before import).
  listThreats: () => call<ThreatList>('list_threats'),
  saveThreat: (input: ThreatInput) => call<Threat>('save_threat', { input }),
  setThreatRetired: (key: string, retired: boolean) => call<Threat>('set_threat_retired', { key, retired }),
  exportThreats: () => call<ExportResult>('export_threats'),
  previewThreatImport: (fileName: string, base64: string) =>
    call<ListImport>('preview_threat_import', { fileName, base64 }),
  importThreats: (fileName: string, base64: string) => call<ListImport>('import_threats', { fileName, base64 }),

  // Workbooks: the object's Infoklass workbook, a portfolio, and files in (old ISAK
  // workbooks or workbooks sent back), one file per call so a batch can show progress.
  exportWorkbook: (id: string, lang: Lang | null) => call<ExportResult>('export_workbook', { id, lang }),
  exportPortfolio: (ids: string[], lang: Lang | null) => call<ExportResult>('export_portfolio', { ids, lang }),
  previewImport: (fileName: string, base64: string, lang: Lang | null) =>
    call<FileImport>('preview_import', { fileName, base64, lang }),
  importFile: (fileName: string, base64: string, lang: Lang | null) =>
    call<FileImport>('import_file', { fileName, base64, lang }),
  saveImportWord: (word: string, level: number) => call<null>('save_import_word', { word, level }),
  listImports: () => call<ImportRecord[]>('list_imports'),
  legacyRequirements: (id: string) => call<LegacyRequirement[]>('legacy_requirements', { id }),

  // After an export: the folder exports go to (remembered per user), and opening the file just
  // written or its folder; the backend refuses any path but that of its last export.
  exportFolder: () => call<string>('export_folder'),
  setExportFolder: (path: string) => call<string>('set_export_folder', { path }),
  openExport: (path: string, reveal: boolean) => call<null>('open_export', { path, reveal }),
};

export type Api = typeof api;
