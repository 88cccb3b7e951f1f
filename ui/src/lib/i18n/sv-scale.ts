// Swedish texts for the scale's consequence criteria, the tolerable outage and the role that
// may accept the highest risks (merged into `sv`).
export const svScale = {
  'catalogs.tab.scale': 'Skala och riskmatris',
  'criteria.area.verksamhet': 'Verksamhet',
  'criteria.area.ekonomi': 'Ekonomi',
  'criteria.area.fortroende': 'Förtroende',
  'criteria.area.liv_och_halsa': 'Liv och hälsa',
  'criteria.area.rattslig_efterlevnad': 'Rättslig efterlevnad',
  'criteria.area.enskildas_integritet': 'Enskildas integritet',
  'criteria.title': 'Nivå {level} innebär',
  'criteria.hint':
    'Välj en nivå för att se vad den innebär för verksamhet, ekonomi, förtroende, liv och hälsa, rättslig efterlevnad och enskildas integritet.',
  'criteria.outage': 'Tolerabelt avbrott',
  'criteria.consequenceTitle': 'Konsekvensnivåer',
  'criteria.consequence': 'Konsekvens {value} {name}',

  'topRole.title': 'Acceptans av extremt höga risker',
  'topRole.body':
    'En risk i den högsta nivån (Extremt hög) får bara accepteras av högsta ledningen, som rapporterar beslutet till nämnd eller styrelse. Ange vad rollen heter i er organisation.',
  'topRole.label': 'Roll som får acceptera',
  'topRole.placeholder': 't.ex. Regiondirektör eller Kommundirektör',
  'topRole.save': 'Spara',
  'topRole.saved': 'Sparat.',
  'topRole.current': 'Nu: {title}',
  'accept.topRole':
    'Risken ligger i den högsta nivån. Den får bara accepteras av {title}, som rapporterar beslutet till nämnd eller styrelse.',
};
