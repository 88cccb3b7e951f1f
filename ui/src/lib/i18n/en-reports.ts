// Reports as PDF: Klassningsbeslut and Riskanalys on the object page, Lägesrapport on Översikt.
import type { svReports } from './sv-reports';

export const enReports: Record<keyof typeof svReports, string> = {
  'report.button': 'Create report',
  'report.title': 'Create report (PDF)',
  'report.kind': 'Report',
  'report.object': 'Classification decision',
  'report.risk': 'Risk analysis',
  'report.overview': 'Status report',
  'report.overviewScope': 'Status report for {scope}',
  'report.wholeOrganisation': 'the whole organisation',
  'report.language': 'Language of the report',
  'report.make': 'Create',
  'report.making': 'Creating the report …',
  'report.hint': 'The report is saved as PDF/A in the export folder.',
};
