//! Shared cell formats, so every exported workbook looks like one family.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

pub const NAVY: u32 = 0x15345C;

pub fn title() -> Format {
    Format::new().set_bold().set_font_size(14).set_font_color(Color::RGB(NAVY))
}

pub fn subtitle() -> Format {
    Format::new().set_font_color(Color::RGB(0x4A5568))
}

pub fn header() -> Format {
    Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(NAVY))
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
}

pub fn cell() -> Format {
    Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin)
}

pub fn cell_bold() -> Format {
    cell().set_bold()
}

/// The column a supplier fills in: light yellow so it stands out.
pub fn answer_cell() -> Format {
    cell().set_background_color(Color::RGB(0xFFF8DC))
}
