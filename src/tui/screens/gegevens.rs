//! The details page: who the gesprek is with, by whom, where and when. The client is
//! named by initials or a pseudonym only; the page says so, because a BSN in a plan is a
//! known way for it to end up lying around.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use super::{form_widget, key_hint};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [intro, form] = Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(area);
    let text = vec![
        Line::from(Span::styled(" Gegevens van het gesprek", app.theme.title)),
        Line::from(Span::styled(
            format!(
                " Noem de {} bij initialen of een schuilnaam. Geen BSN in een plan.",
                app.gemeente.klant_label
            ),
            app.theme.muted,
        )),
        Line::from(Span::styled(
            format!(
                " {}: volgend veld · {}: naar het gesprek",
                key_hint(app, Ctx::Form, Command::FocusVolgende),
                key_hint(app, Ctx::Form, Command::Volgende)
            ),
            app.theme.muted,
        )),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), intro);
    let block = Block::bordered().border_style(app.theme.border);
    let inner = block.inner(form);
    frame.render_widget(block, form);
    let inner = form_widget::render_full_value(app, frame, inner);
    form_widget::render_rows(app, frame, inner);
}
