//! Tests for what weighs in a score besides wishes and needs: warnings, verdringing,
//! drempels, hours, age, prerequisites, projectmoeheid, recognition, acute problems,
//! care load and guidance. Each on a small catalogue built with the helpers of `tests`.

use super::*;

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
