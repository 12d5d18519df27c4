//! Autosaved drafts of gesprekken in progress. The session is saved after every change,
//! so a crash, a flat battery or a closed window never costs the consultant a word; a
//! lock file keeps two windows from editing (and overwriting) the same gesprek.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;

use super::assets::MAX_DATA_FILE;
use super::files::{describe_io_error, sanitize, write_atomic};
use crate::core::problem::{Problem, parse_ron};
use crate::core::session::{SESSION_VERSION, Session};

/// Extension of a draft file.
const DRAFT_EXT: &str = "ron";
/// Extension of a draft's lock file.
const LOCK_EXT: &str = "lock";

/// A new session id: creation time plus randomness, so two laptops never collide. It
/// names the draft file and identifies the gesprek in the event log.
pub fn new_id() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let random = RandomState::new().build_hasher().finish() & 0xffff;
    format!(
        "{}-{random:04x}",
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    )
}

/// The drafts folder.
#[derive(Debug, Clone)]
pub struct Drafts {
    dir: PathBuf,
}

/// What the "resume a gesprek" list shows about one draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: String,
    pub klant: String,
    pub datum: NaiveDate,
    /// When the draft was last saved.
    pub gewijzigd: SystemTime,
    pub path: PathBuf,
}

/// Holds a draft for this window; released when dropped (also when the process dies,
/// because the operating system drops the lock with the file handle).
#[derive(Debug)]
pub struct DraftLock {
    file: File,
    /// The session id this lock holds.
    id: String,
}

impl DraftLock {
    /// The session id this lock holds.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The message when another window holds a draft.
pub const IN_GEBRUIK: &str = "Dit gesprek is al geopend in een ander venster van meedoen.";

impl Drop for DraftLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

impl Drafts {
    pub fn new(dir: PathBuf) -> Drafts {
        Drafts { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The draft file of session `id`.
    pub fn draft_path(&self, id: &str) -> PathBuf {
        self.path(id, DRAFT_EXT)
    }

    fn path(&self, id: &str, ext: &str) -> PathBuf {
        self.dir.join(format!("{}.{ext}", sanitize(id)))
    }

    /// Saves the session as `<dir>/<id>.ron`. Compact RON keeps this cheap enough to run
    /// after every keystroke that changes something; the write is atomic, so a crash
    /// mid-save leaves the previous version intact.
    pub fn save(&self, session: &Session) -> io::Result<()> {
        self.save_with(session, true)
    }

    /// Saves the draft; `durable` waits until it is on the disk (survives a power cut),
    /// otherwise it only survives the process being killed. Autosave on every keystroke
    /// uses the quick kind and makes it durable every few seconds.
    pub fn save_with(&self, session: &Session, durable: bool) -> io::Result<()> {
        let text = ron::ser::to_string(session).map_err(io::Error::other)?;
        let path = self.path(&session.id, DRAFT_EXT);
        if durable {
            write_atomic(&path, text.as_bytes())
        } else {
            super::files::write_atomic_quick(&path, text.as_bytes())
        }
    }

    /// All drafts worth offering, newest first. Blank sessions are skipped; files that
    /// cannot be read become problems to show, and are left on disk untouched: they may
    /// hold someone's words that a newer version of meedoen can read again.
    pub fn list(&self) -> (Vec<DraftSummary>, Vec<Problem>) {
        let mut drafts = Vec::new();
        let mut problems = Vec::new();
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (drafts, problems),
            Err(e) => {
                let name = self.dir.display().to_string();
                problems.push(Problem::new(&name, 0, 0, describe_io_error(&e, &self.dir)));
                return (drafts, problems);
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != DRAFT_EXT) || !path.is_file() {
                continue;
            }
            // A draft from a newer release is listed too (it opens read-only).
            match load_session_any_version(&path) {
                Ok(session) if session.is_blank() => {}
                Ok(session) => drafts.push(DraftSummary {
                    id: session.id,
                    klant: session.klant,
                    datum: session.datum,
                    gewijzigd: entry
                        .metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(SystemTime::UNIX_EPOCH),
                    path,
                }),
                Err(p) => problems.push(p),
            }
        }
        drafts.sort_by(|a, b| b.gewijzigd.cmp(&a.gewijzigd).then(a.id.cmp(&b.id)));
        (drafts, problems)
    }

    /// Loads one draft by session id.
    pub fn load(&self, id: &str) -> Result<Session, Problem> {
        load_session(&self.path(id, DRAFT_EXT))
    }

    /// A draft written by a newer release, for showing read-only: (versie, text).
    pub fn read_newer(&self, id: &str) -> Option<(u32, String)> {
        read_newer(&self.path(id, DRAFT_EXT))
    }

    /// Removes a draft that no window holds (the start screen's Delete). Takes the lock
    /// first, so a draft open in another window is refused (`ResourceBusy`) instead of
    /// deleted under that window's feet; a draft that is already gone is fine.
    pub fn remove(&self, id: &str) -> io::Result<()> {
        let lock = match self.lock(id) {
            Ok(lock) => lock,
            Err(LockError::InGebruik) => {
                return Err(io::Error::new(io::ErrorKind::ResourceBusy, IN_GEBRUIK));
            }
            Err(LockError::Io(e)) => return Err(e),
        };
        self.remove_held(&lock)
    }

    /// Removes the draft this window holds the lock of (after its plan is written).
    pub fn remove_held(&self, lock: &DraftLock) -> io::Result<()> {
        let id = lock.id();
        match fs::remove_file(self.path(id, DRAFT_EXT)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        // The lock file is empty; tidying it up is a courtesy (it may still be held).
        let _ = fs::remove_file(self.path(id, LOCK_EXT));
        Ok(())
    }

    /// Claims a draft for this window, so a second window cannot overwrite its autosaves,
    /// open it or delete it. The lock is the operating system's lock on the open lock
    /// file, not the file's existence: it ends with the process, so a window that
    /// crashed or was killed never leaves a draft locked, and no pid has to be guessed.
    pub fn lock(&self, id: &str) -> Result<DraftLock, LockError> {
        let path = self.path(id, LOCK_EXT);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = super::files::create_private_dir_all(&self.dir)
            .and_then(|()| options.open(&path))
            .map_err(LockError::Io)?;
        // A lock file made by an older release may still be readable by others.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = file.set_permissions(fs::Permissions::from_mode(0o600));
        }
        match file.try_lock() {
            Ok(()) => Ok(DraftLock {
                file,
                id: id.to_string(),
            }),
            Err(fs::TryLockError::WouldBlock) => Err(LockError::InGebruik),
            Err(fs::TryLockError::Error(e)) => Err(LockError::Io(e)),
        }
    }

    /// [`Drafts::lock`] with the failure as a Dutch sentence.
    pub fn lock_or_say(&self, id: &str) -> Result<DraftLock, String> {
        self.lock(id).map_err(|e| match e {
            LockError::InGebruik => IN_GEBRUIK.to_string(),
            LockError::Io(e) => describe_io_error(&e, &self.path(id, LOCK_EXT)),
        })
    }
}

/// Why a draft could not be locked.
#[derive(Debug)]
pub enum LockError {
    /// Another live window holds it.
    InGebruik,
    /// The lock file could not be made or locked.
    Io(io::Error),
}

/// Reads a saved session (a draft, or a `.sessie.ron` written next to a plan). A file
/// written by a newer release (a higher `versie`) is refused with a notice: this
/// release does not know its newer fields and would drop them at the first save.
/// [`read_newer`] shows such a file read-only.
pub fn load_session(path: &Path) -> Result<Session, Problem> {
    let (text, name) = read_text(path)?;
    if let Some(v) = newer_version(&text) {
        return Err(Problem::new(&name, 0, 0, nieuwer(v)));
    }
    parse_ron::<Session>(&name, &text)
}

/// Reads a session whatever its `versie`, for looking only (who it belongs to, when
/// erasing); never for saving back.
pub fn load_session_any_version(path: &Path) -> Result<Session, Problem> {
    let (text, name) = read_text(path)?;
    parse_ron::<Session>(&name, &text)
}

/// The notice for a file from a newer release.
pub fn nieuwer(versie: u32) -> String {
    format!(
        "dit gesprek is opgeslagen door een nieuwere versie van meedoen (bestandsversie {versie}; \
         deze versie kent tot en met {SESSION_VERSION}). Het wordt alleen getoond en niet \
         gewijzigd, zodat er niets verloren gaat; open het met de nieuwere versie om verder te gaan."
    )
}

/// The `versie` of a session file, when it is newer than this release writes.
pub fn newer_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Kop {
        #[serde(default)]
        versie: u32,
    }
    let kop: Kop = ron::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    (kop.versie > SESSION_VERSION).then_some(kop.versie)
}

/// A session file from a newer release, for showing read-only: (versie, text).
pub fn read_newer(path: &Path) -> Option<(u32, String)> {
    let (text, _) = read_text(path).ok()?;
    newer_version(&text).map(|v| (v, text))
}

fn read_text(path: &Path) -> Result<(String, String), Problem> {
    let name = path.display().to_string();
    let fail = |e: &io::Error| Problem::new(&name, 0, 0, describe_io_error(e, path));
    let bytes = super::lezen::read_regular(path, MAX_DATA_FILE).map_err(|e| match e {
        super::lezen::LeesFout::TeGroot(_) => Problem::new(
            &name,
            0,
            0,
            "dit bestand is te groot voor een gesprek; het is niet geopend en blijft staan",
        ),
        super::lezen::LeesFout::Io(e) => fail(&e),
        e => Problem::new(&name, 0, 0, e.melding(path, MAX_DATA_FILE)),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Problem::new(
            &name,
            0,
            0,
            "dit bestand is geen leesbare tekst; het is niet geopend en blijft staan",
        )
    })?;
    Ok((text, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Afspraak;

    fn session(id: &str, klant: &str) -> Session {
        let mut s = Session::new(
            id.into(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            "intake",
        );
        s.klant = klant.into();
        s
    }

    #[test]
    fn save_list_load_round_trip_keeps_every_character() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().join("concepten"));
        let mut s = session("20261123-1200-ab12", "É.ë.");
        s.set_note(
            "open",
            "‘Ik wil graag koken’ é ë 🙂 中文\n# geen kop\r\n\"x\"".into(),
        );
        s.afspraken.push(Afspraak {
            wat: "Kennismaken \\ buurthuis".into(),
            wie: "klant".into(),
            wanneer: "vóór 1 december".into(),
        });
        drafts.save(&s).unwrap();
        let (list, problems) = drafts.list();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, s.id);
        assert_eq!(list[0].klant, "É.ë.");
        assert_eq!(drafts.load(&s.id).unwrap(), s);
        s.klant = "AB".into();
        drafts.save(&s).unwrap();
        assert_eq!(drafts.load(&s.id).unwrap().klant, "AB");
        drafts.remove(&s.id).unwrap();
        drafts.remove(&s.id).unwrap();
        assert!(drafts.list().0.is_empty());
        assert!(drafts.load(&s.id).is_err());
    }

    #[test]
    fn list_is_newest_first_and_skips_blank_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().to_path_buf());
        drafts.save(&session("leeg", "")).unwrap();
        drafts.save(&session("oud", "A")).unwrap();
        let old = SystemTime::now() - std::time::Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(dir.path().join("oud.ron"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        drafts.save(&session("nieuw", "B")).unwrap();
        let (list, problems) = drafts.list();
        assert!(problems.is_empty(), "{problems:?}");
        let ids: Vec<_> = list.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["nieuw", "oud"]);
    }

    #[test]
    fn corrupt_draft_is_a_problem_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().to_path_buf());
        drafts.save(&session("goed", "A")).unwrap();
        let bad = dir.path().join("kapot.ron");
        fs::write(&bad, "(klant: \"A\", notities: {").unwrap();
        fs::write(dir.path().join("binair.ron"), b"\xff\xfe\x00").unwrap();
        let (list, problems) = drafts.list();
        assert_eq!(list.len(), 1);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().any(|p| p.file.ends_with("kapot.ron")));
        assert!(bad.exists());
        assert!(dir.path().join("binair.ron").exists());
    }

    #[test]
    fn missing_folder_lists_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (list, problems) = Drafts::new(dir.path().join("nog-niet")).list();
        assert!(list.is_empty() && problems.is_empty());
    }

    #[test]
    fn lock_refuses_a_second_holder_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().join("concepten"));
        let first = drafts.lock("s1").unwrap();
        let msg = drafts.lock_or_say("s1").unwrap_err();
        assert_eq!(msg, IN_GEBRUIK);
        let other = drafts.lock("s2").unwrap();
        drop(first);
        let again = drafts.lock("s1").unwrap();
        drop((again, other));
        // The lock file is not a draft.
        assert!(drafts.list().1.is_empty());
    }

    #[test]
    fn a_held_draft_cannot_be_removed_but_its_holder_can() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().to_path_buf());
        drafts.save(&session("open", "A")).unwrap();
        let held = drafts.lock("open").unwrap();
        let e = drafts.remove("open").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::ResourceBusy);
        assert!(dir.path().join("open.ron").exists());
        drafts.remove_held(&held).unwrap();
        assert!(!dir.path().join("open.ron").exists());
        drop(held);
        drafts.save(&session("vrij", "B")).unwrap();
        drafts.remove("vrij").unwrap();
        assert!(!dir.path().join("vrij.ron").exists());
    }

    #[cfg(unix)]
    #[test]
    fn lock_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().to_path_buf());
        let _held = drafts.lock("x").unwrap();
        let mode = fs::metadata(dir.path().join("x.lock"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_draft_from_a_newer_release_is_listed_but_not_loaded_for_editing() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().to_path_buf());
        fs::write(
            dir.path().join("nieuw.ron"),
            "(versie: 2, id: \"nieuw\", klant: \"N.V.\", datum: \"2027-03-01\", \
             script: \"intake\", stemming: \"goed\", notities: {\"open\": \"tekst\"})",
        )
        .unwrap();
        let (list, problems) = drafts.list();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(list[0].klant, "N.V.");
        let p = drafts.load("nieuw").unwrap_err();
        assert!(p.msg.contains("nieuwere versie"), "{p}");
        let (versie, text) = drafts.read_newer("nieuw").unwrap();
        assert_eq!(versie, 2);
        assert!(text.contains("stemming"));
        assert!(drafts.read_newer("bestaat-niet").is_none());
    }

    #[test]
    fn hostile_ids_stay_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("concepten");
        let drafts = Drafts::new(inner.clone());
        drafts.save(&session("../../etc/x", "A")).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(fs::read_dir(&inner).unwrap().count(), 1);
        assert_eq!(drafts.load("../../etc/x").unwrap().klant, "A");
    }
}
