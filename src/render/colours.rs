//! The colours of the bands, from red for the lowest to green for the highest whatever their number, in
//! each form a renderer needs: hex for HTML and SVG, RGB for XLSX, a terminal colour for the table; and the
//! colour of text drawn on each. The one place that spreads a questionnaire's bands over the palette.
//!
//! The palette also reads in greyscale (a board's papers are often printed so): its colours grow lighter
//! band by band, each at least 1.5:1 from the next in relative luminance, and text on each is at least 4.5:1
//! (white on the two darker, near-black on the two lighter). The tests below compute these ratios.

/// White, for text on a dark band.
const WHITE: &str = "#ffffff";

/// The page's text colour, for text on a light band.
const DARK: &str = "#1a1a1a";

/// Band colours with the colour of text on them, from the lowest band to the highest; a questionnaire with
/// another number of bands gets them spread over this range.
const PALETTE: [(&str, &str); 4] = [("#812017", WHITE), ("#8a5a00", WHITE), ("#4597d1", DARK), ("#75cb83", DARK)];

/// The outline of a bar's empty track (4.5:1 on white; graphics need 3:1, WCAG 1.4.11); the bar itself is
/// outlined in the text colour, so that a light band's bar shows against the white track.
pub const TRACK: &str = "#767676";

/// The grey of a score with no band, with white text.
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
    index.map_or(NO_BAND, |index| PALETTE[position(index, bands, PALETTE.len())].0)
}

/// The colour of text drawn on a band's colour, as `#rrggbb`.
pub fn band_text(index: Option<usize>, bands: usize) -> &'static str {
    index.map_or(WHITE, |index| PALETTE[position(index, bands, PALETTE.len())].1)
}

fn xlsx(hex: &str) -> rust_xlsxwriter::Color {
    rust_xlsxwriter::Color::RGB(u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x006B_6B6B))
}

/// A band's colour for an XLSX cell.
pub fn band_xlsx(index: Option<usize>, bands: usize) -> rust_xlsxwriter::Color {
    xlsx(band_colour(index, bands))
}

/// The font colour for an XLSX cell filled with a band's colour.
pub fn band_xlsx_text(index: Option<usize>, bands: usize) -> rust_xlsxwriter::Color {
    xlsx(band_text(index, bands))
}

/// A band's colour in the terminal.
pub fn band_terminal(index: usize, bands: usize) -> comfy_table::Color {
    TERMINAL[position(index, bands, TERMINAL.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.1's relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap()) / 255.0;
            if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }

    /// WCAG 2.1's contrast ratio of two colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn colours_run_from_red_to_green() {
        assert_eq!(band_terminal(0, 4), comfy_table::Color::Red);
        assert_eq!(band_terminal(3, 4), comfy_table::Color::Green);
        assert_eq!(band_terminal(0, 1), comfy_table::Color::Green);
        assert_eq!(band_colour(Some(0), 5), "#812017");
        assert_eq!(band_colour(Some(4), 5), "#75cb83");
        assert_eq!(band_colour(None, 5), "#6b6b6b");
        assert_eq!(band_xlsx(Some(0), 2), rust_xlsxwriter::Color::RGB(0x0081_2017));
        assert_eq!(band_xlsx_text(Some(1), 2), rust_xlsxwriter::Color::RGB(0x001A_1A1A));
    }

    #[test]
    fn the_contrast_ratios_are_those_of_the_wcag() {
        assert!((contrast("#ffffff", "#000000") - 21.0).abs() < 1e-9);
        assert!((contrast("#767676", "#ffffff") - 4.54).abs() < 0.01);
    }

    #[test]
    fn neighbouring_bands_differ_in_greyscale_by_at_least_one_and_a_half_to_one() {
        for bands in 2..=PALETTE.len() {
            for i in 1..bands {
                let (lower, higher) = (band_colour(Some(i - 1), bands), band_colour(Some(i), bands));
                let ratio = contrast(lower, higher);
                assert!(ratio >= 1.5, "{bands} bands: {lower} and {higher} are {ratio:.2}:1 apart");
                assert!(luminance(higher) > luminance(lower), "{bands} bands: {higher} is not the lighter");
            }
        }
        let ratios: Vec<String> = PALETTE.windows(2).map(|w| format!("{:.2}", contrast(w[0].0, w[1].0))).collect();
        assert_eq!(ratios, ["1.65", "1.86", "1.61"]);
    }

    #[test]
    fn text_on_every_band_has_at_least_four_and_a_half_to_one() {
        for (fill, text) in PALETTE.iter().copied().chain([(NO_BAND, WHITE)]) {
            let ratio = contrast(fill, text);
            assert!(ratio >= 4.5, "{text} on {fill} is {ratio:.2}:1");
        }
        let ratios: Vec<String> = PALETTE.iter().map(|(fill, text)| format!("{:.2}", contrast(fill, text))).collect();
        assert_eq!(ratios, ["9.76", "5.93", "5.47", "8.81"]);
    }

    #[test]
    fn the_empty_track_and_the_bars_show_against_white() {
        let ratio = contrast(TRACK, WHITE);
        assert!(ratio >= 3.0, "the track's outline is {ratio:.2}:1 on white");
        // A bar is outlined in its text colour where its fill is light: either shows at 3:1 on white.
        for (fill, text) in PALETTE {
            let edge = contrast(fill, WHITE).max(contrast(text, WHITE));
            assert!(edge >= 3.0, "the bar of {fill} shows at {edge:.2}:1");
        }
    }
}
