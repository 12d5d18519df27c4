//! Golden tests for the plan van aanpak: a fully filled and a nearly empty session are
//! rendered with the embedded template and fixed test data, and compared with the files
//! in `tests/golden/`. After an intended change to the template, regenerate them with
//! `MEEDOEN_GOLDEN=bless cargo test --test plan` and read the diff before committing.

mod common;

use common::plan_data::{data, empty_session, full_session, golden};
use meedoen::core::data::Source;
use meedoen::core::plan::{context, render_markdown, validate_template};
use meedoen::core::session::{Afspraak, Session};
use meedoen::store::assets::plan_template;

fn render(s: &Session) -> String {
    let template = plan_template(None).unwrap();
    render_markdown(s, &data(), &template).unwrap_or_else(|p| panic!("{p}"))
}

#[test]
fn full_plan_matches_golden() {
    golden("plan-volledig.md", &render(&full_session()));
}

#[test]
fn nearly_empty_plan_matches_golden() {
    golden("plan-leeg.md", &render(&empty_session()));
}

#[test]
fn plan_never_says_verdienen_bsn_or_tegenprestatie() {
    for s in [full_session(), empty_session()] {
        let plan = render(&s).to_lowercase();
        for word in ["verdien", "bsn", "tegenprestatie"] {
            assert!(!plan.contains(word), "plan contains {word:?}");
        }
    }
}

#[test]
fn client_words_survive_byte_exact_inside_quotes() {
    let plan = render(&full_session());
    for line in [
        "> Ik wil ‘iets nuttigs’ doen voor de buurt.",
        "> Ik kook graag Surinaams. 中文 leren lijkt me ook leuk.",
        "> Mijn dochter helpt — ‘soms’ té veel.",
        "> \"Ik wil weer onder de mensen zijn.\" — é ë",
        "> Ik pas twee dagen per week op mijn kleinkind 🙂",
        "> \\# Geen kop",
        "> \\- geen lijst",
        "> \\> geen citaat",
        "> \\<script>alert('x')\\</script>",
    ] {
        assert!(plan.lines().any(|l| l == line), "missing line {line:?}");
    }
    assert!(!plan.contains("PRIVÉ"), "working notes leaked");
    assert!(!plan.contains('\r'));
    // No line of user text starts a heading of its own.
    let headings: Vec<_> = plan.lines().filter(|l| l.starts_with('#')).collect();
    assert!(
        headings.iter().all(|h| !h.contains("Geen kop")),
        "{headings:?}"
    );
}

#[test]
fn context_resolves_labels_and_falls_back_to_ids() {
    let ctx = context(&full_session(), &data());
    assert_eq!(ctx.datum, "23 november 2026");
    assert_eq!(ctx.gesprek, "Testgesprek");
    assert_eq!(ctx.wensen[0].label, "Koken");
    assert_eq!(ctx.wensen[1].label, "verdwenen-wens");
    assert_eq!(
        ctx.belemmeringen[0].aanpak,
        "Zittend werk; na een uur pauze."
    );
    assert_eq!(
        ctx.belemmeringen[1].aanpak,
        "Werk waarbij u Nederlands oefent."
    );
    // The consultant's guidance ("Kies een plek waar de {klant} …") never reaches the plan.
    assert!(
        ctx.belemmeringen
            .iter()
            .all(|b| !b.aanpak.contains("klant"))
    );
    assert_eq!(ctx.actief[0].label, "Mantelzorg");
    assert_eq!(ctx.eerder[0].label, "Taalcursus in de bibliotheek");
    // What the client already does, ticked as a recognition option, shows by its title
    // before any category from an older session.
    let mut s = full_session();
    s.doet_al = vec!["taalcursus".into(), "weg-optie".into()];
    let ctx = context(&s, &data());
    let labels: Vec<&str> = ctx.actief.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Taalcursus in de bibliotheek", "weg-optie", "Mantelzorg"]
    );
    assert_eq!(ctx.gekozen[0].uren, "4 tot 12 uur per week");
    assert_eq!(ctx.gekozen[0].drempels, ["VOG nodig", "reiskosten"]);
    assert!(!ctx.gekozen[1].bekend);
    assert_eq!(ctx.gekozen[1].titel, "oude-optie");
    assert_eq!(ctx.afspraken.len(), 2);
    assert_eq!(
        ctx.uren_toelichting,
        "We beginnen met 4 uur per week en kijken bij de evaluatie of meer past."
    );
    assert_eq!(ctx.notities.situatie.len(), 2);
    assert_eq!(ctx.notities.situatie[0].titel, "Hoe gaat het met u?");
    assert_eq!(ctx.notities.overig[0].stap, "oude-stap");
    assert_eq!(ctx.akkoord, "nee");
    assert_eq!(ctx.volgend_contact.as_deref(), Some("15 december 2026"));
}

#[test]
fn own_hours_explanation_replaces_the_default() {
    let mut s = full_session();
    s.uren_toelichting = "Vier uur, want zij zorgt ook voor haar kleinkind.".into();
    let ctx = context(&s, &data());
    assert_eq!(ctx.uren_toelichting, s.uren_toelichting);
    s.uren_per_week = None;
    s.uren_toelichting.clear();
    assert_eq!(context(&s, &data()).uren_toelichting, "");
}

#[test]
fn session_from_another_script_still_renders() {
    let mut s = full_session();
    s.script = "oud-script".into();
    s.gekozen = vec!["bestaat-niet".into()];
    let plan = render(&s);
    assert!(plan.contains("### bestaat-niet"), "{plan}");
}

#[test]
fn broken_template_gives_a_problem_with_line_and_column() {
    let t = Source::new("eigen.md.j2", "# Plan\n\nHallo {{ klant }\n");
    let p = render_markdown(&empty_session(), &data(), &t).unwrap_err();
    assert_eq!(p.file, "eigen.md.j2");
    assert_eq!(p.line, 3, "{p}");
    assert!(p.col > 1, "{p}");
    assert!(p.msg.contains("klopt niet"), "{p}");
    assert_eq!(validate_template(&t), vec![p]);

    let t = Source::new(
        "eigen.md.j2",
        "a\n{% for x in wensen %}\n{{ x | bestaatniet }}\n{% endfor %}",
    );
    let p = render_markdown(&full_session(), &data(), &t).unwrap_err();
    assert_eq!((p.line, p.col), (3, 8), "{p}");
    assert_eq!(p.msg, "onbekend filter `bestaatniet`");
}

#[test]
fn runaway_template_runs_out_of_fuel() {
    let t = Source::new(
        "lus.md.j2",
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}",
    );
    let p = render_markdown(&empty_session(), &data(), &t).unwrap_err();
    assert!(p.msg.contains("te veel werk"), "{p}");
    let t = Source::new(
        "groot.md.j2",
        "{% for a in range(1000) %}{{ 'x' * 100000 }}{% endfor %}",
    );
    let p = render_markdown(&empty_session(), &data(), &t).unwrap_err();
    assert!(p.msg.contains("te groot"), "{p}");
}

#[test]
fn user_templates_cannot_print_raw_structure() {
    let t = Source::new(
        "eigen.md.j2",
        "{{ notities.situatie[1].tekst }}\n{% include 'andere' %}",
    );
    let p = render_markdown(&full_session(), &data(), &t).unwrap_err();
    assert!(p.msg.contains("invoegen"), "{p}");
    let t = Source::new("eigen.md.j2", "{{ notities.situatie[1].tekst }}");
    let out = render_markdown(&full_session(), &data(), &t).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("\\# Geen kop"), "{out}");
}

#[test]
fn embedded_template_is_valid() {
    assert!(validate_template(&plan_template(None).unwrap()).is_empty());
}

#[test]
fn plan_and_session_are_written_as_a_pair_and_the_session_reopens() {
    use meedoen::store::drafts::load_session;
    use meedoen::store::files::{plan_stem, write_new_set};
    let s = full_session();
    let plan = render(&s);
    let ron = ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let stem = plan_stem(s.datum, &s.klant);
    let files: [(&str, &[u8]); 2] = [("md", plan.as_bytes()), ("sessie.ron", ron.as_bytes())];
    let first = write_new_set(dir.path(), &stem, &files).unwrap();
    let second = write_new_set(dir.path(), &stem, &files).unwrap();
    assert!(first[0].ends_with("2026-11-23-ab.md"), "{first:?}");
    assert!(
        second[1].ends_with("2026-11-23-ab-2.sessie.ron"),
        "{second:?}"
    );
    assert_eq!(std::fs::read_to_string(&first[0]).unwrap(), plan);
    assert_eq!(load_session(&first[1]).unwrap(), s);
}

#[test]
fn a_very_long_gesprek_stays_within_the_fuel_limit() {
    let mut s = full_session();
    for i in 0..500 {
        s.afspraken.push(Afspraak {
            wat: format!("Afspraak {i}"),
            wie: "klant".into(),
            wanneer: "volgende week".into(),
        });
        s.wensen.push(format!("wens-{i}"));
        s.gekozen.push("buurtrestaurant".into());
    }
    let long_note = "Een regel met woorden.\n".repeat(2000);
    s.set_note("welzijn", long_note);
    let plan = render(&s);
    assert!(plan.contains("Afspraak 499"));
}

#[test]
fn a_huge_note_is_blamed_on_the_note_not_on_a_loop() {
    let mut s = full_session();
    s.set_note("welzijn", "Een heel lange notitie. ".repeat(220_000));
    let template = plan_template(None).unwrap();
    let p = render_markdown(&s, &data(), &template).unwrap_err();
    assert!(p.msg.contains("te veel tekst"), "{p}");
    assert!(!p.msg.contains("lus"), "{p}");
}

#[test]
fn built_in_templates_never_mark_text_as_safe() {
    // `safe` switches escaping off; on a client's or consultant's words it would let a
    // note write raw HTML or Markdown into the plan. The README leaves its use in an
    // own template to the template's author; the built-in ones do not use it at all.
    for name in ["plan.md.j2", "plan.html.j2", "plan.txt.j2"] {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/templates/").to_string() + name;
        let text = std::fs::read_to_string(&path).unwrap();
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(!squeezed.contains("|safe"), "{name} uses |safe");
        assert!(
            !squeezed.contains("autoescapefalse"),
            "{name} turns escaping off"
        );
    }
}
