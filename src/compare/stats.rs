//! n, mean, median, minimum and maximum of a set of scores.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Stats {
    /// The statistics of the values, or `None` when there are none.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Option<Stats> {
        let mut values: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n % 2 == 1 { values[n / 2] } else { f64::midpoint(values[n / 2 - 1], values[n / 2]) };
        Some(Stats { n, mean: values.iter().sum::<f64>() / n as f64, median, min: values[0], max: values[n - 1] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_and_even_counts_and_nothing() {
        let s = Stats::of([30.0, 10.0, 20.0]).unwrap();
        assert_eq!((s.n, s.mean, s.median, s.min, s.max), (3, 20.0, 20.0, 10.0, 30.0));
        let s = Stats::of([40.0, 10.0, 20.0, 30.0]).unwrap();
        assert_eq!((s.median, s.mean), (25.0, 25.0));
        assert_eq!(Stats::of([]), None);
        assert_eq!(Stats::of([f64::NAN]), None);
    }
}
