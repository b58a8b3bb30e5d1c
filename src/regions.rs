//! Finland's 19 regions (maakunnat / landskap) and Statistics Finland's size classes of municipalities.
//!
//! Source: `../shared/reference/domain.md` §8 (Statistics Finland's 2025 municipality data). Region
//! codes are kept for sorting and display only; a region is matched by its Finnish, Swedish or English
//! name.

use crate::i18n::{Lang, messages as m, whole_number};

/// A region with its Finnish and Swedish names, and the English name the regional councils and
/// Statistics Finland use in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

pub const REGIONS: [Region; 19] = [
    Region { code: "01", fi: "Uusimaa", sv: "Nyland", en: "Uusimaa" },
    Region { code: "02", fi: "Varsinais-Suomi", sv: "Egentliga Finland", en: "Southwest Finland" },
    Region { code: "04", fi: "Satakunta", sv: "Satakunta", en: "Satakunta" },
    Region { code: "05", fi: "Kanta-Häme", sv: "Egentliga Tavastland", en: "Kanta-Häme" },
    Region { code: "06", fi: "Pirkanmaa", sv: "Birkaland", en: "Pirkanmaa" },
    Region { code: "07", fi: "Päijät-Häme", sv: "Päijänne-Tavastland", en: "Päijät-Häme" },
    Region { code: "08", fi: "Kymenlaakso", sv: "Kymmenedalen", en: "Kymenlaakso" },
    Region { code: "09", fi: "Etelä-Karjala", sv: "Södra Karelen", en: "South Karelia" },
    Region { code: "10", fi: "Etelä-Savo", sv: "Södra Savolax", en: "South Savo" },
    Region { code: "11", fi: "Pohjois-Savo", sv: "Norra Savolax", en: "North Savo" },
    Region { code: "12", fi: "Pohjois-Karjala", sv: "Norra Karelen", en: "North Karelia" },
    Region { code: "13", fi: "Keski-Suomi", sv: "Mellersta Finland", en: "Central Finland" },
    Region { code: "14", fi: "Etelä-Pohjanmaa", sv: "Södra Österbotten", en: "South Ostrobothnia" },
    Region { code: "15", fi: "Pohjanmaa", sv: "Österbotten", en: "Ostrobothnia" },
    Region { code: "16", fi: "Keski-Pohjanmaa", sv: "Mellersta Österbotten", en: "Central Ostrobothnia" },
    Region { code: "17", fi: "Pohjois-Pohjanmaa", sv: "Norra Österbotten", en: "North Ostrobothnia" },
    Region { code: "18", fi: "Kainuu", sv: "Kajanaland", en: "Kainuu" },
    Region { code: "19", fi: "Lappi", sv: "Lappland", en: "Lapland" },
    Region { code: "21", fi: "Ahvenanmaa", sv: "Åland", en: "Åland" },
];

impl Region {
    /// The region's name in `lang`: Finnish, Swedish, or the English name the regional councils use.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fi => self.fi,
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

/// The region with this Finnish, Swedish or English name, ignoring case and surrounding space.
pub fn find(name: &str) -> Option<&'static Region> {
    let name = name.trim().to_lowercase();
    REGIONS.iter().find(|r| [r.fi, r.sv, r.en].iter().any(|n| n.to_lowercase() == name))
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

/// A size class as the reader says it, with the numbers grouped as the language writes them: "alle 1 000
/// asukasta", "1,000–2,999 residents", "minst 100 000 invånare".
pub fn size_class_name(index: usize, lang: Lang) -> String {
    let number = |n: u64| whole_number(lang, n);
    let lowest = |i: usize| SIZE_CLASSES.get(i).map(|(min, _)| *min);
    match (index, lowest(index), lowest(index + 1)) {
        (0, _, Some(next)) => m::SIZE_UNDER.fill(lang, &[&number(next)]),
        (_, Some(min), Some(next)) => m::SIZE_BETWEEN.fill(lang, &[&number(min), &number(next - 1)]),
        (_, Some(min), None) => m::SIZE_FROM.fill(lang, &[&number(min)]),
        _ => m::C_UNKNOWN.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_regions_by_finnish_or_swedish_name() {
        assert_eq!(find(" egentliga finland ").unwrap().fi, "Varsinais-Suomi");
        assert_eq!(find("Pohjanmaa").unwrap().sv, "Österbotten");
        assert_eq!(find("southwest finland").unwrap().fi, "Varsinais-Suomi");
        assert_eq!(find("Lapland").unwrap().sv, "Lappland");
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

    #[test]
    fn names_size_classes_in_words_with_the_languages_numbers() {
        assert_eq!(size_class_name(size_class(999), Lang::Fi), "alle 1 000 asukasta");
        assert_eq!(size_class_name(size_class(4_480), Lang::Sv), "3 000–4 999 invånare");
        assert_eq!(size_class_name(size_class(4_480), Lang::En), "3,000–4,999 residents");
        assert_eq!(size_class_name(size_class(650_000), Lang::Fi), "vähintään 100 000 asukasta");
        assert_eq!(size_class_name(size_class(650_000), Lang::En), "100,000 residents or more");
    }
}
