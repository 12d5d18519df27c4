//! Ranking with a compiled catalogue (`Matcher`): the profile is resolved once per call
//! (`Prepared`, in `prepared`), then every option is excluded with its reasons, left in
//! the whole catalogue with its reason, or scored with its factors; the suggestions are
//! sorted by score and then by fit. The rules themselves are described in `matching`.

use std::rc::Rc;

use super::index::{Matcher, Record};
use super::prepared::{Prepared, find};
use super::*;
use crate::core::catalogue::{Niveau, Vorm};

/// Factors and warnings of the option being scored. Kept across options so each
/// suggestion's lists are allocated once, at their final size.
#[derive(Default)]
pub(super) struct Scratch {
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

    fn clear(&mut self) {
        self.waarom.clear();
        self.let_op.clear();
    }
}

/// What sorting needs besides the score: the tie breaks by fit.
#[derive(Clone, Copy)]
struct Fit {
    hoofddoel: bool,
    warnings: usize,
    uren_over: u8,
}

impl Matcher {
    /// Ranks every option for the profile. Deterministic: the same input always gives
    /// the same output. Suggested are the options with a positive score, best first;
    /// ties go to the main aim, then the fewest warnings, then the best hours fit, and
    /// only then the id.
    pub fn suggest(&self, profiel: &Profiel) -> Suggesties {
        let mut p = Prepared::new(profiel, self);
        let mut scratch = Scratch::default();
        let mut suggesties = Vec::with_capacity(self.records.len());
        let mut keys = Vec::with_capacity(self.records.len());
        let mut uitgesloten = Vec::new();
        let mut overig = Vec::new();
        for (pos, r) in self.records.iter().enumerate() {
            let pos = pos as u32;
            let reden = self.exclusions(r, &p);
            if !reden.is_empty() {
                uitgesloten.push(Uitgesloten {
                    id: Rc::clone(&r.id),
                    reden,
                });
                continue;
            }
            let doet_al = p.doet_al(pos, r);
            if let Some(reden) = self.not_for(r, &p, doet_al) {
                overig.push(Overig {
                    id: Rc::clone(&r.id),
                    reden,
                    score: None,
                    zwaarste: None,
                });
                continue;
            }
            let fit = self.score(r, pos, &mut p, doet_al, &mut scratch);
            let score: i32 = scratch.waarom.iter().map(|f| f.punten).sum();
            if score > 0 {
                keys.push(key(score, fit, r.id_rank, suggesties.len()));
                suggesties.push(scratch.take(&r.id));
            } else {
                let past = scratch.waarom.iter().any(|f| f.punten > 0);
                let zwaarste = scratch
                    .waarom
                    .iter()
                    .filter(|f| f.punten < 0)
                    .min_by_key(|f| f.punten)
                    .cloned();
                overig.push(Overig {
                    id: Rc::clone(&r.id),
                    reden: Rc::clone(if past {
                        &p.vast.weegt_niet_op
                    } else {
                        &p.vast.past_niet
                    }),
                    score: Some(score),
                    zwaarste: zwaarste.filter(|_| past),
                });
                scratch.clear();
            }
        }
        Suggesties {
            suggesties: sorted(suggesties, keys),
            uitgesloten,
            overig,
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
                reden.push(format!(
                    "leeftijd {age} valt buiten {}",
                    leeftijden(r.leeftijd_min, r.leeftijd_max)
                ));
            }
        }
        reden
    }

    /// Why an option that is not excluded is still not for this client: a recognition
    /// option for something the client does not do, or a group the client is not in.
    fn not_for(&self, r: &Record, p: &Prepared, doet_al: bool) -> Option<Tekst> {
        if r.erkent_bestaand && !doet_al {
            return Some(Rc::clone(&p.vast.niet_aangevinkt));
        }
        if p.crisis && !r.hulp && !doet_al {
            return Some(Rc::clone(&p.vast.crisis_geen_activiteit));
        }
        let v = &self.voorwaarden[r.voorwaarde? as usize];
        let groep = v
            .belemmering
            .of(&self.lists)
            .iter()
            .any(|&b| find(&p.belemmeringen, b).is_some());
        let ok_groep = if v.indicatie {
            p.indicatie || groep
        } else {
            v.belemmering.of(&self.lists).is_empty() || groep
        };
        let ok_taal = !v.taal || p.taalbehoefte;
        (!(ok_groep && ok_taal)).then(|| Rc::clone(&v.reden))
    }

    /// Scores one option that may be suggested, into `s`; returns its fit for sorting.
    fn score(&self, r: &Record, pos: u32, p: &mut Prepared, doet_al: bool, s: &mut Scratch) -> Fit {
        let Scratch { waarom, let_op } = s;
        let mut add = |punten: i32, tekst: &Tekst| {
            waarom.push(Factor {
                punten,
                tekst: Rc::clone(tekst),
            })
        };
        let werkt_aan = r.werkt_aan.of(&self.lists);
        let mut fit = Fit {
            hoofddoel: false,
            warnings: 0,
            uren_over: 0,
        };

        if doet_al {
            add(ERKENNEN, &p.vast.erkennen);
        }
        let mut helpt_acuut = false;
        for t in &p.acuut {
            if t.id.is_some_and(|id| werkt_aan.contains(&id)) {
                add(ACUUT, &t.tekst);
                helpt_acuut = true;
            }
        }
        if !p.acuut.is_empty() && !helpt_acuut {
            let_op.push(Rc::clone(&p.acuut_let_op));
        }
        for &w in r.wensen.of(&self.lists) {
            if p.dichtbij == Some(w) {
                add(DICHTBIJ, &p.vast.dichtbij);
            }
            if let Some(t) = find(&p.wensen, w) {
                add(WENS, &t.tekst);
                if p.hoofddoel == Some(w) {
                    add(HOOFDDOEL, &p.hoofddoel_tekst);
                    fit.hoofddoel = true;
                }
            }
        }
        for &b in werkt_aan {
            if let Some(t) = find(&p.belemmeringen, b) {
                add(WERKT_AAN, &t.tekst);
            }
        }
        if let Some(z) = &mut p.zorg {
            let verlicht = z
                .tags
                .iter()
                .any(|t| t.id.is_some_and(|id| werkt_aan.contains(&id)));
            if verlicht {
                add(z.verlichting, &z.verlichting_tekst);
            } else if !doet_al && r.uren_min > 0 {
                let (punten, tekst) = z.bovenop(r.uren_min);
                if *punten != 0 {
                    add(*punten, tekst);
                }
                let_op.push(Rc::clone(&z.let_op));
            }
        }
        for &k in r.krachten.of(&self.lists) {
            if let Some(t) = find(&p.krachten, k) {
                add(KRACHT, &t.tekst);
            }
        }
        if p.praktijk && r.vorm == Some(Vorm::Praktijk) && !doet_al {
            add(PRAKTIJK, &p.vast.praktijk);
        }
        if p.eerder.binary_search(&pos).is_ok() {
            add(EERDER_OPTIE, &p.vast.eerder_optie);
            let_op.push(Rc::clone(&p.vast.eerder_optie_let_op));
        } else if !doet_al
            && let Some(vorm) = r.vorm
            && let Some(t) = p
                .eerder_vorm
                .iter()
                .find(|t| t.vorm == vorm && t.categorie == r.categorie)
        {
            add(EERDER_VORM, &t.tekst);
            let_op.push(Rc::clone(&t.let_op));
        }
        if let Some(u) = &mut p.uren
            && r.uren_min > u.kan
        {
            fit.uren_over = r.uren_min - u.kan;
            let (punten, factor, warning) = u.get(r.uren_min);
            add(punten, &factor);
            let_op.push(warning);
        }
        for b in r.let_op_bij.of(&self.bij) {
            if find(&p.belemmeringen, b.belemmering).is_some() {
                add(LET_OP, &b.factor);
                let_op.push(Rc::clone(&b.tekst));
            }
        }
        if p.begeleiding_nodig && r.weinig_begeleiding && !doet_al && r.vorm.is_some() {
            add(WEINIG_BEGELEIDING, &p.vast.weinig_begeleiding);
        }
        match r.verdringing {
            Niveau::Hoog => add(VERDRINGING_HOOG, &p.vast.verdringing_hoog),
            Niveau::Midden => add(VERDRINGING_MIDDEN, &p.vast.verdringing_midden),
            Niveau::Laag => {}
        }
        if let Some(t) = &r.verdringing_tekst {
            let_op.push(Rc::clone(t));
        }
        for &d in r.drempels.of(&self.lists) {
            let d = d as usize;
            if d == DREMPEL_REISKOSTEN && p.reizen_lastig {
                add(REIZEN, &p.vast.reizen);
            } else if d == DREMPEL_KOSTEN && p.geldzorgen {
                add(KOSTEN, &p.vast.kosten);
            }
            let_op.push(Rc::clone(&p.vast.drempels[d]));
        }
        if let Some(i) = r.voorwaarde
            && self.voorwaarden[i as usize].indicatie
            && !p.indicatie
        {
            let_op.push(Rc::clone(&p.vast.indicatie_aanvragen));
        }
        if p.leeftijd.is_none()
            && let Some(t) = &r.leeftijd_onbekend
        {
            let_op.push(Rc::clone(t));
        }
        fit.warnings = let_op.len();
        fit
    }
}

/// Declaration indices of the drempels that weigh for some clients.
const DREMPEL_REISKOSTEN: usize = crate::core::catalogue::Drempel::Reiskosten as usize;
const DREMPEL_KOSTEN: usize = crate::core::catalogue::Drempel::Kosten as usize;

/// "18–30 jaar", "vanaf 18 jaar", "tot en met 30 jaar".
pub(super) fn leeftijden(min: Option<u8>, max: Option<u8>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("{lo}–{hi} jaar"),
        (Some(lo), None) => format!("vanaf {lo} jaar"),
        (None, Some(hi)) => format!("tot en met {hi} jaar"),
        (None, None) => String::new(),
    }
}

/// Sorts by `key` (score, then fit, then id, then catalogue position), sorting one
/// packed integer per suggestion: no comparison touches a string, and each suggestion
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

/// From high bits to low: the score descending (32 bits), then the main aim first
/// (1 bit), the fewest warnings (7 bits), the fewest hours above what the client can
/// (8 bits), the id's rank among all ids (32 bits) and the suggestion's position `i`.
fn key(score: i32, fit: Fit, id_rank: u32, i: usize) -> u128 {
    // Flipping the sign bit orders i32 as u32; inverting makes it descending.
    let desc = !((score as u32) ^ (1 << 31));
    let niet_hoofddoel = u128::from(!fit.hoofddoel);
    let warnings = fit.warnings.min(127) as u128;
    (u128::from(desc) << 96)
        | (niet_hoofddoel << 95)
        | (warnings << 88)
        | (u128::from(fit.uren_over) << 80)
        | (u128::from(id_rank) << 32)
        | i as u128
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
            let fit = Fit {
                hoofddoel: false,
                warnings: 0,
                uren_over: 0,
            };
            keys.push(key(score, fit, rank, i));
        }
        let got: Vec<String> = sorted(suggesties, keys)
            .iter()
            .map(|x| format!("{}{}", x.id, x.waarom()[0].tekst))
            .collect();
        assert_eq!(got, ["b1", "a0", "a5", "f6", "e4", "e7", "c2", "d3"]);
    }

    #[test]
    fn ties_go_to_the_main_aim_then_fewest_warnings_then_hours_fit_before_the_id() {
        let fit = |hoofddoel, warnings, uren_over| Fit {
            hoofddoel,
            warnings,
            uren_over,
        };
        // Same score; "a" sorts first by id, so only fit can put the others above it.
        let mut keys = [
            key(5, fit(false, 2, 0), 0, 0),
            key(5, fit(false, 1, 3), 1, 1),
            key(5, fit(false, 1, 0), 2, 2),
            key(5, fit(true, 4, 4), 3, 3),
            key(6, fit(false, 9, 9), 4, 4),
        ];
        keys.sort_unstable();
        let order: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
        assert_eq!(order, [4, 3, 2, 1, 0]);
    }
}
