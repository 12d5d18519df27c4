//! The evaluation page of a vervolggesprek: each afspraak from the previous plan, whether
//! it worked out (nagekomen / deels / niet), what helped and what got in the way. Follow-up
//! is where plans fail in practice, so the previous afspraken come back by themselves.

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
    let vorige = match &app.session.vervolg_op {
        Some(v) => format!(
            " Afspraken uit plan {} van {} ",
            v.versie,
            v.datum.format("%-d-%-m-%Y")
        ),
        None => " Afspraken uit het vorige plan ".to_string(),
    };
    let block = Block::bordered()
        .title(Span::styled(vorige, app.theme.emphasis))
        .title_bottom(Span::styled(
            " F3: gelukt / deels / niet · ↓: wat hielp, wat zat in de weg ",
            app.theme.muted,
        ))
        .border_style(app.theme.border);
    let inner = block.inner(form);
    frame.render_widget(block, form);
    if app.session.evaluaties.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Er staan geen afspraken uit een vorig plan open.",
                app.theme.muted,
            )),
            inner,
        );
        return;
    }
    form_widget::render_rows(app, frame, inner);
}
