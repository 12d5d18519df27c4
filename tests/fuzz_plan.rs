//! Property tests for the plan van aanpak: arbitrary sessions (control characters, right-
//! to-left text, combining marks, HTML, huge lines, ids no catalogue knows) render without
//! a panic into valid UTF-8 without NUL bytes, and a note's words reach the plan in the
//! section of its step.
//!
//! The default number of cases keeps CI fast; `PROPTEST_CASES=100000 cargo test --release
//! --test fuzz_plan` runs a long pass (see docs/fuzzing.md).

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use common::fuzz::config;
use meedoen::core::data::{Data, Source, Sources};
use meedoen::core::plan::render_markdown;
use meedoen::core::session::{Afspraak, Akkoord, Session};
use meedoen::store::assets;
use proptest::prelude::*;

/// One step per plan section (and one working-notes step), so every section is reached.
const SCRIPT: &str = r#"(
    id: "fuzz",
    titel: "Alle secties",
    fases: [(id: "f", titel: "Fase", stappen: [
        (id: "situatie", titel: "Situatie", technieken: [OpenVragen], doel: "d", plan_sectie: Situatie),
        (id: "al-actief", titel: "Doet al", technieken: [OpenVragen], doel: "d", plan_sectie: AlActief),
        (id: "eerder", titel: "Eerder", technieken: [OpenVragen], doel: "d", plan_sectie: Eerder),
        (id: "wensen", titel: "Wensen", technieken: [OpenVragen], doel: "d", plan_sectie: Wensen),
        (id: "belemmeringen", titel: "Belemmeringen", technieken: [OpenVragen], doel: "d", plan_sectie: Belemmeringen),
        (id: "eigen-woorden", titel: "Eigen woorden", technieken: [OpenVragen], doel: "d", plan_sectie: EigenWoorden),
        (id: "keuze", titel: "Keuze", technieken: [OpenVragen], doel: "d", plan_sectie: Keuze, soort: Suggesties),
        (id: "samenvatting", titel: "Samenvatting", technieken: [Samenvatten], doel: "d", plan_sectie: Samenvatting),
        (id: "werk", titel: "Werknotities", technieken: [OpenVragen], doel: "d"),
    ])],
)"#;

/// Steps whose notes are written into the plan.
const IN_PLAN: [&str; 8] = [
    "situatie",
    "al-actief",
    "eerder",
    "wensen",
    "belemmeringen",
    "eigen-woorden",
    "keuze",
    "samenvatting",
];

fn data() -> Data {
    let e = assets::embedded();
    Data::parse(&Sources {
        script: Source::new("fuzz-script.ron", SCRIPT),
        taxonomy: e.taxonomy,
        catalogue: e.catalogue,
    })
    .expect("the fuzz script is valid")
}

fn template() -> Source {
    assets::plan_template(None).expect("the embedded template reads")
}

/// Text that is hard on a renderer: every kind of Unicode, control characters, bidi
/// overrides, combining marks, Markdown and HTML syntax, and sometimes a huge line.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        4 => "[\\x00-\\x1f\\x7f\u{202e}\u{202d}\u{200f}\u{200b}\u{feff}\u{0301}\u{0308}\u{fe0f}é🙂‘’\"'<>&#*_`\\[\\]()!|>~=+\\-\\\\ a-z\\n\\r\\t]{0,80}",
        2 => Just("<script>alert('x')</script>".to_string()),
        1 => Just("{{ 7 * 7 }} {% for x in y %}{% endfor %}".to_string()),
        1 => (1usize..60_000).prop_map(|n| "lange regel ".repeat(n / 12 + 1)),
        1 => Just(String::new()),
    ]
}

/// An id: mostly a real one (so labels resolve), sometimes anything at all.
fn id(real: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(real).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..110_000).prop_map(|d| {
        NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid") + chrono::Duration::days(d)
    })
}

fn ids(real: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(id(real), 0..5)
}

/// Real ids from the embedded data, leaked once so strategies can borrow them.
fn real(list: impl Iterator<Item = String>) -> &'static [&'static str] {
    let v: Vec<&'static str> = list.map(|s| &*Box::leak(s.into_boxed_str())).collect();
    Box::leak(v.into_boxed_slice())
}

fn session() -> impl Strategy<Value = Session> {
    let d = data();
    let wensen = real(d.taxonomy.wensen.iter().map(|e| e.id.clone()));
    let krachten = real(d.taxonomy.krachten.iter().map(|e| e.id.clone()));
    let belem = real(d.taxonomy.belemmeringen.iter().map(|e| e.id.clone()));
    let cats = real(d.taxonomy.categorieen.iter().map(|e| e.id.clone()));
    let opties = real(d.catalogue.opties.iter().map(|o| o.id.clone()));
    let steps = real(d.script.steps().map(|s| s.stap.id.clone()));
    let people = (nasty(), nasty(), nasty(), date(), any::<Option<u8>>());
    let notes = prop::collection::btree_map(id(steps), nasty(), 0..6);
    let tags = (
        ids(wensen),
        ids(krachten),
        ids(belem),
        ids(cats),
        ids(opties),
        ids(opties),
    );
    let aanpak = prop::collection::btree_map(id(belem), nasty(), 0..3);
    let afspraken = prop::collection::vec(
        (nasty(), nasty(), nasty()).prop_map(|(wat, wie, wanneer)| Afspraak { wat, wie, wanneer }),
        0..4,
    );
    let dates = (
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of(date()),
    );
    let rest = (
        any::<Option<u8>>(),
        any::<Option<u8>>(),
        nasty(),
        prop_oneof![
            Just(Akkoord::Ja),
            Just(Akkoord::Nee),
            Just(Akkoord::Onbekend)
        ],
        nasty(),
        prop_oneof![Just("fuzz".to_string()), any::<String>()],
    );
    (people, notes, tags, aanpak, afspraken, dates, rest).prop_map(
        |(people, notities, tags, aanpak, afspraken, dates, rest)| {
            let (klant, consulent, plaats, datum, leeftijd) = people;
            let (wensen, krachten, belemmeringen, actief, eerder, gekozen) = tags;
            let (startdatum, evaluatiedatum, volgend_contact) = dates;
            let (uren_kan, uren_per_week, uren_toelichting, akkoord, akkoord_toelichting, script) =
                rest;
            Session {
                klant,
                consulent,
                plaats,
                datum,
                leeftijd,
                script,
                notities,
                wensen,
                krachten,
                belemmeringen,
                aanpak,
                eerder,
                actief,
                uren_kan,
                gekozen,
                afspraken,
                uren_per_week,
                uren_toelichting,
                startdatum,
                evaluatiedatum,
                volgend_contact,
                akkoord,
                akkoord_toelichting,
                ..Session::default()
            }
        },
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_session_renders_without_panic_into_clean_utf8(s in session()) {
        let (data, template) = (data(), template());
        // A refusal (the output cap, say) is a Problem to show, never a panic.
        if let Ok(plan) = render_markdown(&s, &data, &template) {
            prop_assert!(std::str::from_utf8(plan.as_bytes()).is_ok());
            // The renderer keeps the client's words verbatim, so a NUL typed into a field
            // passes through (stripping control characters is the input's job); it must
            // never invent one.
            if !has_nul_field(&s) {
                prop_assert!(!plan.contains('\0'), "NUL in the plan that no field contained");
            }
        }
    }

    #[test]
    fn plain_notes_appear_in_the_plan_in_their_section(
        notes in prop::collection::btree_map(
            prop::sample::select(&IN_PLAN[..]).prop_map(str::to_string),
            "[A-Za-zéëï][A-Za-z0-9éëï]{2,12}( [A-Za-z0-9éëï]{1,12}){0,5}",
            1..8,
        ),
    ) {
        let (data, template) = (data(), template());
        let mut s = Session::new("f".into(), NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid"), "fuzz");
        s.klant = "A.B.".into();
        s.notities = notes.clone();
        let plan = render_markdown(&s, &data, &template).map_err(|p| TestCaseError::fail(p.to_string()))?;
        for (step, text) in &notes {
            prop_assert!(plan.contains(text.as_str()), "note of {step} missing: {text:?}\n{plan}");
        }
    }

    #[test]
    fn working_notes_stay_out_of_the_plan(text in "[A-Z]{12,20}") {
        let (data, template) = (data(), template());
        let mut s = Session::new("f".into(), NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid"), "fuzz");
        s.notities = BTreeMap::from([("werk".to_string(), text.clone())]);
        let plan = render_markdown(&s, &data, &template).map_err(|p| TestCaseError::fail(p.to_string()))?;
        prop_assert!(!plan.contains(&text));
    }
}

/// Whether any text field or id of the session holds a NUL.
fn has_nul_field(s: &Session) -> bool {
    let mut fields = vec![
        &s.klant,
        &s.consulent,
        &s.plaats,
        &s.uren_toelichting,
        &s.akkoord_toelichting,
        &s.script,
    ];
    fields.extend(s.aanpak.values());
    fields.extend(
        s.afspraken
            .iter()
            .flat_map(|a| [&a.wat, &a.wie, &a.wanneer]),
    );
    fields.extend(
        [
            &s.wensen,
            &s.krachten,
            &s.belemmeringen,
            &s.actief,
            &s.eerder,
            &s.gekozen,
        ]
        .into_iter()
        .flatten(),
    );
    fields.extend(s.notities.keys());
    fields.extend(s.notities.values());
    fields.iter().any(|f| f.contains('\0'))
}
