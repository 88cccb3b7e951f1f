// English texts for the scale's consequence criteria, the tolerable outage and the role that
// may accept the highest risks.
import type { svScale } from './sv-scale';

export const enScale: Record<keyof typeof svScale, string> = {
  'catalogs.tab.scale': 'Scale and risk matrix',
  'criteria.area.verksamhet': 'Operations',
  'criteria.area.ekonomi': 'Finances',
  'criteria.area.fortroende': 'Trust',
  'criteria.area.liv_och_halsa': 'Life and health',
  'criteria.area.rattslig_efterlevnad': 'Legal compliance',
  'criteria.area.enskildas_integritet': "Individuals' privacy",
  'criteria.title': 'Level {level} means',
  'criteria.hint':
    'Choose a level to see what it means for operations, finances, trust, life and health, legal compliance and privacy.',
  'criteria.outage': 'Tolerable outage',
  'criteria.consequenceTitle': 'Consequence levels',
  'criteria.consequence': 'Consequence {value} {name}',

  'topRole.title': 'Accepting extremely high risks',
  'topRole.body':
    'A risk in the highest band (Extremely high) may only be accepted by top management, who report the decision to the board. Enter what the role is called in your organisation.',
  'topRole.label': 'Role that may accept',
  'topRole.placeholder': 'e.g. Regional director or Municipal director',
  'topRole.save': 'Save',
  'topRole.saved': 'Saved.',
  'topRole.current': 'Now: {title}',
  'accept.topRole':
    'The risk lies in the highest band. Only {title} may accept it, and reports the decision to the board.',
};
