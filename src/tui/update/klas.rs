//! `update` for the trainer's work: ending a round (the globals, then saving), stopping
//! with an unsaved tally (ask, and save first), leaving practice (confirm before real
//! clients appear), and the class session's choices on the start screen.

use super::super::action::Command;
use super::super::app::{App, MessageKind, Mode, Overlay, Page, Screen};
use super::super::effect::Effect;
use super::super::keymap::Ctx;
use super::super::klas::{MAX_TIMER, bewaar, onbewaard};
use crate::core::tally::Global;

/// Commands of the gesprek screen that are the trainer's (tallying, the demo client's
/// answer, the projector, ending a round) or that the trainer's work takes first
/// (stopping with an unsaved tally); `None` leaves the command to the page.
pub(super) fn gesprek_command(app: &mut App, cmd: Command) -> Option<Vec<Effect>> {
    match cmd {
        Command::Stoppen if onbewaard(app) => {
            app.overlay = Some(Overlay::Stoppen);
            Some(Vec::new())
        }
        Command::Turf(g) if app.turven => Some(turf(app, g)),
        Command::TurfOngedaan => Some(
            match app.session.tally.as_mut().and_then(|t| t.undo_laatste()) {
                Some(g) => {
                    app.info(MessageKind::Info, format!("Turf ongedaan: {}", g.label()));
                    super::changed(app)
                }
                None => Vec::new(),
            },
        ),
        Command::Onthullen => {
            app.reveal = !app.reveal;
            Some(Vec::new())
        }
        Command::Presentatie => {
            app.presentatie = !app.presentatie;
            app.dia = 0;
            Some(Vec::new())
        }
        // The projector's slides turn with the arrows.
        Command::Omhoog | Command::Omlaag if super::super::projector::aan(app) => {
            let n = super::super::projector::dias(app).len();
            app.dia = if cmd == Command::Omlaag {
                (app.dia + 1).min(n.saturating_sub(1))
            } else {
                app.dia.saturating_sub(1)
            };
            Some(Vec::new())
        }
        Command::RondeAfronden if app.session.oefenen => {
            let g = app
                .session
                .tally
                .as_ref()
                .and_then(|t| t.globals)
                .unwrap_or_default();
            app.overlay = Some(Overlay::Globals(0, g));
            Some(Vec::new())
        }
        _ => None,
    }
}

/// Commands inside the trainer's overlays; `None` when the overlay is not one of them.
pub(super) fn overlay_command(
    app: &mut App,
    overlay: &Overlay,
    cmd: Command,
) -> Option<Vec<Effect>> {
    match (overlay, cmd) {
        (Overlay::Globals(i, g), Command::Omhoog) => {
            app.overlay = Some(Overlay::Globals(i.saturating_sub(1), *g));
        }
        (Overlay::Globals(i, g), Command::Omlaag) => {
            app.overlay = Some(Overlay::Globals((i + 1).min(Global::ALL.len() - 1), *g));
        }
        (Overlay::Globals(i, g), Command::ScoreLager | Command::ScoreHoger) => {
            let mut g = *g;
            let which = Global::ALL[*i];
            let v = g.get(which);
            g.set(
                which,
                if cmd == Command::ScoreHoger {
                    v + 1
                } else {
                    v.saturating_sub(1)
                },
            );
            app.overlay = Some(Overlay::Globals(*i, g));
        }
        (Overlay::Globals(_, g), Command::Kiezen) => {
            app.overlay = None;
            app.session
                .tally
                .get_or_insert_with(Default::default)
                .globals = Some(*g);
            return Some(save(app, false));
        }
        // Only the dialog's own answer key (Alt+J by default), never Enter: a key still
        // held from the notes must not save and stop.
        (Overlay::Stoppen, Command::Ja) => {
            app.overlay = None;
            return Some(save(app, true));
        }
        (Overlay::VerlaatOefenen, Command::Ja) => {
            app.overlay = None;
            app.mode = Mode::Echt;
            app.start.selected = 0;
        }
        (Overlay::Globals(..) | Overlay::Stoppen | Overlay::VerlaatOefenen, _) => {
            if matches!(cmd, Command::Terug | Command::Nee) {
                app.overlay = None;
            }
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// Asks the runner to write the round or the practice report; stops afterwards when
/// asked. With nothing tallied there is nothing to lose: stopping just stops.
fn save(app: &mut App, stoppen: bool) -> Vec<Effect> {
    match bewaar(app, stoppen) {
        Some(effect) => {
            app.info(MessageKind::Info, "Trainersbestanden worden opgeslagen…");
            vec![effect]
        }
        None if stoppen => vec![Effect::Quit],
        None => {
            let key = hint(app, Command::Turven);
            app.info(
                MessageKind::Info,
                format!("Er is nog niets geturfd ({key}), dus er is geen rapport om op te slaan."),
            );
            Vec::new()
        }
    }
}

/// The first key of a gesprek command in the active keymap, for a message that names it.
fn hint(app: &App, cmd: Command) -> String {
    app.keymap
        .keys(Ctx::Notes, cmd)
        .first()
        .map_or_else(|| "—".to_string(), |k| (*k).to_string())
}

/// The runner wrote (or failed to write) trainer files.
pub(super) fn opgeslagen(
    app: &mut App,
    result: Result<Vec<std::path::PathBuf>, String>,
    ronde: Option<Box<crate::core::klas::Ronde>>,
    stoppen: bool,
) -> Vec<Effect> {
    let paths = match result {
        Ok(paths) => paths,
        Err(msg) => {
            // Nothing is lost: the round stays open and can be saved again.
            let key = hint(app, Command::RondeAfronden);
            app.info(
                MessageKind::Error,
                format!(
                    "Niet opgeslagen: {msg} De ronde blijft open; probeer het opnieuw met {key}."
                ),
            );
            return Vec::new();
        }
    };
    let shown = paths
        .first()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    app.exported = paths;
    app.changed_since_export = false;
    match (ronde, app.klas.as_mut()) {
        (Some(ronde), Some(k)) => {
            let nummer = ronde.nummer;
            k.klas.rondes.push(*ronde);
            // The overview is written last, after the round's own files.
            k.overzicht = app.exported.last().cloned();
            k.lopend = None;
            k.kies_volgende();
            app.info(
                MessageKind::Ok,
                format!("Ronde {nummer} opgeslagen: {shown}"),
            );
            // Back to the demo clients for the next round.
            app.screen = Screen::Start;
            app.turven = false;
            app.presentatie = false;
            app.overlay = None;
        }
        _ => app.info(MessageKind::Ok, format!("Rapport opgeslagen: {shown}")),
    }
    if stoppen {
        vec![Effect::Quit]
    } else {
        Vec::new()
    }
}

/// A practice session was opened: in a class session it is the next round, tallied
/// from the first second.
pub(super) fn sessie_geopend(app: &mut App) {
    if !app.session.oefenen {
        return;
    }
    if let Some(k) = app.klas.as_mut() {
        k.start_ronde();
        app.turven = true;
        app.session.tally.get_or_insert_with(Default::default);
        // The demo client's details are filled in: the round starts at the first step.
        let first = app.pages().into_iter().find(|p| matches!(p, Page::Step(_)));
        if let Some(page) = first {
            super::enter_page(app, page);
        }
    }
}

/// The runner reported the clock time a step began; the first one is the round's start.
pub(super) fn klok(app: &mut App, sinds: &str) {
    if let Some(l) = app.klas.as_mut().and_then(|k| k.lopend.as_mut())
        && l.begon.is_empty()
    {
        l.begon = sinds.to_string();
    }
}

/// Start-screen commands of trainer mode; `None` leaves the command to the start screen.
pub(super) fn start_command(
    app: &mut App,
    cmd: Command,
    echt_gekozen: bool,
) -> Option<Vec<Effect>> {
    if app.mode != Mode::Oefenen {
        return None;
    }
    if echt_gekozen && cmd == Command::Kiezen {
        app.overlay = Some(Overlay::VerlaatOefenen);
        return Some(Vec::new());
    }
    let k = app.klas.as_mut()?;
    let n = k.klas.deelnemers.len().max(1);
    match cmd {
        Command::DeelnemerVolgende => k.gekozen = (k.gekozen + 1) % n,
        Command::DeelnemerVorige => k.gekozen = (k.gekozen + n - 1) % n,
        Command::TimerLanger => k.timer = (k.timer + 60).min(MAX_TIMER),
        Command::TimerKorter => k.timer = k.timer.saturating_sub(60),
        _ => return None,
    }
    Some(Vec::new())
}

/// Counts one code at the current step, on the timeline at the runner's clock.
pub(super) fn turf(app: &mut App, g: crate::core::tally::Gedrag) -> Vec<Effect> {
    let step = app.session.huidige_stap.clone();
    let sec = app.verstreken;
    app.session
        .tally
        .get_or_insert_with(Default::default)
        .add_op(&step, g, sec);
    super::changed(app)
}
