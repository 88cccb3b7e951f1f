// Reports as PDF: Klassningsbeslut and Riskanalys on the object page, Lägesrapport on Översikt.
export const svReports = {
  'report.button': 'Skapa rapport',
  'report.title': 'Skapa rapport (PDF)',
  'report.kind': 'Rapport',
  'report.object': 'Klassningsbeslut',
  'report.risk': 'Riskanalys',
  'report.overview': 'Lägesrapport',
  'report.overviewScope': 'Lägesrapport för {scope}',
  'report.wholeOrganisation': 'hela organisationen',
  'report.language': 'Rapportens språk',
  'report.make': 'Skapa',
  'report.making': 'Skapar rapporten …',
  'report.hint': 'Rapporten sparas som PDF/A i exportmappen.',
};
