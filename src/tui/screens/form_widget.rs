//! The form drawing shared by the details and afspraken pages: one row per field, label
//! on the left, value on the right; the focused row shows the live editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::core::script::Stap;

use crate::core::vervolg::Status;

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use unicode_width::UnicodeWidthStr;

use super::super::editor::{self, Field};
use super::super::form::{self, FormRow};
use super::{key_hint, truncate};

/// Narrowest label column; a wide screen gives labels a third of the width.
const LABEL_WIDTH: u16 = 34;

fn label(app: &App, field: &Field) -> String {
    match field {
        Field::Aanpak(id) => format!(
            "Aanpak · {}",
            app.data
                .taxonomy
                .label(crate::core::taxonomy::TagKind::Belemmering, id)
        ),
        Field::AfspraakWat(i) => format!("Afspraak {} · wat", i + 1),
        Field::AfspraakWie(i) => format!("Afspraak {} · wie", i + 1),
        Field::AfspraakWanneer(i) => format!("Afspraak {} · wanneer", i + 1),
        Field::EvalHielp(i) => format!("Afspraak {} · wat hielp", i + 1),
        Field::EvalLastig(i) => format!("Afspraak {} · wat zat in de weg", i + 1),
        Field::EvalReden(i) => format!("Afspraak {} · waarom zo verder", i + 1),
        Field::EigenTitel(i) => format!("Eigen activiteit {} · wat", i + 1),
        Field::EigenPlaats(i) => format!("Eigen activiteit {} · waar", i + 1),
        Field::EigenContact(i) => format!("Eigen activiteit {} · contact", i + 1),
        Field::EigenUren(i) => format!("Eigen activiteit {} · uren/week", i + 1),
        Field::EigenBegeleiding(i) => format!("Eigen activiteit {} · begeleiding", i + 1),
        Field::GekozenReden(id) => format!(
            "⚠ {} · gekozen omdat",
            app.data
                .catalogue
                .find(id)
                .map_or(id.as_str(), |o| o.titel.as_str())
        ),
        Field::Klant => format!(
            "{} (initialen of schuilnaam)",
            capitalized(&app.gemeente.klant_label)
        ),
        other => other.label().to_string(),
    }
}

/// The word with its first letter a capital ("klant" → "Klant").
pub fn capitalized(word: &str) -> String {
    let mut c = word.trim().chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The compact coaching header of a form step (title, doel, first example phrase);
/// returns the area below it for the form.
pub fn render_intro(app: &App, frame: &mut Frame, area: Rect, stap: &Stap) -> Rect {
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
    let mut intro_height = lines.len() as u16 + 1;
    // The consultant's guidance for the belemmering being worded: it stays in the app,
    // while the field below holds the sentence the client reads.
    if let Some(FormRow::Text(Field::Aanpak(id))) = form::rows(app).get(app.form_row)
        && let Some(e) = app
            .data
            .taxonomy
            .find(crate::core::taxonomy::TagKind::Belemmering, id)
            .filter(|e| !e.aanpak.trim().is_empty())
    {
        let tip = format!(" Voor u: {}", e.aanpak_voor(&app.gemeente.klant_label));
        let width = usize::from(area.width.max(1));
        intro_height += tip.chars().count().div_ceil(width) as u16;
        lines.push(Line::from(Span::styled(tip, app.theme.muted)));
    }
    let [intro, form] =
        Layout::vertical([Constraint::Length(intro_height), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), intro);
    form
}

/// Below the rows: the focused field's whole value, wrapped, when it is wider than its
/// row (the row itself scrolls with the cursor, so the start would be out of view).
/// Returns the area left for the rows.
pub fn render_full_value(app: &App, frame: &mut Frame, area: Rect) -> Rect {
    let value_width = area.width.saturating_sub(LABEL_WIDTH.max(area.width / 3)) as usize;
    let text = app.editor.text().replace('\n', " ⏎ ");
    let on_text = matches!(
        form::rows(app).get(app.form_row),
        Some(FormRow::Text(f)) if *f == app.editor.field
    );
    if !on_text || text.width() < value_width || area.height < 8 {
        return area;
    }
    let lines = vec![Line::from(vec![
        Span::styled(
            format!(" {}: ", label(app, &app.editor.field)),
            app.theme.emphasis,
        ),
        Span::raw(text),
    ])];
    let height = super::wrapped_height(&lines, area.width).min(4);
    let [rows, full] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), full);
    rows
}

/// Most lines an unfocused text row takes: enough to read an afspraak whole, few enough
/// that the rows below stay in view.
const MAX_ROW_LINES: u16 = 3;

/// What an unfocused text row shows: its value, the standard text it starts from, or a
/// dash; and whether it is a stand-in (drawn muted).
fn shown_value(app: &App, f: &Field) -> (String, bool) {
    let value = editor::value(f, &app.session, &app.invalid);
    let standard = match f {
        Field::Aanpak(id) => app
            .data
            .taxonomy
            .find(crate::core::taxonomy::TagKind::Belemmering, id)
            .map(|e| e.aanpak_plan.as_str())
            .filter(|a| !a.is_empty()),
        _ => None,
    };
    match (value.is_empty(), standard) {
        (true, Some(standard)) => (format!("(standaard) {standard}"), true),
        (true, None) => ("—".to_string(), true),
        (false, _) => (value.replace('\n', " ⏎ "), false),
    }
}

/// Rows a form row takes at `width` for its value: an unfocused text wraps (up to
/// [`MAX_ROW_LINES`]), everything else is one line (the focused field scrolls sideways).
fn row_height(app: &App, row: &FormRow, focused: bool, width: u16) -> u16 {
    match row {
        FormRow::Text(f) if !focused => {
            let (text, _) = shown_value(app, f);
            super::wrapped_height(&[Line::raw(text)], width).clamp(1, MAX_ROW_LINES)
        }
        _ => 1,
    }
}

/// Draws the form rows in `area`, scrolled so the focused row is visible. A row that is
/// not focused shows its whole text over a few lines instead of cutting it off.
pub fn render_rows(app: &App, frame: &mut Frame, area: Rect) {
    let rows = form::rows(app);
    let label_width = LABEL_WIDTH.max(area.width / 3);
    let value_width = area.width.saturating_sub(label_width);
    let heights: Vec<u16> = rows
        .iter()
        .enumerate()
        .map(|(n, row)| row_height(app, row, n == app.form_row, value_width))
        .collect();
    // From the top when the focused row fits; else the focused row at the bottom.
    let focus = app.form_row.min(rows.len().saturating_sub(1));
    let mut first = 0;
    while first < focus && heights[first..=focus].iter().sum::<u16>() > area.height {
        first += 1;
    }
    let mut y = area.y;
    let bottom = area.y + area.height;
    for (n, row) in rows.iter().enumerate().skip(first) {
        if y >= bottom {
            break;
        }
        let h = heights[n].min(bottom - y);
        let line_area = Rect {
            y,
            height: h,
            ..area
        };
        y += h;
        let [l, v] = Layout::horizontal([Constraint::Length(label_width), Constraint::Fill(1)])
            .areas(line_area);
        let focused = n == app.form_row;
        let (name, invalid) = match row {
            FormRow::Text(f) => (label(app, f), app.invalid.contains_key(f)),
            FormRow::Akkoord => (
                format!("{} gaat akkoord", capitalized(&app.gemeente.klant_label)),
                false,
            ),
            FormRow::Status(i) => (format!("Afspraak {} · gelukt?", i + 1), false),
            FormRow::Besluit(i) => (
                format!("Afspraak {} · hoe verder?", i + 1),
                app.session
                    .evaluaties
                    .get(*i)
                    .is_some_and(|e| e.besluit.is_none()),
            ),
        };
        let marker = if focused { "▸ " } else { "  " };
        let style = if focused {
            app.theme.focus
        } else {
            app.theme.emphasis
        };
        let warn = if invalid { "⚠ " } else { "" };
        // A long label is cut with "…" and keeps a blank before the value, so the two
        // never run together.
        let name = truncate(
            &format!("{warn}{name}"),
            (label_width as usize).saturating_sub(marker.chars().count() + 1),
        );
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(marker, app.theme.focus),
                Span::styled(name, if invalid { app.theme.warning } else { style }),
            ])),
            l,
        );
        match row {
            FormRow::Text(_) if focused => frame.render_widget(&app.editor.area, v),
            FormRow::Text(f) => {
                let (text, standin) = shown_value(app, f);
                let span = if standin {
                    Span::styled(text, app.theme.muted)
                } else {
                    Span::raw(text)
                };
                frame.render_widget(Paragraph::new(span).wrap(Wrap { trim: true }), v);
            }
            FormRow::Status(i) => {
                let Some(e) = app.session.evaluaties.get(*i) else {
                    continue;
                };
                let mark = match e.status {
                    Status::Nagekomen => "(•)",
                    Status::Deels => "(½)",
                    Status::Niet => "(×)",
                    Status::NogNietBesproken => "( )",
                };
                let hint = if focused {
                    format!("  {}: wisselen", key_hint(app, Ctx::Form, Command::Kiezen))
                } else {
                    String::new()
                };
                let status = format!("{mark} {}", e.status.label());
                let room = (v.width as usize).saturating_sub(status.width() + hint.width() + 2);
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled(
                            status,
                            if focused {
                                app.theme.selected
                            } else {
                                app.theme.emphasis
                            },
                        ),
                        Span::styled(hint, app.theme.muted),
                        Span::raw(format!("  {}", truncate(&e.afspraak.wat, room))),
                    ])),
                    v,
                );
            }
            FormRow::Besluit(i) => {
                let Some(e) = app.session.evaluaties.get(*i) else {
                    continue;
                };
                let text =
                    e.besluit
                        .map_or(
                            "( ) nog beslissen: doorgaan, aanpassen of stoppen",
                            |b| match b {
                                crate::core::vervolg::Besluit::Doorgaan => "(•) doorgaan",
                                crate::core::vervolg::Besluit::Aanpassen => "(~) aanpassen",
                                crate::core::vervolg::Besluit::Stoppen => "(×) stoppen",
                            },
                        );
                let hint = if focused { "  F3: wisselen" } else { "" };
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled(
                            text,
                            if focused {
                                app.theme.selected
                            } else {
                                app.theme.emphasis
                            },
                        ),
                        Span::styled(hint, app.theme.muted),
                    ])),
                    v,
                );
            }
            FormRow::Akkoord => {
                let a = app.session.akkoord;
                let mark = match a {
                    crate::core::session::Akkoord::Ja => "(•) ja",
                    crate::core::session::Akkoord::Nee => "(×) nee",
                    crate::core::session::Akkoord::Onbekend => "( ) nog niet besproken",
                };
                let hint = if focused {
                    format!("   {}: wisselen", key_hint(app, Ctx::Form, Command::Kiezen))
                } else {
                    String::new()
                };
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled(
                            mark,
                            if focused {
                                app.theme.selected
                            } else {
                                app.theme.base
                            },
                        ),
                        Span::styled(hint, app.theme.muted),
                    ])),
                    v,
                );
            }
        }
    }
}
