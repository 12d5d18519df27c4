//! A practice that works for several gemeenten, in the full-screen app: a new gesprek
//! asks which gemeente applies (the one of the newest gesprek highlighted), the session
//! records it, and the plan follows that gemeente's rules and wording. Two gemeenten, two
//! clients, two plans.

mod common;

use meedoen::app::Bundle;
use meedoen::store::paths::Paths;
use meedoen::tui::action::Action;
use meedoen::tui::app::{App, Overlay, Page};
use meedoen::tui::effect::Effect;
use meedoen::tui::run::Runner;
use meedoen::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const GEMEENTE: &str = include_str!("../assets/gemeente.ron");

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    common::press_with(app, code, KeyModifiers::NONE)
}

/// A settings folder with two profiles that differ in name, word for the client and
/// hours cap.
fn app_with_profiles(root: &std::path::Path) -> (App, Runner) {
    let paths = Paths::portable(root);
    let profielen = paths.config.join("gemeenten");
    std::fs::create_dir_all(&profielen).unwrap();
    let profiel = |naam: &str, label: &str, uren: &str| {
        GEMEENTE
            .replace("naam: \"\"", &format!("naam: \"{naam}\""))
            .replace(
                "klant_label: \"klant\"",
                &format!("klant_label: \"{label}\""),
            )
            .replace("max_uren: 20", &format!("max_uren: {uren}"))
    };
    std::fs::write(
        profielen.join("kampen.ron"),
        profiel("Kampen", "inwoner", "12"),
    )
    .unwrap();
    std::fs::write(
        profielen.join("zwolle.ron"),
        profiel("Zwolle", "klant", "20"),
    )
    .unwrap();
    let bundle = Bundle::load_in(paths.clone(), None, true, meedoen::tui::keymap::check, "nu");
    assert_eq!(bundle.profielen.len(), 2, "{:?}", bundle.meldingen);
    let opts = meedoen::tui::Options::default();
    let theme = meedoen::tui::theme::Theme::new(meedoen::tui::theme::ThemeKind::Standard);
    let (app, paths) = meedoen::tui::load_app(bundle, &opts, theme);
    (app, Runner::new(paths))
}

/// Ctrl+N, then the profile `rows_down` below the highlighted one, then Enter.
fn new_gesprek(app: &mut App, runner: &mut Runner, rows_down: usize) {
    assert!(common::press_with(app, KeyCode::Char('n'), KeyModifiers::CONTROL).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Gemeente(_))));
    for _ in 0..rows_down {
        press(app, KeyCode::Down);
    }
    let effects = press(app, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::CreateSession(Some(_))]),
        "{effects:?}"
    );
    common::run_effects(app, runner, effects);
}

/// Saves the open gesprek as a concept and returns the Markdown plan written.
fn save(app: &mut App, runner: &mut Runner, klant: &str) -> String {
    app.session.klant = klant.into();
    app.session
        .toggle_tag(meedoen::core::taxonomy::TagKind::Belemmering, "fysiek");
    meedoen::tui::update::enter_page(app, Page::Review);
    common::press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let effects = common::press_with(app, KeyCode::Char('c'), KeyModifiers::ALT);
    let [Effect::Export(set)] = effects.as_slice() else {
        panic!("{effects:?} {:?}", app.overlay);
    };
    let plan = set.files[0].1.clone();
    common::run_effects(app, runner, effects);
    plan
}

#[test]
fn two_gemeenten_two_clients_two_plans_each_with_its_own_rules() {
    let root = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = app_with_profiles(root.path());
    common::run_effects(&mut app, &mut runner, vec![Effect::ListClients]);
    // A letter typed on the question chooses nothing.
    common::press_with(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    let s = common::screen(&app, 80, 24);
    assert!(s.contains("Kampen") && s.contains("Zwolle"), "{s}");
    assert!(s.contains("max. 12 uur"), "{s}");
    assert!(press(&mut app, KeyCode::Char('z')).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Gemeente(0))));
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());

    // Kampen (the first profile) for A.B.
    new_gesprek(&mut app, &mut runner, 0);
    assert_eq!(app.session.gemeente.as_deref(), Some("kampen"));
    assert_eq!(app.gemeente.naam, "Kampen");
    let kampen = save(&mut app, &mut runner, "A.B.");
    assert!(kampen.contains("- **Gemeente:** Kampen"), "{kampen}");
    assert!(kampen.contains("- **Inwoner:** A.B."), "{kampen}");

    // Back on the start screen, Kampen is highlighted as the newest; Zwolle for C.D.
    common::run_effects(&mut app, &mut runner, vec![Effect::ListClients]);
    app.screen = meedoen::tui::app::Screen::Start;
    common::press_with(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(app.overlay, Some(Overlay::Gemeente(0)));
    press(&mut app, KeyCode::Esc);
    new_gesprek(&mut app, &mut runner, 1);
    assert_eq!(app.session.gemeente.as_deref(), Some("zwolle"));
    assert_eq!(app.gemeente.max_uren, 20);
    let zwolle = save(&mut app, &mut runner, "C.D.");
    assert!(zwolle.contains("- **Gemeente:** Zwolle"), "{zwolle}");
    assert!(zwolle.contains("- **Klant:** C.D."), "{zwolle}");
    assert!(!zwolle.contains("inwoner"), "{zwolle}");

    // The overview shows whose client is whose, and filters by gemeente.
    common::run_effects(&mut app, &mut runner, vec![Effect::ListClients]);
    app.screen = meedoen::tui::app::Screen::Start;
    app.overlay = None;
    let s = common::screen(&app, 80, 24);
    assert!(s.contains("A.B.") && s.contains("· Kampen"), "{s}");
    assert!(s.contains("C.D.") && s.contains("· Zwolle"), "{s}");
    app.start.filter = "zwol".into();
    let klanten: Vec<&str> = app
        .filtered_clients()
        .into_iter()
        .map(|i| app.start.clients[i].klant.as_str())
        .collect();
    assert_eq!(klanten, ["C.D."]);

    // Reopening A.B.'s gesprek brings Kampen's rules back.
    let mut s = app.session.clone();
    s.gemeente = Some("kampen".into());
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    assert_eq!(app.gemeente.naam, "Kampen");
    // A profile that is gone: the standard settings, with a notice.
    let mut s = app.session.clone();
    s.gemeente = Some("deventer".into());
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    let msg = &app.message.as_ref().unwrap().text;
    assert!(
        msg.contains("`deventer`") && msg.contains("bestaat niet meer"),
        "{msg}"
    );
}
