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
fn let_op_bij_the_clients_belemmering_costs_points_and_warns() {
    let mut o = kook("tuin", "vrijwilligerswerk");
    o.let_op_bij = vec![bij("fysiek", "bukken en knielen"), bij("taal", "lezen")];
    let p = Profiel {
        belemmeringen: strings(&["fysiek"]),
        wensen: strings(&["koken", "buiten"]),
        ..Profiel::default()
    };
    o.wensen.push("buiten".into());
    let t = &run(&p, vec![o]).suggesties[0];
    assert_eq!(
        warnings(t),
        ["let op bij 'Lichamelijke klachten': bukken en knielen"]
    );
    assert_eq!(
        texts(t).last().unwrap(),
        "-4 aandachtspunt bij 'Lichamelijke klachten'"
    );
    assert_eq!(t.score, 2 * WENS + HOOFDDOEL + LET_OP);
}

#[test]
fn verdringing_weighs_by_level_and_warns_with_reason() {
    let mut hoog = kook("thuiszorg", "vrijwilligerswerk");
    hoog.wensen.push("buiten".into());
    hoog.verdringing = Verdringing {
        risico: Niveau::Hoog,
        reden: "bezuinigde thuiszorgtaken".into(),
    };
    let mut midden = kook("wijkbus", "vrijwilligerswerk");
    midden.verdringing.risico = Niveau::Midden;
    let p = Profiel {
        wensen: strings(&["koken", "buiten"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![hoog, midden, kook("laag", "cursus")]);
    let h = get(&s, "thuiszorg");
    assert_eq!(
        warnings(h),
        ["verdringingsrisico hoog: bezuinigde thuiszorgtaken"]
    );
    assert_eq!(h.score, 2 * WENS + HOOFDDOEL + VERDRINGING_HOOG);
    assert_eq!(warnings(get(&s, "wijkbus")), ["verdringingsrisico midden"]);
    assert_eq!(
        get(&s, "wijkbus").score,
        WENS + HOOFDDOEL + VERDRINGING_MIDDEN
    );
    assert_eq!(get(&s, "laag").let_op().len(), 0);
}

#[test]
fn drempels_warn_and_weigh_only_for_a_client_they_burden() {
    let mut o = kook("kinderwerk", "vrijwilligerswerk");
    o.wensen.push("buiten".into());
    o.drempels = vec![
        Drempel::Vog,
        Drempel::Reiskosten,
        Drempel::Kinderopvang,
        Drempel::Kosten,
    ];
    let p = Profiel {
        wensen: strings(&["koken", "buiten"]),
        ..Profiel::default()
    };
    let k = &run(&p, vec![o.clone()]).suggesties[0];
    let l = warnings(k);
    assert_eq!(l.len(), 4);
    assert!(l[0].starts_with("VOG nodig") && l[1].starts_with("reiskosten"));
    assert!(l[2].starts_with("kinderopvang") && l[3].starts_with("kosten"));
    assert_eq!(k.score, 2 * WENS + HOOFDDOEL);
    let p = Profiel {
        belemmeringen: strings(&["reizen", "achterstanden"]),
        ..p
    };
    let k = &run(&p, vec![o]).suggesties;
    // Arrears are acute: the activity is then below help, but still listed with both.
    let t = texts(&k[0]);
    assert!(t.contains(&"-2 vraagt reizen, en reizen is lastig voor de klant".into()));
    assert!(t.contains(&"-2 kost geld, en de klant heeft geldzorgen: wie betaalt?".into()));
}

#[test]
fn close_to_home_rises_for_a_client_who_cannot_travel() {
    let mut dichtbij = kook("buurthuis", "ontmoeting");
    dichtbij.wensen.push("dicht-bij-huis".into());
    let p = Profiel {
        belemmeringen: strings(&["reizen"]),
        ..koken()
    };
    let s = run(&p, vec![kook("a-verweg", "ontmoeting"), dichtbij]);
    assert_eq!(&*s.suggesties[0].id, "buurthuis");
    assert_eq!(s.suggesties[0].score - s.suggesties[1].score, DICHTBIJ);
}

#[test]
fn too_many_hours_cost_a_point_per_hour_up_to_a_limit() {
    let mut o = kook("sportclub", "vrijwilligerswerk");
    o.uren_min = 7;
    let p = Profiel {
        uren_kan: Some(4),
        ..koken()
    };
    let s = run(&p, vec![o.clone(), kook("klein", "vrijwilligerswerk")]);
    let sc = get(&s, "sportclub");
    assert_eq!(sc.score, WENS + HOOFDDOEL + 3 * TE_VEEL_UREN);
    assert_eq!(
        texts(sc)[2],
        "-3 vraagt minstens 7 uur per week, klant kan 4"
    );
    assert!(warnings(sc)[0].contains("7 uur"), "{:?}", warnings(sc));
    assert_eq!(get(&s, "klein").waarom().len(), 2);
    o.uren_min = 30;
    o.wensen = strings(&["koken"]);
    let s = run(&p, vec![o]);
    assert_eq!(
        overig(&s, "sportclub").score,
        Some(WENS + HOOFDDOEL + TE_VEEL_MAX)
    );
}

#[test]
fn age_outside_the_range_excludes_and_an_unknown_age_warns() {
    let mut jong = kook("jongeren", "vrijwilligerswerk");
    jong.leeftijd_min = Some(18);
    jong.leeftijd_max = Some(27);
    let mut vijftig = kook("vijftig-plus", "cursus");
    vijftig.leeftijd_min = Some(50);
    let p = Profiel {
        leeftijd: Some(35),
        ..koken()
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
    let s = run(&koken(), vec![jong, vijftig]);
    assert_eq!(s.suggesties.len(), 2);
    assert_eq!(
        warnings(get(&s, "jongeren")),
        ["alleen voor 18–27 jaar: vraag de leeftijd"]
    );
}

#[test]
fn options_for_a_group_need_the_group_and_say_why_otherwise() {
    let mut taal = kook("taalmaatje", "cursus");
    taal.voorwaarden.taal = true;
    let mut dag = kook("dagbesteding", "cursus");
    dag.voorwaarden = Voorwaarden {
        indicatie: true,
        belemmering: strings(&["lvb"]),
        ..Voorwaarden::default()
    };
    let mut schuld = kook("schuldhulp", "eigen-belemmeringen");
    schuld.voorwaarden.belemmering = strings(&["achterstanden"]);
    let opties = vec![taal, dag, schuld];
    let s = run(&koken(), opties.clone());
    assert!(s.suggesties.is_empty());
    let reden = |s: &Suggesties, id| overig(s, id).reden.to_string();
    assert!(
        reden(&s, "taalmaatje").contains("taalvraag"),
        "{}",
        reden(&s, "taalmaatje")
    );
    assert_eq!(
        reden(&s, "dagbesteding"),
        "voor een specifieke groep: alleen met een indicatie, of bij 'LVB' (dan indicatie aanvragen)"
    );
    assert_eq!(
        reden(&s, "schuldhulp"),
        "voor een specifieke groep: alleen bij 'Achterstanden'"
    );
    // Each met: language need by the wish, the group by the belemmering.
    let p = Profiel {
        wensen: strings(&["koken", "nederlands-oefenen"]),
        belemmeringen: strings(&["lvb", "achterstanden"]),
        ..Profiel::default()
    };
    let s = run(&p, opties.clone());
    assert_eq!(s.suggesties.len(), 3);
    assert!(
        warnings(get(&s, "dagbesteding"))
            .contains(&"indicatie nodig: aanvragen via het buurt- of wijkteam")
    );
    // An indication meets it without the belemmering, and needs no warning.
    let p = Profiel {
        indicatie: true,
        ..koken()
    };
    let s = run(&p, opties);
    assert!(get(&s, "dagbesteding").let_op().len() == 0);
}

#[test]
fn projectmoeheid_by_form_the_same_option_strongly_same_form_and_aim_mildly() {
    let mut klas = kook("klas-a", "cursus");
    klas.vorm = Some(Vorm::Klassikaal);
    let mut klas_b = klas.clone();
    klas_b.id = "klas-b".into();
    let mut maatje = kook("maatje", "cursus");
    maatje.vorm = Some(Vorm::EenOpEen);
    let praktijk = kook("praktijk", "vrijwilligerswerk");
    let p = Profiel {
        eerder: strings(&["klas-a", "niet-in-catalogus"]),
        ..koken()
    };
    let s = run(&p, vec![klas, klas_b, maatje, praktijk]);
    let a = overig(&s, "klas-a");
    assert_eq!(a.score, Some(WENS + HOOFDDOEL + EERDER_OPTIE));
    assert!(
        a.tekst().ends_with("eerder gedaan (projectmoeheid) (-6)"),
        "{}",
        a.tekst()
    );
    assert_eq!(
        texts(get(&s, "klas-b"))[2],
        "-2 zelfde vorm (klassikaal) en doel ('Cursus') als eerder (projectmoeheid)"
    );
    assert_eq!(get(&s, "maatje").score, WENS + HOOFDDOEL);
    assert_eq!(get(&s, "praktijk").score, WENS + HOOFDDOEL + PRAKTIJK);
    let ids: Vec<&str> = s.suggesties.iter().map(|x| &*x.id).collect();
    assert_eq!(ids, ["praktijk", "maatje", "klas-b"]);
}

#[test]
fn recognition_goes_only_to_the_ticked_option() {
    let mut vrijwilliger = kook("vrijwilligerswerk-vastleggen", "vrijwilligerswerk");
    vrijwilliger.erkent_bestaand = true;
    let mut buren = kook("burenhulp", "mantelzorg");
    buren.erkent_bestaand = true;
    let p = Profiel {
        doet_al: strings(&["vrijwilligerswerk-vastleggen"]),
        ..koken()
    };
    let s = run(
        &p,
        vec![
            kook("kookcafe", "vrijwilligerswerk"),
            buren.clone(),
            vrijwilliger.clone(),
        ],
    );
    assert_eq!(&*s.suggesties[0].id, "vrijwilligerswerk-vastleggen");
    assert_eq!(
        texts(&s.suggesties[0])[0],
        "+10 de klant doet dit al: eerst erkennen en vastleggen"
    );
    assert_eq!(s.suggesties.len(), 2);
    assert!(overig(&s, "burenhulp").reden.contains("Doet al"));
    // The old form: a category marked active stands for its recognition options.
    let p = Profiel {
        actief: strings(&["mantelzorg"]),
        ..koken()
    };
    let s = run(&p, vec![buren, vrijwilliger]);
    assert_eq!(s.suggesties.len(), 1);
    assert_eq!(&*s.suggesties[0].id, "burenhulp");
}

#[test]
fn acute_problems_put_help_first_and_a_crisis_suggests_no_activity() {
    let mut hulp = optie("schuldhulp", "eigen-belemmeringen");
    hulp.werkt_aan = strings(&["achterstanden"]);
    let mut kook_veel = kook("kookcafe", "vrijwilligerswerk");
    kook_veel.wensen.push("ouderen".into());
    let p = Profiel {
        wensen: strings(&["koken", "ouderen"]),
        belemmeringen: strings(&["achterstanden"]),
        ..Profiel::default()
    };
    let s = run(&p, vec![kook_veel.clone(), hulp]);
    assert_eq!(&*s.suggesties[0].id, "schuldhulp");
    assert_eq!(s.suggesties[0].score, ACUUT + WERKT_AAN);
    assert!(warnings(get(&s, "kookcafe"))[0].starts_with("eerst hulp bij 'Achterstanden'"));
    let mut crisis = optie("eerst-hulp", "ontheffing");
    crisis.werkt_aan = strings(&["crisis"]);
    let p = Profiel {
        belemmeringen: strings(&["crisis"]),
        ..p
    };
    let s = run(&p, vec![kook_veel, crisis]);
    assert_eq!(s.suggesties.len(), 1);
    assert_eq!(&*s.suggesties[0].id, "eerst-hulp");
    assert!(overig(&s, "kookcafe").reden.contains("crisis"));
}

#[test]
fn care_load_is_proportional_to_care_hours_and_activity_hours() {
    assert_eq!(bovenop_zorg(2, 2), 0);
    assert_eq!(bovenop_zorg(12, 1), -1);
    assert_eq!(bovenop_zorg(12, 16), -BOVENOP_ZORG_MAX);
    assert_eq!(bovenop_zorg(20, 4), -4);
    assert!(verlichting(2) < verlichting(20) && verlichting(20) < verlichting(40));
    assert_eq!(verlichting(500), ZORG_MAX);

    let mut erkennen = optie("mantelzorg-erkennen", "mantelzorg");
    erkennen.werkt_aan = strings(&["mantelzorg"]);
    erkennen.erkent_bestaand = true;
    erkennen.vorm = Some(Vorm::Zelfstandig);
    let mut steun = optie("steun", "mantelzorg");
    steun.werkt_aan = strings(&["mantelzorg"]);
    let mut extra = kook("kookcafe", "vrijwilligerswerk");
    extra.uren_min = 4;
    let profiel = |uren| Profiel {
        belemmeringen: strings(&["mantelzorg"]),
        zorguren: Some(uren),
        doet_al: strings(&["mantelzorg-erkennen"]),
        ..koken()
    };
    let opties = vec![extra, steun, erkennen];
    // A few hours of care: the wish leads over relief.
    let s = run(&profiel(2), opties.clone());
    let ids: Vec<&str> = s.suggesties.iter().map(|x| &*x.id).collect();
    assert_eq!(ids, ["mantelzorg-erkennen", "kookcafe", "steun"]);
    // Heavy care: recognition and relief lead; the activity drops out with its reason.
    let s = run(&profiel(40), opties);
    let ids: Vec<&str> = s.suggesties.iter().map(|x| &*x.id).collect();
    assert_eq!(ids, ["mantelzorg-erkennen", "steun"]);
    assert!(
        overig(&s, "kookcafe")
            .tekst()
            .contains("komt bovenop 40 uur zorg"),
        "{}",
        overig(&s, "kookcafe").tekst()
    );
    assert_eq!(
        texts(&s.suggesties[1]),
        [
            "+3 werkt aan 'Mantelzorg'",
            "+6 verlicht de zorgtaken (40 uur per week)"
        ]
    );
}

#[test]
fn a_guided_setting_for_a_client_who_needs_one() {
    let mut licht = kook("licht", "vrijwilligerswerk");
    licht.begeleiding = Begeleiding::Taakgericht;
    let mut begeleid = kook("begeleid", "vrijwilligerswerk");
    begeleid.begeleiding = Begeleiding::Persoonlijk;
    let p = Profiel {
        belemmeringen: strings(&["lvb"]),
        ..koken()
    };
    let s = run(&p, vec![licht, begeleid]);
    assert_eq!(&*s.suggesties[0].id, "begeleid");
    assert_eq!(s.suggesties[1].score, WENS + HOOFDDOEL + WEINIG_BEGELEIDING);
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
