//! Checks on the embedded default content (taxonomy, catalogue, script) beyond what the
//! loader validates: required ids, coverage, limits that keep a step readable on an 80×24
//! terminal, and that every source citation points at a real line of the research texts.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use meedoen::core::catalogue::{Drempel, Optie};
use meedoen::core::data::Data;
use meedoen::core::script::{Conditie, Lijst, PlanSectie, StapSoort};
use meedoen::core::taxonomy::{Entry, TagKind};

fn data() -> Data {
    meedoen::store::assets::load(None).unwrap_or_else(|problems| {
        panic!(
            "embedded data does not load:\n{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

fn ids(list: &[Entry]) -> BTreeSet<&str> {
    list.iter().map(|e| e.id.as_str()).collect()
}

fn assert_has(what: &str, have: &BTreeSet<&str>, required: &[&str]) {
    let missing: Vec<_> = required.iter().filter(|id| !have.contains(*id)).collect();
    assert!(missing.is_empty(), "{what}: missing ids {missing:?}");
}

#[test]
fn embedded_data_loads() {
    let d = data();
    assert_eq!(d.script.id, "intake");
    assert!(d.script.steps().count() >= 12);
    assert!(!d.catalogue.opties.is_empty());
}

#[test]
fn required_taxonomy_ids_exist() {
    let d = data();
    let t = &d.taxonomy;
    assert_has(
        "belemmeringen",
        &ids(&t.belemmeringen),
        &[
            "taal",
            "schulden",
            "fysiek",
            "psychisch",
            "verslaving",
            "mantelzorg",
            "kinderzorg",
            "isolement",
            "reizen",
            "lvb",
            "crisis",
            "wisselende-gezondheid",
            "wantrouwen",
            "projectmoeheid",
            "kosten",
        ],
    );
    assert_has(
        "wensen",
        &ids(&t.wensen),
        &[
            "mensen-helpen",
            "ouderen",
            "kinderen",
            "buiten",
            "koken",
            "techniek",
            "administratie",
            "sport",
            "dieren",
            "creatief",
            "structuur",
            "leren",
            "nederlands-oefenen",
            "betaald-werk",
            "contact",
            "dicht-bij-huis",
        ],
    );
    assert_has(
        "categorieen",
        &ids(&t.categorieen),
        &[
            "vrijwilligerswerk",
            "mantelzorg",
            "taal",
            "bewegen",
            "eigen-belemmeringen",
            "cursus",
            "ontmoeting",
            "werkervaring",
            "ondernemen",
            "ontheffing",
        ],
    );
    assert!(
        (12..=16).contains(&t.krachten.len()),
        "expected 12–16 krachten, found {}",
        t.krachten.len()
    );
}

#[test]
fn taxonomy_entries_are_complete() {
    let d = data();
    let t = &d.taxonomy;
    for kind in TagKind::ALL {
        for e in t.list(kind) {
            assert!(
                !e.omschrijving.trim().is_empty(),
                "{}: no omschrijving",
                e.id
            );
            assert!(!e.groep.trim().is_empty(), "{}: no groep", e.id);
            assert!(!e.synoniemen.is_empty(), "{}: no synoniemen", e.id);
            assert!(!e.bron.is_empty(), "{}: no bron", e.id);
        }
    }
    for e in &t.belemmeringen {
        assert!(
            !e.aanpak.trim().is_empty(),
            "belemmering {}: no aanpak",
            e.id
        );
    }
    for e in &t.categorieen {
        assert!(!e.bron.is_empty(), "categorie {}: no bron", e.id);
    }
}

#[test]
fn nothing_depends_on_gender() {
    // Matching on gender reinforces role patterns (research §6): no tag may be about it.
    let d = data();
    let banned = ["man", "vrouw", "mannen", "vrouwen", "moeder", "vader"];
    for kind in TagKind::ALL {
        for e in d.taxonomy.list(kind) {
            for word in e.id.split('-') {
                assert!(!banned.contains(&word), "{}: id refers to gender", e.id);
            }
            for s in &e.synoniemen {
                let s = s.to_lowercase();
                assert!(
                    !banned.contains(&s.as_str()),
                    "{}: synonym {s:?} refers to gender",
                    e.id
                );
            }
        }
    }
}

#[test]
fn catalogue_is_large_and_covers_every_category() {
    let d = data();
    let opties = &d.catalogue.opties;
    assert!(opties.len() >= 80, "only {} options", opties.len());
    for cat in &d.taxonomy.categorieen {
        let n = opties.iter().filter(|o| o.categorie == cat.id).count();
        assert!(n >= 1, "category {} has no option", cat.id);
    }
}

#[test]
fn every_option_is_complete_and_within_limits() {
    let d = data();
    for o in &d.catalogue.opties {
        assert!(
            !o.omschrijving.trim().is_empty(),
            "{}: no omschrijving",
            o.id
        );
        assert!(!o.bron.is_empty(), "{}: no bron", o.id);
        assert!(
            (1..=4).contains(&o.taken.len()),
            "{}: expected 1–4 taken, found {}",
            o.id,
            o.taken.len()
        );
        assert!(
            o.taken.iter().all(|t| !t.trim().is_empty()),
            "{}: empty taak",
            o.id
        );
        assert!(
            o.uren_min <= o.uren_max && o.uren_max <= 20,
            "{}: hours {}–{} (norm is at most 20)",
            o.id,
            o.uren_min,
            o.uren_max
        );
        assert!(!o.duur.trim().is_empty(), "{}: no duur", o.id);
        assert!((1..=6).contains(&o.trede), "{}: trede {}", o.id, o.trede);
        if let (Some(min), Some(max)) = (o.leeftijd_min, o.leeftijd_max) {
            assert!(min <= max, "{}: leeftijd {min}–{max}", o.id);
        }
        assert!(o.laatst_gecontroleerd.is_some(), "{}: never checked", o.id);
        assert!(
            !o.verdringing.reden.trim().is_empty(),
            "{}: verdringing without reason",
            o.id
        );
        for b in o.ongeschikt_bij.iter().chain(&o.let_op_bij) {
            assert!(
                !b.reden.trim().is_empty(),
                "{}: {} without reason",
                o.id,
                b.belemmering
            );
        }
    }
}

#[test]
fn no_option_is_unsuitable_for_what_it_works_on() {
    let d = data();
    for o in &d.catalogue.opties {
        for b in &o.ongeschikt_bij {
            assert!(
                !o.werkt_aan.contains(&b.belemmering),
                "{}: works on {} but is also unsuitable for it",
                o.id,
                b.belemmering
            );
        }
    }
}

#[test]
fn ontheffing_routes_and_formalising_options_exist() {
    let d = data();
    for id in [
        "ontheffing-zorgtaken",
        "ontheffing-medisch",
        "eerst-hulp-crisis",
        "vrijwilligerswerk-formaliseren",
        "mantelzorg-erkennen",
    ] {
        assert!(d.catalogue.find(id).is_some(), "missing option {id}");
    }
    let crisis = d.catalogue.find("eerst-hulp-crisis").unwrap();
    assert!(crisis.werkt_aan.iter().any(|b| b == "crisis"));
    assert_eq!(crisis.categorie, "ontheffing");
}

#[test]
fn recognising_options_are_marked_and_say_so() {
    // Options that recognise what the client already does are marked with
    // `erkent_bestaand`: one for each concrete thing the consultant can tick under
    // "Doet al" (care for a parent, (grand)children, a neighbour, vrijwilligerswerk, a
    // course in progress). The matching suggests them only when ticked, and first.
    let d = data();
    let marked: BTreeSet<&str> = d
        .catalogue
        .opties
        .iter()
        .filter(|o| o.erkent_bestaand)
        .map(|o| o.id.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "vrijwilligerswerk-formaliseren",
        "mantelzorg-erkennen",
        "kinderzorg-erkennen",
        "burenhulp-vastleggen",
        "lopende-opleiding-vastleggen",
    ]
    .into();
    assert_eq!(marked, expected);
}

/// Options that fit a set of belemmeringen: not unsuitable for any of them.
fn fitting<'a>(opties: &'a [Optie], bel: &[&str]) -> Vec<&'a Optie> {
    opties
        .iter()
        .filter(|o| {
            !o.ongeschikt_bij
                .iter()
                .any(|b| bel.contains(&b.belemmering.as_str()))
        })
        .collect()
}

#[test]
fn hard_cases_have_fitting_options() {
    let d = data();
    let opties = &d.catalogue.opties;
    let works_on = |o: &Optie, b: &str| o.werkt_aan.iter().any(|w| w == b);
    let serves = |o: &Optie, w: &str| o.wensen.iter().any(|x| x == w);

    // Physical complaints and isolation: something that works on isolation.
    let fit = fitting(opties, &["fysiek", "isolement"]);
    assert!(fit.iter().any(|o| works_on(o, "isolement") && o.trede >= 3));

    // Little Dutch and young children: something that works on taal.
    let fit = fitting(opties, &["taal", "kinderzorg"]);
    assert!(
        fit.iter()
            .any(|o| works_on(o, "taal") && !o.drempels.contains(&Drempel::Kinderopvang))
    );

    // Psychological complaints with good and bad days.
    let fit = fitting(opties, &["psychisch", "wisselende-gezondheid"]);
    assert!(fit.iter().any(|o| works_on(o, "psychisch")));

    // Light intellectual disability: intensive guidance.
    let fit = fitting(opties, &["lvb"]);
    assert!(
        fit.iter().any(|o| works_on(o, "lvb")
            && o.begeleiding == meedoen::core::catalogue::Begeleiding::Intensief)
    );

    // Travel is hard: something close to home without travel costs.
    let fit = fitting(opties, &["reizen"]);
    assert!(
        fit.iter()
            .any(|o| serves(o, "dicht-bij-huis") && !o.drempels.contains(&Drempel::Reiskosten))
    );

    // A wish for paid work: werkervaring and ondernemen options.
    for cat in ["werkervaring", "ondernemen"] {
        assert!(
            opties
                .iter()
                .any(|o| o.categorie == cat && serves(o, "betaald-werk")),
            "no {cat} option for betaald-werk"
        );
    }
}

#[test]
fn every_wish_is_served_and_core_obstacles_are_worked_on() {
    let d = data();
    let opties = &d.catalogue.opties;
    for w in &d.taxonomy.wensen {
        assert!(
            opties.iter().any(|o| o.wensen.contains(&w.id)),
            "no option serves wens {}",
            w.id
        );
    }
    for b in [
        "taal",
        "schulden",
        "fysiek",
        "psychisch",
        "verslaving",
        "mantelzorg",
        "kinderzorg",
        "isolement",
        "lvb",
        "crisis",
        "zelfbeeld",
        "wantrouwen",
    ] {
        assert!(
            opties.iter().any(|o| o.werkt_aan.iter().any(|x| x == b)),
            "no option works on {b}"
        );
    }
}

#[test]
fn work_with_children_or_vulnerable_people_needs_a_vog() {
    let d = data();
    for o in &d.catalogue.opties {
        if o.categorie == "vrijwilligerswerk" && o.wensen.iter().any(|w| w == "kinderen") {
            assert!(
                o.drempels.contains(&Drempel::Vog),
                "{}: works with children but no VOG",
                o.id
            );
        }
    }
}

#[test]
fn risky_sectors_carry_verdringing_risk() {
    use meedoen::core::catalogue::Niveau;
    let d = data();
    for id in [
        "boodschappendienst",
        "wijkbus-chauffeur",
        "kinderwerk-buurtwerk",
        "speeltuin-helpen",
    ] {
        let o = d
            .catalogue
            .find(id)
            .unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(o.verdringing.risico, Niveau::Hoog, "{id}");
    }
}

#[test]
fn no_stigmatising_options() {
    let d = data();
    for o in &d.catalogue.opties {
        let text = format!("{} {} {}", o.id, o.titel, o.omschrijving).to_lowercase();
        for word in ["papierprik", "papier prikken", "hesje"] {
            assert!(!text.contains(word), "{}: mentions {word}", o.id);
        }
    }
}

const MAX_TITEL: usize = 40;
const MAX_DOEL: usize = 110;
const MAX_ZIN: usize = 110;
const MAX_VALKUIL: usize = 100;

fn len(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn script_steps_fit_the_screen() {
    let d = data();
    let n = d.script.steps().count();
    assert!((12..=16).contains(&n), "{n} steps");
    for s in d.script.steps() {
        let st = s.stap;
        assert!(len(&st.titel) <= MAX_TITEL, "{}: titel too long", st.id);
        assert!(len(&st.doel) <= MAX_DOEL, "{}: doel too long", st.id);
        assert!(
            (1..=3).contains(&st.technieken.len()),
            "{}: {} technieken",
            st.id,
            st.technieken.len()
        );
        assert!(
            (2..=4).contains(&st.voorbeeldzinnen.len()),
            "{}: {} voorbeeldzinnen",
            st.id,
            st.voorbeeldzinnen.len()
        );
        assert!(
            (1..=2).contains(&st.valkuilen.len()),
            "{}: {} valkuilen",
            st.id,
            st.valkuilen.len()
        );
        for z in &st.voorbeeldzinnen {
            assert!(len(z) <= MAX_ZIN, "{}: voorbeeldzin too long: {z}", st.id);
        }
        for v in &st.valkuilen {
            assert!(len(v) <= MAX_VALKUIL, "{}: valkuil too long: {v}", st.id);
        }
        assert!(!st.bron.is_empty(), "{}: no bron", st.id);
    }
}

#[test]
fn voorbeeldzinnen_are_respectful() {
    let d = data();
    for s in d.script.steps() {
        for z in &s.stap.voorbeeldzinnen {
            let lower = z.to_lowercase();
            assert!(!lower.contains("verdien"), "{}: {z}", s.stap.id);
            assert!(!lower.contains("tegenprestatie"), "{}: {z}", s.stap.id);
            // Formal address: no informal "je"/"jij"/"jouw" towards the client.
            for word in lower.split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    !["je", "jij", "jou", "jouw"].contains(&word),
                    "{}: informal address in {z}",
                    s.stap.id
                );
            }
        }
    }
}

#[test]
fn conditional_steps_have_the_right_condition() {
    let d = data();
    let crisis = d.script.step("crisis").expect("crisis step").stap;
    assert_eq!(
        crisis.toon_als,
        Some(Conditie::Belemmering("crisis".to_string()))
    );
    let zorg = d.script.step("zorgtaken").expect("zorgtaken step").stap;
    assert_eq!(
        zorg.toon_als,
        Some(Conditie::EenVan(vec![
            Conditie::Belemmering("mantelzorg".to_string()),
            Conditie::Belemmering("kinderzorg".to_string()),
        ]))
    );
    // Without tags, the conditional steps are left out of the sequence.
    let visible = d.script.visible_steps(&BTreeSet::new());
    assert!(!visible.contains(&"crisis"));
    assert!(!visible.contains(&"zorgtaken"));
    let tags: BTreeSet<_> = [(TagKind::Belemmering, "kinderzorg".to_string())].into();
    assert!(d.script.visible_steps(&tags).contains(&"zorgtaken"));
}

#[test]
fn script_fills_every_plan_section() {
    let d = data();
    let sections: BTreeSet<PlanSectie> = d.script.steps().map(|s| s.stap.plan_sectie).collect();
    for sectie in [
        PlanSectie::Situatie,
        PlanSectie::AlActief,
        PlanSectie::Eerder,
        PlanSectie::Wensen,
        PlanSectie::Belemmeringen,
        PlanSectie::EigenWoorden,
        PlanSectie::Keuze,
        PlanSectie::Samenvatting,
    ] {
        assert!(sections.contains(&sectie), "no step writes to {sectie:?}");
    }
    let pickers: BTreeSet<Lijst> = d
        .script
        .steps()
        .flat_map(|s| s.stap.kiezen.iter().copied())
        .collect();
    for l in [
        Lijst::Wensen,
        Lijst::Krachten,
        Lijst::Belemmeringen,
        Lijst::AlActief,
        Lijst::Eerder,
    ] {
        assert!(pickers.contains(&l), "no step offers {l:?}");
    }
    let soorten: Vec<StapSoort> = d.script.steps().map(|s| s.stap.soort).collect();
    assert!(soorten.contains(&StapSoort::Suggesties));
    assert!(soorten.contains(&StapSoort::Afspraken));
}

// --- Citations -----------------------------------------------------------------------

/// A parsed citation: seed prefix ("003") and line range.
#[derive(Debug)]
struct Bron {
    seed: String,
    from: usize,
    to: usize,
}

/// Parses `"003:L586"` or `"003:L586–594"` (en dash or hyphen), by hand.
fn parse_bron(s: &str) -> Option<Bron> {
    let (seed, rest) = s.split_once(':')?;
    let ok_seed =
        seed.len() == 3 && seed.starts_with("00") && matches!(seed.as_bytes()[2], b'0'..=b'4');
    if !ok_seed {
        return None;
    }
    let rest = rest.strip_prefix('L')?;
    let (a, b) = match rest.split_once(['–', '-']) {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || b.is_some_and(|b| !digits(b)) {
        return None;
    }
    let from: usize = a.parse().ok()?;
    let to: usize = b.map_or(Some(from), |b| b.parse().ok())?;
    (from >= 1 && to >= from).then(|| Bron {
        seed: seed.to_string(),
        from,
        to,
    })
}

#[test]
fn bron_parser_accepts_and_rejects() {
    assert!(parse_bron("003:L586").is_some());
    let r = parse_bron("000:L1178–1254").unwrap();
    assert_eq!((r.from, r.to), (1178, 1254));
    assert!(parse_bron("001:L10-12").is_some());
    for bad in [
        "", "003", "003:586", "005:L1", "03:L1", "003:L", "003:Lx", "003:L0", "003:L9-3", "x:L1",
    ] {
        assert!(parse_bron(bad).is_none(), "{bad:?} should be rejected");
    }
}

/// Every citation in the data, with where it comes from.
fn all_citations(d: &Data) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for kind in TagKind::ALL {
        for e in d.taxonomy.list(kind) {
            out.extend(
                e.bron
                    .iter()
                    .map(|b| (format!("taxonomie {}", e.id), b.clone())),
            );
        }
    }
    for e in &d.taxonomy.categorieen {
        out.extend(
            e.bron
                .iter()
                .map(|b| (format!("categorie {}", e.id), b.clone())),
        );
    }
    for o in &d.catalogue.opties {
        out.extend(
            o.bron
                .iter()
                .map(|b| (format!("optie {}", o.id), b.clone())),
        );
    }
    for s in d.script.steps() {
        out.extend(
            s.stap
                .bron
                .iter()
                .map(|b| (format!("stap {}", s.stap.id), b.clone())),
        );
    }
    out
}

#[test]
fn every_citation_is_well_formed() {
    let d = data();
    let cites = all_citations(&d);
    assert!(
        cites.len() > 300,
        "suspiciously few citations: {}",
        cites.len()
    );
    for (wie, b) in &cites {
        assert!(parse_bron(b).is_some(), "{wie}: malformed bron {b:?}");
    }
}

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

#[test]
fn every_citation_points_at_a_real_line() {
    let dir = seeds_dir();
    if !dir.is_dir() {
        println!(
            "note: {} not found; skipping the check that cited lines exist",
            dir.display()
        );
        return;
    }
    // Line counts per seed prefix ("000" … "004").
    let mut lines: HashMap<String, Vec<String>> = HashMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some((prefix, _)) = name.split_once('_') {
            let text = std::fs::read_to_string(&path).unwrap();
            lines.insert(
                prefix.to_string(),
                text.lines().map(str::to_string).collect(),
            );
        }
    }
    let d = data();
    for (wie, b) in all_citations(&d) {
        let bron = parse_bron(&b).unwrap();
        let seed = lines
            .get(&bron.seed)
            .unwrap_or_else(|| panic!("{wie}: no seed file for {b}"));
        assert!(
            bron.to <= seed.len(),
            "{wie}: {b} is past the end of seed {} ({} lines)",
            bron.seed,
            seed.len()
        );
        assert!(
            !seed[bron.from - 1].trim().is_empty(),
            "{wie}: {b} points at an empty line"
        );
    }
}
