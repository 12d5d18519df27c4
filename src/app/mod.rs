//! The application layer: what every front-end (the TUI, the line mode, each command)
//! does the same way, done once. Loading and checking the data and settings of every
//! layer (`bundle`), the suggestions for a session with the gemeente's filters
//! (`suggest`), the export with its checks and the logboek entry (`export`), where files
//! go and erasing a client (`erase`).
//!
//! Dependency rule: `tui`, `access` and `cli` call `app`; `app` calls `store` and `core`;
//! the front-ends never call each other (a test reads the `use` lines to keep it so).

pub mod bundle;
pub mod catalogus;
pub mod erase;
pub mod export;
pub mod gesprek;
pub mod suggest;
pub mod templates;
pub mod verhuis;

use std::path::PathBuf;

pub use bundle::{Bundle, KeymapCheck};

/// What the user chose on the command line about folders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Instellingen {
    /// `--uitvoer`: where plans go, above the gemeente's `uitvoermap`.
    pub uitvoer: Option<PathBuf>,
    /// `--instellingen`: the personal settings folder instead of the platform's.
    pub instellingen: Option<PathBuf>,
    /// `--team`: the team folder, above `MEEDOEN_TEAM` and `teammap`.
    pub team: Option<PathBuf>,
}
