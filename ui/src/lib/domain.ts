// Fixed vocabularies of the contract, in display order.
import type { Aspect } from './bindings/Aspect';
import type { Hosting } from './bindings/Hosting';
import type { ObjectKind } from './bindings/ObjectKind';
import type { PerAspect } from './bindings/PerAspect';
import type { Status } from './bindings/Status';
import type { UpliftReason } from './bindings/UpliftReason';

export const ASPECTS: Aspect[] = ['K', 'R', 'T', 'S'];
export const KINDS: ObjectKind[] = ['system', 'process', 'tjanst', 'informationsmangd'];
export const STATUSES: Status[] = ['utkast', 'faststalld', 'ersatt'];
export const HOSTINGS: Hosting[] = ['egen', 'moln', 'hybrid'];
export const UPLIFT_REASONS: UpliftReason[] = ['ackumulering', 'aggregering', 'integration'];

export function perAspect<T>(f: (a: Aspect) => T): PerAspect<T> {
  return { K: f('K'), R: f('R'), T: f('T'), S: f('S') };
}
