//! `update` for the start screen: new gesprek, drafts, the client overview with its
//! filter, and the switch between real gesprekken and practice.

use super::super::action::Command;
use super::super::app::{App, Mode, Overlay, StartItem};
use super::super::effect::Effect;
use super::clamp_start;

pub(super) fn start_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let items = app.start_items();
    match cmd {
        Command::Stoppen => return vec![Effect::Quit],
        Command::Help => app.open(Overlay::Help),
        Command::Omhoog => app.start.selected = app.start.selected.saturating_sub(1),
        Command::Omlaag => {
            app.start.selected = (app.start.selected + 1).min(items.len().saturating_sub(1));
        }
        Command::Nieuw if app.mode == Mode::Echt => return nieuw(app),
        Command::Filteren => {
            app.start.filtering = true;
            app.start.selected = 0;
        }
        Command::Terug => {
            // Leaving the filter keeps it applied; Esc on an applied filter clears it.
            if !app.start.filtering {
                app.start.filter.clear();
            }
            app.start.filtering = false;
            // Land on the first matching client, where one would continue.
            if let Some(i) = app
                .start_items()
                .iter()
                .position(|it| matches!(it, StartItem::Client(_)))
                .filter(|_| !app.start.filter.is_empty())
            {
                app.start.selected = i;
            }
            clamp_start(app);
        }
        Command::Kiezen => match items.get(app.start.selected) {
            Some(StartItem::Nieuw) => return nieuw(app),
            Some(StartItem::Draft(i)) => {
                return vec![Effect::LoadDraft(app.start.drafts[*i].id.clone())];
            }
            Some(StartItem::Client(i)) => {
                return vec![Effect::StartVervolg(app.start.clients[*i].sessie.clone())];
            }
            Some(StartItem::Oefenklant(i)) => return vec![Effect::CreateOefenSession(*i)],
            Some(StartItem::Oefenen) => {
                app.mode = Mode::Oefenen;
                app.start.selected = 0;
            }
            Some(StartItem::Echt) => {
                app.mode = Mode::Echt;
                app.start.selected = 0;
            }
            None => {}
        },
        Command::PlanBekijken => {
            if let Some(StartItem::Client(i)) = items.get(app.start.selected) {
                return vec![Effect::ReadPlan(app.start.clients[*i].sessie.clone())];
            }
        }
        Command::Verwijderen => {
            if let Some(StartItem::Draft(i)) = items.get(app.start.selected) {
                let d = &app.start.drafts[*i];
                let overlay = Overlay::ConfirmDelete(d.id.clone(), d.klant.clone());
                app.open(overlay);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A new gesprek: with several gemeente profiles, first the question which one applies
/// (the one of the newest gesprek highlighted); with one or none, straight away.
fn nieuw(app: &mut App) -> Vec<Effect> {
    if app.profielen.len() > 1 {
        let standaard = crate::app::gesprek::standaard_profiel(
            &app.profielen,
            app.start
                .clients
                .iter()
                .map(|c| (c.datum, c.gemeente.as_deref())),
        );
        let i = standaard
            .and_then(|p| app.profielen.iter().position(|q| q == p))
            .unwrap_or(0);
        app.open(Overlay::Gemeente(i));
        return Vec::new();
    }
    vec![Effect::CreateSession(
        app.profielen.first().map(|p| p.naam.clone()),
    )]
}
