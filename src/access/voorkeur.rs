//! The line mode's remembered choice between short and full guidance (`--kort`, `/kort`,
//! `/uitgebreid`), in a small file in the data folder, so a consultant who turned the
//! voorbeeldzinnen off does not hear them again at the next gesprek. Written atomically:
//! a crash while saving leaves the old choice, never half a file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::files;

/// The file's name in the data folder.
pub const BESTAND: &str = "toegankelijk.ron";

/// What is remembered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voorkeur {
    /// Voorbeeldzinnen and valkuilen are not read (they stay one `/uitleg` away).
    #[serde(default)]
    pub kort: bool,
}

pub fn pad(data: &Path) -> PathBuf {
    data.join(BESTAND)
}

/// Reads the choice. A missing file is the default; a broken one is the default too, with
/// a Dutch message saying where it is wrong (the mode must start regardless).
pub fn lees(data: &Path) -> (Voorkeur, Option<String>) {
    let path = pad(data);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Voorkeur::default(), None),
        Err(e) => {
            return (
                Voorkeur::default(),
                Some(format!(
                    "{}: kan niet worden gelezen: {}. De begeleiding wordt uitgebreid voorgelezen.",
                    path.display(),
                    files::describe_io_error(&e, data)
                )),
            );
        }
    };
    match ron::from_str::<Voorkeur>(&text) {
        Ok(v) => (v, None),
        Err(e) => (
            Voorkeur::default(),
            Some(format!(
                "{}:{}:{}: dit is geen geldige voorkeur ({}); verwacht is (kort: true) of (kort: false). De begeleiding wordt uitgebreid voorgelezen.",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )),
        ),
    }
}

/// Writes the choice; the error is for the caller to say.
pub fn schrijf(data: &Path, v: Voorkeur) -> std::io::Result<()> {
    let text = format!(
        "// Voorkeur van de toegankelijke modus van meedoen.\n(kort: {})\n",
        v.kort
    );
    files::write_atomic(&pad(data), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_to_another_computer_takes_this_file_along() {
        assert_eq!(BESTAND, crate::store::verhuis::TOEGANKELIJK_FILE);
    }

    #[test]
    fn the_choice_survives_a_round_trip_and_a_broken_file_says_where() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(lees(dir.path()), (Voorkeur::default(), None));
        schrijf(dir.path(), Voorkeur { kort: true }).unwrap();
        assert_eq!(lees(dir.path()).0, Voorkeur { kort: true });
        std::fs::write(pad(dir.path()), "(kort: misschien)").unwrap();
        let (v, msg) = lees(dir.path());
        assert_eq!(v, Voorkeur::default());
        let msg = msg.unwrap();
        assert!(msg.contains("toegankelijk.ron:1:"), "{msg}");
        assert!(msg.contains("verwacht is (kort: true)"), "{msg}");
    }
}
