//! The ranking measured against written client profiles (`profielen.ron`): for each, the
//! options a seasoned consultant expects in the top 5, must not see in the top 10, and
//! must not see suggested at all (with the reason). Also the properties every ranking
//! must have, over all profiles: honest lists, factors that add up, and at least two
//! wished-for activities in the top 5 when the client has wishes and no acute problem.

mod profiel;

use meedoen::core::catalogue::Catalogue;
use meedoen::core::data::Data;
use meedoen::core::matching::{ACUTE, Matcher};
use profiel::klanten;

fn data() -> Data {
    meedoen::store::assets::load(None).expect("embedded data loads")
}

#[test]
fn there_are_at_least_twenty_profiles_and_every_id_in_them_exists() {
    let d = data();
    let k = klanten();
    assert!(k.len() >= 20, "{} profiles", k.len());
    let optie = |id: &str| d.catalogue.find(id).is_some();
    let tax = &d.taxonomy;
    for c in &k {
        let wens = |id: &String| tax.wensen.iter().any(|e| &e.id == id);
        let kracht = |id: &String| tax.krachten.iter().any(|e| &e.id == id);
        let bel = |id: &String| tax.belemmeringen.iter().any(|e| &e.id == id);
        assert!(c.wensen.iter().all(wens), "{}: wens", c.naam);
        assert!(c.krachten.iter().all(kracht), "{}: kracht", c.naam);
        assert!(c.belemmeringen.iter().all(bel), "{}: belemmering", c.naam);
        let opties = c
            .eerder
            .iter()
            .chain(&c.doet_al)
            .chain(&c.top5)
            .chain(&c.eerste)
            .chain(&c.niet_top5)
            .chain(&c.niet_top10)
            .chain(c.uitgesloten.iter().map(|n| &n.id));
        for id in opties {
            assert!(optie(id), "{}: unknown option {id}", c.naam);
        }
        assert!(!c.wie.is_empty() && !c.bron.is_empty(), "{}", c.naam);
    }
}

#[test]
fn every_profile_gets_what_a_consultant_expects() {
    let d = data();
    let m = Matcher::new(&d.catalogue, &d.taxonomy);
    let mut fouten = Vec::new();
    for c in klanten() {
        let s = m.suggest(&c.profiel());
        for f in c.check(&s) {
            fouten.push(format!("{}: {f}", c.naam));
        }
    }
    assert!(fouten.is_empty(), "\n{}", fouten.join("\n"));
}

#[test]
fn only_positive_fits_are_suggested_and_every_option_is_accounted_for_once() {
    let d = data();
    let m = Matcher::new(&d.catalogue, &d.taxonomy);
    for c in klanten() {
        let s = m.suggest(&c.profiel());
        for x in &s.suggesties {
            assert!(x.score > 0, "{}: {} scores {}", c.naam, x.id, x.score);
            let som: i32 = x.waarom().iter().map(|f| f.punten).sum();
            assert_eq!(som, x.score, "{}: {}", c.naam, x.id);
        }
        assert!(s.overig.iter().all(|o| o.score.is_none_or(|n| n <= 0)));
        let n = s.suggesties.len() + s.uitgesloten.len() + s.overig.len();
        assert_eq!(n, d.catalogue.opties.len(), "{}", c.naam);
        let mut ids: Vec<&str> = s
            .suggesties
            .iter()
            .map(|x| &*x.id)
            .chain(s.uitgesloten.iter().map(|x| &*x.id))
            .chain(s.overig.iter().map(|x| &*x.id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "{}: an option is in two lists", c.naam);
    }
}

#[test]
fn a_client_with_wishes_and_nothing_acute_sees_two_wished_activities_in_the_top_5() {
    let d = data();
    let m = Matcher::new(&d.catalogue, &d.taxonomy);
    let mut getest = 0;
    for c in klanten() {
        let acuut = c.belemmeringen.iter().any(|b| ACUTE.contains(&b.as_str()));
        if c.wensen.is_empty() || acuut {
            continue;
        }
        getest += 1;
        let s = m.suggest(&c.profiel());
        let gewenst = s
            .suggesties
            .iter()
            .take(5)
            .filter(|x| {
                let o = d.catalogue.find(&x.id).unwrap();
                !o.erkent_bestaand
                    && o.vorm.is_some()
                    && o.wensen.iter().any(|w| c.wensen.contains(w))
            })
            .count();
        assert!(
            gewenst >= 2,
            "{}: {gewenst} wished-for activities in the top 5",
            c.naam
        );
    }
    assert!(getest >= 15, "{getest}");
}

#[test]
fn recognition_options_come_only_with_their_tick() {
    let d = data();
    let m = Matcher::new(&d.catalogue, &d.taxonomy);
    let erkent: Vec<&str> = d
        .catalogue
        .opties
        .iter()
        .filter(|o| o.erkent_bestaand)
        .map(|o| o.id.as_str())
        .collect();
    // Care for a parent, for (grand)children, a neighbour, vrijwilligerswerk, a course.
    assert!(erkent.len() >= 5, "{erkent:?}");
    for c in klanten() {
        let s = m.suggest(&c.profiel());
        for x in &s.suggesties {
            if erkent.contains(&&*x.id) {
                assert!(
                    c.doet_al.contains(&x.id.to_string()),
                    "{}: {}",
                    c.naam,
                    x.id
                );
            }
        }
        for id in &c.doet_al {
            assert!(
                s.suggesties.iter().any(|x| &*x.id == id),
                "{}: {id}",
                c.naam
            );
        }
    }
}

#[test]
fn a_catalogue_with_every_option_excluded_says_why() {
    let d = data();
    let mut cat: Catalogue = d.catalogue.clone();
    for o in &mut cat.opties {
        o.ongeschikt_bij.push(meedoen::core::catalogue::Bij {
            belemmering: "fysiek".into(),
            reden: "Zwaar werk.".into(),
        });
        o.werkt_aan.retain(|b| b != "fysiek");
    }
    let m = Matcher::new(&cat, &d.taxonomy);
    let p = meedoen::core::matching::Profiel {
        wensen: vec!["koken".into()],
        belemmeringen: vec!["fysiek".into()],
        ..Default::default()
    };
    let s = m.suggest(&p);
    assert!(s.suggesties.is_empty());
    let reden = s.leeg_reden().unwrap();
    assert!(reden.contains("alle"), "{reden}");
    assert!(reden.contains("uitgesloten"), "{reden}");
}

#[test]
fn a_profile_with_every_belemmering_puts_help_first_and_stays_consistent() {
    let d = data();
    let m = Matcher::new(&d.catalogue, &d.taxonomy);
    let p = meedoen::core::matching::Profiel {
        wensen: vec!["koken".into()],
        belemmeringen: d
            .taxonomy
            .belemmeringen
            .iter()
            .map(|e| e.id.clone())
            .collect(),
        uren_kan: Some(2),
        ..Default::default()
    };
    let s = m.suggest(&p);
    let eerste = s.suggesties.first().expect("help is suggested");
    let o = d.catalogue.find(&eerste.id).unwrap();
    assert!(
        o.werkt_aan.iter().any(|b| ACUTE.contains(&b.as_str())),
        "{}",
        eerste.id
    );
    assert_eq!(
        s.suggesties.len() + s.uitgesloten.len() + s.overig.len(),
        d.catalogue.opties.len()
    );
}
