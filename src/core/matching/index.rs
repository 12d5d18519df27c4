//! The catalogue compiled for matching: taxonomy ids numbered, every text an option can
//! contribute made once, and one compact record per option in catalogue order.
//!
//! Ranking straight from the catalogue followed a dozen pointers per option into strings
//! spread over the heap and built its warning texts anew for every option; on a
//! 10,000-option catalogue that, and freeing those texts again, was most of the time.
//! The app builds the index once when it has read the data, next to the search index,
//! so opening the suggestions only ranks.

use std::collections::HashMap;
use std::rc::Rc;

use super::{HULP_CATEGORIEEN, TAAL, Tekst, WENS_NEDERLANDS};
use crate::core::catalogue::{Begeleiding, Bij, Catalogue, Niveau, Optie, Vorm};
use crate::core::taxonomy::{TagKind, Taxonomy};

/// A taxonomy id as a number. Wens, belemmering and category ids share one numbering:
/// the matching only ever asks whether two ids are equal.
pub(super) type Id = u32;

/// A run of entries in one of the index's shared arrays.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Span {
    start: u32,
    len: u32,
}

impl Span {
    pub(super) fn of<T>(self, xs: &[T]) -> &[T] {
        &xs[self.start as usize..(self.start + self.len) as usize]
    }
}

/// A `Bij` (belemmering with the option's reason) with its finished texts.
#[derive(Debug, Clone)]
pub(super) struct BijTekst {
    pub(super) belemmering: Id,
    /// "niet bij 'Label': reden" or "let op bij 'Label': reden".
    pub(super) tekst: Tekst,
    /// The factor for a warning: "aandachtspunt bij 'Label'" (shared per label).
    pub(super) factor: Tekst,
}

/// An option's prerequisites (`Voorwaarden`), compiled.
#[derive(Debug, Clone)]
pub(super) struct Voorwaarde {
    pub(super) indicatie: bool,
    pub(super) taal: bool,
    /// One of these belemmeringen.
    pub(super) belemmering: Span,
    /// Why the option is not suggested when the profile does not meet them.
    pub(super) reden: Tekst,
}

/// One option, as the ranking needs it.
#[derive(Debug, Clone)]
pub(super) struct Record {
    pub(super) id: Tekst,
    /// The id's place in the sorted list of all ids: sorting by it sorts by id without
    /// comparing strings. Options sharing an id share the number.
    pub(super) id_rank: u32,
    pub(super) categorie: Id,
    pub(super) wensen: Span,
    pub(super) werkt_aan: Span,
    /// `Drempel`s as their declaration index, in the option's order.
    pub(super) drempels: Span,
    pub(super) ongeschikt_bij: Span,
    pub(super) let_op_bij: Span,
    pub(super) krachten: Span,
    /// The verdringing risk, with its warning when it is midden or hoog.
    pub(super) verdringing: Niveau,
    pub(super) verdringing_tekst: Option<Tekst>,
    pub(super) uren_min: u8,
    /// Guidance of `geen` or `taakgericht`: too little for a client who needs more.
    pub(super) weinig_begeleiding: bool,
    pub(super) leeftijd_min: Option<u8>,
    pub(super) leeftijd_max: Option<u8>,
    /// The warning for a client whose age is not known, made once here.
    pub(super) leeftijd_onbekend: Option<Tekst>,
    pub(super) erkent_bestaand: bool,
    /// Help or a route (`HULP_CATEGORIEEN`), not an activity.
    pub(super) hulp: bool,
    pub(super) vorm: Option<Vorm>,
    /// Index into `Matcher::voorwaarden`, for an option for a specific group.
    pub(super) voorwaarde: Option<u32>,
}

/// A catalogue and taxonomy compiled for `Matcher::suggest`. Build it again when either
/// changes; it keeps its own copy of the taxonomy's labels.
#[derive(Debug, Clone)]
pub struct Matcher {
    pub(super) taxonomy: Taxonomy,
    names: HashMap<Rc<str>, Id>,
    /// The ids by number.
    by_number: Vec<Rc<str>>,
    pub(super) records: Vec<Record>,
    /// Wens and werkt-aan ids and drempels of all records.
    pub(super) lists: Vec<Id>,
    /// Ongeschikt-bij and let-op-bij entries of all records.
    pub(super) bij: Vec<BijTekst>,
    /// Prerequisites of the options that have them.
    pub(super) voorwaarden: Vec<Voorwaarde>,
    /// Option ids with their positions, sorted, to find options done before.
    by_id: Vec<(Tekst, u32)>,
}

impl Matcher {
    pub fn new(catalogue: &Catalogue, taxonomy: &Taxonomy) -> Matcher {
        let mut m = Matcher {
            taxonomy: taxonomy.clone(),
            names: HashMap::new(),
            by_number: Vec::new(),
            records: Vec::with_capacity(catalogue.opties.len()),
            lists: Vec::new(),
            bij: Vec::new(),
            voorwaarden: Vec::new(),
            by_id: Vec::with_capacity(catalogue.opties.len()),
        };
        // Labels are shared by many options; each reason text is made once per label.
        let mut niet_bij: HashMap<&str, String> = HashMap::new();
        let mut let_op_bij: HashMap<&str, String> = HashMap::new();
        let mut factoren: HashMap<&str, Tekst> = HashMap::new();
        for (pos, o) in catalogue.opties.iter().enumerate() {
            let id: Tekst = o.id.as_str().into();
            let wensen = m.list(o.wensen.iter().map(String::as_str));
            let werkt_aan = m.list(o.werkt_aan.iter().map(String::as_str));
            let drempels = m.span(o.drempels.iter().map(|&d| d as Id));
            let krachten = m.list(o.krachten.iter().map(String::as_str));
            let ongeschikt_bij = m.bij(
                &o.ongeschikt_bij,
                (&mut niet_bij, &mut factoren),
                taxonomy,
                "niet bij",
            );
            let let_op = m.bij(
                &o.let_op_bij,
                (&mut let_op_bij, &mut factoren),
                taxonomy,
                "let op bij",
            );
            let voorwaarde = m.voorwaarde(o, taxonomy);
            let verdringing_tekst = (o.verdringing.risico >= Niveau::Midden).then(|| {
                let reden = o.verdringing.reden.as_str();
                let sep = if reden.is_empty() { "" } else { ": " };
                let label = o.verdringing.risico.label();
                Tekst::from(format!("verdringingsrisico {label}{sep}{reden}"))
            });
            m.by_id.push((Rc::clone(&id), pos as u32));
            let categorie = m.intern(&o.categorie);
            m.records.push(Record {
                id,
                id_rank: 0,
                categorie,
                wensen,
                werkt_aan,
                drempels,
                ongeschikt_bij,
                let_op_bij: let_op,
                krachten,
                verdringing: o.verdringing.risico,
                verdringing_tekst,
                uren_min: o.uren_min,
                weinig_begeleiding: o.begeleiding <= Begeleiding::Taakgericht,
                leeftijd_min: o.leeftijd_min,
                leeftijd_max: o.leeftijd_max,
                leeftijd_onbekend: (o.leeftijd_min.is_some() || o.leeftijd_max.is_some()).then(
                    || {
                        let range = super::rank::leeftijden(o.leeftijd_min, o.leeftijd_max);
                        Tekst::from(format!("alleen voor {range}: vraag de leeftijd"))
                    },
                ),
                erkent_bestaand: o.erkent_bestaand,
                hulp: HULP_CATEGORIEEN.contains(&o.categorie.as_str()),
                vorm: o.vorm,
                voorwaarde,
            });
        }
        m.by_id.sort();
        let mut rank = 0;
        for i in 0..m.by_id.len() {
            if i > 0 && m.by_id[i].0 != m.by_id[i - 1].0 {
                rank += 1;
            }
            m.records[m.by_id[i].1 as usize].id_rank = rank;
        }
        m
    }

    /// The number of an id the catalogue uses, if it uses it at all; a profile id the
    /// catalogue never mentions cannot match anything.
    pub(super) fn id(&self, name: &str) -> Option<Id> {
        self.names.get(name).copied()
    }

    /// Positions of the options with this id (one, unless the catalogue repeats it).
    pub(super) fn positions<'s>(&'s self, id: &'s str) -> impl Iterator<Item = u32> + 's {
        let from = self.by_id.partition_point(|(x, _)| &**x < id);
        self.by_id[from..]
            .iter()
            .take_while(move |(x, _)| &**x == id)
            .map(|&(_, pos)| pos)
    }

    /// The id with this number.
    pub(super) fn name(&self, id: Id) -> &str {
        &self.by_number[id as usize]
    }

    fn intern(&mut self, name: &str) -> Id {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.by_number.len() as Id;
        let name: Rc<str> = name.into();
        self.by_number.push(Rc::clone(&name));
        self.names.insert(name, id);
        id
    }

    fn span(&mut self, ids: impl Iterator<Item = Id>) -> Span {
        let start = self.lists.len() as u32;
        self.lists.extend(ids);
        Span {
            start,
            len: self.lists.len() as u32 - start,
        }
    }

    fn list<'a>(&mut self, names: impl Iterator<Item = &'a str>) -> Span {
        let ids: Vec<Id> = names.map(|n| self.intern(n)).collect();
        self.span(ids.into_iter())
    }

    fn bij<'c>(
        &mut self,
        entries: &'c [Bij],
        (prefixes, factoren): (&mut HashMap<&'c str, String>, &mut HashMap<&'c str, Tekst>),
        taxonomy: &Taxonomy,
        wat: &str,
    ) -> Span {
        let start = self.bij.len() as u32;
        for b in entries {
            let label = || taxonomy.label(TagKind::Belemmering, &b.belemmering);
            let prefix = prefixes
                .entry(b.belemmering.as_str())
                .or_insert_with(|| format!("{wat} '{}': ", label()));
            let tekst = Tekst::from(format!("{prefix}{}", b.reden));
            let factor = factoren
                .entry(b.belemmering.as_str())
                .or_insert_with(|| format!("aandachtspunt bij '{}'", label()).into());
            let factor = Rc::clone(factor);
            let belemmering = self.intern(&b.belemmering);
            self.bij.push(BijTekst {
                belemmering,
                tekst,
                factor,
            });
        }
        Span {
            start,
            len: self.bij.len() as u32 - start,
        }
    }

    /// The option's prerequisites with the reason it is not suggested without them.
    fn voorwaarde(&mut self, o: &Optie, taxonomy: &Taxonomy) -> Option<u32> {
        let v = &o.voorwaarden;
        if v.is_empty() {
            return None;
        }
        let labels: Vec<String> = v
            .belemmering
            .iter()
            .map(|b| format!("'{}'", taxonomy.label(TagKind::Belemmering, b)))
            .collect();
        let mut delen = Vec::new();
        if v.indicatie {
            delen.push(if labels.is_empty() {
                "alleen met een indicatie (van het buurt- of wijkteam)".to_string()
            } else {
                format!(
                    "alleen met een indicatie, of bij {} (dan indicatie aanvragen)",
                    of_list(&labels)
                )
            });
        } else if !labels.is_empty() {
            delen.push(format!("alleen bij {}", of_list(&labels)));
        }
        if v.taal {
            let taal = taxonomy.label(TagKind::Belemmering, TAAL);
            let wens = taxonomy.label(TagKind::Wens, WENS_NEDERLANDS);
            delen.push(format!(
                "alleen bij een taalvraag: wie Nederlands leert ('{taal}' of wens '{wens}')"
            ));
        }
        let belemmering = self.list(v.belemmering.iter().map(String::as_str));
        self.voorwaarden.push(Voorwaarde {
            indicatie: v.indicatie,
            taal: v.taal,
            belemmering,
            reden: format!("voor een specifieke groep: {}", delen.join("; ")).into(),
        });
        Some(self.voorwaarden.len() as u32 - 1)
    }
}

/// "'a'", "'a' of 'b'", "'a', 'b' of 'c'".
fn of_list(xs: &[String]) -> String {
    match xs {
        [] => String::new(),
        [x] => x.clone(),
        [rest @ .., last] => format!("{} of {last}", rest.join(", ")),
    }
}
