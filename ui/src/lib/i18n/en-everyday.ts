// Everyday use: autosave, dates, the compact top bar, the summary grid, aspect letters and the
// export notice.
import type { svEveryday } from './sv-everyday';

export const enEveryday: Record<keyof typeof svEveryday, string> = {
  'wizard.autosaveFailed': 'Could not save automatically: {error} Trying again shortly.',
  'date.placeholder': 'YYYY-MM-DD',
  'date.invalid': 'Write the date as YYYY-MM-DD, e.g. 2026-11-30.',
  'date.calendar': 'Pick the date in a calendar',
  'app.newObjectShort': 'New',
  'app.menu': 'More',
  'app.languageMenu': 'Language: {lang}',
  'step3.setOf': 'Information set: {name}',
  'step5.grid': 'Information sets and levels',
  'step5.set': 'Information set',
  'step5.noMotivation': 'No motivation',
  'step5.changes': 'Changes since approved version {version}',
  'aspect.letter.K': 'C',
  'aspect.letter.R': 'I',
  'aspect.letter.T': 'A',
  'aspect.letter.S': 'T',
  'export.openFile': 'Open the file',
  'export.showFolder': 'Show in folder',
  'export.folder': 'Save exports in the folder',
  'export.folderHint':
    'Leave empty for Downloads. The Save as dialog opens here, and Infoklass remembers the folder you choose.',
  'export.folderSave': 'Save the folder',
  'export.opened': 'The file was opened.',
  'error.EXPORT_CANCELLED': 'The export was cancelled; no file was written.',
  'error.NOT_LAST_EXPORT': 'Only the file exported last can be opened from here.',
  'error.FOLDER_INVALID': 'The folder does not exist or cannot be written to.',
};
