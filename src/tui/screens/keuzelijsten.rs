//! The overlays that are lists to choose from or questions with rows: the jump list, the
//! gemeente profiles for a new gesprek, clients past the bewaartermijn, and what to do
//! with text that could not be saved. Drawn here rather than as a box of text, since
//! they have a highlighted row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::super::action::Command;
use super::super::app::{App, Onbewaard};
use super::super::form;
use super::super::keymap::Ctx;
use super::{centered, key_hint};

pub(super) fn jump(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
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
pub(super) fn gemeente(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
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
pub(super) fn bewaartermijn(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    keuze: usize,
    bevestigen: bool,
) {
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
pub(super) fn onbewaard(app: &App, frame: &mut Frame, area: Rect, o: &Onbewaard) {
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
