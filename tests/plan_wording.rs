//! The embedded texts a client reads are written for the client: every belemmering has
//! a plan sentence next to the consultant's guidance, that sentence addresses the client
//! and gives no instructions to the consultant, no data text fixes a time span the
//! municipality decides, and `meedoen taxonomie --json` shows both texts.

use meedoen::core::data::Data;
use meedoen::core::taxonomy::met_klant_label;

fn data() -> Data {
    meedoen::store::assets::load(None).expect("embedded data loads")
}

/// Imperatives that tell the consultant what to do; a client's sentence never starts
/// with one.
const CONSULENT_OPDRACHTEN: [&str; 14] = [
    "Verwijs", "Vraag", "Kies", "Bied", "Stel", "Spreek", "Regel", "Benoem", "Vermijd", "Neem",
    "Zoek", "Houd", "Ga ", "Begin",
];

/// Fixed time spans; how soon to meet again comes from the municipality's settings.
const TIJDSPANNES: [&str; 6] = [
    "half jaar",
    "maanden",
    "over een jaar",
    "weken",
    "over een maand",
    "binnen een",
];

#[test]
fn every_belemmering_has_guidance_and_a_sentence_for_the_client() {
    let d = data();
    for e in &d.taxonomy.belemmeringen {
        assert!(!e.aanpak.trim().is_empty(), "{}: no aanpak", e.id);
        assert!(!e.aanpak_plan.trim().is_empty(), "{}: no aanpak_plan", e.id);
        assert_ne!(e.aanpak, e.aanpak_plan, "{}", e.id);
    }
}

#[test]
fn plan_sentences_address_the_client_and_instruct_nobody() {
    let d = data();
    for e in &d.taxonomy.belemmeringen {
        let t = &e.aanpak_plan;
        for zin in t.split(". ") {
            for o in CONSULENT_OPDRACHTEN {
                assert!(!zin.trim_start().starts_with(o), "{}: {t:?}", e.id);
            }
        }
        let woorden: Vec<&str> = t
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        assert!(
            woorden
                .iter()
                .any(|w| ["u", "U", "uw", "Uw", "we", "We"].contains(w)),
            "{}: {t:?} does not speak to the client",
            e.id
        );
        for jargon in ["klant", "consulent moet", "activering", "ontheffing", "GGZ"] {
            assert!(!t.contains(jargon), "{}: {jargon:?} in {t:?}", e.id);
        }
    }
}

#[test]
fn no_data_text_fixes_a_time_span_the_municipality_decides() {
    let d = data();
    for e in &d.taxonomy.belemmeringen {
        for text in [&e.aanpak, &e.aanpak_plan] {
            for span in TIJDSPANNES {
                assert!(!text.contains(span), "{}: {span:?} in {text:?}", e.id);
            }
        }
    }
}

#[test]
fn guidance_names_the_client_with_the_municipality_word() {
    let d = data();
    let taal = d
        .taxonomy
        .belemmeringen
        .iter()
        .find(|e| e.id == "taal")
        .unwrap();
    assert!(taal.aanpak.contains("{klant}"));
    let voor = taal.aanpak_voor("inwoner");
    assert!(voor.contains("waar de inwoner Nederlands"), "{voor}");
    assert!(!voor.contains("klant"), "{voor}");
    for e in &d.taxonomy.belemmeringen {
        assert!(
            !e.aanpak.contains(" de klant ") && !e.aanpak.contains(" klant "),
            "{}: write {{klant}} instead of klant: {:?}",
            e.id,
            e.aanpak
        );
        assert!(!met_klant_label(&e.aanpak_plan, "inwoner").contains('{'));
    }
}

#[test]
fn catalogue_descriptions_speak_to_the_client_not_about_them() {
    let d = data();
    for o in &d.catalogue.opties {
        assert!(
            !o.omschrijving.contains("de klant") && !o.omschrijving.contains("De klant"),
            "{}: {:?}",
            o.id,
            o.omschrijving
        );
    }
}

#[test]
fn taxonomie_json_shows_both_texts() {
    let leeg = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .arg("--instellingen")
        .arg(leeg.path())
        .args(["taxonomie", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let taal = v["belemmeringen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "taal")
        .unwrap();
    assert!(taal["aanpak"].as_str().unwrap().contains("Taaltraining"));
    assert_eq!(
        taal["aanpak_plan"],
        "U kiest een plek waar u veel Nederlands kunt praten."
    );
}

/// The hard sentences of `text`, as "sentence: reasons" lines.
fn hard(text: &str) -> Vec<String> {
    meedoen::core::b1::controleer(text)
        .into_iter()
        .map(|m| format!("{}: {}", m.zin, m.redenen.join(", ")))
        .collect()
}

#[test]
fn built_in_templates_pass_the_b1_check() {
    use meedoen::core::gemeente::Gemeente;
    use meedoen::core::plan::{Formaat, render_with};
    let d = data();
    let templates = meedoen::store::assets::plan_templates(None).unwrap();
    let s = meedoen::core::session::Session::new(
        "s".into(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        "intake",
    );
    for verplicht in [false, true] {
        let g = Gemeente {
            verplicht,
            ..Gemeente::default()
        };
        for f in [Formaat::Md, Formaat::Txt] {
            let p = render_with(f, &s, &d, &templates, &g).unwrap();
            assert_eq!(
                hard(&p),
                Vec::<String>::new(),
                "{f:?}, verplicht {verplicht}"
            );
        }
    }
}

#[test]
fn data_texts_the_client_reads_pass_the_b1_check() {
    use meedoen::core::catalogue::Begeleiding;
    let d = data();
    let mut texts: Vec<(String, String)> = d
        .taxonomy
        .belemmeringen
        .iter()
        .map(|e| (e.id.clone(), e.aanpak_plan.clone()))
        .collect();
    for b in [
        Begeleiding::Geen,
        Begeleiding::Taakgericht,
        Begeleiding::Persoonlijk,
        Begeleiding::Intensief,
    ] {
        texts.push((format!("{b:?}"), b.uitleg().to_string()));
    }
    for o in &d.catalogue.opties {
        texts.push((o.id.clone(), o.omschrijving.clone()));
    }
    let failing: Vec<String> = texts
        .iter()
        .flat_map(|(id, t)| hard(t).into_iter().map(move |h| format!("{id}: {h}")))
        .collect();
    assert!(failing.is_empty(), "{}", failing.join("\n"));
}
