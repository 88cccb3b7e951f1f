import { describe, expect, it } from 'vitest';
import { clearFilters, filtersActive, listFilter, toObjectFilter } from './list-filter.svelte';

describe('the object list filter', () => {
  it('sends blank fields as null and a trimmed search', () => {
    const f = {
      search: '  ekonomi ',
      kind: '' as const,
      unit: '',
      status: 'utkast' as const,
      overdue: true,
      decommissioned: true,
    };
    expect(toObjectFilter(f)).toEqual({
      search: 'ekonomi',
      kind: null,
      unit: null,
      status: 'utkast',
      review_overdue: true,
      include_decommissioned: true,
    });
  });

  it('is active when any field is set, and clearFilters resets it', () => {
    expect(filtersActive(listFilter)).toBe(false);
    listFilter.search = '   ';
    expect(filtersActive(listFilter)).toBe(false);
    listFilter.unit = 'IT';
    listFilter.overdue = true;
    expect(filtersActive(listFilter)).toBe(true);
    clearFilters();
    expect(listFilter).toEqual({ search: '', kind: '', unit: '', status: '', overdue: false, decommissioned: false });
    expect(filtersActive(listFilter)).toBe(false);
  });
});
