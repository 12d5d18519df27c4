//! The live MI tally strip (tally mode, F6): the count per behaviour with the key that
//! adds it, and R:Q, %CR and % open questions against the MITI thresholds, which are
//! labelled as expert opinion. Drawn along the bottom so every page stays usable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::core::tally::{Gedrag, Niveau, Tally};

use super::super::app::App;

/// Height of the strip.
pub const HEIGHT: u16 = 6;

fn short(g: Gedrag) -> &'static str {
    match g {
        Gedrag::NeutraalInformeren => "Informeren",
        Gedrag::OpenVraag => "Open vraag",
        Gedrag::GeslotenVraag => "Gesloten",
        Gedrag::ReflectieEenvoudig => "Refl. eenv.",
        Gedrag::ReflectieComplex => "Refl. compl.",
        Gedrag::Bekrachtigen => "Bekrachtigen",
        Gedrag::Samenvatten => "Samenvatten",
        Gedrag::OvertuigenZonderToestemming => "Overtuigen✗",
        Gedrag::Confronteren => "Confronteren✗",
    }
}

fn niveau_label(n: Option<Niveau>) -> &'static str {
    match n {
        Some(Niveau::Goed) => "goed",
        Some(Niveau::Redelijk) => "redelijk",
        Some(Niveau::Onder) => "onder",
        None => "–",
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let empty = Tally::default();
    let tally = app.session.tally.as_ref().unwrap_or(&empty);
    let t = &app.theme;
    let mut counts: Vec<Span> = Vec::new();
    for g in Gedrag::ALL {
        counts.push(Span::styled(format!("{} ", g.toets()), t.key));
        let style = if g.mi_inconsistent() {
            t.warning
        } else {
            t.base
        };
        counts.push(Span::styled(
            format!("{} {}", short(g), tally.count(g)),
            style,
        ));
        counts.push(Span::styled("  ", t.muted));
    }
    let mut scores: Vec<Span> = Vec::new();
    for s in tally.scores() {
        let value = s.value.map_or("–".to_string(), |v| s.maat.format(v));
        let style = match s.niveau {
            Some(Niveau::Onder) => t.warning,
            _ => t.emphasis,
        };
        let name = match s.maat {
            crate::core::tally::Maat::Rq => "R:Q",
            crate::core::tally::Maat::PctCr => "%CR",
            crate::core::tally::Maat::PctOpen => "%open",
        };
        scores.push(Span::styled(format!("{name} {value} "), style));
        scores.push(Span::styled(
            format!("({})  ", niveau_label(s.niveau)),
            t.muted,
        ));
    }
    let lines = vec![
        Line::from(counts),
        Line::from(scores),
        Line::from(Span::styled(
            "Drempels (expertoordeel, MITI 4.2.1): R:Q 1:1/2:1 · %CR 40/50 % · %open 50/70 % (MITI 3)",
            t.muted,
        )),
    ];
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " TURVEN · cijfer telt · {} ongedaan · {} stopt ",
                super::key_hint(
                    app,
                    super::super::keymap::Ctx::Tally,
                    super::super::action::Command::TurfOngedaan
                ),
                super::key_hint(
                    app,
                    super::super::keymap::Ctx::Tally,
                    super::super::action::Command::Turven
                )
            ),
            t.focus,
        ))
        .border_style(t.focus);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
