// The mock's requirement catalogue: five areas and seventeen requirements in the project's
// own words, with triggers in the backend's grammar ("baseline", "K>=2", "R>=3 or T>=3",
// "lagrum:patientdatalagen"). `?catalog=big` adds generated requirements (about 100 in all).
import type { Aspect } from '../bindings/Aspect';
import type { Lagrum } from '../bindings/Lagrum';
import type { Obligation } from '../bindings/Obligation';
import type { PerAspect } from '../bindings/PerAspect';
import type { Term } from '../bindings/Term';

export type MockRequirement = {
  key: string; area: string; aspects: Aspect[]; trigger: string; title_sv: string; title_en: string;
  ar_sv: string; ska_sv: string; obligation: Obligation; guidance_sv: string; iso27002: string[]; nis2: string | null;
};

export const AREAS: Record<string, [string, string]> = {
  behorighet: ['Behörighet och åtkomst', 'Access control'],
  loggning: ['Loggning och logguppföljning', 'Logging and log review'],
  sakerhetskopiering: ['Säkerhetskopiering', 'Backup'],
  kontinuitet: ['Kontinuitet', 'Continuity'],
  leverantorer: ['Leverantörer och avtal', 'Suppliers and agreements'],
};

type Row = [key: string, area: string, aspects: string, trigger: string, title_sv: string, title_en: string, ar: string, ska: string, ob: Obligation, iso: string, nis2: string | null];

const ROWS: Row[] = [
  ['BEH-01', 'behorighet', 'KR', 'baseline', 'Behörighet efter behov', 'Need-based access', 'Användare får bara de behörigheter arbetsuppgifterna kräver.', 'Leverantören ska kunna begränsa varje användares åtkomst till de funktioner och uppgifter som rollen kräver.', 'ska', '5.15 5.18', 'Åtkomstkontroll'],
  ['BEH-02', 'behorighet', 'K', 'K>=2', 'Regelbunden översyn av behörigheter', 'Regular access review', 'Behörigheterna ses över minst en gång per år och när någon byter tjänst.', 'Leverantören ska tillhandahålla en rapport över samtliga behörigheter per användare och roll.', 'ska', '5.18', 'Åtkomstkontroll'],
  ['BEH-03', 'behorighet', 'K', 'K>=3', 'Stark autentisering', 'Strong authentication', 'Inloggning sker med minst två faktorer.', 'Leverantören ska stödja inloggning med flerfaktorsautentisering via organisationens identitetstjänst.', 'ska', '8.5', 'Autentisering'],
  ['BEH-04', 'behorighet', 'KS', 'lagrum:patientdatalagen', 'Behovs- och riskanalys', 'Needs and risk analysis', 'Tilldelningen av behörigheter bygger på en dokumenterad behovs- och riskanalys.', 'Leverantören ska kunna styra åtkomst per vårdenhet och vårdrelation enligt organisationens behovs- och riskanalys.', 'ska', '5.15', null],
  ['LOG-01', 'loggning', 'S', 'baseline', 'Säkerhetsloggning', 'Security logging', 'Inloggningar, misslyckade inloggningar och ändrade behörigheter loggas.', 'Leverantören ska logga inloggningar, misslyckade inloggningsförsök och ändringar av behörigheter.', 'ska', '8.15', 'Incidenthantering'],
  ['LOG-02', 'loggning', 'S', 'S>=2', 'Uppföljning av loggar', 'Log review', 'Loggarna följs upp systematiskt och avvikelser utreds.', 'Leverantören ska tillhandahålla verktyg för att söka och följa upp loggar per användare och per informationsmängd.', 'ska', '8.15 8.16', 'Incidenthantering'],
  ['LOG-03', 'loggning', 'S', 'lagrum:patientdatalagen', 'Åtkomstlogg för journaluppgifter', 'Access log for patient records', 'Varje åtkomst till journaluppgifter loggas och kan redovisas för patienten.', 'Leverantören ska logga varje läsning av journaluppgifter och kunna ta fram en loggutskrift per patient.', 'ska', '8.15', null],
  ['SAK-01', 'sakerhetskopiering', 'RT', 'baseline', 'Säkerhetskopiering', 'Backup', 'Informationen säkerhetskopieras minst en gång i veckan.', 'Leverantören ska säkerhetskopiera informationen minst en gång i veckan.', 'ska', '8.13', 'Kontinuitet'],
  ['SAK-02', 'sakerhetskopiering', 'R', 'R>=3', 'Daglig kopia med återläsningstest', 'Daily backup with restore tests', 'Informationen kopieras dagligen och återläsning provas minst två gånger per år.', 'Leverantören ska säkerhetskopiera dagligen och redovisa resultatet av återläsningstester minst två gånger per år.', 'ska', '8.13', 'Kontinuitet'],
  ['SAK-03', 'sakerhetskopiering', 'T', 'T>=2', 'Kopia på annan plats', 'Off-site copy', 'En säkerhetskopia förvaras skild från driftmiljön.', 'Leverantören ska förvara minst en säkerhetskopia fysiskt och logiskt åtskild från driftmiljön.', 'bor', '8.13 8.14', 'Kontinuitet'],
  ['KON-01', 'kontinuitet', 'T', 'T>=2', 'Kontinuitetsplan', 'Continuity plan', 'Det finns en övad plan för hur verksamheten klarar sig vid avbrott.', 'Leverantören ska ha en dokumenterad och övad plan för att återställa tjänsten efter avbrott.', 'ska', '5.29 5.30', 'Kontinuitet'],
  ['KON-02', 'kontinuitet', 'T', 'T>=3', 'Redundant drift', 'Redundant operation', 'Driften är redundant så att ett enskilt fel inte stoppar tjänsten.', 'Leverantören ska driva tjänsten redundant utan gemensamma felpunkter.', 'bor', '8.14', 'Kontinuitet'],
  ['KON-03', 'kontinuitet', 'RT', 'R>=3 or T>=3', 'Återställningstid', 'Recovery time', 'Längsta tillåtna avbrott och dataförlust är fastställda och kända.', 'Leverantören ska åta sig en längsta återställningstid och en största dataförlust enligt bilaga.', 'ska', '5.30', 'Kontinuitet'],
  ['LEV-01', 'leverantorer', 'KRTS', 'baseline', 'Säkerhetskrav i avtal', 'Security terms in agreements', 'Avtalet med leverantören reglerar informationssäkerhet och personuppgiftsbehandling.', 'Leverantören ska teckna personuppgiftsbiträdesavtal och följa organisationens säkerhetskrav.', 'ska', '5.19 5.20', 'Leverantörskedjan'],
  ['LEV-02', 'leverantorer', 'K', 'K>=2', 'Tystnadsplikt hos leverantören', 'Supplier confidentiality', 'Leverantörens personal har tystnadsplikt och bakgrundskontrolleras vid behov.', 'Leverantören ska se till att all personal med åtkomst har skriftlig tystnadsplikt.', 'ska', '6.6', 'Leverantörskedjan'],
  ['LEV-03', 'leverantorer', 'T', 'T>=2', 'Avtalad tillgänglighet', 'Agreed availability', 'Tillgänglighet och supporttider är avtalade och följs upp.', 'Leverantören ska garantera en tillgänglighet på minst 99,5 % under kontorstid och rapportera den månadsvis.', 'bor', '5.20', null],
  ['LEV-04', 'leverantorer', 'S', 'S>=2', 'Loggar tillgängliga för kunden', 'Logs available to the customer', 'Organisationen kan få ut leverantörens loggar vid en incident.', 'Leverantören ska lämna ut loggar som rör organisationens information inom ett dygn på begäran.', 'bor', '5.20 8.15', 'Incidenthantering'],
];

function fromRow(r: Row): MockRequirement {
  return {
    key: r[0], area: r[1], aspects: [...r[2]] as Aspect[], trigger: r[3], title_sv: r[4], title_en: r[5], ar_sv: r[6],
    ska_sv: r[7], obligation: r[8], guidance_sv: `Vägledning för ${r[4].toLowerCase()}: beskriv hur kravet uppfylls och var underlaget finns.`,
    iso27002: r[9].split(' '), nis2: r[10],
  };
}

export function catalogRequirements(big: boolean): MockRequirement[] {
  const list = ROWS.map(fromRow);
  if (!big) return list;
  const areas = Object.keys(AREAS);
  for (let i = 1; i <= 85; i++) {
    const area = areas[i % areas.length];
    list.push({
      ...list[i % list.length], key: `EXT-${String(i).padStart(3, '0')}`, area, trigger: 'baseline',
      title_sv: `Kompletterande krav ${i}`, title_en: `Additional requirement ${i}`,
    });
  }
  return list.sort((a, b) => areas.indexOf(a.area) - areas.indexOf(b.area));
}

function parseTerm(text: string): Term {
  if (text === 'baseline') return { kind: 'baseline' };
  if (text.startsWith('lagrum:')) return { kind: 'lagrum', lagrum: text.slice(7) as Lagrum };
  const [aspect, min] = text.split('>=');
  return { kind: 'level', aspect: aspect as Aspect, min: Number(min) };
}

/** The terms of every alternative that holds; empty when the trigger does not apply. */
export function matchingTerms(trigger: string, levels: PerAspect<number | null>, lagrum: Lagrum[]): Term[] {
  const holds = (t: Term) =>
    t.kind === 'baseline' ||
    (t.kind === 'level' && (levels[t.aspect] ?? -1) >= t.min) ||
    (t.kind === 'lagrum' && lagrum.includes(t.lagrum));
  const out: Term[] = [];
  for (const alt of trigger.split(' or ').map((a) => a.split(' and ').map((s) => parseTerm(s.trim())))) {
    if (!alt.every(holds)) continue;
    for (const t of alt) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(t))) out.push(t);
  }
  return out;
}
