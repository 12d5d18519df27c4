//! Trainer mode's MI tally: counts of the consultant's behaviours during a (practice)
//! gesprek, after the behaviour codes of MITI 4.2.1, with the summary scores R:Q and %CR
//! and the older MITI 3 measure % open vragen. The thresholds are the MITI's own, which
//! it calls "based upon expert opinion"; the report says so, so nobody mistakes them for a
//! validated norm (research §2, "MI fidelity measurement").

use serde::{Deserialize, Serialize};

mod report;
pub use report::{ReportMeta, report_markdown};

/// One coded behaviour of the consultant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Gedrag {
    /// Giving information (MITI: Giving Information).
    NeutraalInformeren,
    OpenVraag,
    GeslotenVraag,
    ReflectieEenvoudig,
    ReflectieComplex,
    /// Affirm.
    Bekrachtigen,
    /// MITI codes a summary as a reflection; kept apart here so trainers can see it.
    Samenvatten,
    /// Persuade: arguing for change without the client's permission. MI-inconsistent.
    OvertuigenZonderToestemming,
    /// Confront: disagreeing, shaming, warning. MI-inconsistent.
    Confronteren,
}

impl Gedrag {
    pub const ALL: [Gedrag; 9] = [
        Gedrag::NeutraalInformeren,
        Gedrag::OpenVraag,
        Gedrag::GeslotenVraag,
        Gedrag::ReflectieEenvoudig,
        Gedrag::ReflectieComplex,
        Gedrag::Bekrachtigen,
        Gedrag::Samenvatten,
        Gedrag::OvertuigenZonderToestemming,
        Gedrag::Confronteren,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Gedrag::NeutraalInformeren => "Neutraal informeren",
            Gedrag::OpenVraag => "Open vraag",
            Gedrag::GeslotenVraag => "Gesloten vraag",
            Gedrag::ReflectieEenvoudig => "Eenvoudige reflectie",
            Gedrag::ReflectieComplex => "Complexe reflectie",
            Gedrag::Bekrachtigen => "Bekrachtigen",
            Gedrag::Samenvatten => "Samenvatten",
            Gedrag::OvertuigenZonderToestemming => "Overtuigen zonder toestemming",
            Gedrag::Confronteren => "Confronteren",
        }
    }

    /// Suggested key in the tally mode: digits 1–9 in the order of [`Gedrag::ALL`], so the
    /// MI-consistent moves sit under the left hand and the two to avoid come last.
    pub fn toets(self) -> char {
        let i = Gedrag::ALL
            .iter()
            .position(|&g| g == self)
            .expect("every Gedrag is in ALL");
        char::from(b'1' + i as u8)
    }

    /// The behaviour for a key pressed in the tally mode.
    pub fn from_toets(c: char) -> Option<Gedrag> {
        Gedrag::ALL.into_iter().find(|g| g.toets() == c)
    }

    /// Persuading without permission and confronting go against MI (MITI: non-adherent).
    pub fn mi_inconsistent(self) -> bool {
        matches!(
            self,
            Gedrag::OvertuigenZonderToestemming | Gedrag::Confronteren
        )
    }
}

/// Counts per behaviour, plus which step each was tallied on when the UI says so.
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
    pub overtuigen_zonder_toestemming: u32,
    pub confronteren: u32,
    /// (step id, behaviour) in the order tallied; only filled through [`Tally::add_bij`].
    pub log: Vec<(String, Gedrag)>,
    /// Seconds spent per step id, in the order first visited; the UI measures, this keeps
    /// it with the session so the report can be made again after a restart.
    pub tijd: Vec<(String, u64)>,
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
            Gedrag::OvertuigenZonderToestemming => &mut self.overtuigen_zonder_toestemming,
            Gedrag::Confronteren => &mut self.confronteren,
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
            Gedrag::OvertuigenZonderToestemming => self.overtuigen_zonder_toestemming,
            Gedrag::Confronteren => self.confronteren,
        }
    }

    pub fn add(&mut self, g: Gedrag) {
        let n = self.slot(g);
        *n = n.saturating_add(1);
    }

    /// Adds and remembers the step, for the per-step table in the report.
    pub fn add_bij(&mut self, step: &str, g: Gedrag) {
        self.add(g);
        self.log.push((step.to_string(), g));
    }

    /// Takes one back (a mis-tap); never below zero. Also drops the latest log entry of
    /// this behaviour so the per-step table keeps adding up.
    pub fn undo(&mut self, g: Gedrag) {
        let n = self.slot(g);
        *n = n.saturating_sub(1);
        if let Some(i) = self.log.iter().rposition(|(_, x)| *x == g) {
            self.log.remove(i);
        }
    }

    /// Adds time spent on a step (the UI calls this when leaving a step).
    pub fn add_tijd(&mut self, step: &str, secs: u64) {
        match self.tijd.iter_mut().find(|(s, _)| s == step) {
            Some((_, t)) => *t = t.saturating_add(secs),
            None => self.tijd.push((step.to_string(), secs)),
        }
    }

    /// All behaviours tallied.
    pub fn total(&self) -> u32 {
        Gedrag::ALL.iter().map(|&g| self.count(g)).sum()
    }

    pub fn questions(&self) -> u32 {
        self.open_vraag + self.gesloten_vraag
    }

    /// Simple and complex reflections plus summaries: MITI codes a summary as a reflection.
    pub fn reflections(&self) -> u32 {
        self.reflectie_eenvoudig + self.reflectie_complex + self.samenvatten
    }

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

    /// The three summary scores with their levels, in report order.
    pub fn scores(&self) -> [Score; 3] {
        let score = |maat: Maat, value: Option<f64>| Score {
            maat,
            value,
            niveau: value.map(|v| beoordeling(v, maat.drempels().redelijk, maat.drempels().goed)),
        };
        [
            score(Maat::Rq, self.rq()),
            score(Maat::PctCr, self.pct_cr()),
            score(Maat::PctOpen, self.pct_open()),
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

/// Where a score stands against its thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Niveau {
    Onder,
    Redelijk,
    Goed,
}

impl Niveau {
    pub fn label(self) -> &'static str {
        match self {
            Niveau::Onder => "onder de drempel",
            Niveau::Redelijk => "redelijk",
            Niveau::Goed => "goed",
        }
    }
}

/// A value at or above `good` is Goed, at or above `fair` Redelijk, below that Onder.
pub fn beoordeling(value: f64, fair: f64, good: f64) -> Niveau {
    if value >= good {
        Niveau::Goed
    } else if value >= fair {
        Niveau::Redelijk
    } else {
        Niveau::Onder
    }
}

/// Thresholds of one score, in the score's own unit (ratio or percent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drempels {
    pub redelijk: f64,
    pub goed: f64,
}

/// What the thresholds rest on; shown wherever a level is shown.
pub const DREMPEL_BRON: &str = "drempels op basis van expertoordeel, MITI 4.2.1";

/// The summary scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Maat {
    /// Reflections to questions.
    Rq,
    /// Percentage complex reflections.
    PctCr,
    /// Percentage open questions (MITI 3).
    PctOpen,
}

impl Maat {
    pub fn label(self) -> &'static str {
        match self {
            Maat::Rq => "Reflecties : vragen (R:Q)",
            Maat::PctCr => "% complexe reflecties (%CR)",
            Maat::PctOpen => "% open vragen (MITI 3)",
        }
    }

    /// MITI 4.2.1: R:Q fair 1:1, good 2:1; %CR fair 40 %, good 50 %. MITI 3: % open
    /// questions fair 50 %, good 70 %. All three are expert opinion, not validated norms.
    pub fn drempels(self) -> Drempels {
        match self {
            Maat::Rq => Drempels {
                redelijk: 1.0,
                goed: 2.0,
            },
            Maat::PctCr => Drempels {
                redelijk: 40.0,
                goed: 50.0,
            },
            Maat::PctOpen => Drempels {
                redelijk: 50.0,
                goed: 70.0,
            },
        }
    }

    /// A value in this score's unit, Dutch style ("1,5 : 1", "40 %").
    pub fn format(self, value: f64) -> String {
        let text = match self {
            Maat::Rq => format!("{value:.1} : 1"),
            Maat::PctCr | Maat::PctOpen => format!("{value:.0} %"),
        };
        text.replace('.', ",")
    }
}

/// One summary score with its level; `value` and `niveau` are `None` when there was
/// nothing to divide by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub maat: Maat,
    pub value: Option<f64>,
    pub niveau: Option<Niveau>,
}

#[cfg(test)]
mod tests;
