// The state of one guided classification: the form, the content, the live preview and saving.
import type { ErrorCode } from '../../lib/bindings/ErrorCode';
import { api } from '../../lib/api';
import type { Change } from '../../lib/bindings/Change';
import type { ClassificationContent } from '../../lib/bindings/ClassificationContent';
import type { NewObject } from '../../lib/bindings/NewObject';
import type { ObjectDetail } from '../../lib/bindings/ObjectDetail';
import type { Preview } from '../../lib/bindings/Preview';
import { emptyContent, formToMeta, metaToForm, newMetaForm, type MetaForm } from '../../lib/draft';
import { showError } from '../../lib/errors.svelte';
import { merge3 } from '../../lib/merge3';

export const STEP_COUNT = 5;

export class WizardState {
  objectId = $state<string | null>(null);
  /** 1 for a first classification, higher for a re-classification. */
  version = $state(1);
  form = $state<MetaForm>() as MetaForm;
  content = $state<ClassificationContent>() as ClassificationContent;
  preview = $state.raw<Preview | null>(null);
  step = $state(1);
  busy = $state(false);
  savedAt = $state<Date | null>(null);
  nameMissing = $state(false);
  /** The backend refused the name as taken (NAME_TAKEN); shown under the name field. */
  nameTaken = $state(false);
  /** The last autosave failed: its error code, shown quietly until a save succeeds. */
  autosaveError = $state<ErrorCode | null>(null);
  /** For a re-classification: what the saved draft changes since the approved version. */
  changes = $state.raw<{ list: Change[]; version: number } | null>(null);
  /** The object's revision this form is based on; a save names it (`save_edit`). */
  revision = $state(0);
  /** Someone else saved the object after this form was opened: who and when (CONFLICT). */
  conflict = $state<{ by: string; at: string } | null>(null);
  /** Applies a level-4 choice once the user has confirmed it in the dialog. */
  level4Pending = $state<(() => void) | null>(null);

  meta = $derived(formToMeta(this.form));
  json = $derived(JSON.stringify({ meta: this.meta, content: this.content }));
  private savedJson = $state('');
  dirty = $derived(this.json !== this.savedJson);
  private previewSeq = 0;

  constructor(form: MetaForm, content: ClassificationContent) {
    this.form = form;
    this.content = content;
    this.savedJson = this.json;
  }

  static blank(today: string): WizardState {
    return new WizardState(newMetaForm(today), emptyContent());
  }

  static fromDetail(d: ObjectDetail): WizardState {
    const w = new WizardState(metaToForm(d.meta), d.current.content);
    w.objectId = d.id;
    w.version = d.current.version;
    w.revision = d.revision;
    return w;
  }

  /** Takes over what the backend stored (trimmed names, ids), so nothing counts as unsaved. */
  adopt(d: ObjectDetail): void {
    this.objectId = d.id;
    this.version = d.current.version;
    this.revision = d.revision;
    this.form = metaToForm(d.meta);
    this.content = d.current.content;
    this.savedJson = this.json;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the Date is replaced on each save, never mutated
    this.savedAt = new Date();
  }

  /** Reads the changes since the approved version, as the backend diffs the saved draft. */
  async loadChanges(): Promise<void> {
    if (this.objectId === null || this.version <= 1) return;
    try {
      const d = await api.getObject(this.objectId);
      this.changes = d.previous_approved ? { list: d.changes, version: d.previous_approved.version } : null;
    } catch (e) {
      showError(e);
    }
  }

  async refreshPreview(input: NewObject): Promise<void> {
    const seq = ++this.previewSeq;
    try {
      const preview = await api.preview(input);
      if (seq === this.previewSeq) this.preview = preview;
    } catch (e) {
      if (seq === this.previewSeq) showError(e);
    }
  }

  /**
   * Creates the object on the first save; later saves update the facts and the draft.
   * `adoptText` takes over the backend's trimmed texts; an autosave never does, since the user
   * may be typing (a trailing space must not vanish mid-word), and nothing is taken over when
   * the form changed while the save was under way.
   */
  async save({ adoptText = true } = {}): Promise<ObjectDetail> {
    const sent = this.json;
    const input: NewObject = JSON.parse(sent);
    let detail: ObjectDetail;
    if (this.objectId === null) {
      detail = await api.createObject(input);
    } else {
      // One transaction for facts and draft, refused (CONFLICT) if someone saved in between.
      detail = await api.saveEdit(this.objectId, input.meta, input.content, this.revision);
    }
    this.revision = detail.revision;
    this.conflict = null;
    if (adoptText && this.json === sent) {
      this.adopt(detail);
    } else {
      this.objectId = detail.id;
      this.version = detail.current.version;
      this.savedJson = sent;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced on each save, never mutated
      this.savedAt = new Date();
    }
    this.nameTaken = false;
    return detail;
  }

  /**
   * After a CONFLICT: what the other person saved becomes the base, and what was changed here
   * since the form was last saved is laid over it (`merge3`), to be saved on top of it (or
   * thrown away with `discardMine`).
   */
  async rebaseOnLatest(): Promise<void> {
    if (this.objectId === null) return;
    const latest = await api.getObject(this.objectId);
    const base: NewObject = JSON.parse(this.savedJson);
    const theirs: NewObject = { meta: latest.meta, content: latest.current.content };
    const merged = merge3(base, { meta: this.meta, content: this.content }, theirs);
    this.form = metaToForm(merged.meta);
    this.content = merged.content;
    this.savedJson = JSON.stringify(theirs);
    this.revision = latest.revision;
    this.conflict = null;
  }

  /** After a CONFLICT: the other person's version replaces what was typed here. */
  async discardMine(): Promise<void> {
    if (this.objectId === null) return;
    const latest = await api.getObject(this.objectId);
    this.adopt(latest);
    this.conflict = null;
  }
}
