// The mock's procurement lists and catalogue versions. Exports return a made-up path; a
// catalogue file whose name contains "fel" has errors.
import type { CatalogImportPreview } from '../bindings/CatalogImportPreview';
import type { CatalogInfo } from '../bindings/CatalogInfo';
import type { ExcludedObject } from '../bindings/ExcludedObject';
import type { ExportResult } from '../bindings/ExportResult';
import type { ItemChoice } from '../bindings/ItemChoice';
import type { ObjectRef } from '../bindings/ObjectRef';
import type { ProcurementInput } from '../bindings/ProcurementInput';
import type { ProcurementSummary } from '../bindings/ProcurementSummary';
import type { ProcurementView } from '../bindings/ProcurementView';
import type { SheetError } from '../bindings/SheetError';
import { newId } from '../draft';
import { AREAS } from './catalog';
import { fail } from './db';
import { profileText } from './derive';
import type { MockRequirements } from './requirements';

type Saved = { id: string; name: string; object_ids: string[]; choices: ItemChoice[]; updated_at: string };

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-').replace(/^-|-$/g, '') || 'lista';
const exportPath = (file: string) => `~/Hämtningar/${file}`;

export class MockProcurement {
  private lists = new Map<string, Saved>();
  private catalogs: CatalogInfo[];

  constructor(readonly req: MockRequirements) {
    this.catalogs = [{
      id: req.catalogId, version: req.catalogVersion, name_sv: 'Infoklass baskatalog', requirements: req.catalog.length,
      areas: Object.keys(AREAS).length, imported_at: req.db.now(), imported_by: 'infoklass', active: true,
    }];
  }

  preview(objectIds: string[], choices: ItemChoice[] = []): ProcurementView {
    const objects: ObjectRef[] = [];
    const excluded: ExcludedObject[] = [];
    const needed = new Map<string, string[]>();
    for (const id of objectIds) {
      const o = this.req.object(id);
      const d = this.req.derive(o);
      const ref = { id, name: o.meta.name, profile: profileText(d.levels) };
      if (d.suppressed) {
        excluded.push({ object: ref, reason: d.suppressed });
        continue;
      }
      objects.push(ref);
      for (const { r } of d.items) needed.set(r.key, [...(needed.get(r.key) ?? []), o.meta.name]);
    }
    const items = this.req.catalog
      .filter((r) => needed.has(r.key))
      .map((r) => {
        const c = choices.find((x) => x.key === r.key);
        return {
          key: r.key, area_sv: AREAS[r.area]?.[0] ?? r.area, title_sv: r.title_sv, original_text: r.ska_sv,
          text: c?.text ?? r.ska_sv, obligation: c?.obligation ?? r.obligation, relevant: c?.relevant ?? true,
          aspects: r.aspects, iso27002: r.iso27002, needed_by: needed.get(r.key) ?? [],
        };
      });
    return { id: null, name: '', objects, excluded, catalog_id: this.req.catalogId, catalog_version: this.req.catalogVersion, items };
  }

  save(input: ProcurementInput): ProcurementView {
    if (!input.name.trim()) fail('INVALID_INPUT', 'the procurement list needs a name');
    input.object_ids.forEach((id) => this.req.object(id));
    const id = input.id ?? newId();
    if (input.id && !this.lists.has(input.id)) fail('NOT_FOUND', input.id);
    this.lists.set(id, { id, name: input.name.trim(), object_ids: input.object_ids, choices: input.choices, updated_at: this.req.db.now() });
    return this.get(id);
  }

  get(id: string): ProcurementView {
    const s = this.lists.get(id) ?? fail('NOT_FOUND', `no procurement list ${id}`);
    const ids = s.object_ids.filter((x) => this.req.db.objects.has(x));
    return { ...this.preview(ids, s.choices), id, name: s.name };
  }

  list(): ProcurementSummary[] {
    return [...this.lists.values()]
      .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
      .map((s) => ({ id: s.id, name: s.name, objects: s.object_ids.length, updated_at: s.updated_at }));
  }

  export(id: string, format: string): ExportResult {
    const view = this.get(id);
    if (!['xlsx', 'csv', 'html'].includes(format)) fail('INVALID_INPUT', `unknown format ${format}`);
    return { path: exportPath(`${slug(view.name)}.${format}`), bytes: 2048 + 300 * view.items.length };
  }

  listCatalogs(): CatalogInfo[] {
    return this.catalogs.map((c) => ({ ...c }));
  }

  exportCatalog(): ExportResult {
    return { path: exportPath(`kravkatalog-${this.req.catalogId}-${this.req.catalogVersion}.xlsx`), bytes: 18_432 };
  }

  previewImport(fileName: string, base64: string): CatalogImportPreview {
    if (!base64) fail('FILE_ERROR', 'the file is empty');
    const version = /\d{4}\.\d+/.exec(fileName)?.[0] ?? '2026.2';
    const errors: SheetError[] = fileName.toLowerCase().includes('fel')
      ? [
          { sheet: 'Krav', row: 5, key: 'BEH-02', field: 'utlösare', message: 'Okänd aspekt "X" i "X>=2".' },
          { sheet: 'Krav', row: 9, key: '', field: 'nyckel', message: 'Nyckeln saknas.' },
          { sheet: 'Områden', row: null, key: '', field: '', message: 'Bladet saknas i arbetsboken.' },
        ]
      : [];
    return {
      id: this.req.catalogId, version, name_sv: 'Infoklass baskatalog (anpassad)', requirements: this.req.catalog.length + 1,
      areas: Object.keys(AREAS).length, errors, added: ['ORG-01'], removed: [], changed: ['BEH-01', 'LOG-02'],
    };
  }

  importCatalog(fileName: string, base64: string): CatalogInfo {
    const p = this.previewImport(fileName, base64);
    if (p.errors.length > 0) fail('BAD_CATALOG', `${p.errors.length} problems in the workbook`, p.errors);
    if (this.catalogs.some((c) => c.id === p.id && c.version === p.version)) fail('CATALOG_VERSION_EXISTS', p.version);
    this.catalogs.forEach((c) => (c.active = false));
    const info: CatalogInfo = {
      id: p.id, version: p.version, name_sv: p.name_sv, requirements: p.requirements, areas: p.areas,
      imported_at: this.req.db.now(), imported_by: this.req.db.user, active: true,
    };
    this.catalogs.push(info);
    this.req.catalogVersion = p.version;
    return { ...info };
  }
}
