//! The path to the next maturity indicator level (pure): which practices of a MIL theme hold its level down,
//! and which answer of each would count as achieved (DESIGN.md §4, issue 22).
//!
//! For MIL k + 1 the blocking practices are every MIL-1 practice not achieved when k = 0; otherwise the
//! fewest MIL-(k + 1) practices whose achievement makes "more than half" of them achieved. The lower levels
//! are reached already, so a lower-level practice still missing blocks nothing (achieving the named practices
//! alone reaches the next level, and achieving fewer does not). "na" practices are left out, as the level
//! rule leaves them out; "dk" ones are named, to be found out first; unanswered ones are named too (they are
//! not achieved). Where more practices than needed could make the majority, they are taken in the order of
//! the roadmap (gain, then lower score, then questionnaire order), those outside it (unanswered) last in
//! questionnaire order. A group's level is the lowest of its members' levels ([`GroupTally`]).
//!
//! Nothing here formats text: the report turns a [`Needed`] into words.

use std::collections::BTreeMap;

use crate::answers::Answer;
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::roadmap::Step;
use crate::scoring::{self, Outcome};

/// The highest maturity indicator level.
pub const TOP: u8 = 3;

/// The answer to a practice that would count as achieved (score ≥ 0.75), the lowest such where answers
/// are ordered.
#[derive(Debug, Clone, PartialEq)]
pub enum Needed {
    /// A level question: this level or a higher one.
    Level(u32),
    /// A choice question: one of these options (ids, in questionnaire order).
    Choice(Vec<String>),
    /// A multi question: options worth together enough points; these are the fewest that are (the
    /// highest-scoring first).
    Multi(Vec<String>),
    /// A yes/no question: yes.
    YesNo,
    /// A number question: this value or more (the minimum of the first score band that counts).
    Number(f64),
    /// No answer to the question scores 0.75 (the questionnaire's scoring never lets it be achieved).
    Unachievable,
}

impl Needed {
    /// An answer that is achieved: the lowest level, the first option, the fewest options, yes, the value.
    pub fn answer(&self) -> Option<Answer> {
        match self {
            Needed::Level(level) => Some(Answer::Level(*level)),
            Needed::Choice(ids) => ids.first().cloned().map(Answer::Choice),
            Needed::Multi(ids) => Some(Answer::Multi(ids.clone())),
            Needed::YesNo => Some(Answer::YesNo(true)),
            Needed::Number(value) => Some(Answer::Number(*value)),
            Needed::Unachievable => None,
        }
    }
}

/// The answer that would count as achieved for `question`, found with the scoring itself so that the two
/// cannot disagree.
pub fn needed(q: &Questionnaire, question: &Question) -> Needed {
    let achieves = |answer: &Answer| scoring::question_score(q, question, answer).is_some_and(scoring::is_achieved);
    let found = match &question.kind {
        Kind::Level { .. } => (0..=q.scale.max).find(|level| achieves(&Answer::Level(*level))).map(Needed::Level),
        Kind::Choice { options } => {
            let ids: Vec<String> =
                options.iter().filter(|o| achieves(&Answer::Choice(o.id.clone()))).map(|o| o.id.clone()).collect();
            (!ids.is_empty()).then_some(Needed::Choice(ids))
        }
        Kind::Multi { options, .. } => {
            let mut by_points: Vec<&crate::questionnaire::Choice> = options.iter().filter(|o| o.points > 0.0).collect();
            by_points.sort_by(|a, b| b.points.total_cmp(&a.points));
            let mut ids = Vec::new();
            by_points.into_iter().find_map(|option| {
                ids.push(option.id.clone());
                achieves(&Answer::Multi(ids.clone())).then(|| Needed::Multi(in_questionnaire_order(options, &ids)))
            })
        }
        Kind::YesNo => Some(Needed::YesNo),
        Kind::Number { min, max, bands, .. } => {
            // The value scoring counts is the minimum of a band (or the question's own minimum); the first
            // such value within the question's range that is achieved is the least that is.
            let mut candidates: Vec<f64> = bands.iter().map(|band| band.min).chain(*min).collect();
            candidates.sort_by(f64::total_cmp);
            candidates
                .into_iter()
                .map(|value| min.map_or(value, |min| value.max(min)))
                .filter(|value| max.is_none_or(|max| *value <= max))
                .find(|value| achieves(&Answer::Number(*value)))
                .map(Needed::Number)
        }
        Kind::Text => None,
    };
    found.unwrap_or(Needed::Unachievable)
}

fn in_questionnaire_order(options: &[crate::questionnaire::Choice], ids: &[String]) -> Vec<String> {
    options.iter().filter(|o| ids.contains(&o.id)).map(|o| o.id.clone()).collect()
}

/// A practice that blocks the next level.
#[derive(Debug, Clone, PartialEq)]
pub struct Blocking {
    /// Index into the questionnaire's questions.
    pub question: usize,
    /// The practice's own level (1–3).
    pub mil: u8,
    /// What the practice is now: scored below 0.75, "dk" or unanswered.
    pub outcome: Outcome,
    pub needed: Needed,
}

impl Blocking {
    /// Answered "dk": the current state is to be found out before anything else.
    pub fn find_out_first(&self) -> bool {
        self.outcome == Outcome::DontKnow
    }
}

/// What lies above a theme's level.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// The theme is at the top level.
    Top,
    /// The next level, and the practices whose achievement reaches it (in roadmap order).
    Blocked { level: u8, practices: Vec<Blocking> },
    /// The next level cannot be reached with these practices: every one of them is "na" ("more than half of
    /// none" is never reached), or too few of them can be achieved by any answer.
    Unreachable { level: u8 },
}

impl Next {
    /// The level above the current one, `None` at the top.
    pub fn level(&self) -> Option<u8> {
        match self {
            Next::Top => None,
            Next::Blocked { level, .. } | Next::Unreachable { level } => Some(*level),
        }
    }

    pub fn practices(&self) -> &[Blocking] {
        match self {
            Next::Blocked { practices, .. } => practices,
            _ => &[],
        }
    }
}

/// A MIL theme's level and what holds it there.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub level: u8,
    pub next: Next,
}

/// The path of theme `theme` (an index), `None` for a theme without `mil = true`. `roadmap` is the
/// respondent's roadmap, which orders practices where more than the needed number could be chosen.
pub fn path(q: &Questionnaire, theme: usize, outcomes: &[Outcome], roadmap: &[Step]) -> Option<Path> {
    if !q.themes.get(theme)?.mil {
        return None;
    }
    let level = scoring::mil(q, theme, outcomes);
    if level >= TOP {
        return Some(Path { level, next: Next::Top });
    }
    let next = level + 1;
    // The practices of the next level that count ("na" is left out), and those of them not achieved.
    let counted: Vec<usize> = q
        .questions
        .iter()
        .enumerate()
        .filter(|(i, question)| {
            question.theme == theme && question.mil == Some(next) && outcomes[*i] != Outcome::NotApplicable
        })
        .map(|(i, _)| i)
        .collect();
    let achieved = |i: usize| outcomes[i].counted().is_some_and(scoring::is_achieved);
    let mut missing: Vec<Blocking> = counted
        .iter()
        .filter(|i| !achieved(**i))
        .map(|&i| Blocking { question: i, mil: next, outcome: outcomes[i], needed: needed(q, &q.questions[i]) })
        .collect();
    let rank: BTreeMap<usize, usize> = roadmap.iter().enumerate().map(|(rank, step)| (step.question, rank)).collect();
    missing.sort_by_key(|b| (rank.get(&b.question).copied().unwrap_or(usize::MAX), b.question));
    let unreachable = Some(Path { level, next: Next::Unreachable { level: next } });
    let practices = if next == 1 {
        if missing.iter().any(|b| b.needed == Needed::Unachievable) {
            return unreachable;
        }
        missing
    } else {
        // "More than half": achieved · 2 > total, i.e. at least ⌊total / 2⌋ + 1 achieved.
        let have = counted.len() - missing.len();
        let want = counted.len() / 2 + 1 - have;
        missing.retain(|b| b.needed != Needed::Unachievable);
        if counted.is_empty() || missing.len() < want {
            return unreachable;
        }
        missing.truncate(want);
        missing
    };
    Some(Path { level, next: Next::Blocked { level: next, practices } })
}

/// The paths of every MIL theme of one assessment, index-aligned with the themes (`None` elsewhere).
pub fn paths(q: &Questionnaire, outcomes: &[Outcome], roadmap: &[Step]) -> Vec<Option<Path>> {
    (0..q.themes.len()).map(|t| path(q, t, outcomes, roadmap)).collect()
}

/// A practice that blocks the next level of a group: of how many of the members at the group's level it
/// blocks the next one, and how many of those answered "dk".
#[derive(Debug, Clone, PartialEq)]
pub struct GroupBlocking {
    pub question: usize,
    pub mil: u8,
    pub members: usize,
    pub dont_know: usize,
    pub needed: Needed,
}

/// A group's level and what holds it there.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPath {
    /// The lowest of the members' levels: the level every member has reached.
    pub level: u8,
    /// How many members are at each level 0..=3.
    pub members: [usize; 4],
    /// The next level, `None` at the top.
    pub next: Option<u8>,
    /// The practices that block the next level of at least one member at the group's level, most often
    /// blocking first, then in the group's roadmap order. Empty when the next level is out of reach of some
    /// member at the group's level, or at the top.
    pub practices: Vec<GroupBlocking>,
}

/// The members' paths of one MIL theme, tallied so that a group of any size is a handful of counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupTally {
    members: [usize; 4],
    /// Members whose next level is out of reach, per level.
    unreachable: [usize; 4],
    /// (level of the members, question) → (members it blocks, of them "dk").
    blocking: BTreeMap<(u8, usize), (usize, usize)>,
}

impl GroupTally {
    pub fn add(&mut self, path: &Path) {
        let level = usize::from(path.level.min(TOP));
        self.members[level] += 1;
        if let Next::Unreachable { .. } = path.next {
            self.unreachable[level] += 1;
        }
        for practice in path.next.practices() {
            let counts = self.blocking.entry((path.level, practice.question)).or_default();
            counts.0 += 1;
            counts.1 += usize::from(practice.find_out_first());
        }
    }

    /// The group's path; `roadmap` is the group's roadmap, which orders practices blocking equally many.
    /// `None` when no member was added.
    pub fn finish(&self, q: &Questionnaire, roadmap: &[Step]) -> Option<GroupPath> {
        let level = self.members.iter().position(|n| *n > 0)? as u8;
        if level >= TOP {
            return Some(GroupPath { level, members: self.members, next: None, practices: Vec::new() });
        }
        let rank: BTreeMap<usize, usize> =
            roadmap.iter().enumerate().map(|(rank, step)| (step.question, rank)).collect();
        let mut practices: Vec<GroupBlocking> = if self.unreachable[usize::from(level)] > 0 {
            Vec::new()
        } else {
            self.blocking
                .range((level, 0)..=(level, usize::MAX))
                .map(|(&(_, question), &(members, dont_know))| GroupBlocking {
                    question,
                    mil: q.questions[question].mil.unwrap_or(level + 1),
                    members,
                    dont_know,
                    needed: needed(q, &q.questions[question]),
                })
                .collect()
        };
        practices.sort_by_key(|p| {
            (std::cmp::Reverse(p.members), rank.get(&p.question).copied().unwrap_or(usize::MAX), p.question)
        });
        Some(GroupPath { level, members: self.members, next: Some(level + 1), practices })
    }
}

#[cfg(test)]
mod tests;
