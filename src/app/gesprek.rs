//! Starting a new gesprek, the same in every front-end: the dates proposed from the
//! gemeente's intervals (`core::gemeente::new_session`), and the consultant's own name
//! as typed in the last saved plan. A solo practitioner makes every plan under the same
//! name; typing it again each time is where typos creep into signed plans.
//!
//! The name is remembered when a plan set is written (`export::write`), not while
//! typing: a half-typed name in an abandoned draft should not become the default.

use chrono::NaiveDate;

use super::bundle::Profiel;
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

/// The gemeente settings a session is made under: its profile, or the single
/// `gemeente.ron` (`basis`). A profile that no longer exists gives the standard settings
/// and a notice to show, never a failure: an old plan must always render.
pub fn gemeente_voor<'a>(
    profielen: &'a [Profiel],
    basis: &'a Gemeente,
    session: &Session,
) -> (&'a Gemeente, Option<String>) {
    match session.gemeente.as_deref() {
        None => (basis, None),
        Some(naam) => match profielen.iter().find(|p| p.naam == naam) {
            Some(p) => (&p.gemeente, None),
            None => (
                basis,
                Some(format!(
                    "Het gemeenteprofiel `{naam}` van dit gesprek bestaat niet meer; meedoen gebruikt de standaardinstellingen."
                )),
            ),
        },
    }
}

/// The profile offered first for a new gesprek: that of the newest saved gesprek (by
/// its date) that names one still there, else the first profile; `None` without
/// profiles.
pub fn standaard_profiel<'p, 's>(
    profielen: &'p [Profiel],
    gesprekken: impl IntoIterator<Item = (NaiveDate, Option<&'s str>)>,
) -> Option<&'p Profiel> {
    gesprekken
        .into_iter()
        .filter_map(|(datum, naam)| {
            let p = profielen.iter().find(|p| Some(p.naam.as_str()) == naam)?;
            Some((datum, p))
        })
        .max_by_key(|(datum, _)| *datum)
        .map(|(_, p)| p)
        .or(profielen.first())
}

/// How a profile is named to people: the gemeente's own name, else the file name.
pub fn profiel_naam(p: &Profiel) -> &str {
    match p.gemeente.naam.trim() {
        "" => &p.naam,
        n => n,
    }
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

    fn profiel(naam: &str) -> Profiel {
        Profiel {
            naam: naam.into(),
            gemeente: Gemeente {
                naam: naam.to_uppercase(),
                ..Gemeente::default()
            },
            laag: crate::store::layers::Laag::Persoonlijk,
            bestand: format!("{naam}.ron"),
        }
    }

    #[test]
    fn the_profile_offered_first_is_that_of_the_newest_gesprek_still_there() {
        let p = [profiel("kampen"), profiel("zwolle")];
        let older = day() - chrono::Days::new(30);
        let gesprekken = [
            (older, Some("kampen")),
            (day(), Some("zwolle")),
            (day() + chrono::Days::new(1), Some("deventer")),
            (day() + chrono::Days::new(2), None),
        ];
        let gekozen = standaard_profiel(&p, gesprekken);
        assert_eq!(gekozen.map(|p| p.naam.as_str()), Some("zwolle"));
        assert_eq!(
            standaard_profiel(&p, []).map(|p| p.naam.as_str()),
            Some("kampen")
        );
        assert!(standaard_profiel(&[], gesprekken).is_none());
        let mut s = Session {
            gemeente: Some("deventer".into()),
            ..Session::default()
        };
        let basis = Gemeente::default();
        let (g, notice) = gemeente_voor(&p, &basis, &s);
        assert_eq!(g, &basis);
        assert!(notice.unwrap().contains("`deventer`"));
        s.gemeente = Some("zwolle".into());
        assert_eq!(gemeente_voor(&p, &basis, &s).0.naam, "ZWOLLE");
        assert_eq!(profiel_naam(&p[0]), "KAMPEN");
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
