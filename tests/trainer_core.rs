//! Trainer mode and vervolggesprek through the public API: the embedded demo clients and
//! vervolg script against the embedded taxonomy and intake script, the MI tally on a
//! realistic practice gesprek, the trainer report keeping notes out, a vervolg session made
//! from a filled intake, and older saved sessions still loading.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use meedoen::core::data::{Data, Source};
use meedoen::core::oefen::{self, Oefenklanten};
use meedoen::core::problem::parse_ron;
use meedoen::core::script::{Script, StapSoort, Techniek};
use meedoen::core::session::{Afspraak, Akkoord, Session};
use meedoen::core::tally::{Gedrag, Niveau, ReportMeta, Tally, report_markdown};
use meedoen::core::taxonomy::TagKind;
use meedoen::core::validate;
use meedoen::core::vervolg::{Gepland, Status, Wanneer, due, start_vervolg};

const OEFENKLANTEN: &str = include_str!("../assets/oefenklanten.ron");
const VERVOLG: &str = include_str!("../assets/vervolg.ron");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn lines(problems: &[meedoen::core::problem::Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn data() -> Data {
    meedoen::store::assets::load(None).unwrap_or_else(|p| panic!("{}", lines(&p)))
}

fn klanten() -> (Oefenklanten, Source) {
    let src = Source::new("oefenklanten.ron", OEFENKLANTEN);
    (
        oefen::parse(&src).unwrap_or_else(|p| panic!("{p}")).value,
        src,
    )
}

fn vervolg_script() -> (Script, Source) {
    let src = Source::new("vervolg.ron", VERVOLG);
    let script = parse_ron::<Script>(&src.name, &src.text).unwrap_or_else(|p| panic!("{p}"));
    (script, src)
}

#[test]
fn demo_clients_are_valid_against_the_intake_script_and_taxonomy() {
    let d = data();
    let (k, src) = klanten();
    let problems = oefen::validate(&k, &d.script, &d.taxonomy, &src);
    assert!(problems.is_empty(), "{}", lines(&problems));
    assert!(k.klanten.len() >= 3);
}

#[test]
fn demo_clients_answer_most_steps_and_carry_examples() {
    let d = data();
    let (k, _) = klanten();
    // Steps shown without any tags: the ones every demo passes through.
    let always = d.script.visible_steps(&Default::default());
    for klant in &k.klanten {
        assert!(klant.naam.contains("(fictief)"), "{}", klant.naam);
        let answered = always
            .iter()
            .filter(|s| klant.antwoord(s).is_some())
            .count();
        assert!(
            answered * 4 >= always.len() * 3,
            "{}: answers {answered} of {} steps",
            klant.id,
            always.len()
        );
        let zinnen = klant.achtergrond.matches(". ").count() + 1;
        assert!((2..=4).contains(&zinnen), "{}: achtergrond", klant.id);
        for t in Techniek::ALL {
            assert!(
                klant.voorbeelden(t).next().is_some(),
                "{}: no voorbeeld for {t:?}",
                klant.id
            );
        }
        for kind in TagKind::ALL {
            assert!(
                !klant.tags.list(kind).is_empty(),
                "{}: no {kind:?}",
                klant.id
            );
        }
        // A conditional step is only answered when the client's tags would show it.
        let tags = kind_tags(klant);
        for a in &klant.antwoorden {
            let stap = d.script.step(&a.stap).unwrap().stap;
            if let Some(c) = &stap.toon_als {
                assert!(
                    c.holds(&|kind, id| tags.contains(&(kind, id.to_string()))),
                    "{} answers hidden step {}",
                    klant.id,
                    a.stap
                );
            }
        }
    }
}

fn kind_tags(k: &oefen::Oefenklant) -> Vec<(TagKind, String)> {
    TagKind::ALL
        .iter()
        .flat_map(|&kind| k.tags.list(kind).iter().map(move |t| (kind, t.clone())))
        .collect()
}

#[test]
fn vervolg_script_is_valid_and_fits_the_screen() {
    let d = data();
    let (s, src) = vervolg_script();
    assert_eq!(s.id, "vervolg");
    let problems = validate::script(&s, &d.taxonomy, &src);
    assert!(problems.is_empty(), "{}", lines(&problems));
    assert!(s.unreachable_steps().is_empty());
    assert!(d.script.unreachable_steps().is_empty());
    let soorten: Vec<StapSoort> = s.steps().map(|r| r.stap.soort).collect();
    for soort in [
        StapSoort::Evaluatie,
        StapSoort::Suggesties,
        StapSoort::Afspraken,
    ] {
        assert_eq!(
            soorten.iter().filter(|&&x| x == soort).count(),
            1,
            "{soort:?}"
        );
    }
    let len = |t: &str| t.chars().count();
    for r in s.steps() {
        let st = r.stap;
        assert!(len(&st.titel) <= 40, "{}: titel", st.id);
        assert!(len(&st.doel) <= 110, "{}: doel", st.id);
        assert!((1..=3).contains(&st.technieken.len()), "{}", st.id);
        assert!((2..=4).contains(&st.voorbeeldzinnen.len()), "{}", st.id);
        assert!((1..=2).contains(&st.valkuilen.len()), "{}", st.id);
        assert!(!st.bron.is_empty(), "{}: no bron", st.id);
        for v in &st.valkuilen {
            assert!(len(v) <= 100, "{}: valkuil {v}", st.id);
        }
        for z in &st.voorbeeldzinnen {
            assert!(len(z) <= 110, "{}: zin {z}", st.id);
            let lower = z.to_lowercase();
            assert!(!lower.contains("verdien") && !lower.contains("tegenprestatie"));
            for w in lower.split(|c: char| !c.is_alphanumeric()) {
                assert!(!["je", "jij", "jou", "jouw"].contains(&w), "{}: {z}", st.id);
            }
        }
    }
}

/// Citations of the form "001:L882" in both files point at a non-empty line of a seed.
#[test]
fn citations_point_at_real_lines() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !dir.is_dir() {
        println!("note: {} not found; citations not checked", dir.display());
        return;
    }
    let mut seeds: HashMap<String, Vec<String>> = HashMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some((prefix, _)) = name.split_once('_') {
            let text = std::fs::read_to_string(&path).unwrap();
            seeds.insert(prefix.into(), text.lines().map(str::to_string).collect());
        }
    }
    let (k, _) = klanten();
    let (s, _) = vervolg_script();
    let cites = k
        .klanten
        .iter()
        .flat_map(|c| c.bron.iter())
        .chain(s.steps().flat_map(|r| r.stap.bron.iter()));
    let mut n = 0;
    for b in cites {
        let (seed, line) = b.split_once(":L").unwrap_or_else(|| panic!("{b}"));
        let line: usize = line.parse().unwrap_or_else(|_| panic!("{b}"));
        let text = seeds.get(seed).unwrap_or_else(|| panic!("{b}: no seed"));
        assert!(
            line >= 1 && !text[line - 1].trim().is_empty(),
            "{b} is empty"
        );
        n += 1;
    }
    assert!(n > 30, "{n} citations");
}

#[test]
fn tally_on_a_realistic_practice_gesprek() {
    let mut t = Tally::default();
    let gesprek = [
        ("welkom", Gedrag::NeutraalInformeren),
        ("welkom", Gedrag::OpenVraag),
        ("hoe-gaat-het", Gedrag::OpenVraag),
        ("hoe-gaat-het", Gedrag::ReflectieEenvoudig),
        ("hoe-gaat-het", Gedrag::ReflectieComplex),
        ("hoe-gaat-het", Gedrag::GeslotenVraag),
        ("wensen-en-krachten", Gedrag::OpenVraag),
        ("wensen-en-krachten", Gedrag::ReflectieComplex),
        ("wensen-en-krachten", Gedrag::Bekrachtigen),
        ("wensen-en-krachten", Gedrag::OvertuigenZonderToestemming),
        ("tussentijds-samenvatten", Gedrag::Samenvatten),
        ("afsluiten", Gedrag::Samenvatten),
        ("afsluiten", Gedrag::Confronteren),
    ];
    for (step, g) in gesprek {
        t.add_bij(step, Gedrag::from_toets(g.toets()).unwrap());
    }
    // A mis-tap, corrected.
    t.add_bij("afsluiten", Gedrag::GeslotenVraag);
    t.undo(Gedrag::GeslotenVraag);
    assert_eq!(t.questions(), 4);
    assert_eq!(t.reflections(), 5);
    assert_eq!(t.rq(), Some(1.25));
    assert_eq!(t.pct_cr(), Some(200.0 / 3.0));
    assert_eq!(t.pct_open(), Some(75.0));
    let niveaus: Vec<Option<Niveau>> = t.scores().iter().map(|s| s.niveau).collect();
    assert_eq!(
        niveaus,
        [
            Some(Niveau::Redelijk),
            Some(Niveau::Goed),
            Some(Niveau::Goed)
        ]
    );
    assert_eq!(t.mi_inconsistent(), 2);
    assert_eq!(t.per_stap().len(), 5);
    assert_eq!(t.log.len(), 13);
}

fn filled_session() -> Session {
    let mut s = Session::new("intake-1".into(), date(2026, 11, 2), "intake");
    s.klant = "A.B.".into();
    s.consulent = "Sanne".into();
    s.plaats = "Zwolle".into();
    s.wensen = vec!["koken".into()];
    s.krachten = vec!["gastvrij".into()];
    s.belemmeringen = vec!["taal".into()];
    s.actief = vec!["mantelzorg".into()];
    s.eerder = vec!["taaltraining".into()];
    s.gekozen = vec!["buurtrestaurant".into()];
    s.uren_kan = Some(6);
    s.uren_per_week = Some(4);
    s.uren_toelichting = "Rustig beginnen.".into();
    s.afspraken = vec![
        Afspraak {
            wat: "Kennismaken bij het buurtrestaurant".into(),
            wie: "A.B.".into(),
            wanneer: "vóór 1 december".into(),
        },
        Afspraak::default(),
        Afspraak {
            wat: "Reiskosten regelen".into(),
            wie: "Sanne".into(),
            wanneer: String::new(),
        },
    ];
    s.volgend_contact = Some(date(2026, 11, 23));
    s.evaluatiedatum = Some(date(2027, 2, 1));
    s.akkoord = Akkoord::Ja;
    s.set_note(
        "hoe-gaat-het",
        "GEHEIM: slaapt slecht sinds de scheiding".into(),
    );
    s
}

#[test]
fn vervolg_starts_from_a_filled_intake() {
    let prev = filled_session();
    let v = start_vervolg(
        &prev,
        "vervolg-1".into(),
        date(2026, 11, 24),
        "vervolg",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    assert_eq!((v.klant.as_str(), v.plaats.as_str()), ("A.B.", "Zwolle"));
    assert_eq!(v.gekozen, prev.gekozen);
    assert_eq!(
        (v.wensen.clone(), v.eerder.clone()),
        (prev.wensen.clone(), prev.eerder.clone())
    );
    assert_eq!((v.uren_per_week, v.uren_kan), (Some(4), Some(6)));
    assert_eq!(v.plan_versie, 2);
    let vorig = v.vervolg_op.as_ref().unwrap();
    assert_eq!((vorig.id.as_str(), vorig.versie), ("intake-1", 1));
    let wat: Vec<&str> = v
        .evaluaties
        .iter()
        .map(|e| e.afspraak.wat.as_str())
        .collect();
    assert_eq!(
        wat,
        ["Kennismaken bij het buurtrestaurant", "Reiskosten regelen"]
    );
    assert!(
        v.evaluaties
            .iter()
            .all(|e| e.status == Status::NogNietBesproken)
    );
    assert!(v.afspraken.is_empty() && v.notities.is_empty());
    assert_eq!(v.volgend_contact, Some(date(2026, 12, 15)));
    // Both proposed afresh from the vervolg date and the gemeente (3 and 13 weeks).
    assert_eq!(v.evaluatiedatum, Some(date(2027, 2, 23)));
    // The third gesprek refers to the second.
    let w = start_vervolg(
        &v,
        "vervolg-2".into(),
        date(2026, 12, 15),
        "vervolg",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    assert_eq!((w.plan_versie, w.vervolg_op.unwrap().versie), (3, 2));
    // And the previous one is due on the start screen.
    let list = due(
        &[Gepland {
            id: prev.id.clone(),
            klant: prev.klant.clone(),
            volgend_contact: prev.volgend_contact,
        }],
        date(2026, 11, 24),
    );
    assert_eq!(list[0].wanneer, Wanneer::TeLaat(1));
}

#[test]
fn trainer_report_never_contains_notes() {
    let d = data();
    let mut s = filled_session();
    s.oefenen = true;
    let mut t = Tally::default();
    t.add_bij("hoe-gaat-het", Gedrag::ReflectieComplex);
    t.add_bij("hoe-gaat-het", Gedrag::OpenVraag);
    t.add_tijd("hoe-gaat-het", 240);
    t.add_tijd("welkom", 60);
    t.add_tijd("verdwenen-stap", 5);
    s.tally = Some(t);
    let meta = ReportMeta {
        klant: s.klant.clone(),
        datum: Some(s.datum),
        script_titel: d.script.titel.clone(),
        tijd_per_stap: vec![("Hoe gaat het met u?".into(), 240)],
        stap_titels: d
            .script
            .steps()
            .map(|r| (r.stap.id.clone(), r.stap.titel.clone()))
            .collect(),
        oefenen: s.oefenen,
    };
    let report = report_markdown(s.tally.as_ref().unwrap(), &meta);
    // The labels made from the session itself carry no notes either.
    let from_session = ReportMeta::for_session(&s, &d.script);
    assert_eq!(from_session.klant, "A.B.");
    assert!(from_session.oefenen);
    let again = report_markdown(s.tally.as_ref().unwrap(), &from_session);
    assert!(!again.contains("GEHEIM"));
    // Script order, with a step that left the script last under its id.
    let titels: Vec<&str> = from_session
        .tijd_per_stap
        .iter()
        .map(|(t, _)| t.as_str())
        .collect();
    let welkom = d.script.step("welkom").unwrap().stap.titel.as_str();
    assert_eq!(titels, [welkom, "Hoe gaat het met u?", "verdwenen-stap"]);
    assert!(again.contains("| **Totaal** | 5:05 |"), "{again}");
    assert!(
        report.contains("| Hoe gaat het met u? | 1 | 1 | 0 | 0 |"),
        "{report}"
    );
    for note in s.notities.values() {
        assert!(!report.contains(note.as_str()));
        assert!(!report.contains("GEHEIM"));
    }
}

#[test]
fn session_saved_before_the_new_fields_still_loads() {
    // A session file as written before vervolg, tally and oefenen existed.
    let old = r#"(
    versie: 1,
    id: "20261102-ab",
    klant: "A.B.",
    consulent: "Sanne",
    datum: "2026-11-02",
    plaats: "Zwolle",
    leeftijd: None,
    script: "intake",
    notities: {"hoe-gaat-het": "Gaat wisselend."},
    wensen: ["koken"],
    krachten: [],
    belemmeringen: ["taal"],
    aanpak: {},
    eerder: [],
    actief: [],
    uren_kan: Some(6),
    gekozen: ["buurtrestaurant"],
    afspraken: [(wat: "Kennismaken", wie: "A.B.", wanneer: "maandag")],
    uren_per_week: Some(4),
    uren_toelichting: "",
    startdatum: None,
    evaluatiedatum: None,
    volgend_contact: Some("2026-11-23"),
    akkoord: Ja,
    akkoord_toelichting: "",
    huidige_stap: "afsluiten",
)"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oud.sessie.ron");
    std::fs::write(&path, old).unwrap();
    let s = meedoen::store::drafts::load_session(&path).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(s.klant, "A.B.");
    assert_eq!(s.plan_versie, 1);
    assert!(!s.oefenen && s.tally.is_none() && s.vervolg_op.is_none());
    assert!(s.evaluaties.is_empty());
    let v = start_vervolg(
        &s,
        "v".into(),
        date(2026, 11, 23),
        "vervolg",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    assert_eq!((v.plan_versie, v.evaluaties.len()), (2, 1));
}

#[test]
fn vervolg_session_with_tally_round_trips_through_ron() {
    let mut v = start_vervolg(
        &filled_session(),
        "v".into(),
        date(2026, 11, 24),
        "vervolg",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    v.evaluaties[0].status = Status::Deels;
    v.evaluaties[0].hielp = "Dochter ging mee — ‘fijn’".into();
    v.evaluaties[0].lastig = "De bus".into();
    let mut t = Tally::default();
    t.add_bij("hoe-ging-het", Gedrag::OpenVraag);
    v.tally = Some(t);
    v.oefenen = true;
    let text = ron::ser::to_string_pretty(&v, ron::ser::PrettyConfig::default()).unwrap();
    let back = parse_ron::<Session>("v.ron", &text).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(back, v);
}
