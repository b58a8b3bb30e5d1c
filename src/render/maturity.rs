//! The words of a MIL theme's path that every rendering shares: the summary line ("maturity level 0/3 — to
//! reach 1: …"), the rule above the list of blocking practices, a practice's current state (in a group, of
//! how many members it holds back), how a group's level was formed, and the mark of a roadmap step that
//! raises a level.
//!
//! Reads the report record only; the renderers escape what these return.

use crate::i18n::{Lang, messages as m};

use crate::report::{BlockingRecord, Report, StepRecord, ThemeRecord};

/// The summary line of a MIL theme; `None` for other themes. A report written before the path was
/// recorded gets its level only.
pub fn summary(theme: &ThemeRecord, lang: Lang) -> Option<String> {
    let level = theme.mil?;
    let Some(blocking) = &theme.mil_blocking else {
        return Some(m::MIL_SUMMARY_LEVEL.fill(lang, &[&theme.title, &level]));
    };
    Some(match theme.mil_next {
        None => m::MIL_SUMMARY_TOP.fill(lang, &[&theme.title, &level]),
        Some(next) if blocking.is_empty() => m::MIL_SUMMARY_UNREACHABLE.fill(lang, &[&theme.title, &level, &next]),
        Some(next) => {
            let names: Vec<String> = blocking
                .iter()
                .map(|b| {
                    if b.find_out_first {
                        format!("{} ({})", b.name, m::MIL_FIND_OUT_FIRST.get(lang))
                    } else {
                        b.name.clone()
                    }
                })
                .collect();
            m::MIL_SUMMARY.fill(lang, &[&theme.title, &level, &next, &names.join("; ")])
        }
    })
}

/// The sentence above the list of blocking practices: what the next level asks for. `None` when nothing is
/// listed.
pub fn rule(theme: &ThemeRecord, lang: Lang) -> Option<String> {
    let next = theme.mil_next?;
    let count = theme.mil_blocking.as_ref().map_or(0, Vec::len);
    if count == 0 {
        return None;
    }
    let mut text = match (next, count) {
        (0 | 1, _) => m::MIL_RULE_1.get(lang).to_string(),
        (_, 1) => m::MIL_RULE_K_ONE.fill(lang, &[&next]),
        _ => m::MIL_RULE_K.fill(lang, &[&next, &count]),
    };
    if let Some(level) = theme.mil_members.and(theme.mil) {
        text = format!("{} {text}", m::MIL_GROUP_BLOCKING.fill(lang, &[&level, &next]));
    }
    Some(text)
}

/// How a group's level was formed: the lowest of its members' levels, with how many members are at each.
/// `None` outside grouped reports.
pub fn group_rule(theme: &ThemeRecord, lang: Lang) -> Option<String> {
    let members = theme.mil_members?;
    let at: Vec<String> = members
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(level, n)| m::MIL_GROUP_AT.fill(lang, &[&level, n]))
        .collect();
    Some(m::MIL_GROUP_RULE.fill(lang, &[&at.join(", ")]))
}

/// A practice's current state in words: the answer, "find out first" for "dk", and in a group of how many
/// members at the group's level it holds back.
pub fn current(theme: &ThemeRecord, practice: &BlockingRecord, lang: Lang) -> String {
    let mut parts = vec![practice.current.clone()];
    if let (Some(members), Some(all), Some(level)) = (practice.members, theme.mil_members, theme.mil) {
        let at_level = all.get(usize::from(level)).copied().unwrap_or(0);
        parts.push(m::MIL_GROUP_BLOCKS.fill(lang, &[&members, &at_level, &level]));
        if let Some(dk) = practice.dont_know_members.filter(|n| *n > 0) {
            parts.push(m::MIL_GROUP_DK.fill(lang, &[&dk]));
        }
    }
    let text = parts.join("; ");
    if practice.find_out_first { format!("{text} ({})", m::MIL_FIND_OUT_FIRST.get(lang)) } else { text }
}

/// The mark of a roadmap step that is one of the practices blocking its theme's next level: "raises Digital
/// security to maturity level 1", or "one of the 5 practices that together raise …".
pub fn raises(report: &Report, step: &StepRecord, lang: Lang) -> Option<String> {
    let level = step.raises_mil?;
    let theme = report.themes.iter().find(|t| t.id == step.theme)?;
    let count = theme.mil_blocking.as_ref().map_or(0, Vec::len);
    Some(if count > 1 {
        m::MIL_RAISES_ONE_OF.fill(lang, &[&theme.title, &level, &count])
    } else {
        m::MIL_RAISES.fill(lang, &[&theme.title, &level])
    })
}

/// The themes that list blocking practices, with their rule, for the renderers' theme sections.
pub fn listed(report: &Report) -> impl Iterator<Item = &ThemeRecord> {
    report.themes.iter().filter(|t| t.mil_blocking.as_ref().is_some_and(|b| !b.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Counts;

    fn theme(mil: Option<u8>, next: Option<u8>, blocking: Option<Vec<BlockingRecord>>) -> ThemeRecord {
        ThemeRecord {
            id: "t".into(),
            title: "Turva".into(),
            description: None,
            weight: 1.0,
            score: Some(50.0),
            band: None,
            band_index: None,
            mil,
            mil_next: next,
            mil_blocking: blocking,
            mil_members: None,
            counts: Counts::default(),
            answered_by: Vec::new(),
        }
    }

    fn practice(name: &str, find_out_first: bool) -> BlockingRecord {
        BlockingRecord {
            question: format!("t.{name}"),
            mil: 2,
            text: format!("{name}?"),
            name: name.into(),
            current: "1 – Alkuvaiheessa".into(),
            score: Some(0.25),
            needed: "vähintään 3 – Suurelta osin".into(),
            needed_answer: serde_json::Value::from(3),
            find_out_first,
            members: None,
            dont_know_members: None,
        }
    }

    #[test]
    fn the_summary_names_every_blocking_practice_and_marks_those_to_find_out_first() {
        let t = theme(Some(1), Some(2), Some(vec![practice("lokit", false), practice("harjoitukset", true)]));
        assert_eq!(
            summary(&t, Lang::En).unwrap(),
            "Turva: maturity level 1/3 — to reach 2: lokit; harjoitukset (find out first)"
        );
        assert_eq!(rule(&t, Lang::Fi).unwrap(), m::MIL_RULE_K.fill(Lang::Fi, &[&2, &2]));
        assert_eq!(current(&t, &t.mil_blocking.as_ref().unwrap()[1], Lang::Sv), "1 – Alkuvaiheessa (ta reda på först)");
    }

    #[test]
    fn the_top_an_unreachable_level_and_an_older_report_each_say_what_they_can() {
        assert_eq!(
            summary(&theme(Some(3), None, Some(vec![])), Lang::Fi).unwrap(),
            "Turva: kypsyystaso 3/3, ylin taso"
        );
        let unreachable = summary(&theme(Some(2), Some(3), Some(vec![])), Lang::En).unwrap();
        assert!(unreachable.starts_with("Turva: maturity level 2/3 — level 3 cannot be reached"), "{unreachable}");
        assert_eq!(rule(&theme(Some(2), Some(3), Some(vec![])), Lang::En), None, "nothing to list");
        assert_eq!(
            summary(&theme(Some(1), None, None), Lang::Sv).unwrap(),
            "Turva: mognadsnivå 1/3",
            "written before issue 22"
        );
        assert_eq!(summary(&theme(None, None, None), Lang::Sv), None, "not a MIL theme");
        assert_eq!(group_rule(&theme(Some(1), None, None), Lang::En), None, "not a group");
    }

    #[test]
    fn a_group_says_how_its_level_was_formed_and_whom_each_practice_holds_back() {
        let mut p = practice("lokit", true);
        p.members = Some(2);
        p.dont_know_members = Some(1);
        let mut t = theme(Some(1), Some(2), Some(vec![p]));
        t.mil_members = Some([0, 3, 1, 0]);
        assert_eq!(
            group_rule(&t, Lang::Fi).unwrap(),
            "Ryhmän kypsyystaso on sen vastaajien tasoista alin eli taso, jonka jokainen vastaaja on saavuttanut (vastaajia tasolla 1: 3, tasolla 2: 1)."
        );
        assert_eq!(
            current(&t, &t.mil_blocking.as_ref().unwrap()[0], Lang::En),
            "1 – Alkuvaiheessa; 2 of 3 respondents at level 1; 1 of them answered “Don't know” (find out first)"
        );
        assert!(
            rule(&t, Lang::En).unwrap().starts_with("Each practice below keeps at least one respondent at level 1")
        );
    }
}
