//! Keeping one's own catalogue from inside the app: a change to an option (saved,
//! copied, hidden, or an override removed) goes to the personal layer's `catalogus.ron`,
//! checked as start-up checks it and written atomically. The rules are in
//! `core::eigen_catalogus`; this module only reads and writes the file, so the TUI and
//! any later front-end keep the catalogue the same way. A new wens, kracht or
//! belemmering goes to the personal `taxonomie.ron` the same way (`core::eigen_taxonomie`).

use std::path::Path;

use crate::core::catalogue::Catalogue;
use crate::core::eigen_catalogus::{self, BESTAND, Uitkomst, Wijziging};
use crate::core::eigen_taxonomie;
use crate::core::taxonomy::{Entry, TagKind, Taxonomy};
use crate::store::files;

/// The current text of a personal file, `None` when there is none yet. A file that
/// exists but cannot be read refuses the change, so it is never overwritten blindly.
fn lees(path: &Path) -> Result<Option<String>, Vec<String>> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(vec![format!(
            "{} kon niet worden gelezen ({e}); er is niets veranderd.",
            path.display()
        )]),
    }
}

/// Writes a checked personal file atomically.
fn schrijf(config: &Path, path: &Path, tekst: &str) -> Result<(), Vec<String>> {
    files::create_private_dir_all(config)
        .and_then(|()| files::write_atomic(path, tekst.as_bytes()))
        .map_err(|e| {
            vec![format!(
                "{} kon niet worden opgeslagen ({e}); uw formulier blijft staan.",
                path.display()
            )]
        })
}

/// Applies `wijziging` to the catalogue in the personal settings folder `config`, over
/// the lower layers' catalogue `onder`. On success the file is on disk and the merged
/// catalogue is returned for the app to use at once; on refusal nothing was written and
/// the Dutch reasons are returned.
pub fn wijzig(
    config: &Path,
    wijziging: &Wijziging,
    onder: &Catalogue,
    tax: &Taxonomy,
) -> Result<Catalogue, Vec<String>> {
    let path = config.join(BESTAND);
    let huidig = lees(&path)?;
    let Uitkomst { tekst, catalogus } =
        eigen_catalogus::wijzig(huidig.as_deref(), wijziging, onder, tax)?;
    schrijf(config, &path, &tekst)?;
    Ok(catalogus)
}

/// Adds `entry` to list `kind` of the taxonomy in the personal settings folder `config`
/// (or replaces the own entry with its id when not `nieuw`), over the taxonomy `tax` the
/// app uses now. On success the file is on disk and the merged taxonomy is returned for
/// the app to use at once; on refusal nothing was written.
pub fn nieuwe_term(
    config: &Path,
    kind: TagKind,
    entry: &Entry,
    nieuw: bool,
    tax: &Taxonomy,
) -> Result<Taxonomy, Vec<String>> {
    let path = config.join(eigen_taxonomie::BESTAND);
    let huidig = lees(&path)?;
    let uitkomst = eigen_taxonomie::wijzig(huidig.as_deref(), kind, entry, nieuw, tax)?;
    schrijf(config, &path, &uitkomst.tekst)?;
    Ok(uitkomst.taxonomie)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Bundle;
    use crate::core::catalogue::Optie;
    use crate::store::paths::Paths;

    fn load(root: &Path) -> Bundle {
        let mut paths = Paths::portable(root);
        paths.config = root.join("instellingen");
        Bundle::load_in(paths, None, false, |_| Vec::new(), "nu")
    }

    #[test]
    fn a_saved_option_is_there_after_a_restart_and_an_override_can_be_undone() {
        let dir = tempfile::tempdir().unwrap();
        let b = load(dir.path());
        let eerste = b.data.catalogue.opties[0].clone();
        let mut eigen = eerste.clone();
        eigen.titel = "Eigen titel".into();
        let nieuw = Optie {
            id: "buurthuis-de-linde".into(),
            titel: "Buurthuis De Linde".into(),
            categorie: eerste.categorie.clone(),
            omschrijving: "Koffie schenken.".into(),
            uren_min: 2,
            uren_max: 4,
            ..Optie::default()
        };
        let config = &b.paths.config;
        for (o, n) in [(nieuw, true), (eigen, false)] {
            let w = Wijziging::Bewaar {
                optie: Box::new(o),
                nieuw: n,
            };
            wijzig(config, &w, &b.catalogus_onder, &b.data.taxonomy).unwrap();
        }
        let again = load(dir.path());
        assert!(again.in_orde(), "{:?}", again.problems());
        assert_eq!(again.data.catalogue.opties[0].titel, "Eigen titel");
        assert!(again.data.catalogue.find("buurthuis-de-linde").is_some());
        assert_eq!(again.catalogus_onder.opties[0], eerste);
        let terug = wijzig(
            config,
            &Wijziging::Herstel(eerste.id.clone()),
            &again.catalogus_onder,
            &again.data.taxonomy,
        )
        .unwrap();
        assert_eq!(terug.opties[0], eerste);
        assert_eq!(load(dir.path()).data.catalogue.opties[0], eerste);
    }

    #[test]
    fn a_new_belemmering_loads_after_a_restart_next_to_the_builtin_ones() {
        let dir = tempfile::tempdir().unwrap();
        let b = load(dir.path());
        let n = b.data.taxonomy.belemmeringen.len();
        let e = Entry {
            id: "geen-fiets".into(),
            label: "Geen fiets".into(),
            omschrijving: "Heeft geen vervoer naar de plek.".into(),
            aanpak: "Zoek met de {klant} een plek dichtbij.".into(),
            aanpak_plan: "We zoeken een plek die u zonder fiets bereikt.".into(),
            ..Entry::default()
        };
        let tax = nieuwe_term(
            &b.paths.config,
            TagKind::Belemmering,
            &e,
            true,
            &b.data.taxonomy,
        )
        .unwrap();
        assert_eq!(tax.belemmeringen.len(), n + 1);
        let again = load(dir.path());
        assert!(again.in_orde(), "{:?}", again.problems());
        assert_eq!(again.data.taxonomy, tax);
        // A second time as new is an id clash, and the file stays as it was.
        let before = std::fs::read_to_string(b.paths.config.join("taxonomie.ron")).unwrap();
        let fout = nieuwe_term(&b.paths.config, TagKind::Belemmering, &e, true, &tax);
        assert!(fout.unwrap_err()[0].contains("geen-fiets"));
        let after = std::fs::read_to_string(b.paths.config.join("taxonomie.ron")).unwrap();
        assert_eq!(before, after);
    }
}
