//! Every screen drawn into ratatui's `TestBackend`, at 80×24 (the smallest supported
//! size) and at a larger size, asserting on what a person would read.

mod common;

use meedoen::core::taxonomy::TagKind;
use meedoen::tui::action::{Action, Command, DraftEntry};
use meedoen::tui::app::{App, Page};
use meedoen::tui::screens::view;
use meedoen::tui::theme::{Theme, ThemeKind};
use meedoen::tui::update::{enter_page, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

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

fn both_sizes(app: &App, must: &[&str]) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(app, w, h);
        for m in must {
            assert!(screen.contains(m), "{w}×{h}: missing {m:?} in\n{screen}");
        }
    }
}

#[test]
fn start_screen_offers_new_and_drafts() {
    let mut app = common::app();
    update(
        &mut app,
        Action::DraftsLoaded {
            drafts: vec![DraftEntry {
                id: "1".into(),
                klant: "J.V.".into(),
                datum: "23-11-2026".into(),
                gewijzigd: "23-11 10:02".into(),
                noodkopie: None,
            }],
            problems: vec!["x.ron:1:1: kapot".into()],
        },
    );
    both_sizes(
        &app,
        &[
            "Nieuw gesprek",
            "Verder met J.V.",
            "x.ron:1:1: kapot",
            "nieuw gesprek",
        ],
    );
}

#[test]
fn details_page_shows_fields_and_the_bsn_warning() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    both_sizes(
        &app,
        &[
            "Klant (initialen of schuilnaam)",
            "Geen BSN",
            "klant AB",
            "Consulent",
            "pagina 1 van 6",
        ],
    );
}

#[test]
fn step_page_shows_technique_doel_examples_notes_and_progress() {
    let mut app = common::app_in_gesprek();
    enter_page(&mut app, Page::Step("welkom".into()));
    app.session
        .set_note("welkom", "Gaat redelijk, zegt ze. é ë".into());
    enter_page(&mut app, Page::Step("welkom".into()));
    both_sizes(
        &app,
        &[
            " N ",
            "Neutraal informeren",
            " O ",
            "Doel: Uitleggen waarom we praten.",
            "› Hoe gaat het met u?",
            "Valkuil",
            "Gaat redelijk, zegt ze. é ë",
            "Opening › Welkom",
            "◉",
            "PgDn",
        ],
    );
}

#[test]
fn picker_marks_ticked_items_with_a_symbol() {
    let mut app = common::app_in_gesprek();
    app.session.toggle_tag(TagKind::Wens, "koken");
    enter_page(&mut app, Page::Step("wensen".into()));
    both_sizes(
        &app,
        &[
            "[x] Koken",
            "[ ] Buiten werken",
            "Wensen (1)",
            "In de woorden van de klant",
        ],
    );
}

#[test]
fn suggestions_page_shows_ranking_reasons_and_exclusions() {
    let mut app = common::app_in_gesprek();
    app.session.toggle_tag(TagKind::Wens, "buiten");
    app.session.toggle_tag(TagKind::Belemmering, "fysiek");
    enter_page(&mut app, Page::Step("opties".into()));
    both_sizes(
        &app,
        &[
            "Suggesties (",
            "Uitgesloten (1)",
            "Moestuin in de wijk",
            "Waarom",
            "Buiten werken",
        ],
    );
    update(&mut app, Action::Cmd(Command::TabVolgende));
    both_sizes(&app, &["Koken in het buurthuis", "lang staan en tillen"]);
}

#[test]
fn afspraken_page_shows_the_form() {
    let mut app = common::app_in_gesprek();
    app.session.gekozen.push("moestuin".into());
    enter_page(&mut app, Page::Step("afspraken".into()));
    both_sizes(
        &app,
        &[
            "Afspraak 1 · wat",
            "Uren per week",
            "Evaluatiedatum",
            "gekozen: Moestuin in de wijk",
        ],
    );
}

#[test]
fn review_page_shows_the_plan_as_it_will_be_written() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    app.output_dir = "/tmp/plannen".into();
    enter_page(&mut app, Page::Review);
    both_sizes(
        &app,
        &["Plan van aanpak", "zo wordt het opgeslagen", "/tmp/plannen"],
    );
}

#[test]
fn help_overlay_lists_the_keys_of_the_screen_below() {
    let mut app = common::app_in_gesprek();
    enter_page(&mut app, Page::Step("welkom".into()));
    update(&mut app, Action::Cmd(Command::Help));
    both_sizes(
        &app,
        &[
            "Toetsen",
            "PgDn / Ctrl+N",
            "volgende stap",
            "Esc gooit nooit tekst weg",
        ],
    );
}

#[test]
fn jump_overlay_lists_hidden_steps() {
    let mut app = common::app_in_gesprek();
    update(&mut app, Action::Cmd(Command::Springen));
    both_sizes(
        &app,
        &["Naar stap", "Eerst hulp (overgeslagen)", "Plan controleren"],
    );
}

#[test]
fn a_too_small_terminal_gets_a_message_not_a_broken_layout() {
    let app = common::app_in_gesprek();
    let screen = draw(&app, 60, 15);
    assert!(screen.contains("te klein"), "{screen}");
    assert!(screen.contains("80×24"), "{screen}");
}

#[test]
fn monochrome_theme_draws_without_any_colour() {
    let mut app = common::app_in_gesprek();
    app.theme = Theme::new(ThemeKind::Monochrome);
    app.session.toggle_tag(TagKind::Wens, "koken");
    enter_page(&mut app, Page::Step("wensen".into()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert!(matches!(cell.fg, Color::Reset), "{cell:?}");
        assert!(matches!(cell.bg, Color::Reset), "{cell:?}");
    }
}

#[test]
fn resizing_while_typing_keeps_the_text_and_redraws_at_every_size() {
    use meedoen::tui::keymap::map_key;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = common::app_in_gesprek();
    enter_page(&mut app, Page::Step("welkom".into()));
    let mut typed = String::new();
    for (i, (w, h)) in [(80, 24), (120, 40), (60, 15), (100, 30), (80, 24)]
        .into_iter()
        .enumerate()
    {
        for c in format!("deel{i} é ").chars() {
            let a = map_key(&app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).unwrap();
            update(&mut app, a);
            typed.push(c);
        }
        let screen = draw(&app, w, h);
        if w >= 80 && h >= 24 {
            assert!(screen.contains(&format!("deel{i} é")), "{w}×{h}:\n{screen}");
        } else {
            assert!(screen.contains("te klein"), "{w}×{h}:\n{screen}");
        }
    }
    assert_eq!(app.session.note("welkom"), typed);
}
