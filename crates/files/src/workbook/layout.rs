//! The layout of the Infoklass workbook (the ISAK successor), shared by the writer and the
//! reader so the two cannot drift apart. Documented for people in docs/WORKBOOK.md; bump
//! `FORMAT_VERSION` when a column moves or changes meaning.

pub const FORMAT_NAME: &str = "infoklass-arbetsbok";
pub const FORMAT_VERSION: u32 = 2;
/// Version 2 added the hidden sheet `EXPORTED`, the values as exported, for the three-way merge.
pub const FIRST_VERSION_WITH_EXPORTED: u32 = 2;

pub const OVERVIEW: &str = "Översikt";
pub const CLASSIFICATION: &str = "Klassning";
pub const REQUIREMENTS: &str = "Krav";
pub const ACTIONS: &str = "Handlingsplan";
pub const PROCUREMENT: &str = "Upphandlingskrav";
pub const RISKS: &str = "Riskanalys";
pub const MATRIX: &str = "Riskmatris";
pub const LEGACY: &str = "Äldre krav";
pub const DEPENDENCIES: &str = "Beroenden";
pub const META: &str = "_meta";
/// Hidden: one row per item (sheet, id, then its editable values as exported).
pub const EXPORTED: &str = "_exporterat";

/// Every table sheet: title in row 0, help in row 1, the column headers in this row (0-based).
pub const HEADER_ROW: u32 = 3;
/// Empty rows with dropdowns below the data where a person may add sets, actions or risks.
pub const SPARE_ROWS: u32 = 30;

pub const SET_COLUMNS: [(&str, f64); 12] = [
    ("ID", 10.0),
    ("Informationsmängd", 28.0),
    ("Beskrivning", 32.0),
    ("Informationstyp", 16.0),
    ("K", 5.0),
    ("R", 5.0),
    ("T", 5.0),
    ("S", 5.0),
    ("Motivering K", 30.0),
    ("Motivering R", 30.0),
    ("Motivering T", 30.0),
    ("Motivering S", 30.0),
];
/// Column of K in the set table; R, T and S follow, then the four motivations.
pub const SET_LEVEL_COL: u16 = 4;

pub const REQ_COLUMNS: [(&str, f64); 9] = [
    ("Krav-ID", 9.0),
    ("Område", 18.0),
    ("Krav", 28.0),
    ("ÄR-krav (så ska det vara hos oss)", 50.0),
    ("Skyddar", 8.0),
    ("Gäller därför att", 18.0),
    ("Självskattning", 16.0),
    ("Kommentar", 32.0),
    ("Bevis / underlag", 24.0),
];
pub const REQ_ANSWER_COL: u16 = 6;

pub const ACTION_COLUMNS: [(&str, f64); 8] = [
    ("ID", 10.0),
    ("Krav-ID", 9.0),
    ("Åtgärd", 44.0),
    ("Åtgärdsansvarig", 20.0),
    ("Klart senast", 12.0),
    ("Prioritet", 10.0),
    ("Status", 12.0),
    ("Uppföljning", 32.0),
];

pub const PROCUREMENT_COLUMNS: [(&str, f64); 5] =
    [("Krav-ID", 9.0), ("Område", 18.0), ("Krav", 28.0), ("SKA-krav (till leverantören)", 60.0), ("Ska/Bör", 8.0)];

pub const RISK_COLUMNS: [(&str, f64); 16] = [
    ("ID", 10.0),
    ("Hot", 22.0),
    ("Orsak", 24.0),
    ("Händelse", 28.0),
    ("Konsekvensbeskrivning", 28.0),
    ("Aspekter", 8.0),
    ("Befintligt skydd", 24.0),
    ("Sannolikhet", 11.0),
    ("Konsekvens", 11.0),
    ("Riskvärde", 9.0),
    ("Hantering", 12.0),
    ("Motivering", 28.0),
    ("Kvarvarande sannolikhet", 12.0),
    ("Kvarvarande konsekvens", 12.0),
    ("Kvarvarande riskvärde", 11.0),
    ("Accepterad av", 22.0),
];
pub const RISK_P_COL: u16 = 7;

pub const LEGACY_COLUMNS: [(&str, f64); 7] = [
    ("Krav-ID", 9.0),
    ("Område", 16.0),
    ("Kravtext", 50.0),
    ("Gäller från", 14.0),
    ("Uppfyllt", 12.0),
    ("Kommentar", 32.0),
    ("Ansvarig", 18.0),
];

pub const ANSWERS_SV: [&str; 5] = ["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Ej tillämpligt", "Vet ej"];
pub const PRIORITIES_SV: [&str; 3] = ["Hög", "Medel", "Låg"];
pub const ACTION_STATUSES_SV: [&str; 4] = ["Ej påbörjad", "Pågår", "Försenad", "Klar"];
pub const TREATMENTS_SV: [&str; 4] = ["Acceptera", "Reducera", "Undvika", "Överföra"];

/// Column letter(s) for a 0-based column index (A, B, …, Z, AA, …).
pub fn col_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(27), "AB");
    }
}
