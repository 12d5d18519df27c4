//! The evaluation page of a vervolggesprek: each afspraak from the previous plan, whether
//! it worked out (nagekomen / deels / niet), what helped and what got in the way. Follow-up
//! is where plans fail in practice, so the previous afspraken come back by themselves.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::action::Command;
use super::super::app::App;
use super::super::editor::Field;
use super::super::form::{self, FormRow};
use super::super::keymap::Ctx;
use super::{form_widget, key_hint};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(step) = app.current_step() else {
        return;
    };
    let form = form_widget::render_intro(app, frame, area, step.stap);
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
            format!(
                " {}: gelukt / deels / niet · {}: wat hielp, wat zat in de weg ",
                key_hint(app, Ctx::Form, Command::Kiezen),
                key_hint(app, Ctx::Form, Command::Omlaag)
            ),
            app.theme.muted,
        ))
        .border_style(app.theme.border);
    let inner = block.inner(form);
    frame.render_widget(block, form);
    // The afspraak being looked back on, in full: in the rows it is cut to fit.
    let [rows, full] = Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(inner);
    let current = form::rows(app).get(app.form_row).and_then(|r| match r {
        FormRow::Status(i) => Some(*i),
        FormRow::Text(Field::EvalHielp(i) | Field::EvalLastig(i)) => Some(*i),
        _ => None,
    });
    if let Some(e) = current.and_then(|i| app.session.evaluaties.get(i)) {
        let a = &e.afspraak;
        let mut text = vec![
            Span::styled(" Afspraak: ", app.theme.emphasis),
            Span::raw(a.wat.as_str()),
        ];
        for extra in [&a.wie, &a.wanneer]
            .into_iter()
            .filter(|x| !x.trim().is_empty())
        {
            text.push(Span::styled(format!(" · {extra}"), app.theme.muted));
        }
        frame.render_widget(
            Paragraph::new(Line::from(text)).wrap(Wrap { trim: true }),
            full,
        );
    }
    let inner = rows;
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
