//! End-to-end tests of the `meedoen` binary's subcommands: each runs the real binary with
//! `--instellingen` pointing at a temporary folder holding data written here, and asserts
//! on what a user or a script would see (stdout, stderr, exit code).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const TAXONOMY: &str = r#"(
    vervangt_alles: true,
    wensen: [
        (id: "koken", label: "Koken", omschrijving: "Koken voor anderen."),
        (id: "buiten", label: "Buiten zijn", omschrijving: "Buiten werken."),
    ],
    krachten: [(id: "doorzetter", label: "Doorzetter", omschrijving: "Houdt vol.")],
    belemmeringen: [
        (id: "fysiek", label: "Lichamelijke klachten", omschrijving: "Pijn."),
        (id: "isolement", label: "Isolement", omschrijving: "Weinig contact."),
    ],
    categorieen: [
        (id: "vrijwilligerswerk", label: "Vrijwilligerswerk", omschrijving: "Onbetaald werk."),
    ],
)"#;

const CATALOGUE: &str = r#"(
    vervangt_alles: true,
    opties: [
        (
            id: "tuin",
            titel: "Tuinieren in de voedseltuin",
            categorie: "vrijwilligerswerk",
            omschrijving: "Samen groente kweken.",
            uren_min: 2,
            uren_max: 8,
            begeleiding: taakgericht,
            wensen: ["buiten"],
            werkt_aan: ["isolement"],
        ),
        (
            id: "kookcafe",
            titel: "Koken in het buurtcafé",
            categorie: "vrijwilligerswerk",
            omschrijving: "Koken voor buurtbewoners.",
            uren_min: 4,
            uren_max: 12,
            begeleiding: taakgericht,
            vorm: Some(praktijk),
            krachten: ["doorzetter"],
            wensen: ["koken"],
            werkt_aan: ["isolement"],
            drempels: [vog],
        ),
        (
            id: "verhuis",
            titel: "Verhuizen met de klussendienst",
            categorie: "vrijwilligerswerk",
            omschrijving: "Helpen bij verhuizingen.",
            uren_min: 4,
            uren_max: 8,
            begeleiding: geen,
            ongeschikt_bij: [(belemmering: "fysiek", reden: "zwaar tilwerk")],
        ),
        (
            id: "vrijwilligerswerk-vastleggen",
            titel: "Bestaand vrijwilligerswerk vastleggen",
            categorie: "vrijwilligerswerk",
            erkent_bestaand: true,
            omschrijving: "Wat de klant al doet laten meetellen.",
            uren_min: 2,
            uren_max: 20,
            begeleiding: geen,
            vorm: Some(zelfstandig),
        ),
    ],
)"#;

const SCRIPT: &str = r#"(
    id: "test",
    titel: "Test",
    fases: [(id: "f", titel: "F", stappen: [
        (id: "a", titel: "A", technieken: [OpenVragen], doel: "Doel."),
    ])],
)"#;

/// A config folder with the test data.
fn config() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taxonomie.ron"), TAXONOMY).unwrap();
    std::fs::write(dir.path().join("catalogus.ron"), CATALOGUE).unwrap();
    std::fs::write(dir.path().join("script.ron"), SCRIPT).unwrap();
    dir
}

fn meedoen(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .arg("--instellingen")
        .arg(config)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const PROFILE: [&str; 6] = [
    "suggesties",
    "--wens",
    "koken",
    "--belemmering",
    "isolement,fysiek",
    "--json",
];

#[test]
fn suggesties_json_has_the_documented_shape_and_content() {
    let dir = config();
    let o = meedoen(dir.path(), &PROFILE);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&v), ["overig_aantal", "suggesties", "uitgesloten"]);
    // The recognition option is not ticked: neither suggested nor excluded.
    assert_eq!(v["overig_aantal"], 1);

    let s = v["suggesties"].as_array().unwrap();
    assert_eq!(s.len(), 2);
    let mut expected = vec![
        "categorie",
        "id",
        "let_op",
        "score",
        "titel",
        "uren_max",
        "uren_min",
        "vorm",
        "waarom",
    ];
    expected.sort();
    let mut got = keys(&s[0]);
    got.sort();
    assert_eq!(got, expected);
    assert_eq!(s[0]["id"], "kookcafe");
    assert_eq!(s[0]["titel"], "Koken in het buurtcafé");
    assert_eq!(s[0]["categorie"], "vrijwilligerswerk");
    assert_eq!(s[0]["score"], 8);
    assert_eq!(s[0]["vorm"], "praktijk");
    assert_eq!(
        (s[0]["uren_min"].as_u64(), s[0]["uren_max"].as_u64()),
        (Some(4), Some(12))
    );
    assert_eq!(
        s[0]["waarom"],
        serde_json::json!([
            "+3 past bij wens 'Koken'",
            "+2 hoofddoel van de klant: 'Koken'",
            "+3 werkt aan 'Isolement'"
        ])
    );
    assert!(s[0]["let_op"][0].as_str().unwrap().starts_with("VOG nodig"));
    assert_eq!(s[1]["id"], "tuin");
    assert_eq!(s[1]["score"], 3);
    assert_eq!(s[1]["vorm"], Value::Null);

    let u = v["uitgesloten"].as_array().unwrap();
    assert_eq!(u.len(), 1);
    let mut got = keys(&u[0]);
    got.sort();
    assert_eq!(got, ["id", "reden", "titel"]);
    assert_eq!(u[0]["id"], "verhuis");
    assert_eq!(
        u[0]["reden"],
        serde_json::json!(["niet bij 'Lichamelijke klachten': zwaar tilwerk"])
    );
}

#[test]
fn suggesties_is_deterministic() {
    let dir = config();
    let a = meedoen(dir.path(), &PROFILE);
    let b = meedoen(dir.path(), &PROFILE);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
    let t1 = meedoen(dir.path(), &PROFILE[..5]);
    let t2 = meedoen(dir.path(), &PROFILE[..5]);
    assert_eq!(t1.stdout, t2.stdout);
}

#[test]
fn suggesties_table_is_readable_dutch() {
    let dir = config();
    let o = meedoen(dir.path(), &PROFILE[..5]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("  1. Koken in het buurtcafé  [kookcafe]  score 8"),
        "{out}"
    );
    assert!(out.contains("+3 past bij wens 'Koken'"), "{out}");
    assert!(out.contains("let op: VOG nodig"), "{out}");
    assert!(out.contains("Niet geschikt:"), "{out}");
    assert!(out.contains("zwaar tilwerk"), "{out}");
    assert!(
        out.contains("taakgerichte begeleiding, in de praktijk"),
        "{out}"
    );
    assert!(
        out.contains("Hele catalogus: nog 1 mogelijkheden passen nu niet; --alles toont ze"),
        "{out}"
    );
}

#[test]
fn suggesties_top_doet_al_kracht_zorguren_and_alles() {
    let dir = config();
    let base = [
        "suggesties",
        "--wens",
        "koken",
        "--belemmering",
        "isolement",
    ];
    let run = |extra: &[&str]| meedoen(dir.path(), &[&base[..], extra].concat());
    // --top 1: one suggestion, and how many more there are.
    let out = stdout(&run(&["--top", "1"]));
    assert!(out.contains("  1. Koken"), "{out}");
    assert!(!out.contains("  2. "), "{out}");
    assert!(
        out.contains("Nog 1 passende mogelijkheden na deze 1; --top N"),
        "{out}"
    );
    let v: Value = serde_json::from_str(&stdout(&run(&["--top", "1", "--json"]))).unwrap();
    assert_eq!(v["suggesties"].as_array().unwrap().len(), 1);
    // --doet-al puts the recognised activity first; --kracht counts.
    let o = run(&[
        "--doet-al",
        "vrijwilligerswerk-vastleggen",
        "--kracht",
        "doorzetter",
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("  1. Bestaand vrijwilligerswerk vastleggen"),
        "{out}"
    );
    assert!(out.contains("+1 gebruikt kracht 'Doorzetter'"), "{out}");
    // --alles lists the rest of the catalogue with the reason.
    let out = stdout(&run(&["--alles"]));
    assert!(
        out.contains("Hele catalogus, nu niet voorgesteld:"),
        "{out}"
    );
    assert!(
        out.contains("[vrijwilligerswerk-vastleggen]: erkent iets wat de klant al doet"),
        "{out}"
    );
    // --zorguren needs care duties to matter, and is checked.
    let o = run(&["--zorguren", "169"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("zorguren moet een heel getal van 0 tot en met 168 zijn"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--zorguren", "-1"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn suggesties_bad_doet_al_and_kracht_ask_what_was_meant() {
    let dir = config();
    let o = meedoen(
        dir.path(),
        &["suggesties", "--doet-al", "vrijwilligerswerk-vastlegen"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bedoelt u: vrijwilligerswerk-vastleggen?"),
        "{}",
        stderr(&o)
    );
    // Only what recognises something the client does can be ticked.
    let o = meedoen(dir.path(), &["suggesties", "--doet-al", "tuin"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("onbekende optie voor --doet-al 'tuin'"),
        "{}",
        stderr(&o)
    );
    let o = meedoen(dir.path(), &["suggesties", "--kracht", "doorzeter"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bedoelt u: doorzetter?"),
        "{}",
        stderr(&o)
    );
    let o = meedoen(
        dir.path(),
        &["suggesties", "--wens", "koken", "--hoofddoel", "buiten"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("hoofddoel 'buiten' staat niet bij de wensen"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn suggesties_actief_still_works_this_release_with_a_notice() {
    let dir = config();
    let o = meedoen(dir.path(), &["suggesties", "--actief", "vrijwilligerswerk"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--actief is vervangen door --doet-al")
            && stderr(&o).contains("--doet-al vrijwilligerswerk-vastleggen"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("  1. Bestaand vrijwilligerswerk vastleggen"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn suggesties_says_why_the_list_is_empty() {
    let dir = config();
    let o = meedoen(
        dir.path(),
        &["suggesties", "--wens", "buiten", "--belemmering", "fysiek"],
    );
    let out = stdout(&o);
    // "tuin" fits; now a profile nothing fits.
    assert!(out.contains("Tuinieren"), "{out}");
    let o = meedoen(dir.path(), &["suggesties"]);
    assert!(
        stdout(&o).starts_with("Geen suggesties: niets in de catalogus past nu"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn unknown_id_is_a_usage_error_with_the_closest_ids() {
    let dir = config();
    let o = meedoen(dir.path(), &["suggesties", "--wens", "kooken"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("onbekende wens 'kooken'; bedoelt u: koken?"),
        "{}",
        stderr(&o)
    );
    let o = meedoen(dir.path(), &["suggesties", "--belemmering", "zeilen"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("onbekende belemmering 'zeilen'; zie `meedoen taxonomie`"),
        "{}",
        stderr(&o)
    );
    let o = meedoen(dir.path(), &["suggesties", "--eerder", "tuinn"]);
    assert!(stderr(&o).contains("bedoelt u: tuin?"), "{}", stderr(&o));
}

#[test]
fn unknown_option_exits_2_and_help_exits_0() {
    let dir = config();
    let o = meedoen(dir.path(), &["suggesties", "--wensen", "koken"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("fout: "), "{}", stderr(&o));
    let o = meedoen(dir.path(), &["suggesties", "--uren", "60"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("uren moet een heel getal van 0 tot en met 40 zijn"),
        "{}",
        stderr(&o)
    );
    let o = meedoen(dir.path(), &["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Opdrachten:"));
}

#[test]
fn taxonomie_lists_ids_and_labels() {
    let dir = config();
    let o = meedoen(dir.path(), &["taxonomie", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["wensen"][1],
        serde_json::json!({"id": "buiten", "label": "Buiten zijn"})
    );
    assert_eq!(v["categorieen"][0]["id"], "vrijwilligerswerk");
    let o = meedoen(dir.path(), &["taxonomie"]);
    let out = stdout(&o);
    assert!(out.contains("Belemmeringen (2)"), "{out}");
    assert!(out.contains("  isolement          Isolement"), "{out}");
}

#[test]
fn taxonomie_of_the_embedded_data_has_all_four_lists() {
    let empty = tempfile::tempdir().unwrap();
    let o = meedoen(empty.path(), &["taxonomie", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for list in ["wensen", "krachten", "belemmeringen", "categorieen"] {
        let items = v[list].as_array().unwrap();
        assert!(!items.is_empty(), "{list}");
        assert!(
            items
                .iter()
                .all(|i| i["id"].is_string() && i["label"].is_string())
        );
    }
}

#[test]
fn controleer_a_valid_folder_exits_0() {
    let dir = config();
    let o = meedoen(dir.path(), &["controleer"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("In orde: geen problemen; zo start meedoen ook."),
        "{out}"
    );
    let own = format!("catalogus.ron: persoonlijk ({}", dir.path().display());
    assert!(out.contains(&own), "says where each file comes from: {out}");
}

#[test]
fn controleer_without_own_files_names_the_embedded_defaults() {
    let empty = tempfile::tempdir().unwrap();
    let o = meedoen(empty.path(), &["controleer"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("  catalogus.ron: ingebouwd\n"), "{out}");
    assert!(out.contains("  toetsen.ron: standaard\n"), "{out}");
    assert!(out.contains("In orde"), "{out}");
}

#[test]
fn controleer_reports_file_line_column_and_exits_1() {
    let dir = config();
    let broken = CATALOGUE
        .replace(
            "uren_max: 8,\n            begeleiding: taakgericht",
            "uren_max: 45,\n            begeleiding: taakgericht",
        )
        .replace("wensen: [\"koken\"]", "wensen: [\"kooken\"]");
    let path = dir.path().join("catalogus.ron");
    std::fs::write(&path, broken).unwrap();
    let o = meedoen(dir.path(), &["controleer", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let name = path.display().to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{name}:10:13: optie `tuin`: uren_max (45) is meer dan 40 uur per week")
                .as_str(),
            format!("{name}:25:22: optie `kookcafe`: onbekende wens `kooken`; bedoelt u `koken`?")
                .as_str(),
            format!("2 problemen gevonden in {name}.").as_str(),
        ]
    );
}

#[test]
fn controleer_shows_unknown_fields_as_warnings_and_passes() {
    let dir = config();
    let newer = CATALOGUE.replacen("(\n", "(\n    versie: 1,\n", 1).replace(
        "begeleiding: taakgericht",
        "begeleiding: taakgericht,\n            sfeer: \"groep\"",
    );
    let path = dir.path().join("catalogus.ron");
    std::fs::write(&path, format!("\u{feff}{newer}")).unwrap();
    let o = meedoen(dir.path(), &["controleer", path.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    let name = path.display().to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!(
            "{name}:13:13: waarschuwing: onbekend veld `sfeer` wordt overgeslagen"
        )),
        "{out}"
    );
    assert_eq!(lines[1], format!("In orde: {name}, geen problemen."));
}

#[test]
fn controleer_recognises_a_file_by_its_content_and_reports_syntax_errors() {
    let dir = config();
    let other = dir.path().join("mijn-catalogus.ron");
    std::fs::write(&other, CATALOGUE).unwrap();
    let o = meedoen(dir.path(), &["controleer", other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    let cut = &CATALOGUE[..CATALOGUE.find("titel: \"Koken").unwrap()];
    std::fs::write(&other, cut).unwrap();
    let o = meedoen(dir.path(), &["controleer", other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let first = stdout(&o).lines().next().unwrap().to_string();
    assert!(
        first.starts_with(&format!("{}:", other.display()))
            && first.contains("houdt onverwacht op"),
        "{first}"
    );
}

#[test]
fn controleer_a_missing_file_is_a_usage_error() {
    let dir = config();
    let o = meedoen(dir.path(), &["controleer", "/bestaat/niet.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("bestaat niet"), "{}", stderr(&o));
}

#[test]
fn paden_shows_the_config_folder() {
    let dir = config();
    let o = meedoen(dir.path(), &["paden"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains(&dir.path().display().to_string()), "{out}");
    assert!(out.contains("draagbare modus: "), "{out}");
}

#[test]
fn controleer_also_checks_the_plan_template_and_the_keymap() {
    let dir = config();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    let template = dir.path().join("templates").join("plan.md.j2");
    std::fs::write(&template, "Plan voor {{ klant }}\n{% if %}\n").unwrap();
    let toetsen = dir.path().join("toetsen.ron");
    std::fs::write(
        &toetsen,
        "(toetsen: [\n    (opdracht: Exporteren, toetsen: [\"Hyper+X\"]),\n])",
    )
    .unwrap();
    let o = meedoen(dir.path(), &["controleer"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let at = |p: &Path, place: &str| format!("{}:{place}: ", p.display());
    assert!(out.contains(&at(&toetsen, "2:38")), "{out}");
    assert!(out.contains("onbekende toets `Hyper+X`"), "{out}");
    assert!(out.contains(&at(&template, "2:7")), "{out}");
    assert!(
        out.ends_with("2 problemen in 2 bestanden; meedoen laat die bestanden weg en gebruikt de laag eronder.\n"),
        "{out}"
    );

    std::fs::write(&template, "Plan voor {{ klant }}\n").unwrap();
    std::fs::write(
        &toetsen,
        "(toetsen: [(opdracht: Exporteren, toetsen: [\"F11\"])])",
    )
    .unwrap();
    let o = meedoen(dir.path(), &["controleer"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("In orde: geen problemen"),
        "{}",
        stdout(&o)
    );

    // An empty key list and a key that types a character are reported at their place.
    std::fs::write(
        &toetsen,
        "(toetsen: [\n  (opdracht: Vorige, toetsen: []),\n  (opdracht: Exporteren, toetsen: [\"Shift+e\"]),\n])",
    )
    .unwrap();
    let o = meedoen(dir.path(), &["controleer"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(&at(&toetsen, "2:22")), "{out}");
    assert!(out.contains("lege lijst toetsen"), "{out}");
    assert!(out.contains(&at(&toetsen, "3:36")), "{out}");
    assert!(out.contains("typt een teken"), "{out}");
}

#[test]
fn controleer_checks_gemeente_against_the_taxonomy_beside_it() {
    let dir = config();
    let path = dir.path().join("gemeente.ron");
    let embedded = include_str!("../assets/gemeente.ron");
    std::fs::write(&path, embedded).unwrap();
    let o = meedoen(dir.path(), &["controleer", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // `zeilen` is no category in the taxonomy beside it.
    let own = embedded.replace("categorieen: None", "categorieen: Some([\"zeilen\"])");
    assert_ne!(own, embedded);
    std::fs::write(&path, own).unwrap();
    let o = meedoen(dir.path(), &["controleer", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with(&format!("{}:", path.display())), "{out}");
    assert!(out.contains("zeilen"), "{out}");

    std::fs::write(&path, "(klant_label: 3)").unwrap();
    let o = meedoen(dir.path(), &["controleer", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with(&format!("{}:1:", path.display())),
        "{}",
        stdout(&o)
    );
}

#[test]
fn toegankelijk_starts_the_line_by_line_mode_and_reads_stdin() {
    use std::io::Write;
    let dir = config();
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .args(["--toegankelijk", "--instellingen"])
        .arg(dir.path())
        .arg("--uitvoer")
        .arg(home.path().join("plannen"))
        // Drafts go to the platform's data folder; keep them inside the temp folder.
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Closing stdin ends the input; the mode keeps the draft and says where.
    child.stdin.take().unwrap().write_all(b"").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("meedoen, toegankelijke modus."), "{out}");
    assert!(out.contains("bewaard als concept"), "{out}");
}

#[test]
fn an_unknown_thema_is_a_usage_error_in_dutch() {
    let dir = config();
    let o = meedoen(dir.path(), &["--thema", "paars"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("kies standaard, zwartwit of hoog-contrast"),
        "{}",
        stderr(&o)
    );
}

/// Writes a saved session of `klant` (and a plan beside it) into `dir`, as the app does.
fn saved_session(dir: &Path, stem: &str, klant: &str) {
    let session = meedoen::core::session::Session {
        klant: klant.to_string(),
        ..meedoen::core::session::Session::default()
    };
    let text = ron::ser::to_string(&session).unwrap();
    std::fs::write(dir.join(format!("{stem}.sessie.ron")), text).unwrap();
    std::fs::write(dir.join(format!("{stem}.md")), "# Plan").unwrap();
}

/// Runs `meedoen` with all its folders inside `home`, so nothing real is touched.
fn meedoen_in(home: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .arg("--uitvoer")
        .arg(home.join("plannen"))
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn wis_lists_asks_and_erases_one_client_only() {
    let home = tempfile::tempdir().unwrap();
    let plannen = home.path().join("plannen");
    std::fs::create_dir(&plannen).unwrap();
    // Unusual names, so no real client on a developer's machine can ever match.
    saved_session(&plannen, "wt-1", "Wistest-7F3A");
    saved_session(&plannen, "ander-1", "Ander-Wistest-9B2C");

    // Declining erases nothing.
    let o = meedoen_in(home.path(), &["wis", "wistest-7f3a"], "nee\n");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("worden 2 bestanden gewist"), "{out}");
    assert!(
        out.contains("wt-1.sessie.ron") && out.contains("wt-1.md"),
        "{out}"
    );
    assert!(!out.contains("ander-1"), "{out}");
    assert!(out.contains("Niets gewist."), "{out}");
    assert!(plannen.join("wt-1.md").exists());

    let o = meedoen_in(home.path(), &["wis", "wistest-7f3a"], "ja\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).ends_with("2 bestanden gewist.\n"),
        "{}",
        stdout(&o)
    );
    assert!(!plannen.join("wt-1.md").exists());
    assert!(!plannen.join("wt-1.sessie.ron").exists());
    assert!(plannen.join("ander-1.sessie.ron").exists());

    // Nothing left: says so and succeeds; --ja needs no input.
    let o = meedoen_in(home.path(), &["wis", "Wistest-7F3A", "--ja"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("geen bestanden"), "{}", stdout(&o));
}

#[test]
fn wis_without_a_name_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let o = meedoen_in(home.path(), &["wis", "  "], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("geef de klant op"), "{}", stderr(&o));
}

#[test]
fn plan_renders_a_saved_session_again_without_overwriting() {
    let home = tempfile::tempdir().unwrap();
    let bron = home.path().join("bron");
    std::fs::create_dir(&bron).unwrap();
    let mut session = meedoen::core::session::Session {
        klant: "P.Q.".to_string(),
        ..meedoen::core::session::Session::default()
    };
    // A step whose notes go into the plan (Huidige situatie).
    session.set_note("hoe-gaat-het", "Zij zegt: <b>‘graag’</b> 🙂".into());
    let file = bron.join("oud.sessie.ron");
    std::fs::write(&file, ron::ser::to_string(&session).unwrap()).unwrap();
    // Not complete: without --concept nothing is written, and it says why.
    let held = meedoen_in(home.path(), &["plan", file.to_str().unwrap()], "");
    assert_ne!(held.status.code(), Some(0));
    assert!(stderr(&held).contains("--concept"), "{}", stderr(&held));
    let args = [
        "plan",
        file.to_str().unwrap(),
        "--formaat",
        "html",
        "--formaat",
        "txt",
        "--concept",
    ];
    let first = meedoen_in(home.path(), &args, "");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let listed = stdout(&first);
    let written: Vec<&str> = listed.lines().map(str::trim).collect();
    assert_eq!(written.len(), 3, "{written:?}");
    assert!(written[0].ends_with("-pq-concept.html"), "{written:?}");
    assert!(written[1].ends_with("-pq-concept.txt"));
    assert!(written[2].ends_with("-pq-concept.sessie.ron"));
    let html = std::fs::read_to_string(written[0]).unwrap();
    assert!(
        html.contains("&lt;b&gt;‘graag’&lt;&#x2f;b&gt; 🙂"),
        "{html}"
    );
    let txt = std::fs::read_to_string(written[1]).unwrap();
    assert!(txt.contains("Zij zegt: <b>‘graag’</b> 🙂"), "{txt}");
    // Again: new names, the first files untouched.
    let second = meedoen_in(home.path(), &args, "");
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let again = stdout(&second);
    assert!(
        again
            .lines()
            .next()
            .unwrap()
            .ends_with("-pq-concept-2.html"),
        "{again}"
    );
    assert_eq!(std::fs::read_to_string(written[0]).unwrap(), html);
}

#[test]
fn plan_refuses_a_session_with_a_bsn_and_says_where() {
    let home = tempfile::tempdir().unwrap();
    let mut session = meedoen::core::session::Session {
        klant: "P.Q.".to_string(),
        ..meedoen::core::session::Session::default()
    };
    session.set_note("welkom", "BSN 111222333".into());
    let file = home.path().join("x.sessie.ron");
    std::fs::write(&file, ron::ser::to_string(&session).unwrap()).unwrap();
    let o = meedoen_in(home.path(), &["plan", file.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("BSN"), "{}", stderr(&o));
    assert!(!home.path().join("plannen").exists());
}

#[test]
fn oefenen_without_a_terminal_offers_the_demo_clients_line_by_line() {
    let home = tempfile::tempdir().unwrap();
    for args in [&["oefenen"][..], &["oefenen", "--toegankelijk"][..]] {
        let o = meedoen_in(home.path(), args, "1\nstop\n");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("Oefenen met een fictieve klant"), "{out}");
        assert!(out.contains("1. Demo: mevrouw Jansen (fictief)"), "{out}");
        assert!(
            out.contains("Oefengesprek met Demo: mevrouw Jansen"),
            "{out}"
        );
    }
}

#[test]
fn without_a_terminal_the_app_starts_in_the_line_by_line_mode() {
    let home = tempfile::tempdir().unwrap();
    let o = meedoen_in(home.path(), &[], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("meedoen, toegankelijke modus."),
        "{}",
        stdout(&o)
    );
}

#[cfg(unix)]
#[test]
fn controleer_and_suggesties_refuse_a_fifo_a_folder_and_dev_zero_without_hanging() {
    let dir = config();
    let odd = tempfile::tempdir().unwrap();
    let fifo = odd.path().join("catalogus.ron");
    use std::fs;
    let have_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !have_fifo {
        eprintln!("mkfifo ontbreekt: alleen de map en /dev/zero worden getest");
        fs::create_dir(&fifo).unwrap();
    }
    let o = meedoen(dir.path(), &["controleer", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("geen gewoon bestand"), "{}", stdout(&o));
    // The same file as the user's catalogue: `suggesties` refuses it (and falls back
    // to the built-in catalogue, saying so), and does not wait or fill the memory.
    let cfg = odd.path();
    let zero = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", zero.path().join("catalogus.ron")).unwrap();
    for folder in [cfg, zero.path()] {
        let o = meedoen(folder, &["suggesties", "--wens", "koken"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("geen gewoon bestand"), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("catalogus.ron: ingebouwd"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn escape_and_osc_sequences_from_data_never_reach_the_terminal() {
    let dir = config();
    // An OSC 52 clipboard write in a title, a CSI in a label, a C1 CSI in a description.
    let catalogue = CATALOGUE.replace(
        "Koken in het buurtcafé",
        "Koken \\u{1b}]52;c;aGFjaw==\\u{7} in het buurtcafé",
    );
    let taxonomy = TAXONOMY
        .replace("label: \"Koken\"", "label: \"Ko\\u{1b}[2Jken\"")
        .replace("Houdt vol.", "Houdt \\u{9b}31m vol.");
    std::fs::write(dir.path().join("catalogus.ron"), catalogue).unwrap();
    std::fs::write(dir.path().join("taxonomie.ron"), taxonomy).unwrap();
    let mut runs = vec![
        meedoen(dir.path(), &["suggesties", "--wens", "koken"]),
        meedoen(dir.path(), &["taxonomie"]),
        meedoen(dir.path(), &["controleer"]),
        meedoen(dir.path(), &["paden"]),
        meedoen(dir.path(), &["wis", "\u{1b}[31mA"]),
        meedoen(dir.path(), &["--onbekend\u{1b}[31m"]),
    ];
    // A file name with control characters; Windows refuses to create one at all.
    if cfg!(unix) {
        let bad_name = dir.path().join("x\u{1b}]0;titel\u{7}.ron");
        std::fs::write(&bad_name, "(").unwrap();
        runs.push(meedoen(dir.path(), &["controleer"]));
        runs.push(meedoen(
            dir.path(),
            &["controleer", bad_name.to_str().unwrap()],
        ));
    }
    let mut saw_title = false;
    for o in &runs {
        for bytes in [&o.stdout, &o.stderr] {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains('\u{1b}'), "ESC in output:\n{text}");
            assert!(
                !text.contains('\u{9b}') && !text.contains('\u{7}'),
                "{text}"
            );
            saw_title |= text.contains("in het buurtcafé");
        }
    }
    assert!(saw_title, "the option itself is still shown");
}

#[test]
fn plan_names_special_category_data_on_stderr_and_still_writes() {
    let home = tempfile::tempdir().unwrap();
    let mut session = meedoen::core::session::Session {
        klant: "P.Q.".to_string(),
        ..meedoen::core::session::Session::default()
    };
    session.set_note(
        "hoe-gaat-het",
        "Zorgt voor moeder (dementie). Slikt medicijnen.".into(),
    );
    let file = home.path().join("x.sessie.ron");
    std::fs::write(&file, ron::ser::to_string(&session).unwrap()).unwrap();
    let o = meedoen_in(
        home.path(),
        &["plan", file.to_str().unwrap(), "--concept"],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "notitie bij stap hoe-gaat-het: ‘dementie’ (gezondheid; gaat over een ander (moeder))"
        ),
        "{err}"
    );
    assert!(err.contains("‘medicijnen’ (medicijnen)"), "{err}");
    // stdout still lists only the written files.
    assert!(
        stdout(&o)
            .lines()
            .all(|l| l.trim().ends_with(".md") || l.trim().ends_with(".sessie.ron"))
    );
}
