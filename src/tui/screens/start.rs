//! The start screen: begin a new gesprek or resume a draft. Drafts are offered first
//! thing, so work interrupted by a crash or a closed laptop is one key away.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use super::super::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let problems = app.start.problems.len().min(4) as u16;
    let [intro, list_area, problem_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(if problems > 0 { problems + 2 } else { 0 }),
    ])
    .areas(area);
    let intro_text = if app.start.drafts.is_empty() {
        " Begin een nieuw gesprek. Alles wat u typt wordt meteen bewaard op deze computer."
    } else {
        " Er staan onafgemaakte gesprekken klaar. Kies er een om verder te gaan, of begin opnieuw."
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::from(Span::styled(intro_text, app.theme.emphasis)),
        ])
        .wrap(Wrap { trim: false }),
        intro,
    );
    let mut items = vec![ListItem::new(Line::from(vec![
        Span::styled(" + ", app.theme.key),
        Span::raw("Nieuw gesprek"),
    ]))];
    for d in &app.start.drafts {
        let klant = if d.klant.trim().is_empty() {
            "(klant niet ingevuld)"
        } else {
            d.klant.as_str()
        };
        items.push(ListItem::new(Line::from(vec![
            Span::styled(" ↻ ", app.theme.key),
            Span::raw("Verder met "),
            Span::styled(klant.to_string(), app.theme.emphasis),
            Span::styled(
                format!("  gesprek {} · bewaard {}", d.datum, d.gewijzigd),
                app.theme.muted,
            ),
        ])));
    }
    let mut state = ListState::default();
    state.select(Some(app.start.selected));
    let block = Block::bordered()
        .title(" Gesprekken ")
        .border_style(app.theme.focus);
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(app.theme.selected),
        list_area,
        &mut state,
    );
    if problems > 0 {
        let lines: Vec<Line> = app
            .start
            .problems
            .iter()
            .take(4)
            .map(|p| Line::from(Span::styled(format!("⚠ {p}"), app.theme.warning)))
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .block(Block::bordered().title(" Niet te openen concepten (niet verwijderd) "))
                .wrap(Wrap { trim: true }),
            problem_area,
        );
    }
}
