//! The review screen: the plan exactly as it will be written (the same render call as the
//! export), the municipality's warnings (hours above the cap, no follow-up date), the
//! formats to write, and where it will go or went.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::core::gemeente;
use crate::core::plan::{self, Formaat};

use super::super::app::App;
use super::b1_pane;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let warnings = if app.session.oefenen {
        Vec::new()
    } else {
        gemeente::session_warnings(&app.gemeente, &app.session)
    };
    let rendered = plan::render_with(
        Formaat::Md,
        &app.session,
        &app.data,
        &app.templates,
        &app.gemeente,
    );
    let (text, style) = match rendered {
        Ok(text) => (text, app.theme.base),
        Err(p) => (
            format!("Het sjabloon geeft een fout:\n{p}"),
            app.theme.error,
        ),
    };
    let b1_marks = b1_pane::marks(&text);
    let [doc, b1, warn, formats, foot] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(b1_pane::height(&b1_marks)),
        Constraint::Length(warnings.len().min(2) as u16),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = if app.session.oefenen {
        " Oefenplan · wordt niet bewaard; e bewaart alleen het trainersrapport "
    } else {
        " Plan van aanpak · zo wordt het opgeslagen "
    };
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.title))
        .border_style(app.theme.border);
    frame.render_widget(
        Paragraph::new(text)
            .style(style)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((app.review_scroll, 0)),
        doc,
    );
    b1_pane::render(app, frame, b1, &b1_marks);
    let lines: Vec<Line> = warnings
        .iter()
        .take(2)
        .map(|w| Line::from(Span::styled(format!(" ⚠ {w}"), app.theme.warning)))
        .collect();
    frame.render_widget(Paragraph::new(lines), warn);
    if !app.session.oefenen {
        let mut spans = vec![Span::styled(" Formaat: ", app.theme.muted)];
        let choices = [
            (Formaat::Md, "m", "Markdown"),
            (Formaat::Html, "w", "HTML (printen)"),
            (Formaat::Txt, "t", "tekst (klantsysteem)"),
        ];
        for (f, key, label) in choices {
            let on = app.formats.contains(&f);
            spans.push(Span::styled(
                if on { "[x] " } else { "[ ] " },
                if on {
                    app.theme.emphasis
                } else {
                    app.theme.muted
                },
            ));
            spans.push(Span::styled(key, app.theme.key));
            spans.push(Span::raw(format!(" {label}  ")));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), formats);
    }
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
