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

use super::catalogue::{Catalogue, Niveau, Optie};
use super::session::Session;
use super::taxonomy::{TagKind, Taxonomy};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestie {
    pub id: String,
    pub score: i32,
    pub waarom: Vec<Factor>,
    pub let_op: Vec<Tekst>,
}

/// An option left out, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uitgesloten {
    pub id: String,
    pub reden: Vec<String>,
}

/// The result: ranked suggestions (score desc, then id) and exclusions (catalogue order).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Suggesties {
    pub suggesties: Vec<Suggestie>,
    pub uitgesloten: Vec<Uitgesloten>,
}

/// A profile id with its label and the factor text it produces, built once per call so
/// the per-option loop only compares ids and clones finished strings.
struct Tag<'a> {
    id: &'a str,
    label: &'a str,
    tekst: Tekst,
    /// The matching warning or exclusion prefix, where the rule has one.
    let_op: Tekst,
}

/// Texts that do not depend on the option, made once per call.
struct Vast {
    crisis_hulp: Tekst,
    crisis_let_op: Tekst,
    zorg_erkennen: Tekst,
    bovenop_zorg: Tekst,
    eerder_optie: Tekst,
    eerder_optie_let_op: Tekst,
    /// Per `Drempel`, in declaration order.
    drempels: [Tekst; 4],
}

impl Vast {
    fn new() -> Vast {
        use super::catalogue::Drempel;
        Vast {
            crisis_hulp: "eerst veiligheid en hulp: past bij de crisis".into(),
            crisis_let_op: "eerst de crisis: hulp en eventueel ontheffing gaan voor".into(),
            zorg_erkennen: "de zorg die de klant al geeft: eerst erkennen en vastleggen".into(),
            bovenop_zorg: "komt bovenop de zorgtaken".into(),
            eerder_optie: "eerder gedaan (projectmoeheid)".into(),
            eerder_optie_let_op:
                "eerder gedaan: vraag wat het toen opleverde voordat u het opnieuw voorstelt".into(),
            drempels: [
                drempel_tekst(Drempel::Vog).into(),
                drempel_tekst(Drempel::Reiskosten).into(),
                drempel_tekst(Drempel::Kinderopvang).into(),
                drempel_tekst(Drempel::Kosten).into(),
            ],
        }
    }
}

/// The profile resolved against the taxonomy and catalogue.
struct Prepared<'a> {
    wensen: Vec<Tag<'a>>,
    belemmeringen: Vec<Tag<'a>>,
    crisis: bool,
    /// Labels of the care duties in the profile.
    zorg: Vec<Tag<'a>>,
    zorg_let_op: Tekst,
    vast: Vast,
    eerder: Vec<&'a str>,
    /// Categories of options done before, with their factor text.
    eerder_categorieen: Vec<Tag<'a>>,
    actief: Vec<Tag<'a>>,
}

fn find<'t, 'a>(tags: &'t [Tag<'a>], id: &str) -> Option<&'t Tag<'a>> {
    tags.iter().find(|t| same(t.id, id))
}

/// String equality that rejects on length and first byte inline before calling memcmp;
/// the matching loop does about twenty of these per option, nearly all unequal.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

impl<'a> Prepared<'a> {
    fn new(p: &'a Profiel, cat: &'a Catalogue, tax: &'a Taxonomy) -> Prepared<'a> {
        let wensen = p
            .wensen
            .iter()
            .map(|id| {
                let label = tax.label(TagKind::Wens, id);
                Tag {
                    id,
                    label,
                    tekst: format!("past bij wens '{label}'").into(),
                    let_op: "".into(),
                }
            })
            .collect();
        let belemmeringen: Vec<Tag> = p
            .belemmeringen
            .iter()
            .map(|id| {
                let label = tax.label(TagKind::Belemmering, id);
                Tag {
                    id,
                    label,
                    tekst: format!("werkt aan '{label}'").into(),
                    // Both prefixes are completed with the option's own reason.
                    let_op: format!("let op bij '{label}': ").into(),
                }
            })
            .collect();
        let zorg: Vec<Tag> = belemmeringen
            .iter()
            .filter(|t| ZORGTAKEN.contains(&t.id))
            .map(|t| Tag {
                id: t.id,
                label: t.label,
                tekst: format!("houdt rekening met zorgtaken: '{}'", t.label).into(),
                let_op: "".into(),
            })
            .collect();
        let zorg_let_op: Tekst = if zorg.is_empty() {
            "".into()
        } else {
            let labels: Vec<String> = zorg.iter().map(|t| format!("'{}'", t.label)).collect();
            format!(
                "zorgtaken ({}): niets bovenop de zorg stapelen; eerst de zorg erkennen, uren afstemmen",
                labels.join(", ")
            )
            .into()
        };
        // One pass over the catalogue with the cheap comparison, instead of a `find` per
        // id: on a large catalogue this lookup was a visible part of the whole call.
        let mut eerder_categorieen: Vec<Tag> = Vec::new();
        if !p.eerder.is_empty() {
            for o in &cat.opties {
                if p.eerder.iter().any(|e| same(e, &o.id))
                    && find(&eerder_categorieen, &o.categorie).is_none()
                {
                    let label = tax.categorie_label(&o.categorie);
                    eerder_categorieen.push(Tag {
                        id: &o.categorie,
                        label,
                        tekst: format!("eerder iets in '{label}' gedaan (projectmoeheid)").into(),
                        let_op: format!(
                            "eerder al iets in '{label}' gedaan: vraag naar die ervaring"
                        )
                        .into(),
                    });
                }
            }
        }
        let actief = p
            .actief
            .iter()
            .map(|id| {
                let label = tax.categorie_label(id);
                Tag {
                    id,
                    label,
                    tekst: format!("al actief in '{label}': eerst erkennen en vastleggen").into(),
                    let_op: "".into(),
                }
            })
            .collect();
        Prepared {
            wensen,
            crisis: belemmeringen.iter().any(|t| t.id == CRISIS),
            belemmeringen,
            zorg,
            zorg_let_op,
            vast: Vast::new(),
            eerder: p.eerder.iter().map(String::as_str).collect(),
            eerder_categorieen,
            actief,
        }
    }
}

/// Concatenates without the formatting machinery, in one allocation: this runs for
/// most options, and `format!` was a visible part of the time per option.
fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// Reasons to leave the option out entirely; empty when it may be suggested.
fn exclusions(o: &Optie, p: &Prepared, leeftijd: Option<u8>) -> Vec<String> {
    let mut reden = Vec::new();
    for b in &o.ongeschikt_bij {
        if let Some(t) = find(&p.belemmeringen, &b.belemmering) {
            reden.push(concat(&["niet bij '", t.label, "': ", &b.reden]));
        }
    }
    if let Some(age) = leeftijd {
        let te_jong = o.leeftijd_min.is_some_and(|m| age < m);
        let te_oud = o.leeftijd_max.is_some_and(|m| age > m);
        if te_jong || te_oud {
            let range = match (o.leeftijd_min, o.leeftijd_max) {
                (Some(lo), Some(hi)) => format!("{lo}–{hi} jaar"),
                (Some(lo), None) => format!("vanaf {lo} jaar"),
                (None, Some(hi)) => format!("tot en met {hi} jaar"),
                (None, None) => unreachable!("an age bound was checked"),
            };
            reden.push(format!("leeftijd {age} valt buiten {range}"));
        }
    }
    reden
}

/// Texts for "more hours than the client can", per `uren_min`, made on first use: there
/// are few distinct values, and most options share one.
struct UrenTeksten {
    kan: u8,
    cache: Vec<Option<(Tekst, Tekst)>>,
}

impl UrenTeksten {
    fn get(&mut self, min: u8) -> &(Tekst, Tekst) {
        let kan = self.kan;
        self.cache[usize::from(min)].get_or_insert_with(|| {
            (
                format!("vraagt minstens {min} uur per week, klant kan {kan}").into(),
                format!(
                    "minstens {min} uur per week, meer dan de {kan} uur die nu haalbaar is: kleiner beginnen of opbouwen"
                )
                .into(),
            )
        })
    }
}

/// Scores one option that is not excluded.
fn score(o: &Optie, p: &Prepared, uren: &mut Option<UrenTeksten>) -> Suggestie {
    let mut waarom = Vec::new();
    let mut let_op: Vec<Tekst> = Vec::new();
    let mut add = |punten: i32, tekst: &Tekst| {
        waarom.push(Factor {
            punten,
            tekst: Rc::clone(tekst),
        })
    };
    let v = &p.vast;

    for w in &o.wensen {
        if let Some(t) = find(&p.wensen, w) {
            add(WENS, &t.tekst);
        }
    }
    for b in &o.werkt_aan {
        if let Some(t) = find(&p.belemmeringen, b) {
            add(WERKT_AAN, &t.tekst);
        }
    }
    if p.crisis {
        let helpt = HULP_CATEGORIEEN.contains(&o.categorie.as_str())
            && o.werkt_aan.iter().any(|b| b == CRISIS);
        if helpt {
            add(CRISIS_HULP, &v.crisis_hulp);
        } else {
            let_op.push(Rc::clone(&v.crisis_let_op));
        }
    }
    if !p.zorg.is_empty() {
        let mut erkent_zorg = false;
        for t in &p.zorg {
            if o.werkt_aan.iter().any(|b| same(b, t.id)) {
                add(ZORG, &t.tekst);
                erkent_zorg = true;
            }
        }
        if erkent_zorg && o.erkent_bestaand {
            // The care itself is what the client already does: recognising it comes
            // before anything new, exactly as for existing vrijwilligerswerk.
            add(ERKENNEN, &v.zorg_erkennen);
        } else if !erkent_zorg {
            add(BOVENOP_ZORG, &v.bovenop_zorg);
            let_op.push(Rc::clone(&p.zorg_let_op));
        }
    }
    let mut erkent_actief = false;
    if let Some(t) = find(&p.actief, &o.categorie)
        && o.erkent_bestaand
    {
        add(ERKENNEN, &t.tekst);
        erkent_actief = true;
    }
    if p.eerder.iter().any(|e| same(e, &o.id)) {
        add(EERDER_OPTIE, &v.eerder_optie);
        let_op.push(Rc::clone(&v.eerder_optie_let_op));
    } else if let Some(t) = find(&p.eerder_categorieen, &o.categorie)
        // Recording what the client already does is not another project.
        && !erkent_actief
    {
        add(EERDER_CATEGORIE, &t.tekst);
        let_op.push(Rc::clone(&t.let_op));
    }
    if let Some(u) = uren
        && o.uren_min > u.kan
    {
        let (factor, warning) = u.get(o.uren_min);
        add(TE_VEEL_UREN, factor);
        let_op.push(Rc::clone(warning));
    }

    for b in &o.let_op_bij {
        if let Some(t) = find(&p.belemmeringen, &b.belemmering) {
            let_op.push(concat(&[&t.let_op, &b.reden]).into());
        }
    }
    if o.verdringing.risico >= Niveau::Midden {
        let reden = o.verdringing.reden.as_str();
        let sep = if reden.is_empty() { "" } else { ": " };
        let_op.push(
            concat(&[
                "verdringingsrisico ",
                o.verdringing.risico.label(),
                sep,
                reden,
            ])
            .into(),
        );
    }
    for d in &o.drempels {
        let_op.push(Rc::clone(&v.drempels[*d as usize]));
    }

    Suggestie {
        id: o.id.clone(),
        score: waarom.iter().map(|f| f.punten).sum(),
        waarom,
        let_op,
    }
}

fn drempel_tekst(d: super::catalogue::Drempel) -> &'static str {
    use super::catalogue::Drempel;
    match d {
        Drempel::Vog => "VOG nodig: aanvraag en kosten regelen",
        Drempel::Reiskosten => "reiskosten: vergoeding afspreken",
        Drempel::Kinderopvang => "kinderopvang regelen",
        Drempel::Kosten => "kosten (kleding, materiaal of cursusgeld): wie betaalt?",
    }
}

/// Ranks every option of the catalogue for the profile. Deterministic: the same input
/// always gives the same output, sorted by score (high first), then by id.
pub fn suggest(profiel: &Profiel, catalogue: &Catalogue, taxonomy: &Taxonomy) -> Suggesties {
    let p = Prepared::new(profiel, catalogue, taxonomy);
    let mut uren = profiel.uren_kan.map(|kan| UrenTeksten {
        kan,
        cache: vec![None; usize::from(u8::MAX) + 1],
    });
    let mut suggesties = Vec::with_capacity(catalogue.opties.len());
    let mut uitgesloten = Vec::new();
    for o in &catalogue.opties {
        let reden = exclusions(o, &p, profiel.leeftijd);
        if reden.is_empty() {
            suggesties.push(score(o, &p, &mut uren));
        } else {
            uitgesloten.push(Uitgesloten {
                id: o.id.clone(),
                reden,
            });
        }
    }
    Suggesties {
        suggesties: sorted(suggesties),
        uitgesloten,
    }
}

/// Sorts by score (high first), then id. Sorting one packed integer per suggestion is
/// several times faster than sorting the suggestions themselves: the key holds the score,
/// the id's first 10 bytes and the position, so nearly every comparison is settled without
/// touching a string, and each suggestion is then moved once, into its place.
fn sorted(mut suggesties: Vec<Suggestie>) -> Vec<Suggestie> {
    let fits = |s: &Suggestie| i16::try_from(s.score).is_ok();
    if !suggesties.iter().all(fits) {
        // Scores this large do not occur with real catalogues; sort plainly, to be exact.
        suggesties.sort_unstable_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        return suggesties;
    }
    let mut keys: Vec<u128> = suggesties
        .iter()
        .enumerate()
        .map(|(i, s)| key(s, i as u32))
        .collect();
    keys.sort_unstable();
    // Runs with an equal key head (score and first 10 bytes of id) are put in full id
    // order.
    let head = |k: u128| k >> 32;
    let mut start = 0;
    while start < keys.len() {
        let end = start + keys[start..].partition_point(|&k| head(k) == head(keys[start]));
        if end - start > 1 {
            keys[start..end].sort_unstable_by(|&a, &b| {
                let id = |k: u128| &suggesties[k as u32 as usize].id;
                id(a).cmp(id(b))
            });
        }
        start = end;
    }
    keys.iter()
        .map(|&k| {
            let empty = Suggestie {
                id: String::new(),
                score: 0,
                waarom: Vec::new(),
                let_op: Vec::new(),
            };
            std::mem::replace(&mut suggesties[k as u32 as usize], empty)
        })
        .collect()
}

/// The score descending in the top 16 bits (the caller checked it fits an i16), then
/// the id's first 10 bytes (zero-padded, so they sort like the bytes do), then the
/// position `i`.
fn key(s: &Suggestie, i: u32) -> u128 {
    let score = s.score as i16;
    // Flipping the sign bit orders i16 as u16; inverting makes it descending.
    let desc = !((score as u16) ^ (1 << 15));
    let mut bytes = [0u8; 16];
    bytes[..2].copy_from_slice(&desc.to_be_bytes());
    let n = s.id.len().min(10);
    bytes[2..2 + n].copy_from_slice(&s.id.as_bytes()[..n]);
    bytes[12..].copy_from_slice(&i.to_be_bytes());
    u128::from_be_bytes(bytes)
}

#[cfg(test)]
pub(crate) mod tests;
