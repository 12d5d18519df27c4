//! The runner's part of storage limitation: finding the files past the municipality's
//! bewaartermijn for the start screen, and erasing one client's when asked twice.

use super::super::action::Action;
use super::super::app::App;
use super::Runner;
use crate::store::eventlog::Event as LogEvent;

impl Runner {
    /// Lists the clients whose files passed the bewaartermijn (none in practice mode).
    pub(super) fn list_verlopen(&mut self, app: &App) -> Option<Action> {
        use crate::store::opruimen;
        // Only real gesprekken have a term; practice stores no client files.
        if app.mode != super::super::app::Mode::Echt {
            return None;
        }
        self.verlopen = opruimen::zoek(&self.paths, &app.gemeente.bewaartermijn, app.today);
        Some(Action::VerlopenLoaded(
            self.verlopen
                .iter()
                .map(|v| super::super::app::VerlopenEntry {
                    klant: v.klant.clone(),
                    bestanden: v.bestanden.len(),
                    laatste: v.laatste.format("%-d-%-m-%Y").to_string(),
                })
                .collect(),
        ))
    }

    /// Erases the expired files of the n-th listed client.
    pub(super) fn wis_verlopen(&mut self, i: usize) -> Option<Action> {
        let v = self.verlopen.get(i)?.clone();
        let result = crate::store::opruimen::wis(&v);
        let gewist = match &result {
            Ok(g) => g.len(),
            Err(e) => e.gewist.len(),
        };
        if gewist > 0 {
            self.log(&LogEvent::KlantGewist { bestanden: gewist });
        }
        Some(Action::VerlopenGewist(
            result.map(|g| (v.klant, g.len())).map_err(|e| e.melding),
        ))
    }
}
