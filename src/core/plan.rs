//! The plan van aanpak: the session turned into a document the client can read and sign.
//! `context` resolves every id to its label (falling back to the raw id, so a session
//! made with an older catalogue still renders); `render_markdown` runs a minijinja
//! template over that context. Templates may come from users, so rendering is fenced
//! in: no file access, a fuel limit, and all user text escaped so it cannot break the
//! Markdown around it.

mod context;
mod engine;
mod formaat;
mod markdown;
mod output;

use chrono::NaiveDate;

use self::engine::{environment, problem};
use super::catalogue::Niveau;
use super::data::{Data, Source};
use super::gemeente::Gemeente;
use super::praktijk::{Opsteller, Praktijk};
use super::problem::Problem;
use super::script::PlanSectie;
use super::sectie;
use super::session::{Akkoord, EigenActiviteit, Session};
use super::taxonomy::{TagKind, met_klant_label};

pub use context::*;
pub use formaat::{
    Formaat, GemeenteContext, TekstenContext, Templates, check_source, render, render_source,
    render_status, render_with,
};
pub use markdown::{blockquote, inline};
pub use output::clean;

/// "23 november 2026"; the one Dutch long date, from `core::datum`.
pub fn lange_datum(d: NaiveDate) -> String {
    super::datum::in_words(d)
}

/// Builds the template context from the session and the data, with the default
/// municipality settings.
pub fn context(session: &Session, data: &Data) -> PlanContext {
    context_with(session, data, &Gemeente::default())
}

/// Builds the template context from the session, the data and the municipality's
/// settings, without a practice.
pub fn context_with(session: &Session, data: &Data, gemeente: &Gemeente) -> PlanContext {
    context_for(session, data, gemeente, None)
}

/// Builds the template context from the session, the data, the municipality's settings
/// and the practice that made the plan, if any.
pub fn context_for(
    session: &Session,
    data: &Data,
    gemeente: &Gemeente,
    praktijk: Option<&Praktijk>,
) -> PlanContext {
    let tax = &data.taxonomy;
    let labels = |kind: TagKind, ids: &[String]| -> Vec<Label> {
        ids.iter()
            .map(|id| Label {
                id: id.clone(),
                label: tax.label(kind, id).to_string(),
            })
            .collect()
    };
    let belemmeringen = session
        .belemmeringen
        .iter()
        .map(|id| Belemmering {
            id: id.clone(),
            label: tax.label(TagKind::Belemmering, id).to_string(),
            aanpak: session
                .aanpak
                .get(id)
                .filter(|a| !a.trim().is_empty())
                .cloned()
                .or_else(|| {
                    tax.find(TagKind::Belemmering, id)
                        .map(|e| met_klant_label(&e.aanpak_plan, &gemeente.klant_label))
                })
                .unwrap_or_default(),
        })
        .collect();
    // What the client already does: the ticked recognition options by title, then any
    // categories from a session saved before those existed.
    let actief = session
        .doet_al
        .iter()
        .map(|id| Label {
            id: id.clone(),
            label: data
                .catalogue
                .find(id)
                .map_or_else(|| id.clone(), |o| o.titel.clone()),
        })
        .chain(session.actief.iter().map(|id| Label {
            id: id.clone(),
            label: tax.categorie_label(id).to_string(),
        }))
        .collect();
    let eerder = session
        .eerder
        .iter()
        .map(|id| Label {
            id: id.clone(),
            label: data
                .catalogue
                .find(id)
                .map_or_else(|| id.clone(), |o| o.titel.clone()),
        })
        .collect();
    let uren_toelichting = match (session.uren_per_week, session.uren_toelichting.trim()) {
        (_, t) if !t.is_empty() => session.uren_toelichting.clone(),
        (Some(n), _) => {
            format!("We beginnen met {n} uur per week en kijken bij de evaluatie of meer past.")
        }
        (None, _) => String::new(),
    };
    let mut ctx = PlanContext {
        datum: lange_datum(session.datum),
        plaats: session.plaats.clone(),
        consulent: session.consulent.clone(),
        klant: session.klant.clone(),
        gesprek: if data.script.id == session.script {
            data.script.titel.clone()
        } else {
            session.script.clone()
        },
        notities: notities(session, data),
        wensen: labels(TagKind::Wens, &session.wensen),
        krachten: labels(TagKind::Kracht, &session.krachten),
        belemmeringen,
        actief,
        eerder,
        al_begonnen: session
            .vervolg_op
            .iter()
            .flat_map(|v| v.gekozen.iter())
            .filter(|id| session.is_chosen(id))
            .map(|id| Label {
                id: id.clone(),
                label: data
                    .catalogue
                    .find(id)
                    .map_or_else(|| id.clone(), |o| o.titel.clone()),
            })
            .collect(),
        gekozen: session
            .gekozen
            .iter()
            .map(|id| {
                let mut a = activiteit(id, data, session.titels.get(id));
                a.gekozen_omdat = session
                    .gekozen_reden
                    .get(id)
                    .map(|r| r.trim().to_string())
                    .unwrap_or_default();
                a
            })
            .chain(
                session
                    .eigen
                    .iter()
                    .filter(|e| !e.titel.trim().is_empty())
                    .map(eigen_activiteit),
            )
            .collect(),
        afspraken: session
            .afspraken
            .iter()
            .filter(|a| !a.is_empty())
            .cloned()
            .collect(),
        uren_kan: session.uren_kan,
        uren_per_week: session.uren_per_week,
        uren_toelichting,
        startdatum: session.startdatum.map(lange_datum),
        evaluatiedatum: session.evaluatiedatum.map(lange_datum),
        volgend_contact: session.volgend_contact.map(lange_datum),
        akkoord: match session.akkoord {
            Akkoord::Ja => "ja",
            Akkoord::Nee => "nee",
            Akkoord::Onbekend => "onbekend",
        },
        akkoord_label: session.akkoord.label(),
        akkoord_toelichting: session.akkoord_toelichting.clone(),
        gemeente: GemeenteContext::new(gemeente),
        opsteller: Opsteller::new(praktijk, gemeente),
        versie: session.plan_versie.max(1),
        vervolg_op: session
            .vervolg_op
            .as_ref()
            .map(|v| format!("plan {} van {}", v.versie, lange_datum(v.datum))),
        terugblik: session
            .evaluaties
            .iter()
            .map(|e| Terugblik {
                wat: e.afspraak.wat.clone(),
                wie: e.afspraak.wie.clone(),
                wanneer: e.afspraak.wanneer.clone(),
                status: e.status.label(),
                hielp: e.hielp.clone(),
                lastig: e.lastig.clone(),
                besluit: e
                    .besluit
                    .filter(|_| e.status.vraagt_besluit())
                    .map(|b| b.plan_tekst().to_string())
                    .unwrap_or_default(),
                reden: if e.status.vraagt_besluit() {
                    e.reden.clone()
                } else {
                    String::new()
                },
            })
            .collect(),
        concept: false,
        kort: Vec::new(),
    };
    ctx.kort = kort(&ctx);
    ctx
}

/// The few facts the client needs first: what, how many hours, from when, the next
/// contact and whom to call. Only what is known; never more than six lines.
pub fn kort(ctx: &PlanContext) -> Vec<Regel> {
    let regel = |label: &str, tekst: String| Regel {
        label: label.to_string(),
        tekst,
    };
    let mut out = Vec::new();
    let titels: Vec<&str> = ctx.gekozen.iter().map(|a| a.titel.as_str()).collect();
    out.push(regel(
        "Wat u gaat doen",
        match titels.as_slice() {
            [] => "dat bespreken we nog".to_string(),
            [een] => (*een).to_string(),
            [eerst @ .., laatste] => format!("{} en {laatste}", eerst.join(", ")),
        },
    ));
    if let Some(uren) = ctx.uren_per_week {
        out.push(regel("Hoeveel", format!("{uren} uur per week")));
    }
    if let Some(start) = &ctx.startdatum {
        out.push(regel("Vanaf", start.clone()));
    }
    if let Some(contact) = &ctx.volgend_contact {
        out.push(regel("Volgend gesprek", contact.clone()));
    }
    // A practice's consultant is reached through the practice, not the gemeente.
    let (telefoon, wie) = if ctx.opsteller.praktijk {
        (&ctx.opsteller.telefoon, ctx.opsteller.wie.as_str())
    } else {
        (&ctx.gemeente.contact.telefoon, "de gemeente")
    };
    let bellen = match (ctx.consulent.trim(), telefoon.is_empty()) {
        ("", true) => None,
        ("", false) => Some(format!("Bel {wie}: {telefoon}")),
        (c, true) => Some(format!("Neem contact op met uw consulent {c}")),
        (c, false) => Some(format!("Bel uw consulent {c}: {telefoon}")),
    };
    if let Some(b) = bellen {
        out.push(regel("Bij vragen", b));
    }
    out
}

/// The session's notes sorted into plan sections, in script order. A section edited on
/// the review screen is its edited text alone, without headings (`core::sectie`).
fn notities(session: &Session, data: &Data) -> Notities {
    let mut n = Notities::default();
    for sectie in sectie::BEWERKBAAR {
        let list = match sectie {
            PlanSectie::Situatie => &mut n.situatie,
            PlanSectie::AlActief => &mut n.al_actief,
            PlanSectie::Eerder => &mut n.eerder,
            PlanSectie::Wensen => &mut n.wensen,
            PlanSectie::Belemmeringen => &mut n.belemmeringen,
            PlanSectie::Keuze => &mut n.keuze,
            _ => &mut n.samenvatting,
        };
        *list = match session.plan_teksten.get(sectie::id(sectie)) {
            Some(tekst) if tekst.trim().is_empty() => Vec::new(),
            Some(tekst) => vec![Notitie {
                stap: String::new(),
                titel: String::new(),
                tekst: tekst.clone(),
            }],
            None => sectie::stukken(session, data, sectie)
                .into_iter()
                .map(|s| Notitie {
                    stap: String::new(),
                    titel: s.titel,
                    tekst: s.tekst,
                })
                .collect(),
        };
    }
    // The client's own words are never edited: always the notes, verbatim.
    for step in data.script.steps() {
        let tekst = session.note(&step.stap.id);
        if step.stap.plan_sectie == PlanSectie::EigenWoorden && !tekst.trim().is_empty() {
            n.eigen_woorden.push(Notitie {
                stap: step.stap.id.clone(),
                titel: step.stap.titel.clone(),
                tekst: tekst.to_string(),
            });
        }
    }
    for (stap, tekst) in &session.notities {
        if data.script.step(stap).is_none() && !tekst.trim().is_empty() {
            n.overig.push(Notitie {
                stap: stap.clone(),
                titel: stap.clone(),
                tekst: tekst.clone(),
            });
        }
    }
    n
}

/// An eigen activiteit in the same shape as a catalogue option, so templates render both
/// alike.
fn eigen_activiteit(e: &EigenActiviteit) -> Activiteit {
    let uren = e.uren.unwrap_or(0);
    Activiteit {
        id: String::new(),
        bekend: true,
        titel: e.titel.trim().to_string(),
        categorie: "eigen activiteit".to_string(),
        omschrijving: String::new(),
        taken: Vec::new(),
        uren_min: uren,
        uren_max: uren,
        uren: e
            .uren
            .map(|n| format!("{n} uur per week"))
            .unwrap_or_default(),
        duur: String::new(),
        begeleiding: e.begeleiding.trim().to_string(),
        begeleiding_uitleg: e.begeleiding.trim().to_string(),
        drempels: Vec::new(),
        plaats: e.plaats.trim().to_string(),
        contact: e.contact.trim().to_string(),
        eigen: true,
        gekozen_omdat: String::new(),
        verdringing_risico: String::new(),
        verdringing_reden: String::new(),
        verdringing: String::new(),
    }
}

/// A chosen option with everything the plan says about it.
/// An option of the plan; one no longer in the catalogue keeps the title it had when it
/// was chosen (`stored`), so an old session rendered again never shows a raw id.
fn activiteit(id: &str, data: &Data, stored: Option<&String>) -> Activiteit {
    let Some(o) = data.catalogue.find(id) else {
        return Activiteit {
            id: id.to_string(),
            bekend: false,
            titel: stored.cloned().unwrap_or_else(|| id.to_string()),
            categorie: String::new(),
            omschrijving: String::new(),
            taken: Vec::new(),
            uren_min: 0,
            uren_max: 0,
            uren: String::new(),
            duur: String::new(),
            begeleiding: String::new(),
            begeleiding_uitleg: String::new(),
            drempels: Vec::new(),
            plaats: String::new(),
            contact: String::new(),
            eigen: false,
            gekozen_omdat: String::new(),
            verdringing_risico: String::new(),
            verdringing_reden: String::new(),
            verdringing: String::new(),
        };
    };
    let uren = if o.uren_min == o.uren_max {
        format!("{} uur per week", o.uren_min)
    } else {
        format!("{} tot {} uur per week", o.uren_min, o.uren_max)
    };
    let v = &o.verdringing;
    // The client reads what it means for them, not a risk label (research §7: the work
    // must be additional to paid work).
    let verdringing = match v.risico {
        Niveau::Laag => "Dit werk komt bovenop het werk van betaalde krachten.",
        Niveau::Midden | Niveau::Hoog => {
            "De organisatie laat ons weten dat u geen werk doet waar iemand voor betaald wordt."
        }
    }
    .to_string();
    Activiteit {
        id: o.id.clone(),
        bekend: true,
        titel: o.titel.clone(),
        categorie: data.taxonomy.categorie_label(&o.categorie).to_string(),
        omschrijving: o.omschrijving.clone(),
        taken: o.taken.clone(),
        uren_min: o.uren_min,
        uren_max: o.uren_max,
        uren,
        duur: o.duur.clone(),
        begeleiding: o.begeleiding.label().to_string(),
        begeleiding_uitleg: o.begeleiding.uitleg().to_string(),
        drempels: o.drempels.iter().map(|d| d.label().to_string()).collect(),
        plaats: String::new(),
        contact: String::new(),
        eigen: false,
        gekozen_omdat: String::new(),
        verdringing_risico: v.risico.label().to_string(),
        verdringing_reden: v.reden.clone(),
        verdringing,
    }
}

/// Checks that a template parses, for `meedoen controleer`; does not render it.
pub fn validate_template(template: &Source) -> Vec<Problem> {
    let mut env = environment();
    match env.add_template_owned(template.name.clone(), template.text.clone()) {
        Ok(()) => Vec::new(),
        Err(e) => vec![problem(template, &e)],
    }
}

/// Renders the plan as Markdown with the given template source (a minijinja template)
/// and the default municipality settings.
pub fn render_markdown(
    session: &Session,
    data: &Data,
    template: &Source,
) -> Result<String, Problem> {
    render_source(Formaat::Md, &context(session, data), template)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_in_het_kort_says_only_what_is_known_in_at_most_six_lines() {
        let data = crate::store::assets::load(None).unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut s = Session::new("s".into(), d, "intake");
        let kort = |s: &Session, g: &Gemeente| -> Vec<(String, String)> {
            context_with(s, &data, g)
                .kort
                .into_iter()
                .map(|r| (r.label, r.tekst))
                .collect()
        };
        let g = Gemeente::default();
        assert_eq!(
            kort(&s, &g),
            [("Wat u gaat doen".into(), "dat bespreken we nog".into())]
        );
        s.consulent = "Sanne".into();
        s.gekozen = vec!["a".into(), "b".into(), "c".into()];
        s.uren_per_week = Some(4);
        s.startdatum = Some(d);
        s.volgend_contact = Some(d);
        let mut g = Gemeente::default();
        g.contact.telefoon = "14 038".into();
        let k = kort(&s, &g);
        assert!(k.len() <= 6, "{k:?}");
        assert_eq!(k[0].1, "a, b en c");
        assert_eq!(k[1].1, "4 uur per week");
        assert_eq!(
            k[4],
            ("Bij vragen".into(), "Bel uw consulent Sanne: 14 038".into())
        );
    }

    #[test]
    fn long_dates_are_dutch() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(lange_datum(d(2026, 11, 23)), "23 november 2026");
        assert_eq!(lange_datum(d(2027, 3, 1)), "1 maart 2027");
        assert_eq!(lange_datum(d(2026, 1, 5)), "5 januari 2026");
    }
}
