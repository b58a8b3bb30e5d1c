//! A second, deliberately plain reading of DESIGN.md §4 over the raw TOML, written apart from the
//! program's scoring: the "by hand" computation that example reports are checked against.

use std::collections::BTreeMap;

use serde_json::Value as Json;
use toml::Value;

/// Theme id → score (None = no score), and the overall index.
pub struct Expected {
    pub themes: BTreeMap<String, Option<f64>>,
    pub overall: Option<f64>,
    pub completeness: f64,
}

fn num(v: &Value) -> f64 {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64)).expect("a number")
}

/// Scores `answers` (question id → the answer as JSON, as the report records it) against a questionnaire.
pub fn score(questionnaire: &str, answers: &BTreeMap<String, Json>) -> Expected {
    let q: Value = toml::from_str(questionnaire).unwrap();
    let scale_max = num(&q["scale"]["max"]);
    let empty = Vec::new();
    let questions = q.get("question").and_then(Value::as_array).unwrap_or(&empty);
    let mut sums: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let (mut scored, mut answered) = (0usize, 0usize);
    for question in questions {
        let kind = question["kind"].as_str().unwrap();
        if kind == "text" {
            continue;
        }
        scored += 1;
        let id = question["id"].as_str().unwrap();
        let theme = question["theme"].as_str().unwrap().to_string();
        let weight = question.get("weight").map_or(1.0, num);
        let Some(answer) = answers.get(id).filter(|a| !a.is_null()) else { continue };
        answered += 1;
        let s = match (kind, answer) {
            (_, Json::String(w)) if w == "na" => continue,
            (_, Json::String(w)) if w == "dk" => 0.0,
            ("level", a) => a.as_f64().unwrap() / scale_max,
            ("yesno", a) => f64::from(u8::from(a.as_bool().unwrap())),
            ("choice", a) => {
                let options = question["option"].as_array().unwrap();
                let best = options.iter().map(|o| num(&o["points"])).fold(0.0, f64::max);
                let chosen = options.iter().find(|o| o["id"].as_str() == a.as_str()).unwrap();
                num(&chosen["points"]) / best
            }
            ("multi", a) => {
                let options = question["option"].as_array().unwrap();
                let max =
                    question.get("max_points").map_or_else(|| options.iter().map(|o| num(&o["points"])).sum(), num);
                let ids: Vec<&str> = a.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                let sum: f64 = options
                    .iter()
                    .filter(|o| ids.contains(&o["id"].as_str().unwrap()))
                    .map(|o| num(&o["points"]))
                    .sum();
                (sum / max).min(1.0)
            }
            ("number", a) => {
                let value = a.as_f64().unwrap();
                let mut s = 0.0;
                for band in question["score_band"].as_array().unwrap() {
                    if num(&band["min"]) <= value {
                        s = num(&band["score"]);
                    }
                }
                s
            }
            other => panic!("unexpected answer {other:?}"),
        };
        let entry = sums.entry(theme).or_default();
        entry.0 += weight * s;
        entry.1 += weight;
    }
    let mut themes = BTreeMap::new();
    let (mut total, mut weights) = (0.0, 0.0);
    for theme in q["theme"].as_array().unwrap() {
        let id = theme["id"].as_str().unwrap().to_string();
        let score = sums.get(&id).filter(|(_, w)| *w > 0.0).map(|(ws, w)| 100.0 * ws / w);
        if let Some(score) = score {
            let w = theme.get("weight").map_or(1.0, num);
            total += w * score;
            weights += w;
        }
        themes.insert(id, score);
    }
    Expected {
        themes,
        overall: (weights > 0.0).then(|| total / weights),
        completeness: if scored == 0 { 0.0 } else { answered as f64 / scored as f64 },
    }
}

/// Checks a report's theme scores, overall index and completeness against this computation.
#[track_caller]
pub fn check_report(questionnaire: &str, report: &Json) {
    let answers: BTreeMap<String, Json> = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["id"].as_str().unwrap().to_string(), q["answer"].clone()))
        .collect();
    let expected = score(questionnaire, &answers);
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        (None, None) => true,
        _ => false,
    };
    for theme in report["themes"].as_array().unwrap() {
        let id = theme["id"].as_str().unwrap();
        let got = theme["score"].as_f64();
        assert!(close(got, expected.themes[id]), "theme {id}: report {got:?}, by hand {:?}", expected.themes[id]);
    }
    let got = report["overall"]["score"].as_f64();
    assert!(close(got, expected.overall), "overall: report {got:?}, by hand {:?}", expected.overall);
    let got = report["completeness"].as_f64();
    assert!(close(got, Some(expected.completeness)), "completeness: report {got:?}, by hand {}", expected.completeness);
}
