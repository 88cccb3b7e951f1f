// The procurement list being edited: which objects, the officer's choices per requirement,
// and whether that differs from what is saved.
import { api, type ExportFormat } from '../../lib/api';
import type { ExportResult } from '../../lib/bindings/ExportResult';
import { i18n } from '../../lib/i18n/index.svelte';
import type { ItemChoice } from '../../lib/bindings/ItemChoice';
import type { ProcurementView } from '../../lib/bindings/ProcurementView';

export class ProcurementState {
  id = $state<string | null>(null);
  name = $state('');
  picked = $state<string[]>([]);
  view = $state.raw<ProcurementView | null>(null);
  choices = $state<Record<string, ItemChoice>>({});
  dirty = $state(false);
  busy = $state(false);
  nameMissing = $state(false);
  private seq = 0;

  /** Recomputes the union for the picked objects, keeping the choices already made. */
  async refresh(): Promise<void> {
    const mine = ++this.seq;
    if (this.picked.length === 0) {
      this.view = null;
      this.choices = {};
      return;
    }
    const view = await api.procurementPreview([...this.picked]);
    if (mine === this.seq) this.apply(view, true);
  }

  private apply(view: ProcurementView, keepChoices: boolean): void {
    const next: Record<string, ItemChoice> = {};
    for (const item of view.items) {
      const kept = keepChoices ? this.choices[item.key] : undefined;
      next[item.key] = kept ?? { key: item.key, relevant: item.relevant, obligation: item.obligation, text: item.text };
    }
    this.choices = next;
    this.view = view;
  }

  async toggle(objectId: string): Promise<void> {
    this.picked = this.picked.includes(objectId)
      ? this.picked.filter((x) => x !== objectId)
      : [...this.picked, objectId];
    this.dirty = true;
    await this.refresh();
  }

  setChoice(key: string, patch: Partial<ItemChoice>): void {
    this.choices[key] = { ...this.choices[key], ...patch };
    this.dirty = true;
  }

  setName(name: string): void {
    this.name = name;
    this.nameMissing = false;
    this.dirty = true;
  }

  /** Saves and returns the id, or null when the name is missing. */
  async save(): Promise<string | null> {
    if (!this.name.trim()) {
      this.nameMissing = true;
      return null;
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup for this save, not state
    const keys = new Set(this.view?.items.map((i) => i.key) ?? []);
    const choices = Object.values(this.choices).filter((c) => keys.has(c.key));
    const view = await api.saveProcurement({
      id: this.id,
      name: this.name.trim(),
      object_ids: [...this.picked],
      choices,
    });
    this.id = view.id;
    this.name = view.name;
    this.apply(view, false);
    this.dirty = false;
    return view.id;
  }

  /** Exports the saved list, saving it first when needed. */
  async export(format: ExportFormat): Promise<ExportResult | null> {
    const id = this.id && !this.dirty ? this.id : await this.save();
    return id ? api.exportProcurement(id, format, i18n.lang) : null;
  }

  async open(id: string): Promise<void> {
    const view = await api.getProcurement(id);
    this.seq++;
    this.id = view.id;
    this.name = view.name;
    this.picked = [...view.objects.map((o) => o.id), ...view.excluded.map((e) => e.object.id)];
    this.nameMissing = false;
    this.apply(view, false);
    this.dirty = false;
  }

  reset(): void {
    this.seq++;
    Object.assign(this, { id: null, name: '', picked: [], view: null, choices: {}, dirty: false, nameMissing: false });
  }
}
