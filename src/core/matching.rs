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
mod rank;

pub use index::Matcher;

/// Points per wens the option serves.
pub const WENS: i32 = 3;
/// Points per belemmering the option works on.
pub const WERKT_AAN: i32 = 2;
/// A crisis comes first: help and ontheffing options rise above everything else.
pub const CRISIS_HULP: i32 = 10;
/// Options that recognise or relieve care duties rise above extra activities.
pub const ZORG: i32 = 4;
/// An activity that takes no account of the client's care duties would come on top of
/// them: the grandmother made to volunteer besides caring for her grandchildren is the
/// research's example of what undermines participation (`003:L302`).
pub const BOVENOP_ZORG: i32 = -3;
/// Recognising activity the client already does comes before anything new.
pub const ERKENNEN: i32 = 6;
/// The very same option again is the clearest case of projectmoeheid.
pub const EERDER_OPTIE: i32 = -4;
/// Something else in a category done before: a milder signal.
pub const EERDER_CATEGORIE: i32 = -1;
/// Asks for more hours than the client can manage now.
pub const TE_VEEL_UREN: i32 = -2;

/// Belemmering id for a crisis (huiselijk geweld, acute problems).
pub const CRISIS: &str = "crisis";
/// Belemmering ids for care duties that volunteering must never be piled on top of.
pub const ZORGTAKEN: [&str; 2] = ["mantelzorg", "kinderzorg"];
/// Category ids whose options help with a crisis rather than add an activity.
pub const HULP_CATEGORIEEN: [&str; 2] = ["ontheffing", "eigen-belemmeringen"];
/// What the matching needs to know about the client; built from a session or by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profiel {
    pub wensen: Vec<String>,
    pub belemmeringen: Vec<String>,
    pub uren_kan: Option<u8>,
    /// Option ids done before.
    pub eerder: Vec<String>,
    /// Category ids already active.
    pub actief: Vec<String>,
    pub leeftijd: Option<u8>,
}

impl From<&Session> for Profiel {
    fn from(s: &Session) -> Profiel {
        Profiel {
            wensen: s.wensen.clone(),
            belemmeringen: s.belemmeringen.clone(),
            uren_kan: s.uren_kan,
            eerder: s.eerder.clone(),
            actief: s.actief.clone(),
            leeftijd: s.leeftijd,
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

/// The result: ranked suggestions (score desc, then id) and exclusions (catalogue order).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Suggesties {
    pub suggesties: Vec<Suggestie>,
    pub uitgesloten: Vec<Uitgesloten>,
}

/// Ranks every option of the catalogue for the profile, compiling the catalogue first;
/// for ranking the same catalogue again, build a `Matcher` once and call its `suggest`.
/// Deterministic: the same input always gives the same output, sorted by score (high
/// first), then by id.
pub fn suggest(profiel: &Profiel, catalogue: &Catalogue, taxonomy: &Taxonomy) -> Suggesties {
    Matcher::new(catalogue, taxonomy).suggest(profiel)
}

#[cfg(test)]
pub(crate) mod tests;
