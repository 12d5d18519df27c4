//! The drafts of the catalogue option form and of the form for a new wens, kracht or
//! belemmering: written on every change, removed when the form is saved or deliberately
//! closed, read at start-up. A half-filled form survives quitting, a crash or a power
//! cut of the typing session, like a gesprek's draft.

use std::path::{Path, PathBuf};

use crate::store::files;

use super::super::optie_form::OptieForm;
use super::super::term_form::TermForm;

/// The draft's file name in the data folder.
pub const BESTAND: &str = "catalogus-formulier.ron";

/// The draft of the form for a new wens, kracht or belemmering.
pub const TERM_BESTAND: &str = "taxonomie-formulier.ron";

/// Said on the start screen when a draft of that form was found.
pub const TERM_MELDING: &str = "Er staat een half ingevulde nieuwe wens, kracht of belemmering klaar. Het formulier gaat weer open met Alt+W bij ‘Hele catalogus’.";

/// Said on the start screen when a draft was found.
pub const MELDING: &str = "Er staat een half ingevuld formulier voor de catalogus klaar. Het gaat weer open bij ‘Hele catalogus’ (Alt+N of Alt+B).";

fn pad(data: &Path) -> PathBuf {
    data.join(BESTAND)
}

/// Writes the draft, or removes it for `None`. Best effort: the form stays open on
/// screen, so a failing disk costs nothing typed while the app runs.
pub fn bewaar(data: &Path, tekst: Option<&str>) {
    schrijf(&pad(data), data, tekst);
}

/// `bewaar` for the form for a new wens, kracht or belemmering.
pub fn bewaar_term(data: &Path, tekst: Option<&str>) {
    schrijf(&data.join(TERM_BESTAND), data, tekst);
}

fn schrijf(path: &Path, data: &Path, tekst: Option<&str>) {
    match tekst {
        Some(t) => {
            let _ = files::create_private_dir_all(data)
                .and_then(|()| files::write_atomic_quick(path, t.as_bytes()));
        }
        None => {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The draft of the form for a new wens, kracht or belemmering, if one reads.
pub fn lees_term(data: &Path) -> Option<TermForm> {
    let text = std::fs::read_to_string(data.join(TERM_BESTAND)).ok()?;
    let mut form: TermForm = ron::from_str(&text).ok()?;
    form.bind();
    Some(form)
}

/// The draft of the last run, if there is one that reads.
pub fn lees(data: &Path) -> Option<OptieForm> {
    let text = std::fs::read_to_string(pad(data)).ok()?;
    let mut form: OptieForm = ron::from_str(&text).ok()?;
    form.bind();
    Some(form)
}
