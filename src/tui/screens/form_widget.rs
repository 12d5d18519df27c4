//! The form drawing shared by the details and afspraken pages: one row per field, label
//! on the left, value on the right; the focused row shows the live editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::core::script::Stap;

use crate::core::vervolg::Status;

use super::super::app::App;
use super::super::editor::{self, Field};
use super::super::form::{self, FormRow};

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
        other => other.label().to_string(),
    }
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

/// Draws the form rows in `area`, scrolled so the focused row is visible.
pub fn render_rows(app: &App, frame: &mut Frame, area: Rect) {
    let rows = form::rows(app);
    let height = area.height as usize;
    let first = app.form_row.saturating_sub(height.saturating_sub(1));
    for (n, row) in rows.iter().enumerate().skip(first).take(height) {
        let y = area.y + (n - first) as u16;
        let line_area = Rect {
            y,
            height: 1,
            ..area
        };
        let [l, v] = Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)])
            .areas(line_area);
        let focused = n == app.form_row;
        let (name, invalid) = match row {
            FormRow::Text(f) => (label(app, f), app.invalid.contains_key(f)),
            FormRow::Akkoord => ("Klant gaat akkoord".to_string(), false),
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
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(marker, app.theme.focus),
                Span::styled(
                    format!("{warn}{name}"),
                    if invalid { app.theme.warning } else { style },
                ),
            ])),
            l,
        );
        match row {
            FormRow::Text(_) if focused => frame.render_widget(&app.editor.area, v),
            FormRow::Text(f) => {
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
                let shown = if let (true, Some(standard)) = (value.is_empty(), standard) {
                    Span::styled(format!("(standaard) {standard}"), app.theme.muted)
                } else if value.is_empty() {
                    Span::styled("—", app.theme.muted)
                } else {
                    Span::raw(value.replace('\n', " ⏎ "))
                };
                frame.render_widget(Paragraph::new(shown), v);
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
                let hint = if focused { "  F3: wisselen" } else { "" };
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled(
                            format!("{mark} {}", e.status.label()),
                            if focused {
                                app.theme.selected
                            } else {
                                app.theme.emphasis
                            },
                        ),
                        Span::styled(hint, app.theme.muted),
                        Span::raw(format!("  {}", e.afspraak.wat)),
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
                    "   Ctrl+Space/F3: wisselen"
                } else {
                    ""
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
