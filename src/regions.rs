//! Finland's 19 regions (maakunnat / landskap) and Statistics Finland's size classes of municipalities.
//!
//! Source: `../shared/reference/domain.md` §8 (Statistics Finland's 2025 municipality data). Region
//! codes are kept for sorting and display only; a region is matched by its Finnish or Swedish name.

/// A region with its Finnish and Swedish names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
}

pub const REGIONS: [Region; 19] = [
    Region { code: "01", fi: "Uusimaa", sv: "Nyland" },
    Region { code: "02", fi: "Varsinais-Suomi", sv: "Egentliga Finland" },
    Region { code: "04", fi: "Satakunta", sv: "Satakunta" },
    Region { code: "05", fi: "Kanta-Häme", sv: "Egentliga Tavastland" },
    Region { code: "06", fi: "Pirkanmaa", sv: "Birkaland" },
    Region { code: "07", fi: "Päijät-Häme", sv: "Päijänne-Tavastland" },
    Region { code: "08", fi: "Kymenlaakso", sv: "Kymmenedalen" },
    Region { code: "09", fi: "Etelä-Karjala", sv: "Södra Karelen" },
    Region { code: "10", fi: "Etelä-Savo", sv: "Södra Savolax" },
    Region { code: "11", fi: "Pohjois-Savo", sv: "Norra Savolax" },
    Region { code: "12", fi: "Pohjois-Karjala", sv: "Norra Karelen" },
    Region { code: "13", fi: "Keski-Suomi", sv: "Mellersta Finland" },
    Region { code: "14", fi: "Etelä-Pohjanmaa", sv: "Södra Österbotten" },
    Region { code: "15", fi: "Pohjanmaa", sv: "Österbotten" },
    Region { code: "16", fi: "Keski-Pohjanmaa", sv: "Mellersta Österbotten" },
    Region { code: "17", fi: "Pohjois-Pohjanmaa", sv: "Norra Österbotten" },
    Region { code: "18", fi: "Kainuu", sv: "Kajanaland" },
    Region { code: "19", fi: "Lappi", sv: "Lappland" },
    Region { code: "21", fi: "Ahvenanmaa", sv: "Åland" },
];

/// The region with this Finnish or Swedish name, ignoring case and surrounding space.
pub fn find(name: &str) -> Option<&'static Region> {
    let name = name.trim().to_lowercase();
    REGIONS.iter().find(|r| r.fi.to_lowercase() == name || r.sv.to_lowercase() == name)
}

/// Statistics Finland's population bands: (lowest population, label). The last band has no upper bound.
pub const SIZE_CLASSES: [(u64, &str); 10] = [
    (0, "–999"),
    (1_000, "1 000–2 999"),
    (3_000, "3 000–4 999"),
    (5_000, "5 000–6 999"),
    (7_000, "7 000–8 999"),
    (9_000, "9 000–11 999"),
    (12_000, "12 000–19 999"),
    (20_000, "20 000–49 999"),
    (50_000, "50 000–99 999"),
    (100_000, "100 000–"),
];

/// The index into [`SIZE_CLASSES`] of a population.
pub fn size_class(population: u64) -> usize {
    SIZE_CLASSES.iter().rposition(|(min, _)| population >= *min).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_regions_by_finnish_or_swedish_name() {
        assert_eq!(find(" egentliga finland ").unwrap().fi, "Varsinais-Suomi");
        assert_eq!(find("Pohjanmaa").unwrap().sv, "Österbotten");
        assert!(find("Turunmaa").is_none());
    }

    #[test]
    fn puts_populations_in_statistics_finlands_size_classes() {
        assert_eq!(SIZE_CLASSES[size_class(0)].1, "–999");
        assert_eq!(SIZE_CLASSES[size_class(999)].1, "–999");
        assert_eq!(SIZE_CLASSES[size_class(1_000)].1, "1 000–2 999");
        assert_eq!(SIZE_CLASSES[size_class(4_999)].1, "3 000–4 999");
        assert_eq!(SIZE_CLASSES[size_class(20_000)].1, "20 000–49 999");
        assert_eq!(SIZE_CLASSES[size_class(650_000)].1, "100 000–");
    }
}
