//! Tests for the matching rules, each on a small catalogue and taxonomy built here, so
//! they do not depend on the embedded data (which changes as the catalogue grows).

use super::*;
use crate::core::catalogue::{Begeleiding, Bij, Drempel, Niveau, Optie, Verdringing};
use crate::core::taxonomy::Entry;

pub(crate) fn entry(id: &str, label: &str) -> Entry {
    Entry {
        id: id.into(),
        label: label.into(),
        omschrijving: format!("{label}."),
        groep: String::new(),
        synoniemen: Vec::new(),
        aanpak: String::new(),
        bron: Vec::new(),
        ..Default::default()
    }
}

pub(crate) fn taxonomy() -> Taxonomy {
    Taxonomy {
        wensen: vec![
            entry("koken", "Koken"),
            entry("buiten", "Buiten zijn"),
            entry("ouderen", "Met ouderen"),
        ],
        krachten: vec![entry("doorzetter", "Doorzetter")],
        belemmeringen: vec![
            entry("fysiek", "Lichamelijke klachten"),
            entry("isolement", "Isolement"),
            entry("taal", "Taal"),
            entry("crisis", "Crisis"),
            entry("mantelzorg", "Mantelzorg"),
            entry("kinderzorg", "Zorg voor kinderen"),
        ],
        categorieen: vec![
            entry("vrijwilligerswerk", "Vrijwilligerswerk"),
            entry("mantelzorg", "Mantelzorg"),
            entry("cursus", "Cursus"),
            entry("ontheffing", "Ontheffing"),
            entry("eigen-belemmeringen", "Werken aan eigen belemmeringen"),
        ],
        ..Default::default()
    }
}

pub(crate) fn optie(id: &str, categorie: &str) -> Optie {
    Optie {
        id: id.into(),
        titel: format!("Titel {id}"),
        categorie: categorie.into(),
        omschrijving: "Omschrijving.".into(),
        taken: Vec::new(),
        uren_min: 2,
        uren_max: 8,
        duur: String::new(),
        begeleiding: Begeleiding::Taakgericht,
        wensen: Vec::new(),
        werkt_aan: Vec::new(),
        ongeschikt_bij: Vec::new(),
        let_op_bij: Vec::new(),
        drempels: Vec::new(),
        verdringing: Verdringing::default(),
        erkent_bestaand: false,
        trede: 3,
        leeftijd_min: None,
        leeftijd_max: None,
        laatst_gecontroleerd: None,
        bron: Vec::new(),
        ..Default::default()
    }
}

fn bij(belemmering: &str, reden: &str) -> Bij {
    Bij {
        belemmering: belemmering.into(),
        reden: reden.into(),
    }
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

fn run(p: &Profiel, opties: Vec<Optie>) -> Suggesties {
    suggest(
        p,
        &Catalogue {
            opties,
            ..Default::default()
        },
        &taxonomy(),
    )
}

fn get<'a>(s: &'a Suggesties, id: &str) -> &'a Suggestie {
    s.suggesties.iter().find(|x| &*x.id == id).expect(id)
}

fn texts(s: &Suggestie) -> Vec<String> {
    s.waarom().iter().map(ToString::to_string).collect()
}

/// The warnings as plain strings, to compare with literals.
fn warnings(s: &Suggestie) -> Vec<&str> {
    s.let_op().collect()
}

#[test]
fn wens_and_werkt_aan_raise_the_score_with_labels() {
    let mut o = optie("kookcafe", "vrijwilligerswerk");
    o.wensen = strings(&["koken", "ouderen"]);
    o.werkt_aan = strings(&["isolement", "taal"]);
    let p = Profiel {
        wensen: strings(&["koken"]),
        belemmeringen: strings(&["isolement"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![o]);
    let k = get(&s, "kookcafe");
    assert_eq!(
        texts(k),
        ["+3 past bij wens 'Koken'", "+2 werkt aan 'Isolement'"]
    );
    assert_eq!(k.score, WENS + WERKT_AAN);
}

#[test]
fn ongeschikt_bij_excludes_with_label_and_reason() {
    let mut o = optie("verhuizen", "vrijwilligerswerk");
    o.ongeschikt_bij = vec![bij("fysiek", "zwaar tilwerk")];
    let p = Profiel {
        belemmeringen: strings(&["fysiek"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![o.clone(), optie("ander", "cursus")]);
    assert!(s.suggesties.iter().all(|x| &*x.id != "verhuizen"));
    assert_eq!(s.uitgesloten.len(), 1);
    assert_eq!(
        s.uitgesloten[0].reden,
        ["niet bij 'Lichamelijke klachten': zwaar tilwerk"]
    );
    // Without the belemmering it is suggested.
    let s = run(&Profiel::default(), vec![o]);
    assert_eq!(s.suggesties.len(), 1);
}

#[test]
fn let_op_bij_warns_without_changing_the_score() {
    let mut o = optie("tuin", "vrijwilligerswerk");
    o.let_op_bij = vec![bij("fysiek", "bukken en knielen")];
    let p = Profiel {
        belemmeringen: strings(&["fysiek"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![o]);
    let t = get(&s, "tuin");
    assert_eq!(
        warnings(t),
        ["let op bij 'Lichamelijke klachten': bukken en knielen"]
    );
    assert_eq!(t.score, 0);
}

#[test]
fn verdringing_midden_and_hoog_warn_with_reason_laag_does_not() {
    let mut hoog = optie("thuiszorg", "vrijwilligerswerk");
    hoog.verdringing = Verdringing {
        risico: Niveau::Hoog,
        reden: "bezuinigde thuiszorgtaken".into(),
    };
    let mut midden = optie("wijkbus", "vrijwilligerswerk");
    midden.verdringing.risico = Niveau::Midden;
    let s = run(
        &Profiel::default(),
        vec![hoog, midden, optie("laag", "cursus")],
    );
    assert_eq!(
        warnings(get(&s, "thuiszorg")),
        ["verdringingsrisico hoog: bezuinigde thuiszorgtaken"]
    );
    assert_eq!(warnings(get(&s, "wijkbus")), ["verdringingsrisico midden"]);
    assert!(get(&s, "laag").let_op().len() == 0);
}

#[test]
fn drempels_each_give_a_warning() {
    let mut o = optie("kinderwerk", "vrijwilligerswerk");
    o.drempels = vec![
        Drempel::Vog,
        Drempel::Reiskosten,
        Drempel::Kinderopvang,
        Drempel::Kosten,
    ];
    let s = run(&Profiel::default(), vec![o]);
    let l = warnings(get(&s, "kinderwerk"));
    assert_eq!(l.len(), 4);
    assert!(l[0].starts_with("VOG nodig"));
    assert!(l[1].starts_with("reiskosten"));
    assert!(l[2].starts_with("kinderopvang"));
    assert!(l[3].starts_with("kosten"));
}

#[test]
fn too_many_hours_warns_and_costs_points() {
    let mut o = optie("sportclub", "vrijwilligerswerk");
    o.uren_min = 12;
    let p = Profiel {
        uren_kan: Some(4),
        ..Profiel::default()
    };
    let s = run(&p, vec![o.clone(), optie("klein", "vrijwilligerswerk")]);
    let sc = get(&s, "sportclub");
    assert_eq!(sc.score, TE_VEEL_UREN);
    assert_eq!(
        texts(sc),
        ["-2 vraagt minstens 12 uur per week, klant kan 4"]
    );
    assert!(warnings(sc)[0].contains("12 uur"), "{:?}", warnings(sc));
    // uren_min 2 ≤ 4: nothing.
    assert!(get(&s, "klein").waarom().is_empty());
    // Exactly the hours the client can: nothing either.
    o.uren_min = 4;
    assert!(run(&p, vec![o]).suggesties[0].waarom().is_empty());
}

#[test]
fn age_outside_the_range_excludes() {
    let mut jong = optie("jongeren", "vrijwilligerswerk");
    jong.leeftijd_min = Some(18);
    jong.leeftijd_max = Some(27);
    let mut vijftig = optie("vijftig-plus", "cursus");
    vijftig.leeftijd_min = Some(50);
    let p = Profiel {
        leeftijd: Some(35),
        ..Profiel::default()
    };
    let s = run(&p, vec![jong.clone(), vijftig.clone()]);
    assert!(s.suggesties.is_empty());
    assert_eq!(
        s.uitgesloten[0].reden,
        ["leeftijd 35 valt buiten 18–27 jaar"]
    );
    assert_eq!(
        s.uitgesloten[1].reden,
        ["leeftijd 35 valt buiten vanaf 50 jaar"]
    );
    // Unknown age: nothing is excluded on age.
    let s = run(&Profiel::default(), vec![jong, vijftig]);
    assert_eq!(s.suggesties.len(), 2);
}

#[test]
fn same_option_before_is_projectmoeheid() {
    let mut a = optie("cursus-a", "cursus");
    a.wensen = strings(&["koken"]);
    let b = optie("cursus-b", "cursus");
    let c = optie("iets-anders", "vrijwilligerswerk");
    let p = Profiel {
        wensen: strings(&["koken"]),
        eerder: strings(&["cursus-a", "niet-in-catalogus"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![a, b, c]);
    let a = get(&s, "cursus-a");
    assert_eq!(
        texts(a),
        [
            "+3 past bij wens 'Koken'",
            "-4 eerder gedaan (projectmoeheid)"
        ]
    );
    assert_eq!(a.let_op().len(), 1);
    let b = get(&s, "cursus-b");
    assert_eq!(
        texts(b),
        ["-1 eerder iets in 'Cursus' gedaan (projectmoeheid)"]
    );
    assert!(warnings(b)[0].contains("'Cursus'"));
    assert!(get(&s, "iets-anders").waarom().is_empty());
}

#[test]
fn already_active_recognition_comes_first() {
    let mut erkennen = optie("bestaand-vrijwilligerswerk", "vrijwilligerswerk");
    erkennen.titel = "Bestaand vrijwilligerswerk laten erkennen".into();
    erkennen.erkent_bestaand = true;
    let mut nieuw = optie("kookcafe", "vrijwilligerswerk");
    nieuw.wensen = strings(&["koken"]);
    let p = Profiel {
        wensen: strings(&["koken"]),
        actief: strings(&["vrijwilligerswerk"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![nieuw.clone(), erkennen.clone()]);
    assert_eq!(&*s.suggesties[0].id, "bestaand-vrijwilligerswerk");
    assert_eq!(
        texts(&s.suggesties[0]),
        ["+6 al actief in 'Vrijwilligerswerk': eerst erkennen en vastleggen"]
    );
    // Recording existing activity is not projectmoeheid, even after earlier
    // volunteering; another new option in the category still gets the warning.
    let p = Profiel {
        actief: strings(&["vrijwilligerswerk"]),
        eerder: strings(&["oud-project"]),
        ..Profiel::default()
    };
    let oud = optie("oud-project", "vrijwilligerswerk");
    let s = run(&p, vec![nieuw.clone(), erkennen.clone(), oud]);
    assert_eq!(get(&s, "bestaand-vrijwilligerswerk").score, ERKENNEN);
    assert!(get(&s, "bestaand-vrijwilligerswerk").let_op().len() == 0);
    assert_eq!(get(&s, "kookcafe").score, EERDER_CATEGORIE);
    // Not active in that category: no bonus.
    let s = run(&Profiel::default(), vec![nieuw, erkennen]);
    assert!(s.suggesties.iter().all(|x| x.score == 0));
}

#[test]
fn crisis_puts_help_first_and_warns_on_everything_else() {
    let mut hulp = optie("hulp-eerst", "ontheffing");
    hulp.werkt_aan = strings(&["crisis"]);
    let mut kook = optie("kookcafe", "vrijwilligerswerk");
    kook.wensen = strings(&["koken", "ouderen"]);
    let p = Profiel {
        wensen: strings(&["koken", "ouderen"]),
        belemmeringen: strings(&["crisis"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![kook, hulp]);
    assert_eq!(&*s.suggesties[0].id, "hulp-eerst");
    assert_eq!(s.suggesties[0].score, WERKT_AAN + CRISIS_HULP);
    assert!(s.suggesties[0].let_op().len() == 0);
    assert_eq!(
        warnings(get(&s, "kookcafe")),
        ["eerst de crisis: hulp en eventueel ontheffing gaan voor"]
    );
}

#[test]
fn care_duties_raise_recognition_and_warn_on_extra_activities() {
    let mut erkennen = optie("mantelzorg-erkennen", "mantelzorg");
    erkennen.werkt_aan = strings(&["mantelzorg"]);
    erkennen.erkent_bestaand = true;
    let mut extra = optie("kookcafe", "vrijwilligerswerk");
    extra.wensen = strings(&["koken"]);
    let p = Profiel {
        wensen: strings(&["koken"]),
        belemmeringen: strings(&["mantelzorg", "kinderzorg"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![extra, erkennen]);
    assert_eq!(&*s.suggesties[0].id, "mantelzorg-erkennen");
    assert_eq!(
        texts(&s.suggesties[0]),
        [
            "+2 werkt aan 'Mantelzorg'",
            "+4 houdt rekening met zorgtaken: 'Mantelzorg'",
            "+6 de zorg die de klant al geeft: eerst erkennen en vastleggen"
        ]
    );
    let k = get(&s, "kookcafe");
    // The wish counts, and so does that it would come on top of the care.
    assert_eq!(
        texts(k),
        ["+3 past bij wens 'Koken'", "-3 komt bovenop de zorgtaken"]
    );
    assert_eq!(k.let_op().len(), 1);
    assert!(
        warnings(k)[0].contains("'Mantelzorg', 'Zorg voor kinderen'"),
        "{}",
        warnings(k)[0]
    );
}

#[test]
fn factors_always_sum_to_the_score() {
    let mut o = optie("alles", "cursus");
    o.wensen = strings(&["koken", "buiten"]);
    o.werkt_aan = strings(&["isolement", "mantelzorg"]);
    o.uren_min = 10;
    let p = Profiel {
        wensen: strings(&["koken", "buiten"]),
        belemmeringen: strings(&["isolement", "mantelzorg"]),
        eerder: strings(&["alles"]),
        uren_kan: Some(2),
        ..Profiel::default()
    };
    let s = run(&p, vec![o]);
    let a = &s.suggesties[0];
    assert_eq!(a.waarom().len(), 7);
    assert_eq!(a.score, a.waarom().iter().map(|f| f.punten).sum::<i32>());
}

#[test]
fn ties_break_by_id_and_output_is_deterministic() {
    let opties: Vec<Optie> = ["c", "a", "b"]
        .iter()
        .map(|id| {
            let mut o = optie(id, "vrijwilligerswerk");
            o.wensen = strings(&["koken"]);
            o
        })
        .chain([optie("z-hoog", "cursus")].into_iter().map(|mut o| {
            o.wensen = strings(&["koken", "buiten"]);
            o
        }))
        .collect();
    let p = Profiel {
        wensen: strings(&["koken", "buiten"]),
        ..Profiel::default()
    };
    let s = run(&p, opties.clone());
    let ids: Vec<&str> = s.suggesties.iter().map(|x| &*x.id).collect();
    assert_eq!(ids, ["z-hoog", "a", "b", "c"]);
    let mut reversed = opties;
    reversed.reverse();
    assert_eq!(run(&p, reversed).suggesties, s.suggesties);
    assert_eq!(run(&p, Catalogue::default().opties).suggesties, []);
}

#[test]
fn every_option_is_either_suggested_or_excluded() {
    let mut x = optie("x", "cursus");
    x.ongeschikt_bij = vec![bij("taal", "veel lezen")];
    let opties = vec![x, optie("y", "cursus"), optie("z", "cursus")];
    let p = Profiel {
        belemmeringen: strings(&["taal"]),
        ..Profiel::default()
    };
    let s = run(&p, opties);
    assert_eq!(s.suggesties.len() + s.uitgesloten.len(), 3);
}

#[test]
fn profile_comes_from_the_session() {
    let s = Session {
        wensen: strings(&["koken"]),
        belemmeringen: strings(&["taal"]),
        uren_kan: Some(6),
        eerder: strings(&["a"]),
        actief: strings(&["mantelzorg"]),
        leeftijd: Some(40),
        ..Session::default()
    };
    let p = Profiel::from(&s);
    assert_eq!(p.wensen, ["koken"]);
    assert_eq!(p.belemmeringen, ["taal"]);
    assert_eq!((p.uren_kan, p.leeftijd), (Some(6), Some(40)));
    assert_eq!(
        (p.eerder.as_slice(), p.actief.as_slice()),
        (&["a".to_string()][..], &["mantelzorg".to_string()][..])
    );
}

#[test]
fn unknown_profile_ids_fall_back_to_the_id_as_label() {
    let mut o = optie("o", "cursus");
    o.wensen = strings(&["oud-id"]);
    let p = Profiel {
        wensen: strings(&["oud-id"]),
        ..Profiel::default()
    };
    assert_eq!(
        texts(&run(&p, vec![o]).suggesties[0]),
        ["+3 past bij wens 'oud-id'"]
    );
}

#[test]
fn embedded_data_suggests_or_excludes_every_option() {
    let data = crate::store::assets::load(None).expect("embedded data is valid");
    let p = Profiel {
        wensen: data.taxonomy.wensen.iter().map(|e| e.id.clone()).collect(),
        ..Profiel::default()
    };
    let s = suggest(&p, &data.catalogue, &data.taxonomy);
    assert_eq!(s.suggesties.len(), data.catalogue.opties.len());
    for x in &s.suggesties {
        assert_eq!(x.score, x.waarom().iter().map(|f| f.punten).sum::<i32>());
    }
}

#[test]
fn ties_on_long_shared_id_prefixes_still_sort_by_full_id() {
    let ids = [
        "vrijwilligerswerk-b",
        "vrijwilligerswerk-a2",
        "vrijwilligerswerk-a10",
        "vrijwilligers",
        "a",
    ];
    let opties: Vec<Optie> = ids.iter().map(|id| optie(id, "cursus")).collect();
    let mut eerder = optie("z-eerder", "vrijwilligerswerk");
    eerder.wensen = strings(&["koken"]);
    let mut all = opties;
    all.push(eerder);
    let p = Profiel {
        wensen: strings(&["koken"]),
        eerder: strings(&["z-eerder"]),
        ..Profiel::default()
    };
    let s = run(&p, all);
    let got: Vec<&str> = s.suggesties.iter().map(|x| &*x.id).collect();
    assert_eq!(
        got,
        [
            "a",
            "vrijwilligers",
            "vrijwilligerswerk-a10",
            "vrijwilligerswerk-a2",
            "vrijwilligerswerk-b",
            "z-eerder",
        ]
    );
}

#[test]
fn factors_and_warnings_stay_apart_in_one_list() {
    let f = |punten: i32, tekst: &str| Factor {
        punten,
        tekst: tekst.into(),
    };
    let s = Suggestie::new(
        "x".into(),
        vec![f(3, "wens"), f(-2, "uren")],
        vec!["VOG".into(), "kosten".into()],
    );
    assert_eq!(s.score, 1, "warnings add no points");
    assert_eq!(texts(&s), ["+3 wens", "-2 uren"]);
    assert_eq!(warnings(&s), ["VOG", "kosten"]);
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        serde_json::json!({
            "id": "x",
            "score": 1,
            "waarom": [{"punten": 3, "tekst": "wens"}, {"punten": -2, "tekst": "uren"}],
            "let_op": ["VOG", "kosten"],
        })
    );
    let leeg = Suggestie::new("y".into(), Vec::new(), Vec::new());
    assert_eq!(
        (leeg.score, leeg.waarom().len(), leeg.let_op().len()),
        (0, 0, 0)
    );
}
