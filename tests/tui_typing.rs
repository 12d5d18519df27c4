//! A consultant types while looking at the client, not at the screen. These tests put
//! the app on every screen and in every dialog, feed it a stream of ordinary typing
//! (Dutch text, digits, punctuation, `+ - / ?`), and check that nothing was written,
//! chosen, toggled, deleted or answered: typed characters are text where there is a
//! text field, a search where there is a list, and nothing anywhere else.

mod common;

use meedoen::core::session::{Afspraak, Session};
use meedoen::core::taxonomy::TagKind;
use meedoen::tui::action::{Action, ClientEntry, DraftEntry};
use meedoen::tui::app::{App, Focus, Overlay, Page, PageKind, Screen, SuggTab};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::{Ctx, context, map_key};
use meedoen::tui::update::{enter_page, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Ordinary typing: words with the letters that were commands once (e, m, w, t, j, n, p,
/// d, q, k, l, h), digits, a BSN-like number, punctuation, and `+ - / ?`, with Shift as
/// terminals report it for capitals and symbols.
const STREAM: &str = "Terug naar huis, zegt mevrouw: ik wil 4-6 uur koken! \
    Ja/nee? + - / ? Één keer p.w. (graag) ‘t is 123456782; dq hjkl 0987 éëï @#%&*=_";

fn key_for(c: char) -> KeyEvent {
    let shift = c.is_uppercase() || "!?@#%&*()_+:\"".contains(c);
    let mods = if shift {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), mods)
}

fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Everything typing must leave alone: what is chosen, ticked, agreed and shown.
#[derive(Debug, PartialEq)]
struct Choices {
    screen: Screen,
    page: Page,
    overlay_kind: Option<String>,
    gekozen: Vec<String>,
    tags: [Vec<String>; 3],
    actief: Vec<String>,
    eerder: Vec<String>,
    uren_kan: Option<u8>,
    akkoord: meedoen::core::session::Akkoord,
    status: Vec<meedoen::core::vervolg::Status>,
    formats: Vec<meedoen::core::plan::Formaat>,
    mode: meedoen::tui::app::Mode,
    turven: bool,
}

fn choices(app: &App) -> Choices {
    let s = &app.session;
    Choices {
        screen: app.screen,
        page: app.page.clone(),
        // Help is no question: `?` may open it where nothing is typed.
        overlay_kind: app
            .overlay
            .as_ref()
            .filter(|o| **o != Overlay::Help)
            .map(|o| format!("{o:?}").chars().take(6).collect()),
        gekozen: s.gekozen.clone(),
        tags: [
            s.tags(TagKind::Wens).to_vec(),
            s.tags(TagKind::Kracht).to_vec(),
            s.tags(TagKind::Belemmering).to_vec(),
        ],
        actief: s.actief.clone(),
        eerder: s.eerder.clone(),
        uren_kan: s.uren_kan,
        akkoord: s.akkoord,
        status: s.evaluaties.iter().map(|e| e.status).collect(),
        formats: app.formats.clone(),
        mode: app.mode,
        turven: app.turven,
    }
}

/// Types the stream and checks the rules for the context the app was in.
fn type_stream(name: &str, app: &mut App) {
    let ctx = context(app);
    let before = choices(app);
    let mut effects = Vec::new();
    for c in STREAM.chars() {
        effects.extend(press(app, key_for(c)));
    }
    let after = choices(app);
    // Only a text field stores what was typed (and autosaves it); nothing else writes.
    let text_field = matches!(ctx, Ctx::Notes | Ctx::Form);
    for e in &effects {
        assert!(
            text_field && *e == Effect::SaveDraft,
            "{name} ({ctx:?}): typing caused {e:?}"
        );
    }
    assert_eq!(before, after, "{name} ({ctx:?}): typing changed a choice");
    if text_field {
        assert!(
            app.editor.text().contains("ik wil 4-6 uur koken"),
            "{name}: the typed text is not in the field: {:?}",
            app.editor.text()
        );
    }
}

fn draft() -> DraftEntry {
    DraftEntry {
        id: "d1".into(),
        klant: "J.V.".into(),
        datum: "23-11-2026".into(),
        gewijzigd: "23-11 10:02".into(),
        noodkopie: None,
    }
}

fn client() -> ClientEntry {
    ClientEntry {
        klant: "E.F.".into(),
        laatste: "2-11-2026".into(),
        volgend_contact: Some("30-11-2026".into()),
        opvolgen: Some("over 7 dagen".into()),
        te_laat: false,
        plan_versie: 1,
        sessie: "ef.sessie.ron".into(),
        gemeente: None,
        datum: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    }
}

fn start_app() -> App {
    let mut app = common::real_app();
    update(
        &mut app,
        Action::DraftsLoaded {
            drafts: vec![draft()],
            problems: Vec::new(),
        },
    );
    update(
        &mut app,
        Action::ClientsLoaded {
            clients: vec![client()],
            problems: Vec::new(),
        },
    );
    app
}

fn gesprek() -> App {
    let mut app = common::real_app();
    let s = meedoen::tui::run::new_session(
        "20261123-100000-abcd".into(),
        common::today(),
        &app.intake.id,
        &app.gemeente,
    );
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    app.session.klant = "AB".into();
    app
}

fn on_kind(app: &mut App, kind: PageKind) {
    while app.page_kind() != kind {
        assert_ne!(app.page, Page::Review, "{kind:?} not reached");
        press(app, KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
    }
}

fn first_step_with_picker(app: &App) -> String {
    app.data
        .script
        .steps()
        .find(|s| !s.stap.kiezen.is_empty())
        .unwrap()
        .stap
        .id
        .clone()
}

#[test]
fn typing_on_the_start_screen_searches_and_opens_nothing() {
    let mut app = start_app();
    type_stream("start", &mut app);
    assert!(app.start.filtering);
    assert!(app.start.filter.starts_with("Terug naar huis"));
    // The same with the cursor on a draft and on a client.
    for row in [1, 2] {
        let mut app = start_app();
        app.start.selected = row;
        type_stream("start row", &mut app);
    }
}

#[test]
fn typing_in_practice_mode_on_the_start_screen_does_nothing() {
    let mut app = start_app();
    app.mode = meedoen::tui::app::Mode::Oefenen;
    type_stream("oefenen", &mut app);
}

#[test]
fn typing_on_every_page_of_an_intake_is_text_or_nothing() {
    let mut app = gesprek();
    type_stream("gegevens", &mut app);
    let step = first_step_with_picker(&app);
    enter_page(&mut app, Page::Step(step.clone()));
    type_stream("notities", &mut app);
    // Every picker of that step.
    let n = app.current_step().unwrap().stap.kiezen.len();
    for i in 0..n {
        app.focus = Focus::Picker(i);
        type_stream("picker", &mut app);
        press(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
    let mut app = gesprek();
    app.session.toggle_tag(TagKind::Belemmering, "fysiek");
    on_kind(&mut app, PageKind::Suggesties);
    for tab in SuggTab::ALL {
        app.sugg_tab = tab;
        app.focus = Focus::List;
        type_stream("mogelijkheden", &mut app);
    }
    on_kind(&mut app, PageKind::Afspraken);
    // Every row of the afspraken form, the akkoord toggle included.
    let rows = meedoen::tui::form::rows(&app).len();
    for row in 0..rows {
        let mut fresh = gesprek();
        on_kind(&mut fresh, PageKind::Afspraken);
        for _ in 0..row {
            press(&mut fresh, KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
        }
        let before = choices(&fresh);
        for c in STREAM.chars() {
            for e in press(&mut fresh, key_for(c)) {
                assert_eq!(e, Effect::SaveDraft, "afspraken row {row}");
            }
        }
        assert_eq!(before, choices(&fresh), "afspraken row {row}");
    }
    enter_page(&mut app, Page::Review);
    type_stream("plan controleren", &mut app);
}

#[test]
fn typing_on_the_terugblik_of_a_vervolg_toggles_nothing() {
    let mut app = common::real_app();
    let mut prev = Session::new("prev".into(), common::today(), &app.intake.id);
    prev.klant = "E.F.".into();
    prev.afspraken.push(Afspraak {
        wat: "Kennismaken bij de moestuin".into(),
        wie: "klant".into(),
        wanneer: "deze week".into(),
    });
    let s = meedoen::core::vervolg::start_vervolg(
        &prev,
        "v".into(),
        common::today(),
        &app.vervolg.id,
        &app.gemeente,
    );
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    on_kind(&mut app, PageKind::Evaluatie);
    // On the status toggle and on the text rows below it.
    for _ in 0..3 {
        let before = choices(&app);
        for c in STREAM.chars() {
            for e in press(&mut app, key_for(c)) {
                assert_eq!(e, Effect::SaveDraft);
            }
        }
        assert_eq!(before, choices(&app));
        press(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    }
}

#[test]
fn typing_in_any_overlay_answers_nothing() {
    // Help and the coaching text over a step, the jump list.
    let mut app = gesprek();
    let step = first_step_with_picker(&app);
    enter_page(&mut app, Page::Step(step));
    press(&mut app, KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
    assert_eq!(app.overlay, Some(Overlay::Toelichting));
    type_stream("toelichting", &mut app);
    let mut app = gesprek();
    press(&mut app, ctrl('g'));
    assert!(matches!(app.overlay, Some(Overlay::Jump(_))));
    type_stream("naar stap", &mut app);
    // Deleting a draft.
    let mut app = start_app();
    app.start.selected = 1;
    press(&mut app, KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE));
    assert!(matches!(app.overlay, Some(Overlay::ConfirmDelete(..))));
    type_stream("verwijderen", &mut app);
    // A BSN in a note, then saving.
    let mut app = gesprek();
    let step = first_step_with_picker(&app);
    app.session.set_note(&step, "BSN 123456782".into());
    enter_page(&mut app, Page::Review);
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(app.overlay, Some(Overlay::Bsn(_))));
    type_stream("bsn", &mut app);
    assert_eq!(app.session.note(&step), "BSN 123456782");
    // The export gate.
    let mut app = gesprek();
    enter_page(&mut app, Page::Review);
    press(&mut app, ctrl('s'));
    assert!(matches!(app.overlay, Some(Overlay::Gate(_))));
    type_stream("opslaan als concept?", &mut app);
}

#[test]
fn help_opens_with_a_question_mark_only_where_nothing_is_typed() {
    let mut app = gesprek();
    enter_page(&mut app, Page::Review);
    press(&mut app, key_for('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    type_stream("help", &mut app);
    // In a note a question mark is a question mark.
    let mut app = gesprek();
    let step = first_step_with_picker(&app);
    enter_page(&mut app, Page::Step(step));
    press(&mut app, key_for('?'));
    assert_eq!(app.overlay, None);
    assert!(app.editor.text().ends_with('?'));
}

#[test]
fn in_tally_mode_only_the_keypad_counts_and_nothing_else_acts() {
    let mut app = gesprek();
    let step = first_step_with_picker(&app);
    enter_page(&mut app, Page::Step(step));
    press(&mut app, KeyEvent::new(KeyCode::F(6), KeyModifiers::NONE));
    assert!(app.turven);
    let before = choices(&app);
    let mut effects = Vec::new();
    for c in STREAM.chars() {
        effects.extend(press(&mut app, key_for(c)));
    }
    assert!(
        effects.iter().all(|e| *e == Effect::SaveDraft),
        "{effects:?}"
    );
    assert_eq!(before, choices(&app));
    // The one exception: every key of the numeric keypad counts a code (`*` takes the
    // last one back); letters and other characters do nothing.
    let mut codes = 0usize;
    for c in STREAM.chars() {
        if "0123456789./+-".contains(c) {
            codes += 1;
        } else if c == '*' {
            codes = codes.saturating_sub(1);
        }
    }
    assert_eq!(app.session.tally.as_ref().unwrap().log.len(), codes);
}

#[test]
fn a_key_held_down_in_a_dialog_answers_nothing() {
    let mut app = gesprek();
    enter_page(&mut app, Page::Review);
    press(&mut app, ctrl('s'));
    for c in ['j', 'y', 'n', 't', 'c', 'e', ' ', '\u{a0}'] {
        for _ in 0..200 {
            assert!(press(&mut app, key_for(c)).is_empty());
        }
    }
    assert!(matches!(app.overlay, Some(Overlay::Gate(_))));
}
