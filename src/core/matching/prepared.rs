//! The profile resolved against a compiled catalogue, once per `suggest` call: ids as
//! numbers, and every text a factor or warning can show made once, so the per-option
//! loop only compares numbers and clones finished texts.

use std::rc::Rc;

use super::index::{Id, Matcher, Record};
use super::*;
use crate::core::catalogue::Vorm;

/// A profile id with its label and the factor text it produces.
pub(super) struct Tag<'a> {
    /// `None` when the catalogue never mentions the id: it then matches nothing.
    pub(super) id: Option<Id>,
    pub(super) label: &'a str,
    pub(super) tekst: Tekst,
}

impl<'a> Tag<'a> {
    fn new(m: &Matcher, id: &str, label: &'a str, tekst: String) -> Tag<'a> {
        Tag {
            id: m.id(id),
            label,
            tekst: tekst.into(),
        }
    }
}

pub(super) fn find<'t, 'a>(tags: &'t [Tag<'a>], id: Id) -> Option<&'t Tag<'a>> {
    tags.iter().find(|t| t.id == Some(id))
}

/// Texts that do not depend on the profile's ids.
pub(super) struct Vast {
    pub(super) erkennen: Tekst,
    pub(super) niet_aangevinkt: Tekst,
    pub(super) crisis_geen_activiteit: Tekst,
    pub(super) past_niet: Tekst,
    pub(super) weegt_niet_op: Tekst,
    pub(super) praktijk: Tekst,
    pub(super) eerder_optie: Tekst,
    pub(super) eerder_optie_let_op: Tekst,
    pub(super) verdringing_midden: Tekst,
    pub(super) verdringing_hoog: Tekst,
    pub(super) reizen: Tekst,
    pub(super) dichtbij: Tekst,
    pub(super) weinig_begeleiding: Tekst,
    pub(super) kosten: Tekst,
    pub(super) indicatie_aanvragen: Tekst,
    /// Per `Drempel`, in declaration order.
    pub(super) drempels: [Tekst; 4],
}

impl Vast {
    fn new() -> Vast {
        use crate::core::catalogue::Drempel;
        Vast {
            erkennen: "de klant doet dit al: eerst erkennen en vastleggen".into(),
            niet_aangevinkt:
                "erkent iets wat de klant al doet; alleen als het is aangevinkt bij 'Doet al'"
                    .into(),
            crisis_geen_activiteit: "eerst veiligheid en hulp: in een crisis nu geen activiteit"
                .into(),
            past_niet: "past bij geen wens, kracht of belemmering van de klant".into(),
            weegt_niet_op: "wat past, weegt niet op tegen de aandachtspunten".into(),
            praktijk: "leren in de praktijk, anders dan een training".into(),
            eerder_optie: "eerder gedaan (projectmoeheid)".into(),
            eerder_optie_let_op:
                "eerder gedaan: vraag wat het toen opleverde voordat u het opnieuw voorstelt".into(),
            verdringing_midden: "verdringingsrisico midden".into(),
            verdringing_hoog: "verdringingsrisico hoog".into(),
            weinig_begeleiding: "weinig begeleiding, en de klant heeft een begeleide plek nodig"
                .into(),
            dichtbij: "dicht bij huis, en reizen is lastig voor de klant".into(),
            reizen: "vraagt reizen, en reizen is lastig voor de klant".into(),
            kosten: "kost geld, en de klant heeft geldzorgen: wie betaalt?".into(),
            indicatie_aanvragen: "indicatie nodig: aanvragen via het buurt- of wijkteam".into(),
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

/// The client's care duties and what they weigh.
pub(super) struct Zorg<'a> {
    pub(super) tags: Vec<Tag<'a>>,
    uren: u32,
    /// Points for an option that relieves the care, with its text.
    pub(super) verlichting: i32,
    pub(super) verlichting_tekst: Tekst,
    pub(super) let_op: Tekst,
    /// The factor for an activity of so many hours on top of the care, made on first use.
    cache: Vec<Option<(i32, Tekst)>>,
}

impl Zorg<'_> {
    /// Points and text for an activity of at least `uren_min` hours on top of the care.
    pub(super) fn bovenop(&mut self, uren_min: u8) -> &(i32, Tekst) {
        let zorg = self.uren;
        self.cache[usize::from(uren_min)].get_or_insert_with(|| {
            let punten = bovenop_zorg(zorg, uren_min);
            let tekst =
                format!("komt bovenop {zorg} uur zorg per week (minstens {uren_min} uur erbij)");
            (punten, tekst.into())
        })
    }
}

/// Points for `uren_min` hours of activity on top of `zorg` hours of care: proportional
/// to both, rounded, at most `BOVENOP_ZORG_MAX`. An hour next to a few hours of care
/// costs nothing; the warning still shows.
pub fn bovenop_zorg(zorg: u32, uren_min: u8) -> i32 {
    let last = (zorg * u32::from(uren_min) + BOVENOP_ZORG_DEEL / 2) / BOVENOP_ZORG_DEEL;
    -(last.min(BOVENOP_ZORG_MAX as u32) as i32)
}

/// Points for an option that relieves `zorg` hours of care.
pub fn verlichting(zorg: u32) -> i32 {
    ((zorg / ZORG_UREN_PER_PUNT) as i32).clamp(1, ZORG_MAX)
}

/// Texts for "more hours than the client can", per `uren_min`, made on first use.
pub(super) struct Uren {
    pub(super) kan: u8,
    cache: Vec<Option<(i32, Tekst, Tekst)>>,
}

impl Uren {
    pub(super) fn get(&mut self, min: u8) -> (i32, Tekst, Tekst) {
        let kan = self.kan;
        let (p, f, w) = self.cache[usize::from(min)].get_or_insert_with(|| {
            let over = i32::from(min - kan);
            (
                (over * TE_VEEL_UREN).max(TE_VEEL_MAX),
                format!("vraagt minstens {min} uur per week, klant kan {kan}").into(),
                format!(
                    "minstens {min} uur per week, meer dan de {kan} uur die nu haalbaar is: kleiner beginnen of opbouwen"
                )
                .into(),
            )
        });
        (*p, Rc::clone(f), Rc::clone(w))
    }
}

/// An earlier option's form and aim: a new option of the same form in the same category
/// is a milder case of projectmoeheid.
pub(super) struct EerderVorm {
    pub(super) vorm: Vorm,
    pub(super) categorie: Id,
    pub(super) tekst: Tekst,
    pub(super) let_op: Tekst,
}

/// The profile resolved against the index.
pub(super) struct Prepared<'a> {
    pub(super) wensen: Vec<Tag<'a>>,
    pub(super) hoofddoel: Option<Id>,
    pub(super) hoofddoel_tekst: Tekst,
    pub(super) krachten: Vec<Tag<'a>>,
    pub(super) belemmeringen: Vec<Tag<'a>>,
    /// The acute belemmeringen of the client, with the factor text for help with them.
    pub(super) acuut: Vec<Tag<'a>>,
    pub(super) acuut_let_op: Tekst,
    pub(super) zorg: Option<Zorg<'a>>,
    pub(super) uren: Option<Uren>,
    pub(super) vast: Vast,
    /// Catalogue positions of the options done before, and of those ticked as done
    /// already, sorted.
    pub(super) eerder: Vec<u32>,
    doet_al: Vec<u32>,
    /// Categories ticked in the old form (`actief`).
    actief: Vec<Id>,
    pub(super) eerder_vorm: Vec<EerderVorm>,
    /// Practice-based options rise: the client is tired of trajectories or has some
    /// behind them.
    pub(super) praktijk: bool,
    pub(super) crisis: bool,
    pub(super) taalbehoefte: bool,
    pub(super) reizen_lastig: bool,
    /// The number of wens `dicht-bij-huis`, when travelling is hard for the client.
    pub(super) dichtbij: Option<Id>,
    pub(super) begeleiding_nodig: bool,
    pub(super) geldzorgen: bool,
    pub(super) indicatie: bool,
    pub(super) leeftijd: Option<u8>,
}

impl<'a> Prepared<'a> {
    pub(super) fn new(p: &'a Profiel, m: &'a Matcher) -> Prepared<'a> {
        let tax = &m.taxonomy;
        let belemmering = |id: &'a String, tekst: &dyn Fn(&str) -> String| {
            let label = tax.label(TagKind::Belemmering, id);
            Tag::new(m, id, label, tekst(label))
        };
        let wensen = p
            .wensen
            .iter()
            .map(|id| {
                let label = tax.label(TagKind::Wens, id);
                Tag::new(m, id, label, format!("past bij wens '{label}'"))
            })
            .collect();
        let hoofddoel = p.hoofddoel();
        let krachten = p
            .krachten
            .iter()
            .map(|id| {
                let label = tax.label(TagKind::Kracht, id);
                Tag::new(m, id, label, format!("gebruikt kracht '{label}'"))
            })
            .collect();
        let belemmeringen = p
            .belemmeringen
            .iter()
            .map(|id| belemmering(id, &|l| format!("werkt aan '{l}'")))
            .collect();
        let acuut: Vec<Tag> = p
            .belemmeringen
            .iter()
            .filter(|id| ACUTE.contains(&id.as_str()))
            .map(|id| belemmering(id, &|l| format!("eerst hulp bij '{l}' (acuut)")))
            .collect();
        let acuut_let_op = labels(&acuut)
            .map(|l| format!("eerst hulp bij {l}: dat gaat voor elke activiteit").into())
            .unwrap_or_else(|| "".into());
        let zorg_tags: Vec<Tag> = p
            .belemmeringen
            .iter()
            .filter(|id| ZORGTAKEN.contains(&id.as_str()))
            .map(|id| belemmering(id, &|_| String::new()))
            .collect();
        let zorg = labels(&zorg_tags).map(|l| {
            let (uren, bekend) = match p.zorguren {
                Some(u) => (u32::from(u), String::new()),
                None => (
                    u32::from(ZORGUREN_ONBEKEND),
                    format!(", uren niet ingevuld: gerekend met {ZORGUREN_ONBEKEND}"),
                ),
            };
            Zorg {
                tags: zorg_tags,
                uren,
                verlichting: verlichting(uren),
                verlichting_tekst: format!("verlicht de zorgtaken ({uren} uur per week{bekend})")
                    .into(),
                let_op: format!(
                    "zorgtaken ({l}): niets bovenop de zorg stapelen; eerst de zorg erkennen, uren afstemmen"
                )
                .into(),
                cache: vec![None; usize::from(u8::MAX) + 1],
            }
        });
        let uren = p.uren_kan.map(|kan| Uren {
            kan,
            cache: vec![None; usize::from(u8::MAX) + 1],
        });
        let positions = |ids: &'a [String]| {
            let mut v: Vec<u32> = ids.iter().flat_map(|id| m.positions(id)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let eerder = positions(&p.eerder);
        let mut eerder_vorm: Vec<EerderVorm> = Vec::new();
        for &pos in &eerder {
            let r: &Record = &m.records[pos as usize];
            let Some(vorm) = r.vorm else { continue };
            if eerder_vorm
                .iter()
                .any(|e| e.vorm == vorm && e.categorie == r.categorie)
            {
                continue;
            }
            let label = tax.categorie_label(m.name(r.categorie));
            let vorm_label = vorm.label();
            eerder_vorm.push(EerderVorm {
                vorm,
                categorie: r.categorie,
                tekst: format!("zelfde vorm ({vorm_label}) en doel ('{label}') als eerder (projectmoeheid)")
                    .into(),
                let_op: format!(
                    "lijkt op wat de klant eerder deed ({vorm_label}, '{label}'): vraag naar die ervaring"
                )
                .into(),
            });
        }
        let doet_al = positions(&p.doet_al);
        for &pos in &doet_al {
            let r: &Record = &m.records[pos as usize];
            let Some(vorm) = r.vorm else { continue };
            if eerder_vorm
                .iter()
                .any(|e| e.vorm == vorm && e.categorie == r.categorie)
            {
                continue;
            }
            let label = tax.categorie_label(m.name(r.categorie));
            let vorm_label = vorm.label();
            eerder_vorm.push(EerderVorm {
                vorm,
                categorie: r.categorie,
                tekst: format!(
                    "zelfde vorm ({vorm_label}) en doel ('{label}') als wat de klant al doet"
                )
                .into(),
                let_op: format!(
                    "de klant doet al iets {vorm_label} in '{label}': niet nog iets erbij stapelen"
                )
                .into(),
            });
        }
        let heeft = |id: &str| p.belemmeringen.iter().any(|b| b == id);
        Prepared {
            hoofddoel: hoofddoel.and_then(|h| m.id(h)),
            hoofddoel_tekst: hoofddoel
                .map(|h| format!("hoofddoel van de klant: '{}'", tax.label(TagKind::Wens, h)))
                .unwrap_or_default()
                .into(),
            wensen,
            krachten,
            belemmeringen,
            acuut,
            acuut_let_op,
            zorg,
            uren,
            vast: Vast::new(),
            praktijk: heeft(PROJECTMOEHEID) || !eerder.is_empty(),
            eerder,
            crisis: heeft(CRISIS),
            doet_al,
            actief: p.actief.iter().filter_map(|c| m.id(c)).collect(),
            eerder_vorm,
            taalbehoefte: heeft(TAAL) || p.wensen.iter().any(|w| w == WENS_NEDERLANDS),
            reizen_lastig: heeft(REIZEN_LASTIG),
            dichtbij: m.id(WENS_DICHTBIJ).filter(|_| heeft(REIZEN_LASTIG)),
            begeleiding_nodig: BEGELEIDING_NODIG.iter().any(|b| heeft(b)),
            geldzorgen: GELDZORGEN.iter().any(|g| heeft(g)),
            indicatie: p.indicatie,
            leeftijd: p.leeftijd,
        }
    }

    /// Whether the option at `pos` recognises something ticked under "Doet al" (or, in
    /// the old form, a recognition option in a category marked active).
    pub(super) fn doet_al(&self, pos: u32, r: &Record) -> bool {
        r.erkent_bestaand
            && (self.doet_al.binary_search(&pos).is_ok() || self.actief.contains(&r.categorie))
    }
}

/// "'A', 'B'" for the tags, or `None` when there are none.
fn labels(tags: &[Tag]) -> Option<String> {
    (!tags.is_empty()).then(|| {
        tags.iter()
            .map(|t| format!("'{}'", t.label))
            .collect::<Vec<_>>()
            .join(", ")
    })
}
