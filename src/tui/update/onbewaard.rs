//! `update` for stopping while the draft cannot be saved. The app never stops with typed
//! text only in memory: when the save that comes with stopping fails, the consultant
//! chooses between trying again, saving in another folder, copying the text to the
//! clipboard, or going back. Losing the text takes F10, a key nobody presses while
//! typing, and is never a highlighted row that Enter could pick by accident.

use super::super::action::{Action, Command};
use super::super::app::{App, MessageKind, Onbewaard, Overlay};
use super::super::effect::Effect;

/// Results of the runner that belong to stopping.
pub(super) fn result(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Afsluiten => {
            app.overlay = None;
            app.quit = true;
        }
        Action::QuitBlocked {
            melding,
            noodkopie,
            mappen,
        } => {
            app.save_error = Some(melding.clone());
            app.overlay = Some(Overlay::Onbewaard(Onbewaard {
                melding,
                noodkopie,
                mappen,
                keuze: 0,
                map_kiezen: false,
            }));
        }
        Action::SavedElsewhere(Ok(path)) => {
            app.afscheid = Some(format!(
                "Het gesprek is opgeslagen in {}. Zet het bestand terug in de map met \
                 concepten om verder te gaan.",
                path.display()
            ));
            app.overlay = None;
            app.quit = true;
        }
        Action::Copied(Ok(())) => {
            app.afscheid = Some(
                "Het gesprek staat op het klembord. Plak het nu in een document en sla dat op."
                    .to_string(),
            );
            app.overlay = None;
            app.quit = true;
        }
        Action::SavedElsewhere(Err(melding)) | Action::Copied(Err(melding)) => {
            if let Some(Overlay::Onbewaard(o)) = &mut app.overlay {
                o.melding = melding;
                o.map_kiezen = false;
            } else {
                app.info(MessageKind::Error, melding);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Keys while the choice is open.
pub(super) fn command(app: &mut App, mut o: Onbewaard, cmd: Command) -> Vec<Effect> {
    let rows = if o.map_kiezen {
        o.mappen.len()
    } else {
        Onbewaard::KEUZES.len()
    };
    match cmd {
        Command::Omhoog => o.keuze = o.keuze.saturating_sub(1),
        Command::Omlaag => o.keuze = (o.keuze + 1).min(rows.saturating_sub(1)),
        Command::StoppenZonderOpslaan => {
            app.overlay = None;
            app.quit = true;
            return Vec::new();
        }
        Command::Terug if o.map_kiezen => {
            o.map_kiezen = false;
            o.keuze = 1;
        }
        Command::Terug => {
            app.overlay = None;
            return Vec::new();
        }
        Command::Kiezen if o.map_kiezen => {
            if let Some(dir) = o.mappen.get(o.keuze).cloned() {
                app.overlay = Some(Overlay::Onbewaard(o));
                return vec![Effect::SaveElsewhere(dir)];
            }
        }
        Command::Kiezen => match o.keuze {
            0 => {
                app.overlay = None;
                return vec![Effect::Quit];
            }
            1 => {
                o.map_kiezen = true;
                o.keuze = 0;
            }
            2 => {
                app.overlay = Some(Overlay::Onbewaard(o));
                return vec![Effect::CopyToClipboard];
            }
            _ => {
                app.overlay = None;
                return Vec::new();
            }
        },
        _ => {}
    }
    app.overlay = Some(Overlay::Onbewaard(o));
    Vec::new()
}
