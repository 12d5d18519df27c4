//! The consultant's own preferences, remembered between gesprekken: the plan formats
//! last chosen on the review screen, and the consultant's name from the last saved plan
//! (offered for the next gesprek, so nobody types their own name every time). A small file in the local data folder,
//! written atomically; a missing or unreadable file means the defaults (it holds no
//! client data, so nothing is lost by ignoring it, and it never stops the app).

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::plan::Formaat;

use super::files;

/// Name of the preferences file in the data folder.
pub const PREFS_FILE: &str = "voorkeuren.ron";

/// What is remembered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Plan formats, by extension ("md", "html", "txt"): plain words, so the file reads
    /// the same as the formats named on the command line.
    pub formaten: Vec<String>,
    /// The consultant's name as typed in the last saved gesprek; empty when none yet.
    pub consulent: String,
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs {
            formaten: vec![Formaat::Md.extension().to_string()],
            consulent: String::new(),
        }
    }
}

impl Prefs {
    /// The formats, known ones only, in the usual order; Markdown when none is left.
    pub fn formats(&self) -> Vec<Formaat> {
        let mut out: Vec<Formaat> = Formaat::ALL
            .into_iter()
            .filter(|f| self.formaten.iter().any(|x| Formaat::parse(x) == Some(*f)))
            .collect();
        if out.is_empty() {
            out.push(Formaat::Md);
        }
        out
    }

    pub fn with_formats(formats: &[Formaat]) -> Prefs {
        Prefs {
            formaten: formats.iter().map(|f| f.extension().to_string()).collect(),
            ..Prefs::default()
        }
    }
}

/// Where the preferences live.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(PREFS_FILE)
}

/// The remembered preferences, or the defaults when there are none or the file is
/// damaged.
pub fn load(data_dir: &Path) -> Prefs {
    std::fs::read_to_string(path(data_dir))
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

/// Writes the preferences atomically (the old file stays whole until the new one is
/// on disk).
pub fn save(data_dir: &Path, prefs: &Prefs) -> io::Result<()> {
    let text = ron::ser::to_string_pretty(prefs, ron::ser::PrettyConfig::default())
        .map_err(io::Error::other)?;
    files::create_private_dir_all(data_dir)?;
    files::write_atomic(&path(data_dir), text.as_bytes())
}

/// Changes what `change` changes and keeps the rest: remembering the formats must not
/// forget the consultant's name, nor the other way round. Writes only when something
/// changed, so saving a plan under the same name costs no write.
pub fn update(data_dir: &Path, change: impl FnOnce(&mut Prefs)) -> io::Result<()> {
    let old = load(data_dir);
    let mut new = old.clone();
    change(&mut new);
    if new == old && path(data_dir).is_file() {
        return Ok(());
    }
    save(data_dir, &new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).formats(), vec![Formaat::Md]);
        save(
            dir.path(),
            &Prefs::with_formats(&[Formaat::Txt, Formaat::Html]),
        )
        .unwrap();
        assert_eq!(
            load(dir.path()).formats(),
            vec![Formaat::Html, Formaat::Txt]
        );
    }

    #[test]
    fn the_name_and_the_formats_are_remembered_side_by_side() {
        let dir = tempfile::tempdir().unwrap();
        update(dir.path(), |p| p.consulent = "Sanne de Vries".into()).unwrap();
        update(dir.path(), |p| {
            p.formaten = Prefs::with_formats(&[Formaat::Html]).formaten;
        })
        .unwrap();
        let p = load(dir.path());
        assert_eq!(p.consulent, "Sanne de Vries");
        assert_eq!(p.formats(), vec![Formaat::Html]);
        // A file from before the name was remembered still loads.
        std::fs::write(path(dir.path()), "(formaten: [\"txt\"])").unwrap();
        assert_eq!(load(dir.path()).consulent, "");
        assert_eq!(load(dir.path()).formats(), vec![Formaat::Txt]);
    }

    #[test]
    fn a_damaged_file_gives_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path(dir.path()), "(formaten: [").unwrap();
        assert_eq!(load(dir.path()), Prefs::default());
        std::fs::write(path(dir.path()), "(formaten: [\"pdf\"])").unwrap();
        assert_eq!(load(dir.path()).formats(), vec![Formaat::Md]);
    }
}
