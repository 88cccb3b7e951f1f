// The information-type screen's helpers: filtering, the form's input and the checks the form
// makes before asking the backend (the same codes the backend uses).
import type { ErrorCode } from './bindings/ErrorCode';
import type { InfoType } from './bindings/InfoType';
import type { InfoTypeEntry } from './bindings/InfoTypeEntry';
import type { InfoTypeInput } from './bindings/InfoTypeInput';

export type InfoTypeFilter = { search: string; showRetired: boolean };

export function filterInfoTypes(entries: InfoTypeEntry[], f: InfoTypeFilter): InfoTypeEntry[] {
  const words = f.search.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter(({ info_type: it }) => {
    if (it.retired && !f.showRetired) return false;
    const text = [it.key, it.name_sv, it.name_en, it.description_sv, it.description_en].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function infoTypeInput(it: InfoType | null): InfoTypeInput {
  return it
    ? {
        key: it.key,
        name_sv: it.name_sv,
        name_en: it.name_en,
        description_sv: it.description_sv,
        description_en: it.description_en,
        levels: { ...it.levels },
      }
    : {
        key: null,
        name_sv: '',
        name_en: '',
        description_sv: '',
        description_en: '',
        levels: { K: 0, R: 0, T: 0, S: 0 },
      };
}

export function infoTypeProblems(input: InfoTypeInput): ErrorCode[] {
  return input.name_sv.trim() ? [] : ['INFO_TYPE_NAME_MISSING'];
}

/** The types a set may choose: those in use, plus the retired one it already has. */
export function choosableTypes(types: InfoType[], current: string | null): InfoType[] {
  return types.filter((it) => !it.retired || it.key === current);
}
