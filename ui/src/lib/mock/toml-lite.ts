// A line-based reader for the TOML our list exports write (threats, information types): a
// top table, then `[[name]]` tables whose lines are `field = value` with a value of
// "text", 'text', true|false, a whole number, ["K", "R"] or { K = 0, R = 1 }. Anything else
// throws an Error whose message says where and why (the backend's *_FILE_INVALID).

export type Value = string | boolean | number | string[] | Record<string, number>;
export type Table = { line: number; fields: Map<string, Value> };

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

function readString(s: string): [string, string] {
  if (s.startsWith("'")) {
    const end = s.indexOf("'", 1);
    if (end < 0) throw new Error('unterminated string');
    return [s.slice(1, end), s.slice(end + 1)];
  }
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return [out, s.slice(i + 1)];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[++i];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (e in ESCAPES) out += ESCAPES[e];
    else throw new Error(`invalid escape \\${e ?? ''}`);
  }
  throw new Error('unterminated string');
}

/** A sequence of items up to `close`, separated by commas. */
function readSeq<T>(s: string, close: string, item: (s: string) => [T, string]): [T[], string] {
  const items: T[] = [];
  let rest = s.trimStart();
  while (!rest.startsWith(close)) {
    const [v, after] = item(rest);
    items.push(v);
    rest = after.trimStart();
    if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
    else if (!rest.startsWith(close)) throw new Error(`expected , or ${close}`);
  }
  return [items, rest.slice(1)];
}

/** The value at the start of `s` and what follows it. */
function readValue(s: string): [Value, string] {
  if (s.startsWith("'") || s.startsWith('"')) return readString(s);
  const bool = /^(true|false)\b/.exec(s);
  if (bool) return [bool[1] === 'true', s.slice(bool[1].length)];
  const int = /^[+-]?\d+\b/.exec(s);
  if (int) return [Number(int[0]), s.slice(int[0].length)];
  if (s.startsWith('[')) {
    return readSeq(s.slice(1), ']', (rest) => {
      const [v, after] = readValue(rest);
      if (typeof v !== 'string') throw new Error('an array may only hold strings');
      return [v, after];
    });
  }
  if (s.startsWith('{')) {
    const [pairs, rest] = readSeq(s.slice(1), '}', (part) => {
      const m = /^([A-Za-z0-9_-]+)\s*=\s*/.exec(part);
      if (!m) throw new Error('expected `name = number` in the inline table');
      const [v, after] = readValue(part.slice(m[0].length));
      if (typeof v !== 'number') throw new Error(`\`${m[1]}\` must be a whole number`);
      return [[m[1], v] as const, after];
    });
    return [Object.fromEntries(pairs), rest];
  }
  throw new Error('expected a value ("text", a number, true, false, [...] or {...})');
}

/** The top table and each `[[name]]` table of the file, by name, in order. */
export function readTables(text: string, names: string[]): { top: Table; lists: Record<string, Table[]> } {
  const top: Table = { line: 1, fields: new Map() };
  const lists: Record<string, Table[]> = Object.fromEntries(names.map((n) => [n, []]));
  let current = top;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const at = (why: string) => new Error(`line ${i + 1}: ${why}`);
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[\[\s*([a-z_]+)\s*\]\]\s*(#.*)?$/.exec(line);
    if (header && names.includes(header[1])) {
      current = { line: i + 1, fields: new Map() };
      lists[header[1]].push(current);
      return;
    }
    if (line.startsWith('[')) throw at(`unknown table ${line}`);
    const kv = /^([A-Za-z0-9_-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) throw at('expected `name = value`');
    if (current.fields.has(kv[1])) throw at(`duplicate key \`${kv[1]}\``);
    try {
      const [value, rest] = readValue(kv[2]);
      if (rest.trim() !== '' && !rest.trim().startsWith('#')) throw new Error('unexpected text after the value');
      current.fields.set(kv[1], value);
    } catch (e) {
      throw at((e as Error).message);
    }
  });
  return { top, lists };
}

/**
 * The table's fields: `texts` must be there as strings; `others` are allowed too (with a
 * default unless undefined) and checked by the caller. Unknown fields are refused.
 */
export function fieldsOf(table: Table, what: string, texts: string[], others: Record<string, Value | undefined> = {}) {
  const out: Record<string, Value | undefined> = { ...others };
  for (const [name, value] of table.fields) {
    if (!texts.includes(name) && !(name in others)) throw new Error(`${what} (line ${table.line}): unknown field \`${name}\``);
    out[name] = value;
  }
  for (const name of texts) {
    if (!(name in out)) throw new Error(`${what} (line ${table.line}): missing field \`${name}\``);
    if (typeof out[name] !== 'string') throw new Error(`${what} (line ${table.line}): \`${name}\` must be text`);
  }
  return out;
}

/** The text of an uploaded file; anything unreadable fails with the list's `code`. */
export function fileText(fileName: string, base64: string, code: string, fail: (code: string, message: string) => never): string {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64.trim()), (c) => c.charCodeAt(0));
  } catch {
    return fail('FILE_ERROR', `${fileName} could not be read: invalid base64`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(code, `${fileName}: it is not UTF-8 text`);
  }
}
