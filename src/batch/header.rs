//! The header row: what each column of a batch holds.
//!
//! A column is matched, ignoring case and surrounding space, by a `--map` file first, then as a respondent
//! field (`municipality`, or its Finnish or Swedish name), a question id, `<id>.note`, a question's text in
//! any of the questionnaire's languages, a LimeSurvey code of a survey made by `questionnaire export --to
//! limesurvey` ([`crate::limesurvey::codes`]), or LimeSurvey's `QID[OPTION]` heading of one option of a multi
//! question (`QID[other]` and `QID[comment]` too). The columns that LimeSurvey, Microsoft Forms and Webropol
//! add are left aside, and their times of submission read for incomplete responses and the report's date.
//! Webropol's second header row of option labels is recognised here ([`second_header`]). Every column that
//! is none of these, every question given twice, a column without a header that holds data and a missing
//! `municipality` column are problems, all of them found before any row is read. Pure: the map file (its
//! `[columns]` and `[values]`) is parsed here from its text.

use std::collections::BTreeMap;

use crate::diagnostic::{Pos, closest};
use crate::i18n::{Lang, messages as m};
use crate::limesurvey::codes::{CodeTable, Column, Field, Value};
use crate::questionnaire::{Kind, Questionnaire};

/// A respondent field a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Meta {
    Municipality,
    MunicipalityCode,
    Region,
    Population,
    Respondent,
    Role,
    Department,
    Date,
}

impl Meta {
    pub const ALL: [Meta; 8] = [
        Meta::Municipality,
        Meta::MunicipalityCode,
        Meta::Region,
        Meta::Population,
        Meta::Respondent,
        Meta::Role,
        Meta::Department,
        Meta::Date,
    ];

    /// The column's name in a template and in the answer sheet's `[respondent]` table.
    pub fn key(self) -> &'static str {
        match self {
            Meta::Municipality => "municipality",
            Meta::MunicipalityCode => "municipality_code",
            Meta::Region => "region",
            Meta::Population => "population",
            Meta::Respondent => "respondent",
            Meta::Role => "role",
            Meta::Department => "department",
            Meta::Date => "date",
        }
    }

    /// Other names a spreadsheet made by hand may use, in Finnish, Swedish and English.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Meta::Municipality => &["kunta", "kommun", "kunnan nimi", "kommunens namn"],
            Meta::MunicipalityCode => &["kuntanumero", "kuntakoodi", "kommunnummer", "kommunkod", "municipality code"],
            Meta::Region => &["maakunta", "landskap"],
            Meta::Population => &["asukasluku", "invånarantal", "asukkaita", "invånare"],
            Meta::Respondent => &["vastaaja", "svarande"],
            Meta::Role => &["rooli", "roll", "tehtävä", "uppgift"],
            Meta::Department => &["yksikkö", "enhet", "toimiala", "sektor", "osasto", "avdelning", "unit"],
            Meta::Date => &["päivämäärä", "pvm", "datum"],
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// A respondent field by its key, one of its other names, or the text of its question in a survey made
    /// by `questionnaire export --to limesurvey` (already normalised).
    pub fn find(normalised: &str) -> Option<Meta> {
        Meta::ALL.into_iter().find(|meta| {
            meta.key() == normalised || meta.aliases().contains(&normalised) || {
                let text = meta.survey_text();
                [text.fi, text.sv, text.en].iter().any(|t| normalise(t) == normalised)
            }
        })
    }

    /// The question's text in the LimeSurvey survey.
    fn survey_text(self) -> crate::i18n::Tr {
        match self {
            Meta::Municipality => m::LS_Q_MUNICIPALITY,
            Meta::MunicipalityCode => m::LS_Q_MUNICIPALITY_CODE,
            Meta::Region => m::LS_Q_REGION,
            Meta::Population => m::LS_Q_POPULATION,
            Meta::Respondent => m::LS_Q_RESPONDENT,
            Meta::Role => m::LS_Q_ROLE,
            Meta::Department => m::LS_Q_DEPARTMENT,
            Meta::Date => m::LS_Q_DATE,
        }
    }
}

/// Why a column is left aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aside {
    /// A column LimeSurvey adds (id, submitdate, …).
    LimeSurvey,
    /// A column Microsoft Forms adds (ID, Start time, …).
    Forms,
    /// A column Webropol adds.
    Webropol,
    /// The error column of a `rejected.csv` being scored again.
    Errors,
    /// Mapped to `""` or `"-"` in the `--map` file.
    Mapped,
    /// A column without a header and without data.
    NoHeader,
}

/// What an exclusive option column answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusive {
    DontKnow,
    NotApplicable,
    NoneChosen,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Meta(Meta),
    /// The answer to the question with this index.
    Question(usize),
    /// The note on the question with this index.
    Note(usize),
    /// LimeSurvey's `QID[OPTION]`: `Y` when this option of a multi question is chosen.
    Option {
        question: usize,
        option: usize,
    },
    /// Only the `--group-by` column: read for its value, nothing else.
    GroupOnly,
    /// When the response was submitted (LimeSurvey's `submitdate`, Forms' "Completion time", Webropol's
    /// answer time): empty for an incomplete response, and the report's date when there is no `date` column.
    Submitted(Aside),
    /// LimeSurvey's `lastpage`: the page a respondent reached.
    LastPage,
    /// The free text of an "other" answer to the question with this index (LimeSurvey's `CODE[other]`).
    Other(usize),
    /// A column of a multi question that, marked, answers it whole: "don't know", "not applicable" or "none
    /// of these" (the exclusive subquestions of a survey made by `questionnaire export --to limesurvey`).
    Exclusive {
        question: usize,
        answer: Exclusive,
    },
    Aside(Aside),
}

/// What the header row says, ready for reading rows.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The headers as written, for messages.
    pub headers: Vec<String>,
    pub roles: Vec<Role>,
    /// The column of each respondent field, by [`Meta::index`].
    pub meta: [Option<usize>; 8],
    /// The `--group-by` column.
    pub group: Option<usize>,
    /// The line of the header row.
    pub line: u64,
    /// The header took two rows (Webropol: question texts, then the option labels under them).
    pub second_header: bool,
    /// Per question, the answers a `--map` file's `[values]` gives a meaning (normalised answer → the cell
    /// it stands for); empty for most.
    pub values: Vec<BTreeMap<String, String>>,
}

impl Plan {
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map_or("", String::as_str)
    }
}

/// A problem with the header row.
#[derive(Debug, Clone, PartialEq)]
pub enum HeaderProblem {
    Unknown {
        suggestion: Option<String>,
    },
    /// The header reads like the text of this question (edited a little in the survey tool).
    LikeQuestionText {
        id: String,
    },
    /// A column without a header holds data (1-based row of the first such cell).
    NoHeaderWithData {
        line: u64,
    },
    /// The column says the same as an earlier one (1-based column number) does.
    Duplicate {
        first: usize,
        target: String,
    },
    MissingMunicipality,
    /// `QID[OPTION]` where QID is not a multi question.
    NotMulti {
        question: String,
    },
    UnknownOption {
        question: String,
        option: String,
        options: Vec<String>,
    },
    /// The `--map` file maps this column to something that is neither a field nor a question.
    BadMapTarget {
        target: String,
        suggestion: Option<String>,
    },
    GroupColumnMissing {
        column: String,
        suggestion: Option<String>,
    },
}

/// A header problem at a column (0-based; `None` for the row as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderFinding {
    pub column: Option<usize>,
    pub problem: HeaderProblem,
}

impl HeaderFinding {
    pub fn message(&self, lang: Lang) -> String {
        match &self.problem {
            HeaderProblem::Unknown { suggestion: Some(id) } => m::B_UNKNOWN_COLUMN_SUGGEST.fill(lang, &[id]),
            HeaderProblem::Unknown { suggestion: None } => m::B_UNKNOWN_COLUMN.get(lang).to_string(),
            HeaderProblem::LikeQuestionText { id } => m::B_UNKNOWN_COLUMN_LIKE_TEXT.fill(lang, &[id]),
            HeaderProblem::NoHeaderWithData { line } => m::B_NO_HEADER_WITH_DATA.fill(lang, &[line]),
            HeaderProblem::Duplicate { first, target } => m::B_DUPLICATE_COLUMN.fill(lang, &[target, first]),
            HeaderProblem::MissingMunicipality => m::B_MISSING_MUNICIPALITY.get(lang).to_string(),
            HeaderProblem::NotMulti { question } => m::B_OPTION_COLUMN_NOT_MULTI.fill(lang, &[question]),
            HeaderProblem::UnknownOption { question, option, options } => {
                m::B_OPTION_COLUMN_UNKNOWN.fill(lang, &[question, option, &crate::answers::backticked(options)])
            }
            HeaderProblem::BadMapTarget { target, suggestion } => {
                let mut text = m::B_MAP_BAD_TARGET.fill(lang, &[target]);
                if let Some(suggestion) = suggestion {
                    text.push_str("; ");
                    text.push_str(&m::DID_YOU_MEAN.fill(lang, &[suggestion]));
                }
                text
            }
            HeaderProblem::GroupColumnMissing { column, suggestion } => {
                let mut text = m::B_GROUP_COLUMN_MISSING.fill(lang, &[column]);
                if let Some(suggestion) = suggestion {
                    text.push_str("; ");
                    text.push_str(&m::DID_YOU_MEAN.fill(lang, &[suggestion]));
                }
                text
            }
        }
    }
}

/// A column that is read but left aside, for a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderNote {
    pub column: usize,
    pub aside: Aside,
}

/// A header text ready to compare: lower case, surrounding space dropped, inner runs of space as one, and
/// `&amp;` `&lt;` `&gt;` as the characters they stand for (LimeSurvey's full headings are HTML-escaped).
pub fn normalise(text: &str) -> String {
    let decoded;
    let text = if text.contains('&') {
        decoded = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        decoded.as_str()
    } else {
        text
    };
    let mut out = String::with_capacity(text.len());
    for word in text.trim_start_matches('\u{feff}').split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The columns LimeSurvey adds to a response export, by code and by their full headings in English, Finnish
/// and Swedish (LimeSurvey 6: `createFieldMap()` in `application/helpers/common_helper.php`, the texts from
/// its `locale/{fi,sv}` catalogues; see `docs/limesurvey-responses.md`).
const LIMESURVEY: &[&str] = &[
    "id",
    "startlanguage",
    "seed",
    "token",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "interviewtime",
    "response id",
    "start language",
    "access code",
    "date started",
    "date last action",
    "ip address",
    "referrer url",
    "total time",
    "vastaus-id",
    "aloituskieli",
    "siemen",
    "pääsyavain",
    "aloituspäivämäärä",
    "viimeisimmän toiminteen päivämäärä",
    "ip-osoite",
    "viittaava url",
    "kokonaisaika",
    "svars-id",
    "startspråk",
    "frö",
    "åtkomstkod",
    "datum påbörjad",
    "datum senaste åtgärd",
    "ip-adress",
    "hänvisande url",
    "total tid",
];
/// LimeSurvey's `submitdate` and `lastpage`, by code and full heading.
const LIMESURVEY_SUBMITTED: &[&str] = &["submitdate", "date submitted", "lähetys päivämäärä", "datum inskickad"];
const LIMESURVEY_LAST_PAGE: &[&str] = &["lastpage", "last page", "viimeinen sivu", "sista sidan"];
/// The beginnings of LimeSurvey's full headings of its timing columns (`groupTime<N>` and `<code>Time` in
/// code headings).
const LIMESURVEY_TIMING: &[&str] =
    &["group time:", "question time:", "ryhmän aika:", "kysymyksen aika:", "tid för frågegruppen:", "tid för frågan:"];
/// The columns Microsoft Forms adds, in English, Finnish and Swedish.
const FORMS: &[&str] = &[
    "id",
    "start time",
    "email",
    "name",
    "last modified time",
    "tunnus",
    "aloitusaika",
    "sähköposti",
    "nimi",
    "viimeksi muokattu",
    "starttid",
    "e-post",
    "namn",
    "senast ändrad",
];
/// Forms' "Completion time".
const FORMS_SUBMITTED: &[&str] = &["completion time", "valmistumisaika", "sluttid"];
/// Webropol's time of answering, as its exports name it in English, Finnish and Swedish.
const WEBROPOL_SUBMITTED: &[&str] = &["vastausaika", "vastattu", "svarstid", "besvarad", "answer time", "answered"];
/// The text LimeSurvey (`[other]`, and "Other" in the full headings and answers) and Forms use for an
/// "other" answer, in its interface languages.
pub const OTHER_WORDS: &[&str] = &["other", "muu", "annat", "-oth-"];
/// Whether an option's label (normalised) is an "other" one: "Muu", "Annat", "Other", also with what
/// follows ("Muu, mikä?", "Annat, vad?").
pub fn is_other_label(label: &str) -> bool {
    OTHER_WORDS.iter().any(|word| {
        label.strip_prefix(word).is_some_and(|rest| rest.is_empty() || rest.starts_with([',', ':', ' ', '(', '.']))
    })
}

/// What the row after the header row is.
#[derive(Debug, Clone, PartialEq)]
pub enum SecondHeader {
    /// A respondent.
    No,
    /// Webropol's second header row: the headers of the two rows as one (`Question text [Option label]`
    /// over the columns of a multiple-choice question).
    Merged(Vec<String>),
    /// It reads like a second header row but does not fit the questionnaire: the first column that does not.
    Unclear { column: usize },
}

/// Reads the row after the header as Webropol's second header row, if it is one: the first row names a
/// multiple-choice question once over its columns (the other cells empty, as a merged cell reads, or the
/// text repeated), and the second row holds each column's option label. It is one when the municipality's
/// cell is empty and every filled cell lies under such a question, each column of it with a label of its
/// own; a respondent's row has its municipality, and labels only where options were chosen.
pub fn second_header(q: &Questionnaire, first: &[String], second: &[String]) -> SecondHeader {
    let filled: Vec<usize> = (0..second.len()).filter(|&c| !second[c].trim().is_empty()).collect();
    if filled.is_empty() {
        return SecondHeader::No;
    }
    let municipality = first.iter().position(|h| Meta::find(&normalise(h)) == Some(Meta::Municipality));
    if municipality.is_some_and(|c| second.get(c).is_some_and(|cell| !cell.trim().is_empty())) {
        return SecondHeader::No;
    }
    // Each column's question text: its own header, or the one of the nearest header to its left.
    let mut owner: Vec<Option<(usize, String)>> = Vec::with_capacity(second.len());
    let mut carried: Option<(usize, String)> = None;
    for c in 0..second.len() {
        let header = first.get(c).map_or("", |h| h.trim());
        if !header.is_empty() && carried.as_ref().is_none_or(|(_, text)| text != header) {
            carried = Some((c, header.to_string()));
        }
        owner.push(carried.clone());
    }
    let mut merged: Vec<String> = first.to_vec();
    merged.resize(second.len().max(first.len()), String::new());
    let mut labels_of: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut fits = 0usize;
    let mut misfit = None;
    for &c in &filled {
        let label = normalise(&second[c]);
        let question = owner[c].as_ref().and_then(|(start, text)| {
            let normalised = normalise(text);
            question_by_id(q, &normalised)
                .or_else(|| question_by_text(q, &normalised))
                .map(|question| (*start, question))
        });
        let fit = question.filter(|(_, question)| {
            let kind = &q.questions[*question].kind;
            matches!(kind, Kind::Multi { .. })
                && (is_other_label(&label)
                    || kind.options().iter().any(|o| {
                        o.id.eq_ignore_ascii_case(&label) || o.label.0.values().any(|l| normalise(l) == label)
                    }))
        });
        match fit {
            Some((start, _)) => {
                let labels = labels_of.entry(start).or_default();
                if labels.contains(&label) {
                    misfit.get_or_insert(c);
                }
                labels.push(label);
                if let Some((_, text)) = &owner[c] {
                    merged[c] = format!("{text} [{}]", second[c].trim());
                }
                fits += 1;
            }
            None => {
                misfit.get_or_insert(c);
            }
        }
    }
    match misfit {
        None => SecondHeader::Merged(merged),
        Some(_) if fits == 0 => SecondHeader::No,
        Some(column) => SecondHeader::Unclear { column },
    }
}

/// LimeSurvey's `[comment]` sub-fields.
const COMMENT_WORDS: &[&str] =
    &["comment", "othercomment", "kommentti", "kommentar", "other comment", "muu kommentti", "annan kommentar"];
/// The error column `rejected.csv` adds, in every interface language.
pub fn error_column_names() -> [&'static str; 3] {
    [m::B_ERROR_COLUMN.fi, m::B_ERROR_COLUMN.sv, m::B_ERROR_COLUMN.en]
}

/// A `--map` file: `[columns]` header = target, and `[values]` answer = what it means, for every question
/// (`[values]` itself) or for one (`[values."question.id"]`, also by the column's header).
#[derive(Debug, Clone, Default)]
pub struct ColumnMap {
    /// Normalised header → (target, where it is in the map file).
    pub columns: BTreeMap<String, (String, Pos)>,
    /// Normalised answer → the cell it stands for, for every question.
    pub values: BTreeMap<String, String>,
    /// Normalised question id or header → (normalised answer → the cell it stands for, where the table is).
    pub question_values: BTreeMap<String, (BTreeMap<String, String>, Pos)>,
}

/// A `[values]` target as the cell text it stands for: a level or number as written, `true`/`false` as
/// yes/no, a list of option ids joined with `|`.
fn value_text(value: &toml::de::DeValue<'_>) -> Option<String> {
    use toml::de::DeValue;
    match value {
        DeValue::String(text) => Some(text.trim().to_string()),
        DeValue::Integer(number) => Some(number.as_str().to_string()),
        DeValue::Float(number) => Some(number.as_str().to_string()),
        DeValue::Boolean(yes) => Some(if *yes { "yes" } else { "no" }.to_string()),
        DeValue::Array(items) => {
            let parts: Option<Vec<String>> = items.iter().map(|item| value_text(item.get_ref())).collect();
            parts.map(|parts| parts.join("|"))
        }
        _ => None,
    }
}

/// A problem in a `--map` file, with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct MapProblem {
    pub pos: Option<Pos>,
    pub message: String,
}

impl ColumnMap {
    /// Parses a map file: one `[columns]` table of strings.
    pub fn parse(text: &str, lang: Lang) -> Result<ColumnMap, Vec<MapProblem>> {
        use toml::de::{DeTable, DeValue};
        let root = DeTable::parse(text).map_err(|error| {
            vec![MapProblem {
                pos: error.span().map(|span| Pos::of_offset(text, span.start)),
                // The parser's words go on a cause line, so that the message itself is wholly in `lang`.
                message: format!(
                    "{}{}",
                    m::Q_TOML_SYNTAX.get(lang),
                    crate::i18n::cause_line(lang, error.message().trim())
                ),
            }]
        })?;
        let mut problems = Vec::new();
        let mut map = ColumnMap::default();
        for (key, value) in root.get_ref() {
            let at = Some(Pos::of_offset(text, key.span().start));
            if key.get_ref() == "values" {
                let DeValue::Table(table) = value.get_ref() else {
                    problems.push(MapProblem { pos: at, message: m::B_MAP_NOT_TABLE.get(lang).to_string() });
                    continue;
                };
                for (answer, target) in table {
                    let pos = Pos::of_offset(text, target.span().start);
                    match target.get_ref() {
                        DeValue::Table(answers) => {
                            let mut values = BTreeMap::new();
                            for (value, meaning) in answers {
                                match value_text(meaning.get_ref()) {
                                    Some(cell) => {
                                        values.insert(normalise(value.get_ref()), cell);
                                    }
                                    None => problems.push(MapProblem {
                                        pos: Some(Pos::of_offset(text, meaning.span().start)),
                                        message: m::B_MAP_BAD_VALUE.fill(lang, &[&value.get_ref()]),
                                    }),
                                }
                            }
                            map.question_values.insert(normalise(answer.get_ref()), (values, pos));
                        }
                        meaning => match value_text(meaning) {
                            Some(cell) => {
                                map.values.insert(normalise(answer.get_ref()), cell);
                            }
                            None => problems.push(MapProblem {
                                pos: Some(pos),
                                message: m::B_MAP_BAD_VALUE.fill(lang, &[&answer.get_ref()]),
                            }),
                        },
                    }
                }
                continue;
            }
            if key.get_ref() != "columns" {
                problems.push(MapProblem { pos: at, message: m::UNKNOWN_KEY.fill(lang, &[&key.get_ref()]) });
                continue;
            }
            let DeValue::Table(table) = value.get_ref() else {
                problems.push(MapProblem { pos: at, message: m::B_MAP_NOT_TABLE.get(lang).to_string() });
                continue;
            };
            for (header, target) in table {
                let pos = Pos::of_offset(text, target.span().start);
                match target.get_ref() {
                    DeValue::String(target) => {
                        map.columns.insert(normalise(header.get_ref()), (target.trim().to_string(), pos));
                    }
                    _ => problems.push(MapProblem {
                        pos: Some(pos),
                        message: m::B_MAP_NOT_STRING.fill(lang, &[&header.get_ref()]),
                    }),
                }
            }
        }
        if problems.is_empty() { Ok(map) } else { Err(problems) }
    }
}

/// What a target of a `--map` entry names.
fn resolve_target(q: &Questionnaire, target: &str) -> Result<Role, HeaderProblem> {
    let normalised = normalise(target);
    if normalised.is_empty() || normalised == "-" {
        return Ok(Role::Aside(Aside::Mapped));
    }
    if let Some(meta) = Meta::ALL.into_iter().find(|meta| meta.key() == normalised) {
        return Ok(Role::Meta(meta));
    }
    if let Some(question) = question_by_id(q, &normalised) {
        return Ok(Role::Question(question));
    }
    if let Some(question) = normalised.strip_suffix(".note").and_then(|id| question_by_id(q, id)) {
        return Ok(Role::Note(question));
    }
    if let Some((base, option)) = split_option(&normalised)
        && let Some(question) = question_by_id(q, base)
    {
        return option_role(q, question, option);
    }
    let candidates = q.questions.iter().map(|question| question.id.as_str()).chain(Meta::ALL.map(Meta::key));
    Err(HeaderProblem::BadMapTarget {
        target: target.to_string(),
        suggestion: closest(&normalised, candidates).map(str::to_string),
    })
}

fn question_by_id(q: &Questionnaire, normalised: &str) -> Option<usize> {
    q.questions.iter().position(|question| question.id.eq_ignore_ascii_case(normalised))
}

fn question_by_text(q: &Questionnaire, normalised: &str) -> Option<usize> {
    q.questions.iter().position(|question| question.text.0.values().any(|text| normalise(text) == normalised))
}

/// `base[option]` → (`base`, `option`).
fn split_option(normalised: &str) -> Option<(&str, &str)> {
    let inner = normalised.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    Some((inner[..open].trim(), inner[open + 1..].trim()))
}

fn option_role(q: &Questionnaire, question: usize, option: &str) -> Result<Role, HeaderProblem> {
    let target = &q.questions[question];
    let Kind::Multi { options, .. } = &target.kind else {
        return Err(HeaderProblem::NotMulti { question: target.id.clone() });
    };
    options
        .iter()
        .position(|o| o.id.eq_ignore_ascii_case(option) || o.label.0.values().any(|label| normalise(label) == option))
        .map(|index| Role::Option { question, option: index })
        .ok_or_else(|| HeaderProblem::UnknownOption {
            question: target.id.clone(),
            option: option.to_string(),
            options: options.iter().map(|o| o.id.clone()).collect(),
        })
}

/// Reads the header row against the questionnaire. On success, the plan and the notes on columns left
/// aside; otherwise every problem found.
pub fn plan(
    q: &Questionnaire,
    headers: &[String],
    line: u64,
    map: Option<&ColumnMap>,
    group_by: Option<&str>,
) -> Result<(Plan, Vec<HeaderNote>), Vec<HeaderFinding>> {
    // A questionnaire whose ids the LimeSurvey rule cannot code has no codes to recognise.
    let codes = CodeTable::new(q).ok();
    let mut roles = Vec::with_capacity(headers.len());
    let mut findings = Vec::new();
    let mut notes = Vec::new();
    let group_wanted = group_by.map(normalise);
    let mut group: Option<usize> = None;
    for (column, header) in headers.iter().enumerate() {
        let normalised = normalise(header);
        let role = match role_of(q, &normalised, map, codes.as_ref()) {
            Ok(Some(role)) => role,
            Ok(None) if group_wanted.as_deref() == Some(normalised.as_str()) => Role::GroupOnly,
            Ok(None) => {
                findings.push(HeaderFinding { column: Some(column), problem: unknown(q, &normalised) });
                Role::Aside(Aside::NoHeader)
            }
            Err(problem) => {
                findings.push(HeaderFinding { column: Some(column), problem });
                Role::Aside(Aside::NoHeader)
            }
        };
        // LimeSurvey writes `id`, Microsoft Forms `ID`.
        let role = if role == Role::Aside(Aside::LimeSurvey) && header.trim() == "ID" {
            Role::Aside(Aside::Forms)
        } else {
            role
        };
        match role {
            Role::Aside(aside) if aside != Aside::NoHeader => notes.push(HeaderNote { column, aside }),
            Role::Submitted(aside) => notes.push(HeaderNote { column, aside }),
            Role::LastPage => notes.push(HeaderNote { column, aside: Aside::LimeSurvey }),
            _ => {}
        }
        if group.is_none() && group_wanted.as_deref() == Some(normalised.as_str()) {
            group = Some(column);
        }
        roles.push(role);
    }

    // The same field or question twice; a free-text question's answer and an option column of the same
    // multi question count as the same question.
    let target_of = |role: &Role| -> Option<String> {
        match role {
            Role::Meta(meta) => Some(meta.key().to_string()),
            Role::Question(i) => Some(q.questions[*i].id.clone()),
            Role::Note(i) => Some(format!("{}.note", q.questions[*i].id)),
            Role::Other(i) => Some(format!("{}[other]", q.questions[*i].id)),
            Role::Exclusive { question, answer } => Some(format!("{}[{answer:?}]", q.questions[*question].id)),
            Role::Submitted(_) => Some("submitdate".to_string()),
            Role::LastPage => Some("lastpage".to_string()),
            Role::Option { question, option } => {
                Some(format!("{}[{}]", q.questions[*question].id, q.questions[*question].kind.options()[*option].id))
            }
            _ => None,
        }
    };
    for (column, role) in roles.iter().enumerate() {
        let Some(target) = target_of(role) else { continue };
        let clash = roles[..column].iter().position(|earlier| {
            target_of(earlier).as_deref() == Some(target.as_str())
                || matches!((earlier, role), (Role::Question(a), Role::Option { question: b, .. })
                    | (Role::Option { question: a, .. }, Role::Question(b)) if a == b)
        });
        if let Some(first) = clash {
            findings.push(HeaderFinding {
                column: Some(column),
                problem: HeaderProblem::Duplicate { first: first + 1, target },
            });
        }
    }

    let mut meta = [None; 8];
    for (column, role) in roles.iter().enumerate() {
        if let Role::Meta(field) = role
            && meta[field.index()].is_none()
        {
            meta[field.index()] = Some(column);
        }
    }
    if meta[Meta::Municipality.index()].is_none() {
        findings.push(HeaderFinding { column: None, problem: HeaderProblem::MissingMunicipality });
    }
    if let Some(wanted) = &group_wanted
        && group.is_none()
    {
        // `--group-by department` also finds a column named by one of the field's other names.
        group = Meta::find(wanted).and_then(|field| meta[field.index()]);
        if group.is_none() {
            let suggestion = closest(wanted, headers.iter().map(String::as_str)).map(str::to_string);
            findings.push(HeaderFinding {
                column: None,
                problem: HeaderProblem::GroupColumnMissing { column: group_by.unwrap_or_default().into(), suggestion },
            });
        }
    }
    if findings.is_empty() {
        let values = match map {
            Some(map) => question_values(q, map, headers, &roles, &mut findings),
            None => vec![BTreeMap::new(); q.questions.len()],
        };
        if !findings.is_empty() {
            return Err(findings);
        }
        Ok((Plan { headers: headers.to_vec(), roles, meta, group, line, second_header: false, values }, notes))
    } else {
        Err(findings)
    }
}

/// The `[values]` of a map file for each question: the ones for every question, and over them those given
/// for the question by its id or by the header of its column. A table for a question that names none is a
/// problem.
fn question_values(
    q: &Questionnaire,
    map: &ColumnMap,
    headers: &[String],
    roles: &[Role],
    findings: &mut Vec<HeaderFinding>,
) -> Vec<BTreeMap<String, String>> {
    let mut values = vec![map.values.clone(); q.questions.len()];
    for (key, (answers, _)) in &map.question_values {
        let by_id = question_by_id(q, key);
        let by_header = headers.iter().position(|h| normalise(h) == *key).and_then(|c| match roles[c] {
            Role::Question(question) => Some(question),
            _ => None,
        });
        match by_id.or(by_header) {
            Some(question) => values[question].extend(answers.iter().map(|(a, b)| (a.clone(), b.clone()))),
            None => findings.push(HeaderFinding {
                column: None,
                problem: HeaderProblem::BadMapTarget {
                    target: format!("[values.\"{key}\"]"),
                    suggestion: closest(key, q.questions.iter().map(|question| question.id.as_str()))
                        .map(str::to_string),
                },
            }),
        }
    }
    values
}

/// The problem of a header that names nothing: the closest question id or field, else the question whose
/// text (in any language) it is closest to, as a survey tool's edited question text would be.
fn unknown(q: &Questionnaire, normalised: &str) -> HeaderProblem {
    let candidates = q.questions.iter().map(|question| question.id.as_str()).chain(Meta::ALL.map(Meta::key));
    if let Some(id) = closest(normalised, candidates) {
        return HeaderProblem::Unknown { suggestion: Some(id.to_string()) };
    }
    let texts: Vec<(String, usize)> = q
        .questions
        .iter()
        .enumerate()
        .flat_map(|(i, question)| question.text.0.values().map(move |text| (normalise(text), i)))
        .collect();
    match closest(normalised, texts.iter().map(|(text, _)| text.as_str())) {
        Some(text) => {
            let question = texts.iter().find(|(t, _)| t == text).map_or(0, |(_, i)| *i);
            HeaderProblem::LikeQuestionText { id: q.questions[question].id.clone() }
        }
        None => HeaderProblem::Unknown { suggestion: None },
    }
}

/// The last page of the survey, when the file is a response export of a survey made by `questionnaire export
/// --to limesurvey` (its headings are the survey's codes or its respondent questions' texts) and has
/// LimeSurvey's `lastpage`: a submitted response has `lastpage` equal to the number of question groups.
pub fn limesurvey_last_page(q: &Questionnaire, plan: &Plan) -> Option<u64> {
    if !plan.roles.contains(&Role::LastPage) {
        return None;
    }
    let codes = CodeTable::new(q).ok()?;
    let ours = plan.headers.iter().any(|header| {
        let normalised = normalise(header);
        codes.field(&normalised).is_some()
            || Meta::ALL.iter().any(|meta| {
                let text = meta.survey_text();
                [text.fi, text.sv, text.en].iter().any(|t| normalise(t) == normalised)
            })
    });
    ours.then(|| codes.group_count() as u64)
}

/// The columns without a header, which must hold no data (see [`HeaderProblem::NoHeaderWithData`]).
pub fn headerless(plan: &Plan) -> Vec<usize> {
    (0..plan.roles.len()).filter(|&c| plan.roles[c] == Role::Aside(Aside::NoHeader)).collect()
}

/// A column by its spreadsheet letter and number, as a person finds it: `AB (28)`.
pub fn column_name(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{} ({})", String::from_utf8_lossy(&letters), column + 1)
}

/// Whether a `--map` key (normalised) names one of the headers, or the `QID` of `QID[OPTION]` ones.
pub fn map_key_used(key: &str, headers: &[String]) -> bool {
    headers
        .iter()
        .map(|header| normalise(header))
        .any(|header| header == key || split_option(&header).is_some_and(|(base, _)| base == key))
}

/// How many of the headers name a question of `q` (to choose a questionnaire when none is given).
pub fn question_matches(q: &Questionnaire, headers: &[String], map: Option<&ColumnMap>) -> usize {
    let codes = CodeTable::new(q).ok();
    headers
        .iter()
        .filter(|header| {
            matches!(
                role_of(q, &normalise(header), map, codes.as_ref()),
                Ok(Some(Role::Question(_) | Role::Option { .. } | Role::Exclusive { .. }))
            )
        })
        .count()
}

/// The role of a column by its normalised header; `Ok(None)` when nothing matches.
fn role_of(
    q: &Questionnaire,
    normalised: &str,
    map: Option<&ColumnMap>,
    codes: Option<&CodeTable>,
) -> Result<Option<Role>, HeaderProblem> {
    if normalised.is_empty() {
        return Ok(Some(Role::Aside(Aside::NoHeader)));
    }
    if let Some((target, _)) = map.and_then(|map| map.columns.get(normalised)) {
        return resolve_target(q, target).map(Some);
    }
    if error_column_names().iter().any(|name| normalise(name) == normalised) {
        return Ok(Some(Role::Aside(Aside::Errors)));
    }
    if let Some(meta) = Meta::find(normalised) {
        return Ok(Some(Role::Meta(meta)));
    }
    if let Some(question) = question_by_id(q, normalised).or_else(|| question_by_text(q, normalised)) {
        return Ok(Some(Role::Question(question)));
    }
    if let Some(question) = normalised.strip_suffix(".note").and_then(|id| question_by_id(q, id.trim())) {
        return Ok(Some(Role::Note(question)));
    }
    if let Some(column) = codes.and_then(|codes| codes.column(normalised)) {
        return Ok(Some(code_role(q, column)));
    }
    if let Some((base, option)) = split_option(normalised) {
        let mapped = map.and_then(|map| map.columns.get(base)).map(|(target, _)| resolve_target(q, target));
        let question = match mapped {
            Some(Ok(Role::Question(question))) => Some(question),
            Some(Ok(_)) => None,
            Some(Err(problem)) => return Err(problem),
            None => question_by_id(q, base).or_else(|| question_by_text(q, base)),
        };
        if let Some(question) = question {
            let is_option = q.questions[question].kind.options().iter().any(|o| o.id.eq_ignore_ascii_case(option));
            if !is_option && is_other_label(option) {
                return Ok(Some(Role::Other(question)));
            }
            if !is_option && (COMMENT_WORDS.contains(&option) || option.ends_with("comment")) {
                return Ok(Some(Role::Note(question)));
            }
            if let Some(answer) = exclusive_label(option).filter(|_| !is_option) {
                return Ok(Some(Role::Exclusive { question, answer }));
            }
            return option_role(q, question, option).map(Some);
        }
    }
    if LIMESURVEY_SUBMITTED.contains(&normalised) {
        return Ok(Some(Role::Submitted(Aside::LimeSurvey)));
    }
    if LIMESURVEY_LAST_PAGE.contains(&normalised) {
        return Ok(Some(Role::LastPage));
    }
    // `<code>Time` of a question whose code the map file names.
    let mapped_time = normalised
        .strip_suffix("time")
        .is_some_and(|code| !code.is_empty() && map.is_some_and(|map| map.columns.contains_key(code)));
    if LIMESURVEY.contains(&normalised) || is_limesurvey_timing(normalised) || mapped_time {
        return Ok(Some(Role::Aside(Aside::LimeSurvey)));
    }
    if FORMS_SUBMITTED.contains(&normalised) {
        return Ok(Some(Role::Submitted(Aside::Forms)));
    }
    if FORMS.contains(&normalised) {
        return Ok(Some(Role::Aside(Aside::Forms)));
    }
    if WEBROPOL_SUBMITTED.contains(&normalised) {
        return Ok(Some(Role::Submitted(Aside::Webropol)));
    }
    Ok(None)
}

/// The role of a column a LimeSurvey code heading names.
fn code_role(q: &Questionnaire, column: Column) -> Role {
    match column {
        Column::Value(Field::Respondent(meta)) => Role::Meta(meta),
        Column::Value(Field::Question(question)) => Role::Question(question),
        Column::Subquestion { question, value } => match value {
            Value::Option(id) => match q.questions[question].kind.options().iter().position(|o| o.id == id) {
                Some(option) => Role::Option { question, option },
                None => Role::Aside(Aside::LimeSurvey),
            },
            Value::DontKnow => Role::Exclusive { question, answer: Exclusive::DontKnow },
            Value::NotApplicable => Role::Exclusive { question, answer: Exclusive::NotApplicable },
            _ => Role::Exclusive { question, answer: Exclusive::NoneChosen },
        },
        Column::Other(Field::Question(question)) => Role::Other(question),
        Column::Comment(Field::Question(question)) => Role::Note(question),
        Column::Other(Field::Respondent(_)) | Column::Comment(Field::Respondent(_)) | Column::Time(_) => {
            Role::Aside(Aside::LimeSurvey)
        }
    }
}

/// The exclusive subquestion a full heading's bracketed text names ("En osaa sanoa", "Ei mitään näistä" …).
fn exclusive_label(option: &str) -> Option<Exclusive> {
    let is = |tr: crate::i18n::Tr| [tr.fi, tr.sv, tr.en].iter().any(|text| normalise(text) == option);
    if is(m::DONT_KNOW) {
        Some(Exclusive::DontKnow)
    } else if is(m::NOT_APPLICABLE) {
        Some(Exclusive::NotApplicable)
    } else if is(m::LS_NONE_CHOSEN) {
        Some(Exclusive::NoneChosen)
    } else {
        None
    }
}

/// `groupTime<N>` (N is LimeSurvey's own number of the group) and the full headings of the timing columns.
/// The `<code>Time` columns of the questions are known by their codes (see [`role_of`]).
fn is_limesurvey_timing(normalised: &str) -> bool {
    normalised.strip_prefix("grouptime").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        || LIMESURVEY_TIMING.iter().any(|start| normalised.starts_with(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixtures::small;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_string()).collect()
    }

    fn roles(names: &[&str]) -> Vec<Role> {
        plan(&small(), &headers(names), 1, None, None).unwrap().0.roles
    }

    #[test]
    fn matches_ids_texts_fields_and_notes_ignoring_case_and_space() {
        assert_eq!(
            roles(&["Kunta", " municipality_code ", "A.LEVEL", "  valinta? ", "Flera?", "a.level.note", "Yes?"]),
            [
                Role::Meta(Meta::Municipality),
                Role::Meta(Meta::MunicipalityCode),
                Role::Question(0),
                Role::Question(1),
                Role::Question(2),
                Role::Note(0),
                Role::Question(4),
            ]
        );
    }

    #[test]
    fn folds_limesurvey_option_columns_and_leaves_tool_metadata_aside() {
        let (plan, notes) = plan(
            &small(),
            &headers(&["id", "submitdate", "municipality", "a.multi[p]", "Monta? [R-sv]", "Start time"]),
            1,
            None,
            None,
        )
        .unwrap();
        assert_eq!(plan.roles[3], Role::Option { question: 2, option: 0 });
        assert_eq!(plan.roles[4], Role::Option { question: 2, option: 2 });
        assert_eq!(notes.len(), 3);
        assert_eq!(notes[0].aside, Aside::LimeSurvey);
        assert_eq!(notes[2].aside, Aside::Forms);
    }

    #[test]
    fn lists_every_header_problem_with_suggestions() {
        let findings =
            plan(&small(), &headers(&["a.levle", "a.choice", "Valinta?", "x.y", "a.level[p]"]), 1, None, None)
                .unwrap_err();
        let problems: Vec<_> = findings.iter().map(|f| (f.column, f.problem.clone())).collect();
        assert!(problems.contains(&(Some(0), HeaderProblem::Unknown { suggestion: Some("a.level".into()) })));
        assert!(problems.contains(&(Some(2), HeaderProblem::Duplicate { first: 2, target: "a.choice".into() })));
        assert!(problems.contains(&(Some(3), HeaderProblem::Unknown { suggestion: None })));
        assert!(problems.contains(&(Some(4), HeaderProblem::NotMulti { question: "a.level".into() })));
        assert!(problems.contains(&(None, HeaderProblem::MissingMunicipality)));
    }

    #[test]
    fn a_map_file_names_columns_and_leaves_others_aside() {
        let text = "[columns]\n\"Q1\" = \"a.level\"\n\"Kunnan nimi \" = \"municipality\"\nPalaute = \"\"\n\"Q3\" = \"a.multi\"\n";
        let map = ColumnMap::parse(text, Lang::En).unwrap();
        let (plan, notes) =
            plan(&small(), &headers(&["q1", "kunnan nimi", "palaute", "Q3[q]"]), 1, Some(&map), None).unwrap();
        assert_eq!(plan.roles[0], Role::Question(0));
        assert_eq!(plan.roles[1], Role::Meta(Meta::Municipality));
        assert_eq!(plan.roles[3], Role::Option { question: 2, option: 1 });
        assert_eq!(notes, [HeaderNote { column: 2, aside: Aside::Mapped }]);
        assert!(map_key_used("q3", &headers(&["Q3[q]"])));
        assert!(!map_key_used("q4", &headers(&["Q3[q]", "q1"])));
        let bad = ColumnMap::parse("[columns]\nQ1 = \"a.levl\"\n", Lang::En).unwrap();
        let findings = super::plan(&small(), &headers(&["municipality", "Q1"]), 1, Some(&bad), None).unwrap_err();
        assert_eq!(
            findings[0].problem,
            HeaderProblem::BadMapTarget { target: "a.levl".into(), suggestion: Some("a.level".into()) }
        );
        let problems = ColumnMap::parse("[colums]\nQ1 = 1\n", Lang::En).unwrap_err();
        assert_eq!(problems[0].pos, Some(Pos { line: 1, column: 2 }));
    }

    #[test]
    fn finds_the_group_column_by_its_header_or_field() {
        let q = small();
        let (plan, _) = plan(&q, &headers(&["kunta", "Yksikkö", "a.level"]), 1, None, Some("department")).unwrap();
        assert_eq!(plan.group, Some(1));
        let (plan, _) = super::plan(&q, &headers(&["kunta", "Tiimi", "a.level"]), 1, None, Some("tiimi")).unwrap();
        assert_eq!((plan.group, plan.roles[1]), (Some(1), Role::GroupOnly));
        let findings = super::plan(&q, &headers(&["kunta", "Tiimi"]), 1, None, Some("tiimit")).unwrap_err();
        assert!(findings.contains(&HeaderFinding {
            column: None,
            problem: HeaderProblem::GroupColumnMissing { column: "tiimit".into(), suggestion: Some("Tiimi".into()) }
        }));
    }
}
