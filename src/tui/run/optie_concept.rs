//! The draft of the catalogue option form: written on every change, removed when the
//! form is saved or deliberately closed, read at start-up. A half-filled form survives
//! quitting, a crash or a power cut of the typing session, like a gesprek's draft.

use std::path::{Path, PathBuf};

use crate::store::files;

use super::super::optie_form::OptieForm;

/// The draft's file name in the data folder.
pub const BESTAND: &str = "catalogus-formulier.ron";

/// Said on the start screen when a draft was found.
pub const MELDING: &str = "Er staat een half ingevuld formulier voor de catalogus klaar. Het gaat weer open bij ‘Hele catalogus’ (Alt+N of Alt+B).";

fn pad(data: &Path) -> PathBuf {
    data.join(BESTAND)
}

/// Writes the draft, or removes it for `None`. Best effort: the form stays open on
/// screen, so a failing disk costs nothing typed while the app runs.
pub fn bewaar(data: &Path, tekst: Option<&str>) {
    match tekst {
        Some(t) => {
            let _ = files::create_private_dir_all(data)
                .and_then(|()| files::write_atomic_quick(&pad(data), t.as_bytes()));
        }
        None => {
            let _ = std::fs::remove_file(pad(data));
        }
    }
}

/// The draft of the last run, if there is one that reads.
pub fn lees(data: &Path) -> Option<OptieForm> {
    let text = std::fs::read_to_string(pad(data)).ok()?;
    let mut form: OptieForm = ron::from_str(&text).ok()?;
    form.bind();
    Some(form)
}
