//! Property tests for everything that reads a data file or a draft: whatever a user, an
//! editor or a broken USB stick puts in a file, loading never panics, and a rejected file
//! comes back as problems whose line and column point inside that file.
//!
//! The default number of cases keeps CI fast; `PROPTEST_CASES=100000 cargo test --release
//! --test fuzz_loaders` runs a long pass (see docs/fuzzing.md).

mod common;

use std::fs;

use common::fuzz::config;
use meedoen::core::data::{Data, Source, Sources};
use meedoen::core::gemeente::{self, Gemeente};
use meedoen::core::problem::Problem;
use meedoen::core::session::Session;
use meedoen::store::drafts::load_session;
use meedoen::store::{assets, extras};
use meedoen::tui::keymap::Keymap;
use proptest::prelude::*;

/// Which of the three data files a case replaces.
#[derive(Debug, Clone, Copy)]
enum Which {
    Script,
    Taxonomy,
    Catalogue,
}

fn which() -> impl Strategy<Value = Which> {
    prop_oneof![
        Just(Which::Script),
        Just(Which::Taxonomy),
        Just(Which::Catalogue)
    ]
}

impl Which {
    fn file(self) -> &'static str {
        match self {
            Which::Script => assets::SCRIPT_FILE,
            Which::Taxonomy => assets::TAXONOMY_FILE,
            Which::Catalogue => assets::CATALOGUE_FILE,
        }
    }

    fn embedded(self) -> &'static str {
        match self {
            Which::Script => assets::DEFAULT_SCRIPT,
            Which::Taxonomy => assets::DEFAULT_TAXONOMY,
            Which::Catalogue => assets::DEFAULT_CATALOGUE,
        }
    }
}

/// The embedded sources with one of them replaced by `text`.
fn sources_with(which: Which, text: &str) -> Sources {
    let mut s = assets::embedded();
    let source = Source::new(which.file(), text);
    match which {
        Which::Script => s.script = source,
        Which::Taxonomy => s.taxonomy = source,
        Which::Catalogue => s.catalogue = source,
    }
    s
}

/// Whether a problem's place is inside `text`: line 0 means the whole file; otherwise the
/// line exists and the column is at most one past its last character.
fn inside(p: &Problem, text: &str) -> bool {
    if p.line == 0 {
        return p.col == 0;
    }
    let Some(line) = text.split('\n').nth(p.line - 1) else {
        return false;
    };
    let line = line.strip_suffix('\r').unwrap_or(line);
    p.col >= 1 && p.col <= line.chars().count() + 1
}

/// Parses the sources and checks every problem's place against its own file.
fn check_parse(sources: &Sources) -> Result<(), TestCaseError> {
    if let Err(problems) = Data::parse(sources) {
        prop_assert!(!problems.is_empty());
        for p in &problems {
            let text = [&sources.script, &sources.taxonomy, &sources.catalogue]
                .into_iter()
                .find(|s| s.name == p.file)
                .map(|s| s.text.as_str());
            prop_assert!(text.is_some(), "problem names an unknown file: {p}");
            prop_assert!(inside(p, text.unwrap_or_default()), "outside the file: {p}");
            prop_assert!(!p.msg.trim().is_empty());
        }
    }
    Ok(())
}

/// Writes `bytes` as the user's copy of one data file and loads through the store, the
/// way the app does; checks places against the text as far as it is readable.
fn check_file(which: Which, bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    fs::write(dir.path().join(which.file()), bytes)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    if let Err(problems) = assets::load(Some(dir.path())) {
        prop_assert!(!problems.is_empty());
        let user = String::from_utf8_lossy(bytes);
        let embedded = assets::embedded();
        for p in &problems {
            // A broken file can make another one wrong (an unknown categorie in the
            // catalogue when the taxonomy lost it), so each problem is checked against
            // the file it names.
            let text = if p.file.starts_with("(ingebouwd)") {
                [&embedded.script, &embedded.taxonomy, &embedded.catalogue]
                    .into_iter()
                    .find(|s| s.name == p.file)
                    .map(|s| s.text.as_str())
            } else {
                p.file.ends_with(which.file()).then_some(&*user)
            };
            prop_assert!(text.is_some(), "problem names an unknown file: {p}");
            prop_assert!(inside(p, text.unwrap_or_default()), "outside the file: {p}");
        }
    }
    Ok(())
}

/// Text made of RON's own tokens, field names and values: gets much further into the
/// parser than random characters, which mostly fail at the first byte.
fn ron_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just("{"),
        Just("}"),
        Just(","),
        Just(":"),
        Just("\""),
        Just(" "),
        Just("\n"),
        Just("id"),
        Just("titel"),
        Just("fases"),
        Just("stappen"),
        Just("opties"),
        Just("wensen"),
        Just("Some("),
        Just("None"),
        Just("\"x\""),
        Just("\"é🙂\""),
        Just("255"),
        Just("256"),
        Just("-1"),
        Just("true"),
        Just("//"),
        Just("/*"),
        Just("r#\""),
        Just("\"2026-02-30\""),
        Just("versie: "),
        Just("\"H:\\team\""),
        Just("\\"),
        Just("\u{200e}"),
        Just("\u{feff}"),
        Just("\u{a0}"),
        Just("\u{2028}"),
    ];
    prop::collection::vec(token, 0..200).prop_map(|t| t.concat())
}

/// A change to an embedded file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the file at this fraction of its length (per mille).
    Truncate(u16),
    /// Xor one byte with a mask.
    Flip(u16, u8),
    /// Put bytes at a position.
    Insert(u16, Vec<u8>),
    /// Remove a range.
    Delete(u16, u16),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0u16..=1000;
    prop_oneof![
        at.clone().prop_map(Mutation::Truncate),
        (at.clone(), 1u8..=255).prop_map(|(a, m)| Mutation::Flip(a, m)),
        (
            at.clone(),
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..16),
                ron_soup().prop_map(String::into_bytes),
            ]
        )
            .prop_map(|(a, b)| Mutation::Insert(a, b)),
        (at, 1u16..200).prop_map(|(a, n)| Mutation::Delete(a, n)),
    ]
}

fn apply(bytes: &[u8], m: &Mutation) -> Vec<u8> {
    let pos = |per_mille: u16| bytes.len() * usize::from(per_mille) / 1000;
    let mut out = bytes.to_vec();
    match m {
        Mutation::Truncate(a) => out.truncate(pos(*a)),
        Mutation::Flip(a, mask) => {
            if let Some(b) = out.get_mut(pos(*a).min(bytes.len().saturating_sub(1))) {
                *b ^= mask;
            }
        }
        Mutation::Insert(a, extra) => {
            let at = pos(*a);
            out.splice(at..at, extra.iter().copied());
        }
        Mutation::Delete(a, n) => {
            let from = pos(*a);
            let to = (from + usize::from(*n)).min(out.len());
            out.drain(from..to);
        }
    }
    out
}

/// Every kind of data file, with its embedded text (`toetsen.ron` has none embedded: a
/// small valid one stands in).
const KINDS: [(&str, &str); 7] = [
    (assets::SCRIPT_FILE, assets::DEFAULT_SCRIPT),
    (assets::TAXONOMY_FILE, assets::DEFAULT_TAXONOMY),
    (assets::CATALOGUE_FILE, assets::DEFAULT_CATALOGUE),
    (assets::GEMEENTE_FILE, assets::DEFAULT_GEMEENTE),
    (extras::VERVOLG_FILE, extras::DEFAULT_VERVOLG),
    (extras::OEFENKLANTEN_FILE, extras::DEFAULT_OEFENKLANTEN),
    (
        "toetsen.ron",
        "(toetsen: [(opdracht: Volgende, toetsen: [\"F8\", \"PgDn\"])])",
    ),
];

/// Parses and checks `text` as the file `name`, the way start-up does; returns its
/// problems and warnings.
fn load_kind(name: &str, text: &str) -> Vec<Problem> {
    let src = Source::new(name, text);
    let data = assets::load(None).expect("embedded data is valid");
    let mut warnings = Vec::new();
    let mut problems = match name {
        n if n == assets::SCRIPT_FILE
            || n == assets::TAXONOMY_FILE
            || n == assets::CATALOGUE_FILE =>
        {
            let which = [Which::Script, Which::Taxonomy, Which::Catalogue]
                .into_iter()
                .find(|w| w.file() == n)
                .expect("a bundle file");
            match Data::parse(&sources_with(which, text)) {
                Ok(d) => d.warnings,
                Err(p) => p,
            }
        }
        n if n == assets::GEMEENTE_FILE => match Gemeente::parse(&src) {
            Ok(g) => {
                let mut p = gemeente::validate(&g.value, &data.taxonomy, &src);
                p.extend(g.warnings);
                p
            }
            Err(p) => vec![p],
        },
        n if n == extras::VERVOLG_FILE => extras::parse_vervolg(&src, &data, &mut warnings)
            .err()
            .unwrap_or_default(),
        n if n == extras::OEFENKLANTEN_FILE => {
            extras::parse_oefenklanten(&src, &data, &mut warnings)
                .err()
                .unwrap_or_default()
        }
        _ => match Keymap::from_source(&src) {
            Ok(k) => k.warnings,
            Err(p) => p,
        },
    };
    problems.extend(warnings);
    // Only this file's problems: a bundle file's problems may name the embedded others.
    problems.retain(|p| p.file == src.name);
    problems
}

/// Characters that look like nothing or like a space, and end up in files copied from
/// web pages, Word or a PDF.
fn invisible() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('\u{feff}'),
        Just('\u{200b}'),
        Just('\u{200e}'),
        Just('\u{200f}'),
        Just('\u{a0}'),
        Just('\u{2028}'),
        Just('\u{3000}'),
        Just('\t'),
        Just('\r'),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn invisible_characters_anywhere_in_any_file_never_panic_and_point_inside(
        kind in 0..KINDS.len(),
        at in 0u16..=1000,
        c in invisible(),
        n in 1usize..4,
    ) {
        let (name, text) = KINDS[kind];
        let mut cut = text.len() * usize::from(at) / 1000;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = format!("{}{}{}", &text[..cut], c.to_string().repeat(n), &text[cut..]);
        let stripped = text.strip_prefix('\u{feff}').unwrap_or(&text);
        for p in load_kind(name, &text) {
            prop_assert!(inside(&p, stripped), "outside the file: {p}");
            prop_assert!(!p.msg.trim().is_empty());
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_problems_point_inside(w in which(), text in any::<String>()) {
        check_parse(&sources_with(w, &text))?;
    }

    #[test]
    fn ron_like_text_never_panics_and_problems_point_inside(w in which(), text in ron_soup()) {
        check_parse(&sources_with(w, &text))?;
    }

    #[test]
    fn arbitrary_bytes_in_a_user_file_never_panic(
        w in which(),
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_file(w, &bytes)?;
    }

    #[test]
    fn mutated_embedded_files_never_panic_and_problems_point_inside(
        w in which(),
        ms in prop::collection::vec(mutation(), 1..4),
    ) {
        let bytes = ms.iter().fold(w.embedded().as_bytes().to_vec(), |b, m| apply(&b, m));
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_parse(&sources_with(w, text))?;
        }
        check_file(w, &bytes)?;
    }

    #[test]
    fn arbitrary_and_mutated_drafts_never_panic(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            prop::collection::vec(mutation(), 1..4).prop_map(|ms| {
                let s = Session::default();
                let text = ron::ser::to_string(&s).unwrap_or_default();
                ms.iter().fold(text.into_bytes(), |b, m| apply(&b, m))
            }),
        ],
    ) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("concept.ron");
        fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Err(p) = load_session(&path) {
            prop_assert!(inside(&p, &String::from_utf8_lossy(&bytes)), "outside the file: {p}");
        }
    }
}

#[test]
fn deep_nesting_is_a_problem_not_a_stack_overflow() {
    for open in ["(", "[", "{", "Some("] {
        let text = open.repeat(100_000);
        for w in [Which::Script, Which::Taxonomy, Which::Catalogue] {
            let problems = Data::parse(&sources_with(w, &text)).unwrap_err();
            assert!(problems.iter().all(|p| inside(p, &text)), "{problems:?}");
        }
    }
}

#[test]
fn every_truncation_of_the_embedded_files_is_reported_inside_the_file() {
    // Exhaustive rather than sampled: the files are small and a cut anywhere is the most
    // common real damage (a copy interrupted, a disk full).
    for w in [Which::Script, Which::Taxonomy, Which::Catalogue] {
        let text = w.embedded();
        let step = (text.len() / 400).max(1);
        for cut in (0..text.len()).step_by(step) {
            if !text.is_char_boundary(cut) {
                continue;
            }
            if let Err(problems) = Data::parse(&sources_with(w, &text[..cut])) {
                for p in &problems {
                    assert!(inside(p, &text[..cut]), "cut at {cut}: {p}");
                }
            }
        }
    }
}

#[test]
fn every_file_with_a_byte_order_mark_loads_as_without_one() {
    for (name, text) in KINDS {
        let with = load_kind(name, &format!("\u{feff}{text}"));
        assert_eq!(with, load_kind(name, text), "{name}");
        assert!(with.iter().all(|p| p.is_warning()), "{name}: {with:?}");
    }
}

#[test]
fn empty_lists_and_whitespace_only_files_never_panic() {
    let cases = [
        "",
        "   \n\t ",
        "\u{feff}",
        "\u{200e}",
        "\u{3000}\u{a0}",
        "()",
        "(opties: [])",
        "(wensen: [], krachten: [], belemmeringen: [], categorieen: [])",
        "(id: \"s\", titel: \"S\", fases: [])",
        "(id: \"s\", titel: \"S\", fases: [(id: \"f\", titel: \"F\", stappen: [])])",
        "(klanten: [])",
        "(toetsen: [])",
        "(versie: 1)",
    ];
    for (name, _) in KINDS {
        for text in cases {
            for p in load_kind(name, text) {
                let stripped = text.strip_prefix('\u{feff}').unwrap_or(text);
                assert!(inside(&p, stripped), "{name} {text:?}: {p}");
            }
        }
    }
}

#[test]
fn a_newer_versie_is_refused_with_a_clear_message_in_every_file() {
    // After the opening `(` of the file's value, not one in a comment above it.
    let with_versie = |text: &str, n: u32| match text.find("\n(") {
        Some(i) => format!("{}\n(\n    versie: {n},{}", &text[..i], &text[i + 2..]),
        None => text.replacen('(', &format!("(versie: {n}, "), 1),
    };
    for (name, text) in KINDS {
        let newer = with_versie(text, 99);
        let problems = load_kind(name, &newer);
        assert!(
            problems
                .iter()
                .any(|p| !p.is_warning() && p.msg.contains("nieuwere versie van meedoen")),
            "{name}: {problems:?}"
        );
        let current = with_versie(text, 1);
        assert!(
            load_kind(name, &current).iter().all(Problem::is_warning),
            "{name}"
        );
    }
}
