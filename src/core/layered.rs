//! Merging the catalogue and the taxonomy of several layers (built-in < team < personal)
//! by id: a later layer adds entries, replaces an entry with the same id, or hides one
//! (`verborgen: true`). A gemeente adds one belemmering without copying the whole file;
//! a file with `vervangt_alles: true` starts from nothing instead, for a team that keeps a
//! complete catalogue of its own.

use super::catalogue::{Catalogue, Optie};
use super::taxonomy::{Entry, Taxonomy};

/// An entry that layers can add, replace or hide.
pub trait Keyed {
    fn key(&self) -> &str;
    fn hidden(&self) -> bool;
}

impl Keyed for Optie {
    fn key(&self) -> &str {
        &self.id
    }
    fn hidden(&self) -> bool {
        self.verborgen
    }
}

impl Keyed for Entry {
    fn key(&self) -> &str {
        &self.id
    }
    fn hidden(&self) -> bool {
        self.verborgen
    }
}

/// What one layer did to the list below it, for `meedoen paden` and `controleer`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effect {
    pub nieuw: usize,
    pub vervangen: usize,
    pub verborgen: usize,
    /// Ids the layer hides that no lower layer has (probably a typing error).
    pub onbekend_verborgen: Vec<String>,
}

impl Effect {
    fn add(&mut self, other: Effect) {
        self.nieuw += other.nieuw;
        self.vervangen += other.vervangen;
        self.verborgen += other.verborgen;
        self.onbekend_verborgen.extend(other.onbekend_verborgen);
    }

    /// "3 nieuw, 1 vervangen, 2 verborgen", leaving out zeros.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.nieuw, "nieuw"),
            (self.vervangen, "vervangen"),
            (self.verborgen, "verborgen"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
        if parts.is_empty() {
            "niets veranderd".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Applies one layer's entries to `base`, in the layer's order. Replaced entries keep
/// their place, so a list ordered by the built-in file stays recognisable.
pub fn merge<T: Keyed + Clone>(base: &mut Vec<T>, layer: &[T], vervangt_alles: bool) -> Effect {
    let mut effect = Effect::default();
    if vervangt_alles {
        base.clear();
    }
    for entry in layer {
        let at = base.iter().position(|b| b.key() == entry.key());
        match (at, entry.hidden()) {
            (Some(i), true) => {
                base.remove(i);
                effect.verborgen += 1;
            }
            (None, true) => effect.onbekend_verborgen.push(entry.key().to_string()),
            (Some(i), false) => {
                base[i] = entry.clone();
                effect.vervangen += 1;
            }
            (None, false) => {
                base.push(entry.clone());
                effect.nieuw += 1;
            }
        }
    }
    effect
}

/// A catalogue layer applied to the catalogue below it.
pub fn merge_catalogue(base: &mut Catalogue, layer: &Catalogue) -> Effect {
    merge(&mut base.opties, &layer.opties, layer.vervangt_alles)
}

/// A taxonomy layer applied to the taxonomy below it; each list merges on its own.
pub fn merge_taxonomy(base: &mut Taxonomy, layer: &Taxonomy) -> Effect {
    let mut effect = Effect::default();
    let replace = layer.vervangt_alles;
    effect.add(merge(&mut base.wensen, &layer.wensen, replace));
    effect.add(merge(&mut base.krachten, &layer.krachten, replace));
    effect.add(merge(
        &mut base.belemmeringen,
        &layer.belemmeringen,
        replace,
    ));
    effect.add(merge(&mut base.categorieen, &layer.categorieen, replace));
    effect
}

/// The entries of a layer that take part in validation: hidden ones need only their id.
pub fn visible_catalogue(layer: &Catalogue) -> Catalogue {
    Catalogue {
        opties: layer
            .opties
            .iter()
            .filter(|o| !o.verborgen)
            .cloned()
            .collect(),
        ..Catalogue::default()
    }
}

/// `visible_catalogue` for a taxonomy layer.
pub fn visible_taxonomy(layer: &Taxonomy) -> Taxonomy {
    let keep = |l: &[Entry]| l.iter().filter(|e| !e.verborgen).cloned().collect();
    Taxonomy {
        wensen: keep(&layer.wensen),
        krachten: keep(&layer.krachten),
        belemmeringen: keep(&layer.belemmeringen),
        categorieen: keep(&layer.categorieen),
        ..Taxonomy::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::problem::parse_ron;

    fn builtin() -> Catalogue {
        crate::store::assets::load(None).unwrap().catalogue
    }

    #[test]
    fn a_layer_adds_replaces_and_hides_by_id() {
        let mut cat = builtin();
        let n = cat.opties.len();
        let first = cat.opties[0].id.clone();
        let second = cat.opties[1].id.clone();
        let layer: Catalogue = parse_ron(
            "team/catalogus.ron",
            &format!(
                r#"(opties: [
                    (id: "kookgroep-de-linde", titel: "Kookgroep De Linde", categorie: "ontmoeting",
                     omschrijving: "Samen koken in het buurthuis.", uren_min: 2, uren_max: 4),
                    (id: "{first}", titel: "Eigen versie", categorie: "ontmoeting",
                     omschrijving: "Anders ingevuld.", uren_min: 1, uren_max: 2),
                    (id: "{second}", verborgen: true),
                    (id: "bestaat-niet", verborgen: true),
                ])"#
            ),
        )
        .unwrap();
        let effect = merge_catalogue(&mut cat, &layer);
        assert_eq!(
            effect,
            Effect {
                nieuw: 1,
                vervangen: 1,
                verborgen: 1,
                onbekend_verborgen: vec!["bestaat-niet".into()],
            }
        );
        assert_eq!(effect.describe(), "1 nieuw, 1 vervangen, 1 verborgen");
        assert_eq!(cat.opties.len(), n);
        assert_eq!(cat.opties[0].titel, "Eigen versie", "replaced in place");
        assert!(cat.find(&second).is_none());
        assert_eq!(cat.opties.last().unwrap().id, "kookgroep-de-linde");
        assert_eq!(visible_catalogue(&layer).opties.len(), 2);
    }

    #[test]
    fn vervangt_alles_starts_from_nothing() {
        let mut cat = builtin();
        let layer: Catalogue = parse_ron(
            "catalogus.ron",
            r#"(vervangt_alles: true, opties: [(id: "eigen", titel: "Eigen", categorie: "ontmoeting",
                omschrijving: "x", uren_min: 1, uren_max: 2)])"#,
        )
        .unwrap();
        merge_catalogue(&mut cat, &layer);
        assert_eq!(cat.opties.len(), 1);
    }

    #[test]
    fn one_belemmering_needs_no_copy_of_the_taxonomy() {
        let mut tax = crate::store::assets::load(None).unwrap().taxonomy;
        let wensen = tax.wensen.len();
        let layer: Taxonomy = parse_ron(
            "taxonomie.ron",
            r#"(belemmeringen: [(id: "geen-fiets", label: "Geen fiets",
                omschrijving: "Heeft geen vervoer naar de plek.")])"#,
        )
        .unwrap();
        assert_eq!(merge_taxonomy(&mut tax, &layer).nieuw, 1);
        assert_eq!(tax.wensen.len(), wensen);
        assert!(tax.belemmeringen.iter().any(|b| b.id == "geen-fiets"));
    }
}
