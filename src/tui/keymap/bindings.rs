//! The default keymap: the contexts that decide what a key means, and which keys run
//! which command in each. No printable character is bound to anything that writes,
//! selects or answers; `keymap::tests` holds the table to that.

use super::super::action::Command;
use crate::core::tally::Gedrag;

/// The context that decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// The start screen's list; typed letters search the clients.
    Start,
    /// Typing notes on a step.
    Notes,
    /// A tag picker with type-to-filter.
    Picker,
    /// A form field (client details, afspraken).
    Form,
    /// The suggestions lists; typed letters start a catalogue search.
    Suggestions,
    /// Typing in the catalogue search.
    Search,
    Review,
    Help,
    Jump,
    /// A window of text to read: the step's coaching, a client's plan.
    Toelichting,
    /// Deleting a draft.
    Confirm,
    /// Something looks like a BSN.
    Bsn,
    /// The export gate: the plan is incomplete, save it as a concept or go back.
    Gate,
    /// Special-category data found in the plan: decide per finding.
    Bijzonder,
    /// Editing the plan's own text, one section at a time.
    PlanTekst,
    /// A new gesprek: which gemeente profile applies.
    Gemeente,
    /// Typing a filter over the client overview.
    StartFilter,
    /// Tally mode: number keys count MI behaviour.
    Tally,
    /// Stopping while the draft cannot be saved: choose what happens to the text.
    Onbewaard,
    /// Files past the bewaartermijn, offered for erasure per client.
    Bewaartermijn,
    /// Rating the four MITI globals at the end of a practice round.
    Globals,
    /// The projector view: slides, nothing is typed.
    Presentatie,
    /// Stopping practice with a tally not yet saved: save it first?
    OefenStoppen,
    /// Leaving practice would show the real clients: the projector may still be on.
    OefenVerlaten,
    /// The form for a catalogue option: letters are text, or open a field's list.
    OptieForm,
    /// A field's list in the option form, filtered by typing.
    OptieLijst,
    /// A question about the catalogue: leave the form, hide an option, back to built-in.
    OptieVraag,
    /// The form for a new wens, kracht or belemmering: letters are text.
    TermForm,
    /// The options hidden in the personal catalogue: nothing is typed.
    Verborgen,
}

/// Every context, for validation and tests.
pub const ALL_CTX: &[Ctx] = &[
    Ctx::Start,
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Suggestions,
    Ctx::Search,
    Ctx::Review,
    Ctx::Help,
    Ctx::Jump,
    Ctx::Toelichting,
    Ctx::Confirm,
    Ctx::Bsn,
    Ctx::Gate,
    Ctx::Bijzonder,
    Ctx::PlanTekst,
    Ctx::Gemeente,
    Ctx::StartFilter,
    Ctx::Tally,
    Ctx::Onbewaard,
    Ctx::Bewaartermijn,
    Ctx::Globals,
    Ctx::Presentatie,
    Ctx::OefenStoppen,
    Ctx::OefenVerlaten,
    Ctx::OptieForm,
    Ctx::OptieLijst,
    Ctx::OptieVraag,
    Ctx::TermForm,
    Ctx::Verborgen,
];

/// Contexts where letters are typed text (or a list's search).
pub(super) const TYPING: &[Ctx] = &[
    Ctx::PlanTekst,
    Ctx::Start,
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Suggestions,
    Ctx::Search,
    Ctx::StartFilter,
    Ctx::OptieForm,
    Ctx::OptieLijst,
    Ctx::TermForm,
];
/// Questions: answered only with keys that cannot be typed, shown in the question.
pub(super) const DIALOGS: &[Ctx] = &[
    Ctx::Confirm,
    Ctx::Bsn,
    Ctx::Gate,
    Ctx::Bijzonder,
    Ctx::OefenStoppen,
    Ctx::OefenVerlaten,
    Ctx::OptieVraag,
];
/// The trainer's windows where nothing is typed either: a class may be watching, and a
/// stray character must not change a rating or a slide.
pub(super) const QUIET: &[Ctx] = &[Ctx::Globals, Ctx::Presentatie, Ctx::Verborgen];
/// The contexts of an open gesprek (also where the trainer keys F4–F6 work).
pub(crate) const GESPREK: &[Ctx] = &[
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Suggestions,
    Ctx::Search,
    Ctx::Review,
    Ctx::Tally,
    Ctx::Presentatie,
];
/// Every screen without an overlay: help and quitting work everywhere here.
pub(crate) const SCREENS: &[Ctx] = &[
    Ctx::Start,
    Ctx::StartFilter,
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Suggestions,
    Ctx::Search,
    Ctx::Review,
    Ctx::Tally,
    Ctx::Presentatie,
];
/// The suggestions page and its catalogue search: hours, care hours and keeping the
/// catalogue work in both.
const CATALOGUS: &[Ctx] = &[Ctx::Suggestions, Ctx::Search];
pub(super) const LISTS: &[Ctx] = &[Ctx::Start, Ctx::Suggestions, Ctx::Review, Ctx::Jump];
/// Windows with a start and an end: the plan on the review screen, the step list and
/// every overlay with text.
pub(super) const SCROLLING: &[Ctx] = &[
    Ctx::Review,
    Ctx::Jump,
    Ctx::Help,
    Ctx::Toelichting,
    Ctx::Bsn,
    Ctx::Gate,
    Ctx::Confirm,
];
/// Overlays whose text scrolls with the arrows.
pub(super) const READING: &[Ctx] = &[
    Ctx::Help,
    Ctx::Toelichting,
    Ctx::Bsn,
    Ctx::Gate,
    Ctx::Confirm,
];
/// Where `toetsen.ron`'s `vim: true` adds j/k: lists and windows in which letters are
/// neither text nor a search.
pub const VIM_CTX: &[Ctx] = &[Ctx::Review, Ctx::Jump, Ctx::Help, Ctx::Toelichting];

/// One default binding: in these contexts, these keys run this command.
#[derive(Debug, Clone, Copy)]
pub struct DefaultBinding {
    pub ctx: &'static [Ctx],
    pub keys: &'static [&'static str],
    pub cmd: Command,
}

const fn b(ctx: &'static [Ctx], keys: &'static [&'static str], cmd: Command) -> DefaultBinding {
    DefaultBinding { ctx, keys, cmd }
}

/// The default keymap. Order matters only for display. No printable character is bound
/// to anything that writes, selects or answers (`?` opens help only where nothing can be
/// typed; Space ticks only in lists); a test holds every context to this.
pub const BINDINGS: &[DefaultBinding] = &[
    b(GESPREK, &["PgDn", "Ctrl+N"], Command::Volgende),
    b(GESPREK, &["PgUp", "Ctrl+P"], Command::Vorige),
    b(GESPREK, &["Tab"], Command::FocusVolgende),
    b(GESPREK, &["Shift+Tab"], Command::FocusVorige),
    b(GESPREK, &["Ctrl+G"], Command::Springen),
    b(&[Ctx::Notes, Ctx::Picker], &["F2"], Command::Toelichting),
    b(&[Ctx::Picker, Ctx::Form], &["Up"], Command::Omhoog),
    b(&[Ctx::Picker, Ctx::Form], &["Down"], Command::Omlaag),
    b(&[Ctx::Picker], &["Enter"], Command::Kiezen),
    b(&[Ctx::Form], &["Enter"], Command::FocusVolgende),
    b(&[Ctx::Form], &["Ctrl+A"], Command::AfspraakToevoegen),
    b(&[Ctx::Form], &["Ctrl+D"], Command::AfspraakVerwijderen),
    b(&[Ctx::Form], &["Ctrl+E"], Command::EigenToevoegen),
    b(&[Ctx::Form], &["F3", "Ctrl+Space"], Command::Kiezen),
    b(
        &[Ctx::Notes, Ctx::Form],
        &["Ctrl+U"],
        Command::VeldLeegmaken,
    ),
    b(
        &[Ctx::Notes, Ctx::Form],
        &["Ctrl+Z"],
        Command::VeldHerstellen,
    ),
    b(LISTS, &["Up"], Command::Omhoog),
    b(LISTS, &["Down"], Command::Omlaag),
    b(READING, &["Up"], Command::Omhoog),
    b(READING, &["Down"], Command::Omlaag),
    b(SCROLLING, &["Home"], Command::NaarBegin),
    b(SCROLLING, &["End"], Command::NaarEinde),
    b(READING, &["PgUp"], Command::BladOmhoog),
    b(READING, &["PgDn"], Command::BladOmlaag),
    b(&[Ctx::Start], &["Enter"], Command::Kiezen),
    b(&[Ctx::Suggestions], &["Enter", "Space"], Command::Kiezen),
    b(&[Ctx::Jump], &["Enter"], Command::Kiezen),
    b(&[Ctx::Start], &["Ctrl+N"], Command::Nieuw),
    b(&[Ctx::Start], &["Ctrl+F"], Command::Filteren),
    b(&[Ctx::Start], &["Ctrl+O"], Command::PlanBekijken),
    b(&[Ctx::StartFilter], &["Enter", "Down"], Command::Terug),
    b(GESPREK, &["F6"], Command::Turven),
    b(&[Ctx::Tally], &["Backspace", "*"], Command::TurfOngedaan),
    b(GESPREK, &["F4"], Command::Onthullen),
    b(GESPREK, &["F5"], Command::Presentatie),
    b(&[Ctx::Start], &["Delete"], Command::Verwijderen),
    b(&[Ctx::Suggestions], &["Right"], Command::TabVolgende),
    b(&[Ctx::Suggestions], &["Left"], Command::TabVorige),
    b(&[Ctx::Suggestions], &["Ctrl+F"], Command::Zoeken),
    b(CATALOGUS, &["Ctrl+Up"], Command::UrenMeer),
    b(CATALOGUS, &["Ctrl+Down"], Command::UrenMinder),
    b(CATALOGUS, &["Alt+Up"], Command::ZorgMeer),
    b(CATALOGUS, &["Alt+Down"], Command::ZorgMinder),
    b(&[Ctx::Picker], &["F9"], Command::Hoofddoel),
    b(&[Ctx::Search], &["Up"], Command::Omhoog),
    b(&[Ctx::Search], &["Down"], Command::Omlaag),
    b(&[Ctx::Search], &["Enter"], Command::Kiezen),
    b(&[Ctx::Review], &["Ctrl+S"], Command::Exporteren),
    b(&[Ctx::Review], &["Alt+M"], Command::FormaatMd),
    b(&[Ctx::Review], &["Alt+W"], Command::FormaatHtml),
    b(&[Ctx::Review], &["Alt+T"], Command::FormaatTxt),
    b(&[Ctx::Review], &["Ctrl+K"], Command::Kopieren),
    b(&[Ctx::Review], &["Ctrl+E"], Command::PlanTekst),
    b(&[Ctx::Gemeente], &["Up"], Command::Omhoog),
    b(&[Ctx::Gemeente], &["Down"], Command::Omlaag),
    b(&[Ctx::Gemeente], &["Enter"], Command::Kiezen),
    b(&[Ctx::Gemeente], &["Esc"], Command::Terug),
    b(&[Ctx::PlanTekst], &["Tab"], Command::FocusVolgende),
    b(&[Ctx::PlanTekst], &["Shift+Tab"], Command::FocusVorige),
    b(&[Ctx::PlanTekst], &["Ctrl+U"], Command::VeldLeegmaken),
    b(&[Ctx::PlanTekst], &["Ctrl+Z"], Command::VeldHerstellen),
    b(&[Ctx::PlanTekst], &["Esc", "F1"], Command::Terug),
    b(&[Ctx::Bsn], &["Alt+V"], Command::Ja),
    b(&[Ctx::Bsn], &["Alt+T"], Command::TochOpslaan),
    // Not Enter: the question before leaving practice follows an Enter, and a held key
    // must not answer it.
    b(
        &[Ctx::Confirm, Ctx::OefenStoppen, Ctx::OefenVerlaten],
        &["Alt+J"],
        Command::Ja,
    ),
    b(&[Ctx::Gate], &["Alt+C"], Command::AlsConcept),
    b(&[Ctx::Bijzonder], &["Alt+L"], Command::Houden),
    b(&[Ctx::Bijzonder], &["Alt+H"], Command::Herschrijven),
    b(&[Ctx::Bijzonder], &["Alt+W"], Command::Weghalen),
    b(DIALOGS, &["Esc"], Command::Nee),
    b(&[Ctx::Review], &["?"], Command::Help),
    b(SCREENS, &["F1"], Command::Help),
    b(
        &[
            Ctx::Notes,
            Ctx::Picker,
            Ctx::Form,
            Ctx::Suggestions,
            Ctx::Search,
            Ctx::Review,
            Ctx::Help,
            Ctx::Jump,
            Ctx::Toelichting,
            Ctx::StartFilter,
        ],
        &["Esc"],
        Command::Terug,
    ),
    b(&[Ctx::Tally], &["Esc"], Command::Turven),
    b(
        &[Ctx::Help, Ctx::Toelichting],
        &["F1", "Enter"],
        Command::Terug,
    ),
    // `?` opened it where nothing is typed, so `?` closes it again.
    b(&[Ctx::Help], &["?"], Command::Terug),
    b(SCREENS, &["Ctrl+Q"], Command::Stoppen),
    // No letters here: a consultant typing on after Ctrl+Q must not pick anything.
    b(&[Ctx::Onbewaard], &["Up"], Command::Omhoog),
    b(&[Ctx::Onbewaard], &["Down"], Command::Omlaag),
    b(&[Ctx::Onbewaard], &["Enter"], Command::Kiezen),
    b(&[Ctx::Onbewaard], &["Esc"], Command::Terug),
    b(&[Ctx::Onbewaard], &["F10"], Command::StoppenZonderOpslaan),
    b(&[Ctx::Bewaartermijn], &["Up"], Command::Omhoog),
    b(&[Ctx::Bewaartermijn], &["Down"], Command::Omlaag),
    b(&[Ctx::Bewaartermijn], &["Delete"], Command::Verwijderen),
    b(&[Ctx::Bewaartermijn], &["Esc"], Command::Terug),
    // The trainer's keys. Tally codes sit on the numeric keypad: tally mode is the one
    // place where digits act as commands, switched on with F6 and always on screen, and
    // no notes can be typed while it is on. In the order of `Gedrag::ALL`.
    b(
        &[Ctx::Tally],
        &["1"],
        Command::Turf(Gedrag::NeutraalInformeren),
    ),
    b(&[Ctx::Tally], &["2"], Command::Turf(Gedrag::OpenVraag)),
    b(&[Ctx::Tally], &["3"], Command::Turf(Gedrag::GeslotenVraag)),
    b(
        &[Ctx::Tally],
        &["4"],
        Command::Turf(Gedrag::ReflectieEenvoudig),
    ),
    b(
        &[Ctx::Tally],
        &["5"],
        Command::Turf(Gedrag::ReflectieComplex),
    ),
    b(&[Ctx::Tally], &["6"], Command::Turf(Gedrag::Bekrachtigen)),
    b(&[Ctx::Tally], &["7"], Command::Turf(Gedrag::Samenvatten)),
    b(
        &[Ctx::Tally],
        &["8"],
        Command::Turf(Gedrag::SamenwerkingZoeken),
    ),
    b(
        &[Ctx::Tally],
        &["9"],
        Command::Turf(Gedrag::AutonomieBenadrukken),
    ),
    b(
        &[Ctx::Tally],
        &["0"],
        Command::Turf(Gedrag::OvertuigenMetToestemming),
    ),
    b(
        &[Ctx::Tally],
        &["."],
        Command::Turf(Gedrag::OvertuigenZonderToestemming),
    ),
    b(&[Ctx::Tally], &["/"], Command::Turf(Gedrag::Confronteren)),
    b(&[Ctx::Tally], &["+"], Command::Turf(Gedrag::Verandertaal)),
    b(&[Ctx::Tally], &["-"], Command::Turf(Gedrag::Behoudtaal)),
    // F7 is free everywhere in a gesprek (F9 is the main aim, F8 the README's example of
    // a remapped key).
    b(GESPREK, &["F7"], Command::RondeAfronden),
    b(&[Ctx::Presentatie], &["Up", "Left"], Command::Omhoog),
    b(&[Ctx::Presentatie], &["Down", "Right"], Command::Omlaag),
    b(&[Ctx::Presentatie], &["Esc"], Command::Presentatie),
    // The globals: arrows only, as the care hours use Alt+arrows; no `+`/`-`, which a
    // trainer still typing a note would send.
    b(&[Ctx::Globals], &["Up"], Command::Omhoog),
    b(&[Ctx::Globals], &["Down"], Command::Omlaag),
    b(&[Ctx::Globals], &["Left", "Alt+Down"], Command::ScoreLager),
    b(&[Ctx::Globals], &["Right", "Alt+Up"], Command::ScoreHoger),
    b(&[Ctx::Globals], &["Enter"], Command::Kiezen),
    b(&[Ctx::Globals], &["Esc"], Command::Terug),
    // A class session's choices on the start screen, where typing searches the list.
    b(&[Ctx::Start], &["Right"], Command::DeelnemerVolgende),
    b(&[Ctx::Start], &["Left"], Command::DeelnemerVorige),
    b(&[Ctx::Start], &["PgUp"], Command::TimerLanger),
    b(&[Ctx::Start], &["PgDn"], Command::TimerKorter),
    // Keeping the catalogue, from "Hele catalogus": Alt+letters, since letters search.
    b(CATALOGUS, &["Alt+N"], Command::OptieNieuw),
    b(CATALOGUS, &["Alt+B"], Command::OptieBewerken),
    b(CATALOGUS, &["Alt+K"], Command::OptieKopieren),
    b(CATALOGUS, &["Alt+V"], Command::OptieVerbergen),
    b(CATALOGUS, &["Alt+O"], Command::OptieOrigineel),
    b(CATALOGUS, &["Alt+R"], Command::OptieTerug),
    b(&[Ctx::Form], &["Ctrl+O"], Command::OptieUitEigen),
    b(&[Ctx::OptieForm, Ctx::OptieLijst], &["Up"], Command::Omhoog),
    b(
        &[Ctx::OptieForm, Ctx::OptieLijst],
        &["Down"],
        Command::Omlaag,
    ),
    b(&[Ctx::OptieForm], &["Tab"], Command::FocusVolgende),
    b(&[Ctx::OptieForm], &["Shift+Tab"], Command::FocusVorige),
    b(
        &[Ctx::OptieForm],
        &["Enter", "F3", "Ctrl+Space"],
        Command::Kiezen,
    ),
    b(&[Ctx::OptieLijst], &["Enter"], Command::Kiezen),
    b(&[Ctx::OptieForm], &["Ctrl+U"], Command::VeldLeegmaken),
    b(
        &[Ctx::OptieForm, Ctx::OptieLijst],
        &["Ctrl+S"],
        Command::OptieOpslaan,
    ),
    b(&[Ctx::OptieForm, Ctx::OptieLijst], &["Esc"], Command::Terug),
    b(&[Ctx::OptieVraag], &["Alt+J"], Command::Ja),
    // A new wens, kracht or belemmering, from the catalogue or a list of that kind; the
    // options hidden in the personal catalogue, brought back one by one.
    b(
        &[
            Ctx::Suggestions,
            Ctx::Search,
            Ctx::OptieForm,
            Ctx::OptieLijst,
        ],
        &["Alt+W"],
        Command::TermNieuw,
    ),
    b(CATALOGUS, &["Alt+H"], Command::VerborgenTonen),
    b(&[Ctx::TermForm, Ctx::Verborgen], &["Up"], Command::Omhoog),
    b(&[Ctx::TermForm, Ctx::Verborgen], &["Down"], Command::Omlaag),
    b(&[Ctx::TermForm], &["Tab"], Command::FocusVolgende),
    b(&[Ctx::TermForm], &["Shift+Tab"], Command::FocusVorige),
    b(
        &[Ctx::TermForm, Ctx::Verborgen],
        &["Enter"],
        Command::Kiezen,
    ),
    b(&[Ctx::TermForm], &["Ctrl+U"], Command::VeldLeegmaken),
    b(&[Ctx::TermForm], &["Ctrl+S"], Command::TermOpslaan),
    b(&[Ctx::TermForm, Ctx::Verborgen], &["Esc"], Command::Terug),
];
