// English texts for the object list's coordinator filters, sorting and the ISAK record.
import type { svObjList } from './sv-objlist';

export const enObjList: Record<keyof typeof svObjList, string> = {
  'list.minLevel': '{aspect} at least',
  'list.minLevelAny': '–',
  'list.risk': 'Risk analysis',
  'list.fromIsak': 'From ISAK',
  'list.openActions': 'Open actions',
  'list.overdueActions': 'Overdue actions',
  'list.sortBy': 'Sort by {col}',
  'list.isakBadge': 'ISAK',
  'riskStatus.none': 'None',
  'riskStatus.draft': 'Draft',
  'riskStatus.approved': 'Approved',
  'riskStatus.needs_review': 'Needs review',
  'isak.title': 'Earlier classification in ISAK',
  'isak.classified': 'Classified in ISAK{version} {date}',
  'isak.noDate': 'Classified in ISAK{version} (the workbook gives no date)',
  'isak.participants': 'participants {names}',
  'isak.owner': 'information owner {name}',
  'isak.systemOwner': 'system owner {name}',
  'isak.file': 'file {file}',
  'isak.sheet': 'sheet {sheet}',
  'isak.imported': 'imported {date} by {who}',
  'ov.showInList': 'Show in the object list',
};
