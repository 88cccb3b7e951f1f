// The object list's search, filters and sort column, kept while the user visits other
// screens. The backend filters and sorts; this only turns the form into an ObjectFilter.
import type { Aspect } from './bindings/Aspect';
import type { ObjectFilter } from './bindings/ObjectFilter';
import type { ObjectKind } from './bindings/ObjectKind';
import type { RiskStatus } from './bindings/RiskStatus';
import type { SortColumn } from './bindings/SortColumn';
import type { Status } from './bindings/Status';

/** A lowest level per aspect as the form holds it: '' (any) or '0'–'4'. */
export type MinLevels = Record<Aspect, string>;

function blank() {
  return {
    search: '',
    kind: '' as ObjectKind | '',
    unit: '',
    status: '' as Status | '',
    overdue: false,
    decommissioned: false,
    min: { K: '', R: '', T: '', S: '' } as MinLevels,
    risk: '' as RiskStatus | '',
    isak: false,
    openActions: false,
    overdueActions: false,
  };
}

export const listFilter = $state({ ...blank(), sort: 'name' as SortColumn, descending: false });

const level = (v: string): number | null => (v === '' ? null : Number(v));

export function toObjectFilter(f: typeof listFilter): ObjectFilter {
  return {
    search: f.search.trim() || null,
    kind: f.kind || null,
    unit: f.unit || null,
    status: f.status || null,
    review_overdue: f.overdue,
    include_decommissioned: f.decommissioned,
    min_levels: { K: level(f.min.K), R: level(f.min.R), T: level(f.min.T), S: level(f.min.S) },
    risk: f.risk || null,
    from_isak: f.isak,
    open_actions: f.openActions,
    overdue_actions: f.overdueActions,
    sort: f.sort,
    descending: f.descending,
  };
}

export function filtersActive(f: typeof listFilter): boolean {
  return (
    f.search.trim() !== '' ||
    f.kind !== '' ||
    f.unit !== '' ||
    f.status !== '' ||
    f.overdue ||
    f.decommissioned ||
    Object.values(f.min).some((v) => v !== '') ||
    f.risk !== '' ||
    f.isak ||
    f.openActions ||
    f.overdueActions
  );
}

/** Every active object in name order, for pickers outside the list. */
export function allObjects(): ObjectFilter {
  return toObjectFilter({ ...blank(), sort: 'name', descending: false });
}

/** Clears every filter; the sort column stays. */
export function clearFilters(): void {
  Object.assign(listFilter, blank());
}

/** Shows exactly the given filters (a figure of the overview opening the list). */
export function useFilters(filters: Partial<ReturnType<typeof blank>>): void {
  Object.assign(listFilter, blank(), filters);
}

/** A click on a column header: that column ascending, or the other way when it already sorts. */
export function sortBy(column: SortColumn): void {
  listFilter.descending = listFilter.sort === column ? !listFilter.descending : false;
  listFilter.sort = column;
}
