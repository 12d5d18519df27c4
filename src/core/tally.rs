//! Trainer mode's MI tally: the consultant's behaviour codes of MITI 4.2.1 (plus the
//! MITI 3 split of open and closed questions) and the client's change and sustain talk,
//! counted during a (practice) gesprek, with a timeline of when each code was given.
//! The summary scores and the four global ratings live in `scores`; the thresholds are
//! the MITI's own, which it calls "based upon expert opinion", and every place that shows
//! a level says so (research §2, "MI fidelity measurement").

use serde::{Deserialize, Serialize};
use strum::VariantArray;

pub(crate) mod report;
mod scores;
pub use report::{ReportMeta, report_markdown};
pub use scores::{
    DREMPEL_BRON, Drempels, Gemiddelde, Global, Globals, Maat, Niveau, Score, beoordeling,
    percent_text, rating_text, ratio_text,
};

/// One code: a behaviour of the consultant or an utterance of the client.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, VariantArray,
)]
pub enum Gedrag {
    /// Giving Information.
    NeutraalInformeren,
    /// MITI 4 codes one Question; the split into open and closed is MITI 3's.
    OpenVraag,
    GeslotenVraag,
    ReflectieEenvoudig,
    ReflectieComplex,
    /// Affirm: names a specific strength or effort of the client. MI-adherent.
    Bekrachtigen,
    /// MITI codes a summary as a reflection; kept apart here so trainers can see it.
    Samenvatten,
    /// Seeking Collaboration: asking the client's ideas, sharing power. MI-adherent.
    SamenwerkingZoeken,
    /// Emphasizing Autonomy: the choice is the client's. MI-adherent.
    AutonomieBenadrukken,
    /// Persuade with Permission: neither adherent nor non-adherent.
    OvertuigenMetToestemming,
    /// Persuade: arguing for change without the client's permission. MI non-adherent.
    OvertuigenZonderToestemming,
    /// Confront: disagreeing, shaming, warning. MI non-adherent.
    Confronteren,
    /// The client speaks for change (desire, ability, reasons, need, commitment, steps).
    Verandertaal,
    /// The client speaks for staying as things are.
    Behoudtaal,
}

/// Who a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Spreker {
    Consulent,
    Klant,
}

impl Spreker {
    pub fn label(self) -> &'static str {
        match self {
            Spreker::Consulent => "consulent",
            Spreker::Klant => "klant",
        }
    }
}

impl Gedrag {
    /// Every code, consultant first, client last.
    pub const ALL: &'static [Gedrag] = Gedrag::VARIANTS;

    pub fn label(self) -> &'static str {
        match self {
            Gedrag::NeutraalInformeren => "Neutraal informeren",
            Gedrag::OpenVraag => "Open vraag",
            Gedrag::GeslotenVraag => "Gesloten vraag",
            Gedrag::ReflectieEenvoudig => "Eenvoudige reflectie",
            Gedrag::ReflectieComplex => "Complexe reflectie",
            Gedrag::Bekrachtigen => "Bekrachtigen",
            Gedrag::Samenvatten => "Samenvatten",
            Gedrag::SamenwerkingZoeken => "Samenwerking zoeken",
            Gedrag::AutonomieBenadrukken => "Autonomie benadrukken",
            Gedrag::OvertuigenMetToestemming => "Overtuigen met toestemming",
            Gedrag::OvertuigenZonderToestemming => "Overtuigen zonder toestemming",
            Gedrag::Confronteren => "Confronteren",
            Gedrag::Verandertaal => "Verandertaal (klant)",
            Gedrag::Behoudtaal => "Behoudtaal (klant)",
        }
    }

    /// A short label for the tally strip, where twelve codes share one or two lines.
    pub fn kort(self) -> &'static str {
        match self {
            Gedrag::NeutraalInformeren => "Inform.",
            Gedrag::OpenVraag => "Open",
            Gedrag::GeslotenVraag => "Gesl.",
            Gedrag::ReflectieEenvoudig => "R-eenv.",
            Gedrag::ReflectieComplex => "R-compl.",
            Gedrag::Bekrachtigen => "Bekr.",
            Gedrag::Samenvatten => "Samenv.",
            Gedrag::SamenwerkingZoeken => "Samenw.",
            Gedrag::AutonomieBenadrukken => "Auton.",
            Gedrag::OvertuigenMetToestemming => "Overt.+t",
            Gedrag::OvertuigenZonderToestemming => "Overt.✗",
            Gedrag::Confronteren => "Confr.✗",
            Gedrag::Verandertaal => "Verand.",
            Gedrag::Behoudtaal => "Behoud",
        }
    }

    /// A stable code for the CSV, after the MITI 4.2.1 abbreviations (with the MITI 3
    /// question split and SUM for a summary, which MITI codes as a reflection).
    pub fn code(self) -> &'static str {
        match self {
            Gedrag::NeutraalInformeren => "GI",
            Gedrag::OpenVraag => "Q-open",
            Gedrag::GeslotenVraag => "Q-gesloten",
            Gedrag::ReflectieEenvoudig => "SR",
            Gedrag::ReflectieComplex => "CR",
            Gedrag::Bekrachtigen => "AF",
            Gedrag::Samenvatten => "SUM",
            Gedrag::SamenwerkingZoeken => "SEEK",
            Gedrag::AutonomieBenadrukken => "AUTO",
            Gedrag::OvertuigenMetToestemming => "PWP",
            Gedrag::OvertuigenZonderToestemming => "PERS",
            Gedrag::Confronteren => "CON",
            Gedrag::Verandertaal => "CT",
            Gedrag::Behoudtaal => "ST",
        }
    }

    pub fn spreker(self) -> Spreker {
        match self {
            Gedrag::Verandertaal | Gedrag::Behoudtaal => Spreker::Klant,
            _ => Spreker::Consulent,
        }
    }

    /// The default key in tally mode. Every key is on a numeric keypad: digits for the
    /// consultant's MI-consistent moves, `0` for persuading with permission, `.` and `/`
    /// for the two non-adherent codes, `+` and `-` for the client's change and sustain
    /// talk (`*` undoes, see the keymap).
    pub fn toets(self) -> &'static str {
        match self {
            Gedrag::NeutraalInformeren => "1",
            Gedrag::OpenVraag => "2",
            Gedrag::GeslotenVraag => "3",
            Gedrag::ReflectieEenvoudig => "4",
            Gedrag::ReflectieComplex => "5",
            Gedrag::Bekrachtigen => "6",
            Gedrag::Samenvatten => "7",
            Gedrag::SamenwerkingZoeken => "8",
            Gedrag::AutonomieBenadrukken => "9",
            Gedrag::OvertuigenMetToestemming => "0",
            Gedrag::OvertuigenZonderToestemming => ".",
            Gedrag::Confronteren => "/",
            Gedrag::Verandertaal => "+",
            Gedrag::Behoudtaal => "-",
        }
    }

    /// The code for a default key (the line mode, where a code is typed and confirmed).
    pub fn from_toets(key: &str) -> Option<Gedrag> {
        Gedrag::ALL.iter().copied().find(|g| g.toets() == key)
    }

    /// Persuading without permission and confronting (MITI: MI non-adherent).
    pub fn mi_inconsistent(self) -> bool {
        matches!(
            self,
            Gedrag::OvertuigenZonderToestemming | Gedrag::Confronteren
        )
    }

    /// Affirm, Seeking Collaboration and Emphasizing Autonomy (MITI: MI-adherent).
    pub fn mi_adherent(self) -> bool {
        matches!(
            self,
            Gedrag::Bekrachtigen | Gedrag::SamenwerkingZoeken | Gedrag::AutonomieBenadrukken
        )
    }
}

/// One code on the timeline: seconds since the round (or gesprek) began, the step it was
/// given on, and the code.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Moment {
    pub sec: u64,
    pub stap: String,
    pub gedrag: Gedrag,
}

/// Counts per code, plus which step each was tallied on and when, when the UI says so.
#[derive(Serialize, Deserialize, Default, Clone, PartialEq, Eq, Debug)]
#[serde(default)]
pub struct Tally {
    pub neutraal_informeren: u32,
    pub open_vraag: u32,
    pub gesloten_vraag: u32,
    pub reflectie_eenvoudig: u32,
    pub reflectie_complex: u32,
    pub bekrachtigen: u32,
    pub samenvatten: u32,
    pub samenwerking_zoeken: u32,
    pub autonomie_benadrukken: u32,
    pub overtuigen_met_toestemming: u32,
    pub overtuigen_zonder_toestemming: u32,
    pub confronteren: u32,
    pub verandertaal: u32,
    pub behoudtaal: u32,
    /// (step id, code) in the order tallied; only filled through [`Tally::add_bij`].
    pub log: Vec<(String, Gedrag)>,
    /// The same codes with the second they were given, when the UI knows the time.
    pub tijdlijn: Vec<Moment>,
    /// Seconds spent per step id, in the order first visited; the UI measures, this keeps
    /// it with the session so the report can be made again after a restart.
    pub tijd: Vec<(String, u64)>,
    /// The four global ratings, entered by the trainer at the end.
    pub globals: Option<Globals>,
}

impl Tally {
    fn slot(&mut self, g: Gedrag) -> &mut u32 {
        match g {
            Gedrag::NeutraalInformeren => &mut self.neutraal_informeren,
            Gedrag::OpenVraag => &mut self.open_vraag,
            Gedrag::GeslotenVraag => &mut self.gesloten_vraag,
            Gedrag::ReflectieEenvoudig => &mut self.reflectie_eenvoudig,
            Gedrag::ReflectieComplex => &mut self.reflectie_complex,
            Gedrag::Bekrachtigen => &mut self.bekrachtigen,
            Gedrag::Samenvatten => &mut self.samenvatten,
            Gedrag::SamenwerkingZoeken => &mut self.samenwerking_zoeken,
            Gedrag::AutonomieBenadrukken => &mut self.autonomie_benadrukken,
            Gedrag::OvertuigenMetToestemming => &mut self.overtuigen_met_toestemming,
            Gedrag::OvertuigenZonderToestemming => &mut self.overtuigen_zonder_toestemming,
            Gedrag::Confronteren => &mut self.confronteren,
            Gedrag::Verandertaal => &mut self.verandertaal,
            Gedrag::Behoudtaal => &mut self.behoudtaal,
        }
    }

    pub fn count(&self, g: Gedrag) -> u32 {
        match g {
            Gedrag::NeutraalInformeren => self.neutraal_informeren,
            Gedrag::OpenVraag => self.open_vraag,
            Gedrag::GeslotenVraag => self.gesloten_vraag,
            Gedrag::ReflectieEenvoudig => self.reflectie_eenvoudig,
            Gedrag::ReflectieComplex => self.reflectie_complex,
            Gedrag::Bekrachtigen => self.bekrachtigen,
            Gedrag::Samenvatten => self.samenvatten,
            Gedrag::SamenwerkingZoeken => self.samenwerking_zoeken,
            Gedrag::AutonomieBenadrukken => self.autonomie_benadrukken,
            Gedrag::OvertuigenMetToestemming => self.overtuigen_met_toestemming,
            Gedrag::OvertuigenZonderToestemming => self.overtuigen_zonder_toestemming,
            Gedrag::Confronteren => self.confronteren,
            Gedrag::Verandertaal => self.verandertaal,
            Gedrag::Behoudtaal => self.behoudtaal,
        }
    }

    pub fn add(&mut self, g: Gedrag) {
        self.add_n(g, 1);
    }

    /// Adds `n` at once (adding up rounds); saturates rather than wrapping.
    pub fn add_n(&mut self, g: Gedrag, n: u32) {
        let slot = self.slot(g);
        *slot = slot.saturating_add(n);
    }

    /// Adds and remembers the step, for the per-step table in the report.
    pub fn add_bij(&mut self, step: &str, g: Gedrag) {
        self.add(g);
        self.log.push((step.to_string(), g));
    }

    /// Adds, remembers the step and puts the code on the timeline at `sec`.
    pub fn add_op(&mut self, step: &str, g: Gedrag, sec: u64) {
        self.add_bij(step, g);
        self.tijdlijn.push(Moment {
            sec,
            stap: step.to_string(),
            gedrag: g,
        });
    }

    /// Takes one back (a mis-tap); never below zero. Also drops the latest log and
    /// timeline entry of this code so the per-step table and the CSV keep adding up.
    pub fn undo(&mut self, g: Gedrag) {
        let n = self.slot(g);
        *n = n.saturating_sub(1);
        if let Some(i) = self.log.iter().rposition(|(_, x)| *x == g) {
            self.log.remove(i);
        }
        if let Some(i) = self.tijdlijn.iter().rposition(|m| m.gedrag == g) {
            self.tijdlijn.remove(i);
        }
    }

    /// Takes back the code tallied last, whatever it was (the one-key undo).
    pub fn undo_laatste(&mut self) -> Option<Gedrag> {
        let g = self.log.last().map(|(_, g)| *g)?;
        self.undo(g);
        Some(g)
    }

    /// The consultant's latest code at a step: what the demo client responds to.
    pub fn laatste_bij(&self, step: &str) -> Option<Gedrag> {
        self.log
            .iter()
            .rev()
            .find(|(s, g)| s == step && g.spreker() == Spreker::Consulent)
            .map(|(_, g)| *g)
    }

    /// Adds time spent on a step (the UI calls this when leaving a step).
    pub fn add_tijd(&mut self, step: &str, secs: u64) {
        match self.tijd.iter_mut().find(|(s, _)| s == step) {
            Some((_, t)) => *t = t.saturating_add(secs),
            None => self.tijd.push((step.to_string(), secs)),
        }
    }

    /// All the consultant's codes.
    pub fn total(&self) -> u32 {
        Gedrag::ALL
            .iter()
            .filter(|g| g.spreker() == Spreker::Consulent)
            .map(|&g| self.count(g))
            .sum()
    }

    pub fn questions(&self) -> u32 {
        self.open_vraag + self.gesloten_vraag
    }

    /// Simple and complex reflections plus summaries: MITI codes a summary as a reflection.
    pub fn reflections(&self) -> u32 {
        self.reflectie_eenvoudig + self.reflectie_complex + self.samenvatten
    }

    /// Total MI-adherent: Affirm + Seeking Collaboration + Emphasizing Autonomy.
    pub fn mi_adherent(&self) -> u32 {
        self.bekrachtigen + self.samenwerking_zoeken + self.autonomie_benadrukken
    }

    /// Total MI non-adherent: Persuade + Confront (Persuade with Permission is neither).
    pub fn mi_inconsistent(&self) -> u32 {
        self.overtuigen_zonder_toestemming + self.confronteren
    }

    /// R:Q as reflections per question (2.0 means 2:1); `None` without questions.
    pub fn rq(&self) -> Option<f64> {
        ratio(self.reflections(), self.questions())
    }

    /// %CR in percent: complex / (simple + complex). Summaries are left out on purpose:
    /// MITI would code each summary as simple or complex, but the tally does not record
    /// which, and guessing would tilt the score. A trainer who judged a summary complex
    /// can tally it as a complex reflection instead. `None` without reflections.
    pub fn pct_cr(&self) -> Option<f64> {
        percent(
            self.reflectie_complex,
            self.reflectie_eenvoudig + self.reflectie_complex,
        )
    }

    /// % open vragen (a MITI 3 measure; MITI 4 no longer splits questions), in percent.
    pub fn pct_open(&self) -> Option<f64> {
        percent(self.open_vraag, self.questions())
    }

    /// Change talk as a share of all client talk, in percent; `None` without client talk.
    pub fn pct_verandertaal(&self) -> Option<f64> {
        percent(self.verandertaal, self.verandertaal + self.behoudtaal)
    }

    /// Change talk per sustain talk ("3,0 : 1"); `None` without sustain talk.
    pub fn ct_st(&self) -> Option<f64> {
        ratio(self.verandertaal, self.behoudtaal)
    }

    /// The three summary scores with their levels, in report order.
    pub fn scores(&self) -> [Score; 3] {
        [
            Score::of(Maat::Rq, self.rq()),
            Score::of(Maat::PctCr, self.pct_cr()),
            Score::of(Maat::PctOpen, self.pct_open()),
        ]
    }

    /// Counts per step id, in the order the steps were first tallied on.
    pub fn per_stap(&self) -> Vec<(&str, Tally)> {
        let mut out: Vec<(&str, Tally)> = Vec::new();
        for (step, g) in &self.log {
            let i = match out.iter().position(|(s, _)| s == step) {
                Some(i) => i,
                None => {
                    out.push((step, Tally::default()));
                    out.len() - 1
                }
            };
            out[i].1.add(*g);
        }
        out
    }
}

fn ratio(num: u32, den: u32) -> Option<f64> {
    (den > 0).then(|| f64::from(num) / f64::from(den))
}

/// Multiplies before dividing so exact boundaries (2 of 5 = 40 %) come out exact.
fn percent(num: u32, den: u32) -> Option<f64> {
    (den > 0).then(|| f64::from(num) * 100.0 / f64::from(den))
}

#[cfg(test)]
mod tests;
