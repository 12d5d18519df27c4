//! New wensen, krachten and belemmeringen kept from inside the app: one entry turned into
//! the new text of the personal layer's `taxonomie.ron`, checked exactly as loading
//! checks it. Pure, like `eigen_catalogus`: the caller reads the current file and writes
//! the result, so every rule here is tested without a disk.
//!
//! The personal layer merges over the built-in taxonomy by id (`core::layered`), so the
//! file holds only the consultant's own entries; the others in it are kept as they are.

use super::data::Source;
use super::layered;
use super::parse::parse_data;
use super::problem::Severity;
use super::taxonomy::{Entry, TagKind, Taxonomy};
use super::validate;

/// The file name the personal layer's taxonomy has.
pub const BESTAND: &str = "taxonomie.ron";

/// The result of a change: the new file text and the taxonomy as the app now sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uitkomst {
    pub tekst: String,
    pub taxonomie: Taxonomy,
}

/// Which part of an entry a remark is about, so a form can show it beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Deel {
    Id,
    Label,
    Omschrijving,
    Aanpak,
    AanpakPlan,
}

/// Imperatives that tell the consultant what to do: a sentence for the client never
/// starts with one (the rule the built-in belemmeringen are held to).
const OPDRACHTEN: [&str; 14] = [
    "Verwijs", "Vraag", "Kies", "Bied", "Stel", "Spreek", "Regel", "Benoem", "Vermijd", "Neem",
    "Zoek", "Houd", "Ga ", "Begin",
];

/// Fixed time spans: how soon to meet again is the municipality's to decide.
const TIJDSPANNES: [&str; 6] = [
    "half jaar",
    "maanden",
    "over een jaar",
    "weken",
    "over een maand",
    "binnen een",
];

/// Whether `id` is lower-case letters, digits and `-` only, as the loader requires.
pub fn geldig_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// An id for a new entry from its label, unique in its list: "Geen fiets" → "geen-fiets",
/// or "geen-fiets-2" when that is taken.
pub fn voorstel_id(label: &str, kind: TagKind, tax: &Taxonomy) -> String {
    let folded = super::search::fold(label);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() || tax.find(kind, &id).is_none() {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| tax.find(kind, c).is_none())
        .expect("some number is free")
}

/// What is wrong with a new (or changed) entry, at most one remark per part, in plain
/// Dutch: the loader's rules, the id in use, and for a belemmering the wording rules of
/// the plan sentence. Shown while typing; saving refuses while any is left.
pub fn bezwaren(kind: TagKind, e: &Entry, nieuw: bool, tax: &Taxonomy) -> Vec<(Deel, String)> {
    let mut out: Vec<(Deel, String)> = Vec::new();
    let mut zeg = |deel: Deel, msg: String| {
        if !out.iter().any(|(d, _)| *d == deel) {
            out.push((deel, msg));
        }
    };
    if e.id.is_empty() {
        zeg(Deel::Id, "Vul een id in.".into());
    } else if !geldig_id(&e.id) {
        zeg(
            Deel::Id,
            "Alleen kleine letters, cijfers en - (geen spaties).".into(),
        );
    } else if nieuw && let Some(b) = tax.find(kind, &e.id) {
        zeg(
            Deel::Id,
            format!(
                "Dit id heeft de {} “{}” al; kies een ander.",
                kind.singular(),
                b.label
            ),
        );
    }
    if e.label.trim().is_empty() {
        zeg(Deel::Label, "Vul een naam in.".into());
    }
    if e.omschrijving.trim().is_empty() {
        zeg(Deel::Omschrijving, "Vul een omschrijving in.".into());
    }
    if kind == TagKind::Belemmering {
        if e.aanpak.trim().is_empty() {
            zeg(
                Deel::Aanpak,
                "Vul in hoe u dit meestal aanpakt; collega's lezen het bij de suggesties.".into(),
            );
        }
        let zin = e.aanpak_plan.trim();
        if zin.is_empty() {
            zeg(
                Deel::AanpakPlan,
                "Vul één zin voor de klant in; die komt in het plan.".into(),
            );
        } else if let Some(o) = zin
            .split(". ")
            .find_map(|z| OPDRACHTEN.iter().find(|o| z.trim_start().starts_with(**o)))
        {
            zeg(
                Deel::AanpakPlan,
                format!(
                    "Begint met “{}”, een opdracht aan de consulent; schrijf aan de klant.",
                    o.trim()
                ),
            );
        } else if !zin
            .split(|c: char| !c.is_alphabetic())
            .any(|w| ["u", "U", "uw", "Uw", "we", "We"].contains(&w))
        {
            zeg(
                Deel::AanpakPlan,
                "Spreek de klant aan met u of uw (of we).".into(),
            );
        } else if let Some(t) = TIJDSPANNES
            .iter()
            .find(|t| zin.to_lowercase().contains(**t))
        {
            zeg(
                Deel::AanpakPlan,
                format!("Geen vaste termijn (“{t}”): die volgt uit de afspraken van de gemeente."),
            );
        }
    }
    out
}

fn lijst_mut(tax: &mut Taxonomy, kind: TagKind) -> &mut Vec<Entry> {
    match kind {
        TagKind::Wens => &mut tax.wensen,
        TagKind::Kracht => &mut tax.krachten,
        TagKind::Belemmering => &mut tax.belemmeringen,
    }
}

/// Adds `entry` to list `kind` of the personal file `huidig` (its text, `None` when
/// there is none yet), or replaces the personal entry with its id; `tax` is the taxonomy
/// the app uses now. Refused, with Dutch messages, when the current file cannot be read,
/// when a new entry's id is taken (or hidden by this file), when the entry has remarks
/// left, or when the result would not pass the check at start-up; nothing is written then.
pub fn wijzig(
    huidig: Option<&str>,
    kind: TagKind,
    entry: &Entry,
    nieuw: bool,
    tax: &Taxonomy,
) -> Result<Uitkomst, Vec<String>> {
    let mut laag =
        match huidig.filter(|t| !t.trim().is_empty()) {
            Some(text) => parse_data::<Taxonomy>(BESTAND, text)
                .map_err(|p| {
                    vec![format!(
                        "Uw eigen taxonomie kan niet worden gelezen, dus er is niets veranderd: {p}"
                    )]
                })?
                .value,
            None => Taxonomy::default(),
        };
    let mut entry = entry.clone();
    entry.verborgen = false;
    let verborgen_hier = laag
        .list(kind)
        .iter()
        .any(|e| e.id == entry.id && e.verborgen);
    if nieuw && (tax.find(kind, &entry.id).is_some() || verborgen_hier) {
        let wat = tax
            .find(kind, &entry.id)
            .map_or("een verborgen".to_string(), |b| format!("“{}”", b.label));
        return Err(vec![format!(
            "Er is al een {} met id `{}` ({wat}). Kies een ander id; twee {} kunnen geen id delen.",
            kind.singular(),
            entry.id,
            kind.label().to_lowercase()
        )]);
    }
    let bezwaren = bezwaren(kind, &entry, false, tax);
    if !bezwaren.is_empty() {
        return Err(bezwaren.into_iter().map(|(_, m)| m).collect());
    }
    let lijst = lijst_mut(&mut laag, kind);
    match lijst.iter().position(|e| e.id == entry.id) {
        Some(i) => lijst[i] = entry.clone(),
        None => lijst.push(entry.clone()),
    }
    let tekst = schrijf(&laag);
    // Read back and check as start-up would, so what is written is what will load.
    let gelezen = parse_data::<Taxonomy>(BESTAND, &tekst)
        .map_err(|p| vec![format!("De taxonomie kon niet goed worden geschreven: {p}")])?
        .value;
    let src = Source::new(BESTAND, tekst.clone());
    let fouten: Vec<String> = validate::taxonomy(&layered::visible_taxonomy(&gelezen), &src)
        .into_iter()
        .filter(|p| p.severity == Severity::Fout)
        .map(|p| p.msg)
        .collect();
    if !fouten.is_empty() {
        return Err(fouten);
    }
    let mut taxonomie = tax.clone();
    layered::merge(lijst_mut(&mut taxonomie, kind), &[entry], false);
    Ok(Uitkomst { tekst, taxonomie })
}

/// The personal taxonomy as RON, list by list; a hidden entry is the short
/// `(id: "…", verborgen: true)`.
pub fn schrijf(laag: &Taxonomy) -> String {
    let mut out = String::from(
        "// Uw eigen wensen, krachten en belemmeringen. meedoen houdt dit bestand bij vanuit de\n// catalogus; een regel met het id van een ingebouwde vervangt die, `verborgen: true` verbergt haar.\n(\n",
    );
    if laag.vervangt_alles {
        out.push_str("    vervangt_alles: true,\n");
    }
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false);
    for (naam, lijst) in [
        ("wensen", &laag.wensen),
        ("krachten", &laag.krachten),
        ("belemmeringen", &laag.belemmeringen),
        ("categorieen", &laag.categorieen),
    ] {
        if lijst.is_empty() {
            continue;
        }
        out.push_str(&format!("    {naam}: [\n"));
        for e in lijst {
            if e.verborgen {
                out.push_str(&format!(
                    "        (id: {}, verborgen: true),\n",
                    ron::to_string(&e.id).unwrap_or_default()
                ));
                continue;
            }
            let text =
                ron::ser::to_string_pretty(e, config.clone()).expect("an entry always serialises");
            let n = text.lines().count();
            for (i, line) in text.lines().enumerate() {
                out.push_str("        ");
                out.push_str(line);
                if i + 1 == n {
                    out.push(',');
                }
                out.push('\n');
            }
        }
        out.push_str("    ],\n");
    }
    out.push_str(")\n");
    out
}

#[cfg(test)]
mod tests;
