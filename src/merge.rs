//! Merging the answer sheets of several respondents of one municipality into one sheet (issue 23).
//!
//! Pure: sheets in, a merged sheet and the conflicts still to resolve out. Answers that agree are taken,
//! an answer only one respondent gave is taken and attributed, "dk" gives way to a real answer, and answers
//! that differ are conflicts: resolved by a rule (`--prefer ROLE|FILE`) or a person, never silently. The
//! merged sheet records who gave each answer (`sources`) and how each conflict was resolved (`conflicts`).
//! Reading files and asking people belong to `commands::merge`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::answers::{Answer, AnswerSheet, Respondent};
use crate::i18n::{Lang, messages as m};
use crate::questionnaire::Questionnaire;

/// One respondent's sheet as read from a file.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file as the user named it.
    pub file: String,
    /// How sources name the file: its name without folders, or the whole path when another input has the
    /// same name (drafts brought from separate folders); see [`name_apart`].
    pub name: String,
    pub sheet: AnswerSheet,
    /// Answers and notes that do not fit the questionnaire, as written; kept in the merged sheet.
    pub unfit: Map<String, Value>,
    pub unfit_notes: Map<String, Value>,
}

impl Input {
    pub fn new(file: impl Into<String>, sheet: AnswerSheet) -> Input {
        let file = file.into();
        Input { name: bare_name(&file).to_string(), file, sheet, unfit: Map::new(), unfit_notes: Map::new() }
    }

    /// The file as sources name it.
    pub fn file_name(&self) -> &str {
        &self.name
    }

    /// Who answered: "role (file)", else the name, else the file alone.
    pub fn label(&self) -> String {
        let r = &self.sheet.respondent;
        match r.role.as_deref().or(r.respondent.as_deref()) {
            Some(who) => format!("{who} ({})", self.file_name()),
            None => self.file_name().to_string(),
        }
    }

    /// Where this input's answer to `id` came from: its own record when it is itself a merge.
    fn source_of(&self, id: &str) -> String {
        self.sheet.sources.get(id).cloned().unwrap_or_else(|| self.label())
    }
}

/// A file's name without its folders.
fn bare_name(file: &str) -> &str {
    std::path::Path::new(file).file_name().and_then(|name| name.to_str()).unwrap_or(file)
}

/// Names inputs that share a file name (`it/kunta-2026-12-02.draft.toml`, `hr/kunta-2026-12-02.draft.toml`)
/// by their whole paths, so that every source and conflict says which file it means.
pub fn name_apart(inputs: &mut [Input]) {
    let names: Vec<String> = inputs.iter().map(|input| bare_name(&input.file).to_string()).collect();
    for (input, name) in inputs.iter_mut().zip(&names) {
        input.name =
            if names.iter().filter(|other| *other == name).count() > 1 { input.file.clone() } else { name.clone() };
    }
}

/// Why sheets cannot be merged at all.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeError {
    /// (file, questionnaire) of the first sheet and of one that differs.
    OtherQuestionnaire { first: (String, String), other: (String, String) },
    /// (file, municipality) of the first sheet and of one that differs.
    OtherMunicipality { first: (String, String), other: (String, String) },
    /// Two files with the same answers, notes and respondent: one respondent given twice.
    Duplicate { first: String, other: String },
}

impl MergeError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MergeError::OtherQuestionnaire { first, other } => {
                m::M_OTHER_QUESTIONNAIRE.fill(lang, &[&first.0, &first.1, &other.0, &other.1])
            }
            MergeError::OtherMunicipality { first, other } => {
                m::M_OTHER_MUNICIPALITY.fill(lang, &[&first.0, &first.1, &other.0, &other.1])
            }
            MergeError::Duplicate { first, other } => m::M_DUPLICATE.fill(lang, &[first, other]),
        }
    }
}

/// One of the differing answers to a question, with the inputs that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub answer: Answer,
    /// Indexes into the inputs.
    pub inputs: Vec<usize>,
}

/// A question the respondents answered differently ("dk" aside).
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub question: String,
    pub candidates: Vec<Candidate>,
}

/// The merge so far: every agreed answer in `sheet`, the conflicts not yet resolved apart.
#[derive(Debug, Clone)]
pub struct Merge {
    pub sheet: AnswerSheet,
    pub conflicts: Vec<Conflict>,
    pub unfit: Map<String, Value>,
    pub unfit_notes: Map<String, Value>,
}

/// A rule for conflicts: prefer the answer of this role or file.
#[derive(Debug, Clone, PartialEq)]
pub struct Prefer(pub String);

impl Prefer {
    /// The candidate the rule picks: the one given by the named file (as given or its name), else by the
    /// named role; `None` when the rule names none of them.
    pub fn pick(&self, conflict: &Conflict, inputs: &[Input]) -> Option<usize> {
        let wanted = self.0.trim();
        let by_file = |input: &Input| input.file == wanted || input.name == wanted;
        let by_role = |input: &Input| {
            input.sheet.respondent.role.as_deref().is_some_and(|role| role.trim().eq_ignore_ascii_case(wanted))
        };
        let find = |matches: &dyn Fn(&Input) -> bool| {
            conflict.candidates.iter().position(|c| c.inputs.iter().any(|&i| matches(&inputs[i])))
        };
        find(&by_file).or_else(|| find(&by_role))
    }

    /// The files a rule could mean when it gives a file name that several inputs share (their folders
    /// apart); empty when it names one file, or a role.
    pub fn ambiguous(&self, inputs: &[Input]) -> Vec<String> {
        let wanted = self.0.trim();
        if inputs.iter().any(|input| input.file == wanted || input.name == wanted) {
            return Vec::new();
        }
        let same: Vec<String> =
            inputs.iter().filter(|input| bare_name(&input.file) == wanted).map(|input| input.file.clone()).collect();
        if same.len() > 1 { same } else { Vec::new() }
    }
}

/// How a conflict was resolved, for the record.
#[derive(Debug, Clone, PartialEq)]
pub enum How {
    Prefer(String),
    Person,
}

/// A decision on one conflict: the candidate taken; with `keep_others` the other answers are added to the
/// note, each with who gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub candidate: usize,
    pub keep_others: bool,
    pub how: How,
}

/// Answers are the same when they say the same: a multi answer's options in any order.
fn same(a: &Answer, b: &Answer) -> bool {
    match (a, b) {
        (Answer::Multi(x), Answer::Multi(y)) => {
            let mut x = x.clone();
            let mut y = y.clone();
            x.sort();
            y.sort();
            x == y
        }
        (Answer::Text(x), Answer::Text(y)) => x.trim() == y.trim(),
        _ => a == b,
    }
}

/// Merges the sheets; conflicts are left in [`Merge::conflicts`] for [`Merge::resolve`].
pub fn merge(q: &Questionnaire, inputs: &[Input]) -> Result<Merge, MergeError> {
    let Some(first) = inputs.first() else {
        return Ok(Merge {
            sheet: AnswerSheet::default(),
            conflicts: Vec::new(),
            unfit: Map::new(),
            unfit_notes: Map::new(),
        });
    };
    let key = |name: &str| name.trim().to_lowercase();
    for (i, input) in inputs.iter().enumerate() {
        if input.sheet.questionnaire != first.sheet.questionnaire {
            return Err(MergeError::OtherQuestionnaire {
                first: (first.file.clone(), first.sheet.questionnaire.clone()),
                other: (input.file.clone(), input.sheet.questionnaire.clone()),
            });
        }
        let (ours, theirs) = (&first.sheet.respondent, &input.sheet.respondent);
        let codes_differ = matches!((&ours.municipality_code, &theirs.municipality_code), (Some(x), Some(y)) if x != y);
        if key(&ours.municipality) != key(&theirs.municipality) || codes_differ {
            return Err(MergeError::OtherMunicipality {
                first: (first.file.clone(), ours.municipality.clone()),
                other: (input.file.clone(), theirs.municipality.clone()),
            });
        }
        if let Some(earlier) = inputs[..i].iter().find(|earlier| earlier.sheet == input.sheet) {
            return Err(MergeError::Duplicate { first: earlier.file.clone(), other: input.file.clone() });
        }
    }

    let mut sheet = AnswerSheet {
        questionnaire: first.sheet.questionnaire.clone(),
        questionnaire_version: Some(q.version.clone()),
        respondent: respondent(inputs),
        ..AnswerSheet::default()
    };
    let mut conflicts = Vec::new();
    for question in &q.questions {
        let id = &question.id;
        let given: Vec<(usize, &Answer)> =
            inputs.iter().enumerate().filter_map(|(i, input)| Some((i, input.sheet.answers.get(id)?))).collect();
        if given.is_empty() {
            continue;
        }
        let notes = notes_of(inputs, id, given.iter().map(|(i, _)| *i), given.len() > 1);
        if let Some(note) = notes {
            sheet.notes.insert(id.clone(), note);
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        for &(i, answer) in given.iter().filter(|(_, a)| **a != Answer::DontKnow) {
            match candidates.iter_mut().find(|c| same(&c.answer, answer)) {
                Some(candidate) => candidate.inputs.push(i),
                None => candidates.push(Candidate { answer: answer.clone(), inputs: vec![i] }),
            }
        }
        match candidates.len() {
            // Nobody knows: "dk" stands, and everyone who said so is named.
            0 => {
                sheet.answers.insert(id.clone(), Answer::DontKnow);
                sheet.sources.insert(id.clone(), sources(inputs, id, given.iter().map(|(i, _)| *i)));
            }
            1 => {
                let candidate = &candidates[0];
                sheet.answers.insert(id.clone(), candidate.answer.clone());
                sheet.sources.insert(id.clone(), sources(inputs, id, candidate.inputs.iter().copied()));
            }
            _ => conflicts.push(Conflict { question: id.clone(), candidates }),
        }
    }
    let mut unfit = Map::new();
    let mut unfit_notes = Map::new();
    for input in inputs {
        for (id, value) in &input.unfit {
            unfit.entry(id.clone()).or_insert_with(|| value.clone());
        }
        for (id, value) in &input.unfit_notes {
            unfit_notes.entry(id.clone()).or_insert_with(|| value.clone());
        }
    }
    Ok(Merge { sheet, conflicts, unfit, unfit_notes })
}

/// The respondents' details together: the municipality's facts from the first sheet that has them, every
/// role and name, the latest date.
fn respondent(inputs: &[Input]) -> Respondent {
    let all = || inputs.iter().map(|input| &input.sheet.respondent);
    let first = |field: fn(&Respondent) -> Option<&String>| all().find_map(field).cloned();
    let joined = |field: fn(&Respondent) -> Option<&String>| {
        let mut seen: Vec<&str> = Vec::new();
        for value in all().filter_map(field) {
            if !seen.contains(&value.as_str()) {
                seen.push(value);
            }
        }
        (!seen.is_empty()).then(|| seen.join(", "))
    };
    Respondent {
        municipality: inputs[0].sheet.respondent.municipality.clone(),
        municipality_code: first(|r| r.municipality_code.as_ref()),
        region: first(|r| r.region.as_ref()),
        population: all().find_map(|r| r.population),
        respondent: joined(|r| r.respondent.as_ref()),
        role: joined(|r| r.role.as_ref()),
        department: joined(|r| r.department.as_ref()),
        date: all().filter_map(|r| r.date.clone()).max(),
    }
}

fn sources(inputs: &[Input], id: &str, from: impl Iterator<Item = usize>) -> String {
    let mut labels: Vec<String> = Vec::new();
    for label in from.map(|i| inputs[i].source_of(id)) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join(", ")
}

/// The notes on one question: each with its author when several respondents answered it (so that a note
/// is never taken for everyone's), else the one note as it was.
fn notes_of(inputs: &[Input], id: &str, from: impl Iterator<Item = usize>, several: bool) -> Option<String> {
    let mut notes: Vec<(String, &str)> = Vec::new();
    for i in from {
        if let Some(note) = inputs[i].sheet.notes.get(id).map(|note| note.trim())
            && !notes.iter().any(|(_, seen)| *seen == note)
        {
            notes.push((inputs[i].label(), note));
        }
    }
    match notes.as_slice() {
        [] => None,
        [(_, note)] if !several => Some((*note).to_string()),
        _ => Some(notes.iter().map(|(who, note)| format!("{who}: {note}")).collect::<Vec<_>>().join("\n")),
    }
}

impl Merge {
    /// Resolves the conflict on `question` as `choice` says; the resolution is recorded in the sheet.
    pub fn resolve(&mut self, q: &Questionnaire, inputs: &[Input], question: &str, choice: &Choice, lang: Lang) {
        let Choice { candidate: chosen, keep_others, how } = choice;
        let chosen = *chosen;
        let Some(at) = self.conflicts.iter().position(|c| c.question == question) else { return };
        let conflict = self.conflicts.remove(at);
        let Some(model) = q.question(question) else { return };
        let said = |candidate: &Candidate| {
            format!(
                "{} = {}",
                sources(inputs, question, candidate.inputs.iter().copied()),
                candidate.answer.describe(q, model, lang)
            )
        };
        let winner = &conflict.candidates[chosen];
        self.sheet.answers.insert(question.to_string(), winner.answer.clone());
        self.sheet.sources.insert(question.to_string(), sources(inputs, question, winner.inputs.iter().copied()));
        let others: Vec<String> =
            conflict.candidates.iter().enumerate().filter(|(i, _)| *i != chosen).map(|(_, c)| said(c)).collect();
        if *keep_others {
            let kept = m::M_NOTE_OTHER_ANSWERS.fill(lang, &[&others.join("; ")]);
            let note = match self.sheet.notes.get(question) {
                Some(note) => format!("{note}\n{kept}"),
                None => kept,
            };
            self.sheet.notes.insert(question.to_string(), note);
        }
        let how = match how {
            How::Prefer(rule) => m::M_HOW_PREFER.fill(lang, &[rule]),
            How::Person => m::M_HOW_PERSON.get(lang).to_string(),
        };
        let record = m::M_CONFLICT_RECORD.fill(lang, &[&said(winner), &others.join("; "), &how]);
        self.sheet.conflicts.insert(question.to_string(), record);
    }

    /// Resolves every conflict the rule decides; the rest stay in [`Merge::conflicts`].
    pub fn apply_rule(&mut self, q: &Questionnaire, inputs: &[Input], rule: &Prefer, lang: Lang) {
        let decided: Vec<(String, usize)> = self
            .conflicts
            .iter()
            .filter_map(|conflict| Some((conflict.question.clone(), rule.pick(conflict, inputs)?)))
            .collect();
        for (question, chosen) in decided {
            let choice = Choice { candidate: chosen, keep_others: false, how: How::Prefer(rule.0.clone()) };
            self.resolve(q, inputs, &question, &choice, lang);
        }
    }
}

/// Which roles answered each theme (question ids in `sources` → their theme), in questionnaire order; for
/// a sheet without sources, its respondent's role answered every theme it has answers in.
pub fn roles_by_theme(q: &Questionnaire, sheet: &AnswerSheet) -> BTreeMap<String, Vec<String>> {
    let mut roles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for id in sheet.answers.keys() {
        let Some(question) = q.question(id) else { continue };
        let theme = &q.theme_of(question).id;
        let who: Vec<String> = match sheet.sources.get(id) {
            Some(sources) => split_sources(sources),
            None => sheet.respondent.role.iter().cloned().collect(),
        };
        let entry = roles.entry(theme.clone()).or_default();
        for role in who {
            if !entry.contains(&role) {
                entry.push(role);
            }
        }
    }
    roles.retain(|_, roles| !roles.is_empty());
    roles
}

/// `it-lead (it.toml), finance (f.toml)` → `it-lead`, `finance`: the roles, without the files.
fn split_sources(sources: &str) -> Vec<String> {
    sources
        .split(", ")
        .map(|label| match label.rfind(" (") {
            Some(at) if label.ends_with(')') => label[..at].to_string(),
            _ => label.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    fn input(file: &str, role: &str, answers: &[(&str, Answer)], notes: &[(&str, &str)]) -> Input {
        Input::new(
            file,
            AnswerSheet {
                questionnaire: "pieni".into(),
                questionnaire_version: Some("1.0.0".into()),
                respondent: Respondent {
                    municipality: "Kustavi".into(),
                    role: Some(role.into()),
                    date: Some(format!("2026-11-2{}", file.len() % 10)),
                    ..Respondent::default()
                },
                answers: answers.iter().map(|(id, a)| ((*id).to_string(), a.clone())).collect(),
                notes: notes.iter().map(|(id, n)| ((*id).to_string(), (*n).to_string())).collect(),
                ..AnswerSheet::default()
            },
        )
    }

    #[test]
    fn takes_agreeing_and_single_answers_and_attributes_them() {
        let q = small();
        let inputs = [
            input("it.toml", "it", &[("a.level", Answer::Level(2)), ("t.yes", Answer::YesNo(true))], &[]),
            input(
                "hr.toml",
                "hr",
                &[("a.level", Answer::Level(2)), ("a.choice", Answer::Choice("some".into()))],
                &[("a.choice", "kysytty")],
            ),
        ];
        let merged = merge(&q, &inputs).unwrap();
        assert!(merged.conflicts.is_empty());
        let s = &merged.sheet;
        assert_eq!(s.answers["a.level"], Answer::Level(2));
        assert_eq!(s.sources["a.level"], "it (it.toml), hr (hr.toml)");
        assert_eq!(s.sources["t.yes"], "it (it.toml)");
        assert_eq!(s.sources["a.choice"], "hr (hr.toml)");
        assert_eq!(s.notes["a.choice"], "kysytty");
        assert_eq!(s.respondent.role.as_deref(), Some("it, hr"));
        assert_eq!(s.respondent.municipality, "Kustavi");
    }

    #[test]
    fn dont_know_gives_way_to_a_real_answer_and_stands_when_nobody_knows() {
        let q = small();
        let inputs = [
            input("it.toml", "it", &[("a.level", Answer::DontKnow), ("t.yes", Answer::DontKnow)], &[]),
            input("hr.toml", "hr", &[("a.level", Answer::Level(3)), ("t.yes", Answer::DontKnow)], &[]),
        ];
        let merged = merge(&q, &inputs).unwrap();
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.sheet.answers["a.level"], Answer::Level(3));
        assert_eq!(merged.sheet.sources["a.level"], "hr (hr.toml)");
        assert_eq!(merged.sheet.answers["t.yes"], Answer::DontKnow);
        assert_eq!(merged.sheet.sources["t.yes"], "it (it.toml), hr (hr.toml)");
    }

    #[test]
    fn multi_answers_in_another_order_agree() {
        let q = small();
        let inputs = [
            input("a.toml", "it", &[("a.multi", Answer::Multi(vec!["p".into(), "r".into()]))], &[]),
            input("b.toml", "hr", &[("a.multi", Answer::Multi(vec!["r".into(), "p".into()]))], &[]),
        ];
        assert!(merge(&q, &inputs).unwrap().conflicts.is_empty());
    }

    #[test]
    fn differing_answers_are_conflicts_until_resolved() {
        let q = small();
        let inputs = [
            input("it.toml", "it", &[("a.level", Answer::Level(1))], &[("a.level", "varmuuskopiot")]),
            input("hr.toml", "hr", &[("a.level", Answer::NotApplicable)], &[]),
            input("fin.toml", "talous", &[("a.level", Answer::Level(3))], &[]),
        ];
        let mut merged = merge(&q, &inputs).unwrap();
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].candidates.len(), 3);
        assert!(!merged.sheet.answers.contains_key("a.level"), "never silently");
        merged.apply_rule(&q, &inputs, &Prefer("nobody".into()), Lang::En);
        assert_eq!(merged.conflicts.len(), 1, "a rule that names no one leaves the conflict");
        merged.apply_rule(&q, &inputs, &Prefer("fin.toml".into()), Lang::En);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.sheet.answers["a.level"], Answer::Level(3));
        assert_eq!(merged.sheet.sources["a.level"], "talous (fin.toml)");
        let record = &merged.sheet.conflicts["a.level"];
        assert!(record.contains("talous (fin.toml) = 3") && record.contains("--prefer fin.toml"), "{record}");
        assert!(record.contains("it (it.toml) = 1"), "{record}");
    }

    #[test]
    fn a_role_rule_and_a_person_keeping_both_in_the_note() {
        let q = small();
        let inputs = [
            input(
                "it.toml",
                "it",
                &[("a.level", Answer::Level(1)), ("t.yes", Answer::YesNo(true))],
                &[("t.yes", "ks. ohje")],
            ),
            input("hr.toml", "HR", &[("a.level", Answer::Level(2)), ("t.yes", Answer::YesNo(false))], &[]),
        ];
        let mut merged = merge(&q, &inputs).unwrap();
        merged.apply_rule(&q, &inputs, &Prefer("hr".into()), Lang::En);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.sheet.answers["a.level"], Answer::Level(2));

        let mut merged = merge(&q, &inputs).unwrap();
        merged.resolve(&q, &inputs, "t.yes", &Choice { candidate: 1, keep_others: true, how: How::Person }, Lang::En);
        assert_eq!(merged.sheet.answers["t.yes"], Answer::YesNo(false));
        let note = &merged.sheet.notes["t.yes"];
        assert!(note.starts_with("it (it.toml): ks. ohje") && note.contains("it (it.toml) = Yes"), "{note}");
        assert_eq!(merged.conflicts.len(), 1);
    }

    #[test]
    fn refuses_other_municipalities_questionnaires_and_duplicates_naming_the_files() {
        let q = small();
        let a = input("a.toml", "it", &[("a.level", Answer::Level(1))], &[]);
        let mut b = input("b.toml", "hr", &[], &[]);
        b.sheet.respondent.municipality = "Naantali".into();
        let error = merge(&q, &[a.clone(), b.clone()]).unwrap_err();
        assert!(matches!(&error, MergeError::OtherMunicipality { other, .. } if other.0 == "b.toml"));
        let message = error.message(Lang::En);
        assert!(message.contains("`a.toml`") && message.contains("`Naantali`"), "{message}");

        b.sheet.respondent.municipality = "kustavi ".into();
        b.sheet.questionnaire = "muu".into();
        assert!(matches!(merge(&q, &[a.clone(), b]), Err(MergeError::OtherQuestionnaire { .. })));

        let mut again = a.clone();
        again.file = "kopio.toml".into();
        assert_eq!(
            merge(&q, &[a, again]).unwrap_err(),
            MergeError::Duplicate { first: "a.toml".into(), other: "kopio.toml".into() }
        );
    }

    #[test]
    fn a_merged_sheet_is_written_and_read_back_with_its_sources() {
        use crate::answers::sheet::{Format, ParsedSheet, to_toml};
        let q = small();
        let inputs = [
            input("it.toml", "it", &[("a.level", Answer::Level(1))], &[]),
            input("hr.toml", "hr", &[("a.level", Answer::Level(2)), ("t.yes", Answer::YesNo(true))], &[]),
        ];
        let mut merged = merge(&q, &inputs).unwrap();
        merged.apply_rule(&q, &inputs, &Prefer("it".into()), Lang::Fi);
        let text = to_toml(&merged.sheet, &q);
        assert!(text.contains("[sources]") && text.contains("[conflicts]"), "{text}");
        let (again, findings) = ParsedSheet::parse(&text, Format::Toml).unwrap().check(&q);
        assert_eq!(findings, vec![]);
        assert_eq!(again.unwrap(), merged.sheet);
    }

    #[test]
    fn a_note_is_attributed_when_several_answered_the_question() {
        let q = small();
        let inputs = [
            input("it.toml", "it", &[("a.level", Answer::DontKnow)], &[("a.level", "kysy HR:ltä")]),
            input(
                "hr.toml",
                "hr",
                &[("a.level", Answer::Level(2)), ("t.yes", Answer::YesNo(true))],
                &[("t.yes", "ok")],
            ),
        ];
        let merged = merge(&q, &inputs).unwrap();
        assert_eq!(merged.sheet.notes["a.level"], "it (it.toml): kysy HR:ltä", "not taken for HR's note");
        assert_eq!(merged.sheet.notes["t.yes"], "ok", "only HR answered: the source already says whose");
    }

    #[test]
    fn drafts_of_one_name_from_separate_folders_are_told_apart() {
        let q = small();
        let mut inputs = [
            input("it/kunta.draft.toml", "it", &[("a.level", Answer::Level(1))], &[]),
            input("hr/kunta.draft.toml", "it", &[("a.level", Answer::Level(3))], &[]),
            input("talous.toml", "talous", &[("t.yes", Answer::YesNo(true))], &[]),
        ];
        name_apart(&mut inputs);
        assert_eq!(
            inputs.iter().map(Input::file_name).collect::<Vec<_>>(),
            ["it/kunta.draft.toml", "hr/kunta.draft.toml", "talous.toml"]
        );
        assert_eq!(
            Prefer("kunta.draft.toml".into()).ambiguous(&inputs),
            ["it/kunta.draft.toml", "hr/kunta.draft.toml"]
        );
        assert!(Prefer("hr/kunta.draft.toml".into()).ambiguous(&inputs).is_empty());
        assert!(Prefer("talous.toml".into()).ambiguous(&inputs).is_empty());
        let mut merged = merge(&q, &inputs).unwrap();
        merged.apply_rule(&q, &inputs, &Prefer("hr/kunta.draft.toml".into()), Lang::Fi);
        assert_eq!(merged.sheet.answers["a.level"], Answer::Level(3));
        assert_eq!(merged.sheet.sources["a.level"], "it (hr/kunta.draft.toml)");
    }

    #[test]
    fn says_which_roles_answered_each_theme() {
        let q = small();
        let inputs = [
            input("it.toml", "it", &[("a.level", Answer::Level(1))], &[]),
            input("hr.toml", "hr", &[("a.level", Answer::Level(1)), ("t.yes", Answer::YesNo(true))], &[]),
        ];
        let merged = merge(&q, &inputs).unwrap();
        let roles = roles_by_theme(&q, &merged.sheet);
        assert_eq!(roles["a"], vec!["it", "hr"]);
        assert_eq!(roles["t"], vec!["hr"]);
        assert_eq!(roles_by_theme(&q, &inputs[1].sheet)["t"], vec!["hr"]);
    }
}
