//! The baseline for start-up measurements (`scripts/measure.sh`): the smallest ratatui
//! app there is, with the same ratatui and crossterm as meedoen. It takes over the
//! terminal, draws one paragraph and waits for a key. Whatever meedoen costs on top of
//! this is meedoen's own: loading data, building the first screen.

use ratatui::crossterm::event::{self, Event};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = (|| {
        terminal.draw(|frame| {
            frame.render_widget(
                Paragraph::new("meedoen minimaal: druk op een toets"),
                frame.area(),
            );
        })?;
        // Blocks without polling, like meedoen's event loop, so idle CPU compares too.
        loop {
            if let Event::Key(_) = event::read()? {
                return Ok(());
            }
        }
    })();
    ratatui::restore();
    result
}
