//! The interview's draft: an answer sheet (DESIGN.md §3) saved after every answer, atomically, so that an
//! interruption at any moment loses at most the answer being typed.
//!
//! A draft may be resumed against a newer version of its questionnaire. Answers that no longer fit are
//! kept (and written back unchanged), never dropped: the respondent decides what to do with them.
//!
//! Besides the answers, a draft records how its interview was started (an `[interview]` table: the
//! language, the output folder, and the themes and questions asked), so that `--resume` goes on in the same
//! language over the same part of the questionnaire and writes the report where the respondent asked for
//! it. Who answered is the sheet's own `[respondent]` (role, and a name only if one was given).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::answers::AnswerSheet;
use crate::answers::sheet::{Format, ParsedSheet, SheetFinding, to_toml_keeping};
use crate::i18n::Lang;
use crate::input;
use crate::output::{WriteError, write_atomic};
use crate::questionnaire::Questionnaire;

use super::selection::Selection;

#[derive(Debug, Clone)]
pub struct Draft {
    pub path: PathBuf,
    pub sheet: AnswerSheet,
    /// Answers that do not fit the questionnaire, as written.
    pub unfit: Map<String, Value>,
    pub unfit_notes: Map<String, Value>,
    /// The interface language the interview was started in.
    pub lang: Option<Lang>,
    /// The folder the report goes to.
    pub out_dir: Option<PathBuf>,
    /// The themes and questions the interview asks, as recorded: ids not checked against the
    /// questionnaire (a newer version may have dropped one; the command resolves them).
    pub selection: Selection,
}

/// Why a draft could not be resumed.
#[derive(Debug)]
pub enum DraftError {
    Read(input::ReadError),
    /// The draft's TOML or JSON is broken.
    Syntax(SheetFinding),
    /// The draft answers another questionnaire: (the draft's id, the questionnaire's id).
    OtherQuestionnaire(String, String),
}

impl Draft {
    /// A new, empty draft for `q`, to be saved at `path`.
    pub fn new(path: PathBuf, q: &Questionnaire) -> Draft {
        Draft {
            path,
            sheet: AnswerSheet {
                questionnaire: q.id.clone(),
                questionnaire_version: Some(q.version.clone()),
                ..AnswerSheet::default()
            },
            unfit: Map::new(),
            unfit_notes: Map::new(),
            lang: None,
            out_dir: None,
            selection: Selection::default(),
        }
    }

    /// Reads a draft to resume; the findings say which answers no longer fit (they are kept in `unfit`).
    pub fn load(path: &Path, q: &Questionnaire) -> Result<(Draft, Vec<SheetFinding>), DraftError> {
        let text = input::read_text(path, input::SHEET_LIMIT).map_err(DraftError::Read)?;
        let parsed = ParsedSheet::parse(&text, Format::detect(path, &text)).map_err(DraftError::Syntax)?;
        let Some(reading) = parsed.check_draft(q) else {
            let id = parsed.questionnaire_id().unwrap_or_default().to_string();
            return Err(DraftError::OtherQuestionnaire(id, q.id.clone()));
        };
        let mut sheet = reading.sheet;
        sheet.questionnaire.clone_from(&q.id);
        // The draft now answers this version; the answers that do not fit are kept apart.
        sheet.questionnaire_version = Some(q.version.clone());
        let interview = parsed.root.get("interview");
        let setting = |key: &str| interview.and_then(|table| table.get(key)).and_then(Value::as_str);
        let ids = |key: &str| -> Vec<String> {
            let list = interview.and_then(|table| table.get(key)).and_then(Value::as_array);
            list.into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect()
        };
        let draft = Draft {
            path: path.to_path_buf(),
            sheet,
            unfit: reading.unfit,
            unfit_notes: reading.unfit_notes,
            lang: setting("language").and_then(Lang::from_code),
            out_dir: setting("out_dir").filter(|dir| !dir.is_empty()).map(PathBuf::from),
            selection: Selection { themes: ids("themes"), questions: ids("questions") },
        };
        Ok((draft, reading.findings))
    }

    /// The draft as TOML.
    pub fn to_toml(&self, q: &Questionnaire) -> String {
        let mut text = to_toml_keeping(&self.sheet, q, &self.unfit, &self.unfit_notes);
        let mut interview = toml::Table::new();
        if let Some(lang) = self.lang {
            interview.insert("language".into(), lang.code().into());
        }
        if let Some(dir) = self.out_dir.as_deref().and_then(Path::to_str) {
            interview.insert("out_dir".into(), dir.into());
        }
        for (key, ids) in [("themes", &self.selection.themes), ("questions", &self.selection.questions)] {
            if !ids.is_empty() {
                interview
                    .insert(key.into(), ids.iter().map(|id| toml::Value::from(id.as_str())).collect::<Vec<_>>().into());
            }
        }
        if !interview.is_empty() {
            let mut root = toml::Table::new();
            root.insert("interview".into(), interview.into());
            text.push('\n');
            text.push_str(&toml::to_string(&root).unwrap_or_default());
        }
        text
    }

    /// Writes the draft atomically.
    pub fn save(&self, q: &Questionnaire) -> Result<(), WriteError> {
        write_atomic(&self.path, self.to_toml(q).as_bytes())
    }

    /// How many scored questions have an answer ("na" and "dk" included).
    pub fn answered(&self, q: &Questionnaire) -> usize {
        q.scored_questions().filter(|question| self.sheet.answers.contains_key(&question.id)).count()
    }
}

/// The suffix that marks a draft file.
pub const DRAFT_SUFFIX: &str = ".draft.toml";

/// A free path for a new draft in `dir`: `<questionnaire>-<date>.draft.toml`, then `-2`, `-3` …; a draft
/// of part of the questionnaire names its part (`<questionnaire>-security-skills-<date>.draft.toml`), so
/// that the drafts respondents bring from their own folders to `merge` have names that tell them apart.
/// In the current folder the path is the bare name, as a person would type it.
pub fn new_draft_path(dir: &Path, questionnaire: &str, part: &Selection, date: &str) -> PathBuf {
    let dir = if dir == Path::new(".") { Path::new("") } else { dir };
    let ids: Vec<&str> = part.themes.iter().chain(&part.questions).map(String::as_str).collect();
    let stem = if ids.is_empty() {
        format!("{questionnaire}-{date}")
    } else {
        // Long selections are cut to a name a file system takes; the draft itself records the whole part.
        let mut part = crate::output::safe_file_stem(&ids.join("+"));
        if let Some((cut, _)) = part.char_indices().nth(PART_IN_NAME) {
            part.truncate(cut);
        }
        format!("{questionnaire}-{}-{date}", part.trim_end_matches('-'))
    };
    crate::output::free_path(dir, &stem, DRAFT_SUFFIX.trim_start_matches('.'))
}

/// At most this many characters of the part asked go into a draft's file name.
const PART_IN_NAME: usize = 48;

/// The draft's folder, the default output folder of a resumed interview.
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Drafts of questionnaire `questionnaire` in `dir`, newest first, so that a forgotten `--resume` can be
/// offered.
pub fn find_drafts(dir: &Path, questionnaire: &str) -> Vec<PathBuf> {
    let prefix = format!("{questionnaire}-");
    let mut drafts: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix) && name.ends_with(DRAFT_SUFFIX)
        })
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .collect();
    drafts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    drafts.into_iter().map(|(_, path)| path).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::questionnaire::fixtures::{SMALL, small};
    use crate::questionnaire::{Source, load_text};

    #[test]
    fn a_saved_draft_reads_back_the_same() {
        let q = small();
        let dir = tempfile::tempdir().unwrap();
        let mut draft = Draft::new(new_draft_path(dir.path(), "pieni", &Selection::default(), "2026-11-24"), &q);
        draft.sheet.respondent.municipality = "Kustavi".into();
        draft.sheet.answers.insert("a.level".into(), Answer::Level(3));
        draft.sheet.answers.insert("t.yes".into(), Answer::DontKnow);
        draft.sheet.notes.insert("a.level".into(), "ks. pöytäkirja".into());
        draft.lang = Some(Lang::Sv);
        draft.out_dir = Some(dir.path().join("arviot"));
        draft.selection = Selection { themes: vec!["t".into()], questions: vec!["a.level".into()] };
        draft.save(&q).unwrap();
        let (again, findings) = Draft::load(&draft.path, &q).unwrap();
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(again.sheet, draft.sheet);
        assert_eq!((again.lang, again.out_dir), (Some(Lang::Sv), Some(dir.path().join("arviot"))));
        assert_eq!(again.selection, draft.selection, "a resumed draft asks the same part");
        let text = std::fs::read_to_string(&draft.path).unwrap();
        assert!(text.contains("themes = [\"t\"]") && text.contains("questions = [\"a.level\"]"), "{text}");
        assert_eq!(draft.path.file_name().unwrap(), "pieni-2026-11-24.draft.toml");
        assert_eq!(
            new_draft_path(dir.path(), "pieni", &Selection::default(), "2026-11-24").file_name().unwrap(),
            "pieni-2026-11-24-2.draft.toml"
        );
        assert_eq!(find_drafts(dir.path(), "pieni"), vec![draft.path.clone()]);
    }

    #[test]
    fn a_draft_of_part_of_the_questionnaire_names_its_part() {
        let dir = tempfile::tempdir().unwrap();
        let part = Selection { themes: vec!["security".into(), "skills".into()], questions: vec!["a.level".into()] };
        let path = new_draft_path(dir.path(), "kunta", &part, "2026-12-02");
        assert_eq!(path.file_name().unwrap(), "kunta-security-skills-a-level-2026-12-02.draft.toml");
        let many = Selection { themes: (0..30).map(|i| format!("theme{i}")).collect(), questions: vec![] };
        let name = new_draft_path(dir.path(), "kunta", &many, "2026-12-02").file_name().unwrap().to_owned();
        let name = name.to_str().unwrap();
        assert!(name.len() < 100 && name.ends_with("-2026-12-02.draft.toml") && !name.contains("--"), "{name}");
        assert_eq!(find_drafts(dir.path(), "kunta"), Vec::<PathBuf>::new(), "nothing written yet");
    }

    #[test]
    fn answers_that_no_longer_fit_a_newer_version_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.draft.toml");
        std::fs::write(
            &path,
            "questionnaire = \"pieni\"\nquestionnaire_version = \"0.9.0\"\n[answers]\n\"a.level\" = 2\n\"a.gone\" = 3\n\"a.choice\" = \"old\"\n[notes]\n\"a.gone\" = \"vanha\"\n",
        )
        .unwrap();
        let newer =
            load_text(&SMALL.replace("version = \"1.0.0\"", "version = \"1.1.0\""), &Source::Builtin("p".into()))
                .unwrap();
        let (draft, findings) = Draft::load(&path, &newer).unwrap();
        assert_eq!(draft.sheet.answers.len(), 1);
        assert_eq!(draft.unfit.len(), 2);
        assert!(findings.len() >= 3, "{findings:?}");
        draft.save(&newer).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(
            written.contains("\"a.gone\" = 3")
                && written.contains("\"a.choice\" = \"old\"")
                && written.contains("vanha"),
            "{written}"
        );
        assert!(written.contains("questionnaire_version = \"1.1.0\""));
    }

    #[test]
    fn a_draft_for_another_questionnaire_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.draft.toml");
        std::fs::write(&path, "questionnaire = \"muu\"\n").unwrap();
        assert!(
            matches!(Draft::load(&path, &small()), Err(DraftError::OtherQuestionnaire(a, b)) if a == "muu" && b == "pieni")
        );
    }
}
