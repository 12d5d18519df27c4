//! Moving one's own data to another computer (`store::verhuis`), with what every
//! front-end needs around it: the folders as the settings name them (the plans folder
//! with the gemeente's `uitvoermap` applied), a warning when the moving folder is
//! synchronised to a cloud service, and each file described in Dutch.

use std::path::Path;

use crate::store::files;
use crate::store::paths;
use crate::store::verhuis::{self, Fout, Regel, Uitkomst};

use super::Bundle;

/// A warning when `map` is synchronised with a cloud service: a moving folder holds
/// client data, which should not end up in a (private) cloud account.
pub fn cloud_waarschuwing(map: &Path) -> Option<String> {
    paths::cloud_sync_service(map).map(|service| {
        format!(
            "Let op: de map {} wordt gesynchroniseerd met {service}. Een verhuismap bevat gegevens van klanten; die komen zo in de cloud terecht. Gebruik liever een USB-stick of een map op deze computer, en wis de verhuismap als u klaar bent.",
            map.display()
        )
    })
}

/// Copies the user's settings, saved gesprekken and plans, preferences and (when asked)
/// drafts into `target`, which must be new or empty.
pub fn naar(bundle: &Bundle, target: &Path, met_concepten: bool) -> Result<Vec<Regel>, Fout> {
    let now = chrono::Local::now().format("%-d-%-m-%Y %H:%M").to_string();
    verhuis::naar(
        &bundle.paths,
        target,
        met_concepten,
        &now,
        &mut files::write_new,
    )
}

/// Brings a moving folder in, never overwriting; see `store::verhuis::van`.
pub fn van(bundle: &Bundle, source: &Path) -> Result<Vec<Regel>, (Vec<Regel>, Fout)> {
    verhuis::van(&bundle.paths, source)
}

/// One file of a move, in Dutch.
pub fn beschrijf(r: &Regel) -> String {
    let doel = r.doel.display();
    match &r.uitkomst {
        Uitkomst::Gekopieerd => format!("gekopieerd: {doel}"),
        Uitkomst::Gelijk => format!("al aanwezig en hetzelfde, overgeslagen: {doel}"),
        Uitkomst::BeideBewaard(naast) => format!(
            "bestond al en is anders; beide bewaard: {doel} (van hier) en {} (uit de verhuismap)",
            naast.display()
        ),
        Uitkomst::NietOvergenomen => format!(
            "concept bestaat hier al en is anders; niet overgenomen, het staat nog in de verhuismap: {doel}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cloud_folder_is_named_with_its_service() {
        let w = cloud_waarschuwing(Path::new("/home/sanne/Dropbox/verhuis")).unwrap();
        assert!(
            w.contains("Dropbox") && w.contains("gegevens van klanten"),
            "{w}"
        );
        assert!(cloud_waarschuwing(Path::new("/media/usb/verhuis")).is_none());
    }

    #[test]
    fn every_outcome_is_described() {
        let r = |uitkomst| Regel {
            deel: verhuis::Deel::Plannen,
            doel: "/p/a.md".into(),
            uitkomst,
        };
        assert!(beschrijf(&r(Uitkomst::Gekopieerd)).starts_with("gekopieerd: /p/a.md"));
        assert!(beschrijf(&r(Uitkomst::Gelijk)).contains("overgeslagen"));
        let both = beschrijf(&r(Uitkomst::BeideBewaard(
            "/p/a (van verhuismap).md".into(),
        )));
        assert!(both.contains("beide bewaard") && both.contains("(van verhuismap)"));
        assert!(beschrijf(&r(Uitkomst::NietOvergenomen)).contains("niet overgenomen"));
    }
}
