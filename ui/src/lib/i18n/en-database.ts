// English texts for the organisation database (PostgreSQL): connecting and roles.
import type { svDatabase } from './sv-database';

export const enDatabase: Record<keyof typeof svDatabase, string> = {
  'error.FORBIDDEN':
    'Your role may not do this. The information owner or a coordinator can change the object; an administrator hands out roles.',
  'error.DB_UNREACHABLE':
    "The organisation's database cannot be reached. Check the address and the network, or open the local file.",
  'error.DB_LOGIN_FAILED': "The login to the organisation's database was refused. Check the user name and password.",
  'error.DB_TLS':
    "No secure (TLS) connection to the organisation's database. The server certificate was not accepted or the server offers no TLS.",
  'error.DB_NOT_EMPTY': 'The database already holds other data. Infoklass is set up only in an empty database.',
  'error.CONFLICT':
    'Someone else saved the object after you opened it. What you typed is kept; choose whether to save it on top of their version.',
  'wizard.conflict': '{by} saved the object at {at}, after you opened it. What you typed is still here and not saved.',
  'wizard.conflictKeepMine': 'Keep my changes and save',
  'wizard.conflictDiscardMine': 'Discard my changes and show theirs',
  'database.title': 'Database',
  'database.change': 'Change database',
  'database.which': 'Which database should Infoklass use?',
  'database.file': 'The local file (only for you)',
  'database.organisation': "The organisation's database",
  'database.address': 'Address (postgresql://…)',
  'database.password': 'Password',
  'database.passwordHint':
    'The password is never stored. Leave it empty when your IT has set up the login (.pgpass, service file or Kerberos).',
  'database.roles': 'Your roles',
  'database.useFile': 'Use the local file',
  'database.open': 'Open',
  'database.connecting': 'Connecting…',
};
