//! PostgreSQL's side of the SQL layer: binding and reading [`Value`]s by the type the server
//! asks for or returns (so an integer parameter fits a BIGINT, an INT or a TEXT column, as it
//! would in SQLite), and the few SQLite spellings the store's queries use that PostgreSQL
//! spells otherwise.

use std::error::Error as StdError;

use bytes::BytesMut;
use postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};

use super::Value;

type BoxError = Box<dyn StdError + Sync + Send>;

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => int_to_sql(*i, ty, out),
            Value::Real(f) => match *ty {
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::FLOAT8 => f.to_sql(ty, out),
                _ if is_text(ty) => f.to_string().as_str().to_sql(&Type::TEXT, out),
                _ => Err(format!("a real number cannot be stored as {ty}").into()),
            },
            Value::Text(s) => match *ty {
                Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL => {
                    let i: i64 = s.trim().parse().map_err(|_| format!("\"{s}\" is not an integer"))?;
                    int_to_sql(i, ty, out)
                }
                Type::JSONB => {
                    out.extend_from_slice(&[1]);
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::JSON => {
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                _ => s.as_str().to_sql(&Type::TEXT, out),
            },
            Value::Blob(b) => b.as_slice().to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn is_text(ty: &Type) -> bool {
    matches!(*ty, Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN)
}

fn int_to_sql(i: i64, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    match *ty {
        Type::INT8 => i.to_sql(ty, out),
        Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
        Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
        Type::BOOL => (i != 0).to_sql(ty, out),
        Type::FLOAT8 => (i as f64).to_sql(ty, out),
        Type::NUMERIC => numeric_from_int(i, out),
        _ => i.to_string().as_str().to_sql(&Type::TEXT, out),
    }
}

impl<'a> FromSql<'a> for Value {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Ok(match *ty {
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Int(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Int(i16::from_sql(ty, raw)?.into()),
            Type::OID => Value::Int(u32::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Int(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::NUMERIC => numeric(raw)?,
            Type::BYTEA => Value::Blob(raw.to_vec()),
            Type::JSONB => Value::Text(String::from_utf8(raw.get(1..).unwrap_or_default().to_vec())?),
            _ => Value::Text(String::from_utf8(raw.to_vec())?),
        })
    }

    fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
        Ok(Value::Null)
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// NUMERIC (what SUM and AVG of integers give): base-10000 digits with a weight. Whole
/// numbers become integers, as SQLite gives them.
fn numeric(raw: &[u8]) -> Result<Value, BoxError> {
    let word = |i: usize| -> Result<i16, BoxError> {
        raw.get(i..i + 2).map(|b| i16::from_be_bytes([b[0], b[1]])).ok_or_else(|| "a short NUMERIC value".into())
    };
    let (ndigits, weight, sign) = (word(0)? as usize, word(2)? as i32, word(4)? as u16);
    if sign == 0xC000 {
        return Ok(Value::Real(f64::NAN));
    }
    let digits: Vec<i64> = (0..ndigits).map(|i| word(8 + 2 * i).map(i64::from)).collect::<Result<_, _>>()?;
    let negative = sign == 0x4000;
    let whole = weight >= ndigits as i32 - 1;
    if whole && weight < 4 {
        let mut n: i64 = 0;
        for (i, d) in digits.iter().enumerate() {
            n += d * 10_000i64.pow((weight - i as i32) as u32);
        }
        return Ok(Value::Int(if negative { -n } else { n }));
    }
    let mut f = 0.0;
    for (i, d) in digits.iter().enumerate() {
        f += *d as f64 * 10_000f64.powi(weight - i as i32);
    }
    Ok(Value::Real(if negative { -f } else { f }))
}

fn numeric_from_int(i: i64, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    let mut n = i.unsigned_abs();
    let mut digits = Vec::new();
    while n > 0 {
        digits.push((n % 10_000) as i16);
        n /= 10_000;
    }
    digits.reverse();
    let weight = digits.len() as i16 - 1;
    out.extend_from_slice(&(digits.len() as i16).to_be_bytes());
    out.extend_from_slice(&weight.max(0).to_be_bytes());
    out.extend_from_slice(&(if i < 0 { 0x4000u16 } else { 0 }).to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_be_bytes());
    }
    Ok(IsNull::No)
}

/// The store's SQL in PostgreSQL's spelling, and which of the caller's parameters (by their
/// index from 0) go into `$1`, `$2`, …: SQLite lets a statement skip a number (`?1, ?2, ?4`),
/// while PostgreSQL must know the type of every parameter up to the highest, so the numbers
/// are closed up and the values picked to match.
pub fn translate(sql: &str) -> (String, Vec<usize>) {
    let spelled = spell(sql);
    let mut used: Vec<usize> = Vec::new();
    rewrite_numbers(&spelled, |n| used.push(n));
    used.sort_unstable();
    used.dedup();
    let out = rewrite_numbers(&spelled, |_| {});
    let renumbered = renumber(&out, &used);
    (renumbered, used.iter().map(|n| n - 1).collect())
}

/// Calls `seen` with every `$N` outside quotes; returns the text unchanged.
fn rewrite_numbers(sql: &str, mut seen: impl FnMut(usize)) -> String {
    scan_numbers(sql, |n| {
        seen(n);
        n
    })
}

fn renumber(sql: &str, used: &[usize]) -> String {
    scan_numbers(sql, |n| used.iter().position(|u| *u == n).map_or(n, |i| i + 1))
}

/// Rewrites every `$N` outside quotes with `map(N)`.
fn scan_numbers(sql: &str, mut map: impl FnMut(usize) -> usize) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        if c == '\'' || c == '"' {
            quote = Some(c);
        }
        if c != '$' || !chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            out.push(c);
            continue;
        }
        let mut number = String::new();
        while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            number.push(*d);
            chars.next();
        }
        out.push('$');
        out.push_str(&map(number.parse().unwrap_or(0)).to_string());
    }
    out
}

/// `?N` and `?` become `$N`, and `json_each(?N)` (a JSON list of ids as one parameter)
/// becomes PostgreSQL's set function. Text in quotes is left alone.
fn spell(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut chars = sql.char_indices().peekable();
    let mut next_plain = 1;
    let mut quote: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
            }
            '?' => {
                let mut number = String::new();
                while let Some((_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                    number.push(*d);
                    chars.next();
                }
                if number.is_empty() {
                    number = next_plain.to_string();
                    next_plain += 1;
                }
                out.push('$');
                out.push_str(&number);
            }
            'j' if sql[i..].starts_with("json_each(") => {
                for _ in 0.."json_each(".len() - 1 {
                    chars.next();
                }
                let inner: String = chars.by_ref().map(|(_, c)| c).take_while(|c| *c != ')').collect();
                out.push_str("json_array_elements_text(CAST(");
                out.push_str(&spell(&inner));
                out.push_str(" AS json)) AS json_each(value)");
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn placeholders_become_numbered_and_quoted_text_stays() {
        assert_eq!(
            translate("SELECT ?1, ?, '?x' FROM t WHERE a = ?2"),
            ("SELECT $1, $1, '?x' FROM t WHERE a = $2".into(), vec![0, 1])
        );
        assert_eq!(translate("a = ? AND b = ?").0, "a = $1 AND b = $2");
    }

    #[test]
    fn skipped_numbers_are_closed_up() {
        assert_eq!(
            translate("SET a = ?4, b = ?10 WHERE id = ?1 AND t = '$9'"),
            ("SET a = $2, b = $3 WHERE id = $1 AND t = '$9'".into(), vec![0, 3, 9])
        );
    }

    #[test]
    fn json_each_becomes_the_set_function() {
        assert_eq!(
            translate("WHERE id IN (SELECT value FROM json_each(?2))").0,
            "WHERE id IN (SELECT value FROM json_array_elements_text(CAST($1 AS json)) AS json_each(value))"
        );
    }
}
