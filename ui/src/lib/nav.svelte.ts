// Which screen is shown. A screen with unsaved work registers a guard; leaving it then
// asks the user first (the question is shown by App.svelte while `pending` is set).
import { clearNotice } from './notice.svelte';

export type DetailTab = 'classification' | 'requirements' | 'actions' | 'risks' | 'legacy' | 'dependencies';
export type CatalogTab = 'requirements' | 'threats' | 'info-types' | 'lagrum' | 'scale' | 'review-rule';
export type View =
  | { name: 'list' }
  | { name: 'detail'; id: string; tab?: DetailTab }
  | { name: 'wizard'; id: string | null }
  | { name: 'procurement'; objectIds: string[] }
  | { name: 'catalog'; tab?: CatalogTab }
  | { name: 'import' }
  | { name: 'overview' };

/** What the leave question talks about: the classification (default) or a procurement list. */
export type UnsavedKind = 'classification' | 'procurement';

export const nav = $state<{ view: View; seq: number; pending: View | null; unsavedKind: UnsavedKind }>({
  view: { name: 'list' },
  seq: 0,
  pending: null,
  unsavedKind: 'classification',
});

let hasUnsavedWork: (() => boolean) | null = null;

export function setLeaveGuard(guard: (() => boolean) | null, kind: UnsavedKind = 'classification'): void {
  hasUnsavedWork = guard;
  nav.unsavedKind = kind;
}

export function go(view: View): void {
  if (hasUnsavedWork?.()) {
    nav.pending = view;
    return;
  }
  show(view);
}

function show(view: View): void {
  clearNotice();
  nav.view = view;
  nav.seq += 1;
}

export function confirmLeave(): void {
  const view = nav.pending;
  nav.pending = null;
  hasUnsavedWork = null;
  if (view) show(view);
}

export function cancelLeave(): void {
  nav.pending = null;
}

/** True while some screen has unsaved work (used for the window's beforeunload). */
export function unsavedWork(): boolean {
  return hasUnsavedWork?.() ?? false;
}
