// The mock's risk matrix (the values of catalog/risk-matrix.toml) and a small threat catalogue
// over the five origins (the starting point of the mock's editable catalogue, ./threats.ts).
import type { RiskMatrix } from '../bindings/RiskMatrix';
import type { Threat } from '../bindings/Threat';
import type { ThreatOrigin } from '../bindings/ThreatOrigin';

const step = (value: number, name_sv: string, name_en: string, frequency_sv = '') => ({ value, name_sv, name_en, frequency_sv });

export const MATRIX: RiskMatrix = {
  id: 'infoklass-4x4',
  version: '2026.1',
  probability: [
    step(1, 'Mycket liten', 'Very unlikely', 'Kan inträffa någon gång på mer än tio år.'),
    step(2, 'Liten', 'Unlikely', 'Kan inträffa någon gång på tre till tio år.'),
    step(3, 'Stor', 'Likely', 'Kan inträffa någon gång per år eller några gånger på tre år.'),
    step(4, 'Mycket stor', 'Very likely', 'Inträffar flera gånger per år.'),
  ],
  consequence: [step(1, 'Försumbar', 'Negligible'), step(2, 'Måttlig', 'Moderate'), step(3, 'Betydande', 'Significant'), step(4, 'Allvarlig', 'Serious')],
  bands: [
    { key: 'lag', name_sv: 'Låg', name_en: 'Low', min: 1, max: 2, accept_roles: ['riskagare', 'informationsagare', 'ledning'], treat_within_days: 365 },
    { key: 'medel', name_sv: 'Medel', name_en: 'Medium', min: 3, max: 6, accept_roles: ['informationsagare', 'ledning'], treat_within_days: 180 },
    { key: 'hog', name_sv: 'Hög', name_en: 'High', min: 8, max: 12, accept_roles: ['ledning'], treat_within_days: 90 },
    { key: 'extremt-hog', name_sv: 'Extremt hög', name_en: 'Extremely high', min: 16, max: 16, accept_roles: [], treat_within_days: 30 },
  ],
  roles: [
    { key: 'riskagare', name_sv: 'Riskägare', name_en: 'Risk owner' },
    { key: 'informationsagare', name_sv: 'Informationsägare', name_en: 'Information owner' },
    { key: 'ledning', name_sv: 'Förvaltningsledning', name_en: 'Senior management' },
  ],
};

export const ORIGINS: ThreatOrigin[] = [
  { key: 'manniska-avsiktlig', name_sv: 'Människa, avsiktlig', name_en: 'Human, deliberate' },
  { key: 'manniska-oavsiktlig', name_sv: 'Människa, oavsiktlig', name_en: 'Human, accidental' },
  { key: 'teknik', name_sv: 'Teknik', name_en: 'Technology' },
  { key: 'natur', name_sv: 'Natur och miljö', name_en: 'Nature and environment' },
  { key: 'administration', name_sv: 'Administration', name_en: 'Administration' },
];

type Row = [key: string, origin: string, sv: string, en: string, description: string, cause: string, consequence: string, aspects: string];
const ROWS: Row[] = [
  ['HOT-01', 'manniska-avsiktlig', 'Nätfiske', 'Phishing', 'En angripare lurar till sig en giltig inloggning med ett falskt meddelande.', 'bristande kunskap om falska inloggningssidor', 'att uppgifter läcker till obehöriga', 'K'],
  ['HOT-02', 'manniska-avsiktlig', 'Skadlig kod och utpressning', 'Malware and ransomware', 'Skadlig kod krypterar eller förstör informationen.', 'saknade säkerhetsuppdateringar', 'att verksamheten står still och information går förlorad', 'R,T'],
  ['HOT-03', 'manniska-avsiktlig', 'Obehörig läsning av anställd', 'Insider snooping', 'En användare läser uppgifter som arbetet inte kräver.', 'för breda behörigheter', 'att den enskildes integritet kränks', 'K,S'],
  ['HOT-04', 'manniska-oavsiktlig', 'Felaktig registrering', 'Data entry error', 'Uppgifter registreras fel eller på fel person.', 'formulär utan kontroller', 'att beslut fattas på felaktiga uppgifter', 'R'],
  ['HOT-05', 'manniska-oavsiktlig', 'Felsänd information', 'Misdirected information', 'Information skickas till fel mottagare.', 'e-post utan kontroll av mottagaren', 'att uppgifter röjs för obehöriga', 'K'],
  ['HOT-06', 'manniska-oavsiktlig', 'Oavsiktlig radering', 'Accidental deletion', 'Information raderas av misstag.', 'radering utan bekräftelse', 'att information måste återskapas eller går förlorad', 'R,T'],
  ['HOT-07', 'teknik', 'Driftavbrott', 'System outage', 'Systemet går inte att använda under en längre tid.', 'en driftmiljö utan redundans', 'att handläggningen står still', 'T'],
  ['HOT-08', 'teknik', 'Bristande loggning', 'Insufficient logging', 'Det går inte att följa upp vem som gjort vad.', 'avstängd eller för kort sparad loggning', 'att intrång och fel inte kan utredas', 'S'],
  ['HOT-09', 'natur', 'Brand eller vattenskada', 'Fire or flood', 'Serverrummet skadas av brand eller vatten.', 'att all utrustning finns på en plats', 'att system och information blir otillgängliga', 'T,R'],
  ['HOT-10', 'natur', 'Långvarigt strömavbrott', 'Long power cut', 'Strömmen försvinner under flera timmar.', 'saknad reservkraft', 'att systemet stannar', 'T'],
  ['HOT-11', 'administration', 'Oklart ansvar', 'Unclear responsibility', 'Ingen följer upp behörigheter, avtal och brister.', 'ett förvaltningsansvar som inte är utpekat', 'att brister inte upptäcks i tid', 'K,R,T,S'],
  ['HOT-12', 'administration', 'Avtalsbrott hos leverantör', 'Supplier breach', 'Leverantören hanterar informationen i strid med avtalet.', 'ett avtal utan säkerhetskrav och uppföljning', 'att uppgifter hamnar utanför organisationens kontroll', 'K,T'],
];

export const THREATS: Threat[] = ROWS.map(([key, origin, name_sv, name_en, description_sv, cause_sv, consequence_sv, aspects]) => ({
  key, origin, name_sv, name_en, description_sv, cause_sv, consequence_sv, aspects: aspects.split(',') as Threat['aspects'], retired: false,
}));
