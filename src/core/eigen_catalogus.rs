//! The personal catalogue kept from inside the app: one change (an option saved, hidden,
//! or an override removed) turned into the new text of the personal layer's
//! `catalogus.ron`, checked exactly as loading checks it. Pure: the caller reads the
//! current file and writes the result, so every rule here is tested without a disk.
//!
//! The personal layer merges over the layers below it by id (`core::layered`): an entry
//! with the id of a built-in or team option replaces it (an override), `verborgen: true`
//! hides it, and removing the override brings the original back.

use super::catalogue::{Catalogue, Optie};
use super::data::Source;
use super::layered;
use super::parse::parse_data;
use super::problem::Severity;
use super::taxonomy::Taxonomy;
use super::validate;

/// The file name the personal layer's catalogue has.
pub const BESTAND: &str = "catalogus.ron";

/// One change to the personal catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wijziging {
    /// Save an option. `nieuw` for an added or copied option, whose id must not exist
    /// yet; otherwise the option with this id is replaced (or overridden).
    Bewaar { optie: Box<Optie>, nieuw: bool },
    /// Hide the option with this id: an own option is taken out, one from a lower layer
    /// gets `verborgen: true`.
    Verberg(String),
    /// Remove the personal entry for this id, so the built-in or team option is used again.
    Herstel(String),
}

/// The result of a change: the new file text and the catalogue as the app now sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uitkomst {
    pub tekst: String,
    pub catalogus: Catalogue,
}

/// Where an option comes from, as the catalogue list says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Herkomst {
    /// From a lower layer (built-in or team), unchanged.
    Ingebouwd,
    /// An own option, with no lower option of that id.
    Eigen,
    /// A lower option changed in the personal layer; the original is one key away.
    Aangepast,
}

impl Herkomst {
    pub fn label(self) -> &'static str {
        match self {
            Herkomst::Ingebouwd => "ingebouwd",
            Herkomst::Eigen => "eigen",
            Herkomst::Aangepast => "eigen versie van ingebouwd",
        }
    }
}

/// Where option `id` of the merged catalogue comes from, given the catalogue of the
/// layers below the personal one.
pub fn herkomst(optie: &Optie, onder: &Catalogue) -> Herkomst {
    match onder.find(&optie.id) {
        None => Herkomst::Eigen,
        Some(o) if o == optie => Herkomst::Ingebouwd,
        Some(_) => Herkomst::Aangepast,
    }
}

/// Applies `wijziging` to the personal file `huidig` (its text, `None` when there is
/// none yet) over the catalogue `onder` of the lower layers. Refused, with Dutch
/// messages, when the current file cannot be read, when a new option's id is taken, or
/// when the result would not pass the check at start-up; nothing is written then.
pub fn wijzig(
    huidig: Option<&str>,
    wijziging: &Wijziging,
    onder: &Catalogue,
    tax: &Taxonomy,
) -> Result<Uitkomst, Vec<String>> {
    let mut laag =
        match huidig.filter(|t| !t.trim().is_empty()) {
            Some(text) => parse_data::<Catalogue>(BESTAND, text)
                .map_err(|p| {
                    vec![format!(
                        "Uw eigen catalogus kan niet worden gelezen, dus er is niets veranderd: {p}"
                    )]
                })?
                .value,
            None => Catalogue::default(),
        };
    let mut merged = onder.clone();
    if laag.vervangt_alles {
        merged.opties.clear();
    }
    layered::merge_catalogue(&mut merged, &laag);
    let onder_heeft = |id: &str| !laag.vervangt_alles && onder.find(id).is_some();
    match wijziging {
        Wijziging::Bewaar { optie, nieuw } => {
            let mut optie = (**optie).clone();
            optie.verborgen = false;
            if *nieuw {
                let bezet = merged.find(&optie.id).map(|o| o.titel.clone()).or_else(|| {
                    // Hidden below: saving would bring the hidden one back under a new face.
                    onder_heeft(&optie.id).then(|| optie.id.clone())
                });
                if let Some(titel) = bezet {
                    return Err(vec![format!(
                        "Er is al een optie met id `{}` (“{titel}”). Kies een ander id; twee opties kunnen geen id delen.",
                        optie.id
                    )]);
                }
            }
            match laag.opties.iter().position(|o| o.id == optie.id) {
                Some(i) => laag.opties[i] = optie,
                None => laag.opties.push(optie),
            }
        }
        Wijziging::Verberg(id) => {
            laag.opties.retain(|o| o.id != *id);
            if onder_heeft(id) {
                laag.opties.push(Optie {
                    id: id.clone(),
                    verborgen: true,
                    ..Optie::default()
                });
            }
        }
        Wijziging::Herstel(id) => {
            if !onder_heeft(id) {
                return Err(vec![format!(
                    "Optie `{id}` heeft geen ingebouwde versie om naar terug te gaan."
                )]);
            }
            laag.opties.retain(|o| o.id != *id);
        }
    }
    let tekst = schrijf(&laag);
    // Read back and check as start-up would, so what is written is what will load.
    let gelezen = parse_data::<Catalogue>(BESTAND, &tekst)
        .map_err(|p| vec![format!("De catalogus kon niet goed worden geschreven: {p}")])?
        .value;
    let src = Source::new(BESTAND, tekst.clone());
    let fouten: Vec<String> = validate::catalogue(&layered::visible_catalogue(&gelezen), tax, &src)
        .into_iter()
        .filter(|p| p.severity == Severity::Fout)
        .map(|p| p.msg)
        .collect();
    if !fouten.is_empty() {
        return Err(fouten);
    }
    let mut catalogus = onder.clone();
    layered::merge_catalogue(&mut catalogus, &gelezen);
    Ok(Uitkomst { tekst, catalogus })
}

/// The personal catalogue as RON, one option per block; a hidden option is the short
/// `(id: "…", verborgen: true)`.
pub fn schrijf(laag: &Catalogue) -> String {
    let mut out = String::from(
        "// Uw eigen catalogus. meedoen houdt dit bestand bij vanuit \"Hele catalogus\";\n// een optie met het id van een ingebouwde optie vervangt die, `verborgen: true` verbergt haar.\n(\n",
    );
    if laag.vervangt_alles {
        out.push_str("    vervangt_alles: true,\n");
    }
    out.push_str("    opties: [\n");
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false);
    for o in &laag.opties {
        if o.verborgen {
            out.push_str(&format!(
                "        (id: {}, verborgen: true),\n",
                ron::to_string(&o.id).unwrap_or_default()
            ));
            continue;
        }
        let text =
            ron::ser::to_string_pretty(o, config.clone()).expect("an option always serialises");
        for (i, line) in text.lines().enumerate() {
            out.push_str("        ");
            out.push_str(line);
            if i + 1 == text.lines().count() {
                out.push(',');
            }
            out.push('\n');
        }
    }
    out.push_str("    ],\n)\n");
    out
}

#[cfg(test)]
mod tests;
