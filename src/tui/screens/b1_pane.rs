//! The B1 pane under the plan on the review screen: which sentences of the plan text are
//! hard to read, each with a short reason (`core::b1`). It informs and never blocks the
//! export; it is a pane of its own so the review screen's layout stays the review
//! screen's.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::core::b1::{self, Moeilijk};

use super::super::app::App;

/// Sentences listed at most; the count says how many there are in all.
const MAX_ROWS: usize = 2;

/// Longest part of a sentence shown before "…".
const MAX_ZIN: usize = 38;

/// The hard sentences of the rendered plan.
pub fn marks(plan: &str) -> Vec<Moeilijk> {
    b1::controleer(plan)
}

/// Rows the pane needs: nothing when every sentence is fine.
pub fn height(marks: &[Moeilijk]) -> u16 {
    if marks.is_empty() {
        0
    } else {
        1 + marks.len().min(MAX_ROWS) as u16
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, marks: &[Moeilijk]) {
    if marks.is_empty() || area.height == 0 {
        return;
    }
    let n = marks.len();
    let mut lines = vec![Line::from(vec![
        Span::styled(" B1 ", app.theme.emphasis),
        Span::styled(
            if n == 1 {
                "· 1 zin is misschien moeilijk te lezen (ter informatie; opslaan kan altijd)"
                    .to_string()
            } else {
                format!(
                    "· {n} zinnen zijn misschien moeilijk te lezen (ter informatie; opslaan kan altijd)"
                )
            },
            app.theme.muted,
        ),
    ])];
    for m in marks.iter().take(MAX_ROWS) {
        let zin: String = if m.zin.chars().count() > MAX_ZIN {
            format!("{}…", m.zin.chars().take(MAX_ZIN).collect::<String>())
        } else {
            m.zin.clone()
        };
        lines.push(Line::from(vec![
            Span::raw(format!("   ‘{zin}’ ")),
            Span::styled(m.redenen.join("; "), app.theme.warning),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
