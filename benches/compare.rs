//! How long `compare` takes on 10,000 reports (the target: under two seconds on one core).
//!
//! Run: `cargo bench --bench compare`. The reports are the example municipality Kalliojärvi's, copied with
//! other names, regions, populations, dates and answers, so that grouping, ranking, weak spots and the change
//! series all have work to do. Loading the files is not timed: this measures the comparison itself and the
//! JSON rendering of its result.

use std::time::Instant;

use kuntakompassi::compare::{GroupBy, Input, compare, render};
use kuntakompassi::i18n::Lang;
use kuntakompassi::regions::REGIONS;
use kuntakompassi::report::Report;

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let sheet = format!("{root}/examples/kalliojarvi.toml");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"))
        .args(["score", "--format", "json", &sheet])
        .output()
        .expect("the binary runs");
    let base: Report = serde_json::from_slice(&output.stdout).expect("a report");

    for count in [1_000usize, 10_000] {
        let inputs: Vec<Input> = (0..count)
            .map(|i| {
                let mut report = base.clone();
                // Two reports (two years) per municipality, so that half of them form change series.
                let municipality = i / 2;
                report.respondent.municipality = format!("Kunta {municipality}");
                report.respondent.region = Some(REGIONS[municipality % REGIONS.len()].fi.to_string());
                report.respondent.population = Some(500 + (municipality as u64 * 37) % 60_000);
                report.respondent.date = Some(format!("202{}-10-14", 5 + i % 2));
                let shift = (i % 17) as f64 * 0.03;
                for q in &mut report.questions {
                    if let Some(score) = q.score.as_mut() {
                        *score = (*score + shift).min(1.0);
                    }
                }
                for t in &mut report.themes {
                    if let Some(score) = t.score.as_mut() {
                        *score = (*score + shift * 100.0).min(100.0);
                    }
                }
                report.overall.score = report.overall.score.map(|s| (s + shift * 100.0).min(100.0));
                Input::report(format!("r{i}.json"), report)
            })
            .collect();
        let mut best = f64::INFINITY;
        for _ in 0..3 {
            let start = Instant::now();
            let comparison = compare(&inputs, GroupBy::Region, false, Lang::Fi).expect("comparable");
            let json = render::json(&comparison);
            std::hint::black_box(json);
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!("compare: {count} reports in {best:.3} s (best of 3, one thread)");
    }
}
