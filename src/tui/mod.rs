//! The terminal UI, in the Elm style: `keymap` turns keys into actions, `update` changes
//! the app and returns effects, `screens` draw, and `run` performs the effects.

pub mod action;
pub mod app;
pub mod editor;
pub mod effect;
pub mod form;
pub mod keymap;
pub mod lists;
pub mod run;
pub mod screens;
pub mod theme;
pub mod update;

use std::path::PathBuf;

use crate::store::{assets, paths::Paths};

/// Options from the command line that the interactive app needs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Output folder for plans (`--uitvoer`).
    pub uitvoer: Option<PathBuf>,
    /// Config folder override (`--instellingen`).
    pub instellingen: Option<PathBuf>,
}

/// Runs the interactive app until the user quits. Data problems are reported before the
/// terminal is taken over, so they stay readable and nothing typed is at stake yet.
pub fn run(opts: Options) -> anyhow::Result<()> {
    let mut paths = Paths::resolve(opts.uitvoer.as_deref()).map_err(anyhow::Error::msg)?;
    if let Some(dir) = opts.instellingen {
        paths.config = dir;
    }
    let data = assets::load(Some(&paths.config)).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(
            "de gegevensbestanden bevatten fouten:\n{}\nHerstel ze (of verwijder het bestand om de standaard te gebruiken); `meedoen controleer` toont ze opnieuw.",
            list.join("\n")
        )
    })?;
    let template = assets::plan_template(Some(&paths.config))
        .map_err(|p| anyhow::anyhow!("het plansjabloon kan niet worden gelezen: {p}"))?;
    let keymap = load_keymap(&paths.config)?;
    let today = chrono::Local::now().date_naive();
    let mut app = app::App::new(data, template, theme::Theme::from_env(), today);
    app.keymap = keymap;
    app.output_dir = paths.output.display().to_string();
    run::run_app(app, paths)?;
    Ok(())
}

/// The keymap: defaults, with the user's `toetsen.ron` applied when there is one.
pub fn load_keymap(config: &std::path::Path) -> anyhow::Result<keymap::Keymap> {
    let empty = crate::core::data::Source::new("", "");
    let src = assets::read_or_default(Some(config), keymap::KEYMAP_FILE, empty)
        .map_err(|p| anyhow::anyhow!("{p}"))?;
    if src.name.is_empty() {
        return Ok(keymap::Keymap::default());
    }
    keymap::Keymap::from_source(&src).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("de toetsenindeling bevat fouten:\n{}", list.join("\n"))
    })
}
