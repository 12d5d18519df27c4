//! The live MI tally strip (tally mode, F6): the count per code with the key that adds
//! it (from the active keymap, so a remapped key shows as remapped), the client's change
//! and sustain talk, and R:Q, %CR and % open questions against the MITI thresholds,
//! which are labelled as expert opinion. Drawn along the bottom so every page stays usable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::core::tally::{Gedrag, Niveau, Spreker, Tally, percent_text, ratio_text};

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;

/// Height of the strip: a border, two lines of consultant codes, one of client talk and
/// totals, one of scores, one of thresholds.
pub const HEIGHT: u16 = 7;

/// The first key bound to a command in tally mode ("" when the user unbound it).
pub fn key_for(app: &App, cmd: Command) -> String {
    app.keymap
        .for_ctx(Ctx::Tally)
        .find(|b| b.cmd == cmd)
        .and_then(|b| b.keys.first().cloned())
        .unwrap_or_default()
}

fn niveau_label(n: Option<Niveau>) -> &'static str {
    match n {
        Some(Niveau::Goed) => "goed",
        Some(Niveau::Redelijk) => "redelijk",
        Some(Niveau::Onder) => "onder",
        None => "–",
    }
}

fn code_spans<'a>(app: &App, tally: &Tally, codes: &[Gedrag]) -> Vec<Span<'a>> {
    let t = &app.theme;
    let mut out = Vec::new();
    for &g in codes {
        out.push(Span::styled(
            format!("{} ", key_for(app, Command::Turf(g))),
            t.key,
        ));
        let style = if g.mi_inconsistent() {
            t.warning
        } else {
            t.base
        };
        out.push(Span::styled(
            format!("{} {}", g.kort(), tally.count(g)),
            style,
        ));
        out.push(Span::styled("  ", t.muted));
    }
    out
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let empty = Tally::default();
    let tally = app.session.tally.as_ref().unwrap_or(&empty);
    let t = &app.theme;
    let consulent: Vec<Gedrag> = Gedrag::ALL
        .iter()
        .copied()
        .filter(|g| g.spreker() == Spreker::Consulent)
        .collect();
    let (first, second) = consulent.split_at(6);
    let mut klant = code_spans(app, tally, &[Gedrag::Verandertaal, Gedrag::Behoudtaal]);
    klant.push(Span::styled(
        format!(
            "CT:ST {} ({} verandertaal)  ",
            tally.ct_st().map_or("–".into(), ratio_text),
            tally.pct_verandertaal().map_or("–".into(), percent_text)
        ),
        t.emphasis,
    ));
    klant.push(Span::styled(
        format!(
            "MI-consistent {} · niet {}",
            tally.mi_adherent(),
            tally.mi_inconsistent()
        ),
        t.muted,
    ));
    let mut scores: Vec<Span> = Vec::new();
    for s in tally.scores() {
        let value = s.value.map_or("–".to_string(), |v| s.maat.format(v));
        let style = match s.niveau {
            Some(Niveau::Onder) => t.warning,
            _ => t.emphasis,
        };
        scores.push(Span::styled(format!("{} {value} ", s.maat.kort()), style));
        scores.push(Span::styled(
            format!("{}  ", niveau_label(s.niveau)),
            t.muted,
        ));
    }
    let lines = vec![
        Line::from(code_spans(app, tally, first)),
        Line::from(code_spans(app, tally, second)),
        Line::from(klant),
        Line::from(scores),
        Line::from(Span::styled(
            "drempels expertoordeel MITI 4.2.1: R:Q 1:1/2:1 · %CR 40/50 % · %open 50/70 %",
            t.muted,
        )),
    ];
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " TURVEN · geen notities · {} ongedaan · {} stopt ",
                super::key_hint(app, Ctx::Tally, Command::TurfOngedaan),
                super::key_hint(app, Ctx::Tally, Command::Turven),
            ),
            t.focus,
        ))
        .border_style(t.focus);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
