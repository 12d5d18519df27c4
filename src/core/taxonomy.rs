//! The taxonomy: the stable vocabulary of wensen, krachten, belemmeringen and catalogue
//! categories. Ids are an API: scripts, catalogues and saved sessions refer to them, so an
//! id is never renamed once published (add a synonym instead).

use serde::{Deserialize, Serialize};

/// Which list of the taxonomy a tag belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TagKind {
    Wens,
    Kracht,
    Belemmering,
}

impl TagKind {
    pub const ALL: [TagKind; 3] = [TagKind::Wens, TagKind::Kracht, TagKind::Belemmering];

    /// Dutch plural label, as shown in the UI and the plan.
    pub fn label(self) -> &'static str {
        match self {
            TagKind::Wens => "Wensen",
            TagKind::Kracht => "Krachten",
            TagKind::Belemmering => "Belemmeringen",
        }
    }

    /// Dutch singular label.
    pub fn singular(self) -> &'static str {
        match self {
            TagKind::Wens => "wens",
            TagKind::Kracht => "kracht",
            TagKind::Belemmering => "belemmering",
        }
    }
}

/// One entry of a taxonomy list. Every field may be left out so a layer can hide an entry
/// with `(id: "…", verborgen: true)`; validation requires a label and an omschrijving of
/// a visible one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Entry {
    /// Stable id, lowercase with hyphens (`"nederlands-oefenen"`).
    pub id: String,
    /// Short Dutch label for lists.
    pub label: String,
    /// One or two plain-language sentences.
    pub omschrijving: String,
    /// Group for display (e.g. "gezondheid", "zorgtaken"); free text.
    #[serde(default)]
    pub groep: String,
    /// Other words people use, so type-to-filter finds the entry.
    #[serde(default)]
    pub synoniemen: Vec<String>,
    /// For belemmeringen: how this is usually handled in practice (research §5), as
    /// guidance for the consultant. Shown in the app only, never in the plan. `{klant}`
    /// stands for the municipality's `klant_label`.
    #[serde(default)]
    pub aanpak: String,
    /// For belemmeringen: the same aanpak in one sentence for the client ("u", B1, no
    /// instructions to the consultant, no fixed time spans). The plan's default aanpak,
    /// which the consultant can change.
    #[serde(default)]
    pub aanpak_plan: String,
    /// Where this comes from: in the embedded data a place in the research (`"001:L188"`),
    /// in a gemeente's own file free text. One text or a list.
    #[serde(default, deserialize_with = "crate::core::parse::one_or_many")]
    pub bron: Vec<String>,
    /// In a team or personal layer: hide the entry with this id from the layers below.
    #[serde(default, skip_serializing_if = "is_false")]
    pub verborgen: bool,
}

/// Placeholder in data texts for what the municipality calls the client.
pub const KLANT: &str = "{klant}";

impl Entry {
    /// The consultant's guidance with `{klant}` replaced by the municipality's word for
    /// the client ("klant", "inwoner", …).
    pub fn aanpak_voor(&self, klant_label: &str) -> String {
        met_klant_label(&self.aanpak, klant_label)
    }
}

/// `text` with every `{klant}` replaced by `klant_label` (trimmed; "klant" when empty).
pub fn met_klant_label(text: &str, klant_label: &str) -> String {
    let label = klant_label.trim();
    text.replace(KLANT, if label.is_empty() { "klant" } else { label })
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The whole vocabulary. A team or personal layer may give only the lists it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Taxonomy {
    pub wensen: Vec<Entry>,
    pub krachten: Vec<Entry>,
    pub belemmeringen: Vec<Entry>,
    pub categorieen: Vec<Entry>,
    /// In a layer: this file replaces the taxonomy below it entirely.
    #[serde(skip_serializing_if = "is_false")]
    pub vervangt_alles: bool,
}

impl Taxonomy {
    pub fn list(&self, kind: TagKind) -> &[Entry] {
        match kind {
            TagKind::Wens => &self.wensen,
            TagKind::Kracht => &self.krachten,
            TagKind::Belemmering => &self.belemmeringen,
        }
    }

    pub fn find(&self, kind: TagKind, id: &str) -> Option<&Entry> {
        self.list(kind).iter().find(|e| e.id == id)
    }

    pub fn categorie(&self, id: &str) -> Option<&Entry> {
        self.categorieen.iter().find(|e| e.id == id)
    }

    /// Label for an id, falling back to the id itself so that a session made with an
    /// older taxonomy still renders instead of failing.
    pub fn label<'a>(&'a self, kind: TagKind, id: &'a str) -> &'a str {
        self.find(kind, id).map_or(id, |e| e.label.as_str())
    }

    pub fn categorie_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.categorie(id).map_or(id, |e| e.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn klant_label_replaces_the_placeholder() {
        let t = "Kies een plek waar de {klant} kan oefenen. Vraag de {klant}.";
        assert_eq!(
            met_klant_label(t, "inwoner"),
            "Kies een plek waar de inwoner kan oefenen. Vraag de inwoner."
        );
        assert_eq!(met_klant_label(t, " "), met_klant_label(t, "klant"));
        let long = "x".repeat(200);
        assert!(met_klant_label(t, &long).contains(&long));
        assert_eq!(met_klant_label("geen", "inwoner"), "geen");
    }
}
