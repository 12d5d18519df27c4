//! Ranking catalogue options for one client, with the reasons for every score and every
//! exclusion. Suggestions support the consultant's judgement and the client's choice; they
//! never decide (research §9), so each number is explained by its factors and the factors
//! always add up to the score.
//!
//! The rules follow research §3–§7: connect to wensen (maatwerk), count work on
//! belemmeringen, never suggest what a belemmering rules out, recognise what the client
//! already does before adding anything, put a crisis and care duties first, and warn on
//! projectmoeheid, verdringing and practical drempels. Gender is deliberately not an input.

use serde::Serialize;
use std::fmt;
use std::rc::Rc;

use super::catalogue::Catalogue;
use super::session::Session;
use super::taxonomy::{TagKind, Taxonomy};

mod index;
mod prepared;
mod rank;

pub use index::Matcher;
pub use prepared::{bovenop_zorg, verlichting};

// Points. Every factor shows in `waarom` with its points, and the points add up to the
// score; a consultant can always see why one option sits above another.

/// Per wens the option serves.
pub const WENS: i32 = 3;
/// On top of `WENS` for the client's main aim: what the client wants most leads
/// (maatwerk and keuzevrijheid, research §3, `003:L292`). Less than `WERKT_AAN`, so an
/// option working on two of the client's problems is not outranked by one wish.
pub const HOOFDDOEL: i32 = 2;
/// Per kracht of the client the option makes use of.
pub const KRACHT: i32 = 1;
/// Per belemmering of the client the option works on: working on one's own problems
/// weighs as much as a wish (research §5, `003:L424`).
pub const WERKT_AAN: i32 = 3;
// Needs weigh at least as much as wishes, and two needs more than the main aim.
const _: () = assert!(WERKT_AAN >= WENS && HOOFDDOEL < WERKT_AAN);

/// Per acute belemmering (crisis, arrears) the option helps with: that help comes first,
/// above any activity ("soms moeten eerst de persoonlijke problemen worden aangepakt",
/// `003:L424`; preventing eviction, `003:L109`).
pub const ACUUT: i32 = 10;
/// Relief of care duties: this many points per `ZORG_UREN_PER_PUNT` hours of care, at
/// least 1 and at most `ZORG_MAX`. With a few hours of care what the client wants still
/// leads; with heavy care, relief does.
pub const ZORG_UREN_PER_PUNT: u32 = 6;
pub const ZORG_MAX: i32 = 6;
/// An activity on top of care duties costs (care hours × the activity's hours) /
/// `BOVENOP_ZORG_DEEL` points, rounded, at most `BOVENOP_ZORG_MAX`: the grandmother made to
/// volunteer besides caring for her grandchildren is the research's example of what
/// undermines participation (`003:L302`).
pub const BOVENOP_ZORG_DEEL: u32 = 20;
pub const BOVENOP_ZORG_MAX: i32 = 8;
/// Care hours assumed when care duties are ticked without a number.
pub const ZORGUREN_ONBEKEND: u8 = 8;
/// What the client already does, ticked under "Doet al": recognising it comes before
/// anything new (`000:L1100`), so it outweighs a main aim with a need besides.
pub const ERKENNEN: i32 = 10;
/// The very same option again is the clearest case of projectmoeheid (`003:L304`).
pub const EERDER_OPTIE: i32 = -6;
/// The same form (`vorm`) and aim (category) as an option done before, or as what the
/// client already does (a classroom course next to a course in progress): milder.
pub const EERDER_VORM: i32 = -2;
/// Learning by doing, for a client tired of trajectories or with trajectories behind
/// them: concrete practice over another general training (`003:L275`).
pub const PRAKTIJK: i32 = 2;
/// Per hour the option asks above what the client can manage now, at most `TE_VEEL_MAX`.
pub const TE_VEEL_UREN: i32 = -1;
pub const TE_VEEL_MAX: i32 = -8;
/// A `let_op_bij` warning that concerns one of the client's belemmeringen: more than a
/// wish, because the client's limits come before a preference (Werkwijzer: "rekening
/// houden met fysieke en psychische beperkingen", `000:L2999`), so dance lessons do not
/// lead for a client with a rollator.
pub const LET_OP: i32 = -4;
/// Verdringing risk (`000:L1178`): midden and hoog. A tegenprestatie must be additional
/// to paid work (`000:L253`), so a high risk outweighs a wish.
pub const VERDRINGING_MIDDEN: i32 = -1;
pub const VERDRINGING_HOOG: i32 = -4;
/// Little guidance (`geen` or `taakgericht`) for a client who needs a guided setting
/// (research §5: LVB, "specialised, guided settings").
pub const WEINIG_BEGELEIDING: i32 = -2;
/// Travel (a reiskosten drempel) for a client for whom travelling is hard.
pub const REIZEN: i32 = -2;
/// Close to home (wens `dicht-bij-huis`) for a client for whom travelling is hard:
/// "nearby options" (research §5, `001:L2256`).
pub const DICHTBIJ: i32 = 2;
/// Costs (materials, course fees) for a client with money worries and no payer named.
pub const KOSTEN: i32 = -2;

/// Belemmering id for a crisis (huiselijk geweld, acute problems).
pub const CRISIS: &str = "crisis";
/// Belemmering ids that are acute: help with them comes before any activity.
pub const ACUTE: [&str; 2] = [CRISIS, "achterstanden"];
/// Category ids whose options are help or a route, not an activity: the only ones
/// suggested in a crisis ("eerst veiligheid en hulp; nu geen activering", research §5).
pub const HULP_CATEGORIEEN: [&str; 2] = ["ontheffing", "eigen-belemmeringen"];
/// Belemmering ids for care duties that volunteering must never be piled on top of.
pub const ZORGTAKEN: [&str; 2] = ["mantelzorg", "kinderzorg"];
/// Belemmering ids that make travel hard, and money worries that make costs a barrier.
pub const REIZEN_LASTIG: &str = "reizen";
pub const WENS_DICHTBIJ: &str = "dicht-bij-huis";
pub const GELDZORGEN: [&str; 3] = ["kosten", "schulden", "achterstanden"];
/// Belemmering ids of clients who need a guided setting.
pub const BEGELEIDING_NODIG: [&str; 1] = ["lvb"];
/// Who needs Dutch: for options with `voorwaarden.taal`.
pub const TAAL: &str = "taal";
pub const WENS_NEDERLANDS: &str = "nederlands-oefenen";
/// Belemmering id of a client tired of trajectories.
pub const PROJECTMOEHEID: &str = "projectmoeheid";

/// What the matching needs to know about the client; built from a session or by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profiel {
    pub wensen: Vec<String>,
    /// The main aim, one of `wensen`; `None` means the first wens.
    pub hoofddoel: Option<String>,
    pub krachten: Vec<String>,
    pub belemmeringen: Vec<String>,
    pub uren_kan: Option<u8>,
    /// Hours of care per week (mantelzorg, children), when care duties are ticked.
    pub zorguren: Option<u8>,
    /// Option ids done before.
    pub eerder: Vec<String>,
    /// Option ids of what the client already does (recognition options).
    pub doet_al: Vec<String>,
    /// Category ids already active in: the form before `doet_al`, kept one release for
    /// saved sessions and `--actief`; it stands for every recognition option of those
    /// categories.
    pub actief: Vec<String>,
    pub leeftijd: Option<u8>,
    /// The client has an indication (Wmo, buurtteam) for options that need one.
    pub indicatie: bool,
}

impl Profiel {
    /// The main aim: the marked one if it is a wens of the client, else the first wens.
    pub fn hoofddoel(&self) -> Option<&str> {
        self.hoofddoel
            .as_deref()
            .filter(|h| self.wensen.iter().any(|w| w == h))
            .or(self.wensen.first().map(String::as_str))
    }
}

impl From<&Session> for Profiel {
    fn from(s: &Session) -> Profiel {
        Profiel {
            wensen: s.wensen.clone(),
            hoofddoel: s.hoofdwens.clone(),
            krachten: s.krachten.clone(),
            belemmeringen: s.belemmeringen.clone(),
            uren_kan: s.uren_kan,
            zorguren: s.zorguren,
            eerder: s.eerder.clone(),
            doet_al: s.doet_al.clone(),
            actief: s.actief.clone(),
            leeftijd: s.leeftijd,
            indicatie: false,
        }
    }
}

/// A reason or warning text. Shared, because the same text (a wish, a care duty, a
/// drempel) explains thousands of options: cloning a shared text is a counter increment,
/// where a fresh string per option was most of the time of ranking a large catalogue.
pub type Tekst = Rc<str>;

/// One contribution to a score, e.g. `+3 past bij wens 'Koken'`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Factor {
    pub punten: i32,
    pub tekst: Tekst,
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:+} {}", self.punten, self.tekst)
    }
}

/// A suggested option with its score, the factors behind it and what to watch out for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestie {
    pub id: Tekst,
    pub score: i32,
    /// The factors (`waarom`), then the warnings (`let_op`, with zero points) in one
    /// list: one allocation per suggestion instead of two, which on a large catalogue
    /// was a visible part of ranking and of freeing the previous ranking.
    uitleg: Box<[Factor]>,
    waarom_len: usize,
}

impl Suggestie {
    pub fn new(id: Tekst, waarom: Vec<Factor>, let_op: Vec<Tekst>) -> Suggestie {
        let waarom_len = waarom.len();
        let uitleg = waarom
            .into_iter()
            .chain(let_op.into_iter().map(|tekst| Factor { punten: 0, tekst }))
            .collect();
        Suggestie::from_parts(id, uitleg, waarom_len)
    }

    /// `uitleg` holds the factors, then the warnings; the score is their sum.
    pub(super) fn from_parts(id: Tekst, uitleg: Box<[Factor]>, waarom_len: usize) -> Suggestie {
        Suggestie {
            id,
            score: uitleg[..waarom_len].iter().map(|f| f.punten).sum(),
            uitleg,
            waarom_len,
        }
    }

    /// The factors behind the score; their points add up to it.
    pub fn waarom(&self) -> &[Factor] {
        &self.uitleg[..self.waarom_len]
    }

    /// What to watch out for, in the order the rules found it.
    pub fn let_op(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.uitleg[self.waarom_len..].iter().map(|f| &*f.tekst)
    }
}

/// Serialised as before the two lists were joined: `waarom` and `let_op` apart.
impl Serialize for Suggestie {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Suggestie", 4)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("score", &self.score)?;
        st.serialize_field("waarom", self.waarom())?;
        st.serialize_field("let_op", &self.let_op().collect::<Vec<_>>())?;
        st.end()
    }
}

/// An option left out, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uitgesloten {
    pub id: Tekst,
    pub reden: Vec<String>,
}

/// An option that is not excluded but not suggested either: it stays in the whole
/// catalogue ("Hele catalogus") with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overig {
    pub id: Tekst,
    pub reden: Tekst,
    /// The score, when the option was scored (it fits too little); `None` when a
    /// prerequisite is not met.
    pub score: Option<i32>,
    /// The factor that weighed most against it, when one did.
    pub zwaarste: Option<Factor>,
}

impl Overig {
    /// The reason in full: "wat past, weegt niet op …: komt bovenop 20 uur zorg (−3)".
    pub fn tekst(&self) -> String {
        match &self.zwaarste {
            Some(f) => format!("{}; vooral: {} ({:+})", self.reden, f.tekst, f.punten),
            None => self.reden.to_string(),
        }
    }
}

/// The result: suggestions with a positive fit (best first), exclusions and the rest of
/// the catalogue (both in catalogue order).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Suggesties {
    pub suggesties: Vec<Suggestie>,
    pub uitgesloten: Vec<Uitgesloten>,
    pub overig: Vec<Overig>,
}

impl Suggesties {
    /// Why there are no suggestions, in Dutch; `None` when there are some.
    pub fn leeg_reden(&self) -> Option<String> {
        if !self.suggesties.is_empty() {
            return None;
        }
        let (u, o) = (self.uitgesloten.len(), self.overig.len());
        Some(match (u, o) {
            (0, 0) => "De catalogus is leeg.".to_string(),
            (u, 0) => format!(
                "Geen suggesties: alle {u} mogelijkheden zijn uitgesloten door de belemmeringen of de leeftijd van de klant. Bespreek eerst wat er nodig is, of een ontheffing."
            ),
            (_, _) => format!(
                "Geen suggesties: niets in de catalogus past nu bij de wensen, krachten en belemmeringen ({u} uitgesloten, {o} passen niet). Vraag door naar wensen, of kijk in de hele catalogus."
            ),
        })
    }
}

/// Ranks every option of the catalogue for the profile, compiling the catalogue first;
/// for ranking the same catalogue again, build a `Matcher` once and call its `suggest`.
/// Deterministic: the same input always gives the same output.
pub fn suggest(profiel: &Profiel, catalogue: &Catalogue, taxonomy: &Taxonomy) -> Suggesties {
    Matcher::new(catalogue, taxonomy).suggest(profiel)
}

#[cfg(test)]
pub(crate) mod tests;
