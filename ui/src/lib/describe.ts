// Readable texts for codes and structures from the backend (issues, origins, changes, suggestions).
import type { Aspect } from './bindings/Aspect';
import type { Change } from './bindings/Change';
import type { Issue } from './bindings/Issue';
import type { Lagrum } from './bindings/Lagrum';
import type { Origin } from './bindings/Origin';
import type { Suggestion } from './bindings/Suggestion';
import { appData } from './app-data.svelte';
import { i18n, t, tCode } from './i18n/index.svelte';

export function aspectName(a: Aspect | null | undefined): string {
  return a ? t(`aspect.${a}`) : '';
}

/** The aspect's letter in the UI language: K/R/T/S in Swedish, C/I/A/T in English. */
export function aspectLetter(a: Aspect): string {
  return t(`aspect.letter.${a}`);
}

/** A lagrum's name from the organisation's lagrum catalogue, in the UI language; the key
 * itself when the catalogue does not know it. */
export function lagrumName(l: Lagrum | string | null | undefined): string {
  if (!l) return '';
  const def = appData.lagrum.find((e) => e.lagrum.key === l)?.lagrum;
  if (!def) return l;
  return (i18n.lang === 'en' && def.name_en.trim()) || def.name_sv;
}

/** A lagrum's help text in the UI language. */
export function lagrumHelp(l: Lagrum | string): string {
  const def = appData.lagrum.find((e) => e.lagrum.key === l)?.lagrum;
  if (!def) return '';
  return (i18n.lang === 'en' && def.help_en.trim()) || def.help_sv;
}

export function issueText(issue: Issue): string {
  const params = {
    set: issue.set_name?.trim() || t('issue.unnamedSet'),
    aspect: aspectName(issue.aspect),
    lagrum: lagrumName(issue.lagrum),
  };
  return tCode(`issue.${issue.code}`, issue.code, params);
}

export function originText(o: Origin): string {
  switch (o.kind) {
    case 'set':
      return t('origin.set', { name: o.name.trim() || t('issue.unnamedSet') });
    case 'lagrum':
      return t('origin.lagrum', { lagrum: lagrumName(o.lagrum) });
    case 'uplift':
      return t('origin.uplift', { reason: t(`uplift.${o.reason}`) });
  }
}

export function suggestionText(s: Suggestion): string {
  return t(s.met ? 'suggestion.met' : 'suggestion.unmet', {
    aspect: s.aspect,
    min: s.min_level,
    current: s.current ?? '–',
  });
}

function lagrumStatus(status: string): string {
  return status ? tCode(`lagrumStatus.${status}`, status) : t('change.none');
}

/** One line per change between the approved version and the draft. */
export function changeText(c: Change): string {
  const aspect = aspectName(c.aspect);
  const old = c.old || t('change.none');
  const next = c.new || t('change.none');
  switch (c.kind) {
    case 'set_added':
      return t('change.set_added', { name: c.new || c.subject });
    case 'set_removed':
      return t('change.set_removed', { name: c.old || c.subject });
    case 'set_renamed':
      return t('change.set_renamed', { old, new: next });
    case 'level':
      return t('change.level', { set: c.subject, aspect, old, new: next });
    case 'motivation':
      return t('change.motivation', { set: c.subject, aspect });
    case 'uplift':
      return t('change.uplift', { aspect, old, new: next });
    case 'lagrum':
      return t('change.lagrum', { lagrum: lagrumName(c.subject), old: lagrumStatus(c.old), new: lagrumStatus(c.new) });
    case 'profile':
      return t('change.profile', { aspect, old, new: next });
    case 'meta':
      return t('change.meta', { field: tCode(`field.${c.subject}`, c.subject), old, new: next });
    default:
      return `${c.kind} ${c.subject}: ${old} → ${next}`;
  }
}
