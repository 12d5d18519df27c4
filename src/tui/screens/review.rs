//! The review screen: the plan exactly as it will be written (the same render call as the
//! export), with where it will go and where it went.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::core::plan;

use super::super::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [doc, foot] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let (text, style) = match plan::render_markdown(&app.session, &app.data, &app.template) {
        Ok(text) => (text, app.theme.base),
        Err(p) => (
            format!("Het sjabloon geeft een fout:\n{p}"),
            app.theme.error,
        ),
    };
    let block = Block::bordered()
        .title(Span::styled(
            " Plan van aanpak · zo wordt het opgeslagen ",
            app.theme.title,
        ))
        .border_style(app.theme.border);
    frame.render_widget(
        Paragraph::new(text)
            .style(style)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((app.review_scroll, 0)),
        doc,
    );
    let line = match app.exported.first() {
        Some(path) => Line::from(vec![
            Span::styled(" ✓ Opgeslagen als ", app.theme.ok),
            Span::raw(path.display().to_string()),
        ]),
        None => Line::from(vec![
            Span::styled(" e", app.theme.key),
            Span::styled(": opslaan in ", app.theme.muted),
            Span::raw(app.output_dir.as_str()),
        ]),
    };
    frame.render_widget(Paragraph::new(line), foot);
}
