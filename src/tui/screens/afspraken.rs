//! The afspraken page: SMART agreements (wat / wie / wanneer), hours with their reason,
//! the dates that make follow-up happen (research: follow-up is the weak spot), and
//! whether the client agrees.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Block;

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use super::{form_widget, key_hint};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(step) = app.current_step() else {
        return;
    };
    let form = form_widget::render_intro(app, frame, area, step.stap);
    let chosen = app.chosen_titles();
    let title = if chosen.is_empty() {
        " Afspraken · nog geen activiteit gekozen ".to_string()
    } else {
        let room = (form.width as usize).saturating_sub(4);
        format!(
            "{} ",
            super::truncate(
                &format!(" Afspraken · gekozen: {}", chosen.join(", ")),
                room
            )
        )
    };
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.emphasis))
        .title_bottom(Span::styled(
            format!(
                " {}: afspraak erbij · {}: lege afspraak weg · {}: veld leeg ",
                key_hint(app, Ctx::Form, Command::AfspraakToevoegen),
                key_hint(app, Ctx::Form, Command::AfspraakVerwijderen),
                key_hint(app, Ctx::Form, Command::VeldLeegmaken)
            ),
            app.theme.muted,
        ))
        .border_style(app.theme.border);
    let inner = block.inner(form);
    frame.render_widget(block, form);
    let inner = form_widget::render_full_value(app, frame, inner);
    form_widget::render_rows(app, frame, inner);
}
