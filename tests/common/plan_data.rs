//! Fixed test data for the plan tests (`tests/plan.rs`, `tests/plan_formats.rs`): a
//! small script, taxonomy and catalogue, a fully filled and a nearly empty session.

use std::path::PathBuf;

use chrono::NaiveDate;
use meedoen::core::data::{Data, Source, Sources};
use meedoen::core::session::{Afspraak, Akkoord, Session};

pub const SCRIPT: &str = r#"(
    id: "test",
    titel: "Testgesprek",
    fases: [(id: "f", titel: "Fase", stappen: [
        (id: "welzijn", titel: "Hoe gaat het met u?", technieken: [OpenVragen], doel: "d", plan_sectie: Situatie),
        (id: "dag", titel: "Uw dag", technieken: [OpenVragen], doel: "d", plan_sectie: Situatie),
        (id: "actief", titel: "Wat u al doet", technieken: [OpenVragen], doel: "d", plan_sectie: AlActief, kiezen: [AlActief]),
        (id: "eerder", titel: "Eerder", technieken: [OpenVragen], doel: "d", plan_sectie: Eerder, kiezen: [Eerder]),
        (id: "wensen", titel: "Wensen", technieken: [OpenVragen], doel: "d", plan_sectie: Wensen, kiezen: [Wensen, Krachten]),
        (id: "lastig", titel: "Wat lastig is", technieken: [Reflecteren], doel: "d", plan_sectie: Belemmeringen, kiezen: [Belemmeringen]),
        (id: "woorden", titel: "In uw woorden", technieken: [Reflecteren], doel: "d", plan_sectie: EigenWoorden),
        (id: "keuze", titel: "Keuze", technieken: [NeutraalInformeren], doel: "d", soort: Suggesties, plan_sectie: Keuze),
        (id: "werk", titel: "Werkaantekeningen", technieken: [Samenvatten], doel: "d"),
        (id: "slot", titel: "Samenvatten", technieken: [Samenvatten], doel: "d", soort: Afspraken, plan_sectie: Samenvatting),
    ])],
)"#;

pub const TAXONOMY: &str = r#"(
    vervangt_alles: true,
    wensen: [
        (id: "koken", label: "Koken", omschrijving: "o"),
        (id: "buiten", label: "Buiten werken", omschrijving: "o"),
    ],
    krachten: [(id: "doorzetter", label: "Doorzetter", omschrijving: "o")],
    belemmeringen: [
        (id: "fysiek", label: "Lichamelijke klachten", omschrijving: "o", aanpak: "Bied de {klant} geen zwaar werk aan.", aanpak_plan: "Geen zwaar lichamelijk werk."),
        (id: "taal", label: "Taal", omschrijving: "o", aanpak: "Kies een plek waar de {klant} Nederlands oefent.", aanpak_plan: "Werk waarbij u Nederlands oefent."),
    ],
    categorieen: [
        (id: "vrijwilligerswerk", label: "Vrijwilligerswerk", omschrijving: "o"),
        (id: "mantelzorg", label: "Mantelzorg", omschrijving: "o"),
    ],
)"#;

pub const CATALOGUE: &str = r#"(vervangt_alles: true, opties: [
    (
        id: "buurtrestaurant", titel: "Koken in een buurtrestaurant", categorie: "vrijwilligerswerk",
        omschrijving: "Samen koken voor buurtbewoners.", taken: ["groente snijden", "afwassen"],
        uren_min: 4, uren_max: 12, duur: "een half jaar", begeleiding: taakgericht, wensen: ["koken"],
        drempels: [vog, reiskosten],
        verdringing: (risico: laag, reden: "Het restaurant draait op vrijwilligers."),
    ),
    (
        id: "groen", titel: "Groen onderhouden", categorie: "vrijwilligerswerk",
        omschrijving: "Perken in de wijk bijhouden.", uren_min: 6, uren_max: 6, begeleiding: geen,
        verdringing: (risico: midden, reden: "De gemeente besteedt groen ook uit."),
    ),
    (
        id: "taalcursus", titel: "Taalcursus in de bibliotheek", categorie: "vrijwilligerswerk",
        omschrijving: "Nederlands oefenen.", uren_min: 2, uren_max: 4, begeleiding: persoonlijk,
    ),
])"#;

pub fn data() -> Data {
    Data::parse(&Sources {
        script: Source::new("script.ron", SCRIPT),
        taxonomy: Source::new("taxonomie.ron", TAXONOMY),
        catalogue: Source::new("catalogus.ron", CATALOGUE),
    })
    .unwrap_or_else(|ps| panic!("{ps:?}"))
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every field filled, with the text that tends to break documents.
pub fn full_session() -> Session {
    let mut s = Session::new("20261123-ab".into(), date(2026, 11, 23), "test");
    s.klant = "A.B.".into();
    s.consulent = "Sanne de Vries".into();
    s.plaats = "Zwolle".into();
    let notes = [
        (
            "welzijn",
            "Het gaat wisselend. Ik slaap slecht.\r\nMijn dochter helpt — ‘soms’ té veel.",
        ),
        (
            "dag",
            "# Geen kop\n- geen lijst\n> geen citaat\n\n<script>alert('x')</script>",
        ),
        ("actief", "Ik pas twee dagen per week op mijn kleinkind 🙂"),
        ("eerder", "Taalcursus in 2024; dat ging niet goed."),
        (
            "wensen",
            "Ik kook graag Surinaams. 中文 leren lijkt me ook leuk.\n\nIk wil ‘iets nuttigs’ doen voor de buurt.",
        ),
        ("lastig", "Na een uur staan doet mijn rug pijn."),
        ("woorden", "\"Ik wil weer onder de mensen zijn.\" — é ë"),
        ("keuze", "Eerst een keer kennismaken in de keuken."),
        ("werk", "PRIVÉ werkaantekening: nooit in het plan"),
        ("slot", "We kiezen samen voor koken, rustig opbouwen."),
        ("oude-stap", "Notitie bij een stap die niet meer bestaat."),
    ];
    for (step, text) in notes {
        s.set_note(step, text.into());
    }
    s.wensen = vec!["koken".into(), "verdwenen-wens".into()];
    s.krachten = vec!["doorzetter".into()];
    s.belemmeringen = vec!["fysiek".into(), "taal".into()];
    s.aanpak
        .insert("fysiek".into(), "Zittend werk; na een uur pauze.".into());
    s.actief = vec!["mantelzorg".into()];
    s.eerder = vec!["taalcursus".into()];
    s.uren_kan = Some(8);
    s.gekozen = vec!["buurtrestaurant".into(), "oude-optie".into()];
    s.gekozen_reden.insert(
        "buurtrestaurant".into(),
        "u er graag wilt koken en zittend werk mogelijk is".into(),
    );
    s.eigen.push(meedoen::core::session::EigenActiviteit {
        titel: "Kookgroep De Linde".into(),
        plaats: "Buurthuis De Linde, Lindelaan 4".into(),
        contact: "Marja (coördinator)".into(),
        uren: Some(2),
        begeleiding: "Marja legt uit wat u doet.".into(),
    });
    s.afspraken = vec![
        Afspraak {
            wat: "Kennismaken bij het buurtrestaurant".into(),
            wie: "A.B., samen met Sanne".into(),
            wanneer: "vóór 1 december".into(),
        },
        Afspraak::default(),
        Afspraak {
            wat: "VOG aanvragen".into(),
            wie: "Sanne".into(),
            wanneer: String::new(),
        },
    ];
    s.uren_per_week = Some(4);
    s.startdatum = Some(date(2026, 12, 1));
    s.evaluatiedatum = Some(date(2027, 3, 1));
    s.volgend_contact = Some(date(2026, 12, 15));
    s.akkoord = Akkoord::Nee;
    s.akkoord_toelichting = "Wil eerst met haar dochter overleggen.".into();
    s
}

pub fn empty_session() -> Session {
    let mut s = Session::new("leeg".into(), date(2026, 1, 5), "test");
    s.klant = "X".into();
    s
}

/// Compares with the golden file, or writes it when `MEEDOEN_GOLDEN=bless`.
pub fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
        .join(name);
    if std::env::var("MEEDOEN_GOLDEN").as_deref() == Ok("bless") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    // A checkout with Windows line endings is still the same plan.
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with MEEDOEN_GOLDEN=bless", path.display()))
        .replace("\r\n", "\n");
    // The text plan has Windows line ends on Windows (tested on its own); the words are
    // what is compared here.
    let actual = &actual.replace("\r\n", "\n");
    if expected == *actual {
        return;
    }
    let (exp, act): (Vec<_>, Vec<_>) = (expected.lines().collect(), actual.lines().collect());
    let first = (0..exp.len().max(act.len()))
        .find(|&i| exp.get(i) != act.get(i))
        .unwrap_or(0);
    let window = |lines: &[&str]| {
        (first.saturating_sub(3)..(first + 4).min(lines.len()))
            .map(|i| format!("{:4} | {}", i + 1, lines[i]))
            .collect::<Vec<_>>()
            .join("\n")
    };
    panic!(
        "{} differs from line {}\n--- expected\n{}\n+++ actual\n{}\n(if intended: MEEDOEN_GOLDEN=bless cargo test)",
        path.display(),
        first + 1,
        window(&exp),
        window(&act)
    );
}
