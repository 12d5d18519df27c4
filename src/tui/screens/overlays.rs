//! Overlays drawn over any screen: the keys (generated from the keymap), the jump list,
//! the full coaching text of a step, and the delete confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::super::app::{App, Onbewaard, Overlay};
use super::super::form;
use super::super::keymap;
use super::{centered, step};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(overlay) = &app.overlay else {
        return;
    };
    match overlay {
        Overlay::Help => help(app, frame, area),
        Overlay::Jump(selected) => jump(app, frame, area, *selected),
        Overlay::Toelichting => toelichting(app, frame, area),
        Overlay::Plan(title, text, scroll) => {
            let size = (area.width.saturating_sub(4), area.height.saturating_sub(2));
            let title = format!(" {title} · ↑↓ bladeren · Esc sluit ");
            boxed(
                frame,
                area,
                size,
                title,
                app.theme.focus,
                text.as_str(),
                *scroll,
            );
        }
        Overlay::Bsn(text) => {
            let lines = vec![
                Line::from(Span::styled(text.as_str(), app.theme.warning)),
                Line::raw(""),
                Line::from("Een BSN hoort niet in een plan van aanpak."),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("j", app.theme.key),
                    Span::raw(": verwijderen en opslaan   "),
                    Span::styled("t", app.theme.key),
                    Span::raw(": toch opslaan (geen BSN)   "),
                    Span::styled("n", app.theme.key),
                    Span::raw(": terug"),
                ]),
            ];
            let title = " Mogelijk een BSN ".to_string();
            boxed(frame, area, (70, 12), title, app.theme.warning, lines, 0);
        }
        Overlay::ConfirmDelete(_, klant) => {
            let text = vec![
                Line::from(format!("Het concept van {klant} verwijderen?")),
                Line::from(Span::styled(
                    "Alle notities van dit gesprek gaan dan verloren.",
                    app.theme.warning,
                )),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("j", app.theme.key),
                    Span::raw(": ja, verwijderen   "),
                    Span::styled("n", app.theme.key),
                    Span::raw(": nee"),
                ]),
            ];
            let title = " Verwijderen ".to_string();
            boxed(frame, area, (60, 7), title, app.theme.warning, text, 0);
        }
        Overlay::Onbewaard(o) => onbewaard(app, frame, area, o),
        Overlay::Bewaartermijn { keuze, bevestigen } => {
            bewaartermijn(app, frame, area, *keuze, *bevestigen);
        }
    }
}

/// Clients whose files passed the bewaartermijn, with how to erase one.
fn bewaartermijn(app: &App, frame: &mut Frame, area: Rect, keuze: usize, bevestigen: bool) {
    let t = &app.theme;
    let mut lines = vec![
        Line::from("Van deze klanten zijn bestanden over de bewaartermijn van de gemeente:"),
        Line::raw(""),
    ];
    for (i, v) in app.start.verlopen.iter().enumerate() {
        let (mark, style) = if i == keuze {
            ("▶ ", t.selected)
        } else {
            ("  ", ratatui::style::Style::default())
        };
        let what = if v.bestanden == 1 {
            "bestand"
        } else {
            "bestanden"
        };
        lines.push(Line::from(Span::styled(
            format!(
                "{mark}{}  {} {what}, laatste van {}",
                v.klant, v.bestanden, v.laatste
            ),
            style,
        )));
    }
    lines.push(Line::raw(""));
    if bevestigen {
        let klant = app
            .start
            .verlopen
            .get(keuze)
            .map_or("", |v| v.klant.as_str());
        lines.push(Line::from(Span::styled(
            format!("Nogmaals Delete: alle genoemde bestanden van {klant} wissen. Dit kan niet ongedaan worden gemaakt."),
            t.warning,
        )));
        lines.push(Line::from(vec![
            Span::styled("Esc", t.key),
            Span::raw(" niet wissen"),
        ]));
    } else {
        lines.push(Line::from(vec![
            Span::styled("↑↓", t.key),
            Span::raw(" kiezen   "),
            Span::styled("Delete", t.key),
            Span::raw(" wissen (u krijgt eerst de vraag)   "),
            Span::styled("Esc", t.key),
            Span::raw(" nu niet"),
        ]));
    }
    let h = (lines.len() as u16 + 4).min(area.height);
    let title = " Bewaartermijn verstreken ".to_string();
    boxed(frame, area, (76, h), title, t.warning, lines, 0);
}

/// Stopping while the draft is not on disk: why, where the emergency copy is, the
/// choices (or the folders), and F10 apart from the list.
fn onbewaard(app: &App, frame: &mut Frame, area: Rect, o: &Onbewaard) {
    let t = &app.theme;
    let mut lines = vec![
        Line::from(Span::styled(
            "Het gesprek is niet opgeslagen. Wat wilt u doen?",
            t.error,
        )),
        Line::from(o.melding.as_str()),
    ];
    match &o.noodkopie {
        Some(p) => lines.push(Line::from(format!(
            "Een noodkopie staat in {}; die map kan tijdelijk zijn.",
            p.display()
        ))),
        None => lines.push(Line::from("Ook een noodkopie lukte niet.")),
    }
    lines.push(Line::raw(""));
    let rows: Vec<String> = if o.map_kiezen {
        o.mappen.iter().map(|p| p.display().to_string()).collect()
    } else {
        Onbewaard::KEUZES.iter().map(ToString::to_string).collect()
    };
    for (i, row) in rows.into_iter().enumerate() {
        let (mark, style) = if i == o.keuze {
            ("▶ ", t.selected)
        } else {
            ("  ", ratatui::style::Style::default())
        };
        lines.push(Line::from(Span::styled(format!("{mark}{row}"), style)));
    }
    lines.push(Line::raw(""));
    let back = if o.map_kiezen {
        "terug"
    } else {
        "terug naar het gesprek"
    };
    lines.push(Line::from(vec![
        Span::styled("↑↓", t.key),
        Span::raw(" kiezen   "),
        Span::styled("Enter", t.key),
        Span::raw(" doen   "),
        Span::styled("Esc", t.key),
        Span::raw(format!(" {back}")),
    ]));
    lines.push(Line::from(vec![
        Span::styled("F10", t.key),
        Span::styled(
            " stoppen zonder opslaan: wat niet is opgeslagen gaat verloren",
            t.warning,
        ),
    ]));
    let title = if o.map_kiezen {
        " Elders opslaan: kies een map "
    } else {
        " Niet opgeslagen "
    };
    // Room for the longer lines to wrap (folder names are long).
    let h = (lines.len() as u16 + 8).min(area.height);
    boxed(frame, area, (76, h), title.to_string(), t.error, lines, 0);
}

fn boxed<'a>(
    frame: &mut Frame,
    area: Rect,
    (w, h): (u16, u16),
    title: String,
    border: ratatui::style::Style,
    text: impl Into<ratatui::text::Text<'a>>,
    scroll: u16,
) {
    let r = centered(area, w, h);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(text)
            .block(Block::bordered().title(title).border_style(border))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}

fn help(app: &App, frame: &mut Frame, area: Rect) {
    let ctx = keymap::base_context(app);
    let mut lines = vec![
        Line::from(Span::styled(
            "Toetsen op dit scherm (uit de actieve toetsenindeling):",
            app.theme.emphasis,
        )),
        Line::raw(""),
    ];
    for b in app.keymap.for_ctx(ctx) {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{:<22}",
                    b.keys
                        .iter()
                        .map(|k| super::key_display(k))
                        .collect::<Vec<_>>()
                        .join(" / ")
                ),
                app.theme.key,
            ),
            Span::raw(b.cmd.label()),
        ]));
    }
    if keymap::is_typing(ctx) {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Letters zijn hier tekst. Esc gooit nooit tekst weg.",
            app.theme.muted,
        )));
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, 70, h);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Toetsen · Esc sluit ")
                .border_style(app.theme.focus),
        ),
        r,
    );
}

fn jump(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let targets = form::jump_targets(app);
    let items: Vec<ListItem> = targets
        .iter()
        .map(|(page, label)| {
            let here = if *page == app.page { "◀ " } else { "  " };
            ListItem::new(Line::from(vec![
                Span::styled(here, app.theme.focus),
                Span::raw(label.as_str()),
            ]))
        })
        .collect();
    let r = centered(area, 70, (targets.len() as u16 + 2).min(area.height - 2));
    frame.render_widget(Clear, r);
    let mut state = ListState::default();
    state.select(Some(selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(
                Block::bordered()
                    .title(" Naar stap · Enter gaat erheen · Esc sluit ")
                    .border_style(app.theme.focus),
            )
            .highlight_style(app.theme.selected),
        r,
        &mut state,
    );
}

fn toelichting(app: &App, frame: &mut Frame, area: Rect) {
    let Some(s) = app.current_step() else {
        return;
    };
    let mut lines = step::coaching_lines(app, s.stap);
    lines.push(Line::raw(""));
    lines.extend(step::technique_lines(app, s.stap));
    if !s.stap.bron.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!("Bron: {}", s.stap.bron.join(", ")),
            app.theme.muted,
        )));
    }
    let size = (area.width.saturating_sub(4), area.height.saturating_sub(2));
    let title = format!(" {} · Esc sluit ", s.stap.titel);
    boxed(frame, area, size, title, app.theme.focus, lines, 0);
}
