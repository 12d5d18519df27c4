//! The terminal UI, in the Elm style: `keymap` turns keys into actions, `update` changes
//! the app and returns effects, `screens` draw, and `run` performs the effects.

pub mod action;
pub mod app;
pub mod editor;
pub mod effect;
pub mod form;
pub mod input;
pub mod keymap;
pub mod klas;
pub mod lists;
pub mod optie_form;
pub mod projector;
pub mod run;
pub mod screens;
pub mod term_form;
pub mod theme;
pub mod update;

use crate::app::{Bundle, Instellingen};
use crate::store::{paths, paths::Paths};

/// Options from the command line that the interactive app needs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Folders chosen on the command line (`--uitvoer`, `--instellingen`, `--team`).
    pub instellingen: Instellingen,
    /// Start in trainer mode (`meedoen oefenen`).
    pub oefenen: bool,
    /// Theme chosen on the command line (`--thema`).
    pub thema: Option<theme::ThemeKind>,
    /// A class session (`meedoen oefenen --klas … --deelnemer …`), already checked.
    pub klas: Option<crate::core::klas::KlasOpties>,
}

/// Runs the interactive app until the user quits. The start screen is drawn first and
/// the data files are read and checked after (parsing the catalogue takes longer than
/// starting the program); keys pressed meanwhile wait in the terminal. A file with
/// problems never stops the app: it is left out, and the start screen says which file,
/// every problem in it, and what is used instead.
pub fn run(opts: Options) -> anyhow::Result<()> {
    let theme = theme::Theme::choose(opts.thema);
    // Even finding the folders reads the disk, so it waits until the screen is drawn.
    run::run_app(theme, || {
        let bundle = Bundle::load(&opts.instellingen, keymap::check).map_err(anyhow::Error::msg)?;
        let (mut app, paths) = load_app(bundle, &opts, theme);
        start_klas(&mut app, opts.klas.clone());
        Ok((app, paths))
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

/// The app on a loaded bundle, and its folders.
pub fn load_app(bundle: Bundle, opts: &Options, theme: theme::Theme) -> (app::App, Paths) {
    let today = chrono::Local::now().date_naive();
    // The bundle only keeps a keymap file that passed the same check; its ignored
    // fields are shown with the other notices.
    let (keymap, keymap_warnings) = match bundle.keymap.as_ref().map(keymap::Keymap::from_source) {
        Some(Ok(parsed)) => (parsed.value, parsed.warnings),
        _ => (keymap::Keymap::default(), Vec::new()),
    };
    let mut app = app::App::new(bundle.data.clone(), bundle.templates.clone(), theme, today);
    app.keymap = keymap;
    app.gemeente = bundle.gemeente.clone();
    app.basis_gemeente = bundle.gemeente.clone();
    app.profielen = bundle.profielen.clone();
    // Notices stay at the top of the start screen's problems whenever the drafts are
    // listed again.
    app.start.notices.extend(bundle.meldingen.iter().cloned());
    app.start
        .notices
        .extend(keymap_warnings.iter().map(ToString::to_string));
    if let Some(text) = bundle.fallback_text() {
        app.start.notices.push(format!(
            "{} bestand(en) met fouten worden niet gebruikt; `meedoen controleer` toont ze.",
            bundle.uitgesloten.len()
        ));
        app.open(app::Overlay::Plan(
            "Fouten in de gegevens of instellingen".into(),
            text,
        ));
    }
    let paths = bundle.paths.clone();
    app.formats = crate::store::prefs::load(&paths.data).formats();
    app.bijzonder = bundle.bijzonder.clone();
    app.catalogus_onder = bundle.catalogus_onder.clone();
    // A catalogue form left half-filled last time is kept, and opens again from
    // "Hele catalogus".
    if let Some(form) = run::optie_concept::lees(&paths.data) {
        app.optie_form = Some(Box::new(form));
        app.start
            .notices
            .push(run::optie_concept::MELDING.to_string());
    }
    if let Some(form) = run::optie_concept::lees_term(&paths.data) {
        app.term_form = Some(Box::new(form));
        app.start
            .notices
            .push(run::optie_concept::TERM_MELDING.to_string());
    }
    for dir in [&paths.output, &paths.data] {
        if let Some(warning) = paths::cloud_sync_warning(dir) {
            app.start.notices.push(warning);
        }
    }
    app.start
        .problems
        .splice(0..0, app.start.notices.iter().cloned());
    app.vervolg = bundle.vervolg;
    app.oefenklanten = bundle.oefenklanten;
    if opts.oefenen {
        app.mode = app::Mode::Oefenen;
    }
    app.output_dir = paths.output.display().to_string();
    (app, paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(config: &std::path::Path, root: &std::path::Path) -> Bundle {
        let mut paths = Paths::portable(root);
        paths.config = config.to_path_buf();
        Bundle::load_in(paths, None, false, keymap::check, "nu")
    }

    #[test]
    fn loads_on_the_embedded_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let b = bundle(&dir.path().join("config"), dir.path());
        let (app, paths) = load_app(
            b,
            &Options::default(),
            theme::Theme::new(theme::ThemeKind::Standard),
        );
        assert_eq!(app.output_dir, paths.output.display().to_string());
        assert!(app.data.catalogue.opties.len() >= 80);
        assert!(app.overlay.is_none());
    }

    #[test]
    fn a_broken_own_template_is_left_out_and_shown_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        std::fs::create_dir_all(config.join("templates")).unwrap();
        std::fs::write(config.join("templates/plan.html.j2"), "<p>\n{% if %}").unwrap();
        let b = bundle(&config, dir.path());
        let (app, _) = load_app(
            b,
            &Options::default(),
            theme::Theme::new(theme::ThemeKind::Standard),
        );
        let Some(app::Overlay::Plan(title, text)) = &app.overlay else {
            panic!("the problems are shown before anything can be typed");
        };
        assert!(title.contains("Fouten"), "{title}");
        assert!(text.contains("plan.html.j2:2:"), "{text}");
        assert!(
            text.contains("ingebouwd"),
            "says what is used instead: {text}"
        );
        assert!(app.templates.html.is_embedded());
    }

    #[test]
    fn a_broken_keymap_is_left_out_and_the_default_keys_work() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(
            config.join("toetsen.ron"),
            "(toetsen: [(opdracht: Vliegen, toetsen: [])])",
        )
        .unwrap();
        let b = bundle(&config, dir.path());
        assert!(!b.in_orde());
        let (app, _) = load_app(
            b,
            &Options::default(),
            theme::Theme::new(theme::ThemeKind::Standard),
        );
        assert_eq!(app.keymap, keymap::Keymap::default());
    }
}
