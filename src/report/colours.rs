//! The colours of the bands, from red for the lowest to green for the highest whatever their number, in
//! each form a renderer needs: hex for HTML and SVG, RGB for XLSX, a terminal colour for the table. The one
//! place that spreads a questionnaire's bands over the palette.

/// Band colours with at least 4.5:1 contrast on white (graphics need 3:1, text 4.5:1), from the lowest band
/// to the highest; a questionnaire with another number of bands gets them spread over this range.
const PALETTE: [&str; 4] = ["#b03a2e", "#8a5a00", "#1f618d", "#1e7b34"];

/// The empty track of a bar, the part above its score.
pub const TRACK: &str = "#f0f0f0";

/// The grey of a score with no band.
const NO_BAND: &str = "#6b6b6b";

/// The terminal's colours, in the palette's order.
const TERMINAL: [comfy_table::Color; 4] =
    [comfy_table::Color::Red, comfy_table::Color::Yellow, comfy_table::Color::Cyan, comfy_table::Color::Green];

/// Where band `index` of `bands` falls in a palette of `len` colours.
fn position(index: usize, bands: usize, len: usize) -> usize {
    let position = if bands <= 1 { len - 1 } else { index * (len - 1) / (bands - 1) };
    position.min(len - 1)
}

/// A band's colour as `#rrggbb` (grey for no band).
pub fn band_colour(index: Option<usize>, bands: usize) -> &'static str {
    index.map_or(NO_BAND, |index| PALETTE[position(index, bands, PALETTE.len())])
}

/// A band's colour for an XLSX cell.
pub fn band_xlsx(index: Option<usize>, bands: usize) -> rust_xlsxwriter::Color {
    let hex = band_colour(index, bands).trim_start_matches('#');
    rust_xlsxwriter::Color::RGB(u32::from_str_radix(hex, 16).unwrap_or(0x006B_6B6B))
}

/// A band's colour in the terminal.
pub fn band_terminal(index: usize, bands: usize) -> comfy_table::Color {
    TERMINAL[position(index, bands, TERMINAL.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_run_from_red_to_green() {
        assert_eq!(band_terminal(0, 4), comfy_table::Color::Red);
        assert_eq!(band_terminal(3, 4), comfy_table::Color::Green);
        assert_eq!(band_terminal(0, 1), comfy_table::Color::Green);
        assert_eq!(band_colour(Some(0), 5), "#b03a2e");
        assert_eq!(band_colour(Some(4), 5), "#1e7b34");
        assert_eq!(band_colour(None, 5), "#6b6b6b");
        assert_eq!(band_xlsx(Some(0), 2), rust_xlsxwriter::Color::RGB(0x00B0_3A2E));
    }
}
