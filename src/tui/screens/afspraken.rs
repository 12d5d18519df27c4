//! The afspraken page: SMART agreements (wat / wie / wanneer), hours with their reason,
//! the dates that make follow-up happen (research: follow-up is the weak spot), and
//! whether the client agrees.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::app::App;
use super::form_widget;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(step) = app.current_step() else {
        return;
    };
    let stap = step.stap;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {}", stap.titel), app.theme.title),
        Span::styled(format!("  Doel: {}", stap.doel), app.theme.muted),
    ])];
    if let Some(zin) = stap.voorbeeldzinnen.first() {
        lines.push(Line::from(vec![
            Span::styled(" › ", app.theme.key),
            Span::raw(zin.as_str()),
        ]));
    }
    let intro_height = lines.len() as u16 + 1;
    let [intro, form] =
        Layout::vertical([Constraint::Length(intro_height), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), intro);
    let chosen: Vec<&str> = app
        .session
        .gekozen
        .iter()
        .map(|id| {
            app.data
                .catalogue
                .find(id)
                .map_or(id.as_str(), |o| o.titel.as_str())
        })
        .collect();
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
