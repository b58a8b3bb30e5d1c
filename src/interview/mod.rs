//! The guided self-assessment: the flow of the interview over a [`Prompter`], with a save after every answer.
//!
//! The engine asks for the respondent's details, then walks the questionnaire: each question shows its
//! theme, position and progress, text and help, and offers the answers of its kind together with "don't
//! know", "not applicable" (where allowed), back, skip, a note, a jump list and save-and-quit. It never
//! touches the terminal or the file system itself: the prompter talks to the person, and the `save`
//! callback writes the draft, so tests can script a whole interview and look at the draft after each step.

pub mod draft;
pub mod layout;
pub mod prompt;
pub mod selection;
pub mod terminal;

use std::collections::HashSet;

use crate::answers::Answer;
use crate::i18n::{Lang, input_number, messages as m, short_number, whole_number};
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::regions::REGIONS;

use draft::Draft;
use layout::{Item, Page};
use prompt::{PromptError, Prompter};

/// The largest population the interview takes: Helsinki has some 690,000 residents, the whole country
/// 5.6 million.
pub const MAX_POPULATION: u64 = 2_000_000;

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Every question was visited and the respondent chose to see the results.
    Finished,
    /// The respondent chose "save and quit".
    Quit,
    /// Ctrl-C or the end of input: the draft holds every answer given.
    Interrupted,
}

/// What the interview needs besides the prompter.
pub struct Interview<'a, P: Prompter> {
    q: &'a Questionnaire,
    lang: Lang,
    ui: &'a mut P,
    pub draft: Draft,
    save: &'a mut dyn FnMut(&Draft) -> std::io::Result<()>,
    shown_themes: HashSet<usize>,
    /// The questions asked (indices into the questionnaire), from the draft's selection. The flow's
    /// positions are positions in this list.
    order: Vec<usize>,
    history: Vec<usize>,
    /// Today's date, `YYYY-MM-DD`, recorded in the sheet.
    today: String,
}

/// Where the flow goes after a question.
enum Step {
    Next,
    Back,
    Stay,
    Jump(usize),
    Quit,
}

/// What the respondent chose after the last question.
enum Finish {
    Results,
    /// Go to this question (or back to this menu, when it is past the end).
    GoTo(usize),
    Quit,
}

/// An entry of a question's menu (what it does; [`Item`] is how it is shown).
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    Answer(Answer),
    /// Open the editor of a multi, number or text question.
    Edit,
    DontKnow,
    NotApplicable,
    Back,
    Skip,
    Note,
    Jump,
    Quit,
}

/// The flow's own outcome of asking for respondent details or an answer.
type Asked<T> = Result<T, PromptError>;

impl<'a, P: Prompter> Interview<'a, P> {
    pub fn new(
        q: &'a Questionnaire,
        lang: Lang,
        ui: &'a mut P,
        draft: Draft,
        save: &'a mut dyn FnMut(&Draft) -> std::io::Result<()>,
        today: &str,
    ) -> Self {
        let order = draft.selection.indices(q);
        Interview {
            q,
            lang,
            ui,
            draft,
            save,
            shown_themes: HashSet::new(),
            order,
            history: Vec::new(),
            today: today.to_string(),
        }
    }

    /// Runs the interview from the start screen to its end. `notices` are shown on the start screen (for
    /// example, answers of a resumed draft that no longer fit).
    pub fn run(&mut self, notices: &[String]) -> std::io::Result<End> {
        match self.flow(notices) {
            Ok(end) => Ok(end),
            // Before the respondent's details are complete there is nothing to keep (and no draft yet).
            Err(PromptError::Interrupted) if self.draft.sheet.respondent.municipality.trim().is_empty() => {
                Ok(End::Interrupted)
            }
            Err(PromptError::Interrupted) => match self.store() {
                Err(PromptError::Io(error)) => Err(error),
                _ => Ok(End::Interrupted),
            },
            Err(PromptError::Io(error)) => Err(error),
        }
    }

    fn flow(&mut self, notices: &[String]) -> Asked<End> {
        self.start_screen(notices)?;
        if self.draft.sheet.respondent.municipality.trim().is_empty() {
            self.ask_respondent()?;
        }
        let total = self.order.len();
        let mut position = self.first_unanswered().unwrap_or(total);
        // Where to go back to after a question reached through the jump list is answered or skipped.
        let mut return_to: Option<usize> = None;
        loop {
            if position >= total {
                match self.finish_menu()? {
                    Finish::Results => return Ok(End::Finished),
                    Finish::GoTo(next) => {
                        return_to = None;
                        position = next;
                        continue;
                    }
                    Finish::Quit => {
                        self.store()?;
                        return Ok(End::Quit);
                    }
                }
            }
            match self.ask_question(position)? {
                Step::Next => {
                    self.history.push(position);
                    position = return_to.take().unwrap_or(position + 1);
                }
                Step::Back => {
                    return_to = None;
                    position = self.history.pop().unwrap_or(position.saturating_sub(1));
                }
                Step::Stay => {}
                Step::Jump(target) => {
                    self.history.push(position);
                    // Back to the question the list was opened at; a jump from the end goes back to the end.
                    return_to = Some(return_to.unwrap_or(position));
                    position = target;
                }
                Step::Quit => {
                    self.store()?;
                    return Ok(End::Quit);
                }
            }
        }
    }

    /// Saves the draft; a failed save is an I/O error that ends the interview (nothing is pretended).
    fn store(&mut self) -> Asked<()> {
        self.draft.sheet.respondent.date.get_or_insert_with(|| self.today.clone());
        (self.save)(&self.draft).map_err(PromptError::Io)
    }

    /// The position of the first asked question without an answer.
    fn first_unanswered(&self) -> Option<usize> {
        self.order.iter().position(|&i| !self.draft.sheet.answers.contains_key(&self.q.questions[i].id))
    }

    /// How many of the asked scored questions have an answer, and how many there are.
    fn progress(&self) -> (usize, usize) {
        let scored = self.order.iter().map(|&i| &self.q.questions[i]).filter(|question| question.kind.is_scored());
        scored.fold((0, 0), |(answered, all), question| {
            (answered + usize::from(self.draft.sheet.answers.contains_key(&question.id)), all + 1)
        })
    }

    fn start_screen(&mut self, notices: &[String]) -> Asked<()> {
        let q = self.q;
        let lang = self.lang;
        let asked = self.order.len();
        // A questionnaire's own estimate is for all of it; a part takes its share.
        let minutes = q
            .minutes
            .map_or_else(|| (asked * 3).div_ceil(4), |m| (m as usize * asked).div_ceil(q.questions.len().max(1)))
            .max(1);
        let mut text = format!("{} {}\n", q.text(&q.title, lang), q.version);
        if let Some(description) = &q.description {
            text.push_str(q.text(description, lang));
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&m::I_START_SIZE.fill(lang, &[&asked, &minutes]));
        text.push('\n');
        if !self.draft.selection.is_all() {
            text.push_str(&m::I_START_PART.fill(lang, &[&self.selection_names()]));
            text.push('\n');
        }
        text.push_str(m::I_START_KEYS.get(lang));
        text.push('\n');
        text.push_str(&m::I_START_DRAFT.fill(lang, &[&self.draft.path.display()]));
        let (answered, scored) = self.progress();
        if answered > 0 {
            text.push('\n');
            text.push_str(&m::I_RESUMING.fill(lang, &[&answered, &scored]));
        }
        self.ui.say(&text)?;
        for notice in notices {
            self.ui.say(notice)?;
        }
        Ok(())
    }

    /// The selected themes by their titles, then the single questions by their ids.
    fn selection_names(&self) -> String {
        let q = self.q;
        let selection = &self.draft.selection;
        let themes = q.themes.iter().filter(|t| selection.themes.contains(&t.id)).map(|t| q.text(&t.title, self.lang));
        let mut parts: Vec<String> = themes.map(str::to_string).collect();
        if !selection.questions.is_empty() {
            let ids: Vec<String> = selection.questions.iter().map(|id| format!("`{id}`")).collect();
            parts.push(m::I_START_PART_QUESTIONS.fill(self.lang, &[&ids.join(", ")]));
        }
        parts.join("; ")
    }

    /// Asks the respondent's details; only the municipality is required.
    fn ask_respondent(&mut self) -> Asked<()> {
        let lang = self.lang;
        let current = self.draft.sheet.respondent.clone();
        self.ui.page(None)?;
        self.ui.say(&format!("\n{}", m::I_RESPONDENT_HEADING.get(lang)))?;
        let required =
            |text: &str| if text.trim().is_empty() { Err(m::I_REQUIRED.get(lang).to_string()) } else { Ok(()) };
        let municipality = self.ui.input(m::I_MUNICIPALITY.get(lang), &current.municipality, &required)?;
        let code_check = |text: &str| {
            let text = text.trim();
            if text.is_empty() || (text.len() == 3 && text.chars().all(|c| c.is_ascii_digit())) {
                Ok(())
            } else {
                Err(m::S_BAD_MUNICIPALITY_CODE.fill(lang, &[&text]))
            }
        };
        let code = self.ui.input(
            m::I_MUNICIPALITY_CODE.get(lang),
            current.municipality_code.as_deref().unwrap_or(""),
            &code_check,
        )?;

        let mut regions: Vec<Item> = vec![Item::new(m::I_NO_REGION.get(lang))];
        regions.extend(REGIONS.iter().map(|r| Item::new(region_name(r, lang))));
        let default = current
            .region
            .as_deref()
            .and_then(crate::regions::find)
            .and_then(|found| REGIONS.iter().position(|r| r == found))
            .map_or(0, |i| i + 1);
        let region = self.ui.select(m::I_REGION.get(lang), &regions, default, true)?;

        let population_check = |text: &str| match parse_population(text) {
            Ok(_) => Ok(()),
            Err(PopulationProblem::NotANumber) => Err(m::I_NOT_A_WHOLE_NUMBER.get(lang).to_string()),
            Err(PopulationProblem::OutOfRange) => {
                Err(m::I_POPULATION_RANGE.fill(lang, &[&whole_number(lang, 1), &whole_number(lang, MAX_POPULATION)]))
            }
        };
        let initial_population = current.population.map(|p| p.to_string()).unwrap_or_default();
        let population = self.ui.input(m::I_POPULATION.get(lang), &initial_population, &population_check)?;
        let any = |_: &str| Ok(());
        let role = self.ui.input(m::I_ROLE.get(lang), current.role.as_deref().unwrap_or(""), &any)?;
        self.ui.say(m::I_NAME_NOTE.get(lang))?;
        let name = self.ui.input(m::I_NAME.get(lang), current.respondent.as_deref().unwrap_or(""), &any)?;

        let respondent = &mut self.draft.sheet.respondent;
        respondent.municipality = municipality.trim().to_string();
        respondent.municipality_code = non_empty(&code);
        respondent.region = (region > 0).then(|| region_stored(&REGIONS[region - 1], lang).to_string());
        respondent.population = parse_population(&population).ok().flatten();
        respondent.role = non_empty(&role);
        respondent.respondent = non_empty(&name);
        self.store()
    }

    /// The screen of question `index`: header, theme introduction (on a theme's first question), text, help,
    /// and the current answer and note.
    fn question_page(&mut self, position: usize, current: Option<&Answer>) -> Page {
        let q = self.q;
        let lang = self.lang;
        let question = &q.questions[self.order[position]];
        let theme = &q.themes[question.theme];
        let intro = if self.shown_themes.insert(question.theme) {
            theme.description.as_ref().map(|description| q.text(description, lang).to_string())
        } else {
            None
        };
        let (answered, scored) = self.progress();
        let scored = scored.max(1);
        let header = format!(
            "{} · {}/{} · {} %",
            q.text(&theme.title, lang),
            position + 1,
            self.order.len(),
            (answered * 100 + scored / 2) / scored
        );
        let help = question.help.as_ref().map(|help| format!("{}: {}", m::SHOW_HELP.get(lang), q.text(help, lang)));
        let mut facts = Vec::new();
        if let Some(answer) = current {
            facts.push(format!("{}: {}", m::I_CURRENT_ANSWER.get(lang), answer.describe(q, question, lang)));
        }
        if let Some(note) = self.draft.sheet.notes.get(&question.id) {
            facts.push(format!("{}: {note}", m::I_NOTE.get(lang)));
        }
        Page { header, intro, text: q.text(&question.text, lang).to_string(), help, facts }
    }

    /// Asks the question at `position` of the selection and applies the answer.
    fn ask_question(&mut self, position: usize) -> Asked<Step> {
        let lang = self.lang;
        let question = &self.q.questions[self.order[position]];
        let current = self.draft.sheet.answers.get(&question.id).cloned();
        let page = self.question_page(position, current.as_ref());
        self.ui.page(Some(&page))?;

        // "Back" is offered only where there is somewhere to go back to.
        let items = Self::menu(question, position > 0 || !self.history.is_empty());
        let labels: Vec<Item> = items.iter().map(|item| self.item(question, item)).collect();
        let default = current
            .as_ref()
            .and_then(|answer| items.iter().position(|item| matches_current(item, answer)))
            .unwrap_or(0);
        let chosen = self.ui.select(m::I_ANSWER_PROMPT.get(lang), &labels, default, false)?;
        match items[chosen].clone() {
            Entry::Answer(answer) => self.answer(question, answer),
            Entry::Edit => match self.edit(question, current.as_ref())? {
                Some(answer) => self.answer(question, answer),
                None => Ok(Step::Stay),
            },
            Entry::DontKnow => self.answer(question, Answer::DontKnow),
            Entry::NotApplicable => self.answer(question, Answer::NotApplicable),
            Entry::Back => Ok(Step::Back),
            Entry::Skip => Ok(Step::Next),
            Entry::Note => {
                let any = |_: &str| Ok(());
                let old = self.draft.sheet.notes.get(&question.id).cloned().unwrap_or_default();
                let note = self.ui.input(m::I_NOTE_PROMPT.get(lang), &old, &any)?;
                if note.trim().is_empty() {
                    self.draft.sheet.notes.remove(&question.id);
                } else {
                    self.draft.sheet.notes.insert(question.id.clone(), note.trim().to_string());
                }
                self.store()?;
                Ok(Step::Stay)
            }
            Entry::Jump => Ok(self.jump_list(position)?.map_or(Step::Stay, Step::Jump)),
            Entry::Quit => Ok(Step::Quit),
        }
    }

    fn answer(&mut self, question: &Question, answer: Answer) -> Asked<Step> {
        self.draft.sheet.answers.insert(question.id.clone(), answer);
        // A new answer replaces any answer of the draft that no longer fitted.
        self.draft.unfit.remove(&question.id);
        self.store()?;
        Ok(Step::Next)
    }

    /// The menu of a question: the answers of its kind, then the commands every question has.
    fn menu(question: &Question, back: bool) -> Vec<Entry> {
        let mut items: Vec<Entry> = match &question.kind {
            Kind::Level { levels, .. } => (0..levels.len()).map(|l| Entry::Answer(Answer::Level(l as u32))).collect(),
            Kind::Choice { options } => options.iter().map(|o| Entry::Answer(Answer::Choice(o.id.clone()))).collect(),
            Kind::YesNo => vec![Entry::Answer(Answer::YesNo(true)), Entry::Answer(Answer::YesNo(false))],
            Kind::Multi { .. } | Kind::Number { .. } | Kind::Text => vec![Entry::Edit],
        };
        if question.kind.is_scored() {
            items.push(Entry::DontKnow);
        }
        if question.allow_na {
            items.push(Entry::NotApplicable);
        }
        items.push(Entry::Note);
        if back {
            items.push(Entry::Back);
        }
        items.extend([Entry::Skip, Entry::Jump, Entry::Quit]);
        items
    }

    /// How a menu entry is shown: a level with its digit as key and its description as the detail.
    fn item(&self, question: &Question, entry: &Entry) -> Item {
        let q = self.q;
        let lang = self.lang;
        if let Entry::Answer(Answer::Level(level)) = entry {
            let label = q.scale.labels.get(*level as usize).map_or("", |l| q.text(l, lang));
            let description = match &question.kind {
                Kind::Level { levels, .. } => levels.get(*level as usize).map(|t| q.text(t, lang).to_string()),
                _ => None,
            };
            return Item { label: format!("{level} {label}"), detail: description, key: char::from_digit(*level, 10) };
        }
        Item::new(self.label(question, entry))
    }

    fn label(&self, question: &Question, entry: &Entry) -> String {
        let q = self.q;
        let lang = self.lang;
        match entry {
            Entry::Answer(answer) => answer.describe(q, question, lang),
            Entry::Edit => match &question.kind {
                Kind::Multi { .. } => m::I_CHOOSE_OPTIONS.get(lang).to_string(),
                Kind::Number { unit, min, max, .. } => {
                    let unit = unit.as_ref().map_or(String::new(), |u| format!("{}, ", q.text(u, lang)));
                    let bound = |b: &Option<f64>| b.map_or_else(|| "…".to_string(), |b| short_number(lang, b));
                    format!("{} ({unit}{}–{})", m::I_TYPE_NUMBER.get(lang), bound(min), bound(max))
                }
                _ => m::I_TYPE_TEXT.get(lang).to_string(),
            },
            Entry::DontKnow => m::DONT_KNOW.get(lang).to_string(),
            Entry::NotApplicable => m::NOT_APPLICABLE.get(lang).to_string(),
            Entry::Note => {
                if self.draft.sheet.notes.contains_key(&question.id) {
                    m::I_EDIT_NOTE.get(lang).to_string()
                } else {
                    m::I_ADD_NOTE.get(lang).to_string()
                }
            }
            Entry::Back => m::I_BACK.get(lang).to_string(),
            Entry::Skip => m::I_SKIP.get(lang).to_string(),
            Entry::Jump => m::I_JUMP.get(lang).to_string(),
            Entry::Quit => m::I_SAVE_QUIT.get(lang).to_string(),
        }
    }

    /// The editor of a multi, number or text answer; `None` when the respondent typed nothing.
    fn edit(&mut self, question: &Question, current: Option<&Answer>) -> Asked<Option<Answer>> {
        let q = self.q;
        let lang = self.lang;
        match &question.kind {
            Kind::Multi { options, .. } => {
                let labels: Vec<Item> = options.iter().map(|o| Item::new(q.text(&o.label, lang))).collect();
                let chosen: Vec<&str> = match current {
                    Some(Answer::Multi(ids)) => ids.iter().map(String::as_str).collect(),
                    _ => Vec::new(),
                };
                let checked: Vec<bool> = options.iter().map(|o| chosen.contains(&o.id.as_str())).collect();
                let picked = self.ui.multi_select(m::I_MULTI_PROMPT.get(lang), &labels, &checked)?;
                let mut ids: Vec<String> =
                    picked.into_iter().filter_map(|i| options.get(i)).map(|o| o.id.clone()).collect();
                ids.sort_by_key(|id| options.iter().position(|o| o.id == *id));
                ids.dedup();
                Ok(Some(Answer::Multi(ids)))
            }
            Kind::Number { min, max, .. } => {
                let (min, max) = (*min, *max);
                let check = |text: &str| {
                    if text.trim().is_empty() {
                        return Ok(());
                    }
                    let number = parse_number(text).ok_or_else(|| m::I_NOT_A_NUMBER.get(lang).to_string())?;
                    number_in_range(number, min, max, lang)
                };
                let initial = match current {
                    Some(Answer::Number(n)) => input_number(lang, *n),
                    _ => String::new(),
                };
                let text = self.ui.input(m::I_NUMBER_PROMPT.get(lang), &initial, &check)?;
                Ok(parse_number(&text).map(Answer::Number))
            }
            _ => {
                let any = |_: &str| Ok(());
                let initial = match current {
                    Some(Answer::Text(text)) => text.clone(),
                    _ => String::new(),
                };
                let text = self.ui.input(m::I_TEXT_PROMPT.get(lang), &initial, &any)?;
                Ok((!text.trim().is_empty()).then(|| Answer::Text(text.trim().to_string())))
            }
        }
    }

    /// Every asked question with its current answer, to jump to (its position); also the respondent's
    /// details. `None` = stay. Typing narrows the list (a question's number or words of its text).
    fn jump_list(&mut self, here: usize) -> Asked<Option<usize>> {
        let q = self.q;
        let lang = self.lang;
        let mut items = vec![Item::new(m::I_JUMP_CANCEL.get(lang)), Item::new(m::I_EDIT_RESPONDENT.get(lang))];
        for (i, question) in self.order.iter().map(|&index| &q.questions[index]).enumerate() {
            let answer = self.draft.sheet.answers.get(&question.id);
            let mark = if answer.is_some() { '✓' } else { '·' };
            let answer = answer.map_or_else(String::new, |a| format!(" — {}", a.describe(q, question, lang)));
            items.push(Item::new(format!("{mark} {:>2}. {}{answer}", i + 1, q.text(&question.text, lang))));
        }
        let (answered, scored) = self.progress();
        let header = format!("{} · {}", q.text(&q.title, lang), m::I_ANSWERED_OF.fill(lang, &[&answered, &scored]));
        self.ui.page(Some(&Page { header, ..Page::default() }))?;
        match self.ui.select(m::I_JUMP_PROMPT.get(lang), &items, here + 2, true)? {
            0 => Ok(None),
            1 => {
                self.ask_respondent()?;
                Ok(None)
            }
            chosen => Ok(Some(chosen - 2)),
        }
    }

    /// After the last question: unanswered ones can be visited, or the results shown.
    fn finish_menu(&mut self) -> Asked<Finish> {
        let lang = self.lang;
        let unanswered: Vec<usize> = (0..self.order.len())
            .filter(|&position| !self.draft.sheet.answers.contains_key(&self.q.questions[self.order[position]].id))
            .collect();
        self.store()?;
        if unanswered.is_empty() {
            return Ok(Finish::Results);
        }
        let header = format!("{} · {}", self.q.text(&self.q.title, lang), m::I_END_OF_QUESTIONS.get(lang));
        let text = m::I_UNANSWERED_LEFT.fill(lang, &[&unanswered.len()]);
        self.ui.page(Some(&Page { header, text, ..Page::default() }))?;
        let items = [m::I_FINISH_NOW, m::I_GO_UNANSWERED, m::I_JUMP, m::I_SAVE_QUIT].map(|t| Item::new(t.get(lang)));
        let total = self.order.len();
        match self.ui.select(m::I_FINISH_PROMPT.get(lang), &items, 0, false)? {
            0 => Ok(Finish::Results),
            1 => Ok(Finish::GoTo(unanswered[0])),
            2 => Ok(Finish::GoTo(self.jump_list(total.saturating_sub(1))?.unwrap_or(total))),
            _ => Ok(Finish::Quit),
        }
    }
}

/// Whether `number` is within a number question's bounds; the message says the bounds, in words a
/// respondent reads (no question id).
fn number_in_range(number: f64, min: Option<f64>, max: Option<f64>, lang: Lang) -> Result<(), String> {
    let below = min.is_some_and(|min| number < min);
    let above = max.is_some_and(|max| number > max);
    if !(below || above) {
        return Ok(());
    }
    let show = |n: f64| short_number(lang, n);
    Err(match (min, max) {
        (Some(min), Some(max)) => m::I_NUMBER_BETWEEN.fill(lang, &[&show(min), &show(max)]),
        (Some(min), None) => m::I_NUMBER_AT_LEAST.fill(lang, &[&show(min)]),
        (None, Some(max)) => m::I_NUMBER_AT_MOST.fill(lang, &[&show(max)]),
        (None, None) => unreachable!("a number without bounds is always in range"),
    })
}

/// Why a typed population is refused.
#[derive(Debug, PartialEq, Eq)]
enum PopulationProblem {
    NotANumber,
    OutOfRange,
}

/// A typed population: empty (`None`), or a whole number from 1 to [`MAX_POPULATION`], spaces allowed as
/// thousands separators (`4 500`).
fn parse_population(text: &str) -> Result<Option<u64>, PopulationProblem> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(PopulationProblem::NotANumber);
    }
    match digits.parse::<u64>() {
        Ok(n) if (1..=MAX_POPULATION).contains(&n) => Ok(Some(n)),
        _ => Err(PopulationProblem::OutOfRange),
    }
}

/// Whether a menu item is the current answer, to preselect it.
fn matches_current(item: &Entry, current: &Answer) -> bool {
    match (item, current) {
        (Entry::Answer(a), b) => a == b,
        (Entry::Edit, Answer::Multi(_) | Answer::Number(_) | Answer::Text(_))
        | (Entry::DontKnow, Answer::DontKnow)
        | (Entry::NotApplicable, Answer::NotApplicable) => true,
        _ => false,
    }
}

/// A number as people type it: decimal comma or point, spaces as thousands separators.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    cleaned.replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A region's name in the interface language.
fn region_name(region: &crate::regions::Region, lang: Lang) -> &'static str {
    region.name(lang)
}

/// A region's name as the answer sheet records it: one of its official names, Swedish for a Swedish
/// interview and Finnish otherwise (the English ones are translations, not names other tools know).
fn region_stored(region: &crate::regions::Region, lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => region.sv,
        _ => region.fi,
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests;
