// The object list's search and filters, kept while the user visits other screens.
import type { ObjectFilter } from './bindings/ObjectFilter';
import type { ObjectKind } from './bindings/ObjectKind';
import type { Status } from './bindings/Status';

export const listFilter = $state({
  search: '',
  kind: '' as ObjectKind | '',
  unit: '',
  status: '' as Status | '',
  overdue: false,
  decommissioned: false,
});

export function toObjectFilter(f: typeof listFilter): ObjectFilter {
  return {
    search: f.search.trim() || null,
    kind: f.kind || null,
    unit: f.unit || null,
    status: f.status || null,
    review_overdue: f.overdue,
    include_decommissioned: f.decommissioned,
  };
}

export function filtersActive(f: typeof listFilter): boolean {
  return f.search.trim() !== '' || f.kind !== '' || f.unit !== '' || f.status !== '' || f.overdue || f.decommissioned;
}

export function clearFilters(): void {
  Object.assign(listFilter, { search: '', kind: '', unit: '', status: '', overdue: false, decommissioned: false });
}
