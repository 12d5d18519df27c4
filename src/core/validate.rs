//! Cross-reference checks over parsed data files: unknown ids, duplicates, impossible
//! ranges, missing texts. Each problem is placed in the source text so the user can go
//! straight to it.

use std::collections::HashSet;

use super::catalogue::Catalogue;
use super::data::Source;
use super::problem::{Problem, bedoelt_u};
use super::script::{Script, StapSoort};
use super::taxonomy::{TagKind, Taxonomy};

/// Byte offset of the block that defines `id` (its `id: "…"` line), to place later
/// problems inside the right entry.
fn entry_offset(text: &str, id: &str) -> usize {
    entry_offset_from(text, 0, id)
}

/// Like [`entry_offset`], searching from byte `start`: the same id may appear in two
/// taxonomy lists (`mantelzorg` is a belemmering and a category).
fn entry_offset_from(text: &str, start: usize, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    let mut from = ceil_char_boundary(text, start);
    while let Some(i) = text[from..].find(&needle) {
        let at = from + i;
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..at].trim_end().ends_with("id:") {
            return line_start;
        }
        from = at + needle.len();
    }
    start.min(text.len())
}

/// The first character boundary at or after `i` (clamped to the text): offsets computed
/// as "one past" a place may land inside a character such as U+200E.
fn ceil_char_boundary(text: &str, i: usize) -> usize {
    (i.min(text.len())..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

/// Where an entry starts in the source, found only when a problem needs it: finding it
/// scans the text, and a valid file (the usual case, at every start-up) needs no places
/// at all. Scanning eagerly for every entry took milliseconds on the default catalogue.
struct Place<'a> {
    text: &'a str,
    start: usize,
    id: &'a str,
    at: std::cell::OnceCell<usize>,
}

impl<'a> Place<'a> {
    fn new(text: &'a str, start: usize, id: &'a str) -> Place<'a> {
        Place {
            text,
            start,
            id,
            at: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> usize {
        *self
            .at
            .get_or_init(|| entry_offset_from(self.text, self.start, self.id))
    }
}

/// Byte offset of the first `needle` at or after `from`, or `from` when absent; chained
/// to walk into a field (`ongeschikt_bij`, then the id inside it).
fn offset_of(text: &str, from: usize, needle: &str) -> usize {
    let from = from.min(text.len());
    text.get(from..)
        .and_then(|rest| rest.find(needle))
        .map_or(from, |i| from + i)
}

/// Sources are cited as `NNN:L…` (document number, line): `"003:L586"`, `"001:L1164–1171"`.
fn valid_bron(b: &str) -> bool {
    let b = b.as_bytes();
    b.len() >= 6
        && b[..3].iter().all(u8::is_ascii_digit)
        && b[3] == b':'
        && b[4] == b'L'
        && b[5].is_ascii_digit()
}

/// The embedded data cites the research (`NNN:L…`), and the tests hold it to that; in a
/// gemeente's own file `bron` is free text ("beleidsregels 2025", a web page).
fn bron_problems(bron: &[String], what: &str, src: &Source, at: &Place) -> Vec<Problem> {
    if !src.is_embedded() {
        return Vec::new();
    }
    bron.iter()
        .filter(|b| !valid_bron(b))
        .map(|b| {
            Problem::at(
                &src.name,
                &src.text,
                offset_of(&src.text, at.get(), "bron"),
                &format!("\"{b}\""),
                format!(
                    "{what}: bron `{b}` heeft niet de vorm `NNN:L…` (bijvoorbeeld \"003:L586\")"
                ),
            )
        })
        .collect()
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>, what: &str, src: &Source) -> Vec<Problem> {
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for id in ids {
        if !seen.insert(id) {
            // Point at the second definition: that is the one to rename or remove.
            let first = entry_offset(&src.text, id);
            // Search on past the first definition's id, not from "one byte further": a
            // line may start with a multi-byte invisible character (U+200E from a copied
            // web page), and the first line's own id must not be found again.
            let needle = format!("\"{id}\"");
            let past = offset_of(&src.text, first, &needle) + needle.len();
            let second = entry_offset_from(&src.text, past, id);
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

/// The ids of one taxonomy list, for "bedoelt u …?".
pub fn ids(tax: &Taxonomy, kind: TagKind) -> impl Iterator<Item = &str> {
    tax.list(kind).iter().map(|e| e.id.as_str())
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
        ("wens", "wensen", &tax.wensen),
        ("kracht", "krachten", &tax.krachten),
        ("belemmering", "belemmeringen", &tax.belemmeringen),
        ("categorie", "categorieen", &tax.categorieen),
    ];
    for (what, field, list) in lists {
        problems.extend(duplicates(list.iter().map(|e| e.id.as_str()), what, src));
        let list_at = offset_of(&src.text, 0, &format!("{field}:"));
        for e in list.iter() {
            let at = Place::new(&src.text, list_at, &e.id);
            problems.extend(bron_problems(
                &e.bron,
                &format!("{what} `{}`", e.id),
                src,
                &at,
            ));
            if !valid_id(&e.id) {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    at.get(),
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
                    at.get(),
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
        let at = Place::new(&src.text, 0, &o.id);
        let mut push = |needle: &str, msg: String| {
            problems.push(Problem::at(&src.name, &src.text, at.get(), needle, msg));
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
        if o.uren_max > MAX_UREN {
            push(
                "uren_max",
                format!(
                    "optie `{}`: uren_max ({}) is meer dan {MAX_UREN} uur per week",
                    o.id, o.uren_max
                ),
            );
        }
        if !(1..=6).contains(&o.trede) {
            push(
                "trede",
                format!(
                    "optie `{}`: trede {} bestaat niet; de participatieladder loopt van 1 tot en met 6",
                    o.id, o.trede
                ),
            );
        }
        if let (Some(lo), Some(hi)) = (o.leeftijd_min, o.leeftijd_max)
            && lo > hi
        {
            push(
                "leeftijd_min",
                format!(
                    "optie `{}`: leeftijd_min ({lo}) is groter dan leeftijd_max ({hi})",
                    o.id
                ),
            );
        }
        if o.omschrijving.trim().is_empty() {
            push(
                "omschrijving",
                format!("optie `{}` heeft geen omschrijving", o.id),
            );
        }
        if tax.categorie(&o.categorie).is_none() {
            push(
                &format!("\"{}\"", o.categorie),
                format!(
                    "optie `{}`: onbekende categorie `{}`{}",
                    o.id,
                    o.categorie,
                    bedoelt_u(&o.categorie, tax.categorieen.iter().map(|e| e.id.as_str()))
                ),
            );
        }
        for w in &o.wensen {
            if tax.find(TagKind::Wens, w).is_none() {
                push(
                    &format!("\"{w}\""),
                    format!(
                        "optie `{}`: onbekende wens `{w}`{}",
                        o.id,
                        bedoelt_u(w, ids(tax, TagKind::Wens))
                    ),
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
                    format!(
                        "optie `{}`: onbekende belemmering `{b}`{}",
                        o.id,
                        bedoelt_u(b, ids(tax, TagKind::Belemmering))
                    ),
                );
            }
        }
        let at_bij = |field: &str, b: &str| {
            let field_at = offset_of(&src.text, at.get(), &format!("{field}:"));
            offset_of(&src.text, field_at, &format!("\"{b}\""))
        };
        for b in &o.ongeschikt_bij {
            if o.werkt_aan.contains(&b.belemmering) {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    at_bij("ongeschikt_bij", &b.belemmering),
                    &format!("\"{}\"", b.belemmering),
                    format!(
                        "optie `{}`: werkt aan `{}` en is er ook ongeschikt bij; kies één van beide",
                        o.id, b.belemmering
                    ),
                ));
            }
        }
        let bijs = [
            ("ongeschikt_bij", &o.ongeschikt_bij),
            ("let_op_bij", &o.let_op_bij),
        ];
        for (field, list) in bijs {
            for b in list.iter().filter(|b| b.reden.trim().is_empty()) {
                let bij_at = at_bij(field, &b.belemmering);
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    bij_at,
                    "reden",
                    format!(
                        "optie `{}`: {field} `{}` heeft geen reden; de consulent moet kunnen zien waarom",
                        o.id, b.belemmering
                    ),
                ));
            }
        }
        problems.extend(bron_problems(
            &o.bron,
            &format!("optie `{}`", o.id),
            src,
            &at,
        ));
    }
    problems
}

/// Most hours per week an option may ask: a full working week. Practice stays far below
/// (norm ≤ 20, research §7), but a higher number is almost certainly a typing error.
pub const MAX_UREN: u8 = 40;

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
    let mut suggesties = 0;
    let mut afspraken = 0;
    let mut evaluatie = 0;
    for s in script.steps() {
        let stap = s.stap;
        let at = Place::new(&src.text, 0, &stap.id);
        let soort = match stap.soort {
            StapSoort::Suggesties => Some((&mut suggesties, "Suggesties")),
            StapSoort::Afspraken => Some((&mut afspraken, "Afspraken")),
            StapSoort::Evaluatie => Some((&mut evaluatie, "Evaluatie")),
            StapSoort::Gesprek => None,
        };
        if let Some((count, name)) = soort {
            *count += 1;
            if *count == 2 {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    offset_of(&src.text, at.get(), "soort"),
                    name,
                    format!(
                        "stap `{}`: er is al een stap met `soort: {name}`; een script heeft er hoogstens één",
                        stap.id
                    ),
                ));
            }
        }
        if stap.voorbeeldzinnen.iter().any(|z| z.trim().is_empty()) {
            let zinnen_at = offset_of(&src.text, at.get(), "voorbeeldzinnen");
            let leeg = stap
                .voorbeeldzinnen
                .iter()
                .position(|z| z.trim().is_empty())
                .unwrap_or(0);
            // Skip the non-empty phrases before the empty one, so the column is exact.
            let mut from = zinnen_at;
            for z in &stap.voorbeeldzinnen[..leeg] {
                from = offset_of(&src.text, from, &format!("\"{z}\"")) + z.len() + 2;
            }
            problems.push(Problem::at(
                &src.name,
                &src.text,
                from,
                "\"",
                format!("stap `{}` heeft een lege voorbeeldzin", stap.id),
            ));
        }
        problems.extend(bron_problems(
            &stap.bron,
            &format!("stap `{}`", stap.id),
            src,
            &at,
        ));
        if stap.titel.trim().is_empty() {
            problems.push(Problem::at(
                &src.name,
                &src.text,
                at.get(),
                "titel",
                format!("stap `{}` heeft geen titel", stap.id),
            ));
        }
        if stap.doel.trim().is_empty() {
            problems.push(Problem::at(
                &src.name,
                &src.text,
                at.get(),
                "doel",
                format!("stap `{}` heeft geen doel", stap.id),
            ));
        }
        if stap.technieken.is_empty() {
            problems.push(Problem::at(
                &src.name,
                &src.text,
                at.get(),
                "technieken",
                format!("stap `{}` noemt geen NORBS-techniek", stap.id),
            ));
        }
        let mut tags = Vec::new();
        if let Some(c) = &stap.toon_als {
            c.tags(&mut tags);
            if never_holds(c) {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    offset_of(&src.text, at.get(), "toon_als"),
                    "toon_als",
                    format!(
                        "stap `{}` wordt nooit getoond: de voorwaarde bij `toon_als` kan nooit waar zijn (bijvoorbeeld iets en tegelijk Niet datzelfde, of EenVan met een lege lijst)",
                        stap.id
                    ),
                ));
            }
        }
        for (kind, id) in tags {
            if tax.find(kind, &id).is_none() {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    at.get(),
                    &format!("\"{id}\""),
                    format!(
                        "stap `{}`: onbekende {} `{id}`{}",
                        stap.id,
                        kind.singular(),
                        bedoelt_u(&id, ids(tax, kind))
                    ),
                ));
            }
        }
    }
    problems
}

/// Whether no combination of the tags a condition mentions makes it true. Tried
/// exhaustively: conditions name a handful of tags, and above 16 the check is skipped
/// rather than slow.
pub fn never_holds(c: &crate::core::script::Conditie) -> bool {
    let mut tags = Vec::new();
    c.tags(&mut tags);
    tags.sort();
    tags.dedup();
    if tags.len() > 16 {
        return false;
    }
    !(0u32..1 << tags.len()).any(|mask| {
        c.holds(&|kind, id| {
            tags.iter()
                .position(|(k, t)| *k == kind && t == id)
                .is_some_and(|i| mask & (1 << i) != 0)
        })
    })
}

#[cfg(test)]
mod tests;
