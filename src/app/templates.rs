//! Checking plan templates the way they will be used: each of the user's own templates is
//! rendered against sample sessions (an empty intake and a full vervolg) with undefined
//! variables as errors, so a typo, an unknown filter or a template that loops or prints
//! without end is reported at start-up and by `meedoen controleer`, with its place,
//! instead of failing at export or quietly printing nothing in a client's plan.

use chrono::NaiveDate;

use crate::core::data::Data;
use crate::core::gemeente::Gemeente;
use crate::core::plan::{self, Formaat, Templates};
use crate::core::problem::Problem;
use crate::core::session::{Afspraak, Akkoord, Session};
use crate::core::vervolg::{AfspraakEvaluatie, Status, VorigPlan};

/// Sessions that reach every part of a plan: nearly empty, and full.
pub fn samples(data: &Data) -> Vec<Session> {
    let datum = NaiveDate::from_ymd_opt(2026, 12, 2).expect("valid date");
    let leeg = Session {
        klant: "A.B.".into(),
        ..Session::new("voorbeeld-leeg".into(), datum, &data.script.id)
    };
    let mut vol = Session {
        klant: "C.D.".into(),
        consulent: "E. Consulent".into(),
        plaats: "Zwolle".into(),
        leeftijd: Some(47),
        uren_kan: Some(4),
        uren_per_week: Some(4),
        uren_toelichting: "We beginnen met 4 uur.".into(),
        startdatum: Some(datum),
        evaluatiedatum: Some(datum),
        volgend_contact: Some(datum),
        akkoord: Akkoord::Ja,
        akkoord_toelichting: "Akkoord.".into(),
        plan_versie: 2,
        vervolg_op: Some(VorigPlan {
            id: "voorbeeld-vorig".into(),
            datum,
            versie: 1,
            gekozen: Vec::new(),
        }),
        ..Session::new("voorbeeld-vol".into(), datum, &data.script.id)
    };
    let first = |list: &[crate::core::taxonomy::Entry]| -> Vec<String> {
        list.iter().take(2).map(|e| e.id.clone()).collect()
    };
    vol.wensen = first(&data.taxonomy.wensen);
    vol.krachten = first(&data.taxonomy.krachten);
    vol.belemmeringen = first(&data.taxonomy.belemmeringen);
    for b in vol.belemmeringen.clone() {
        vol.aanpak.insert(b, "Samen bekijken wat helpt.".into());
    }
    vol.eerder = data
        .catalogue
        .opties
        .iter()
        .take(1)
        .map(|o| o.id.clone())
        .collect();
    vol.gekozen = data
        .catalogue
        .opties
        .iter()
        .skip(1)
        .take(2)
        .map(|o| o.id.clone())
        .collect();
    for s in data.script.steps() {
        vol.set_note(
            &s.stap.id,
            "Een notitie.\nIn de woorden van de klant.".into(),
        );
    }
    let afspraak = Afspraak {
        wat: "Kennismaken".into(),
        wie: "klant".into(),
        wanneer: "volgende week".into(),
    };
    vol.afspraken = vec![afspraak.clone(), Afspraak::default()];
    vol.evaluaties = [Status::Nagekomen, Status::Deels, Status::Niet]
        .into_iter()
        .map(|status| AfspraakEvaluatie {
            afspraak: afspraak.clone(),
            status,
            hielp: "De buurvrouw ging mee.".into(),
            lastig: "De bus reed niet.".into(),
            besluit: status
                .vraagt_besluit()
                .then_some(crate::core::vervolg::Besluit::Doorgaan),
            reden: "Het lukt met hulp.".into(),
        })
        .collect();
    vec![leeg, vol]
}

/// Problems in the user's own templates (the built-in ones are checked by the tests).
/// At most one problem per template: the first error hides what follows it.
pub fn check_templates(templates: &Templates, data: &Data, gemeente: &Gemeente) -> Vec<Problem> {
    let own: Vec<Formaat> = Formaat::ALL
        .into_iter()
        .filter(|&f| !templates.get(f).is_embedded())
        .collect();
    if own.is_empty() {
        return Vec::new();
    }
    let contexts: Vec<_> = samples(data)
        .iter()
        .map(|s| plan::context_for(s, data, gemeente, templates.praktijk.as_ref()))
        .collect();
    own.into_iter()
        .filter_map(|f| {
            contexts
                .iter()
                .find_map(|ctx| plan::check_source(f, ctx, templates.get(f)).err())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::Source;

    fn with_md(text: &str) -> (Templates, Data) {
        let mut t = crate::store::assets::plan_templates(None).unwrap();
        t.md = Source::new("/eigen/templates/plan.md.j2", text);
        (t, crate::store::assets::load(None).unwrap())
    }

    #[test]
    fn the_built_in_templates_render_every_sample_strictly() {
        let data = crate::store::assets::load(None).unwrap();
        let t = crate::store::assets::plan_templates(None).unwrap();
        // With and without a practice: its block must not name an unknown variable.
        let praktijk = crate::core::praktijk::Praktijk {
            naam: "De Brug".into(),
            kop: "De Brug, coaching".into(),
            telefoon: "06 12 34 56 78".into(),
            ..Default::default()
        };
        for s in samples(&data) {
            for p in [None, Some(&praktijk)] {
                let ctx = plan::context_for(&s, &data, &Gemeente::default(), p);
                for f in Formaat::ALL {
                    plan::check_source(f, &ctx, t.get(f))
                        .unwrap_or_else(|p| panic!("{f:?} {}: {p}", s.id));
                }
            }
        }
    }

    #[test]
    fn an_undefined_variable_is_an_error_with_its_place() {
        let (t, data) = with_md("# Plan\n\nConsulent: {{ consulnet }}\n");
        let ps = check_templates(&t, &data, &Gemeente::default());
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].file, "/eigen/templates/plan.md.j2");
        assert_eq!(ps[0].line, 3, "{}", ps[0]);
    }

    #[test]
    fn an_unknown_filter_is_reported() {
        let (t, data) = with_md("{{ klant | hoofdletters }}\n");
        let ps = check_templates(&t, &data, &Gemeente::default());
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(ps[0].msg.contains("hoofdletters"), "{}", ps[0]);
    }

    #[test]
    fn a_template_without_end_stops_with_a_message() {
        let (t, data) = with_md(
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        );
        let ps = check_templates(&t, &data, &Gemeente::default());
        assert_eq!(ps.len(), 1, "{ps:?}");
    }
}
