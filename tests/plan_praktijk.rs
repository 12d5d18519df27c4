//! The plan says who made it: the practice of `praktijk.ron` (name, header line,
//! contact) or, without one, the gemeente with its contact, with the consultant's name,
//! the same in all three formats. After an intended template change:
//! `MEEDOEN_GOLDEN=bless cargo test --test plan_praktijk`, then read the diff.

mod common;

use common::plan_data::{data, full_session, golden};
use meedoen::app::Bundle;
use meedoen::core::gemeente::{Contact, Gemeente};
use meedoen::core::plan::{Formaat, Templates, render_status};
use meedoen::core::praktijk::Praktijk;
use meedoen::store::assets::plan_templates;
use meedoen::store::paths::Paths;

fn praktijk() -> Praktijk {
    Praktijk {
        naam: "Re-integratiepraktijk De Brug".into(),
        adres: "Dorpsstraat 1, 8011 AA Zwolle".into(),
        telefoon: "06 12 34 56 78".into(),
        email: "info@debrug.nl".into(),
        kvk: "12345678".into(),
        kop: "De Brug · coaching naar meedoen".into(),
    }
}

fn zwolle() -> Gemeente {
    Gemeente {
        naam: "Zwolle".into(),
        contact: Contact {
            telefoon: "14 038".into(),
            email: "werk@zwolle.nl".into(),
            bezoekadres: "Lübeckplein 2".into(),
        },
        ..Gemeente::default()
    }
}

fn templates(p: Option<Praktijk>) -> Templates {
    let mut t = plan_templates(None).unwrap();
    t.praktijk = p;
    t
}

fn plan(f: Formaat, t: &Templates, g: &Gemeente) -> String {
    render_status(f, &full_session(), &data(), t, g, false).unwrap_or_else(|p| panic!("{p}"))
}

#[test]
fn a_practice_plan_matches_golden_in_every_format() {
    for f in Formaat::ALL {
        let name = format!("plan-praktijk.{}", f.extension());
        golden(&name, &plan(f, &templates(Some(praktijk())), &zwolle()));
    }
}

#[test]
fn the_practice_is_named_with_its_contact_in_every_format() {
    let t = templates(Some(praktijk()));
    for f in Formaat::ALL {
        let p = plan(f, &t, &zwolle());
        let kop = p
            .find("De Brug · coaching naar meedoen")
            .expect("header line");
        let titel = match f {
            Formaat::Html => p.find("<h1>"),
            _ => p.to_lowercase().find("plan van aanpak"),
        }
        .unwrap();
        assert!(kop < titel, "{f}: the header line stands above the title");
        assert!(
            p.contains(
                "Dit plan is gemaakt door Sanne de Vries van Re-integratiepraktijk De Brug."
            ),
            "{f}:\n{p}"
        );
        for detail in [
            "06 12 34 56 78",
            "info@debrug.nl",
            "Dorpsstraat 1",
            "12345678",
        ] {
            assert!(p.contains(detail), "{f}: missing {detail}");
        }
        // The gemeente's own contact stays: the uitkering is still the gemeente's.
        assert!(p.contains("14 038"), "{f}");
        // The short summary sends questions to the practice.
        assert!(
            p.contains("Bel uw consulent Sanne de Vries: 06 12 34 56 78"),
            "{f}"
        );
    }
}

#[test]
fn without_a_practice_the_gemeente_made_the_plan() {
    for f in Formaat::ALL {
        let p = plan(f, &templates(None), &zwolle());
        assert!(
            p.contains("Dit plan is gemaakt door Sanne de Vries van de gemeente Zwolle."),
            "{f}:\n{p}"
        );
        assert!(!p.contains("KvK"), "{f}");
        assert!(!p.contains("Praktijk"), "{f}");
        assert!(p.contains("Bel uw consulent Sanne de Vries: 14 038"), "{f}");
        // An example with every field commented out is no practice.
        let leeg = plan(f, &templates(Some(Praktijk::default())), &zwolle());
        assert_eq!(leeg, p, "{f}");
        // Neither known: the plan names only the consultant, as before.
        let p = plan(f, &templates(None), &Gemeente::default());
        assert!(p.contains("Uw consulent is Sanne de Vries."), "{f}");
        assert!(!p.contains("Dit plan is gemaakt door"), "{f}");
    }
}

fn bundle(config: &std::path::Path, home: &std::path::Path) -> Bundle {
    let mut paths = Paths::portable(home);
    paths.config = config.to_path_buf();
    Bundle::load_in(paths, None, false, meedoen::tui::keymap::check, "nu")
}

#[test]
fn the_bundle_takes_the_highest_good_praktijk_and_leaves_a_broken_one_out() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("eigen");
    std::fs::create_dir_all(&config).unwrap();
    assert!(bundle(&config, home.path()).templates.praktijk.is_none());

    std::fs::write(
        config.join("praktijk.ron"),
        "(naam: \"De Brug\", kvk: \"12345678\")",
    )
    .unwrap();
    let b = bundle(&config, home.path());
    assert!(b.in_orde(), "{:?}", b.problems());
    assert_eq!(b.templates.praktijk.as_ref().unwrap().naam, "De Brug");
    let h = b
        .herkomst
        .iter()
        .find(|h| h.file == "praktijk.ron")
        .unwrap();
    assert_eq!(h.lagen.len(), 1);

    // A wrong KvK number: the file is left out with its place, and the plan falls back
    // to the gemeente; nothing else is affected.
    std::fs::write(
        config.join("praktijk.ron"),
        "(\n    naam: \"De Brug\",\n    kvk: \"12\",\n)",
    )
    .unwrap();
    let b = bundle(&config, home.path());
    assert_eq!(b.uitgesloten.len(), 1);
    assert_eq!(b.uitgesloten[0].file, "praktijk.ron");
    let p = &b.uitgesloten[0].problems[0];
    assert_eq!((p.line, p.col), (3, 5), "{p}");
    assert!(p.msg.contains("8 cijfers"), "{p}");
    assert!(b.templates.praktijk.is_none());
    assert!(b.fallback_text().unwrap().contains("praktijk.ron"));
}
