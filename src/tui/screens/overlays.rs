//! Overlays drawn over any screen: the keys (generated from the keymap), the jump list,
//! the full coaching text of a step, a client's plan, and the questions (delete a
//! draft, a possible BSN, the export gate). Every overlay with text scrolls, and says
//! so only when there is more than fits; every key a question offers comes from the
//! active keymap, so what it says is what works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::super::action::Command;
use super::super::app::{App, Overlay};
use super::super::keymap::{self, Ctx};
use super::keuzelijsten::{bewaartermijn, gemeente, jump, onbewaard};
use super::{centered, key_hint, step, wrapped_height};

/// An overlay with text: its box, title, border and lines.
struct Boxed<'a> {
    size: (u16, u16),
    title: String,
    border: Style,
    lines: Vec<Line<'a>>,
}

/// A question's answer line: the key (from the keymap) and what it does.
fn answer<'a>(app: &App, ctx: Ctx, cmd: Command, what: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!(" {:<8}", key_hint(app, ctx, cmd)), app.theme.key),
        Span::raw(what),
    ])
}

fn content<'a>(app: &'a App, area: Rect) -> Option<Boxed<'a>> {
    let full = (area.width.saturating_sub(4), area.height.saturating_sub(2));
    let boxed = match app.overlay.as_ref()? {
        Overlay::Help => {
            let lines = help_lines(app);
            let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
            Boxed {
                size: (72, h),
                title: " Toetsen ".into(),
                border: app.theme.focus,
                lines,
            }
        }
        Overlay::Jump(_)
        | Overlay::Onbewaard(_)
        | Overlay::Bewaartermijn { .. }
        | Overlay::Globals(..)
        | Overlay::Stoppen
        | Overlay::VerlaatOefenen
        | Overlay::PlanTekst(_)
        | Overlay::Optie
        | Overlay::OptieVraag(_)
        | Overlay::Term
        | Overlay::Verborgen(_)
        | Overlay::Gemeente(_) => return None,
        Overlay::Toelichting => {
            let s = app.current_step()?;
            let mut lines = step::coaching_lines(app, s.stap);
            lines.push(Line::raw(""));
            lines.extend(step::technique_lines(app, s.stap));
            // `bron` stays in the data for maintainers; the consultant has no use for it.
            Boxed {
                size: full,
                title: format!(" {} ", s.stap.titel),
                border: app.theme.focus,
                lines,
            }
        }
        Overlay::Plan(title, text) => Boxed {
            size: full,
            title: format!(" {title} "),
            border: app.theme.focus,
            lines: Text::from(text.as_str()).lines,
        },
        Overlay::Bsn(text) => {
            let mut lines: Vec<Line> = Text::from(text.as_str())
                .lines
                .into_iter()
                .map(|l| l.style(app.theme.warning))
                .collect();
            lines.push(Line::raw(""));
            lines.push(answer(
                app,
                Ctx::Bsn,
                Command::Ja,
                "verwijderen en dan opslaan",
            ));
            lines.push(answer(
                app,
                Ctx::Bsn,
                Command::TochOpslaan,
                "toch opslaan: het is geen BSN",
            ));
            lines.push(answer(app, Ctx::Bsn, Command::Nee, "terug, niets opslaan"));
            let h = wrapped_height(&lines, 74) + 2;
            Boxed {
                size: (76, h),
                title: " Mogelijk een BSN ".into(),
                border: app.theme.warning,
                lines,
            }
        }
        Overlay::Gate(found) => {
            let mut lines = vec![
                Line::from(Span::styled("Dit plan is nog niet af:", app.theme.emphasis)),
                Line::raw(""),
            ];
            for f in found {
                lines.push(Line::from(vec![
                    Span::styled(" ⚠ ", app.theme.warning),
                    Span::raw(f.as_str()),
                ]));
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(
                "Als concept heet het bestand ‘…-concept’ en staat er ‘concept’ boven het plan.",
                app.theme.muted,
            )));
            lines.push(answer(
                app,
                Ctx::Gate,
                Command::AlsConcept,
                "opslaan als concept",
            ));
            lines.push(answer(
                app,
                Ctx::Gate,
                Command::Nee,
                "terug om het af te maken",
            ));
            let h = wrapped_height(&lines, 74) + 2;
            Boxed {
                size: (76, h),
                title: " Plan opslaan ".into(),
                border: app.theme.warning,
                lines,
            }
        }
        Overlay::Bijzonder(v, open) => {
            let mut lines = vec![
                Line::from(Span::styled(v.beschrijving(), app.theme.warning)),
                Line::raw(""),
                Line::from(
                    "Dit zijn bijzondere persoonsgegevens (AVG art. 9). Zet in het plan alleen wat de afspraken nodig hebben.",
                ),
            ];
            if v.over.is_some() {
                lines.push(Line::from(
                    "Het gaat over iemand anders; die heeft niet ingestemd met dit plan.",
                ));
            }
            lines.push(Line::raw(""));
            let neutraal = format!("vervangen door ‘{}’", v.neutraal);
            lines.push(answer(app, Ctx::Bijzonder, Command::Houden, "laten staan"));
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        " {:<8}",
                        key_hint(app, Ctx::Bijzonder, Command::Herschrijven)
                    ),
                    app.theme.key,
                ),
                Span::raw(neutraal),
            ]));
            lines.push(answer(app, Ctx::Bijzonder, Command::Weghalen, "weghalen"));
            lines.push(answer(
                app,
                Ctx::Bijzonder,
                Command::Nee,
                "terug, niets opslaan",
            ));
            let h = wrapped_height(&lines, 74) + 2;
            Boxed {
                size: (76, h),
                title: format!(" Bijzondere gegevens · nog {open} "),
                border: app.theme.warning,
                lines,
            }
        }
        Overlay::ConfirmDelete(_, klant) => Boxed {
            size: (64, 8),
            title: " Verwijderen ".into(),
            border: app.theme.warning,
            lines: vec![
                Line::from(format!("Het concept van {klant} verwijderen?")),
                Line::from(Span::styled(
                    "Alle notities van dit gesprek gaan dan verloren.",
                    app.theme.warning,
                )),
                Line::raw(""),
                answer(app, Ctx::Confirm, Command::Ja, "ja, verwijderen"),
                answer(app, Ctx::Confirm, Command::Nee, "nee"),
            ],
        },
    };
    Some(boxed)
}

/// The box an overlay takes in `area`, and the rows of text inside it.
fn geometry(area: Rect, size: (u16, u16)) -> (Rect, Rect) {
    let r = centered(area, size.0, size.1);
    let inner = Block::bordered().inner(r);
    (r, inner)
}

/// How far the open overlay's text can scroll at the app's terminal size.
pub fn max_scroll(app: &App) -> u16 {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let Some(b) = content(app, area) else {
        return 0;
    };
    let (_, inner) = geometry(area, b.size);
    wrapped_height(&b.lines, inner.width).saturating_sub(inner.height)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(overlay) = &app.overlay else {
        return;
    };
    match overlay {
        Overlay::Jump(selected) => return jump(app, frame, area, *selected),
        Overlay::PlanTekst(i) => return super::plan_tekst::render(app, frame, area, *i),
        Overlay::Gemeente(i) => return gemeente(app, frame, area, *i),
        Overlay::Onbewaard(o) => return onbewaard(app, frame, area, o),
        Overlay::Bewaartermijn { keuze, bevestigen } => {
            return bewaartermijn(app, frame, area, *keuze, *bevestigen);
        }
        Overlay::Globals(row, g) => return super::trainer::globals(app, frame, area, *row, g),
        Overlay::Stoppen => return super::trainer::stoppen(app, frame, area),
        Overlay::VerlaatOefenen => return super::trainer::verlaat_oefenen(app, frame, area),
        Overlay::Optie => return super::optie::render(app, frame, area),
        Overlay::Term => {
            // Over the option form that opened it, so the consultant sees where it goes.
            if app.optie_form.is_some() && app.term_form.as_ref().is_some_and(|f| f.voor.is_some())
            {
                super::optie::render(app, frame, area);
            }
            return super::term::render(app, frame, area);
        }
        Overlay::OptieVraag(v) => return super::optie::vraag(app, frame, area, v),
        Overlay::Verborgen(i) => return super::optie::verborgen(app, frame, area, *i),
        _ => {}
    }
    let Some(b) = content(app, area) else {
        return;
    };
    let ctx = keymap::context(app);
    let (r, inner) = geometry(area, b.size);
    let max = wrapped_height(&b.lines, inner.width).saturating_sub(inner.height);
    let scroll = app.overlay_scroll.min(max);
    let mut block = Block::bordered()
        .title(Span::styled(b.title, app.theme.title))
        .border_style(b.border);
    // Say how to close and scroll, with the keys that do it here, and scrolling only
    // when there is more than fits.
    let mut bottom = Vec::new();
    if max > 0 {
        let where_ = if scroll == 0 {
            "meer hieronder"
        } else if scroll >= max {
            "einde"
        } else {
            "meer"
        };
        bottom.push(format!(
            "{}{} {} {} · {where_}",
            key_hint(app, ctx, Command::Omhoog),
            key_hint(app, ctx, Command::Omlaag),
            key_hint(app, ctx, Command::BladOmhoog),
            key_hint(app, ctx, Command::BladOmlaag),
        ));
    }
    if !matches!(
        overlay,
        Overlay::Bsn(_) | Overlay::Gate(_) | Overlay::ConfirmDelete(..) | Overlay::Bijzonder(..)
    ) {
        bottom.push(format!("{} sluit", key_hint(app, ctx, Command::Terug)));
    }
    if !bottom.is_empty() {
        block = block.title_bottom(Span::styled(
            format!(" {} ", bottom.join(" · ")),
            app.theme.muted,
        ));
    }
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(b.lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}

fn help_lines(app: &App) -> Vec<Line<'static>> {
    let ctx = keymap::base_context(app);
    let mut lines = vec![
        Line::from(Span::styled(
            "Toetsen op dit scherm (uit de actieve toetsenindeling):",
            app.theme.emphasis,
        )),
        Line::raw(""),
    ];
    for b in app
        .keymap
        .for_ctx(ctx)
        .filter(|b| !b.keys.is_empty() && keymap::applies(app, ctx, b.cmd))
    {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{:<24}",
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
    if keymap::is_search(ctx) {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Typen zoekt in de lijst. Esc gooit nooit tekst weg.",
            app.theme.muted,
        )));
    } else if keymap::is_typing(ctx) {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Letters zijn hier tekst. Esc gooit nooit tekst weg.",
            app.theme.muted,
        )));
    }
    lines
}
