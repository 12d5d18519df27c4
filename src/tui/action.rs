//! Every user intent and every effect result, as data. Keys become `Action`s in
//! `keymap`, effect results come back as `Action`s from the runner, and `update` is the
//! only place that turns them into changes.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};

use crate::core::session::Session;

/// A command a key can be bound to (configurable, listed in the help overlay).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Command {
    /// Leave the app; the draft is already on disk.
    Stoppen,
    /// Show the keys for the current screen.
    Help,
    /// Close an overlay, leave a filter or a field; never discards text.
    Terug,
    /// Next page of the gesprek.
    Volgende,
    /// Previous page of the gesprek.
    Vorige,
    /// Open the list of all steps to jump to one.
    Springen,
    /// Move focus to the next panel or field.
    FocusVolgende,
    /// Move focus to the previous panel or field.
    FocusVorige,
    Omhoog,
    Omlaag,
    /// Tick or untick the item under the cursor; open it on the start screen.
    Kiezen,
    /// Mark the wens under the cursor as the client's main aim (or unmark it).
    Hoofddoel,
    /// Start a new gesprek (start screen).
    Nieuw,
    /// Delete the selected draft, after confirmation (start screen).
    Verwijderen,
    /// Switch list on the suggestions screen.
    TabVolgende,
    TabVorige,
    /// Search the whole catalogue.
    Zoeken,
    /// Hours the client can manage: one more / one less.
    UrenMeer,
    UrenMinder,
    /// Hours of care per week: two more / two less.
    ZorgMeer,
    ZorgMinder,
    /// Add an afspraak row.
    AfspraakToevoegen,
    /// Remove the current afspraak row (only when it is empty).
    AfspraakVerwijderen,
    /// Write the plan van aanpak to the output folder.
    Exporteren,
    /// Show the coaching texts of the step in full.
    Toelichting,
    /// Confirm a question with yes.
    Ja,
    /// Answer a question with no.
    Nee,
    /// Filter the client overview (start screen).
    Filteren,
    /// Tally mode on or off.
    Turven,
    /// Undo the last tally.
    TurfOngedaan,
    /// Tally one code (tally mode only; the one place where digits act as commands).
    Turf(crate::core::tally::Gedrag),
    /// End the practice round: rate the globals, then save the trainer files.
    RondeAfronden,
    /// A global rating one lower / one higher (the globals overlay).
    ScoreLager,
    ScoreHoger,
    /// The class session's next participant / previous participant (start screen).
    DeelnemerVolgende,
    DeelnemerVorige,
    /// The round timer one minute longer / shorter (start screen of a class session).
    TimerLanger,
    TimerKorter,
    /// Show or hide the demo client's answer (trainer mode).
    Onthullen,
    /// Presentation layout on or off.
    Presentatie,
    /// Save although something looks like a BSN (it was checked by a person).
    TochOpslaan,
    /// Show the latest plan of the client under the cursor (start screen).
    PlanBekijken,
    /// Stop and lose what is not saved (only offered when saving failed).
    StoppenZonderOpslaan,
    /// Add an eigen activiteit (afspraken page).
    EigenToevoegen,
    /// Put the text version of the plan on the clipboard (review page).
    Kopieren,
    /// Edit the plan's own text, section by section (review page).
    PlanTekst,
    /// Special-category data in the plan: leave this finding as it is.
    Houden,
    /// Special-category data: put the neutral word in its place.
    Herschrijven,
    /// Special-category data: take the word out.
    Weghalen,
    /// Plan formats on the review screen, each on or off.
    FormaatMd,
    FormaatHtml,
    FormaatTxt,
    /// Empty the text field being edited (undone with `VeldHerstellen`).
    VeldLeegmaken,
    /// Undo the last change in the text field being edited.
    VeldHerstellen,
    /// Scroll a window or the plan one page up / down, or to its start / end.
    BladOmhoog,
    BladOmlaag,
    NaarBegin,
    NaarEinde,
    /// Save a plan the export gate found incomplete, as a concept.
    AlsConcept,
    /// "Hele catalogus": a new option, the highlighted one edited, copied or hidden.
    OptieNieuw,
    OptieBewerken,
    OptieKopieren,
    OptieVerbergen,
    /// Show the built-in original of an option changed in the personal catalogue.
    OptieOrigineel,
    /// Remove the own version of a built-in option, so the original is used again.
    OptieTerug,
    /// Save the option form into the personal catalogue.
    OptieOpslaan,
    /// Open the eigen activiteit under the cursor as a new catalogue option.
    OptieUitEigen,
    /// A new wens, kracht or belemmering: from "Hele catalogus", or from the option
    /// form's list of that kind (the new entry is then ticked there).
    TermNieuw,
    /// Save the form for a new wens, kracht or belemmering into the personal taxonomy.
    TermOpslaan,
    /// "Hele catalogus": the options hidden in the personal catalogue, to bring back.
    VerborgenTonen,
}

impl Command {
    /// Dutch description, for the help overlay and the status bar.
    pub fn label(self) -> &'static str {
        match self {
            Command::Stoppen => "stoppen (concept blijft bewaard)",
            Command::Help => "toetsen",
            Command::Terug => "terug",
            Command::Volgende => "volgende stap",
            Command::Vorige => "vorige stap",
            Command::Springen => "naar stap…",
            Command::FocusVolgende => "volgend veld",
            Command::FocusVorige => "vorig veld",
            Command::Omhoog => "omhoog",
            Command::Omlaag => "omlaag",
            Command::Kiezen => "kiezen",
            Command::Hoofddoel => "hoofddoel (wensen)",
            Command::Nieuw => "nieuw gesprek",
            Command::Verwijderen => "concept verwijderen",
            Command::TabVolgende => "volgende lijst",
            Command::TabVorige => "vorige lijst",
            Command::Zoeken => "zoeken in catalogus",
            Command::UrenMeer => "uren +1",
            Command::UrenMinder => "uren -1",
            Command::ZorgMeer => "zorguren +2",
            Command::ZorgMinder => "zorguren -2",
            Command::AfspraakToevoegen => "afspraak toevoegen",
            Command::AfspraakVerwijderen => "lege afspraak weg",
            Command::Exporteren => "plan opslaan",
            Command::Toelichting => "toelichting stap",
            Command::Ja => "ja",
            Command::Nee => "nee",
            Command::Filteren => "zoeken",
            Command::Turven => "turven aan/uit",
            Command::TurfOngedaan => "laatste turf ongedaan",
            Command::Turf(g) => g.label(),
            Command::RondeAfronden => "ronde afronden en opslaan",
            Command::ScoreLager => "score lager",
            Command::ScoreHoger => "score hoger",
            Command::DeelnemerVolgende => "volgende deelnemer",
            Command::DeelnemerVorige => "vorige deelnemer",
            Command::TimerLanger => "timer +1 minuut",
            Command::TimerKorter => "timer -1 minuut",
            Command::Onthullen => "antwoord oefenklant",
            Command::Presentatie => "presentatie",
            Command::TochOpslaan => "toch opslaan",
            Command::PlanBekijken => "plan bekijken",
            Command::StoppenZonderOpslaan => "stoppen en de tekst verliezen",
            Command::EigenToevoegen => "eigen activiteit toevoegen",
            Command::Kopieren => "kopieer naar klembord",
            Command::PlanTekst => "tekst van het plan aanpassen",
            Command::Houden => "laten staan",
            Command::Herschrijven => "neutraal herschrijven",
            Command::Weghalen => "weghalen",
            Command::FormaatMd => "Markdown aan/uit",
            Command::FormaatHtml => "HTML (afdrukken) aan/uit",
            Command::FormaatTxt => "platte tekst aan/uit",
            Command::VeldLeegmaken => "veld leegmaken",
            Command::VeldHerstellen => "ongedaan maken",
            Command::BladOmhoog => "pagina omhoog",
            Command::BladOmlaag => "pagina omlaag",
            Command::NaarBegin => "naar begin",
            Command::NaarEinde => "naar einde",
            Command::AlsConcept => "opslaan als concept",
            Command::OptieNieuw => "nieuwe optie in uw catalogus",
            Command::OptieBewerken => "optie bewerken",
            Command::OptieKopieren => "optie kopiëren",
            Command::OptieVerbergen => "optie verbergen",
            Command::OptieOrigineel => "ingebouwde versie tonen",
            Command::OptieTerug => "terug naar ingebouwd",
            Command::OptieOpslaan => "optie opslaan in uw catalogus",
            Command::OptieUitEigen => "eigen activiteit in catalogus",
            Command::TermNieuw => "nieuwe wens, kracht of belemmering",
            Command::TermOpslaan => "wens, kracht of belemmering opslaan",
            Command::VerborgenTonen => "verborgen opties terughalen",
        }
    }
}

/// A draft as listed on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftEntry {
    pub id: String,
    pub klant: String,
    pub datum: String,
    pub gewijzigd: String,
    /// An emergency copy from the temp folder (written when the drafts folder failed),
    /// offered back on the start screen.
    pub noodkopie: Option<PathBuf>,
}

/// A client in the start screen's overview, from their newest saved session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientEntry {
    pub klant: String,
    /// Date of the last gesprek, formatted.
    pub laatste: String,
    pub volgend_contact: Option<String>,
    /// "3 dagen te laat", "vandaag", "over 2 dagen" when due soon.
    pub opvolgen: Option<String>,
    /// Whether the next contact has passed.
    pub te_laat: bool,
    pub plan_versie: u32,
    /// The saved session file, to start a vervolggesprek from.
    pub sessie: PathBuf,
    /// The gemeente profile the last gesprek was made under, if any.
    pub gemeente: Option<String>,
    /// Date of the last gesprek, for the newest profile used.
    pub datum: chrono::NaiveDate,
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A bound command.
    Cmd(Command),
    /// A key for the focused text field.
    Edit(KeyEvent),
    /// Pasted text (bracketed paste) for the focused text field or filter.
    Paste(String),
    /// A character for the focused list's filter.
    Filter(char),
    /// Backspace in the focused list's filter.
    FilterBackspace,
    /// Result of reading the drafts folder.
    DraftsLoaded {
        drafts: Vec<DraftEntry>,
        problems: Vec<String>,
    },
    /// A draft was read from disk.
    SessionLoaded(Box<Session>),
    /// Reading a draft failed.
    LoadFailed(String),
    /// Result of writing the plan.
    Exported(Result<Vec<PathBuf>, String>),
    /// The personal catalogue was changed (the new merged catalogue), or why not.
    CatalogusGewijzigd(Result<crate::core::catalogue::Catalogue, Vec<String>>),
    /// A new wens, kracht or belemmering was written (the new merged taxonomy), or why not.
    TaxonomieGewijzigd(Result<crate::core::taxonomy::Taxonomy, Vec<String>>),
    /// The clipboard took the text (`Ok(None)`), or it did not and the text was written
    /// to this file (`Ok(Some)`) with the reason, or neither worked.
    Gekopieerd(Result<Option<(String, PathBuf)>, String>),
    /// Result of autosaving the draft; an error is shown until a save succeeds again.
    Saved(Result<(), String>),
    /// A draft was deleted.
    DraftDeleted(String),
    /// Result of reading the saved sessions for the client overview.
    ClientsLoaded {
        clients: Vec<ClientEntry>,
        problems: Vec<String>,
    },
    /// A client's plan was read from disk (title, text).
    PlanLoaded(String, String),
    /// A number key in tally mode.
    Turf(crate::core::tally::Gedrag),
    /// Result of writing trainer files; carries the round it saved (added to the class
    /// only once it is on disk) and whether the app should stop afterwards.
    TrainerOpgeslagen {
        result: Result<Vec<PathBuf>, String>,
        ronde: Option<Box<crate::core::klas::Ronde>>,
        stoppen: bool,
    },
    /// A second passed while a round runs (seconds since the round began), so the
    /// countdown is redrawn.
    Tick(u64),
    /// Seconds spent on a step, measured by the runner when the step was left.
    /// The runner saw a new page: how long the previous step took (step id, seconds) and
    /// the clock time this one started ("14:02"), shown in the header.
    StapTijd {
        vorige: Option<(String, u64)>,
        sinds: String,
    },
    /// The draft is on disk (or there is nothing to keep): the app may stop.
    Afsluiten,
    /// Stopping was asked but the draft could not be saved: the consultant decides.
    QuitBlocked {
        melding: String,
        noodkopie: Option<PathBuf>,
        mappen: Vec<PathBuf>,
    },
    /// Result of saving the gesprek in a folder the consultant chose (the file written).
    SavedElsewhere(Result<PathBuf, String>),
    /// Result of copying the gesprek to the clipboard.
    Copied(Result<(), String>),
    /// Clients with files past the bewaartermijn.
    VerlopenLoaded(Vec<crate::tui::app::VerlopenEntry>),
    /// Result of erasing one client's expired files: (client, files erased).
    VerlopenGewist(Result<(String, usize), String>),
    /// The terminal's size (at the start and after every resize), so scrolling can stop
    /// at the end of what is shown.
    Resize { width: u16, height: u16 },
}
