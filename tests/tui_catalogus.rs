//! Keeping the catalogue from "Hele catalogus", end to end on the embedded data and a
//! real settings folder: the form (add, edit, copy, hide, validation as you type and on
//! saving), the built-in original one key away, a hidden option brought back, an eigen
//! activiteit made into an option, typed letters that never act as commands, and a
//! half-filled form kept over a restart.

mod common;

use meedoen::app::Bundle;
use meedoen::core::eigen_catalogus::{Herkomst, Wijziging, herkomst};
use meedoen::store::emergency::Emergency;
use meedoen::store::paths::Paths;
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{App, Overlay, PageKind, SuggTab};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::optie_form::Veld;
use meedoen::tui::run::Runner;
use meedoen::tui::screens::view;
use meedoen::tui::theme::{Theme, ThemeKind};
use meedoen::tui::update::{enter_page, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 40)] {
        update(
            app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        insta::assert_snapshot!(format!("{name}-{w}x{h}"), draw(app, w, h));
    }
}

/// The app as started on `root`: the embedded data plus the personal layer there.
fn start(root: &std::path::Path) -> (App, Runner) {
    let paths = Paths::portable(root);
    let bundle = Bundle::load_in(paths, None, false, meedoen::tui::keymap::check, "nu");
    let (mut app, paths) = meedoen::tui::load_app(
        bundle,
        &meedoen::tui::Options::default(),
        Theme::new(ThemeKind::Standard),
    );
    app.today = common::today();
    let runner = Runner::with_emergency(paths, Emergency::new(root.join("nood")));
    (app, runner)
}

/// Opens a gesprek on the suggestions page, with "Hele catalogus" showing.
fn in_catalogus(app: &mut App) {
    let s = meedoen::tui::run::new_session(
        "20261123-100000-abcd".into(),
        common::today(),
        &app.intake.id.clone(),
        &meedoen::core::gemeente::Gemeente::default(),
    );
    update(app, Action::SessionLoaded(Box::new(s)));
    let page = app
        .pages()
        .into_iter()
        .find(|p| {
            enter_page(app, p.clone());
            app.page_kind() == PageKind::Suggesties
        })
        .unwrap();
    enter_page(app, page);
    update(app, Action::Cmd(Command::Zoeken));
    assert_eq!(app.sugg_tab, SuggTab::Catalogus);
}

fn run(app: &mut App, runner: &mut Runner, effects: Vec<Effect>) {
    common::run_effects(app, runner, effects);
}

fn cmd(app: &mut App, runner: &mut Runner, c: Command) {
    let effects = update(app, Action::Cmd(c));
    run(app, runner, effects);
}

fn typ(app: &mut App, runner: &mut Runner, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let action = map_key(app, key).expect("a typed letter is text or a search");
        assert!(!matches!(action, Action::Cmd(_)), "{c} acted as a command");
        let effects = update(app, action);
        run(app, runner, effects);
    }
}

fn naar(app: &mut App, veld: Veld) {
    while app.optie_form.as_ref().unwrap().veld() != veld {
        update(app, Action::Cmd(Command::Omlaag));
    }
}

/// Picks the first entry matching `zoek` in the field's list.
fn kies(app: &mut App, runner: &mut Runner, veld: Veld, zoek: &str) {
    naar(app, veld);
    cmd(app, runner, Command::Kiezen);
    typ(app, runner, zoek);
    cmd(app, runner, Command::Kiezen);
    if app.optie_form.as_ref().unwrap().kies.is_some() {
        cmd(app, runner, Command::Terug);
    }
}

#[test]
fn a_new_option_is_refused_until_valid_then_saved_to_the_personal_layer() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    let n = app.data.catalogue.opties.len();
    cmd(&mut app, &mut runner, Command::OptieNieuw);
    assert_eq!(app.overlay, Some(Overlay::Optie));
    snap("catalogus-nieuw", &mut app);

    // Saving an empty form is refused with the reason, and nothing is written.
    let effects = update(&mut app, Action::Cmd(Command::OptieOpslaan));
    assert!(effects.is_empty(), "{effects:?}");
    let msg = app.message.clone().unwrap().text;
    assert!(
        msg.starts_with("Niet opgeslagen. Id: Vul een id in."),
        "{msg}"
    );

    naar(&mut app, Veld::Titel);
    typ(&mut app, &mut runner, "Kookgroep De Linde");
    naar(&mut app, Veld::Omschrijving);
    typ(&mut app, &mut runner, "Samen koken in het buurthuis.");
    naar(&mut app, Veld::Categorie);
    cmd(&mut app, &mut runner, Command::Kiezen);
    typ(&mut app, &mut runner, "ontm");
    snap("catalogus-lijst", &mut app);
    cmd(&mut app, &mut runner, Command::Kiezen);
    kies(&mut app, &mut runner, Veld::UrenMax, "6 uur");
    kies(&mut app, &mut runner, Veld::UrenMin, "8 uur");
    snap("catalogus-fout-bij-veld", &mut app);
    kies(&mut app, &mut runner, Veld::UrenMin, "2 uur");
    kies(&mut app, &mut runner, Veld::Wensen, "koken");
    cmd(&mut app, &mut runner, Command::OptieOpslaan);

    assert_eq!(app.overlay, None, "{:?}", app.message);
    assert!(app.optie_form.is_none());
    let o = app
        .data
        .catalogue
        .find("kookgroep-de-linde")
        .unwrap()
        .clone();
    assert_eq!(app.data.catalogue.opties.len(), n + 1);
    assert_eq!((o.uren_min, o.uren_max), (2, 6));
    assert_eq!(herkomst(&o, &app.catalogus_onder), Herkomst::Eigen);
    assert!(!app.searcher.search("kookgroep").is_empty());
    // After a restart it is still there, from the personal layer.
    let (again, _) = start(dir.path());
    assert_eq!(again.data.catalogue.find("kookgroep-de-linde"), Some(&o));
}

#[test]
fn an_edited_builtin_becomes_an_override_with_its_original_one_key_away() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    let sel = app.sugg_list(SuggTab::Catalogus).selected;
    let rows = meedoen::tui::lists::option_rows(&app, SuggTab::Catalogus);
    let orig = app.data.catalogue.opties[rows[sel].index].clone();
    cmd(&mut app, &mut runner, Command::OptieBewerken);
    naar(&mut app, Veld::Titel);
    cmd(&mut app, &mut runner, Command::VeldLeegmaken);
    typ(&mut app, &mut runner, "Onze eigen versie");
    snap("catalogus-bewerken", &mut app);
    cmd(&mut app, &mut runner, Command::OptieOpslaan);
    let now = app.data.catalogue.find(&orig.id).unwrap();
    assert_eq!(now.titel, "Onze eigen versie");
    assert_eq!(herkomst(now, &app.catalogus_onder), Herkomst::Aangepast);

    cmd(&mut app, &mut runner, Command::OptieOrigineel);
    let Some(Overlay::Plan(title, text)) = app.overlay.clone() else {
        panic!("{:?}", app.overlay)
    };
    assert!(title.contains(&orig.titel) && title.contains("alleen lezen"));
    assert!(text.contains(&format!("Titel: {}", orig.titel)));
    update(&mut app, Action::Cmd(Command::Terug));

    cmd(&mut app, &mut runner, Command::OptieTerug);
    assert!(matches!(app.overlay, Some(Overlay::OptieVraag(_))));
    cmd(&mut app, &mut runner, Command::Ja);
    assert_eq!(app.data.catalogue.find(&orig.id), Some(&orig));
}

#[test]
fn copying_and_hiding_ask_and_go_to_the_personal_layer() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    let rows = meedoen::tui::lists::option_rows(&app, SuggTab::Catalogus);
    let orig = app.data.catalogue.opties[rows[0].index].clone();
    cmd(&mut app, &mut runner, Command::OptieKopieren);
    assert_eq!(
        app.optie_form.as_ref().unwrap().tekst(Veld::Id),
        format!("{}-kopie", orig.id)
    );
    cmd(&mut app, &mut runner, Command::OptieOpslaan);
    assert!(
        app.data
            .catalogue
            .find(&format!("{}-kopie", orig.id))
            .is_some()
    );

    cmd(&mut app, &mut runner, Command::OptieVerbergen);
    snap("catalogus-verbergen", &mut app);
    // Esc keeps everything.
    let effects = update(&mut app, Action::Cmd(Command::Nee));
    assert!(effects.is_empty() && app.overlay.is_none());
    let effects = update(&mut app, Action::Cmd(Command::OptieVerbergen));
    assert!(effects.is_empty());
    let effects = update(&mut app, Action::Cmd(Command::Ja));
    assert_eq!(
        effects,
        [Effect::Catalogus(Wijziging::Verberg(orig.id.clone()))]
    );
    run(&mut app, &mut runner, effects);
    assert!(app.data.catalogue.find(&orig.id).is_none());
    let text = std::fs::read_to_string(dir.path().join("instellingen/catalogus.ron")).unwrap();
    assert!(text.contains(&format!("(id: \"{}\", verborgen: true)", orig.id)));
}

#[test]
fn a_hidden_builtin_option_is_brought_back_from_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    // Nothing hidden yet: Alt+H says so.
    cmd(&mut app, &mut runner, Command::VerborgenTonen);
    assert_eq!(app.overlay, None);
    assert!(app.message.clone().unwrap().text.contains("geen"));
    let rows = meedoen::tui::lists::option_rows(&app, SuggTab::Catalogus);
    let orig = app.data.catalogue.opties[rows[0].index].clone();
    let plek = rows[0].index;
    cmd(&mut app, &mut runner, Command::OptieVerbergen);
    cmd(&mut app, &mut runner, Command::Ja);
    assert!(app.data.catalogue.find(&orig.id).is_none());

    let key = KeyEvent::new(KeyCode::Char('h'), KeyModifiers::ALT);
    let action = map_key(&app, key).unwrap();
    assert_eq!(action, Action::Cmd(Command::VerborgenTonen));
    update(&mut app, action);
    assert_eq!(app.overlay, Some(Overlay::Verborgen(0)));
    snap("catalogus-verborgen", &mut app);
    // Letters do nothing in the list; Enter asks, Esc goes back to the list.
    for c in "jJy ".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(map_key(&app, key), None, "{c}");
    }
    cmd(&mut app, &mut runner, Command::Kiezen);
    assert!(matches!(app.overlay, Some(Overlay::OptieVraag(_))));
    cmd(&mut app, &mut runner, Command::Nee);
    assert_eq!(app.overlay, Some(Overlay::Verborgen(0)));
    cmd(&mut app, &mut runner, Command::Kiezen);
    let effects = update(&mut app, Action::Cmd(Command::Ja));
    assert_eq!(
        effects,
        [Effect::Catalogus(Wijziging::Herstel(orig.id.clone()))]
    );
    run(&mut app, &mut runner, effects);
    assert_eq!(app.overlay, None);
    assert_eq!(app.data.catalogue.opties[plek], orig, "back in its place");
    assert_eq!(herkomst(&orig, &app.catalogus_onder), Herkomst::Ingebouwd);
    let text = std::fs::read_to_string(dir.path().join("instellingen/catalogus.ron")).unwrap();
    assert!(!text.contains(&orig.id), "{text}");
    let (again, _) = start(dir.path());
    assert_eq!(again.data.catalogue.find(&orig.id), Some(&orig));
}

#[test]
fn a_new_option_may_not_take_an_id_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    let bestaand = app.data.catalogue.opties[3].clone();
    cmd(&mut app, &mut runner, Command::OptieNieuw);
    typ(&mut app, &mut runner, &bestaand.id);
    cmd(&mut app, &mut runner, Command::OptieOpslaan);
    let msg = app.message.clone().unwrap().text;
    assert!(msg.contains("Id: Dit id heeft"), "{msg}");
    assert!(msg.contains(&bestaand.titel), "{msg}");
    assert_eq!(app.overlay, Some(Overlay::Optie), "the form stays open");
}

#[test]
fn typed_letters_in_the_form_never_trigger_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    cmd(&mut app, &mut runner, Command::OptieNieuw);
    let all: String = (' '..='~').chain("éëïöüß€".chars()).collect();
    for veld in [Veld::Titel, Veld::Categorie, Veld::Wensen] {
        naar(&mut app, veld);
        typ(&mut app, &mut runner, &all);
        // On a list field the letters opened the list and searched it.
        assert_eq!(app.overlay, Some(Overlay::Optie));
        if let Some(k) = &app.optie_form.as_ref().unwrap().kies {
            assert_eq!(k.filter, all);
            cmd(&mut app, &mut runner, Command::Terug);
        }
    }
    assert_eq!(app.optie_form.as_ref().unwrap().tekst(Veld::Titel), all);
    assert!(app.data.catalogue.find("kookgroep").is_none());
    assert!(!dir.path().join("instellingen/catalogus.ron").exists());
}

#[test]
fn a_half_filled_form_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    cmd(&mut app, &mut runner, Command::OptieNieuw);
    naar(&mut app, Veld::Titel);
    typ(&mut app, &mut runner, "Repair café Zuid");
    kies(&mut app, &mut runner, Veld::Begeleiding, "persoonlijk");
    naar(&mut app, Veld::Gecontroleerd);
    typ(&mut app, &mut runner, "31-2-2026");
    // The app stops here (a crash, or Ctrl+Q on the page below) without saving.
    drop(app);

    let (mut app, mut runner) = start(dir.path());
    assert!(
        app.start
            .problems
            .iter()
            .any(|p| p.contains("half ingevuld formulier")),
        "{:?}",
        app.start.problems
    );
    in_catalogus(&mut app);
    cmd(&mut app, &mut runner, Command::OptieNieuw);
    let f = app.optie_form.as_ref().unwrap();
    assert_eq!(f.tekst(Veld::Titel), "Repair café Zuid");
    assert_eq!(f.tekst(Veld::Gecontroleerd), "31-2-2026", "kept as typed");
    assert_eq!(
        f.bouw().begeleiding,
        meedoen::core::catalogue::Begeleiding::Persoonlijk
    );
    // Leaving it asks first; then the draft is gone.
    cmd(&mut app, &mut runner, Command::Terug);
    assert!(matches!(app.overlay, Some(Overlay::OptieVraag(_))));
    cmd(&mut app, &mut runner, Command::Ja);
    assert!(app.optie_form.is_none());
    assert!(meedoen::tui::run::optie_concept::lees(&dir.path().join("gegevens")).is_none());
}

#[test]
fn an_eigen_activiteit_becomes_a_catalogue_option_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    app.session
        .eigen
        .push(meedoen::core::session::EigenActiviteit {
            titel: "Fietsenwerkplaats De Spaak".into(),
            plaats: "Wijkcentrum Oost".into(),
            contact: "Piet, 06-12345678".into(),
            uren: Some(4),
            begeleiding: "vaste begeleider".into(),
        });
    let page = app
        .pages()
        .into_iter()
        .find(|p| {
            enter_page(&mut app, p.clone());
            app.page_kind() == PageKind::Afspraken
        })
        .unwrap();
    enter_page(&mut app, page);
    let rows = meedoen::tui::form::rows(&app);
    app.form_row = rows
        .iter()
        .position(|r| {
            *r == meedoen::tui::form::FormRow::Text(meedoen::core::fields::Field::EigenUren(0))
        })
        .unwrap();
    let key = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(
        map_key(&app, key),
        Some(Action::Cmd(Command::OptieUitEigen))
    );
    cmd(&mut app, &mut runner, Command::OptieUitEigen);
    let f = app.optie_form.as_ref().unwrap();
    assert_eq!(f.tekst(Veld::Id), "fietsenwerkplaats-de-spaak");
    assert_eq!(f.tekst(Veld::Titel), "Fietsenwerkplaats De Spaak");
    assert!(f.tekst(Veld::Omschrijving).starts_with("Wijkcentrum Oost."));
    assert!(
        !f.tekst(Veld::Omschrijving).contains("06-"),
        "no contact details"
    );
    let o = f.bouw();
    assert_eq!((o.uren_min, o.uren_max), (4, 4));
    assert_eq!(
        o.begeleiding,
        meedoen::core::catalogue::Begeleiding::Persoonlijk
    );
    snap("catalogus-uit-eigen", &mut app);
    kies(&mut app, &mut runner, Veld::Categorie, "vrijwilligerswerk");
    cmd(&mut app, &mut runner, Command::OptieOpslaan);
    assert!(
        app.data
            .catalogue
            .find("fietsenwerkplaats-de-spaak")
            .is_some(),
        "{:?}",
        app.message
    );
}
