//! `update` for storage limitation at start: the clients whose files passed the
//! municipality's bewaartermijn are listed, and each can be erased with Delete pressed
//! twice (the first press says what will go). Nothing is erased silently, nor by a
//! letter, and the runner never offers a draft that a window holds open.

use super::super::action::{Action, Command};
use super::super::app::{App, MessageKind, Overlay, Screen};
use super::super::effect::Effect;

/// Results of the runner about expired files.
pub(super) fn result(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::VerlopenLoaded(list) => {
            app.start.verlopen = list;
            if !app.start.verlopen.is_empty()
                && app.screen == Screen::Start
                && app.overlay.is_none()
            {
                app.overlay = Some(Overlay::Bewaartermijn {
                    keuze: 0,
                    bevestigen: false,
                });
            }
            Vec::new()
        }
        Action::VerlopenGewist(Ok((klant, n))) => {
            app.start.verlopen.retain(|v| v.klant != klant);
            let what = if n == 1 { "bestand" } else { "bestanden" };
            app.info(
                MessageKind::Ok,
                format!("Van klant {klant} is {n} {what} gewist (bewaartermijn verstreken)."),
            );
            app.overlay = (!app.start.verlopen.is_empty()).then_some(Overlay::Bewaartermijn {
                keuze: 0,
                bevestigen: false,
            });
            vec![
                Effect::ListDrafts,
                Effect::ListClients,
                Effect::ListVerlopen,
            ]
        }
        Action::VerlopenGewist(Err(melding)) => {
            app.info(MessageKind::Error, melding);
            if let Some(Overlay::Bewaartermijn { bevestigen, .. }) = &mut app.overlay {
                *bevestigen = false;
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Keys while the list is open.
pub(super) fn command(app: &mut App, keuze: usize, bevestigen: bool, cmd: Command) -> Vec<Effect> {
    let last = app.start.verlopen.len().saturating_sub(1);
    let (keuze, bevestigen) = match cmd {
        Command::Omhoog => (keuze.saturating_sub(1), false),
        Command::Omlaag => ((keuze + 1).min(last), false),
        Command::Verwijderen if bevestigen => {
            app.overlay = Some(Overlay::Bewaartermijn {
                keuze,
                bevestigen: false,
            });
            return vec![Effect::WisVerlopen(keuze)];
        }
        Command::Verwijderen => (keuze, true),
        Command::Terug if bevestigen => (keuze, false),
        Command::Terug => {
            app.overlay = None;
            return Vec::new();
        }
        _ => (keuze, bevestigen),
    };
    app.overlay = Some(Overlay::Bewaartermijn { keuze, bevestigen });
    Vec::new()
}
