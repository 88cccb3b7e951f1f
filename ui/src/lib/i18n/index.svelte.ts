// A small translation module: Swedish by default, English selectable and remembered.
// `t` reads the current language, so texts in templates update when it changes.
import { en } from './en';
import { enAnswered } from './en-answered';
import { enDatabase } from './en-database';
import { enEveryday } from './en-everyday';
import { enDeps } from './en-deps';
import { enImport } from './en-import';
import { enInfoTypes } from './en-infotypes';
import { enOverview } from './en-overview';
import { enObjList } from './en-objlist';
import { enOrgReq } from './en-orgreq';
import { enLagrum } from './en-lagrum';
import { enProc } from './en-proc';
import { enReq } from './en-req';
import { enReports } from './en-reports';
import { enRisk } from './en-risk';
import { enScale } from './en-scale';
import { enThreats } from './en-threats';
import { sv } from './sv';
import { svAnswered } from './sv-answered';
import { svDatabase } from './sv-database';
import { svEveryday } from './sv-everyday';
import { svDeps } from './sv-deps';
import { svImport } from './sv-import';
import { svInfoTypes } from './sv-infotypes';
import { svOverview } from './sv-overview';
import { svObjList } from './sv-objlist';
import { svOrgReq } from './sv-orgreq';
import { svLagrum } from './sv-lagrum';
import { svProc } from './sv-proc';
import { svReq } from './sv-req';
import { svReports } from './sv-reports';
import { svRisk } from './sv-risk';
import { svScale } from './sv-scale';
import { svThreats } from './sv-threats';

export type Lang = 'sv' | 'en';
const svAll = {
  ...sv,
  ...svReq,
  ...svProc,
  ...svRisk,
  ...svImport,
  ...svThreats,
  ...svInfoTypes,
  ...svOverview,
  ...svOrgReq,
  ...svAnswered,
  ...svEveryday,
  ...svLagrum,
  ...svDeps,
  ...svDatabase,
  ...svScale,
  ...svObjList,
  ...svReports,
};
export type Key = keyof typeof svAll;

const dictionaries: Record<Lang, Record<Key, string>> = {
  sv: svAll,
  en: {
    ...en,
    ...enReq,
    ...enProc,
    ...enRisk,
    ...enImport,
    ...enThreats,
    ...enInfoTypes,
    ...enOverview,
    ...enOrgReq,
    ...enAnswered,
    ...enEveryday,
    ...enLagrum,
    ...enDeps,
    ...enDatabase,
    ...enScale,
    ...enObjList,
    ...enReports,
  },
};
const STORAGE_KEY = 'infoklass.lang';

function savedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export const i18n = $state<{ lang: Lang }>({ lang: savedLang() });

export function setLang(lang: Lang): void {
  i18n.lang = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
}

type Params = Record<string, string | number>;

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(key: Key, params?: Params): string {
  return fill(dictionaries[i18n.lang][key], params);
}

/** A count: `key.one` for exactly one when the dictionary has it, else `key`; `{n}` is filled. */
export function tn(key: Key, n: number, params?: Params): string {
  const dict = dictionaries[i18n.lang] as Record<string, string>;
  const one = `${key}.one`;
  return fill(n === 1 && one in dict ? dict[one] : dict[key], { ...params, n });
}

/** For keys built from codes that may be unknown to this version (e.g. a new error code). */
export function tCode(key: string, fallback: string, params?: Params): string {
  const dict = dictionaries[i18n.lang] as Record<string, string>;
  return key in dict ? fill(dict[key], params) : fallback;
}

/** Picks the Swedish or English variant of backend text (scale, information types). */
export function loc<T>(sv: T, en: T): T {
  return i18n.lang === 'en' ? en : sv;
}

/** The name of something the organisation names in both languages; Swedish when English is blank. */
export const named = (x: { name_sv: string; name_en: string }): string => loc(x.name_sv, x.name_en || x.name_sv);
