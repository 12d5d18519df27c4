//! Starting a new gesprek, the same in every front-end: the dates proposed from the
//! gemeente's intervals (`core::gemeente::new_session`), and the consultant's own name
//! as typed in the last saved plan. A solo practitioner makes every plan under the same
//! name; typing it again each time is where typos creep into signed plans.
//!
//! The name is remembered when a plan set is written (`export::write`), not while
//! typing: a half-typed name in an abandoned draft should not become the default.

use chrono::NaiveDate;

use crate::core::gemeente::{self, Gemeente};
use crate::core::session::Session;
use crate::store::paths::Paths;
use crate::store::prefs;

/// A fresh session for `gemeente`, with the consultant's name from the last saved
/// plan as its `consulent` (empty when there was none). Both the full-screen app and
/// the line mode start a new gesprek with this.
pub fn nieuw(
    paths: &Paths,
    id: String,
    today: NaiveDate,
    script: &str,
    gemeente: &Gemeente,
) -> Session {
    let mut s = gemeente::new_session(id, today, script, gemeente);
    s.consulent = laatste_consulent(paths);
    s
}

/// The consultant's name from the last saved plan, or empty.
pub fn laatste_consulent(paths: &Paths) -> String {
    prefs::load(&paths.data).consulent.trim().to_string()
}

/// Remembers `naam` for the next gesprek. An empty name (a plan saved without one)
/// keeps the name remembered before. Best effort: the plan is on disk either way, and
/// a name not remembered costs one line of typing, so a failure here is not reported.
pub fn onthoud_consulent(paths: &Paths, naam: &str) {
    let naam = naam.trim();
    if naam.is_empty() {
        return;
    }
    let _ = prefs::update(&paths.data, |p| p.consulent = naam.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    #[test]
    fn the_last_saved_name_is_the_next_default_and_an_empty_one_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        let g = Gemeente::default();
        assert_eq!(nieuw(&paths, "a".into(), day(), "intake", &g).consulent, "");

        onthoud_consulent(&paths, "  Sanne de Vries ");
        let s = nieuw(&paths, "b".into(), day(), "intake", &g);
        assert_eq!(s.consulent, "Sanne de Vries");
        // The gemeente's dates are still proposed.
        assert_eq!(s.volgend_contact, Some(g.volgend_contact(day())));

        onthoud_consulent(&paths, "");
        assert_eq!(laatste_consulent(&paths), "Sanne de Vries");
        onthoud_consulent(&paths, "Ahmed Yilmaz");
        assert_eq!(laatste_consulent(&paths), "Ahmed Yilmaz");
    }

    #[test]
    fn the_remembered_formats_survive_remembering_a_name() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        let formats = [crate::core::plan::Formaat::Html];
        prefs::save(&paths.data, &prefs::Prefs::with_formats(&formats)).unwrap();
        onthoud_consulent(&paths, "Sanne de Vries");
        assert_eq!(prefs::load(&paths.data).formats(), formats);
    }
}
