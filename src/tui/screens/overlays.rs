//! Overlays drawn over any screen: the keys (generated from the keymap), the jump list,
//! the full coaching text of a step, a client's plan, and the questions (delete a
//! draft, a possible BSN, the export gate). Every overlay with text scrolls, and says
//! so only when there is more than fits; every key a question offers comes from the
//! active keymap, so what it says is what works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::super::action::Command;
use super::super::app::{App, Onbewaard, Overlay};
use super::super::form;
use super::super::keymap::{self, Ctx};
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
    let r = centered(
        area,
        72,
        (targets.len() as u16 + 2).min(area.height.saturating_sub(2)),
    );
    frame.render_widget(Clear, r);
    let mut state = ListState::default();
    state.select(Some(selected));
    let title = format!(
        " Naar stap · {} gaat erheen · {} sluit ",
        key_hint(app, Ctx::Jump, Command::Kiezen),
        key_hint(app, Ctx::Jump, Command::Terug)
    );
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(title).border_style(app.theme.focus))
            .highlight_style(app.theme.selected),
        r,
        &mut state,
    );
}

/// A new gesprek: the gemeente profiles to choose from, the newest used highlighted.
fn gemeente(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let items: Vec<ListItem> = app
        .profielen
        .iter()
        .map(|p| {
            let naam = crate::app::gesprek::profiel_naam(p);
            let regels = format!(
                "max. {} uur · {}",
                p.gemeente.max_uren,
                if p.gemeente.verplicht {
                    "verplicht"
                } else {
                    "vrijwillig"
                }
            );
            ListItem::new(Line::from(vec![
                Span::raw(format!(" {naam}  ")),
                Span::styled(regels, app.theme.muted),
            ]))
        })
        .collect();
    let r = centered(
        area,
        64,
        (items.len() as u16 + 2).min(area.height.saturating_sub(2)),
    );
    frame.render_widget(Clear, r);
    let mut state = ListState::default();
    state.select(Some(selected));
    let title = format!(
        " Nieuw gesprek voor welke gemeente? · {} kiest · {} terug ",
        key_hint(app, Ctx::Gemeente, Command::Kiezen),
        key_hint(app, Ctx::Gemeente, Command::Terug)
    );
    frame.render_stateful_widget(
        List::new(items)
            .block(
                Block::bordered()
                    .title(super::truncate(&title, r.width.saturating_sub(2) as usize))
                    .border_style(app.theme.focus),
            )
            .highlight_style(app.theme.selected),
        r,
        &mut state,
    );
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
            format!("Nogmaals {}: alle genoemde bestanden van {klant} wissen. Dit kan niet ongedaan worden gemaakt.", key_hint(app, Ctx::Bewaartermijn, Command::Verwijderen)),
            t.warning,
        )));
        lines.push(Line::from(vec![
            Span::styled(key_hint(app, Ctx::Bewaartermijn, Command::Terug), t.key),
            Span::raw(" niet wissen"),
        ]));
    } else {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{}{}",
                    key_hint(app, Ctx::Bewaartermijn, Command::Omhoog),
                    key_hint(app, Ctx::Bewaartermijn, Command::Omlaag)
                ),
                t.key,
            ),
            Span::raw(" kiezen   "),
            Span::styled(
                key_hint(app, Ctx::Bewaartermijn, Command::Verwijderen),
                t.key,
            ),
            Span::raw(" wissen (u krijgt eerst de vraag)   "),
            Span::styled(key_hint(app, Ctx::Bewaartermijn, Command::Terug), t.key),
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
        Span::styled(
            format!(
                "{}{}",
                key_hint(app, Ctx::Onbewaard, Command::Omhoog),
                key_hint(app, Ctx::Onbewaard, Command::Omlaag)
            ),
            t.key,
        ),
        Span::raw(" kiezen   "),
        Span::styled(key_hint(app, Ctx::Onbewaard, Command::Kiezen), t.key),
        Span::raw(" doen   "),
        Span::styled(key_hint(app, Ctx::Onbewaard, Command::Terug), t.key),
        Span::raw(format!(" {back}")),
    ]));
    lines.push(Line::from(vec![
        Span::styled(
            key_hint(app, Ctx::Onbewaard, Command::StoppenZonderOpslaan),
            t.key,
        ),
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
