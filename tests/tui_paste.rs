//! Large pastes: a 1 MB bracketed paste lands whole in the notes, is saved with the
//! session, and the screen still draws.

mod common;

use meedoen::tui::action::Action;
use meedoen::tui::app::Page;
use meedoen::tui::effect::Effect;
use meedoen::tui::screens::view;
use meedoen::tui::update::{enter_page, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn a_one_megabyte_paste_is_kept_whole_and_drawn() {
    let mut app = common::app_in_gesprek();
    enter_page(&mut app, Page::Step("welkom".into()));
    let line = "Een regel tekst met é, ë, ‘quotes’, 中文, עברית en 🙂. ";
    let mut text = String::new();
    for n in 0.. {
        if text.len() >= 1024 * 1024 {
            break;
        }
        text.push_str(line);
        // Mostly long paragraphs, now and then a line break.
        if n % 40 == 39 {
            text.push('\n');
        }
    }
    let effects = update(&mut app, Action::Paste(text.clone()));
    assert_eq!(effects, vec![Effect::SaveDraft]);
    assert_eq!(app.session.note("welkom"), text);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    // The end of the paste is where the cursor is, so it is what the editor shows.
    let buf = terminal.backend().buffer();
    let screen: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("🙂"), "{screen}");
}
