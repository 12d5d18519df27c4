//! The accessible mode driven the way a pipe drives it: a whole gesprek typed as text
//! into `access::run_in`, with its own small script and catalogue in a temporary folder,
//! so the tests never touch the user's folders or the process environment.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use meedoen::access::{run_in, run_oefenen_in};
use meedoen::core::session::{Akkoord, Session};
use meedoen::core::vervolg::Status;
use meedoen::store::drafts::{Drafts, load_session};
use meedoen::store::paths::Paths;

const SCRIPT: &str = r#"(
    id: "toegankelijk",
    titel: "Testgesprek",
    fases: [
        (id: "open", titel: "Opening", stappen: [
            (id: "welkom", titel: "Welkom", technieken: [NeutraalInformeren, OpenVragen],
             doel: "Uitleggen waarom we praten.", voorbeeldzinnen: ["Hoe gaat het met u?"],
             valkuilen: ["Niet meteen over verplichtingen beginnen."], plan_sectie: Situatie),
            (id: "wensen", titel: "Wensen", technieken: [OpenVragen, Reflecteren],
             doel: "Ontdekken wat de klant wil.", kiezen: [Wensen, Belemmeringen],
             notitie_label: "In de woorden van de klant", plan_sectie: Wensen),
            (id: "crisis", titel: "Eerst hulp", technieken: [NeutraalInformeren],
             doel: "Veiligheid en hulp gaan voor.", toon_als: Some(Belemmering("crisis"))),
        ]),
        (id: "keuze", titel: "Keuze", stappen: [
            (id: "opties", titel: "Mogelijkheden", technieken: [NeutraalInformeren],
             doel: "Samen kiezen.", soort: Suggesties, plan_sectie: Keuze),
            (id: "afspraken", titel: "Afspraken", technieken: [Samenvatten],
             doel: "Afspraken maken.", soort: Afspraken, plan_sectie: Samenvatting),
        ]),
    ],
)"#;

const TAXONOMY: &str = r#"(
    vervangt_alles: true,
    wensen: [
        (id: "koken", label: "Koken", omschrijving: "Eten maken."),
        (id: "buiten", label: "Buiten werken", omschrijving: "In de buitenlucht."),
    ],
    krachten: [(id: "zorgzaam", label: "Zorgzaam", omschrijving: "Let op anderen.")],
    belemmeringen: [
        (id: "fysiek", label: "Lichamelijke klachten", omschrijving: "Pijn.", aanpak: "Bied de {klant} geen zwaar werk aan.", aanpak_plan: "Geen zwaar werk."),
        (id: "crisis", label: "Crisis", omschrijving: "Acute nood.", aanpak: "Eerst hulp."),
    ],
    categorieen: [
        (id: "vrijwilligerswerk", label: "Vrijwilligerswerk", omschrijving: "Onbetaald werk."),
        (id: "ontheffing", label: "Ontheffing", omschrijving: "Tijdelijk niet."),
    ],
)"#;

const CATALOGUE: &str = r#"(vervangt_alles: true, opties: [
    (id: "buurtkeuken", titel: "Koken in het buurthuis", categorie: "vrijwilligerswerk",
     omschrijving: "Samen koken voor buurtbewoners.", uren_min: 4, uren_max: 8,
     begeleiding: taakgericht, wensen: ["koken"],
     ongeschikt_bij: [(belemmering: "fysiek", reden: "lang staan en tillen")]),
    (id: "moestuin", titel: "Moestuin in de wijk", categorie: "vrijwilligerswerk",
     omschrijving: "Groente kweken met buren.", uren_min: 2, uren_max: 6,
     begeleiding: geen, wensen: ["buiten"]),
])"#;

const NOTE: &str = "Zij zegt: ‘ik wil graag koken’, é ë 🙂";

/// A temporary portable folder with the test data as the user's own files.
fn folder() -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    fs::create_dir_all(&paths.config).unwrap();
    fs::write(paths.config.join("script.ron"), SCRIPT).unwrap();
    fs::write(paths.config.join("taxonomie.ron"), TAXONOMY).unwrap();
    fs::write(paths.config.join("catalogus.ron"), CATALOGUE).unwrap();
    (dir, paths)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Runs the accessible mode on `input`; returns everything it printed.
fn drive(paths: &Paths, input: &str) -> String {
    let mut input = Cursor::new(input.as_bytes().to_vec());
    let mut out = Vec::new();
    run_in(paths.clone(), today(), &mut input, &mut out).unwrap();
    let text = String::from_utf8(out).expect("output is UTF-8");
    assert!(!text.contains('\x1b'), "escape sequence in output:\n{text}");
    text
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// The one draft in the drafts folder.
fn only_draft(paths: &Paths) -> Session {
    let drafts: Vec<PathBuf> = files_in(&paths.drafts)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    load_session(&drafts[0]).unwrap()
}

/// Input lines joined the way a pipe delivers them.
fn lines(xs: &[&str]) -> String {
    xs.join("\n") + "\n"
}

/// A whole gesprek, answer by answer.
fn full_run() -> String {
    lines(&[
        // Gegevens: klant, consulent, plaats, datum (keep), leeftijd (skip).
        "A.B.",
        "Jan de Vries",
        "Utrecht",
        "",
        "",
        // Welkom: a note of two lines; `?` in between shows help and loses nothing.
        NOTE,
        "?",
        "Tweede regel met <script>alert(1)</script>",
        "",
        // Wensen: a note, then tick wens 1 (Koken), no belemmeringen.
        "Iets met eten.",
        "",
        "1",
        "",
        "",
        // Mogelijkheden: 6 uur, choose suggestion 1, no note.
        "6",
        "1",
        "",
        "",
        // Afspraken: one afspraak, then hours, toelichting, a bad and a good start date.
        "Kennismaken in het buurthuis",
        "klant",
        "vóór 1 december",
        "",
        "4",
        "",
        "31-02-2026",
        "1-12-2026",
        "",
        "",
        "1",
        "Klant is tevreden.",
        "",
        // Plan: save; no reason for the hours, so the gate asks and it becomes a concept.
        "j",
        "concept",
    ])
}

#[test]
fn a_whole_gesprek_through_a_pipe_writes_plan_and_session() {
    let (_dir, paths) = folder();
    let out = drive(&paths, &full_run());
    assert!(
        out.contains("Techniek: Neutraal informeren, Open vragen"),
        "{out}"
    );
    assert!(out.contains("Stap 2 van 6: Welkom."), "{out}");
    assert!(out.contains("Voorbeeldzin: Hoe gaat het met u?"), "{out}");
    assert!(out.contains("Opdrachten, overal te typen"), "{out}");
    assert!(
        out.contains("1. Koken in het buurthuis. 4 tot 8 uur, +3 past bij wens"),
        "{out}"
    );
    assert!(out.contains("Dat is geen geldige datum"), "{out}");
    assert!(
        out.contains("Opgeslagen, de bestanden staan op de schijf:"),
        "{out}"
    );

    let written = files_in(&paths.output);
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "2026-11-23-ab-concept.md",
            "2026-11-23-ab-concept.sessie.ron"
        ]
    );
    assert!(out.contains("Dit plan is nog niet af:"), "{out}");
    let plan = fs::read_to_string(&written[0]).unwrap();
    assert!(plan.contains("‘ik wil graag koken’"), "{plan}");
    assert!(plan.contains("é ë 🙂"), "{plan}");
    assert!(plan.contains("Koken in het buurthuis"), "{plan}");
    assert!(plan.contains("Kennismaken in het buurthuis"), "{plan}");
    // Before saving a six-line summary is read, not the Markdown plan.
    assert!(!out.contains("**") && !out.contains("## "), "{out}");
    assert!(
        out.contains(
            "Gekozen: Koken in het buurthuis.\n1 afspraak, 4 uur per week.\nStart 1 december 2026"
        ),
        "{out}"
    );

    let s = load_session(&written[1]).unwrap();
    assert_eq!(s.klant, "A.B.");
    assert_eq!(s.consulent, "Jan de Vries");
    assert_eq!(s.datum, today());
    assert!(s.note("welkom").starts_with(NOTE), "{:?}", s.note("welkom"));
    assert!(s.note("welkom").ends_with("<script>alert(1)</script>"));
    assert_eq!(s.wensen, ["koken"]);
    assert_eq!(s.uren_kan, Some(6));
    assert_eq!(s.gekozen, ["buurtkeuken"]);
    assert_eq!(s.afspraken.len(), 1);
    assert_eq!(s.afspraken[0].wanneer, "vóór 1 december");
    assert_eq!(s.uren_per_week, Some(4));
    assert_eq!(s.startdatum, NaiveDate::from_ymd_opt(2026, 12, 1));
    assert_eq!(s.akkoord, Akkoord::Ja);
    // Proposed follow-up dates of a new session were kept by pressing Enter.
    assert!(s.evaluatiedatum.is_some() && s.volgend_contact.is_some());
    // The saved session is the record now; no draft is left to resume.
    assert!(Drafts::new(paths.drafts.clone()).list().0.is_empty());
}

#[test]
fn end_of_input_midway_leaves_a_draft_with_the_typed_note_and_it_resumes() {
    let (_dir, paths) = folder();
    let out = drive(&paths, &format!("A.B.\n\n\n\n\n{NOTE}\nnog een regel"));
    assert!(out.contains("De invoer is beëindigd"), "{out}");
    let s = only_draft(&paths);
    assert_eq!(s.note("welkom"), format!("{NOTE}\nnog een regel"));
    assert_eq!(s.huidige_stap, "welkom");

    // The next start offers the draft and opens it on the same step, note included.
    let out = drive(&paths, "2\n/stop\n");
    assert!(out.contains("2. Verder met A.B."), "{out}");
    assert!(out.contains("Welkom."), "{out}");
    assert!(out.contains("nog een regel"), "{out}");
    assert!(out.contains("Gestopt."), "{out}");
    assert_eq!(only_draft(&paths).note("welkom"), s.note("welkom"));
}

#[test]
fn a_bad_date_is_asked_again_without_losing_other_answers() {
    let (_dir, paths) = folder();
    let out = drive(&paths, "A.B.\nJan\nUtrecht\n30-2-2026\n23/11/26\n");
    assert_eq!(out.matches("Dat is geen geldige datum").count(), 1, "{out}");
    let s = only_draft(&paths);
    assert_eq!((s.klant.as_str(), s.consulent.as_str()), ("A.B.", "Jan"));
    assert_eq!(s.plaats, "Utrecht");
    assert_eq!(s.datum, today());
}

#[test]
fn terug_goes_to_the_previous_step_and_a_bsn_is_refused() {
    let (_dir, paths) = folder();
    let out = drive(&paths, "123456782\nA.B.\n\n\n\n\n/terug\nC.D.\n");
    assert!(out.contains("Dit lijkt op een BSN"), "{out}");
    assert_eq!(out.matches("Gegevens van het gesprek").count(), 2, "{out}");
    assert_eq!(only_draft(&paths).klant, "C.D.");
}

#[test]
fn tags_show_conditional_steps_and_excluded_options_with_reasons() {
    let (_dir, paths) = folder();
    // Tick belemmering 1 (fysiek) and 2 (crisis): the crisis step appears, the kitchen
    // is excluded; choosing it anyway is allowed, with a warning. In a crisis nothing
    // else is suggested: the garden stays in the whole catalogue.
    let input = "A.B.\n\n\n\n\n\n\n\n1 2\n\n\n\n1\n\n";
    let out = drive(&paths, input);
    assert!(out.contains("Stap 4 van 7: Eerst hulp."), "{out}");
    assert!(
        out.contains("Geen suggesties: niets in de catalogus past nu"),
        "{out}"
    );
    assert!(
        out.contains("0 suggesties, de best passende eerst, en 1 niet voorgesteld"),
        "{out}"
    );
    assert!(
        out.contains("Hele catalogus: nog 1 mogelijkheden passen nu niet"),
        "{out}"
    );
    assert!(
        out.contains("Niet voorgesteld: niet bij 'Lichamelijke klachten'"),
        "{out}"
    );
    assert!(
        out.contains("is niet voorgesteld. Leg in de notities vast"),
        "{out}"
    );
    let s = only_draft(&paths);
    assert_eq!(s.belemmeringen, ["fysiek", "crisis"]);
    assert_eq!(s.gekozen, ["buurtkeuken"]);
}

#[test]
fn unknown_numbers_change_nothing_and_are_explained() {
    let (_dir, paths) = folder();
    let out = drive(&paths, "A.B.\n\n\n\n\n\n\n1 9\n2\n");
    assert!(out.contains("Onbekend nummer: 9"), "{out}");
    assert_eq!(only_draft(&paths).wensen, ["buiten"]);
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_not_part_of_the_answers() {
    let (_dir, paths) = folder();
    let input = full_run().replace('\n', "\r\n");
    drive(&paths, &format!("\u{feff}{input}"));
    let written = files_in(&paths.output);
    assert_eq!(written.len(), 2, "{written:?}");
    let s = load_session(&written[1]).unwrap();
    assert_eq!(s.klant, "A.B.");
    assert!(s.note("welkom").starts_with(&format!("{NOTE}\n")));
    assert!(!s.note("welkom").contains('\r'));
}

#[test]
fn broken_data_files_are_reported_with_their_place() {
    let (_dir, paths) = folder();
    fs::write(paths.config.join("catalogus.ron"), "(opties: [ (id: \"x\" ").unwrap();
    let mut out = Vec::new();
    // No answer to the question whether to go on: the mode stops and writes nothing.
    run_in(
        paths.clone(),
        today(),
        &mut Cursor::new(Vec::new()),
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("catalogus.ron:1:"), "{text}");
    assert!(
        text.contains("In plaats daarvan gebruikt meedoen"),
        "{text}"
    );
    assert!(text.contains("Gestopt. Er is niets veranderd."), "{text}");
    assert!(files_in(&paths.drafts).is_empty());
}

#[test]
fn a_vervolggesprek_looks_back_on_each_afspraak_and_survives_a_stop() {
    let (_dir, paths) = folder();
    drive(&paths, &full_run());

    // The saved plan's client is offered; the gesprek stops right after the evaluation.
    let out = drive(
        &paths,
        &lines(&[
            "2",
            // Gegevens: all kept.
            "",
            "",
            "",
            "",
            "",
            // Hoe is het gegaan?
            "Het ging wisselend.",
            "",
            // The one afspraak: a wrong number first, then "niet gelukt".
            "7",
            "3",
            "de buurvrouw",
            "mijn rug",
            // Not kept: how to go on (Enter alone is refused), and why.
            "",
            "1",
            "Met hulp lukt het wel.",
            "",
            "/stop",
        ]),
    );
    assert!(
        out.contains(
            "2. Vervolggesprek met A.B. (plan 1 van 23 november 2026, volgend contact 14 december 2026)"
        ),
        "{out}"
    );
    assert!(out.contains("dit wordt versie 2 van het plan"), "{out}");
    assert!(
        out.contains("Afspraak 1 van 1: Kennismaken in het buurthuis (klant, vóór 1 december)"),
        "{out}"
    );
    assert!(out.contains("Typ een nummer van 1 tot en met 4."), "{out}");
    let s = only_draft(&paths);
    assert_eq!(s.script, "vervolg");
    assert_eq!(s.plan_versie, 2);
    assert_eq!(s.evaluaties.len(), 1);
    assert_eq!(s.evaluaties[0].status, Status::Niet);
    assert_eq!(s.evaluaties[0].hielp, "de buurvrouw");
    assert_eq!(s.evaluaties[0].lastig, "mijn rug");
    assert_eq!(
        s.evaluaties[0].besluit,
        Some(meedoen::core::vervolg::Besluit::Doorgaan)
    );
    assert_eq!(s.evaluaties[0].reden, "Met hulp lukt het wel.");
    assert!(
        out.contains("Hoe gaat u verder met deze afspraak?"),
        "{out}"
    );
    assert_eq!(s.note("hoe-ging-het"), "Het ging wisselend.");
    assert_eq!(s.huidige_stap, "wat-hielp");

    // Resumed, it goes on in the vervolg script, and the new plan looks back.
    let mut rest = vec!["2"];
    rest.extend([""; 11]);
    rest.extend(["Twee keer meekoken", "klant", "in december"]);
    rest.extend([""; 10]);
    rest.push("j");
    rest.push("concept");
    let out = drive(&paths, &lines(&rest));
    assert!(out.contains("3. Vervolggesprek met A.B."), "{out}");
    assert!(out.contains("Wat hielp en wat zat in de weg."), "{out}");
    assert!(
        out.contains("Opgeslagen, de bestanden staan op de schijf:"),
        "{out}"
    );
    let plans: Vec<PathBuf> = files_in(&paths.output)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    assert_eq!(plans.len(), 2, "the first plan is kept: {plans:?}");
    let nieuw = plans
        .iter()
        .find(|p| !p.ends_with("2026-11-23-ab.md"))
        .unwrap();
    let nieuw = fs::read_to_string(nieuw).unwrap();
    assert!(nieuw.contains("## Terugblik op de afspraken"), "{nieuw}");
    assert!(
        nieuw.contains("**Kennismaken in het buurthuis** (klant, vóór 1 december): niet gelukt."),
        "{nieuw}"
    );
    assert!(nieuw.contains("Wat hielp: de buurvrouw"), "{nieuw}");
    assert!(nieuw.contains("Wat in de weg zat: mijn rug"), "{nieuw}");
    assert!(
        nieuw.contains("Hoe nu verder: We gaan ermee door. Waarom: Met hulp lukt het wel."),
        "{nieuw}"
    );
    assert!(nieuw.contains("Twee keer meekoken"), "{nieuw}");
    assert!(Drafts::new(paths.drafts.clone()).list().0.is_empty());
}

const OEFENKLANTEN: &str = r#"(klanten: [
    (id: "test", naam: "Demo: mevrouw Test (fictief)", leeftijd: Some(50),
     achtergrond: "Kookt graag voor de buren.",
     antwoorden: [(stap: "welkom", tekst: "Ik kook graag, maar mijn rug doet pijn.")],
     tags: (wensen: ["koken"], belemmeringen: ["fysiek"]),
     voorbeelden: [(techniek: OpenVragen, goed: "Wat kookt u het liefst?",
                    slecht: "U kookt toch wel eens?", waarom: "Open vragen laten haar vertellen.")]),
])"#;

#[test]
fn practice_offers_only_demo_clients_and_tells_their_answer_on_request() {
    let (_dir, paths) = folder();
    fs::write(paths.config.join("oefenklanten.ron"), OEFENKLANTEN).unwrap();
    // A real client's draft and an unreadable saved gesprek: neither may appear on a
    // projected practice screen, not even in a warning.
    drive(&paths, "Echte-Klant-4B\n");
    fs::create_dir_all(&paths.output).unwrap();
    let kapot = paths.output.join("2026-11-01-geheim-7c.sessie.ron");
    fs::write(&kapot, "(kapot").unwrap();

    let input = lines(&[
        "1",
        "",
        "",
        "",
        "",
        "",
        "antwoord",
        "uitleg",
        "?",
        "Vraag gesteld.",
        "",
        // At the next step, back: the note shows what was kept.
        "/terug",
        "",
        "/stop",
    ]);
    let mut out = Vec::new();
    run_oefenen_in(
        paths.clone(),
        today(),
        &mut Cursor::new(input.into_bytes()),
        &mut out,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(!out.contains("Echte-Klant-4B"), "{out}");
    assert!(!out.contains("geheim-7c"), "{out}");
    assert!(
        out.contains("1. Demo: mevrouw Test (fictief): Kookt graag voor de buren."),
        "{out}"
    );
    assert!(
        out.contains(
            "Demo: mevrouw Test (fictief) zegt, na een open vraag: “Ik kook graag, maar mijn rug doet pijn.”"
        ),
        "{out}"
    );
    assert!(
        out.contains("Open vragen: Vragen waar geen ja of nee op past"),
        "{out}"
    );
    assert!(
        out.contains(
            "Bij deze klant goed: “Wat kookt u het liefst?”\nBij deze klant minder goed: “U kookt toch wel eens?”\nWaarom: Open vragen laten haar vertellen."
        ),
        "{out}"
    );
    assert!(out.contains("In de oefenmodus:"), "{out}");

    assert!(
        out.contains("Notities, wat er staat:\nVraag gesteld.\nNotities, volgende regel."),
        "commands are not notes: {out}"
    );
    assert!(
        out.contains("Gestopt. Een oefengesprek wordt niet bewaard."),
        "{out}"
    );
    // Practice leaves no draft and no plan: only the real client's draft is there.
    assert_eq!(only_draft(&paths).klant, "Echte-Klant-4B");
    assert_eq!(files_in(&paths.output), [kapot]);
}

#[test]
fn in_a_real_gesprek_antwoord_is_just_a_word() {
    let (_dir, paths) = folder();
    drive(&paths, "A.B.\n\n\n\n\nantwoord\nuitleg\n");
    assert_eq!(only_draft(&paths).note("welkom"), "antwoord\nuitleg");
}

/// A practice working for two gemeenten: each new gesprek asks which one, and each plan
/// follows its own gemeente's wording and rules.
#[test]
fn two_gemeenten_two_clients_two_plans_with_their_own_rules() {
    let (_dir, paths) = folder();
    let profiles = paths.config.join("gemeenten");
    fs::create_dir_all(&profiles).unwrap();
    let gemeente = |naam: &str, label: &str, uren: u8| {
        include_str!("../assets/gemeente.ron")
            .replace("naam: \"\"", &format!("naam: \"{naam}\""))
            .replace(
                "klant_label: \"klant\"",
                &format!("klant_label: \"{label}\""),
            )
            .replace("max_uren: 20", &format!("max_uren: {uren}"))
    };
    fs::write(
        profiles.join("kampen.ron"),
        gemeente("Kampen", "werkzoekende", 20),
    )
    .unwrap();
    fs::write(
        profiles.join("zwolle.ron"),
        gemeente("Zwolle", "inwoner", 2),
    )
    .unwrap();
    // The second time the menu also offers a vervolg with the first client: 1 is new.
    for (menu, keuze, naam) in [("", "1", "Kampen"), ("1\n", "2", "Zwolle")] {
        let input = format!("{menu}{keuze}\n{}", full_run());
        let out = drive(&paths, &input);
        assert!(out.contains("Voor welke gemeente is dit gesprek?"), "{out}");
        assert!(out.contains(&format!("Gemeente: {naam}.")), "{out}");
        // Zwolle allows 2 hours a week; the afspraak has 4.
        assert_eq!(
            out.contains("meer dan de 2 uur"),
            naam == "Zwolle",
            "{naam}: {out}"
        );
    }
    let plans: Vec<String> = files_in(&paths.output)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(plans.len(), 2);
    assert!(
        plans
            .iter()
            .any(|p| p.contains("Kampen") && !p.contains("Zwolle"))
    );
    assert!(
        plans
            .iter()
            .any(|p| p.contains("Zwolle") && !p.contains("Kampen"))
    );
    let sessions: Vec<Session> = files_in(&paths.output)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".sessie.ron"))
        .map(|p| load_session(&p).unwrap())
        .collect();
    let mut recorded: Vec<_> = sessions.iter().map(|s| s.gemeente.clone()).collect();
    recorded.sort();
    assert_eq!(
        recorded,
        [Some("kampen".to_string()), Some("zwolle".to_string())]
    );
}
