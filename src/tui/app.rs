//! The app state: the session (the source of truth for what was said) plus UI state
//! (page, focus, cursor positions, filters, overlays). Everything here is plain data so
//! `update` stays pure and tests can build an `App` without a terminal.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::core::data::Data;
use crate::core::gemeente::Gemeente;
use crate::core::matching::{Matcher, Suggesties};
use crate::core::plan::{Formaat, Templates};
use crate::core::script::{Lijst, StapSoort};
use crate::core::search::Searcher;
use crate::core::session::Session;

use crate::core::oefen::Oefenklanten;
use crate::core::script::Script;

use super::action::{ClientEntry, DraftEntry};
use super::editor::{Editor, Field};
use super::keymap::Keymap;
use super::theme::Theme;

/// The pages of a gesprek, shared with the line mode.
pub use crate::core::route::Page;

/// Which part of the screen receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The notes editor (step pages) or the focused form field (form pages).
    Text,
    /// The n-th picker of a step.
    Picker(usize),
    /// A list without text input (suggestions, review, start).
    List,
    /// The catalogue search field on the suggestions page.
    Search,
}

/// The lists on the suggestions page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggTab {
    Suggesties,
    Uitgesloten,
    Catalogus,
}

impl SuggTab {
    pub const ALL: [SuggTab; 3] = [
        SuggTab::Suggesties,
        SuggTab::Uitgesloten,
        SuggTab::Catalogus,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SuggTab::Suggesties => "Suggesties",
            SuggTab::Uitgesloten => "Uitgesloten",
            SuggTab::Catalogus => "Hele catalogus",
        }
    }
}

/// An overlay drawn over the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// Jump to a step; the value is the highlighted row.
    Jump(usize),
    /// The full coaching texts of the current step.
    Toelichting,
    /// Ask before deleting a draft (id, client).
    ConfirmDelete(String, String),
    /// Something looks like a BSN: remove it, save anyway, or go back (the description).
    Bsn(String),
    /// The export gate: what is missing or suspect; save as a concept, or go back.
    Gate(Vec<String>),
    /// A client's latest plan, read from disk (title, text).
    Plan(String, String),
    /// Quitting while the draft cannot be saved: what to do with the typed text.
    Onbewaard(Onbewaard),
    /// Files past the bewaartermijn: the highlighted client, and whether Delete was
    /// pressed once (the second press erases).
    Bewaartermijn {
        keuze: usize,
        bevestigen: bool,
    },
    /// The four MITI globals at the end of a round (highlighted row, ratings so far).
    Globals(usize, crate::core::tally::Globals),
    /// Stopping in practice with a tally not yet saved: save it first?
    Stoppen,
    /// Leaving practice would show real clients: the projector may still be on.
    VerlaatOefenen,
    /// Special-category data (AVG art. 9) in the plan: the finding to decide on, and how
    /// many findings are open including this one.
    Bijzonder(crate::core::bijzonder::Vondst, usize),
    /// A new gesprek: which gemeente profile applies (the highlighted row).
    Gemeente(usize),
    /// The plan's own text: the section being edited (index in `core::sectie::BEWERKBAAR`),
    /// with the editor bound to it.
    PlanTekst(usize),
    /// The form for one catalogue option (its state is `App::optie_form`).
    Optie,
    /// A question about the catalogue, answered with Alt+J or Esc.
    OptieVraag(OptieVraag),
    /// The form for a new wens, kracht or belemmering (its state is `App::term_form`).
    Term,
    /// The options hidden in the personal catalogue (the highlighted row).
    Verborgen(usize),
}

/// The catalogue's questions: leaving a changed form, hiding an option (id, title),
/// going back to the built-in version (id, title), leaving a changed form for a new
/// wens or belemmering, showing a hidden option again (id, title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptieVraag {
    Verlaten,
    Verbergen(String, String),
    Terug(String, String),
    TermVerlaten,
    Tonen(String, String),
}

/// The choices offered when the app should stop but the gesprek is not on disk. Only
/// F10, never a letter or Enter on a highlighted row, lets the text go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Onbewaard {
    /// Why saving failed (Dutch, from the runner).
    pub melding: String,
    /// Where an emergency copy was written, when that worked.
    pub noodkopie: Option<PathBuf>,
    /// Folders offered for "save elsewhere", first the emergency folder.
    pub mappen: Vec<PathBuf>,
    /// The highlighted row.
    pub keuze: usize,
    /// Whether the folder list is showing instead of the choices.
    pub map_kiezen: bool,
}

impl Onbewaard {
    /// The rows of the choice list, in order (F10 is not a row on purpose).
    pub const KEUZES: [&'static str; 4] = [
        "Opnieuw proberen op te slaan",
        "Elders opslaan (een map kiezen)",
        "De tekst naar het klembord kopiëren",
        "Terug naar het gesprek",
    ];
}

/// How a status message should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Ok,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub kind: MessageKind,
    pub text: String,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Gesprek,
}

/// Whether the app runs real gesprekken or practice with demo clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Echt,
    /// Trainer mode: demo clients, nothing saved as a real client.
    Oefenen,
}

/// State of the start screen.
#[derive(Debug, Clone, Default)]
pub struct StartState {
    pub drafts: Vec<DraftEntry>,
    /// Clients from saved sessions (newest session per client).
    pub clients: Vec<ClientEntry>,
    pub problems: Vec<String>,
    /// Found while loading (a cloud folder, an ignored field in a data file): kept at the
    /// top of `problems` each time the drafts are listed again.
    pub notices: Vec<String>,
    /// Index into `start_items`.
    pub selected: usize,
    /// Type-to-filter over the client overview.
    pub filter: String,
    pub filtering: bool,
    /// Clients whose files passed the bewaartermijn, offered for erasure at start.
    pub verlopen: Vec<VerlopenEntry>,
}

/// A client with files past the bewaartermijn, as the start screen lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerlopenEntry {
    pub klant: String,
    pub bestanden: usize,
    /// Date of the newest expired file, formatted.
    pub laatste: String,
}

/// One row of the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartItem {
    Nieuw,
    /// Switch to trainer mode.
    Oefenen,
    /// Switch back to real gesprekken.
    Echt,
    Draft(usize),
    Client(usize),
    Oefenklant(usize),
}

/// State of one list with a filter (pickers, the catalogue search).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    pub filter: String,
    pub selected: usize,
}

/// The whole app.
pub struct App {
    pub data: Data,
    pub templates: Templates,
    /// Municipality settings (wording, hour cap, intervals, which categories count) of
    /// the open gesprek: its profile's, or `gemeente.ron`'s.
    pub gemeente: Gemeente,
    /// `gemeente.ron` itself, for a gesprek without a profile.
    pub basis_gemeente: Gemeente,
    /// Gemeente profiles (`gemeenten/<naam>.ron`); empty for a single gemeente.
    pub profielen: Vec<crate::app::bundle::Profiel>,
    /// Formats the plan is written in on export.
    pub formats: Vec<Formaat>,
    /// The consultant chose to save although something looked like a BSN.
    pub bsn_toch: bool,
    /// Words for special-category data (embedded, or the user's `bijzonder.ron`).
    pub bijzonder: crate::core::bijzonder::Woordenlijst,
    /// Findings the consultant chose to keep in this gesprek: (field, word).
    pub bijzonder_gehouden: Vec<(crate::core::fields::Field, String)>,
    pub theme: Theme,
    pub today: NaiveDate,
    pub screen: Screen,
    pub start: StartState,
    pub session: Session,
    pub page: Page,
    pub focus: Focus,
    /// The text field being edited; its text is mirrored into the session on every change.
    pub editor: Editor,
    /// Filter and cursor per picker list.
    pub pickers: BTreeMap<Lijst, ListState>,
    /// Cursor on form pages (index into the page's fields).
    pub form_row: usize,
    /// Text typed into a date or number field that does not parse yet, kept so nothing
    /// typed disappears.
    pub invalid: BTreeMap<Field, String>,
    pub sugg_tab: SuggTab,
    pub sugg_lists: BTreeMap<SuggTabKey, ListState>,
    pub review_scroll: u16,
    pub overlay: Option<Overlay>,
    /// First line shown of the overlay's text (every overlay scrolls).
    pub overlay_scroll: u16,
    /// The terminal's size, so scrolling stops where the text ends.
    pub size: (u16, u16),
    /// Clock time the gesprek was opened in this run ("13:58"), shown in the header.
    pub gesprek_sinds: Option<String>,
    /// The consultant confirmed saving an incomplete plan as a concept.
    pub als_concept: bool,
    pub message: Option<Message>,
    /// Files written by the last export.
    pub exported: Vec<PathBuf>,
    /// Whether the draft could not be saved; shown until a save succeeds.
    pub save_error: Option<String>,
    pub quit: bool,
    /// Printed after the terminal is restored, when the app stops: where the text went
    /// when it was saved somewhere the start screen does not look.
    pub afscheid: Option<String>,
    /// The output folder, for display.
    pub output_dir: String,
    /// Fuzzy index over the catalogue, built once.
    pub searcher: Searcher,
    /// The catalogue compiled for ranking, built once: opening the suggestions then only
    /// ranks.
    pub matcher: Matcher,
    /// Catalogue position of every option id, built once: the suggestion lists refer to
    /// options by id and are drawn every frame, so a linear search per row would make a
    /// 10,000-option catalogue slow to scroll.
    pub option_index: HashMap<String, usize>,
    /// Suggestions for the session as it was when the suggestions page was entered.
    pub suggesties: Suggesties,
    /// Whether the session changed after the last export (decides whether the draft can
    /// be cleaned up on quit).
    pub changed_since_export: bool,
    /// The active keymap (defaults plus the user's `toetsen.ron`).
    pub keymap: Keymap,
    /// The intake script; `data.script` is the script of the open session.
    pub intake: Script,
    /// The vervolggesprek script.
    pub vervolg: Script,
    pub oefenklanten: Oefenklanten,
    pub mode: Mode,
    /// Trainer mode: the demo client's answer is shown.
    pub reveal: bool,
    /// Projector view: the step as large slides, without the notes.
    pub presentatie: bool,
    /// The slide shown in the projector view.
    pub dia: usize,
    /// Tally mode: number keys count MI behaviour instead of typing.
    pub turven: bool,
    /// Clock time the current step was opened ("14:02"), for the per-step timer.
    pub stap_sinds: Option<String>,
    /// Seconds since the open session (or class round) began; the runner sets it before
    /// each event, so `update` stays pure and the tally timeline still has times.
    pub verstreken: u64,
    /// A class session (trainer mode): participants, rounds, the round being played.
    pub klas: Option<super::klas::KlasState>,
    /// The catalogue option form, open or kept from the last run until it is reopened.
    pub optie_form: Option<Box<super::optie_form::OptieForm>>,
    /// The catalogue of the layers below the personal one (`Bundle::catalogus_onder`).
    pub catalogus_onder: crate::core::catalogue::Catalogue,
    /// The form for a new wens, kracht or belemmering, open or kept from the last run.
    pub term_form: Option<Box<super::term_form::TermForm>>,
}

/// `SuggTab` as an ordered map key.
pub type SuggTabKey = u8;

impl App {
    pub fn new(data: Data, templates: Templates, theme: Theme, today: NaiveDate) -> App {
        App {
            templates,
            gemeente: Gemeente::default(),
            basis_gemeente: Gemeente::default(),
            profielen: Vec::new(),
            formats: vec![Formaat::Md],
            bsn_toch: false,
            bijzonder: crate::core::bijzonder::Woordenlijst::standaard(),
            bijzonder_gehouden: Vec::new(),
            theme,
            today,
            screen: Screen::Start,
            start: StartState::default(),
            session: Session::default(),
            page: Page::Gegevens,
            focus: Focus::Text,
            editor: Editor::new(Field::Klant, ""),
            pickers: BTreeMap::new(),
            form_row: 0,
            invalid: BTreeMap::new(),
            sugg_tab: SuggTab::Suggesties,
            sugg_lists: BTreeMap::new(),
            review_scroll: 0,
            overlay: None,
            overlay_scroll: 0,
            size: (80, 24),
            gesprek_sinds: None,
            als_concept: false,
            message: None,
            exported: Vec::new(),
            save_error: None,
            quit: false,
            afscheid: None,
            output_dir: String::new(),
            searcher: Searcher::new(&data.catalogue),
            matcher: Matcher::new(&data.catalogue, &data.taxonomy),
            option_index: data
                .catalogue
                .opties
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.clone(), i))
                .collect(),
            suggesties: Suggesties::default(),
            changed_since_export: false,
            keymap: Keymap::default(),
            intake: data.script.clone(),
            vervolg: data.script.clone(),
            oefenklanten: Oefenklanten::default(),
            mode: Mode::Echt,
            reveal: false,
            presentatie: false,
            dia: 0,
            turven: false,
            stap_sinds: None,
            verstreken: 0,
            klas: None,
            optie_form: None,
            catalogus_onder: data.catalogue.clone(),
            term_form: None,
            data,
        }
    }

    /// The pages of the gesprek in order: details, visible steps, review.
    pub fn pages(&self) -> Vec<Page> {
        crate::core::route::pages(&self.data.script, &self.session)
    }

    /// Position of the current page in `pages()`; a step hidden by its condition (reached
    /// by a jump) counts as the position of the next visible page.
    pub fn page_index(&self, pages: &[Page]) -> usize {
        crate::core::route::index(&self.data.script, pages, &self.page)
    }

    /// The current step, when the page is a step.
    pub fn current_step(&self) -> Option<crate::core::script::StapRef<'_>> {
        match &self.page {
            Page::Step(id) => self.data.script.step(id),
            _ => None,
        }
    }

    /// What kind of screen the current page shows.
    pub fn page_kind(&self) -> PageKind {
        match &self.page {
            Page::Gegevens => PageKind::Gegevens,
            Page::Review => PageKind::Review,
            Page::Step(_) => match self.current_step().map(|s| s.stap.soort) {
                Some(StapSoort::Suggesties) => PageKind::Suggesties,
                Some(StapSoort::Afspraken) => PageKind::Afspraken,
                Some(StapSoort::Evaluatie) => PageKind::Evaluatie,
                _ => PageKind::Step,
            },
        }
    }

    /// The rows of the start screen, in order.
    pub fn start_items(&self) -> Vec<StartItem> {
        match self.mode {
            Mode::Oefenen => (0..self.oefenklanten.klanten.len())
                .map(StartItem::Oefenklant)
                .chain(std::iter::once(StartItem::Echt))
                .collect(),
            Mode::Echt => {
                let mut items = vec![StartItem::Nieuw];
                items.extend((0..self.start.drafts.len()).map(StartItem::Draft));
                items.extend(self.filtered_clients().into_iter().map(StartItem::Client));
                if !self.oefenklanten.klanten.is_empty() {
                    items.push(StartItem::Oefenen);
                }
                items
            }
        }
    }

    /// Indices of the clients matching the start screen's filter (case and accents
    /// ignored).
    pub fn filtered_clients(&self) -> Vec<usize> {
        let f = crate::core::search::fold(self.start.filter.trim());
        self.start
            .clients
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                f.is_empty()
                    || crate::core::search::fold(&c.klant).contains(&f)
                    || c.gemeente
                        .as_deref()
                        .is_some_and(|g| crate::core::search::fold(g).contains(&f))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Titles of the chosen options (the id where the catalogue no longer has it).
    pub fn chosen_titles(&self) -> Vec<&str> {
        self.session
            .gekozen
            .iter()
            .map(|id| {
                self.data
                    .catalogue
                    .find(id)
                    .map_or(id.as_str(), |o| o.titel.as_str())
            })
            .collect()
    }

    /// The demo client of a practice session.
    pub fn oefenklant(&self) -> Option<&crate::core::oefen::Oefenklant> {
        if !self.session.oefenen {
            return None;
        }
        self.oefenklanten
            .klanten
            .iter()
            .find(|k| k.naam == self.session.klant)
    }

    pub fn picker(&self, lijst: Lijst) -> ListState {
        self.pickers.get(&lijst).cloned().unwrap_or_default()
    }

    pub fn sugg_list(&self, tab: SuggTab) -> ListState {
        self.sugg_lists
            .get(&(tab as u8))
            .cloned()
            .unwrap_or_default()
    }

    pub fn sugg_list_mut(&mut self, tab: SuggTab) -> &mut ListState {
        self.sugg_lists.entry(tab as u8).or_default()
    }

    /// Opens an overlay at the top of its text.
    pub fn open(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    pub fn info(&mut self, kind: MessageKind, text: impl Into<String>) {
        self.message = Some(Message {
            kind,
            text: text.into(),
        });
    }
}

/// The screen a page is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Gegevens,
    Step,
    Suggesties,
    Afspraken,
    /// Looking back on the previous afspraken (vervolggesprek).
    Evaluatie,
    Review,
}
