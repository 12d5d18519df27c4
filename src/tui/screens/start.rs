//! The start screen: begin a new gesprek, resume a draft, follow up with a client from
//! the overview (next contact due or overdue is marked with a symbol and words, not only
//! colour), or switch to practice with a demo client. Drafts come first, so work
//! interrupted by a crash or a closed laptop is one key away.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use super::super::action::Command;
use super::super::app::{App, Mode, StartItem};
use super::super::keymap::Ctx;
use super::super::theme::Theme;
use super::key_hint;

fn item_line<'a>(app: &'a App, item: StartItem) -> Line<'a> {
    let t = &app.theme;
    match item {
        StartItem::Nieuw => {
            Line::from(vec![Span::styled(" + ", t.key), Span::raw("Nieuw gesprek")])
        }
        StartItem::Oefenen => Line::from(vec![
            Span::styled(" ◇ ", t.key),
            Span::raw("Oefenen met een oefenklant (trainersmodus)"),
        ]),
        StartItem::Echt => Line::from(vec![
            Span::styled(" ← ", t.key),
            Span::raw("Terug naar echte gesprekken"),
        ]),
        StartItem::Draft(i) => {
            let d = &app.start.drafts[i];
            let klant = if d.klant.trim().is_empty() {
                format!("({} niet ingevuld)", app.gemeente.klant_label)
            } else {
                d.klant.clone()
            };
            Line::from(vec![
                Span::styled(" ↻ ", t.key),
                Span::raw("Verder met "),
                Span::styled(klant, t.emphasis),
                Span::styled(
                    format!("  gesprek {} · bewaard {}", d.datum, d.gewijzigd),
                    t.muted,
                ),
                // Written to the temp folder when the drafts folder failed.
                Span::styled(
                    if d.noodkopie.is_some() {
                        "  ⚠ noodkopie"
                    } else {
                        ""
                    },
                    t.warning,
                ),
            ])
        }
        StartItem::Client(i) => {
            let c = &app.start.clients[i];
            let mut spans = vec![
                Span::styled(" → ", t.key),
                Span::raw("Vervolg "),
                Span::styled(c.klant.clone(), t.emphasis),
                Span::styled(
                    format!("  laatste {} · plan {}", c.laatste, c.plan_versie),
                    t.muted,
                ),
            ];
            // A practice working for several gemeenten sees whose client this is.
            if let Some(g) = &c.gemeente {
                let naam = app
                    .profielen
                    .iter()
                    .find(|p| &p.naam == g)
                    .map_or(g.as_str(), crate::app::gesprek::profiel_naam);
                spans.push(Span::styled(format!(" · {naam}"), t.muted));
            }
            match (&c.opvolgen, &c.volgend_contact) {
                (Some(when), _) if c.te_laat => {
                    spans.push(Span::styled(format!("  ⚠ contact {when}"), t.warning));
                }
                (Some(when), _) => {
                    spans.push(Span::styled(format!("  ● contact {when}"), t.emphasis))
                }
                (None, Some(date)) => {
                    spans.push(Span::styled(format!("  contact {date}"), t.muted))
                }
                (None, None) => {}
            }
            Line::from(spans)
        }
        StartItem::Oefenklant(i) => {
            let k = &app.oefenklanten.klanten[i];
            Line::from(vec![
                Span::styled(" ◇ ", t.key),
                Span::styled(k.naam.clone(), t.emphasis),
            ])
        }
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let problems = app.start.problems.len().min(4) as u16;
    let klas = super::trainer::klas_regels(app);
    let [klas_area, intro, list_area, detail_area, problem_area] = Layout::vertical([
        Constraint::Length(klas.len() as u16),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(if app.mode == Mode::Oefenen { 4 } else { 1 }),
        Constraint::Length(if problems > 0 { problems + 2 } else { 0 }),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(klas), klas_area);
    let intro_text = match app.mode {
        Mode::Oefenen => {
            " Trainersmodus: oefenen met verzonnen klanten. Er wordt niets bewaard als echte klant."
        }
        Mode::Echt if !app.start.drafts.is_empty() => {
            " Er staan onafgemaakte gesprekken klaar. Kies er een om verder te gaan, of begin opnieuw."
        }
        Mode::Echt => {
            " Begin een nieuw gesprek. Alles wat u typt wordt meteen bewaard op deze computer."
        }
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::from(Span::styled(intro_text, app.theme.emphasis)),
        ])
        .wrap(Wrap { trim: false }),
        intro,
    );
    let items = app.start_items();
    let rows: Vec<ListItem> = items
        .iter()
        .map(|it| {
            let width = list_area.width.saturating_sub(2) as usize;
            ListItem::new(super::fit_line(item_line(app, *it), width))
        })
        .collect();
    let mut state = ListState::default();
    state.select(Some(app.start.selected.min(items.len().saturating_sub(1))));
    let title = match app.mode {
        Mode::Oefenen => " Oefenklanten ".to_string(),
        Mode::Echt if app.start.filtering || !app.start.filter.is_empty() => {
            format!(
                " Gesprekken · {}: {}▏ ",
                app.gemeente.klant_label, app.start.filter
            )
        }
        Mode::Echt if !app.start.clients.is_empty() => format!(
            " Gesprekken · typ om een {} te zoeken · {}: plan bekijken ",
            app.gemeente.klant_label,
            key_hint(app, Ctx::Start, Command::PlanBekijken)
        ),
        Mode::Echt => " Gesprekken ".to_string(),
    };
    frame.render_stateful_widget(
        List::new(rows)
            .block(Block::bordered().title(title).border_style(app.theme.focus))
            .highlight_style(app.theme.selected),
        list_area,
        &mut state,
    );
    if let Some(StartItem::Oefenklant(i)) = items.get(app.start.selected) {
        let k = &app.oefenklanten.klanten[*i];
        frame.render_widget(
            Paragraph::new(Span::styled(k.achtergrond.as_str(), app.theme.muted))
                .wrap(Wrap { trim: true }),
            detail_area,
        );
    }
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
                .block(Block::bordered().title(" Niet te openen bestanden (niet verwijderd) "))
                .wrap(Wrap { trim: true }),
            problem_area,
        );
    }
}

/// The start screen as it looks before the data files are read (a few milliseconds): the
/// same frame and first row, so the screen does not jump when the rest appears.
pub fn render_loading(theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width < super::MIN_WIDTH || area.height < super::MIN_HEIGHT {
        return;
    }
    let [header, intro, list_area, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(3),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" meedoen ", theme.title),
            Span::styled("· gespreksondersteuning voor activering", theme.muted),
        ])),
        header,
    );
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::from(Span::styled(" Gegevens laden…", theme.muted)),
        ]),
        intro,
    );
    frame.render_widget(
        List::new([ListItem::new(Line::from(vec![
            Span::styled(" + ", theme.key),
            Span::raw("Nieuw gesprek"),
        ]))])
        .block(
            Block::bordered()
                .title(" Gesprekken ")
                .border_style(theme.focus),
        ),
        list_area,
    );
}
