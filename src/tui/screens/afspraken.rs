//! The afspraken page: SMART agreements (wat / wie / wanneer), hours with their reason,
//! the dates that make follow-up happen (research: follow-up is the weak spot), and
//! whether the client agrees.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Block;

use super::super::app::App;
use super::form_widget;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(step) = app.current_step() else {
        return;
    };
    let form = form_widget::render_intro(app, frame, area, step.stap);
    let chosen = app.chosen_titles();
    let title = if chosen.is_empty() {
        " Afspraken · nog geen activiteit gekozen ".to_string()
    } else {
        format!(" Afspraken · gekozen: {} ", chosen.join(", "))
    };
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.emphasis))
        .title_bottom(Span::styled(
            " Ctrl+A: afspraak erbij · Ctrl+D: lege afspraak weg ",
            app.theme.muted,
        ))
        .border_style(app.theme.border);
    let inner = block.inner(form);
    frame.render_widget(block, form);
    form_widget::render_rows(app, frame, inner);
}
