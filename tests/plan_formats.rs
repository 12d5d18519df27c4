//! Golden and safety tests for the plan in all three formats (Markdown, HTML, text) and
//! with municipality settings. The fixtures are the same as in `tests/plan.rs`, so the
//! formats can be compared with the Markdown plan. After an intended template change:
//! `MEEDOEN_GOLDEN=bless cargo test --test plan_formats`, then read the diff.

mod common;

use common::plan_data::{data, date, empty_session, full_session, golden};
use meedoen::core::data::Source;
use meedoen::core::gemeente::{Gemeente, Teksten};
use meedoen::core::plan::{Formaat, Templates, render, render_markdown, render_with};
use meedoen::core::session::{Afspraak, Session};
use meedoen::store::assets::plan_templates;

fn templates() -> Templates {
    plan_templates(None).unwrap()
}

fn plan(format: Formaat, s: &Session) -> String {
    render(format, s, &data(), &templates()).unwrap_or_else(|p| panic!("{p}"))
}

fn plan_with(format: Formaat, s: &Session, g: &Gemeente) -> String {
    render_with(format, s, &data(), &templates(), g).unwrap_or_else(|p| panic!("{p}"))
}

/// A municipality that makes taking part mandatory and words things its own way.
fn verplicht() -> Gemeente {
    Gemeente {
        naam: "Dalfsen".into(),
        verplicht: true,
        klant_label: "werkzoekende".into(),
        teksten: Teksten {
            ondersteuning: "Het Werkplein helpt u ook met vervoer en kinderopvang.".into(),
            ..Teksten::default()
        },
        ..Gemeente::default()
    }
}

#[test]
fn html_plans_match_golden() {
    golden("plan-volledig.html", &plan(Formaat::Html, &full_session()));
    golden("plan-leeg.html", &plan(Formaat::Html, &empty_session()));
}

#[test]
fn text_plans_match_golden() {
    golden("plan-volledig.txt", &plan(Formaat::Txt, &full_session()));
    golden("plan-leeg.txt", &plan(Formaat::Txt, &empty_session()));
}

#[test]
fn municipality_wording_matches_golden_in_every_format() {
    for f in Formaat::ALL {
        let name = format!("plan-verplicht.{}", f.extension());
        golden(&name, &plan_with(f, &full_session(), &verplicht()));
    }
}

#[test]
fn markdown_through_render_is_the_existing_markdown_plan() {
    let t = templates();
    for s in [full_session(), empty_session()] {
        assert_eq!(
            plan(Formaat::Md, &s),
            render_markdown(&s, &data(), &t.md).unwrap()
        );
        // The default settings change nothing.
        assert_eq!(
            plan(Formaat::Md, &s),
            plan_with(Formaat::Md, &s, &Gemeente::default())
        );
    }
}

#[test]
fn every_format_has_the_art_44a_sections_and_the_same_wording() {
    for g in [Gemeente::default(), verplicht()] {
        for f in Formaat::ALL {
            let p = plan_with(f, &full_session(), &g);
            let lower = p.to_lowercase();
            for word in ["verdien", "bsn", "tegenprestatie"] {
                assert!(!lower.contains(word), "{f}: plan contains {word:?}");
            }
            for section in [
                "ondersteuning",
                "uw afspraken",
                "verplichtingen en gevolgen",
                "evaluatie en volgend contact",
                "akkoord",
                "eerst met u in gesprek",
                "we beginnen met 4 uur per week",
                "15 december 2026",
                "1 maart 2027",
                "handtekening consulent",
            ] {
                assert!(lower.contains(section), "{f}: missing {section:?}");
            }
            assert!(!p.contains("PRIVÉ"), "{f}: working notes leaked");
            let label = &g.klant_label;
            assert!(p.contains(&format!("Handtekening {label}")), "{f}");
            assert_eq!(
                p.contains("gevolgen hebben voor uw uitkering"),
                g.verplicht,
                "{f}: mandatory wording only when mandatory"
            );
            assert_eq!(
                p.contains("Dalfsen"),
                !g.naam.is_empty(),
                "{f}: municipality named only when set"
            );
        }
    }
}

#[test]
fn municipality_texts_replace_the_standard_paragraphs() {
    let mut g = verplicht();
    g.teksten.verplichtingen = "U komt naar de afspraken.".into();
    g.teksten.gevolgen = "Lukt het niet, dan praten we.".into();
    for f in Formaat::ALL {
        let p = plan_with(f, &full_session(), &g);
        assert!(p.contains("Het Werkplein helpt u ook"), "{f}");
        assert!(p.contains("U komt naar de afspraken."), "{f}");
        assert!(p.contains("Lukt het niet, dan praten we."), "{f}");
        assert!(!p.contains("U kunt altijd contact opnemen"), "{f}");
        assert!(!p.contains("gevolgen hebben voor uw uitkering"), "{f}");
    }
}

#[test]
fn text_plan_has_no_markdown_and_one_line_per_paragraph() {
    for s in [full_session(), empty_session()] {
        let p = plan(Formaat::Txt, &s);
        assert!(!p.contains("**"), "{p}");
        assert!(!p.contains("###"), "{p}");
        for line in p.lines() {
            assert!(!line.starts_with('#') && !line.starts_with('>'), "{line:?}");
        }
        // No paragraph is broken up: a sentence never continues on the next line.
        assert!(
            p.lines()
                .any(|l| l.starts_with("U doet mee zoals in dit plan staat.")
                    && l.ends_with("Dan zoeken we samen naar een oplossing.")),
            "{p}"
        );
        // Windows line ends for a Windows case system, and only there.
        assert_eq!(
            p.contains("\r\n"),
            cfg!(windows),
            "line ends on this platform"
        );
    }
}

#[test]
fn text_plan_wraps_every_paragraph_at_the_municipality_width() {
    let g = Gemeente {
        tekstbreedte: Some(60),
        ..Gemeente::default()
    };
    let mut s = full_session();
    s.set_note("dag", "lang ".repeat(60));
    let p = plan_with(Formaat::Txt, &s, &g);
    for line in p.lines() {
        assert!(line.chars().count() <= 60, "{line:?}");
    }
    // A wrapped note keeps its quote indent on every line.
    assert!(
        p.lines().filter(|l| l.starts_with("    lang lang")).count() >= 4,
        "{p}"
    );
}

#[test]
fn text_plan_keeps_client_words_verbatim() {
    let p = plan(Formaat::Txt, &full_session());
    for line in [
        "    Ik wil ‘iets nuttigs’ doen voor de buurt.",
        "    Mijn dochter helpt — ‘soms’ té veel.",
        "    # Geen kop",
        "    - geen lijst",
        "    > geen citaat",
        "    <script>alert('x')</script>",
        "    \"Ik wil weer onder de mensen zijn.\" — é ë",
    ] {
        assert!(p.lines().any(|l| l == line), "missing line {line:?}\n{p}");
    }
    assert_eq!(p.contains('\r'), cfg!(windows));
}

#[test]
fn text_wraps_long_catalogue_texts() {
    let mut g = Gemeente {
        tekstbreedte: Some(80),
        ..Gemeente::default()
    };
    g.teksten.gevolgen = "woord ".repeat(60);
    let p = plan_with(Formaat::Txt, &empty_session(), &g);
    assert!(p.lines().all(|l| l.chars().count() <= 80), "{p}");
    assert!(p.lines().filter(|l| l.starts_with("woord")).count() >= 4);
}

#[test]
fn html_is_one_self_contained_printable_document() {
    let p = plan(Formaat::Html, &full_session());
    assert!(
        p.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{}",
        &p[..80]
    );
    assert!(p.trim_end().ends_with("</html>"));
    assert_eq!(p.matches("<style").count(), 1);
    assert!(p.contains("@page {\n    size: A4;"));
    // Every printed page names the client and the date, and which page of how many.
    assert!(
        p.contains("content: \"Plan van aanpak klant A.B., 23 november 2026\""),
        "{p}"
    );
    assert!(p.contains("content: \"pagina \" counter(page) \" van \" counter(pages)"));
    assert!(p.contains("<h2>Uw plan in het kort</h2>"));
    assert_eq!(
        p.matches("Datum: ____").count(),
        2,
        "a date under each signature"
    );
    assert!(p.contains("break-inside: avoid"));
    for forbidden in [
        "<script", "<link", "<img", "src=", "href=", "http://", "https://", "@import", "url(",
    ] {
        assert!(!p.contains(forbidden), "found {forbidden:?}");
    }
    assert_eq!(
        p.matches("class=\"lijn\"").count(),
        2,
        "two signature lines"
    );
    assert!(p.contains("Handtekening klant (A.B.)"));
    assert!(p.contains("Handtekening consulent (Sanne de Vries)"));
    // Line breaks of a note survive as <br>.
    assert!(
        p.contains("Ik slaap slecht.<br>\nMijn dochter helpt"),
        "{p}"
    );
}

/// Text that tries to break out of an HTML document in every known way.
const HOSTILE: [&str; 12] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "javascript:alert(document.cookie)",
    "</style><script>alert(2)</script>",
    "<!-- <script>x</script> -->",
    "&amp; &lt;script&gt; &#60;script&#62;",
    "<![CDATA[<script>alert(3)</script>]]>",
    "null\0byte\0<scr\0ipt>",
    "RTL \u{202e}gnp.exe override",
    "<style>body{display:none}</style>",
    "' onmouseover='alert(1)' x='",
];

fn hostile_session() -> Session {
    let mut s = full_session();
    let all = HOSTILE.join("\n");
    s.klant = HOSTILE[1].into();
    s.consulent = HOSTILE[4].into();
    s.plaats = HOSTILE[9].into();
    for step in [
        "welzijn",
        "dag",
        "actief",
        "eerder",
        "wensen",
        "lastig",
        "woorden",
        "keuze",
        "slot",
        "oude-stap",
    ] {
        s.set_note(step, all.clone());
    }
    s.aanpak.insert("fysiek".into(), all.clone());
    s.afspraken = HOSTILE
        .iter()
        .map(|h| Afspraak {
            wat: (*h).into(),
            wie: (*h).into(),
            wanneer: (*h).into(),
        })
        .collect();
    s.uren_toelichting = all.clone();
    s.akkoord_toelichting = all;
    s.wensen.push(HOSTILE[0].into());
    s.gekozen.push(HOSTILE[2].into());
    // A note of one 1 MB line.
    s.set_note(
        "woorden",
        format!("{} {}", "<b>x</b>".repeat(1024 * 1024 / 8), HOSTILE[0]),
    );
    s
}

#[test]
fn hostile_text_never_becomes_html() {
    let mut g = verplicht();
    g.naam = HOSTILE[0].into();
    g.klant_label = HOSTILE[10].into();
    g.teksten.gevolgen = HOSTILE[5].into();
    let p = plan_with(Formaat::Html, &hostile_session(), &g);
    assert!(p.len() > 1024 * 1024);
    for needle in [
        "<script",
        "<img",
        "<a ",
        "<!--",
        "<![CDATA",
        "</style><",
        "<b>",
        "\0",
    ] {
        assert!(!p.contains(needle), "found {needle:?} unescaped");
    }
    assert_eq!(p.matches("<style").count(), 1);
    assert_eq!(p.matches("</style>").count(), 1);
    // Event handlers occur only as text, never inside a tag.
    for attr in ["onerror=", "onmouseover=", "javascript:", "href="] {
        assert!(p.contains(attr), "{attr} should show as text");
        for (i, _) in p.match_indices(attr) {
            let (lt, gt) = (p[..i].rfind('<'), p[..i].rfind('>'));
            assert!(gt > lt, "{attr} inside a tag at byte {i}");
        }
    }
    // The words are there, as text.
    assert!(p.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(p.contains("&amp;amp;"));
    assert!(p.contains("null\u{fffd}byte"));
    // The override is closed right after the client's text.
    assert!(p.contains("\u{202e}gnp.exe override\u{202c}"));
    assert!(!p.contains("override</dd>") || p.contains("override\u{202c}</dd>"));
}

#[test]
fn hostile_text_stays_put_in_text_and_markdown() {
    let s = hostile_session();
    let txt = plan(Formaat::Txt, &s);
    assert!(!txt.contains('\0'));
    assert!(txt.contains("    <script>alert(1)</script>"));
    assert!(txt.contains("\u{202e}gnp.exe override\u{202c}"));
    let md = plan(Formaat::Md, &s);
    assert!(!md.contains("\n<script"));
    assert!(md.contains("\\<script>alert(1)\\</script>"));
    assert!(!md.contains('\0'));
    assert!(md.contains("\u{202e}gnp.exe override\u{202c}"));
}

#[test]
fn a_broken_html_template_names_its_line() {
    let mut t = templates();
    t.html = Source::new("eigen.html.j2", "<p>\n{{ klant }\n</p>");
    let p = render(Formaat::Html, &empty_session(), &data(), &t).unwrap_err();
    assert_eq!((p.file.as_str(), p.line), ("eigen.html.j2", 2), "{p}");
}

#[test]
fn a_user_html_template_is_escaped_too_but_may_opt_out() {
    let mut t = templates();
    t.html = Source::new(
        "eigen.html.j2",
        "<p>{{ klant }}|{{ '<i>' | safe }}|{{ x | e }}</p>",
    );
    let mut s = empty_session();
    s.klant = "<b>".into();
    let p = render(Formaat::Html, &s, &data(), &t).unwrap();
    assert_eq!(p, "<p>&lt;b&gt;|<i>|</p>\n");
}

fn vervolg_session() -> Session {
    use meedoen::core::vervolg::{Besluit, Status, start_vervolg};
    let mut previous = full_session();
    previous.afspraken.push(meedoen::core::session::Afspraak {
        wat: "Bellen met <de> buurthuis".into(),
        wie: "klant".into(),
        wanneer: String::new(),
    });
    let mut s = start_vervolg(
        &previous,
        "v2".into(),
        date(2026, 12, 14),
        "vervolg",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    s.evaluaties[0].status = Status::Nagekomen;
    s.evaluaties[0].hielp = "De buurvrouw ging mee.".into();
    s.evaluaties[1].status = Status::Niet;
    s.evaluaties[1].lastig = "Ziek geweest.".into();
    s.evaluaties[1].besluit = Some(Besluit::Doorgaan);
    s.evaluaties[1].reden = "De aanvraag is nog steeds nodig.".into();
    s.evaluaties[2].status = Status::Deels;
    s.evaluaties[2].besluit = Some(Besluit::Stoppen);
    s.evaluaties[2].reden = "Het buurthuis is dicht.".into();
    // The consultant un-chooses an option of the previous plan: not "al begonnen".
    s.gekozen.retain(|g| g != "oude-optie");
    s
}

#[test]
fn a_vervolg_plan_says_its_version_and_looks_back_in_every_format() {
    let s = vervolg_session();
    for format in Formaat::ALL {
        let text = plan(format, &s);
        assert!(text.contains("Versie"), "{format:?}:\n{text}");
        assert!(
            text.contains("vervolg op plan 1 van"),
            "{format:?}:\n{text}"
        );
        assert!(
            text.to_lowercase().contains("terugblik op de afspraken"),
            "{format:?}"
        );
        assert!(text.contains("De buurvrouw ging mee."), "{format:?}");
        assert!(text.contains("nagekomen"), "{format:?}");
        // Each afspraak not kept says what became of it, and why.
        assert!(
            text.contains(
                "Hoe nu verder: We gaan ermee door. Waarom: De aanvraag is nog steeds nodig."
            ),
            "{format:?}:\n{text}"
        );
        assert!(
            text.contains(
                "Hoe nu verder: We stoppen met deze afspraak. Waarom: Het buurthuis is dicht."
            ),
            "{format:?}"
        );
        // What was started is "wat u al doet"; the un-chosen option is not.
        assert!(text.contains("Hier bent u al mee begonnen"), "{format:?}");
        assert!(!text.contains("- oude-optie"), "{format:?}");
    }
    assert!(plan(Formaat::Html, &s).contains("Bellen met &lt;de&gt; buurthuis"));
    golden("plan-vervolg.md", &plan(Formaat::Md, &s));
}
