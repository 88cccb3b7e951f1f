import { describe, expect, it } from 'vitest';
import { blankAction, sortActions, toInput } from './actions';
import type { Action } from './bindings/Action';

function action(id: string, due: string | null, priority: Action['priority']): Action {
  return {
    id,
    requirement_key: null,
    measure: `measure ${id}`,
    responsible: '',
    due,
    priority,
    status: 'ej_paborjad',
    notes: '',
    overdue: false,
  };
}

const list = [
  action('a', null, 'hog'),
  action('b', '2026-03-01', 'lag'),
  action('c', '2026-01-15', 'medel'),
  action('d', '2026-03-01', 'hog'),
];
const ids = (xs: Action[]) => xs.map((x) => x.id);

describe('sortActions', () => {
  it('sorts by due date with undated actions last, then by priority', () => {
    expect(ids(sortActions(list, 'due'))).toEqual(['c', 'd', 'b', 'a']);
  });

  it('sorts by priority first, then by due date', () => {
    expect(ids(sortActions(list, 'priority'))).toEqual(['d', 'a', 'c', 'b']);
  });

  it('leaves the given list untouched', () => {
    sortActions(list, 'priority');
    expect(ids(list)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the original order of equal actions', () => {
    const same = [action('x', '2026-05-05', 'medel'), action('y', '2026-05-05', 'medel')];
    expect(ids(sortActions(same, 'due'))).toEqual(['x', 'y']);
  });
});

describe('toInput and blankAction', () => {
  it('copies the editable fields and drops the computed overdue flag', () => {
    const input = toInput({ ...action('a', '2026-01-01', 'lag'), overdue: true });
    expect(input).toEqual({
      id: 'a',
      requirement_key: null,
      measure: 'measure a',
      responsible: '',
      due: '2026-01-01',
      priority: 'lag',
      status: 'ej_paborjad',
      notes: '',
    });
    expect('overdue' in input).toBe(false);
  });

  it('starts a new action with no id, medium priority and not started', () => {
    expect(blankAction()).toMatchObject({ id: null, priority: 'medel', status: 'ej_paborjad', due: null });
  });
});
