//! Effects: what `update` asks the outside world to do. `update` only returns these; the
//! runner in `run.rs` is the one place that performs them.

/// A side effect requested by `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the drafts folder for the start screen.
    ListDrafts,
    /// Make a new session (needs the clock and a random id).
    /// Start a new gesprek, under this gemeente profile (`None`: the single
    /// `gemeente.ron`).
    CreateSession(Option<String>),
    /// Open (and lock) a draft by id.
    LoadDraft(String),
    /// Delete a draft by id (after the user confirmed).
    DeleteDraft(String),
    /// Write the current session to its draft file.
    SaveDraft,
    /// Write the plan set (plan formats, the session beside them, an MI report) under a
    /// new, free file name.
    Export(crate::app::export::PlanSet),
    /// Put the text plan on the clipboard; where there is none, write it as a file under
    /// `stem` instead.
    Kopieer { stem: String, tekst: String },
    /// Read the saved sessions for the client overview.
    ListClients,
    /// Read the plan beside a saved session file, to show it.
    ReadPlan(std::path::PathBuf),
    /// Start a vervolggesprek from a saved session file.
    StartVervolg(std::path::PathBuf),
    /// Start a practice session with the n-th demo client.
    CreateOefenSession(usize),
    /// A new page is showing: the runner closes the previous step's timer.
    StapGewisseld,
    /// BSNs were removed from the session (for the event log; the count only).
    BsnVerwijderd(usize),
    /// Remember the consultant's preferences (the plan formats) for the next start.
    SavePrefs,
    /// Write trainer files (a practice report, or a class round's report and CSV) to
    /// the trainer folder, and the class overview when given (stem, text); never to the
    /// plans folder.
    TrainerBestanden {
        stem: String,
        files: Vec<(String, String)>,
        overzicht: Option<(String, String)>,
        /// The round being saved, handed back when it is on disk.
        ronde: Option<Box<crate::core::klas::Ronde>>,
        /// Stop the app once everything is written.
        stoppen: bool,
    },
    /// Save the draft durably and leave the app; when saving fails, the runner answers
    /// `QuitBlocked` instead and nothing is left behind.
    Quit,
    /// Write the gesprek into a folder the consultant chose, then leave.
    SaveElsewhere(std::path::PathBuf),
    /// Put the gesprek on the clipboard, then leave.
    CopyToClipboard,
    /// Find the files past the municipality's bewaartermijn.
    ListVerlopen,
    /// Erase the expired files of the n-th client in the list (after two presses).
    WisVerlopen(usize),
    /// Change the personal catalogue (checked first; nothing is written when refused).
    Catalogus(crate::core::eigen_catalogus::Wijziging),
    /// Keep the option form as a draft (its text), or remove the draft (`None`).
    OptieConcept(Option<String>),
    /// Add (or, not `nieuw`, replace) an entry of the personal taxonomy, checked first.
    Taxonomie {
        soort: crate::core::taxonomy::TagKind,
        entry: Box<crate::core::taxonomy::Entry>,
        nieuw: bool,
    },
    /// Keep the form for a new wens or belemmering as a draft, or remove it (`None`).
    TermConcept(Option<String>),
}
