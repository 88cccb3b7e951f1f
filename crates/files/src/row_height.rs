//! Row heights for wrapped text.
//!
//! Excel grows a row to fit wrapped text only while a person edits it, and LibreOffice not at
//! all for a file it did not write: a row left at the default height shows and prints one line
//! of each cell, and the other lines are cut or run into the next row. So every writer sets the
//! height of a row with wrapped cells from an estimate of the lines its longest cell needs.
//!
//! The estimate wraps the text word by word, as Excel and LibreOffice do, in a column whose
//! width is given in Excel's character units (widths of a digit of the font). Both programs
//! measure a column in digits of the font they draw with (Calibri in Excel; Carlito or, when
//! that is missing, DejaVu Sans in LibreOffice), so each glyph is counted as the wider of its
//! Calibri and DejaVu Sans widths relative to that font's digit, and a line is taken to fill
//! only part of the column: a row is never too low, and may have a little room to spare.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// The height of one line of 11 pt text in points (Excel's default row height).
pub const LINE_HEIGHT: f64 = 15.0;
/// Extra room below the last line of a row that holds more than one line, in points.
pub const PADDING: f64 = 2.0;
/// Excel's largest row height in points.
pub const MAX_HEIGHT: f64 = 409.0;

/// Space taken by the cell's margins, in digit widths.
const CELL_MARGIN: f64 = 0.6;
/// The share of the rest of the column a line of text is taken to fill: room for glyphs wider
/// than counted and for Excel drawing Calibri 11 a little wider than its column unit.
const FILL: f64 = 0.95;

/// The width of a column, in Excel's character units.
pub trait ColumnWidth {
    fn chars(&self) -> f64;
}

impl ColumnWidth for f64 {
    fn chars(&self) -> f64 {
        *self
    }
}

/// A column as the layout tables give it: header and width.
impl ColumnWidth for (&str, f64) {
    fn chars(&self) -> f64 {
        self.1
    }
}

/// The widest glyph `glyph_width` gives.
const WIDEST: f64 = 2.0;

/// How wide a character is, in widths of a digit of the same font (the wider of Calibri and
/// DejaVu Sans).
fn glyph_width(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'j' | 'l' | 'I' => 0.5,
        '(' | ')' | '[' | ']' | '{' | '}' | '/' | '\\' | '-' | '"' | 'f' | 't' | 'r' | 'J' => 0.7,
        'm' | 'w' => 1.6,
        'M' | 'W' | '@' | '%' | '—' | '…' => 1.8,
        '0'..='9' => 1.0,
        'A'..='Z' => 1.3,
        c if c.is_ascii() => 1.05,
        // Latin letters with accents (å, ä, ö, é, ü …) are as wide as the plain ones.
        c if c.is_alphabetic() && (c as u32) < 0x0250 => {
            if c.is_uppercase() {
                1.3
            } else {
                1.05
            }
        }
        // Anything else (other scripts, symbols) counts as wide, to be safe.
        _ => WIDEST,
    }
}

fn text_width(s: &str) -> f64 {
    s.chars().map(glyph_width).sum()
}

/// The number of lines `text` takes in a wrapping cell of a column `width` characters wide:
/// every explicit line break starts a line, and each paragraph wraps at spaces (a word wider
/// than the column is broken where it no longer fits). Empty text takes one line.
pub fn wrapped_lines(text: &str, width: f64) -> usize {
    let room = room(width);
    // No glyph is wider than `WIDEST` and a text has no more characters than bytes, so a short
    // text on one line fits without measuring it (most cells of a large export).
    if text.len() as f64 * WIDEST <= room && !text.contains('\n') {
        return 1;
    }
    measured_lines(text, room)
}

/// The width a line of text may fill in a column `width` characters wide.
fn room(width: f64) -> f64 {
    ((width - CELL_MARGIN) * FILL).max(1.0)
}

fn measured_lines(text: &str, room: f64) -> usize {
    text.split('\n').map(|p| paragraph_lines(p.trim_end_matches('\r'), room)).sum::<usize>().max(1)
}

fn paragraph_lines(paragraph: &str, room: f64) -> usize {
    let mut lines = 1;
    let mut used = 0.0;
    let space = glyph_width(' ');
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let w = text_width(word);
        let needed = if used > 0.0 { used + space + w } else { w };
        if needed <= room {
            used = needed;
            continue;
        }
        if used > 0.0 {
            lines += 1;
        }
        if w <= room {
            used = w;
            continue;
        }
        // A word wider than the column: broken character by character.
        used = 0.0;
        for c in word.chars() {
            let g = glyph_width(c);
            if used + g > room && used > 0.0 {
                lines += 1;
                used = 0.0;
            }
            used += g;
        }
    }
    lines
}

/// The row height in points for `lines` lines of text, at most Excel's maximum.
pub fn height_for_lines(lines: usize) -> f64 {
    if lines <= 1 {
        LINE_HEIGHT
    } else {
        (lines as f64 * LINE_HEIGHT + PADDING).min(MAX_HEIGHT)
    }
}

/// The most lines any of a row's cells needs; `texts[i]` is the text in column `i`.
pub fn row_lines<W: ColumnWidth>(columns: &[W], texts: &[&str]) -> usize {
    texts.iter().zip(columns).map(|(t, c)| wrapped_lines(t, c.chars())).max().unwrap_or(1)
}

/// Sets the height of `row` so every line of its wrapped cells shows and prints.
/// `texts[i]` is the text written in column `i` (empty for numbers and blanks) and
/// `columns[i]` that column's width. A row whose cells fit on one line keeps the default.
pub fn fit_row<W: ColumnWidth>(ws: &mut Worksheet, row: u32, columns: &[W], texts: &[&str]) -> Result<(), XlsxError> {
    let lines = row_lines(columns, texts);
    if lines > 1 {
        ws.set_row_height(row, height_for_lines(lines))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_empty_texts_take_one_line() {
        assert_eq!(wrapped_lines("", 10.0), 1);
        assert_eq!(wrapped_lines("Ska", 8.0), 1);
        assert_eq!(wrapped_lines("SAK-01", 10.0), 1);
    }

    #[test]
    fn explicit_line_breaks_count() {
        assert_eq!(wrapped_lines("ett\ntvå\ntre", 60.0), 3);
        assert_eq!(wrapped_lines("ett\r\ntvå", 60.0), 2);
        assert_eq!(wrapped_lines("ett\n\ntre", 60.0), 3, "an empty line is a line");
    }

    #[test]
    fn text_wraps_by_words_at_the_column_width() {
        // 20 words "abcd" 4.2 wide with spaces of 0.5: 4 words (18.3) fit in (23 − 0.6) × 0.95
        // = 21.28, 5 words (23) do not.
        let text = vec!["abcd"; 20].join(" ");
        assert_eq!(wrapped_lines(&text, 23.0), 5);
        assert_eq!(wrapped_lines(&text, 200.0), 1);
        // A narrower column takes more lines, never fewer.
        let mut last = 0;
        for width in (60..=200).rev().map(|w| w as f64 / 4.0) {
            let lines = wrapped_lines(&text, width);
            assert!(lines >= last, "{width}: {lines} < {last}");
            last = lines;
        }
    }

    #[test]
    fn a_word_does_not_fit_where_it_would_cross_the_edge() {
        // "abcd abcd" is 8.9 wide: it fits in (10.1 − 0.6) × 0.95 but not in (9.8 − 0.6) × 0.95.
        assert_eq!(wrapped_lines("abcd abcd", 10.1), 1);
        assert_eq!(wrapped_lines("abcd abcd", 9.8), 2);
    }

    #[test]
    fn a_long_word_is_broken_by_characters() {
        let word = "x".repeat(40); // 40 × 1.05 = 42 wide, 9 characters in (10.6 − 0.6) × 0.95
        assert_eq!(wrapped_lines(&word, 10.6), 5, "9 + 9 + 9 + 9 + 4 characters");
        // "ab" on a line of its own, the word on the next five, "cd" after its last 4 characters.
        assert_eq!(wrapped_lines(&format!("ab {word} cd"), 10.6), 6);
        assert_eq!(wrapped_lines(&format!("ab {word} {word}"), 10.6), 11);
    }

    #[test]
    fn wide_glyphs_take_more_room_than_narrow_ones() {
        assert!(wrapped_lines(&"M".repeat(30), 20.0) > wrapped_lines(&"i".repeat(30), 20.0));
        assert!(wrapped_lines(&"ÅÄÖ".repeat(10), 20.0) > wrapped_lines(&"åäö".repeat(10), 20.0));
        assert_eq!(wrapped_lines(&"漢".repeat(10), 10.6), 3, "other scripts count as wide");
    }

    #[test]
    fn a_typical_requirement_text_in_the_procurement_column() {
        let text = "Systemet ska kunna begränsa varje användares åtkomst till de funktioner och den \
                    information som användarens roll kräver, och behörigheter ska kunna tilldelas per roll.";
        let lines = wrapped_lines(text, 60.0);
        assert!((3..=4).contains(&lines), "{lines}");
    }

    #[test]
    fn the_short_cut_for_short_texts_gives_the_measured_lines() {
        let texts = [
            "",
            "a",
            "Ska",
            "abcd abcd",
            "M M M M",
            "漢漢漢",
            "WWWW",
            "a\nb",
            "a\r\nb",
            "  ",
            "x y  z ",
            "Motivering K för objekt 0042",
            "Förvaltning 11",
            "ÅÄÖ åäö",
            "🙂🙂",
            "i i i i i i i i",
        ];
        for text in texts {
            for width in (0..=160).map(|w| w as f64 / 4.0) {
                assert_eq!(wrapped_lines(text, width), measured_lines(text, room(width)), "{text:?} in {width}");
            }
        }
        // At the edge: four of the widest glyphs fill (9 − 0.6) × 0.95 = 7.98 with 8 wide.
        assert_eq!(wrapped_lines("漢漢漢漢", 9.0), 2);
        assert_eq!(wrapped_lines("漢漢漢", 9.0), 1);
    }

    #[test]
    fn heights_grow_with_the_lines_and_stop_at_excels_maximum() {
        assert_eq!(height_for_lines(0), 15.0);
        assert_eq!(height_for_lines(1), 15.0);
        assert_eq!(height_for_lines(2), 32.0);
        assert_eq!(height_for_lines(10), 152.0);
        assert_eq!(height_for_lines(27), 407.0);
        assert_eq!(height_for_lines(28), MAX_HEIGHT);
        assert_eq!(height_for_lines(10_000), MAX_HEIGHT);
    }

    #[test]
    fn the_row_takes_the_lines_of_its_longest_cell() {
        let columns = [("Nr", 5.0), ("Krav", 20.0), ("Kommentar", 40.0)];
        assert_eq!(row_lines(&columns, &["1", "a\nb\nc", "d\ne"]), 3);
        assert_eq!(row_lines(&[5.0, 20.0], &["", ""]), 1);
        assert_eq!(row_lines(&columns, &[]), 1);
    }
}
