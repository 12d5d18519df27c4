//! Tests for the matching rules, each on a small catalogue and taxonomy built here, so
//! they do not depend on the embedded data (which changes as the catalogue grows).

use super::*;
use crate::core::catalogue::{
    Begeleiding, Bij, Drempel, Niveau, Optie, Verdringing, Voorwaarden, Vorm,
};
use crate::core::taxonomy::Entry;

pub(crate) fn entry(id: &str, label: &str) -> Entry {
    Entry {
        id: id.into(),
        label: label.into(),
        omschrijving: format!("{label}."),
        groep: String::new(),
        synoniemen: Vec::new(),
        aanpak: String::new(),
        aanpak_plan: String::new(),
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
            entry("nederlands-oefenen", "Nederlands oefenen"),
            entry("dicht-bij-huis", "Dicht bij huis"),
        ],
        krachten: vec![entry("doorzetter", "Doorzetter"), entry("handig", "Handig")],
        belemmeringen: vec![
            entry("fysiek", "Lichamelijke klachten"),
            entry("isolement", "Isolement"),
            entry("taal", "Taal"),
            entry("crisis", "Crisis"),
            entry("mantelzorg", "Mantelzorg"),
            entry("kinderzorg", "Zorg voor kinderen"),
            entry("achterstanden", "Achterstanden"),
            entry("reizen", "Reizen is lastig"),
            entry("lvb", "LVB"),
            entry("psychisch", "Psychisch"),
            entry("projectmoeheid", "Moe van trajecten"),
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
        krachten: Vec::new(),
        werkt_aan: Vec::new(),
        ongeschikt_bij: Vec::new(),
        let_op_bij: Vec::new(),
        drempels: Vec::new(),
        verdringing: Verdringing::default(),
        erkent_bestaand: false,
        vorm: Some(Vorm::Praktijk),
        voorwaarden: Voorwaarden::default(),
        trede: 3,
        leeftijd_min: None,
        leeftijd_max: None,
        laatst_gecontroleerd: None,
        bron: Vec::new(),
        ..Default::default()
    }
}

mod weights;

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

/// An option that serves wens `koken`, so a profile wishing to cook suggests it.
fn kook(id: &str, categorie: &str) -> Optie {
    let mut o = optie(id, categorie);
    o.wensen = strings(&["koken"]);
    o
}

fn koken() -> Profiel {
    Profiel {
        wensen: strings(&["koken"]),
        ..Profiel::default()
    }
}

fn overig<'a>(s: &'a Suggesties, id: &str) -> &'a Overig {
    s.overig.iter().find(|x| &*x.id == id).expect(id)
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
fn wishes_needs_and_the_main_aim_raise_the_score_with_labels() {
    let mut o = kook("kookcafe", "vrijwilligerswerk");
    o.wensen.push("ouderen".into());
    o.werkt_aan = strings(&["isolement", "taal"]);
    let p = Profiel {
        wensen: strings(&["ouderen", "koken"]),
        belemmeringen: strings(&["isolement"]),
        ..Profiel::default()
    };
    let k = &run(&p, vec![o.clone()]).suggesties[0];
    assert_eq!(
        texts(k),
        [
            "+3 past bij wens 'Koken'",
            "+3 past bij wens 'Met ouderen'",
            "+2 hoofddoel van de klant: 'Met ouderen'",
            "+3 werkt aan 'Isolement'"
        ]
    );
    assert_eq!(k.score, 2 * WENS + HOOFDDOEL + WERKT_AAN);
    // A marked main aim replaces the first wish.
    let p = Profiel {
        hoofddoel: Some("koken".into()),
        ..p
    };
    assert!(
        texts(&run(&p, vec![o]).suggesties[0])
            .contains(&"+2 hoofddoel van de klant: 'Koken'".to_string())
    );
}

#[test]
fn krachten_count() {
    let mut o = kook("klussen", "vrijwilligerswerk");
    o.krachten = strings(&["handig", "doorzetter"]);
    let p = Profiel {
        krachten: strings(&["handig"]),
        ..koken()
    };
    let k = &run(&p, vec![o]).suggesties[0];
    assert_eq!(texts(k)[2], "+1 gebruikt kracht 'Handig'");
    assert_eq!(k.score, WENS + HOOFDDOEL + KRACHT);
}

#[test]
fn ongeschikt_bij_excludes_with_label_and_reason() {
    let mut o = kook("verhuizen", "vrijwilligerswerk");
    o.ongeschikt_bij = vec![bij("fysiek", "zwaar tilwerk")];
    let p = Profiel {
        belemmeringen: strings(&["fysiek"]),
        ..koken()
    };
    let s = run(&p, vec![o.clone(), kook("ander", "cursus")]);
    assert!(s.suggesties.iter().all(|x| &*x.id != "verhuizen"));
    assert_eq!(s.uitgesloten.len(), 1);
    assert_eq!(
        s.uitgesloten[0].reden,
        ["niet bij 'Lichamelijke klachten': zwaar tilwerk"]
    );
    assert_eq!(run(&koken(), vec![o]).suggesties.len(), 1);
}

#[test]
fn only_positive_fits_are_suggested_and_the_rest_keeps_its_reason() {
    let mut min = kook("zwaar", "vrijwilligerswerk");
    min.verdringing.risico = Niveau::Hoog;
    let p = Profiel {
        wensen: strings(&["buiten", "koken"]),
        ..Profiel::default()
    };
    let s = run(
        &p,
        vec![min, optie("niets", "cursus"), kook("goed", "cursus")],
    );
    assert_eq!(s.suggesties.len(), 1);
    assert_eq!(
        overig(&s, "niets").reden.as_ref(),
        "past bij geen wens, kracht of belemmering van de klant"
    );
    let z = overig(&s, "zwaar");
    assert_eq!(z.score, Some(WENS + VERDRINGING_HOOG));
    assert!(
        z.tekst().contains("verdringingsrisico hoog (-4)"),
        "{}",
        z.tekst()
    );
    assert_eq!(s.leeg_reden(), None);
    let s = run(&Profiel::default(), vec![optie("niets", "cursus")]);
    assert!(s.leeg_reden().unwrap().contains("past nu bij"));
}

#[test]
fn factors_always_sum_to_the_score() {
    let mut o = kook("alles", "cursus");
    o.wensen.push("buiten".into());
    o.werkt_aan = strings(&["isolement", "mantelzorg"]);
    o.let_op_bij = vec![bij("isolement", "x")];
    o.verdringing.risico = Niveau::Midden;
    o.uren_min = 10;
    let p = Profiel {
        wensen: strings(&["koken", "buiten"]),
        belemmeringen: strings(&["isolement", "mantelzorg"]),
        eerder: strings(&["alles"]),
        uren_kan: Some(2),
        ..Profiel::default()
    };
    let s = run(&p, vec![o]);
    let a = s.suggesties.first().map(|x| (x.score, x.waarom().to_vec()));
    let o = s.overig.first().map(|x| x.score.unwrap());
    // Whichever list it lands in, its points are the sum of its factors.
    if let Some((score, waarom)) = a {
        assert_eq!(score, waarom.iter().map(|f| f.punten).sum::<i32>());
        assert!(waarom.len() >= 8);
    } else {
        assert!(o.unwrap() <= 0);
    }
}

#[test]
fn ties_break_by_fit_then_id_and_output_is_deterministic() {
    let mut warn = kook("a-waarschuwing", "vrijwilligerswerk");
    warn.drempels = vec![Drempel::Vog];
    let mut uren = kook("b-uren", "vrijwilligerswerk");
    uren.uren_min = 5;
    uren.wensen.push("buiten".into());
    uren.verdringing.risico = Niveau::Midden;
    let opties = vec![kook("c", "cursus"), warn, kook("b", "cursus"), uren];
    let p = Profiel {
        uren_kan: Some(6),
        ..koken()
    };
    let s = run(&p, opties.clone());
    let ids: Vec<&str> = s.suggesties.iter().map(|x| &*x.id).collect();
    // Equal scores: without warnings before with one; then the id.
    assert_eq!(ids, ["b", "c", "a-waarschuwing", "b-uren"]);
    let mut reversed = opties;
    reversed.reverse();
    assert_eq!(run(&p, reversed).suggesties, s.suggesties);
    assert_eq!(run(&p, Catalogue::default().opties).suggesties, []);
}

#[test]
fn profile_comes_from_the_session() {
    let s = Session {
        wensen: strings(&["koken", "buiten"]),
        hoofdwens: Some("buiten".into()),
        krachten: strings(&["handig"]),
        belemmeringen: strings(&["taal"]),
        uren_kan: Some(6),
        zorguren: Some(10),
        eerder: strings(&["a"]),
        doet_al: strings(&["b"]),
        actief: strings(&["mantelzorg"]),
        leeftijd: Some(40),
        ..Session::default()
    };
    let p = Profiel::from(&s);
    assert_eq!(p.hoofddoel(), Some("buiten"));
    assert_eq!(
        (p.krachten.as_slice(), p.doet_al.as_slice()),
        (&s.krachten[..], &s.doet_al[..])
    );
    assert_eq!(
        (p.uren_kan, p.zorguren, p.leeftijd),
        (Some(6), Some(10), Some(40))
    );
    assert_eq!(
        (p.eerder.as_slice(), p.actief.as_slice()),
        (&s.eerder[..], &s.actief[..])
    );
    // A main aim that is no longer a wish falls back to the first wish.
    let p = Profiel {
        hoofddoel: Some("weg".into()),
        ..p
    };
    assert_eq!(p.hoofddoel(), Some("koken"));
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
        texts(&run(&p, vec![o]).suggesties[0])[0],
        "+3 past bij wens 'oud-id'"
    );
}

#[test]
fn embedded_data_accounts_for_every_option_once() {
    let data = crate::store::assets::load(None).expect("embedded data is valid");
    let p = Profiel {
        wensen: data.taxonomy.wensen.iter().map(|e| e.id.clone()).collect(),
        ..Profiel::default()
    };
    let s = suggest(&p, &data.catalogue, &data.taxonomy);
    let n = s.suggesties.len() + s.uitgesloten.len() + s.overig.len();
    assert_eq!(n, data.catalogue.opties.len());
    for x in &s.suggesties {
        assert_eq!(x.score, x.waarom().iter().map(|f| f.punten).sum::<i32>());
    }
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
}
