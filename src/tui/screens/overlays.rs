//! Overlays drawn over any screen: the keys (generated from the keymap), the jump list,
//! the full coaching text of a step, and the delete confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::super::app::{App, Overlay};
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
        Overlay::Globals(row, g) => super::trainer::globals(app, frame, area, *row, g),
        Overlay::Stoppen => super::trainer::stoppen(app, frame, area),
        Overlay::VerlaatOefenen => super::trainer::verlaat_oefenen(app, frame, area),
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
    }
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
    let lent = keymap::lent(app);
    if !lent.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Ook tijdens het turven (letters doen dan niets):",
            app.theme.emphasis,
        )));
        for (b, key) in lent {
            lines.push(Line::from(vec![
                Span::styled(format!("{:<22}", super::key_display(key)), app.theme.key),
                Span::raw(b.cmd.label()),
            ]));
        }
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
    // `bron` stays in the data for maintainers; the consultant's screen has no use for it.
    let size = (area.width.saturating_sub(4), area.height.saturating_sub(2));
    let title = format!(" {} · Esc sluit ", s.stap.titel);
    boxed(frame, area, size, title, app.theme.focus, lines, 0);
}
