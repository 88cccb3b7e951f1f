// Three-way merge of a form after someone else saved the same object: what this user changed
// since the version they opened (`base`) is laid over what the other person saved (`theirs`);
// everything this user left alone takes the other person's value. Objects merge key by key;
// lists and plain values are taken whole, this user's when both changed them.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function merge3<T>(base: T, mine: T, theirs: T): T {
  if (same(mine, base)) return theirs;
  if (same(theirs, base) || same(mine, theirs)) return mine;
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const out: Record<string, Json> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const merged = merge3(base[key], mine[key], theirs[key]);
      if (merged !== undefined) out[key] = merged;
    }
    return out as T;
  }
  return mine;
}
