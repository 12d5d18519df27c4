//! The plan's own text, edited on the review screen one section at a time: the section's
//! heading, where its text came from (the notes, or the consultant's edit), and the
//! editor. What is typed here is what the plan says; the notes stay as they were.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::core::sectie;

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use super::{centered, key_hint, truncate};

pub fn render(app: &App, frame: &mut Frame, area: Rect, i: usize) {
    let Some(&deel) = sectie::BEWERKBAAR.get(i) else {
        return;
    };
    let kop = deel.plan_kop().unwrap_or_default();
    let r = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    let title = format!(
        " Tekst in het plan · {kop} ({}/{}) ",
        i + 1,
        sectie::BEWERKBAAR.len()
    );
    let bottom = format!(
        " {} volgend deel · {} vorig · {} klaar ",
        key_hint(app, Ctx::PlanTekst, Command::FocusVolgende),
        key_hint(app, Ctx::PlanTekst, Command::FocusVorige),
        key_hint(app, Ctx::PlanTekst, Command::Terug),
    );
    let block = Block::bordered()
        .title(Span::styled(
            truncate(&title, r.width.saturating_sub(2) as usize),
            app.theme.title,
        ))
        .title_bottom(Span::styled(
            truncate(&bottom, r.width.saturating_sub(2) as usize),
            app.theme.muted,
        ))
        .border_style(app.theme.focus);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let herkomst = if sectie::bewerkt(&app.session, deel) {
        "Door u aangepast. Zo komt het in het plan; de notities blijven zoals ze waren."
    } else if app.editor.area.is_empty() {
        "Hier staan nog geen notities. Wat u typt, komt zo in het plan."
    } else {
        "Begint met de notities van de stappen. Wat u hier aanpast, komt zo in het plan."
    };
    let uitleg = Paragraph::new(Line::from(Span::styled(herkomst, app.theme.muted)))
        .wrap(Wrap { trim: true });
    let uitleg_h = if inner.width as usize >= herkomst.chars().count() {
        1
    } else {
        2
    };
    let [top, gap, text] = Layout::vertical([
        Constraint::Length(uitleg_h),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let _ = gap;
    frame.render_widget(uitleg, top);
    frame.render_widget(&app.editor.area, text);
}
