//! Ranking with a compiled catalogue (`Matcher`): the profile is resolved once per call,
//! then every option is excluded with its reasons or scored with its factors, and the
//! suggestions are sorted. The rules themselves are described in `matching`.

use std::rc::Rc;

use super::index::{Id, Matcher, Record};
use super::*;

/// A profile id with its label and the factor text it produces, made once per call so
/// the per-option loop only compares numbers and clones finished texts.
struct Tag<'a> {
    /// `None` when the catalogue never mentions the id: it then matches nothing.
    id: Option<Id>,
    label: &'a str,
    tekst: Tekst,
    /// The matching warning, where the rule has one.
    let_op: Tekst,
}

impl<'a> Tag<'a> {
    fn new(m: &Matcher, id: &str, label: &'a str, tekst: String) -> Tag<'a> {
        Tag {
            id: m.id(id),
            label,
            tekst: tekst.into(),
            let_op: "".into(),
        }
    }
}

fn find<'t, 'a>(tags: &'t [Tag<'a>], id: Id) -> Option<&'t Tag<'a>> {
    tags.iter().find(|t| t.id == Some(id))
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
        use crate::core::catalogue::Drempel;
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

fn drempel_tekst(d: crate::core::catalogue::Drempel) -> &'static str {
    use crate::core::catalogue::Drempel;
    match d {
        Drempel::Vog => "VOG nodig: aanvraag en kosten regelen",
        Drempel::Reiskosten => "reiskosten: vergoeding afspreken",
        Drempel::Kinderopvang => "kinderopvang regelen",
        Drempel::Kosten => "kosten (kleding, materiaal of cursusgeld): wie betaalt?",
    }
}

/// The profile resolved against the index.
struct Prepared<'a> {
    wensen: Vec<Tag<'a>>,
    belemmeringen: Vec<Tag<'a>>,
    crisis: bool,
    /// The care duties in the profile.
    zorg: Vec<Tag<'a>>,
    zorg_let_op: Tekst,
    vast: Vast,
    /// Catalogue positions of the options done before, sorted.
    eerder: Vec<u32>,
    /// Categories of options done before, with their factor text and warning.
    eerder_categorieen: Vec<Tag<'a>>,
    actief: Vec<Tag<'a>>,
    leeftijd: Option<u8>,
}

impl<'a> Prepared<'a> {
    fn new(p: &'a Profiel, m: &'a Matcher) -> Prepared<'a> {
        let tax = &m.taxonomy;
        let wensen = p
            .wensen
            .iter()
            .map(|id| {
                let label = tax.label(TagKind::Wens, id);
                Tag::new(m, id, label, format!("past bij wens '{label}'"))
            })
            .collect();
        let belemmeringen: Vec<Tag> = p
            .belemmeringen
            .iter()
            .map(|id| {
                let label = tax.label(TagKind::Belemmering, id);
                Tag::new(m, id, label, format!("werkt aan '{label}'"))
            })
            .collect();
        let zorg: Vec<Tag> = p
            .belemmeringen
            .iter()
            .filter(|id| ZORGTAKEN.contains(&id.as_str()))
            .map(|id| {
                let label = tax.label(TagKind::Belemmering, id);
                Tag::new(
                    m,
                    id,
                    label,
                    format!("houdt rekening met zorgtaken: '{label}'"),
                )
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
        // Categories in catalogue order of the options done before.
        let mut eerder: Vec<u32> = p.eerder.iter().flat_map(|id| m.positions(id)).collect();
        eerder.sort_unstable();
        eerder.dedup();
        let mut eerder_categorieen: Vec<Tag> = Vec::new();
        for &pos in &eerder {
            let categorie = m.records[pos as usize].categorie;
            if find(&eerder_categorieen, categorie).is_none() {
                let id = m.name(categorie);
                let label = tax.categorie_label(id);
                let mut tag = Tag::new(
                    m,
                    id,
                    label,
                    format!("eerder iets in '{label}' gedaan (projectmoeheid)"),
                );
                tag.let_op =
                    format!("eerder al iets in '{label}' gedaan: vraag naar die ervaring").into();
                eerder_categorieen.push(tag);
            }
        }
        let actief = p
            .actief
            .iter()
            .map(|id| {
                let label = tax.categorie_label(id);
                let tekst = format!("al actief in '{label}': eerst erkennen en vastleggen");
                Tag::new(m, id, label, tekst)
            })
            .collect();
        Prepared {
            wensen,
            crisis: p.belemmeringen.iter().any(|id| id == CRISIS),
            belemmeringen,
            zorg,
            zorg_let_op,
            vast: Vast::new(),
            eerder,
            eerder_categorieen,
            actief,
            leeftijd: p.leeftijd,
        }
    }
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

/// Factors and warnings of the option being scored. Kept across options so each
/// suggestion's lists are allocated once, at their final size.
#[derive(Default)]
struct Scratch {
    waarom: Vec<Factor>,
    let_op: Vec<Tekst>,
}

impl Scratch {
    /// The suggestion, its factors and warnings moved out in one list of exact size.
    fn take(&mut self, id: &Tekst) -> Suggestie {
        let waarom_len = self.waarom.len();
        let mut uitleg = Vec::with_capacity(waarom_len + self.let_op.len());
        uitleg.append(&mut self.waarom);
        uitleg.extend(
            self.let_op
                .drain(..)
                .map(|tekst| Factor { punten: 0, tekst }),
        );
        Suggestie::from_parts(Rc::clone(id), uitleg.into_boxed_slice(), waarom_len)
    }
}

impl Matcher {
    /// Ranks every option for the profile. Deterministic: the same input always gives
    /// the same output, sorted by score (high first), then by id.
    pub fn suggest(&self, profiel: &Profiel) -> Suggesties {
        let p = Prepared::new(profiel, self);
        let mut uren = profiel.uren_kan.map(|kan| UrenTeksten {
            kan,
            cache: vec![None; usize::from(u8::MAX) + 1],
        });
        let mut scratch = Scratch::default();
        let mut suggesties = Vec::with_capacity(self.records.len());
        let mut keys = Vec::with_capacity(self.records.len());
        let mut uitgesloten = Vec::new();
        for (pos, r) in self.records.iter().enumerate() {
            let reden = self.exclusions(r, &p);
            if reden.is_empty() {
                let eerder = p.eerder.binary_search(&(pos as u32)).is_ok();
                let s = self.score(r, &p, eerder, &mut uren, &mut scratch);
                keys.push(key(s.score, r.id_rank, suggesties.len()));
                suggesties.push(s);
            } else {
                uitgesloten.push(Uitgesloten {
                    id: Rc::clone(&r.id),
                    reden,
                });
            }
        }
        Suggesties {
            suggesties: sorted(suggesties, keys),
            uitgesloten,
        }
    }

    /// Reasons to leave the option out entirely; empty when it may be suggested.
    fn exclusions(&self, r: &Record, p: &Prepared) -> Vec<String> {
        let mut reden = Vec::new();
        for b in r.ongeschikt_bij.of(&self.bij) {
            if find(&p.belemmeringen, b.belemmering).is_some() {
                reden.push(b.tekst.to_string());
            }
        }
        if let Some(age) = p.leeftijd {
            let te_jong = r.leeftijd_min.is_some_and(|m| age < m);
            let te_oud = r.leeftijd_max.is_some_and(|m| age > m);
            if te_jong || te_oud {
                let range = match (r.leeftijd_min, r.leeftijd_max) {
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

    /// Scores one option that is not excluded; `eerder` when the client did it before.
    fn score(
        &self,
        r: &Record,
        p: &Prepared,
        eerder: bool,
        uren: &mut Option<UrenTeksten>,
        s: &mut Scratch,
    ) -> Suggestie {
        let Scratch { waarom, let_op } = s;
        let mut add = |punten: i32, tekst: &Tekst| {
            waarom.push(Factor {
                punten,
                tekst: Rc::clone(tekst),
            })
        };
        let v = &p.vast;
        let werkt_aan = r.werkt_aan.of(&self.lists);

        for &w in r.wensen.of(&self.lists) {
            if let Some(t) = find(&p.wensen, w) {
                add(WENS, &t.tekst);
            }
        }
        for &b in werkt_aan {
            if let Some(t) = find(&p.belemmeringen, b) {
                add(WERKT_AAN, &t.tekst);
            }
        }
        if p.crisis {
            if r.crisis_hulp {
                add(CRISIS_HULP, &v.crisis_hulp);
            } else {
                let_op.push(Rc::clone(&v.crisis_let_op));
            }
        }
        if !p.zorg.is_empty() {
            let mut erkent_zorg = false;
            for t in &p.zorg {
                if t.id.is_some_and(|id| werkt_aan.contains(&id)) {
                    add(ZORG, &t.tekst);
                    erkent_zorg = true;
                }
            }
            if erkent_zorg && r.erkent_bestaand {
                // The care itself is what the client already does: recognising it comes
                // before anything new, exactly as for existing vrijwilligerswerk.
                add(ERKENNEN, &v.zorg_erkennen);
            } else if !erkent_zorg {
                add(BOVENOP_ZORG, &v.bovenop_zorg);
                let_op.push(Rc::clone(&p.zorg_let_op));
            }
        }
        let mut erkent_actief = false;
        if let Some(t) = find(&p.actief, r.categorie)
            && r.erkent_bestaand
        {
            add(ERKENNEN, &t.tekst);
            erkent_actief = true;
        }
        if eerder {
            add(EERDER_OPTIE, &v.eerder_optie);
            let_op.push(Rc::clone(&v.eerder_optie_let_op));
        } else if let Some(t) = find(&p.eerder_categorieen, r.categorie)
            // Recording what the client already does is not another project.
            && !erkent_actief
        {
            add(EERDER_CATEGORIE, &t.tekst);
            let_op.push(Rc::clone(&t.let_op));
        }
        if let Some(u) = uren
            && r.uren_min > u.kan
        {
            let (factor, warning) = u.get(r.uren_min);
            add(TE_VEEL_UREN, factor);
            let_op.push(Rc::clone(warning));
        }

        for b in r.let_op_bij.of(&self.bij) {
            if find(&p.belemmeringen, b.belemmering).is_some() {
                let_op.push(Rc::clone(&b.tekst));
            }
        }
        if let Some(t) = &r.verdringing {
            let_op.push(Rc::clone(t));
        }
        for &d in r.drempels.of(&self.lists) {
            let_op.push(Rc::clone(&v.drempels[d as usize]));
        }

        s.take(&r.id)
    }
}

/// Sorts by score (high first), then id, then catalogue position, by sorting one packed
/// integer per suggestion (`key`): no comparison touches a string, and each suggestion
/// is then moved once, into its place.
pub(super) fn sorted(mut suggesties: Vec<Suggestie>, mut keys: Vec<u128>) -> Vec<Suggestie> {
    keys.sort_unstable();
    // Follow the permutation's cycles, in place: a second list of ten thousand
    // suggestions cost more than the sort itself.
    let mut from: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
    for start in 0..from.len() {
        let mut at = start;
        while from[at] as usize != start {
            let next = from[at] as usize;
            suggesties.swap(at, next);
            from[at] = at as u32;
            at = next;
        }
        from[at] = at as u32;
    }
    suggesties
}

/// The score descending in the top 64 bits, then the id's rank among all ids, then the
/// suggestion's position `i`.
pub(super) fn key(score: i32, id_rank: u32, i: usize) -> u128 {
    // Flipping the sign bit orders i32 as u32; inverting makes it descending.
    let desc = !((score as u32) ^ (1 << 31));
    (u128::from(desc) << 64) | (u128::from(id_rank) << 32) | i as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sort_key_orders_by_score_then_id_then_position_over_the_whole_range() {
        // (id, score, the id's rank among all ids); "a" twice, as a repeated id.
        let input = [
            ("a", 40_000, 0),
            ("b", i32::MAX, 1),
            ("c", -40_000, 2),
            ("d", i32::MIN, 3),
            ("e", 0, 4),
            ("a", 40_000, 0),
            ("f", 40_000, 5),
            ("e", -1, 4),
        ];
        let mut suggesties = Vec::new();
        let mut keys = Vec::new();
        for (i, &(id, score, rank)) in input.iter().enumerate() {
            let factor = Factor {
                punten: score,
                tekst: i.to_string().into(),
            };
            suggesties.push(Suggestie::new(id.into(), vec![factor], Vec::new()));
            keys.push(key(score, rank, i));
        }
        let got: Vec<String> = sorted(suggesties, keys)
            .iter()
            .map(|x| format!("{}{}", x.id, x.waarom()[0].tekst))
            .collect();
        assert_eq!(got, ["b1", "a0", "a5", "f6", "e4", "e7", "c2", "d3"]);
    }
}
