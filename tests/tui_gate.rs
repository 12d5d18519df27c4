//! The export gate and the text-field keys, through the keymap and `update` as the
//! event loop drives them: a complete plan is saved as final, an incomplete one only as
//! a concept after a question; Ctrl+U empties a field and Ctrl+Z brings it back.

mod common;

use meedoen::core::taxonomy::TagKind;
use meedoen::tui::action::Action;
use meedoen::tui::app::{App, Overlay, Page};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::update::{enter_page, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, key(KeyCode::Char(c)));
    }
}

/// A session with everything the export gate asks for.
fn complete(app: &mut App) {
    let s = &mut app.session;
    s.klant = "A.B.".into();
    s.set_note("welkom", "Het gaat goed met haar.".into());
    s.set_note("wensen", "Ze wil koken.".into());
    s.toggle_tag(TagKind::Wens, "koken");
    s.gekozen.push("moestuin".into());
    s.afspraken = vec![meedoen::core::session::Afspraak {
        wat: "Kennismaken".into(),
        wie: "A.B.".into(),
        wanneer: "1 december".into(),
    }];
    s.uren_per_week = Some(4);
    s.uren_toelichting = "Twee ochtenden.".into();
    s.startdatum = Some(common::today());
    s.akkoord = meedoen::core::session::Akkoord::Ja;
}

#[test]
fn a_complete_plan_is_saved_as_final_without_not_discussed() {
    let mut app = common::app_in_gesprek();
    complete(&mut app);
    enter_page(&mut app, Page::Review);
    let effects = press(&mut app, ctrl('s'));
    let [Effect::Export(meedoen::app::export::PlanSet { stem, files, .. })] = effects.as_slice()
    else {
        panic!(
            "expected the export at once, got {effects:?} and {:?}",
            app.overlay
        );
    };
    assert!(!stem.contains("concept"), "{stem}");
    assert!(
        !files[0].1.to_lowercase().contains("nog niet besproken"),
        "{}",
        files[0].1
    );
    assert!(!files[0].1.contains("concept"));
    assert!(files[0].1.contains("Handtekening"));
}

#[test]
fn the_gate_lists_what_is_missing_and_esc_saves_nothing() {
    let mut app = common::app_in_gesprek();
    complete(&mut app);
    app.session.akkoord = meedoen::core::session::Akkoord::Onbekend;
    app.session.volgend_contact = Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 11).unwrap());
    enter_page(&mut app, Page::Review);
    assert!(press(&mut app, ctrl('s')).is_empty());
    let Some(Overlay::Gate(found)) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].contains("akkoord"), "{found:?}");
    assert!(
        found[1].contains("Volgend contact (11 november 2026)"),
        "{found:?}"
    );
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert_eq!(app.overlay, None);
}

#[test]
fn ctrl_u_clears_a_field_and_ctrl_z_brings_it_back() {
    let mut app = common::app_in_gesprek();
    type_text(&mut app, "Mevrouw Jansen-de Vries");
    assert_eq!(press(&mut app, ctrl('u')), vec![Effect::SaveDraft]);
    assert_eq!(app.session.klant, "");
    assert_eq!(app.editor.text(), "");
    press(&mut app, ctrl('z'));
    assert_eq!(app.session.klant, "Mevrouw Jansen-de Vries");
    // The same in a note of several lines.
    enter_page(&mut app, Page::Step("welkom".into()));
    update(&mut app, Action::Paste("één\ntwee".into()));
    press(&mut app, ctrl('u'));
    assert_eq!(app.session.note("welkom"), "");
    press(&mut app, ctrl('z'));
    assert_eq!(app.session.note("welkom"), "één\ntwee");
}

#[test]
fn a_follow_up_date_before_the_gesprek_is_pointed_out_while_typing() {
    let mut app = common::app_in_gesprek();
    enter_page(&mut app, Page::Step("afspraken".into()));
    while app.editor.field != meedoen::tui::editor::Field::VolgendContact {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, ctrl('u'));
    type_text(&mut app, "11-11-2026");
    let msg = &app.message.as_ref().unwrap().text;
    assert!(msg.contains("vóór het gesprek van 23-11-2026"), "{msg}");
    press(&mut app, ctrl('u'));
    type_text(&mut app, "11-12-2026");
    assert!(app.message.is_none(), "{:?}", app.message);
}

#[test]
fn a_megabyte_pasted_into_a_one_line_field_is_refused_calmly_and_a_long_one_kept() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = common::app_in_gesprek();
    // A megabyte is refused whole, with a message; nothing is written.
    let huge = "ab cd ".repeat(1 << 17);
    assert!(update(&mut app, Action::Paste(huge)).is_empty());
    assert_eq!(app.session.klant, "");
    assert!(app.message.as_ref().unwrap().text.contains("Niet geplakt"));
    // A long but sane paste is kept whole, and its end is in view.
    let big = "ab cd ".repeat(1500) + "EINDE";
    assert_eq!(
        update(&mut app, Action::Paste(big.clone())),
        vec![Effect::SaveDraft]
    );
    assert_eq!(app.session.klant, big);
    for (w, h) in [(80, 24), (20, 5), (120, 40)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| meedoen::tui::screens::view(&app, f)).unwrap();
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        if w >= 80 {
            // The end of what was pasted, where the cursor is, is in view.
            assert!(screen.contains("EINDE"), "{w}×{h}: {screen}");
        }
    }
}

#[test]
fn a_dialog_survives_a_resize_to_tiny_and_back() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    enter_page(&mut app, Page::Review);
    press(&mut app, ctrl('s'));
    for (w, h) in [(80, 24), (20, 5), (80, 24)] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| meedoen::tui::screens::view(&app, f)).unwrap();
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        if w == 80 {
            assert!(screen.contains("Dit plan is nog niet af"), "{screen}");
        } else {
            assert!(screen.contains("80×24"), "{screen}");
        }
    }
    assert!(matches!(app.overlay, Some(Overlay::Gate(_))));
}

#[test]
fn the_header_says_when_the_gesprek_began_also_after_resuming() {
    // `app_in_gesprek` opens a session created at 10:00 on the test's today.
    let mut app = common::app_in_gesprek();
    assert_eq!(app.gesprek_sinds.as_deref(), Some("10:00"));
    update(
        &mut app,
        Action::StapTijd {
            vorige: None,
            sinds: "11:15".into(),
        },
    );
    assert_eq!(app.gesprek_sinds.as_deref(), Some("10:00"));
    assert_eq!(app.stap_sinds.as_deref(), Some("11:15"));
    // A draft from another day: the time it was opened.
    let mut s = app.session.clone();
    s.id = "20261101-090000-abcd".into();
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    assert_eq!(app.gesprek_sinds, None);
    update(
        &mut app,
        Action::StapTijd {
            vorige: None,
            sinds: "11:20".into(),
        },
    );
    assert_eq!(app.gesprek_sinds.as_deref(), Some("11:20"));
}
