//! The hidden meta sheets: what the workbook is and where it came from, and the editable
//! values as exported (so an import applies only what the person changed), read back on import.

use infoklass_store::workbook_merge::exported_rows;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::layout::{EXPORTED, FORMAT_NAME, FORMAT_VERSION, META};
use super::{ExportStamp, ObjectExport};

pub fn write(wb: &mut Workbook, data: &ObjectExport, stamp: &ExportStamp) -> Result<(), XlsxError> {
    let c = &data.detail.current;
    let rows: Vec<(&str, String)> = vec![
        ("format", FORMAT_NAME.to_string()),
        ("format_version", FORMAT_VERSION.to_string()),
        ("app_version", stamp.app_version.clone()),
        ("exported_at", stamp.exported_at.clone()),
        ("object_id", data.detail.id.clone()),
        ("classification_id", c.id.clone()),
        ("classification_version", c.version.to_string()),
        ("status", c.status.as_str().to_string()),
        ("scale", format!("{} {}", c.scale_id, c.scale_version)),
        ("catalog", format!("{} {}", data.requirements.catalog_id, data.requirements.catalog_version)),
        ("risk_matrix", format!("{} {}", data.risks.matrix.id, data.risks.matrix.version)),
    ];
    let ws = wb.add_worksheet();
    ws.set_name(META)?;
    for (i, (k, v)) in rows.iter().enumerate() {
        ws.write_string(i as u32, 0, *k)?;
        ws.write_string(i as u32, 1, v)?;
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}

/// One row per item: sheet, id, then the values in the store's field order.
pub fn write_exported(wb: &mut Workbook, data: &ObjectExport) -> Result<(), XlsxError> {
    let rows = exported_rows(&data.detail, &data.requirements, &data.actions, &data.risks);
    let ws = wb.add_worksheet();
    ws.set_name(EXPORTED)?;
    for (r, row) in rows.iter().enumerate() {
        ws.write_string(r as u32, 0, &row.sheet)?;
        ws.write_string(r as u32, 1, &row.id)?;
        for (c, v) in row.values.iter().enumerate() {
            ws.write_string(r as u32, 2 + c as u16, v)?;
        }
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}
