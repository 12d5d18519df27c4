//! Trainer mode, MI tallies, vervolggesprek, the client overview, and the export checks
//! (BSN, formats, municipality settings): driven through `update` and a real runner on
//! temporary folders, and drawn into `TestBackend`.

mod common;

use meedoen::app::export::PlanSet;
use meedoen::core::session::{Afspraak, Session};
use meedoen::core::tally::Gedrag;
use meedoen::store::paths::Paths;
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{App, Mode, Overlay, Page, PageKind, Screen, StartItem};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::run::Runner;
use meedoen::tui::screens::view;
use meedoen::tui::update::{enter_page, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

fn runner(root: &std::path::Path) -> Runner {
    Runner::new(Paths::portable(root))
}

/// A practice session with the first demo client, open on the step with this id.
fn practice(step: &str) -> (App, tempfile::TempDir, Runner) {
    let dir = tempfile::tempdir().unwrap();
    let mut r = runner(dir.path());
    let mut app = common::real_app();
    app.mode = Mode::Oefenen;
    assert_eq!(app.start_items()[0], StartItem::Oefenklant(0));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(effects, vec![Effect::CreateOefenSession(0)]);
    common::run_effects(&mut app, &mut r, effects);
    assert!(app.session.oefenen);
    enter_page(&mut app, Page::Step(step.into()));
    (app, dir, r)
}

#[test]
fn practice_sessions_are_never_saved_as_drafts() {
    let (mut app, dir, mut r) = practice("hoe-gaat-het");
    for c in "Oefentekst".chars() {
        let effects = press(&mut app, key(KeyCode::Char(c)));
        common::run_effects(&mut app, &mut r, effects);
    }
    assert_eq!(app.session.note("hoe-gaat-het"), "Oefentekst");
    let drafts = Paths::portable(dir.path()).drafts;
    let saved = std::fs::read_dir(&drafts).map(|d| d.count()).unwrap_or(0);
    assert_eq!(
        saved,
        0,
        "a practice session was written to {}",
        drafts.display()
    );
}

#[test]
fn f4_reveals_the_demo_answer_and_f5_presents() {
    let (mut app, _dir, _r) = practice("hoe-gaat-het");
    let before = screen(&app, 100, 30);
    assert!(
        before.contains("F4: antwoord van de oefenklant"),
        "{before}"
    );
    press(&mut app, key(KeyCode::F(4)));
    let answer = app
        .oefenklant()
        .unwrap()
        .antwoord("hoe-gaat-het")
        .unwrap()
        .to_string();
    let first_words: String = answer.chars().take(20).collect();
    let after = screen(&app, 100, 30);
    assert!(after.contains("Oefenklant (na een open vraag):"), "{after}");
    assert!(
        after.contains(&first_words),
        "{first_words:?} not in\n{after}"
    );
    press(&mut app, key(KeyCode::F(5)));
    let shown = screen(&app, 100, 40);
    assert!(shown.contains("dia 1 van"), "{shown}");
    press(&mut app, key(KeyCode::Down));
    let shown = screen(&app, 100, 40);
    assert!(shown.contains("Goed: “"), "{shown}");
    assert!(shown.contains("Minder goed: “"), "{shown}");
}

#[test]
fn tally_mode_counts_with_number_keys_and_never_types() {
    let (mut app, _dir, _r) = practice("hoe-gaat-het");
    press(&mut app, key(KeyCode::F(6)));
    assert!(app.turven);
    press(&mut app, key(KeyCode::Char('2')));
    press(&mut app, key(KeyCode::Char('2')));
    press(&mut app, key(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Char('x'))); // not a behaviour key: ignored
    let t = app.session.tally.clone().unwrap();
    assert_eq!(t.count(Gedrag::OpenVraag), 2);
    assert_eq!(t.count(Gedrag::ReflectieComplex), 1);
    assert_eq!(app.session.note("hoe-gaat-het"), "");
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(
        app.session
            .tally
            .as_ref()
            .unwrap()
            .count(Gedrag::ReflectieComplex),
        0
    );
    let strip = screen(&app, 80, 24);
    assert!(strip.contains("TURVEN"), "{strip}");
    assert!(strip.contains("R:Q"), "{strip}");
    assert!(strip.contains("expertoordeel"), "{strip}");
    // Page keys still work while tallying; Esc leaves tally mode and typing is text again.
    press(&mut app, key(KeyCode::PageDown));
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.turven);
    press(&mut app, key(KeyCode::Char('2')));
    assert!(app.session.notities.values().any(|n| n == "2"));
}

#[test]
fn a_practice_export_writes_only_the_trainer_report() {
    let (mut app, dir, mut r) = practice("hoe-gaat-het");
    press(&mut app, key(KeyCode::F(6)));
    press(&mut app, key(KeyCode::Char('4')));
    press(&mut app, key(KeyCode::Esc));
    enter_page(&mut app, Page::Review);
    let effects = press(&mut app, ctrl('s'));
    let [Effect::TrainerBestanden { stem, files, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(stem.starts_with("oefening-"), "{stem}");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "mi-rapport.md");
    common::run_effects(&mut app, &mut r, effects);
    // Practice goes to the trainer folder; the plans folder stays the clients' own.
    let paths = Paths::portable(dir.path());
    assert!(!paths.output.exists() || std::fs::read_dir(&paths.output).unwrap().count() == 0);
    let names: Vec<String> = std::fs::read_dir(meedoen::store::trainer::dir(&paths))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".mi-rapport.md"));
}

#[test]
fn a_tallied_real_gesprek_writes_the_report_beside_the_plan_not_in_it() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    enter_page(&mut app, Page::Step("welkom".into()));
    update(&mut app, Action::Cmd(Command::Turven));
    update(&mut app, Action::Turf(Gedrag::OpenVraag));
    update(&mut app, Action::Turf(Gedrag::ReflectieEenvoudig));
    update(&mut app, Action::Cmd(Command::Turven));
    enter_page(&mut app, Page::Review);
    update(&mut app, Action::Cmd(Command::Exporteren));
    let effects = update(&mut app, Action::Cmd(Command::AlsConcept));
    let [Effect::Export(PlanSet { files, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let exts: Vec<&str> = files.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(exts, ["md", "sessie.ron", "mi-rapport.md"]);
    assert!(!files[0].1.contains("R:Q"));
    assert!(files[2].1.contains("R:Q"));
}

#[test]
fn step_time_is_recorded_only_where_someone_is_measuring() {
    let mut app = common::app_in_gesprek();
    let timer = |secs| Action::StapTijd {
        vorige: Some(("welkom".into(), secs)),
        sinds: "14:02".into(),
    };
    update(&mut app, timer(90));
    assert!(app.session.tally.is_none());
    app.session.tally = Some(Default::default());
    update(&mut app, timer(90));
    assert_eq!(
        app.session.tally.clone().unwrap().tijd,
        vec![("welkom".to_string(), 90)]
    );
    assert!(screen(&app, 80, 24).contains("stap 14:02"));
    // The gesprek began when its session was made (10:00 in the fixture).
    assert!(screen(&app, 120, 24).contains("gesprek vanaf 10:00 · stap vanaf 14:02"));
}

#[test]
fn something_like_a_bsn_is_caught_before_export_and_can_be_removed() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    app.session
        .set_note("welkom", "Haar nummer is 123456782, zei ze.".into());
    enter_page(&mut app, Page::Review);
    assert!(update(&mut app, Action::Cmd(Command::Exporteren)).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Bsn(_))));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Mogelijk een BSN"), "{shown}");
    // Typed letters do not answer; the keys shown do.
    assert!(press(&mut app, key(KeyCode::Char('j'))).is_empty());
    assert!(shown.contains("Alt+V"), "{shown}");
    let effects = press(&mut app, alt('v'));
    assert!(effects.contains(&Effect::BsnVerwijderd(1)));
    // Then the gate: this plan is not complete, so it can only be a concept.
    assert!(matches!(app.overlay, Some(Overlay::Gate(_))));
    let effects = press(&mut app, alt('c'));
    assert!(effects.iter().any(|e| matches!(e, Effect::Export(_))));
    assert!(!app.session.note("welkom").contains("123456782"));
    assert!(app.session.note("welkom").contains("[BSN verwijderd]"));
}

#[test]
fn formats_are_chosen_on_the_review_screen() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    enter_page(&mut app, Page::Review);
    for c in ['w', 't', 'm'] {
        assert!(press(&mut app, key(KeyCode::Char(c))).is_empty());
    }
    assert_eq!(app.formats, [meedoen::core::plan::Formaat::Md]);
    for c in ['w', 't', 'm'] {
        // Each choice is remembered for the next gesprek.
        assert_eq!(press(&mut app, alt(c)), vec![Effect::SavePrefs]);
    }
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("[ ] Alt+M Markdown"), "{shown}");
    assert!(shown.contains("[x] Alt+W HTML"), "{shown}");
    press(&mut app, ctrl('s'));
    let effects = press(&mut app, alt('c'));
    let [Effect::Export(PlanSet { files, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let exts: Vec<&str> = files.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(exts, ["html", "txt", "sessie.ron"]);
    assert!(files[0].1.contains("<html"));
}

#[test]
fn categories_that_do_not_count_here_are_excluded_with_the_reason() {
    let mut app = common::app_in_gesprek();
    app.gemeente.naam = "Ergens".into();
    app.gemeente.categorieen = Some(vec!["ontheffing".into()]);
    enter_page(&mut app, Page::Step("opties".into()));
    assert!(
        app.suggesties
            .suggesties
            .iter()
            .all(|s| &*s.id == "eerst-hulp")
    );
    let moestuin = app
        .suggesties
        .uitgesloten
        .iter()
        .find(|u| &*u.id == "moestuin")
        .unwrap();
    assert!(
        moestuin.reden[0].contains("gemeente Ergens"),
        "{:?}",
        moestuin.reden
    );
}

fn saved_session(klant: &str, datum: (i32, u32, u32), contact: (i32, u32, u32)) -> Session {
    let d = |(y, m, day): (i32, u32, u32)| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut s = Session::new(format!("id-{klant}"), d(datum), "intake");
    s.klant = klant.into();
    s.volgend_contact = Some(d(contact));
    s.afspraken.push(Afspraak {
        wat: "Kennismaken bij de moestuin".into(),
        wie: "klant".into(),
        wanneer: "deze week".into(),
    });
    s
}

#[test]
fn the_client_overview_marks_overdue_contacts_and_starts_a_vervolggesprek() {
    let dir = tempfile::tempdir().unwrap();
    let out = Paths::portable(dir.path()).output;
    std::fs::create_dir_all(&out).unwrap();
    for (file, s) in [
        (
            "a.sessie.ron",
            saved_session("A.B.", (2026, 10, 1), (2026, 11, 1)),
        ),
        (
            "c.sessie.ron",
            saved_session("C.D.", (2026, 11, 20), (2027, 1, 10)),
        ),
    ] {
        std::fs::write(out.join(file), ron::ser::to_string(&s).unwrap()).unwrap();
    }
    let mut r = runner(dir.path());
    let mut app = common::real_app();
    common::run_effects(&mut app, &mut r, vec![Effect::ListClients]);
    assert_eq!(app.start.clients.len(), 2);
    let shown = screen(&app, 100, 24);
    assert!(shown.contains("Vervolg A.B."), "{shown}");
    assert!(shown.contains("⚠ contact 22 dagen te laat"), "{shown}");
    // Typing searches the clients; open the one found.
    for c in "a.b".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    press(&mut app, key(KeyCode::Enter));
    let ab = app
        .start
        .clients
        .iter()
        .position(|c| c.klant == "A.B.")
        .unwrap();
    assert_eq!(
        app.start_items(),
        vec![StartItem::Nieuw, StartItem::Client(ab), StartItem::Oefenen]
    );
    assert_eq!(app.start_items()[app.start.selected], StartItem::Client(ab));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(matches!(effects.as_slice(), [Effect::StartVervolg(p)] if p.ends_with("a.sessie.ron")));
    common::run_effects(&mut app, &mut r, effects);
    assert_eq!(app.screen, Screen::Gesprek);
    assert_eq!(app.data.script.id, "vervolg");
    assert_eq!(app.session.plan_versie, 2);
    assert_eq!(app.session.evaluaties.len(), 1);
    // The evaluation page: toggle the status and say what helped.
    let step = app
        .data
        .script
        .steps()
        .find(|s| s.stap.soort == meedoen::core::script::StapSoort::Evaluatie)
        .unwrap()
        .stap
        .id
        .clone();
    enter_page(&mut app, Page::Step(step));
    assert_eq!(app.page_kind(), PageKind::Evaluatie);
    press(&mut app, key(KeyCode::F(3)));
    assert_eq!(
        app.session.evaluaties[0].status,
        meedoen::core::vervolg::Status::Nagekomen
    );
    press(&mut app, key(KeyCode::Down));
    for c in "de buurvrouw ging mee".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    assert_eq!(app.session.evaluaties[0].hielp, "de buurvrouw ging mee");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Kennismaken bij de moestuin"), "{shown}");
    assert!(shown.contains("nagekomen"), "{shown}");
}

#[test]
fn the_latest_plan_of_a_client_can_be_read_from_the_start_screen() {
    let dir = tempfile::tempdir().unwrap();
    let out = Paths::portable(dir.path()).output;
    std::fs::create_dir_all(&out).unwrap();
    let s = saved_session("E.F.", (2026, 11, 2), (2026, 11, 30));
    std::fs::write(out.join("ef.sessie.ron"), ron::ser::to_string(&s).unwrap()).unwrap();
    std::fs::write(
        out.join("ef.md"),
        format!(
            "# Plan van aanpak\n\nAfspraak: tuin ‘graag’ 🙂\n{}",
            "regel\n".repeat(60)
        ),
    )
    .unwrap();
    let mut r = runner(dir.path());
    let mut app = common::real_app();
    common::run_effects(&mut app, &mut r, vec![Effect::ListClients]);
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.start_items()[app.start.selected], StartItem::Client(0));
    // A typed letter searches the clients; the plan opens with a key that cannot be typed.
    let ctrl_o = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
    let effects = press(&mut app, ctrl_o);
    assert!(matches!(effects.as_slice(), [Effect::ReadPlan(_)]));
    common::run_effects(&mut app, &mut r, effects);
    assert!(matches!(&app.overlay, Some(Overlay::Plan(title, _)) if title == "ef.md"));
    assert_eq!(app.overlay_scroll, 0);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("tuin ‘graag’ 🙂"), "{shown}");
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.overlay_scroll, 1);
    assert!(screen(&app, 80, 24).contains("meer"));
    press(&mut app, key(KeyCode::End));
    let end = app.overlay_scroll;
    assert!(end > 1);
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.overlay_scroll, end, "scrolling stops at the end");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, None);
    // Without a plan beside the session, the consultant is told how to make one.
    std::fs::remove_file(out.join("ef.md")).unwrap();
    let effects = press(&mut app, ctrl_o);
    common::run_effects(&mut app, &mut r, effects);
    assert!(app.message.as_ref().unwrap().text.contains("meedoen plan"));
}
