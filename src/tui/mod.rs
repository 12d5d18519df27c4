//! The terminal UI, in the Elm style: keys become actions, `update` changes the app and
//! returns effects, `view` draws, and one runner performs the effects.

use std::path::PathBuf;

/// Options from the command line that the interactive app needs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Output folder for plans (`--uitvoer`).
    pub uitvoer: Option<PathBuf>,
    /// Folder with the user's script, catalogue and taxonomy (`--instellingen`).
    pub instellingen: Option<PathBuf>,
}

/// Runs the interactive app until the user quits.
pub fn run(_opts: Options) -> anyhow::Result<()> {
    anyhow::bail!("de interactieve app is nog niet beschikbaar")
}
