//! The terminal UI, in the Elm style: `keymap` turns keys into actions, `update` changes
//! the app and returns effects, `screens` draw, and `run` performs the effects.

pub mod action;
pub mod app;
pub mod editor;
pub mod effect;
pub mod form;
pub mod keymap;
pub mod klas;
pub mod lists;
pub mod projector;
pub mod run;
pub mod screens;
pub mod theme;
pub mod update;

use std::path::PathBuf;

use crate::store::{assets, paths, paths::Paths};

/// Options from the command line that the interactive app needs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Output folder for plans (`--uitvoer`).
    pub uitvoer: Option<PathBuf>,
    /// Config folder override (`--instellingen`).
    pub instellingen: Option<PathBuf>,
    /// Start in trainer mode (`meedoen oefenen`).
    pub oefenen: bool,
    /// Theme chosen on the command line (`--thema`).
    pub thema: Option<theme::ThemeKind>,
    /// A class session (`meedoen oefenen --klas … --deelnemer …`), already checked.
    pub klas: Option<crate::core::klas::KlasOpties>,
}

/// Runs the interactive app until the user quits. The start screen is drawn first and
/// the data files are read and checked after (parsing the catalogue takes longer than
/// starting the program); keys pressed meanwhile wait in the terminal. Problems in the
/// files end the app before anything can be typed, and are printed with their places.
pub fn run(opts: Options) -> anyhow::Result<()> {
    let theme = theme::Theme::choose(opts.thema);
    // Even finding the folders reads the disk, so it waits until the screen is drawn.
    run::run_app(theme, || {
        load_app(resolve_paths(&opts)?, &opts, theme).map(|(mut app, paths)| {
            start_klas(&mut app, opts.klas.clone());
            (app, paths)
        })
    })
}

/// Opens a class session in trainer mode, when one was asked for.
pub fn start_klas(app: &mut app::App, opties: Option<crate::core::klas::KlasOpties>) {
    if let Some(o) = opties {
        let klas = crate::core::klas::Klas::new(o.naam, app.today, o.deelnemers);
        app.klas = Some(klas::KlasState::new(klas, o.minuten * 60));
        app.mode = app::Mode::Oefenen;
    }
}

/// The folders, with `--uitvoer` and `--instellingen` applied.
pub fn resolve_paths(opts: &Options) -> anyhow::Result<Paths> {
    let mut paths = Paths::resolve(opts.uitvoer.as_deref()).map_err(anyhow::Error::msg)?;
    if let Some(dir) = &opts.instellingen {
        paths.config = dir.clone();
    }
    Ok(paths)
}

/// Everything the app needs from disk, checked; the app and its (possibly adjusted)
/// folders.
pub fn load_app(
    mut paths: Paths,
    opts: &Options,
    theme: theme::Theme,
) -> anyhow::Result<(app::App, Paths)> {
    let data = assets::load(Some(&paths.config)).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(
            "de gegevensbestanden bevatten fouten:\n{}\nHerstel ze (of verwijder het bestand om de standaard te gebruiken); `meedoen controleer` toont ze opnieuw.",
            list.join("\n")
        )
    })?;
    let templates = assets::plan_templates(Some(&paths.config))
        .map_err(|p| anyhow::anyhow!("het plansjabloon kan niet worden gelezen: {p}"))?;
    let template_problems = templates.validate_own();
    let (gemeente, gemeente_src) =
        assets::gemeente(Some(&paths.config)).map_err(|p| anyhow::anyhow!("{p}"))?;
    let mut problems = template_problems;
    problems.extend(crate::core::gemeente::validate(
        &gemeente,
        &data.taxonomy,
        &gemeente_src,
    ));
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::bail!("de instellingen bevatten fouten:\n{}", list.join("\n"));
    }
    if opts.uitvoer.is_none()
        && let Some(dir) = gemeente
            .uitvoermap
            .as_deref()
            .filter(|d| !d.trim().is_empty())
    {
        paths.output = PathBuf::from(dir);
    }
    let keymap = load_keymap(&paths.config)?;
    let extras = crate::store::extras::load(Some(&paths.config), &data).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("de gegevensbestanden bevatten fouten:\n{}", list.join("\n"))
    })?;
    let today = chrono::Local::now().date_naive();
    let mut app = app::App::new(data, templates, theme, today);
    app.keymap = keymap;
    app.gemeente = gemeente;
    for dir in [&paths.output, &paths.data] {
        if let Some(warning) = paths::cloud_sync_warning(dir) {
            app.start.problems.push(warning);
        }
    }
    app.vervolg = extras.vervolg;
    app.oefenklanten = extras.oefenklanten;
    if opts.oefenen {
        app.mode = app::Mode::Oefenen;
    }
    app.output_dir = paths.output.display().to_string();
    Ok((app, paths))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn options(config: &std::path::Path, out: &std::path::Path) -> Options {
        Options {
            uitvoer: Some(out.to_path_buf()),
            instellingen: Some(config.to_path_buf()),
            ..Options::default()
        }
    }

    #[test]
    fn loads_on_the_embedded_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let opts = options(&dir.path().join("config"), &dir.path().join("uit"));
        let paths = resolve_paths(&opts).unwrap();
        assert_eq!(paths.config, dir.path().join("config"));
        assert_eq!(paths.output, dir.path().join("uit"));
        let (app, paths) =
            load_app(paths, &opts, theme::Theme::new(theme::ThemeKind::Standard)).unwrap();
        assert_eq!(app.output_dir, paths.output.display().to_string());
        assert!(app.data.catalogue.opties.len() >= 80);
    }

    #[test]
    fn a_broken_own_template_stops_the_start_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        std::fs::create_dir_all(config.join("templates")).unwrap();
        std::fs::write(config.join("templates/plan.html.j2"), "<p>\n{% if %}").unwrap();
        let opts = options(&config, &dir.path().join("uit"));
        let paths = resolve_paths(&opts).unwrap();
        let err = load_app(paths, &opts, theme::Theme::new(theme::ThemeKind::Standard))
            .err()
            .expect("a broken template must stop the start")
            .to_string();
        assert!(err.contains("de instellingen bevatten fouten"), "{err}");
        assert!(err.contains("plan.html.j2:2:"), "{err}");
    }
}
