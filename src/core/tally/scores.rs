//! The MITI summary scores and their levels: R:Q, %CR and % open (MITI 3) from the counts,
//! and the four global ratings (1–5) a trainer gives at the end, averaged into a
//! Relational and a Technical score. All thresholds are the MITI's own "expert opinion"
//! values; `DREMPEL_BRON` goes wherever a level is shown.

use serde::{Deserialize, Serialize};

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

/// Thresholds of one score, in the score's own unit (ratio, percent or rating).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drempels {
    pub redelijk: f64,
    pub goed: f64,
}

/// What the thresholds rest on; shown wherever a level is shown.
pub const DREMPEL_BRON: &str = "drempels op basis van expertoordeel, MITI 4.2.1";

/// The summary scores computed from the counts.
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

    /// The short name for the tally strip.
    pub fn kort(self) -> &'static str {
        match self {
            Maat::Rq => "R:Q",
            Maat::PctCr => "%CR",
            Maat::PctOpen => "%open (MITI 3)",
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
        match self {
            Maat::Rq => ratio_text(value),
            Maat::PctCr | Maat::PctOpen => percent_text(value),
        }
    }
}

/// "1,5 : 1".
pub fn ratio_text(value: f64) -> String {
    format!("{value:.1} : 1").replace('.', ",")
}

/// "67 %".
pub fn percent_text(value: f64) -> String {
    format!("{value:.0} %")
}

/// One summary score with its level; `value` and `niveau` are `None` when there was
/// nothing to divide by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub maat: Maat,
    pub value: Option<f64>,
    pub niveau: Option<Niveau>,
}

impl Score {
    pub fn of(maat: Maat, value: Option<f64>) -> Score {
        let d = maat.drempels();
        Score {
            maat,
            value,
            niveau: value.map(|v| beoordeling(v, d.redelijk, d.goed)),
        }
    }
}

/// The four MITI 4.2.1 global ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Global {
    /// Cultivating Change Talk (technical).
    VerandertaalCultiveren,
    /// Softening Sustain Talk (technical).
    BehoudtaalVerzachten,
    /// Partnership (relational).
    Partnerschap,
    /// Empathy (relational).
    Empathie,
}

impl Global {
    pub const ALL: [Global; 4] = [
        Global::VerandertaalCultiveren,
        Global::BehoudtaalVerzachten,
        Global::Partnerschap,
        Global::Empathie,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Global::VerandertaalCultiveren => "Verandertaal cultiveren",
            Global::BehoudtaalVerzachten => "Behoudtaal verzachten",
            Global::Partnerschap => "Partnerschap",
            Global::Empathie => "Empathie",
        }
    }

    /// The manual's anchor for a rating, shortened to one line (1–5; anything else is
    /// out of range and has no anchor).
    pub fn anker(self, score: u8) -> &'static str {
        match (self, score) {
            (Global::VerandertaalCultiveren, 1) => "geen aandacht voor verandertaal",
            (Global::VerandertaalCultiveren, 2) => "af en toe, kansen gemist",
            (Global::VerandertaalCultiveren, 3) => "vaak, maar niet consequent",
            (Global::VerandertaalCultiveren, 4) => "versterkt verandertaal consequent",
            (Global::VerandertaalCultiveren, 5) => "doelbewust, verdiept en bouwt op",
            (Global::BehoudtaalVerzachten, 1) => "versterkt behoudtaal, gaat in discussie",
            (Global::BehoudtaalVerzachten, 2) => "gaat vaak in op behoudtaal",
            (Global::BehoudtaalVerzachten, 3) => "wisselend: verzacht en versterkt",
            (Global::BehoudtaalVerzachten, 4) => "verzacht behoudtaal meestal",
            (Global::BehoudtaalVerzachten, 5) => "verzacht consequent, zonder tegenspraak",
            (Global::Partnerschap, 1) => "expert, neemt het gesprek over",
            (Global::Partnerschap, 2) => "weinig ruimte voor de klant",
            (Global::Partnerschap, 3) => "laat inbreng toe, benut die niet",
            (Global::Partnerschap, 4) => "bevordert samenwerking",
            (Global::Partnerschap, 5) => "echte samenwerking, de klant stuurt mee",
            (Global::Empathie, 1) => "geen aandacht voor het perspectief",
            (Global::Empathie, 2) => "sporadisch, vaak ernaast",
            (Global::Empathie, 3) => "probeert te begrijpen, wisselend",
            (Global::Empathie, 4) => "begrijpt actief en juist",
            (Global::Empathie, 5) => "begrijpt ook wat de klant bedoelt",
            _ => "",
        }
    }
}

/// The two averages of the globals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gemiddelde {
    /// mean(Partnership, Empathy).
    Relationeel,
    /// mean(Cultivating Change Talk, Softening Sustain Talk).
    Technisch,
}

impl Gemiddelde {
    pub fn label(self) -> &'static str {
        match self {
            Gemiddelde::Relationeel => "Relationeel (partnerschap, empathie)",
            Gemiddelde::Technisch => "Technisch (verandertaal, behoudtaal)",
        }
    }

    /// MITI 4.2.1: Relational fair 3.5, good 4; Technical fair 3, good 4.
    pub fn drempels(self) -> Drempels {
        match self {
            Gemiddelde::Relationeel => Drempels {
                redelijk: 3.5,
                goed: 4.0,
            },
            Gemiddelde::Technisch => Drempels {
                redelijk: 3.0,
                goed: 4.0,
            },
        }
    }
}

/// The four globals, each 1–5, rated once at the end of a gesprek or round.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Globals {
    pub verandertaal_cultiveren: u8,
    pub behoudtaal_verzachten: u8,
    pub partnerschap: u8,
    pub empathie: u8,
}

impl Default for Globals {
    /// The middle of the scale, where a trainer starts adjusting.
    fn default() -> Globals {
        Globals {
            verandertaal_cultiveren: 3,
            behoudtaal_verzachten: 3,
            partnerschap: 3,
            empathie: 3,
        }
    }
}

impl Globals {
    pub fn get(&self, g: Global) -> u8 {
        match g {
            Global::VerandertaalCultiveren => self.verandertaal_cultiveren,
            Global::BehoudtaalVerzachten => self.behoudtaal_verzachten,
            Global::Partnerschap => self.partnerschap,
            Global::Empathie => self.empathie,
        }
    }

    /// Sets a rating, kept within 1–5.
    pub fn set(&mut self, g: Global, value: u8) {
        let v = value.clamp(1, 5);
        match g {
            Global::VerandertaalCultiveren => self.verandertaal_cultiveren = v,
            Global::BehoudtaalVerzachten => self.behoudtaal_verzachten = v,
            Global::Partnerschap => self.partnerschap = v,
            Global::Empathie => self.empathie = v,
        }
    }

    /// Ratings outside 1–5 (from a hand-edited file), by name.
    pub fn buiten_bereik(&self) -> Vec<Global> {
        Global::ALL
            .into_iter()
            .filter(|&g| !(1..=5).contains(&self.get(g)))
            .collect()
    }

    pub fn gemiddelde(&self, m: Gemiddelde) -> f64 {
        let (a, b) = match m {
            Gemiddelde::Relationeel => (self.partnerschap, self.empathie),
            Gemiddelde::Technisch => (self.verandertaal_cultiveren, self.behoudtaal_verzachten),
        };
        (f64::from(a) + f64::from(b)) / 2.0
    }

    pub fn niveau(&self, m: Gemiddelde) -> Niveau {
        let d = m.drempels();
        beoordeling(self.gemiddelde(m), d.redelijk, d.goed)
    }
}

/// "3,5".
pub fn rating_text(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}
