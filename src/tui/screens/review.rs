//! The review screen: the plan exactly as it will be written (the same render call as the
//! export), what the export gate finds missing or suspect, the formats to write (keys
//! from the active keymap), and where the plan will go or went.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::core::gemeente;
use crate::core::plan::{self, Formaat};

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use super::super::update::gate_findings;
use super::{key_hint, shorten_middle, truncate, wrapped_height};

/// Most rows the findings take; the plan keeps the rest.
const MAX_FINDINGS: usize = 5;

/// The plan's text as the review shows it (Markdown), or the template's error.
fn plan_text(app: &App) -> Result<String, String> {
    plan::render_with(
        Formaat::Md,
        &app.session,
        &app.data,
        &app.templates,
        &app.gemeente,
    )
    .map_err(|p| format!("Het sjabloon geeft een fout:\n{p}"))
}

/// What the review lists above the formats: the gate's findings, then the
/// municipality's warning about hours above its cap.
fn findings(app: &App) -> Vec<String> {
    if app.session.oefenen {
        return Vec::new();
    }
    let mut out = gate_findings(app);
    out.extend(
        gemeente::session_warnings(&app.gemeente, &app.session)
            .into_iter()
            .filter(|w| w.contains("uur per week")),
    );
    out
}
use super::b1_pane;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let found = findings(app);
    let rows = if found.is_empty() {
        0
    } else {
        found.len().min(MAX_FINDINGS) as u16 + 1
    };
    let (text, style) = match plan_text(app) {
        Ok(text) => (text, app.theme.base),
        Err(e) => (e, app.theme.error),
    };
    // Sentences that may be hard to read (B1), for information, between the plan and
    // what is missing.
    let b1_marks = b1_pane::marks(&text);
    let [doc, b1, warn, formats, foot] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(b1_pane::height(&b1_marks)),
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = if app.session.oefenen {
        format!(
            " Oefenplan · wordt niet bewaard; {} bewaart alleen het trainersrapport ",
            key_hint(app, Ctx::Review, Command::Exporteren)
        )
    } else if found.is_empty() {
        " Plan van aanpak · zo wordt het opgeslagen ".to_string()
    } else {
        " Plan van aanpak · nog niet af: opslaan kan alleen als concept ".to_string()
    };
    let block = Block::bordered()
        .title(Span::styled(
            truncate(&title, doc.width.saturating_sub(2) as usize),
            app.theme.title,
        ))
        .border_style(app.theme.border);
    let inner = block.inner(doc);
    // Scrolling stops at the last line of the plan.
    let max = text_height(&text, inner.width).saturating_sub(inner.height);
    let paragraph = Paragraph::new(text)
        .style(style)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(paragraph.scroll((app.review_scroll.min(max), 0)), doc);
    b1_pane::render(app, frame, b1, &b1_marks);
    if !found.is_empty() {
        let width = warn.width.saturating_sub(4) as usize;
        let mut lines = vec![Line::from(Span::styled(
            " Nog niet af of niet in orde:",
            app.theme.warning,
        ))];
        let more = found.len().saturating_sub(MAX_FINDINGS - 1);
        let shown = if more > 1 {
            MAX_FINDINGS - 1
        } else {
            MAX_FINDINGS
        };
        for f in found.iter().take(shown) {
            lines.push(Line::from(vec![
                Span::styled(" ⚠ ", app.theme.warning),
                Span::raw(truncate(f, width)),
            ]));
        }
        if found.len() > shown {
            lines.push(Line::from(Span::styled(
                format!(
                    " … en nog {} ({} toont alles)",
                    found.len() - shown,
                    key_hint(app, Ctx::Review, Command::Exporteren)
                ),
                app.theme.muted,
            )));
        }
        frame.render_widget(Paragraph::new(lines), warn);
    }
    if !app.session.oefenen {
        let mut spans = vec![Span::styled(" Formaat: ", app.theme.muted)];
        let choices = [
            (Formaat::Md, Command::FormaatMd, "Markdown"),
            (Formaat::Html, Command::FormaatHtml, "HTML (printen)"),
            (Formaat::Txt, Command::FormaatTxt, "tekst"),
        ];
        for (f, cmd, label) in choices {
            let on = app.formats.contains(&f);
            spans.push(Span::styled(
                if on { "[x] " } else { "[ ] " },
                if on {
                    app.theme.emphasis
                } else {
                    app.theme.muted
                },
            ));
            spans.push(Span::styled(key_hint(app, Ctx::Review, cmd), app.theme.key));
            spans.push(Span::raw(format!(" {label}  ")));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), formats);
    }
    let width = foot.width as usize;
    let line = match app.exported.first() {
        Some(path) => {
            let lead = " ✓ Opgeslagen als ";
            Line::from(vec![
                Span::styled(lead, app.theme.ok),
                Span::raw(shorten_middle(
                    &path.display().to_string(),
                    width.saturating_sub(lead.chars().count() + 1),
                )),
            ])
        }
        None => {
            let lead = format!(
                " {}: {} in ",
                key_hint(app, Ctx::Review, Command::Exporteren),
                if found.is_empty() {
                    "opslaan"
                } else {
                    "opslaan (als concept)"
                }
            );
            Line::from(vec![
                Span::styled(lead.clone(), app.theme.key),
                Span::raw(shorten_middle(
                    &app.output_dir,
                    width.saturating_sub(lead.chars().count() + 1),
                )),
            ])
        }
    };
    frame.render_widget(Paragraph::new(line), foot);
}

/// How far the plan on the review screen can scroll at the app's terminal size.
pub fn max_scroll(app: &App) -> u16 {
    let Ok(text) = plan_text(app) else {
        return 0;
    };
    // The body is the screen less header, progress, message and hints, the border, and
    // the rows under the plan (findings, formats, path).
    let rows = findings(app).len().min(MAX_FINDINGS) as u16;
    let height = app.size.1.saturating_sub(4 + 2 + 2 + rows + 1);
    let width = app.size.0.saturating_sub(2);
    text_height(&text, width).saturating_sub(height)
}

fn text_height(text: &str, width: u16) -> u16 {
    wrapped_height(&ratatui::text::Text::from(text).lines, width)
}
