//! The trainer's keys, kept apart from the general table: the tally codes on the numeric
//! keypad (the one place where digits act as commands, and only while tally mode is on),
//! ending a round and rating its globals, the projector's slides, and the class
//! session's choices on the start screen. All of them can be remapped in `toetsen.ron`.

use ratatui::crossterm::event::KeyCode;

use super::super::action::Command;
use super::super::app::App;
use super::{Binding, Ctx, DefaultBinding, GESPREK, b, base_context, page_context, parse_key};
use crate::core::tally::Gedrag;

/// Whether a key name is a plain character (which tally mode never lends to the page).
fn typed(key: &str) -> bool {
    matches!(parse_key(key), Some((KeyCode::Char(_), m)) if m.is_empty())
}

/// In tally mode, the page's own commands that still work, each with the first key that
/// does (one that cannot be typed): for the help overlay and the hints, so Ctrl+S on the
/// review page is found while the letter `e` does nothing.
pub fn lent(app: &App) -> Vec<(&Binding, &str)> {
    if base_context(app) != Ctx::Tally {
        return Vec::new();
    }
    app.keymap
        .for_ctx(page_context(app))
        .filter(|b| !b.ctx.contains(&Ctx::Tally))
        .filter_map(|b| b.keys.iter().find(|k| !typed(k)).map(|k| (b, k.as_str())))
        .collect()
}

/// The trainer's default bindings, added after the general ones.
pub const BINDINGS: &[DefaultBinding] = &[
    // Tally codes: the whole numeric keypad, in the order of `Gedrag::ALL`.
    b(
        &[Ctx::Tally],
        &["1"],
        Command::Turf(Gedrag::NeutraalInformeren),
    ),
    b(&[Ctx::Tally], &["2"], Command::Turf(Gedrag::OpenVraag)),
    b(&[Ctx::Tally], &["3"], Command::Turf(Gedrag::GeslotenVraag)),
    b(
        &[Ctx::Tally],
        &["4"],
        Command::Turf(Gedrag::ReflectieEenvoudig),
    ),
    b(
        &[Ctx::Tally],
        &["5"],
        Command::Turf(Gedrag::ReflectieComplex),
    ),
    b(&[Ctx::Tally], &["6"], Command::Turf(Gedrag::Bekrachtigen)),
    b(&[Ctx::Tally], &["7"], Command::Turf(Gedrag::Samenvatten)),
    b(
        &[Ctx::Tally],
        &["8"],
        Command::Turf(Gedrag::SamenwerkingZoeken),
    ),
    b(
        &[Ctx::Tally],
        &["9"],
        Command::Turf(Gedrag::AutonomieBenadrukken),
    ),
    b(
        &[Ctx::Tally],
        &["0"],
        Command::Turf(Gedrag::OvertuigenMetToestemming),
    ),
    b(
        &[Ctx::Tally],
        &["."],
        Command::Turf(Gedrag::OvertuigenZonderToestemming),
    ),
    b(&[Ctx::Tally], &["/"], Command::Turf(Gedrag::Confronteren)),
    b(&[Ctx::Tally], &["+"], Command::Turf(Gedrag::Verandertaal)),
    b(&[Ctx::Tally], &["-"], Command::Turf(Gedrag::Behoudtaal)),
    b(GESPREK, &["F7"], Command::RondeAfronden),
    b(&[Ctx::Presentatie], &["Up", "Left"], Command::Omhoog),
    b(&[Ctx::Presentatie], &["Down", "Right"], Command::Omlaag),
    b(&[Ctx::Presentatie], &["Esc"], Command::Presentatie),
    b(&[Ctx::Globals], &["Up"], Command::Omhoog),
    b(&[Ctx::Globals], &["Down"], Command::Omlaag),
    b(&[Ctx::Globals], &["Left", "-"], Command::ScoreLager),
    b(&[Ctx::Globals], &["Right", "+"], Command::ScoreHoger),
    b(&[Ctx::Globals], &["Enter"], Command::Kiezen),
    b(&[Ctx::Globals], &["Esc"], Command::Terug),
    b(&[Ctx::Confirm], &["Enter"], Command::Kiezen),
    b(&[Ctx::Start], &["Right"], Command::DeelnemerVolgende),
    b(&[Ctx::Start], &["Left"], Command::DeelnemerVorige),
    b(&[Ctx::Start], &["PgUp"], Command::TimerLanger),
    b(&[Ctx::Start], &["PgDn"], Command::TimerKorter),
];
