// Swedish texts for the organisation database (PostgreSQL): connecting and roles.
export const svDatabase = {
  'error.FORBIDDEN':
    'Din roll får inte göra detta. Informationsägaren eller en samordnare kan ändra objektet; behörigheter delas ut av en administratör.',
  'error.DB_UNREACHABLE':
    'Organisationens databas går inte att nå. Kontrollera adressen och nätverket, eller öppna den lokala filen.',
  'error.DB_LOGIN_FAILED': 'Inloggningen till organisationens databas nekades. Kontrollera användarnamn och lösenord.',
  'error.DB_TLS':
    'Ingen säker förbindelse (TLS) till organisationens databas. Servercertifikatet godtogs inte eller servern erbjuder inte TLS.',
  'error.DB_NOT_EMPTY': 'Databasen innehåller redan annat än Infoklass. Infoklass sätts bara upp i en tom databas.',
  'error.CONFLICT':
    'Någon annan har sparat objektet efter att du öppnade det. Det du har skrivit finns kvar; välj om det ska sparas ovanpå deras version.',
  'wizard.conflict':
    '{by} sparade objektet {at}, efter att du öppnade det. Det du har skrivit finns kvar här och är inte sparat.',
  'wizard.conflictKeepMine': 'Behåll mina ändringar och spara',
  'wizard.conflictDiscardMine': 'Släng mina ändringar och visa deras',
  'database.title': 'Databas',
  'database.change': 'Byt databas',
  'database.which': 'Vilken databas ska Infoklass använda?',
  'database.file': 'Den lokala filen (bara för dig)',
  'database.organisation': 'Organisationens databas',
  'database.address': 'Adress (postgresql://…)',
  'database.password': 'Lösenord',
  'database.passwordHint':
    'Lösenordet sparas aldrig. Lämna fältet tomt om er IT har ordnat inloggningen (.pgpass, tjänstefil eller Kerberos).',
  'database.roles': 'Dina roller',
  'database.useFile': 'Använd den lokala filen',
  'database.open': 'Öppna',
  'database.connecting': 'Ansluter…',
};
