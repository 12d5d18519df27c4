//! Saved sessions in the output folder (`*.sessie.ron`, written beside each plan): the
//! source for the client overview, vervolggesprekken and re-rendering a plan.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::core::problem::{Problem, parse_ron};
use crate::core::session::Session;

use super::drafts::load_session;

/// Extension of a saved session beside its plan.
pub const SESSION_EXT: &str = ".sessie.ron";

/// Every saved session in `dir` (not recursive), with problems for files that cannot be
/// read. A missing folder simply has no sessions yet.
pub fn list(dir: &Path) -> (Vec<(PathBuf, Session)>, Vec<Problem>) {
    let paths = session_files(dir);
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

/// What the client overview needs of a saved session. The notes and afspraken, nearly all
/// of a file's bytes, are skipped by the parser instead of built: with 3,000 sessions that
/// halves the time to the start screen (see benches/scale.rs).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct SessionHead {
    pub id: String,
    pub klant: String,
    pub datum: NaiveDate,
    pub volgend_contact: Option<NaiveDate>,
    #[serde(default = "eerste_versie")]
    pub plan_versie: u32,
    pub oefenen: bool,
    /// The gemeente profile the gesprek was made under, if any.
    #[serde(default)]
    pub gemeente: Option<String>,
}

fn eerste_versie() -> u32 {
    1
}

/// What [`newest_per_client`] needs of a session, full or head.
pub trait Overzicht {
    fn klant(&self) -> &str;
    fn datum(&self) -> NaiveDate;
    fn plan_versie(&self) -> u32;
    fn oefenen(&self) -> bool;
}

impl Overzicht for Session {
    fn klant(&self) -> &str {
        &self.klant
    }
    fn datum(&self) -> NaiveDate {
        self.datum
    }
    fn plan_versie(&self) -> u32 {
        self.plan_versie
    }
    fn oefenen(&self) -> bool {
        self.oefenen
    }
}

impl Overzicht for SessionHead {
    fn klant(&self) -> &str {
        &self.klant
    }
    fn datum(&self) -> NaiveDate {
        self.datum
    }
    fn plan_versie(&self) -> u32 {
        self.plan_versie
    }
    fn oefenen(&self) -> bool {
        self.oefenen
    }
}

/// The saved session files in `dir`, sorted; none for a missing folder.
fn session_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(SESSION_EXT))
        .collect();
    paths.sort();
    paths
}

/// Reads the head of one saved session.
fn load_head(path: &Path) -> Result<SessionHead, Problem> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Problem::new(&name, 0, 0, super::files::describe_io_error(&e, path)))?;
    parse_ron::<SessionHead>(&name, &text)
}

/// The client overview of the start screen: the newest real session per client, newest
/// first, read from the heads only; and problems for files that cannot be read. The
/// files are read on two threads: on a laptop the disk cache is warm and parsing is the
/// work.
pub fn overview(dir: &Path) -> (Vec<(PathBuf, SessionHead)>, Vec<Problem>) {
    let paths = session_files(dir);
    let half = paths.len().div_ceil(2);
    let read = |part: &[PathBuf]| -> Vec<(PathBuf, Result<SessionHead, Problem>)> {
        part.iter().map(|p| (p.clone(), load_head(p))).collect()
    };
    let (first, second) = paths.split_at(half);
    let (a, b) = std::thread::scope(|scope| {
        let other = scope.spawn(|| read(second));
        let mine = read(first);
        (mine, other.join().unwrap_or_default())
    });
    let mut heads = Vec::new();
    let mut problems = Vec::new();
    for (p, r) in a.into_iter().chain(b) {
        match r {
            Ok(h) => heads.push((p, h)),
            Err(problem) => problems.push(problem),
        }
    }
    (newest_per_client(heads), problems)
}

/// The key that groups sessions of one client: trimmed and case-insensitive, so "A.B."
/// and "a.b. " are the same person.
pub fn client_key(klant: &str) -> String {
    klant.trim().to_lowercase()
}

/// The newest real (not practice) session per client, newest first. Clients are found
/// by key in a map: a linear search per session made 3,000 sessions quadratic.
pub fn newest_per_client<T: Overzicht>(sessions: Vec<(PathBuf, T)>) -> Vec<(PathBuf, T)> {
    let mut newest: Vec<(PathBuf, T)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (p, s) in sessions.into_iter().filter(|(_, s)| !s.oefenen()) {
        match index.get(&client_key(s.klant())) {
            Some(&i) => {
                let slot = &mut newest[i];
                if (s.datum(), s.plan_versie(), &p)
                    > (slot.1.datum(), slot.1.plan_versie(), &slot.0)
                {
                    *slot = (p, s);
                }
            }
            None => {
                index.insert(client_key(s.klant()), newest.len());
                newest.push((p, s));
            }
        }
    }
    newest.sort_by(|a, b| {
        b.1.datum()
            .cmp(&a.1.datum())
            .then_with(|| a.1.klant().cmp(b.1.klant()))
    });
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

    #[test]
    fn the_overview_reads_heads_and_agrees_with_the_full_sessions() {
        let dir = tempfile::tempdir().unwrap();
        let mut sessions = [
            session("A.B.", 1, 1),
            session("a.b. ", 20, 2),
            session("C", 10, 1),
            session("Demo", 21, 1),
        ];
        sessions[1].volgend_contact = NaiveDate::from_ymd_opt(2026, 12, 1);
        sessions[1]
            .notities
            .insert("stap".into(), "lang verhaal \"met\" (haakjes)".into());
        sessions[3].oefenen = true;
        for (i, s) in sessions.iter().enumerate() {
            let text = ron::ser::to_string(s).unwrap();
            std::fs::write(dir.path().join(format!("{i}.sessie.ron")), text).unwrap();
        }
        std::fs::write(dir.path().join("kapot.sessie.ron"), "(kapot").unwrap();
        let (heads, problems) = overview(dir.path());
        let (full, _) = list(dir.path());
        let full = newest_per_client(full);
        let summary = |v: Vec<(String, NaiveDate, Option<NaiveDate>, u32, String)>| v;
        assert_eq!(
            summary(
                heads
                    .iter()
                    .map(|(p, h)| (
                        h.klant.clone(),
                        h.datum,
                        h.volgend_contact,
                        h.plan_versie,
                        p.display().to_string()
                    ))
                    .collect()
            ),
            summary(
                full.iter()
                    .map(|(p, s)| (
                        s.klant.clone(),
                        s.datum,
                        s.volgend_contact,
                        s.plan_versie,
                        p.display().to_string()
                    ))
                    .collect()
            )
        );
        assert_eq!(heads.len(), 2);
        assert_eq!(heads[0].1.id, sessions[1].id);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].file.ends_with("kapot.sessie.ron"));
        assert!(overview(&dir.path().join("bestaat-niet")).0.is_empty());
    }
}
