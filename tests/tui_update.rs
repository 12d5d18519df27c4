//! Behaviour of the pure TUI layer: keys to actions, actions to changes and effects.
//! No terminal is involved; every test drives `map_key` and `update` as the event loop
//! does.

mod common;

use meedoen::app::export::PlanSet;
use meedoen::core::taxonomy::TagKind;
use meedoen::tui::action::Action;
use meedoen::tui::app::{App, Focus, Overlay, Page, PageKind, Screen, SuggTab};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

/// Feeds a key through the keymap and update, as the event loop does.
fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(press(app, key(KeyCode::Char(c))));
    }
    effects
}

fn go_to(app: &mut App, step: &str) {
    while app.page != Page::Step(step.into()) {
        assert_ne!(app.page, Page::Review, "step {step} not reached");
        press(app, key(KeyCode::PageDown));
    }
}

#[test]
fn start_screen_creates_a_session_on_enter() {
    let mut app = common::app();
    assert_eq!(app.screen, Screen::Start);
    assert_eq!(
        press(&mut app, key(KeyCode::Enter)),
        vec![Effect::CreateSession(None)]
    );
    assert_eq!(
        press(&mut app, ctrl('n')),
        vec![Effect::CreateSession(None)]
    );
    // Letters search the clients; they never start or stop anything.
    assert!(press(&mut app, key(KeyCode::Char('n'))).is_empty());
    assert!(press(&mut app, key(KeyCode::Char('q'))).is_empty());
    assert_eq!(app.start.filter, "nq");
    assert_eq!(press(&mut app, ctrl('q')), vec![Effect::Quit]);
}

#[test]
fn a_loaded_session_opens_on_the_details_page_and_is_saved() {
    let mut app = common::app();
    let s = meedoen::tui::run::new_session(
        "x".into(),
        common::today(),
        "test",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    let effects = update(&mut app, Action::SessionLoaded(Box::new(s)));
    assert_eq!(effects, vec![Effect::SaveDraft, Effect::StapGewisseld]);
    assert_eq!(app.screen, Screen::Gesprek);
    assert_eq!(app.page, Page::Gegevens);
    // Follow-up dates are proposed from the start.
    assert!(app.session.volgend_contact.is_some());
    assert!(app.session.evaluatiedatum > app.session.volgend_contact);
}

#[test]
fn typing_on_the_details_page_fills_the_session_and_autosaves_each_key() {
    let mut app = common::app_in_gesprek();
    let effects = type_text(&mut app, "AB");
    assert_eq!(effects, vec![Effect::SaveDraft, Effect::SaveDraft]);
    assert_eq!(app.session.klant, "AB");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "Sanne");
    assert_eq!(app.session.consulent, "Sanne");
    // Letters like q and ? are text here, not commands.
    type_text(&mut app, " q?");
    assert_eq!(app.session.consulent, "Sanne q?");
    assert!(!app.quit);
}

#[test]
fn esc_never_discards_text() {
    let mut app = common::app_in_gesprek();
    type_text(&mut app, "CD");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.session.klant, "CD");
    go_to(&mut app, "welkom");
    type_text(&mut app, "Gaat goed");
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.session.note("welkom"), "Gaat goed");
}

#[test]
fn notes_keep_line_breaks_and_survive_navigation() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "welkom");
    type_text(&mut app, "Regel één");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "‘twee’ 🙂");
    assert_eq!(app.session.note("welkom"), "Regel één\n‘twee’ 🙂");
    press(&mut app, key(KeyCode::PageDown));
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.editor.text(), "Regel één\n‘twee’ 🙂");
    assert_eq!(app.session.huidige_stap, "welkom");
}

#[test]
fn navigation_walks_the_visible_pages_and_stops_at_the_ends() {
    let mut app = common::app_in_gesprek();
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.page, Page::Gegevens);
    let mut seen = vec![app.page.clone()];
    for _ in 0..10 {
        press(&mut app, ctrl('n'));
        if seen.last() != Some(&app.page) {
            seen.push(app.page.clone());
        }
    }
    // The crisis step is hidden: no crisis tagged.
    let expected: Vec<Page> = vec![
        Page::Gegevens,
        Page::Step("welkom".into()),
        Page::Step("wensen".into()),
        Page::Step("opties".into()),
        Page::Step("afspraken".into()),
        Page::Review,
    ];
    assert_eq!(seen, expected);
}

#[test]
fn tagging_crisis_shows_the_conditional_step() {
    let mut app = common::app_in_gesprek();
    assert!(!app.pages().contains(&Page::Step("crisis".into())));
    app.session.toggle_tag(TagKind::Belemmering, "crisis");
    assert!(app.pages().contains(&Page::Step("crisis".into())));
}

#[test]
fn picker_filters_as_you_type_and_enter_ticks() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "wensen");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Picker(0));
    type_text(&mut app, "keu"); // synonym of koken
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(effects, vec![Effect::SaveDraft]);
    assert!(app.session.has_tag(TagKind::Wens, "koken"));
    // The filter is cleared after a pick.
    assert_eq!(app.picker(meedoen::core::script::Lijst::Wensen).filter, "");
    // Second picker: belemmeringen.
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Picker(1));
    type_text(&mut app, "crisis");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.session.has_tag(TagKind::Belemmering, "crisis"));
    // Tab cycles back to the notes.
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Text);
}

#[test]
fn esc_in_a_picker_clears_the_filter_first_then_leaves() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "wensen");
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "bui");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.focus, Focus::Picker(0));
    assert_eq!(app.picker(meedoen::core::script::Lijst::Wensen).filter, "");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.focus, Focus::Text);
}

#[test]
fn suggestions_rank_by_wens_exclude_by_belemmering_and_can_be_chosen() {
    let mut app = common::app_in_gesprek();
    app.session.toggle_tag(TagKind::Wens, "buiten");
    app.session.toggle_tag(TagKind::Belemmering, "fysiek");
    go_to(&mut app, "opties");
    assert_eq!(app.page_kind(), PageKind::Suggesties);
    assert_eq!(&*app.suggesties.suggesties[0].id, "moestuin");
    assert!(
        app.suggesties
            .uitgesloten
            .iter()
            .any(|u| &*u.id == "buurtkeuken")
    );
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(app.session.gekozen, vec!["moestuin"]);
    // Choosing an excluded option is allowed, with a warning.
    press(&mut app, key(KeyCode::Right));
    assert_eq!(app.sugg_tab, SuggTab::Uitgesloten);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.session.is_chosen("buurtkeuken"));
    assert!(app.message.as_ref().unwrap().text.contains("ondanks"));
}

#[test]
fn catalogue_search_finds_options_outside_the_suggestions() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "opties");
    // Typing on the list starts a search of the whole catalogue.
    type_text(&mut app, "moes");
    assert_eq!(app.focus, Focus::Search);
    assert_eq!(app.sugg_tab, SuggTab::Catalogus);
    assert!(!app.session.is_chosen("moestuin"));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.session.is_chosen("moestuin"));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn hours_the_client_can_manage_are_adjusted_and_become_the_afspraken_hours() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "opties");
    let up = KeyEvent::new(KeyCode::Up, KeyModifiers::CONTROL);
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::CONTROL);
    press(&mut app, up);
    assert_eq!(app.session.uren_kan, Some(4));
    press(&mut app, up);
    press(&mut app, up);
    press(&mut app, down);
    assert_eq!(app.session.uren_kan, Some(5));
    // The afspraken start from the hours chosen here.
    assert_eq!(app.session.uren_per_week, Some(5));
    go_to(&mut app, "afspraken");
    while app.editor.field != meedoen::tui::editor::Field::Uren {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(app.editor.text(), "5");
    // Hours the consultant set on the afspraken stay when the estimate changes.
    press(&mut app, key(KeyCode::Backspace));
    type_text(&mut app, "8");
    assert_eq!(app.session.uren_per_week, Some(8));
    go_to_back(&mut app, "opties");
    press(&mut app, up);
    assert_eq!(app.session.uren_kan, Some(6));
    assert_eq!(app.session.uren_per_week, Some(8));
    // `+` and `-` are text for the search, not hours.
    press(&mut app, key(KeyCode::Char('+')));
    assert_eq!(app.session.uren_kan, Some(6));
}

fn go_to_back(app: &mut App, step: &str) {
    while app.page != Page::Step(step.into()) {
        assert_ne!(app.page, Page::Gegevens, "step {step} not reached");
        press(app, key(KeyCode::PageUp));
    }
}

#[test]
fn afspraken_form_fills_fields_and_keeps_invalid_dates_visible() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "afspraken");
    type_text(&mut app, "Kennismaken in de moestuin");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "klant");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "1-12-2026");
    assert_eq!(app.session.afspraken[0].wat, "Kennismaken in de moestuin");
    assert_eq!(app.session.afspraken[0].wie, "klant");
    assert_eq!(app.session.afspraken[0].wanneer, "1-12-2026");
    // Add a second afspraak; its first field gets focus.
    press(&mut app, ctrl('a'));
    assert_eq!(app.session.afspraken.len(), 2);
    // Hours and an invalid date.
    while app.editor.field != meedoen::tui::editor::Field::Uren {
        press(&mut app, key(KeyCode::Down));
    }
    type_text(&mut app, "6");
    assert_eq!(app.session.uren_per_week, Some(6));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "32-1");
    assert_eq!(app.session.startdatum, None);
    assert!(app.message.as_ref().unwrap().text.contains("1-12-2026"));
    assert_eq!(app.editor.text(), "32-1");
}

#[test]
fn akkoord_toggles_with_a_key_that_cannot_be_typed() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "afspraken");
    for _ in 0..20 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Up));
    press(&mut app, key(KeyCode::F(3)));
    assert_eq!(app.session.akkoord, meedoen::core::session::Akkoord::Ja);
}

#[test]
fn paste_keeps_lines_in_notes_and_flattens_them_in_fields() {
    let mut app = common::app_in_gesprek();
    update(&mut app, Action::Paste("A\r\nB".into()));
    assert_eq!(app.session.klant, "A B");
    go_to(&mut app, "welkom");
    update(&mut app, Action::Paste("één\ntwee".into()));
    assert_eq!(app.session.note("welkom"), "één\ntwee");
}

#[test]
fn export_needs_a_client_and_then_writes_plan_and_session() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "welkom");
    type_text(&mut app, "Zij wil graag koken é");
    while app.page != Page::Review {
        press(&mut app, key(KeyCode::PageDown));
    }
    assert!(press(&mut app, key(KeyCode::Char('e'))).is_empty());
    assert!(press(&mut app, ctrl('s')).is_empty());
    assert!(app.message.as_ref().unwrap().text.contains("klant"));
    app.session.klant = "A.B.".into();
    // Incomplete: the gate asks; saving anyway makes a concept.
    assert!(press(&mut app, ctrl('s')).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Gate(_))));
    let effects = press(&mut app, alt('c'));
    assert_eq!(app.overlay, None);
    let [Effect::Export(PlanSet { stem, files, .. })] = effects.as_slice() else {
        panic!("expected one export, got {effects:?}");
    };
    assert!(stem.starts_with("2026-11-23"), "{stem}");
    assert!(stem.ends_with("-concept"), "{stem}");
    assert_eq!(files[0].0, "md");
    assert!(files[0].1.contains("Zij wil graag koken é"));
    assert!(
        files[0].1.contains("# Plan van aanpak (concept)"),
        "{}",
        files[0].1
    );
    assert!(
        !files[0].1.contains("Handtekening"),
        "a concept is not signed"
    );
    assert_eq!(files[1].0, "sessie.ron");
    assert!(files[1].1.contains("Zij wil graag koken é"));
}

#[test]
fn export_results_are_reported() {
    let mut app = common::app_in_gesprek();
    update(
        &mut app,
        Action::Exported(Err("De map is alleen-lezen.".into())),
    );
    assert!(app.message.as_ref().unwrap().text.contains("alleen-lezen"));
    update(&mut app, Action::Exported(Ok(vec!["/tmp/x.md".into()])));
    assert_eq!(app.exported.len(), 1);
    assert!(!app.changed_since_export);
}

#[test]
fn a_failed_autosave_is_shown_until_a_save_succeeds() {
    let mut app = common::app_in_gesprek();
    update(&mut app, Action::Saved(Err("schijf vol".into())));
    assert_eq!(app.save_error.as_deref(), Some("schijf vol"));
    update(&mut app, Action::Saved(Ok(())));
    assert_eq!(app.save_error, None);
}

#[test]
fn jump_overlay_goes_to_any_step_including_hidden_ones() {
    let mut app = common::app_in_gesprek();
    press(&mut app, ctrl('g'));
    assert_eq!(app.overlay, Some(Overlay::Jump(0)));
    // Gegevens, welkom, wensen, crisis (hidden) …
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, None);
    assert_eq!(app.page, Page::Step("crisis".into()));
    // Next from a hidden step continues with the following visible page.
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(app.page, Page::Step("opties".into()));
}

#[test]
fn quitting_saves_the_draft_first() {
    let mut app = common::app_in_gesprek();
    // `Quit` is a durable save; the app stops only when the runner says it may.
    assert_eq!(press(&mut app, ctrl('q')), vec![Effect::Quit]);
    assert!(!app.quit);
    update(&mut app, Action::Afsluiten);
    assert!(app.quit);
}

#[test]
fn key_releases_are_ignored() {
    let app = common::app_in_gesprek();
    let mut k = key(KeyCode::Char('a'));
    k.kind = KeyEventKind::Release;
    assert_eq!(map_key(&app, k), None);
}

#[test]
fn help_opens_with_f1_everywhere_and_question_mark_outside_text() {
    let mut app = common::app_in_gesprek();
    press(&mut app, key(KeyCode::F(1)));
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, None);
    while app.page != Page::Review {
        press(&mut app, key(KeyCode::PageDown));
    }
    press(&mut app, key(KeyCode::Char('?')));
    assert_eq!(app.overlay, Some(Overlay::Help));
}

#[test]
fn each_belemmering_gets_an_aanpak_row_that_starts_from_the_standard() {
    let mut app = common::app_in_gesprek();
    app.session.toggle_tag(TagKind::Belemmering, "fysiek");
    go_to(&mut app, "afspraken");
    while app.editor.field != meedoen::tui::editor::Field::Aanpak("fysiek".into()) {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(app.editor.text(), "Geen zwaar werk.");
    type_text(&mut app, " Eerst fysio.");
    assert_eq!(
        app.session.aanpak["fysiek"],
        "Geen zwaar werk. Eerst fysio."
    );
}

#[test]
fn pasted_escape_sequences_never_reach_the_session() {
    let mut app = common::app_in_gesprek();
    go_to(&mut app, "welkom");
    update(&mut app, Action::Paste("rood\u{1b}[31m tekst\u{7}".into()));
    assert_eq!(app.session.note("welkom"), "rood[31m tekst");
}

#[test]
fn export_waits_until_a_half_typed_date_is_fixed() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    go_to(&mut app, "afspraken");
    while app.editor.field != meedoen::tui::editor::Field::Startdatum {
        press(&mut app, key(KeyCode::Down));
    }
    type_text(&mut app, "8");
    while app.page != Page::Review {
        press(&mut app, key(KeyCode::PageDown));
    }
    assert!(press(&mut app, ctrl('s')).is_empty());
    let msg = &app.message.as_ref().unwrap().text;
    assert!(msg.contains("Startdatum ‘8’"), "{msg}");
    // Fixed: the export goes ahead (to the gate: this plan is far from done).
    app.invalid.clear();
    assert!(press(&mut app, ctrl('s')).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Gate(_))));
    assert!(matches!(
        press(&mut app, alt('c')).as_slice(),
        [Effect::Export(_)]
    ));
}

#[test]
fn care_hours_are_set_on_the_suggestions_page_and_weigh_in_the_ranking() {
    let mut app = common::app_in_gesprek();
    app.session.toggle_tag(TagKind::Wens, "koken");
    app.session.toggle_tag(TagKind::Belemmering, "mantelzorg");
    go_to(&mut app, "opties");
    let score = |app: &App| {
        app.suggesties
            .suggesties
            .iter()
            .find(|s| &*s.id == "buurtkeuken")
            .map(|s| s.score)
    };
    let licht = score(&app);
    assert_eq!(
        licht,
        Some(3),
        "5 for the wish, -2 for 4 hours on 8 assumed hours of care"
    );
    // Alt+Up adds care hours in steps of two, starting from the assumed amount.
    assert_eq!(
        press(&mut app, KeyEvent::new(KeyCode::Up, KeyModifiers::ALT)),
        vec![Effect::SaveDraft]
    );
    assert_eq!(app.session.zorguren, Some(8));
    for _ in 0..10 {
        press(&mut app, KeyEvent::new(KeyCode::Up, KeyModifiers::ALT));
    }
    assert_eq!(app.session.zorguren, Some(28));
    let zwaar = score(&app);
    assert!(zwaar < licht || zwaar.is_none(), "{licht:?} -> {zwaar:?}");
    press(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::ALT));
    assert_eq!(app.session.zorguren, Some(26));
}
