// Catalogue texts (requirements, threats, information types) come in Swedish and, where
// translated, English. English mode shows the English text; an untranslated one falls back to
// the Swedish text marked "(sv)", so a reader knows it is not a mistranslation.
import { i18n, t, type Lang } from './i18n/index.svelte';

/** The text to show in `lang`; `mark` follows an untranslated Swedish text. */
export function textFor(lang: Lang, sv: string, en: string, mark = '(sv)'): string {
  if (lang === 'sv' || en.trim() !== '') return lang === 'sv' ? sv : en;
  return sv.trim() === '' ? '' : `${sv} ${mark}`;
}

/** The text in the current language (reactive in templates). */
export const bi = (sv: string, en: string): string => textFor(i18n.lang, sv, en, t('lang.untranslatedMark'));

/**
 * The measure of an action as shown: a row generated from a requirement stores the
 * requirement's Swedish ÄR-text; while nobody has changed it, English mode shows the
 * requirement's English text instead. An edited measure is the user's own and shown as typed.
 */
export function shownMeasure(
  lang: Lang,
  measure: string,
  requirement: { ar_sv: string; ar_en: string } | undefined,
): string {
  if (!requirement || measure !== requirement.ar_sv) return measure;
  return textFor(lang, requirement.ar_sv, requirement.ar_en, t('lang.untranslatedMark'));
}
