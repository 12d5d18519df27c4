//! Saved sessions in the output folder (`*.sessie.ron`, written beside each plan): the
//! source for the client overview, vervolggesprekken and re-rendering a plan.

use std::path::{Path, PathBuf};

use crate::core::problem::Problem;
use crate::core::session::Session;

use super::drafts::load_session;

/// Extension of a saved session beside its plan.
pub const SESSION_EXT: &str = ".sessie.ron";

/// Every saved session in `dir` (not recursive), with problems for files that cannot be
/// read. A missing folder simply has no sessions yet.
pub fn list(dir: &Path) -> (Vec<(PathBuf, Session)>, Vec<Problem>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(SESSION_EXT))
        .collect();
    paths.sort();
    let mut sessions = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        match load_session(&p) {
            Ok(s) => sessions.push((p, s)),
            Err(problem) => problems.push(problem),
        }
    }
    (sessions, problems)
}

/// The key that groups sessions of one client: trimmed and case-insensitive, so "A.B."
/// and "a.b. " are the same person.
pub fn client_key(klant: &str) -> String {
    klant.trim().to_lowercase()
}

/// The newest real (not practice) session per client, newest first.
pub fn newest_per_client(sessions: Vec<(PathBuf, Session)>) -> Vec<(PathBuf, Session)> {
    let mut newest: Vec<(PathBuf, Session)> = Vec::new();
    for (p, s) in sessions.into_iter().filter(|(_, s)| !s.oefenen) {
        let key = client_key(&s.klant);
        match newest.iter_mut().find(|(_, o)| client_key(&o.klant) == key) {
            Some(slot) => {
                if (s.datum, s.plan_versie, &p) > (slot.1.datum, slot.1.plan_versie, &slot.0) {
                    *slot = (p, s);
                }
            }
            None => newest.push((p, s)),
        }
    }
    newest.sort_by(|a, b| b.1.datum.cmp(&a.1.datum).then(a.1.klant.cmp(&b.1.klant)));
    newest
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn session(klant: &str, d: u32, versie: u32) -> Session {
        let mut s = Session::new(
            format!("{klant}{d}"),
            NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            "intake",
        );
        s.klant = klant.into();
        s.plan_versie = versie;
        s
    }

    #[test]
    fn newest_session_per_client_wins_and_practice_is_left_out() {
        let mut oefen = session("Demo", 20, 1);
        oefen.oefenen = true;
        let list = vec![
            ("a".into(), session("A.B.", 1, 1)),
            ("b".into(), session("a.b. ", 20, 2)),
            ("c".into(), session("C", 10, 1)),
            ("d".into(), oefen),
        ];
        let newest = newest_per_client(list);
        let names: Vec<(&str, u32)> = newest
            .iter()
            .map(|(_, s)| (s.klant.as_str(), s.plan_versie))
            .collect();
        assert_eq!(names, vec![("a.b. ", 2), ("C", 1)]);
    }

    #[test]
    fn list_reads_sessions_and_reports_broken_ones() {
        let dir = tempfile::tempdir().unwrap();
        let s = session("AB", 5, 1);
        let text = ron::ser::to_string(&s).unwrap();
        std::fs::write(dir.path().join("x.sessie.ron"), text).unwrap();
        std::fs::write(dir.path().join("y.sessie.ron"), "(kapot").unwrap();
        std::fs::write(dir.path().join("x.md"), "# plan").unwrap();
        let (ok, problems) = list(dir.path());
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].1.klant, "AB");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].file.ends_with("y.sessie.ron"));
        assert!(list(&dir.path().join("bestaat-niet")).0.is_empty());
    }
}
