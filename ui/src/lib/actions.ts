// Sorting and editing helpers for the action plan.
import type { Action } from './bindings/Action';
import type { ActionInput } from './bindings/ActionInput';
import type { Priority } from './bindings/Priority';

export type ActionSort = 'due' | 'priority';

const RANK: Record<Priority, number> = { hog: 0, medel: 1, lag: 2 };

function byDue(a: Action, b: Action): number {
  if (a.due === b.due) return 0;
  if (a.due === null) return 1;
  if (b.due === null) return -1;
  return a.due < b.due ? -1 : 1;
}

const byPriority = (a: Action, b: Action) => RANK[a.priority] - RANK[b.priority];

/** By due date (none last) then priority, or by priority then due date. Stable otherwise. */
export function sortActions(list: Action[], by: ActionSort): Action[] {
  const [first, second] = by === 'due' ? [byDue, byPriority] : [byPriority, byDue];
  return [...list].sort((a, b) => first(a, b) || second(a, b));
}

export function toInput(a: Action): ActionInput {
  return {
    id: a.id,
    requirement_key: a.requirement_key,
    measure: a.measure,
    responsible: a.responsible,
    due: a.due,
    priority: a.priority,
    status: a.status,
    notes: a.notes,
  };
}

export function blankAction(): ActionInput {
  return {
    id: null,
    requirement_key: null,
    measure: '',
    responsible: '',
    due: null,
    priority: 'medel',
    status: 'ej_paborjad',
    notes: '',
  };
}
