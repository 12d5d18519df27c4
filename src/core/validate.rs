//! Cross-reference checks over parsed data files: unknown ids, duplicates, impossible
//! ranges, missing texts. Each problem is placed in the source text so the user can go
//! straight to it.

use std::collections::HashSet;

use super::catalogue::Catalogue;
use super::data::Source;
use super::problem::Problem;
use super::script::Script;
use super::taxonomy::{TagKind, Taxonomy};

/// Byte offset of the block that defines `id` (its `id: "…"` line), to place later
/// problems inside the right entry.
fn entry_offset(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    let mut from = 0;
    while let Some(i) = text[from..].find(&needle) {
        let at = from + i;
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..at].trim_end().ends_with("id:") {
            return line_start;
        }
        from = at + needle.len();
    }
    0
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>, what: &str, src: &Source) -> Vec<Problem> {
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for id in ids {
        if !seen.insert(id) {
            // Point at the second definition: that is the one to rename or remove.
            let first = entry_offset(&src.text, id);
            let second = entry_offset(&src.text[first + 1..], id) + first + 1;
            problems.push(Problem::at(
                &src.name,
                &src.text,
                second,
                &format!("\"{id}\""),
                format!("{what} `{id}` komt twee keer voor; ids moeten uniek zijn"),
            ));
        }
    }
    problems
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Checks the taxonomy on its own.
pub fn taxonomy(tax: &Taxonomy, src: &Source) -> Vec<Problem> {
    let mut problems = Vec::new();
    let lists = [
        ("wens", &tax.wensen),
        ("kracht", &tax.krachten),
        ("belemmering", &tax.belemmeringen),
        ("categorie", &tax.categorieen),
    ];
    for (what, list) in lists {
        problems.extend(duplicates(list.iter().map(|e| e.id.as_str()), what, src));
        for e in list.iter() {
            let at = entry_offset(&src.text, &e.id);
            if !valid_id(&e.id) {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    at,
                    "id",
                    format!(
                        "id `{}` mag alleen kleine letters, cijfers en `-` bevatten",
                        e.id
                    ),
                ));
            }
            if e.label.trim().is_empty() {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    at,
                    "label",
                    format!("{what} `{}` heeft geen label", e.id),
                ));
            }
        }
    }
    problems
}

/// Checks the catalogue against the taxonomy.
pub fn catalogue(cat: &Catalogue, tax: &Taxonomy, src: &Source) -> Vec<Problem> {
    let mut problems = duplicates(cat.opties.iter().map(|o| o.id.as_str()), "optie", src);
    for o in &cat.opties {
        let at = entry_offset(&src.text, &o.id);
        let mut push = |needle: &str, msg: String| {
            problems.push(Problem::at(&src.name, &src.text, at, needle, msg));
        };
        if !valid_id(&o.id) {
            push(
                "id",
                format!(
                    "id `{}` mag alleen kleine letters, cijfers en `-` bevatten",
                    o.id
                ),
            );
        }
        if o.titel.trim().is_empty() {
            push("titel", format!("optie `{}` heeft geen titel", o.id));
        }
        if o.uren_min > o.uren_max {
            push(
                "uren_min",
                format!(
                    "optie `{}`: uren_min ({}) is groter dan uren_max ({})",
                    o.id, o.uren_min, o.uren_max
                ),
            );
        }
        if tax.categorie(&o.categorie).is_none() {
            push(
                &format!("\"{}\"", o.categorie),
                format!("optie `{}`: onbekende categorie `{}`", o.id, o.categorie),
            );
        }
        for w in &o.wensen {
            if tax.find(TagKind::Wens, w).is_none() {
                push(
                    &format!("\"{w}\""),
                    format!("optie `{}`: onbekende wens `{w}`", o.id),
                );
            }
        }
        let bel = o
            .werkt_aan
            .iter()
            .chain(o.ongeschikt_bij.iter().map(|b| &b.belemmering))
            .chain(o.let_op_bij.iter().map(|b| &b.belemmering));
        for b in bel {
            if tax.find(TagKind::Belemmering, b).is_none() {
                push(
                    &format!("\"{b}\""),
                    format!("optie `{}`: onbekende belemmering `{b}`", o.id),
                );
            }
        }
    }
    problems
}

/// Checks a script against the taxonomy.
pub fn script(script: &Script, tax: &Taxonomy, src: &Source) -> Vec<Problem> {
    let mut problems = duplicates(script.steps().map(|s| s.stap.id.as_str()), "stap", src);
    if script.steps().next().is_none() {
        problems.push(Problem::new(
            &src.name,
            1,
            1,
            "het script heeft geen stappen",
        ));
    }
    for s in script.steps() {
        let stap = s.stap;
        let at = entry_offset(&src.text, &stap.id);
        if stap.titel.trim().is_empty() {
            problems.push(Problem::at(
                &src.name,
                &src.text,
                at,
                "titel",
                format!("stap `{}` heeft geen titel", stap.id),
            ));
        }
        if stap.doel.trim().is_empty() {
            problems.push(Problem::at(
                &src.name,
                &src.text,
                at,
                "doel",
                format!("stap `{}` heeft geen doel", stap.id),
            ));
        }
        if stap.technieken.is_empty() {
            problems.push(Problem::at(
                &src.name,
                &src.text,
                at,
                "technieken",
                format!("stap `{}` noemt geen NORBS-techniek", stap.id),
            ));
        }
        let mut tags = Vec::new();
        if let Some(c) = &stap.toon_als {
            c.tags(&mut tags);
        }
        for (kind, id) in tags {
            if tax.find(kind, &id).is_none() {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    at,
                    &format!("\"{id}\""),
                    format!("stap `{}`: onbekende {} `{id}`", stap.id, kind.singular()),
                ));
            }
        }
    }
    problems
}
