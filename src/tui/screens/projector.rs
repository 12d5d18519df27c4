//! Draws the projector view: one slide at a time, its heading in large block letters,
//! then a few lines in bold on a plain background, and where the trainer is in the
//! slides. Nothing typed shows here; there is no notes field.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use super::super::projector::{Soort, dias, huidige};
use super::{groot, key_hint};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(dia) = huidige(app) else {
        return;
    };
    let t = &app.theme;
    let n = dias(app).len();
    let width = area.width.saturating_sub(2);
    // At most two lines of large heading; the rest of a long title is cut, not wrapped
    // into the text below it.
    let kop: Vec<String> = groot::afbreken(&dia.kop, width)
        .into_iter()
        .take(2)
        .collect();
    let kop_rows = kop.len() as u16 * (groot::HOOGTE + 1);
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(kop_rows.min(area.height.saturating_sub(4))),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut big: Vec<Line> = Vec::new();
    for regel in &kop {
        big.extend(
            groot::regels(regel)
                .into_iter()
                .map(|r| Line::from(Span::styled(format!(" {r}"), t.title))),
        );
        big.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(big), head);
    let bold = t.base.add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = Vec::new();
    for (soort, text) in &dia.regels {
        let style = match soort {
            Soort::Gewoon => bold,
            Soort::Goed => t.ok.add_modifier(Modifier::BOLD),
            Soort::MinderGoed => t.warning.add_modifier(Modifier::BOLD),
            Soort::Klant => t.emphasis.add_modifier(Modifier::BOLD),
        };
        lines.push(Line::from(Span::styled(format!(" {text}"), style)));
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(
                " dia {} van {n} · {}{} bladeren · {} volgende stap · {} terug",
                app.dia.min(n.saturating_sub(1)) + 1,
                key_hint(app, Ctx::Presentatie, Command::Omhoog),
                key_hint(app, Ctx::Presentatie, Command::Omlaag),
                key_hint(app, Ctx::Presentatie, Command::Volgende),
                key_hint(app, Ctx::Presentatie, Command::Presentatie),
            ),
            t.muted,
        )),
        foot,
    );
}
