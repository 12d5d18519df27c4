//! The class session in the TUI: its state (the session, who plays next, the timer, the
//! round being played) and the pure steps that turn a finished round into the files to
//! write. The runner writes them; the round joins the class only once it is on disk.

use std::path::PathBuf;

use crate::core::klas::{Klas, Ronde, overzicht_markdown, ronde_csv, ronde_markdown};
use crate::core::tally::ReportMeta;
use crate::store::files::sanitize;
use crate::store::trainer::klas_stem;

use super::app::App;
use super::effect::Effect;

/// The round being played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lopend {
    pub nummer: u32,
    pub deelnemer: String,
    /// Clock time it began ("14:02"), filled in when the runner reports the time.
    pub begon: String,
    /// The countdown in seconds; 0 means no timer.
    pub duur: u64,
}

/// A class session in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KlasState {
    pub klas: Klas,
    /// The countdown for the next round, in seconds (0: no timer).
    pub timer: u64,
    /// Index into the participants: who plays the next round.
    pub gekozen: usize,
    pub lopend: Option<Lopend>,
    /// Where the overview was last written.
    pub overzicht: Option<PathBuf>,
}

/// Longest timer the trainer can set, in seconds: a role-play, not a day.
pub const MAX_TIMER: u64 = 90 * 60;

impl KlasState {
    pub fn new(klas: Klas, timer: u64) -> KlasState {
        let mut state = KlasState {
            klas,
            timer: timer.min(MAX_TIMER),
            gekozen: 0,
            lopend: None,
            overzicht: None,
        };
        state.kies_volgende();
        state
    }

    /// Puts the cursor on whoever had the fewest rounds.
    pub fn kies_volgende(&mut self) {
        if let Some(naam) = self.klas.aan_de_beurt() {
            self.gekozen = self
                .klas
                .deelnemers
                .iter()
                .position(|d| d == naam)
                .unwrap_or(0);
        }
    }

    pub fn deelnemer(&self) -> Option<&str> {
        self.klas.deelnemers.get(self.gekozen).map(String::as_str)
    }

    /// Starts a round for the chosen participant.
    pub fn start_ronde(&mut self) {
        let deelnemer = self.deelnemer().unwrap_or("cursist").to_string();
        self.lopend = Some(Lopend {
            nummer: self.klas.volgende_nummer(),
            deelnemer,
            begon: String::new(),
            duur: self.timer,
        });
    }
}

/// Seconds left on the round's timer (negative once it has run out); `None` without a
/// running round or without a timer.
pub fn resterend(app: &App) -> Option<i64> {
    let lopend = app.klas.as_ref()?.lopend.as_ref()?;
    (lopend.duur > 0).then(|| lopend.duur as i64 - app.verstreken as i64)
}

/// "9:05", or "-0:12" once the time is up.
pub fn klok(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// The effect that writes the current round (or, outside a class, the practice report)
/// to the trainer folder. `None` when there is nothing to save.
pub fn bewaar(app: &App, stoppen: bool) -> Option<Effect> {
    let tally = app.session.tally.clone().unwrap_or_default();
    let meta = ReportMeta::for_session(&app.session, &app.data.script);
    let klas = app.klas.as_ref();
    match klas.and_then(|k| k.lopend.as_ref().map(|l| (k, l))) {
        Some((k, l)) => {
            let ronde = Ronde {
                nummer: l.nummer,
                deelnemer: l.deelnemer.clone(),
                oefenklant: app.session.klant.clone(),
                begon: l.begon.clone(),
                duur: l.duur,
                gebruikt: app.verstreken,
                tally,
            };
            let base = klas_stem(k.klas.datum, &k.klas.naam);
            let stem = format!(
                "{base}-ronde-{}-{}",
                ronde.nummer,
                sanitize(&ronde.deelnemer)
            );
            let mut met = k.klas.clone();
            met.rondes.push(ronde.clone());
            Some(Effect::TrainerBestanden {
                stem,
                files: vec![
                    ("md".into(), ronde_markdown(&k.klas, &ronde, &meta)),
                    ("csv".into(), ronde_csv(&ronde, &meta)),
                ],
                overzicht: Some((base, overzicht_markdown(&met))),
                ronde: Some(Box::new(ronde)),
                stoppen,
            })
        }
        None => {
            if tally.total() == 0 && tally.tijdlijn.is_empty() {
                return None;
            }
            let stem = format!(
                "oefening-{}",
                crate::store::files::plan_stem(app.session.datum, &app.session.klant)
            );
            Some(Effect::TrainerBestanden {
                stem,
                files: vec![(
                    crate::store::trainer::MI_RAPPORT_EXT.into(),
                    crate::core::tally::report_markdown(&tally, &meta),
                )],
                overzicht: None,
                ronde: None,
                stoppen,
            })
        }
    }
}

/// Whether stopping now would lose tallied practice: a class round is running, or a
/// practice tally changed since it was last saved.
pub fn onbewaard(app: &App) -> bool {
    if !app.session.oefenen || app.screen != super::app::Screen::Gesprek {
        return false;
    }
    if app.klas.as_ref().is_some_and(|k| k.lopend.is_some()) {
        return true;
    }
    let tallied = app
        .session
        .tally
        .as_ref()
        .is_some_and(|t| !t.log.is_empty());
    tallied && (app.changed_since_export || app.exported.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_counts_down_and_past_zero() {
        assert_eq!(klok(600), "10:00");
        assert_eq!(klok(65), "1:05");
        assert_eq!(klok(0), "0:00");
        assert_eq!(klok(-12), "-0:12");
    }

    #[test]
    fn the_timer_is_capped_and_the_first_round_goes_to_the_first_participant() {
        let klas = Klas::new(
            "Groep".into(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            vec!["Anna".into(), "Bram".into()],
        );
        let mut k = KlasState::new(klas, 10 * 3600);
        assert_eq!(k.timer, MAX_TIMER);
        assert_eq!(k.deelnemer(), Some("Anna"));
        k.start_ronde();
        assert_eq!(k.lopend.as_ref().unwrap().nummer, 1);
    }
}
