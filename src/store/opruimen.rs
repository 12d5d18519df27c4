//! Storage limitation (AVG art. 5(1)(e)): finds the drafts, saved sessions and plans
//! that have passed the municipality's `bewaartermijn`, grouped per client, so they can
//! be offered for erasure. Nothing is ever erased here without the caller asking for
//! it per client, and a draft that is open in a window is never part of it.

use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate};

use super::drafts::{Drafts, LockError, load_session_any_version};
use super::erase::{self, EraseError, Erasure, files_ending, with_plans};
use super::paths::Paths;
use super::sessions::{SESSION_EXT, client_key};
use crate::core::gemeente::Bewaartermijn;

/// One client's files past their term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verlopen {
    /// The client as typed in the gesprek.
    pub klant: String,
    /// Every file to erase, sorted.
    pub bestanden: Vec<PathBuf>,
    /// The date of the newest file that passed its term, for the list.
    pub laatste: NaiveDate,
}

/// Everything past its term on `today`, per client, in client order. Blank drafts are
/// skipped (they hold nothing); drafts open in another window are left out.
pub fn zoek(paths: &Paths, termijn: &Bewaartermijn, today: NaiveDate) -> Vec<Verlopen> {
    let mut found: Vec<Verlopen> = Vec::new();
    let mut add = |klant: &str, files: Vec<PathBuf>, datum: NaiveDate| {
        let key = client_key(klant);
        match found.iter_mut().find(|v| client_key(&v.klant) == key) {
            Some(v) => {
                v.bestanden.extend(files);
                v.laatste = v.laatste.max(datum);
            }
            None => found.push(Verlopen {
                klant: klant.trim().to_string(),
                bestanden: files,
                laatste: datum,
            }),
        }
    };
    if let Some(maanden) = termijn.concepten {
        let drafts = Drafts::new(paths.drafts.clone());
        for path in files_ending(&paths.drafts, ".ron") {
            let Ok(s) = load_session_any_version(&path) else {
                continue;
            };
            let changed = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .map(|t| DateTime::<Local>::from(t).date_naive());
            let Ok(changed) = changed else { continue };
            if s.klant.trim().is_empty() || !Bewaartermijn::verlopen(maanden, changed, today) {
                continue;
            }
            // Open in a window: not now. The lock is let go at once.
            if let Err(LockError::InGebruik) = drafts.lock(&s.id) {
                continue;
            }
            let mut files = vec![path.clone()];
            let lock = path.with_extension("lock");
            if lock.exists() {
                files.push(lock);
            }
            add(&s.klant, files, changed);
        }
    }
    if let Some(maanden) = termijn.gesprekken {
        for path in files_ending(&paths.output, SESSION_EXT) {
            let Ok(s) = load_session_any_version(&path) else {
                continue;
            };
            if !s.oefenen
                && !s.klant.trim().is_empty()
                && Bewaartermijn::verlopen(maanden, s.datum, today)
            {
                add(&s.klant, with_plans(&path), s.datum);
            }
        }
    }
    for v in &mut found {
        v.bestanden.sort();
        v.bestanden.dedup();
    }
    found.sort_by_key(|v| client_key(&v.klant));
    found
}

/// Erases one client's expired files; the same checks as `wis` (a lock held by a window
/// refuses it before anything is deleted).
pub fn wis(v: &Verlopen) -> Result<Vec<PathBuf>, EraseError> {
    let locks = v
        .bestanden
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "lock"))
        .cloned()
        .collect();
    erase::execute(&Erasure {
        klant: v.klant.clone(),
        files: v.bestanden.clone(),
        locks,
        ..Erasure::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Session;
    use std::fs;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn saved(paths: &Paths, stem: &str, klant: &str, datum: NaiveDate) {
        let mut s = Session::new(format!("id-{stem}"), datum, "intake");
        s.klant = klant.into();
        fs::create_dir_all(&paths.output).unwrap();
        fs::write(
            paths.output.join(format!("{stem}.sessie.ron")),
            ron::to_string(&s).unwrap(),
        )
        .unwrap();
        fs::write(paths.output.join(format!("{stem}.md")), "plan").unwrap();
    }

    #[test]
    fn sessions_past_the_term_are_found_per_client_with_their_plans() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        saved(&paths, "oud-ab", "A.B.", d(2024, 1, 10));
        saved(&paths, "ouder-ab", "a.b.", d(2023, 6, 1));
        saved(&paths, "nieuw-cd", "C.D.", d(2026, 11, 1));
        let termijn = Bewaartermijn {
            concepten: None,
            gesprekken: Some(24),
        };
        let found = zoek(&paths, &termijn, d(2026, 12, 2));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].klant, "A.B.");
        assert_eq!(found[0].bestanden.len(), 4);
        assert_eq!(found[0].laatste, d(2024, 1, 10));
        // No term, nothing found.
        assert!(zoek(&paths, &Bewaartermijn::default(), d(2030, 1, 1)).is_empty());
        // Exactly on the day the term ends it has passed.
        assert_eq!(zoek(&paths, &termijn, d(2026, 1, 10)).len(), 1);
        assert_eq!(zoek(&paths, &termijn, d(2026, 1, 9))[0].bestanden.len(), 2);
        wis(&found[0]).unwrap();
        assert!(paths.output.join("nieuw-cd.md").exists());
        assert!(!paths.output.join("oud-ab.md").exists());
    }

    #[test]
    fn an_open_draft_is_never_offered() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        let drafts = Drafts::new(paths.drafts.clone());
        let mut s = Session::new("open".into(), d(2020, 1, 1), "intake");
        s.klant = "E.F.".into();
        drafts.save(&s).unwrap();
        s.id = "dicht".into();
        drafts.save(&s).unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(400 * 86400);
        for id in ["open", "dicht"] {
            fs::File::options()
                .write(true)
                .open(paths.drafts.join(format!("{id}.ron")))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        let held = drafts.lock("open").unwrap();
        let termijn = Bewaartermijn {
            concepten: Some(12),
            gesprekken: None,
        };
        let today = Local::now().date_naive();
        let found = zoek(&paths, &termijn, today);
        assert_eq!(found.len(), 1);
        let names: Vec<_> = found[0]
            .bestanden
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(names.contains(&"dicht.ron".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with("open")), "{names:?}");
        drop(held);
    }
}
