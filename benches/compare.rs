//! How long `compare` takes on 10,000 reports (the target: under two seconds on one core).
//!
//! Run: `cargo bench --bench compare`. The reports are the example municipality Kalliojärvi's, copied with
//! other names, regions, populations, dates and answers, so that grouping, ranking, weak spots and the change
//! series all have work to do. Two figures: the comparison itself with the JSON rendering of its result (the
//! reports already in memory), and the whole command, `kuntakompassi compare DIR --format json -o FILE`, on a
//! folder of the same reports as files (about 50 KB each), in CPU seconds (user + system) of the process.

use std::time::Instant;

use kuntakompassi::compare::{GroupBy, Input, compare};
use kuntakompassi::i18n::Lang;
use kuntakompassi::regions::REGIONS;
use kuntakompassi::render::compare::text as render;
use kuntakompassi::report::Report;

fn main() {
    if let Ok(dir) = std::env::var("COMPARE_BENCH_MEASURE") {
        measure(&dir);
        return;
    }
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

        let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("compare-{count}"));
        if !dir.join(format!("r{}.json", count - 1)).exists() {
            std::fs::create_dir_all(&dir).unwrap();
            for (i, input) in inputs.iter().enumerate() {
                std::fs::write(dir.join(format!("r{i}.json")), input.report.to_json()).unwrap();
            }
        }
        let (cpu, wall, peak) = (0..3)
            .map(|_| command(&dir))
            .fold((f64::INFINITY, f64::INFINITY, 0), |a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2)));
        println!(
            "  the command on {count} files: {cpu:.3} s CPU ({wall:.3} s wall), peak {} MiB (best of 3)",
            peak / 1024
        );
    }
}

/// Runs `compare DIR` in a child of a measuring child, so that the resources counted are its alone:
/// (CPU seconds, wall seconds, peak KiB).
fn command(dir: &std::path::Path) -> (f64, f64, u64) {
    let me = std::env::current_exe().unwrap();
    let output =
        std::process::Command::new(me).env("COMPARE_BENCH_MEASURE", dir).output().expect("the measuring process runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let parts: Vec<f64> = text.split_whitespace().filter_map(|p| p.parse().ok()).collect();
    assert_eq!(parts.len(), 3, "{text} {}", String::from_utf8_lossy(&output.stderr));
    (parts[0], parts[1], parts[2] as u64)
}

/// In the measuring process: runs the command once and prints `cpu wall peak_kib`.
fn measure(dir: &str) {
    let out = std::env::temp_dir().join("kuntakompassi-compare-bench.json");
    let start = std::time::Instant::now();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kuntakompassi"))
        .args(["compare", dir, "--format", "json", "-o"])
        .arg(&out)
        .status()
        .expect("the binary runs");
    let wall = start.elapsed().as_secs_f64();
    assert!(status.success(), "compare failed");
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    let seconds = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 / 1e6;
    println!("{} {wall} {}", seconds(usage.user_time()) + seconds(usage.system_time()), usage.max_rss());
    let _ = std::fs::remove_file(out);
}
