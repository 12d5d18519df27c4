//! Emergency copies of a draft. When the drafts folder cannot be written (a full disk, a
//! USB stick pulled out, a network share gone), the session is written to a second place
//! on another part of the system: a private folder in the temp folder. The start screen
//! and the line mode offer such a copy back, so typed words survive a failing drafts
//! folder as long as anything on the machine can still be written.
//!
//! The temp folder is shared by every account on unix, so the folder is created
//! owner-only and refused when it belongs to someone else (who could read or replace
//! what is written there).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::drafts::load_session;
use super::files::{create_private_dir_all, sanitize, write_atomic};
use crate::core::problem::Problem;
use crate::core::session::Session;

/// Name of the emergency folder inside the temp folder.
pub(crate) const DIR_NAME: &str = "meedoen-noodkopie";

/// An emergency copy found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Noodkopie {
    pub path: PathBuf,
    pub session: Session,
}

/// The emergency folder.
#[derive(Debug, Clone)]
pub struct Emergency {
    dir: PathBuf,
}

impl Emergency {
    /// The folder inside the system's temp folder (`%TEMP%` on Windows, `$TMPDIR` or
    /// `/tmp` on unix).
    pub fn standard() -> Emergency {
        Emergency::new(std::env::temp_dir().join(DIR_NAME))
    }

    pub fn new(dir: PathBuf) -> Emergency {
        Emergency { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the session as `<dir>/<id>.ron`, durably; returns where it went.
    pub fn save(&self, session: &Session) -> io::Result<PathBuf> {
        self.save_in(&self.dir, session)
    }

    /// Writes the session into `dir` (a folder the consultant chose, or the emergency
    /// folder), under its id, without touching anything else there.
    pub fn save_in(&self, dir: &Path, session: &Session) -> io::Result<PathBuf> {
        create_private_dir_all(dir)?;
        ensure_own_folder(dir)?;
        let text = ron::ser::to_string(session).map_err(io::Error::other)?;
        let path = dir.join(format!("{}.ron", sanitize(&session.id)));
        write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }

    /// Every readable emergency copy with something in it; unreadable files become
    /// problems and stay where they are.
    pub fn list(&self) -> (Vec<Noodkopie>, Vec<Problem>) {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return (found, problems);
        };
        if ensure_own_folder(&self.dir).is_err() {
            return (found, problems);
        }
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            match load_session(&path) {
                Ok(session) if session.is_blank() => {}
                Ok(session) => found.push(Noodkopie { path, session }),
                Err(p) => problems.push(p),
            }
        }
        found.sort_by(|a, b| a.path.cmp(&b.path));
        (found, problems)
    }

    /// Removes one emergency copy (after it was taken back into the drafts folder).
    pub fn remove(&self, path: &Path) -> io::Result<()> {
        match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// The gesprek as text for the clipboard: the draft itself, readable RON, with a line
/// that says how to get it back into meedoen. Nothing is left out.
pub fn clipboard_text(session: &Session) -> String {
    let body = ron::ser::to_string_pretty(session, ron::ser::PrettyConfig::default())
        .unwrap_or_else(|e| format!("// {e}"));
    format!(
        "// meedoen: concept van het gesprek met {}. Bewaar deze tekst als {}.ron in de \
         map met concepten om verder te gaan.\n{body}\n",
        session.klant,
        super::files::sanitize(&session.id)
    )
}

/// Refuses a folder that another account owns (unix): whoever owns it could read the
/// copy or swap it. Also refuses a folder others can enter.
#[cfg(unix)]
fn ensure_own_folder(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let meta = fs::symlink_metadata(dir)?;
    if !meta.is_dir() {
        return Err(io::Error::from(io::ErrorKind::NotADirectory));
    }
    // A file made just now is ours: its owner is this account.
    let probe = tempfile::tempfile_in(dir)?;
    let mine = probe.metadata()?.uid();
    if meta.uid() != mine {
        return Err(io::Error::from(io::ErrorKind::PermissionDenied));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn ensure_own_folder(dir: &Path) -> io::Result<()> {
    // %TEMP% lies inside the user's own profile on Windows.
    if fs::symlink_metadata(dir)?.is_dir() {
        Ok(())
    } else {
        Err(io::Error::from(io::ErrorKind::NotADirectory))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn session(id: &str, klant: &str) -> Session {
        let mut s = Session::new(
            id.into(),
            NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            "intake",
        );
        s.klant = klant.into();
        s.set_note("open", "Ik wil graag koken 🙂".into());
        s
    }

    #[test]
    fn save_list_remove_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let nood = Emergency::new(dir.path().join("nood"));
        let s = session("s1", "A.B.");
        let path = nood.save(&s).unwrap();
        assert!(path.starts_with(nood.dir()));
        let (list, problems) = nood.list();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].session, s);
        nood.remove(&path).unwrap();
        nood.remove(&path).unwrap();
        assert!(nood.list().0.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn folder_becomes_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("nood");
        fs::create_dir(&open).unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
        let nood = Emergency::new(open.clone());
        let path = nood.save(&session("s2", "C")).unwrap();
        let mode = fs::metadata(&open).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_file_in_place_of_the_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nood");
        fs::write(&file, b"x").unwrap();
        assert!(Emergency::new(file).save(&session("s3", "D")).is_err());
    }
}
