//! Options hidden in the personal catalogue, brought back from "Hele catalogus": the
//! list of built-in (or team) options that the personal `catalogus.ron` hides, and after
//! a question the personal `verborgen` entry is removed, so the lower layer's option is
//! used again. Writing is the same effect as every other catalogue change.

use crate::core::eigen_catalogus::Wijziging;

use super::super::action::Command;
use super::super::app::{App, MessageKind, OptieVraag, Overlay, SuggTab};
use super::super::effect::Effect;

/// The options a lower layer has that the personal catalogue hides: (id, title).
pub fn verborgen(app: &App) -> Vec<(String, String)> {
    app.catalogus_onder
        .opties
        .iter()
        .filter(|o| app.data.catalogue.find(&o.id).is_none())
        .map(|o| (o.id.clone(), o.titel.clone()))
        .collect()
}

/// Opens the list of hidden options, or says there are none.
pub(super) fn toon_verborgen(app: &mut App) -> Vec<Effect> {
    if app.sugg_tab != SuggTab::Catalogus {
        return Vec::new();
    }
    if verborgen(app).is_empty() {
        app.info(
            MessageKind::Info,
            "U heeft geen ingebouwde opties verborgen.",
        );
    } else {
        app.open(Overlay::Verborgen(0));
    }
    Vec::new()
}

/// A command in the list of hidden options: Enter asks before bringing one back.
pub(super) fn verborgen_command(app: &mut App, i: usize, cmd: Command) -> Vec<Effect> {
    let lijst = verborgen(app);
    match cmd {
        Command::Omhoog => app.overlay = Some(Overlay::Verborgen(i.saturating_sub(1))),
        Command::Omlaag => {
            app.overlay = Some(Overlay::Verborgen(
                (i + 1).min(lijst.len().saturating_sub(1)),
            ));
        }
        Command::Kiezen => {
            if let Some((id, titel)) = lijst.get(i).cloned() {
                app.open(Overlay::OptieVraag(OptieVraag::Tonen(id, titel)));
            }
        }
        Command::Terug => app.overlay = None,
        _ => {}
    }
    Vec::new()
}

/// The answer to "show this option again?": no goes back to the list.
pub(super) fn vraag_command(app: &mut App, vraag: OptieVraag, cmd: Command) -> Vec<Effect> {
    match (vraag, cmd) {
        (OptieVraag::Tonen(id, _), Command::Ja) => {
            app.overlay = None;
            // Removing the personal `verborgen` entry brings the lower layer's option back.
            vec![Effect::Catalogus(Wijziging::Herstel(id))]
        }
        (OptieVraag::Tonen(..), Command::Nee) => {
            app.overlay = Some(Overlay::Verborgen(0));
            Vec::new()
        }
        _ => Vec::new(),
    }
}
