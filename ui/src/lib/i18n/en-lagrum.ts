// English texts of the lagrum catalogue (Catalogues → Legal bases) and the organisation-wide lagrum.
import type { svLagrum } from './sv-lagrum';

export const enLagrum: Record<keyof typeof svLagrum, string> = {
  'catalogs.tab.lagrum': 'Legal bases',
  'lagrumList.title': 'Legal bases (lagrum)',
  'lagrumList.intro':
    'The legal bases that can be ticked on an object, the lowest levels they suggest and the requirements they bring. The list is the organisation’s own: export it, edit the file and import it again. A legal basis is retired, never deleted.',
  'lagrumList.version': 'Version {version}',
  'lagrumList.export': 'Export',
  'lagrumList.exportTitle': 'Save the legal bases as a TOML file to edit and import again',
  'lagrumList.import': 'Import …',
  'lagrumList.loadFailed': 'The legal bases could not be read.',
  'lagrumList.objectTitle': 'Legal bases per object',
  'lagrumList.col.lagrum': 'Legal basis',
  'lagrumList.col.minimums': 'Suggests',
  'lagrumList.col.requirements': 'Brings requirements',
  'lagrumList.pick': 'picked aspect reaches {level}',
  'lagrumList.none': 'no levels',
  'lagrumList.retired': 'Retired',
  'orgLagrum.title': 'For the whole organisation',
  'orgLagrum.intro':
    'Legal bases that cover the organisation as a whole. Their requirements then apply to every object without anyone ticking them.',
  'orgLagrum.none': 'None',
  'orgLagrum.cyberLegend': 'Cybersecurity Act (2025:1506)',
  'orgLagrum.saved': 'The choice for the whole organisation is saved.',
  'orgLagrum.chosen': 'Chosen',
  'step4.aspects': 'Which aspect is affected?',
  'step4.aspectsHelp': 'Pick the aspects that reach level 4. Contact the head of protective security.',
  'lagrumImport.title': 'Import legal bases',
  'lagrumImport.intro':
    'Choose a TOML file of legal bases, e.g. one exported here and edited. You see what changes before anything is saved. The file’s version becomes the catalogue’s version.',
  'lagrumImport.file': 'File (.toml)',
  'lagrumImport.reading': 'Reading the file …',
  'lagrumImport.created': 'Added ({n})',
  'lagrumImport.updated': 'Changed ({n})',
  'lagrumImport.retired': 'Retired ({n})',
  'lagrumImport.unchanged': 'Unchanged: {n}',
  'lagrumImport.retireNote':
    'Legal bases missing from the file are retired: no longer offered for new objects, but kept for the objects and requirements that name them.',
  'lagrumImport.nothing': 'The file already matches the list.',
  'lagrumImport.confirm': 'Import',
  'lagrumImport.done':
    'Legal bases imported: {created} new, {updated} changed, {retired} retired, {unchanged} unchanged.',
  'error.LAGRUM_UNKNOWN': 'The legal basis is not in the organisation’s catalogue.',
  'error.LAGRUM_ORGANISATION_WIDE':
    'The legal basis covers the whole organisation; choose it under Catalogues → Legal bases, not per object.',
  'error.LAGRUM_PER_OBJECT': 'The legal basis is ticked per object and cannot be chosen for the whole organisation.',
  'error.LAGRUM_GROUP_TWICE': 'These legal bases are alternatives; choose one of them.',
  'error.LAGRUM_FILE_INVALID': 'The file is not a valid legal-basis file.',
  'error.LAGRUM_VERSION_MISSING': 'The legal-basis file has no version.',
  'error.LAGRUM_KEY_INVALID': 'A key is invalid. A key has 1–40 characters: lower-case a–z, digits and underscores.',
  'error.LAGRUM_KEY_TWICE': 'The same key is used for two legal bases.',
  'error.LAGRUM_GROUP_INVALID': 'A group is invalid or the same as the legal basis’s own key.',
  'error.LAGRUM_NAME_MISSING': 'A legal basis has no Swedish name.',
  'error.LAGRUM_LEVEL_INVALID': 'A suggested level is outside 1–4.',
  'error.CATALOG_LAGRUM_UNKNOWN': 'A condition names a legal basis that is not in the catalogue of legal bases.',
  'error.CATALOG_ISO_OUTSIDE_2022':
    'The number is not an ISO/IEC 27002:2022 control (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34).',
  'catalogImport.warnings': 'Warnings (the import can go ahead)',
};
