// The line an ISAK-imported object shows about its old workbook:
// "Klassad i ISAK 2019-03-12 · deltagare … · informationsägare … · fil x.xlsx · blad Klassning".
import type { IsakRecord } from './bindings/IsakRecord';
import type { Key } from './i18n/index.svelte';

type Translate = (key: Key, vars?: Record<string, string | number>) => string;

export function isakRecordParts(r: IsakRecord, t: Translate): string[] {
  const version = r.isak_version ? ` ${r.isak_version}` : '';
  const parts = [
    r.classified_on ? t('isak.classified', { version, date: r.classified_on }) : t('isak.noDate', { version }),
  ];
  if (r.participants.length > 0) parts.push(t('isak.participants', { names: r.participants.join(', ') }));
  if (r.information_owner.trim()) parts.push(t('isak.owner', { name: r.information_owner }));
  if (r.system_owner.trim()) parts.push(t('isak.systemOwner', { name: r.system_owner }));
  parts.push(t('isak.file', { file: r.file_name }));
  if (r.sheet) parts.push(t('isak.sheet', { sheet: r.sheet }));
  parts.push(t('isak.imported', { date: r.imported_at.slice(0, 10), who: r.imported_by }));
  return parts;
}
