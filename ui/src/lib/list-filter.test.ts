import { describe, expect, it } from 'vitest';
import { clearFilters, filtersActive, listFilter, sortBy, toObjectFilter, useFilters } from './list-filter.svelte';

describe('the object list filter', () => {
  it('sends blank fields as null, a trimmed search and levels as numbers', () => {
    const f = {
      search: '  ekonomi ',
      kind: '' as const,
      unit: '',
      status: 'utkast' as const,
      overdue: true,
      decommissioned: true,
      min: { K: '3', R: '', T: '0', S: '' },
      risk: 'needs_review' as const,
      isak: true,
      openActions: false,
      overdueActions: true,
      sort: 'next_review' as const,
      descending: true,
    };
    expect(toObjectFilter(f)).toEqual({
      search: 'ekonomi',
      kind: null,
      unit: null,
      status: 'utkast',
      review_overdue: true,
      include_decommissioned: true,
      min_levels: { K: 3, R: null, T: 0, S: null },
      risk: 'needs_review',
      from_isak: true,
      open_actions: false,
      overdue_actions: true,
      sort: 'next_review',
      descending: true,
    });
  });

  it('is active when any field is set, and clearFilters resets it but keeps the sort', () => {
    expect(filtersActive(listFilter)).toBe(false);
    listFilter.search = '   ';
    expect(filtersActive(listFilter)).toBe(false);
    listFilter.min.T = '2';
    expect(filtersActive(listFilter)).toBe(true);
    listFilter.min.T = '';
    listFilter.unit = 'IT';
    listFilter.overdue = true;
    listFilter.isak = true;
    sortBy('unit');
    expect(filtersActive(listFilter)).toBe(true);
    clearFilters();
    expect(filtersActive(listFilter)).toBe(false);
    expect(listFilter.isak).toBe(false);
    expect(listFilter.min).toEqual({ K: '', R: '', T: '', S: '' });
    expect([listFilter.sort, listFilter.descending]).toEqual(['unit', false]);
  });

  it('sorts ascending by a new column and turns the direction on a second click', () => {
    sortBy('profile');
    expect([listFilter.sort, listFilter.descending]).toEqual(['profile', false]);
    sortBy('profile');
    expect([listFilter.sort, listFilter.descending]).toEqual(['profile', true]);
    sortBy('name');
    expect([listFilter.sort, listFilter.descending]).toEqual(['name', false]);
  });

  it('useFilters shows exactly the filters given', () => {
    listFilter.search = 'journal';
    useFilters({ risk: 'none', unit: 'Vård' });
    expect(toObjectFilter(listFilter)).toMatchObject({ search: null, risk: 'none', unit: 'Vård', from_isak: false });
  });
});
