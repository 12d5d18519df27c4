//! Erasing everything meedoen holds about one client (AVG art. 17): autosaved drafts,
//! saved sessions and the plans written beside them. Files are matched on the `klant`
//! field inside each session, not on file names, because names are shortened and
//! sanitised initials and two clients can share them. A plan belongs to a client when
//! it shares its stem with a saved session of that client (they are always written as
//! a set). Planning and doing are separate steps, so the CLI can show the list and ask
//! for confirmation before anything is deleted.
//!
//! Deleting is an ordinary file removal: it bypasses the Windows recycle bin, but copies
//! elsewhere (a backup, an e-mail, the case system) are out of reach, and `describe`
//! says so.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use super::drafts::load_session_any_version as load_session;
use super::files::describe_io_error;
use super::paths::Paths;
use super::sessions::{SESSION_EXT, client_key as key};

/// Extensions of plans written beside a saved session, and of the trainer report a
/// tallied real gesprek leaves there: it belongs to the same client.
const PLAN_EXTS: [&str; 4] = ["md", "html", "txt", super::trainer::MI_RAPPORT_EXT];

/// What erasing one client would delete.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Erasure {
    /// The client as typed by the consultant.
    pub klant: String,
    /// Every file to delete, sorted.
    pub files: Vec<PathBuf>,
    /// Lock files of the client's drafts: held by another window means the gesprek is
    /// open, and erasing it there would be undone by the next autosave.
    pub locks: Vec<PathBuf>,
    /// Session files that could not be read, so could not be checked; the consultant
    /// should look at them by hand.
    pub onleesbaar: Vec<PathBuf>,
    /// Staging folders of killed exports that held the client's files; removed once
    /// their files are.
    pub mappen: Vec<PathBuf>,
}

/// Why an erasure stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraseError {
    /// What was deleted before the failure.
    pub gewist: Vec<PathBuf>,
    /// Dutch explanation.
    pub melding: String,
    /// Whether the file system refused (a disk error), rather than a gesprek being open.
    pub schijf: bool,
}

impl std::fmt::Display for EraseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.melding)
    }
}

impl std::error::Error for EraseError {}

/// Files in `dir` whose name ends with `suffix`; a missing folder has none.
pub(super) fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(suffix))
        .collect();
    v.sort();
    v
}

/// Finds every draft, saved session and plan of `klant`. An empty name matches nothing:
/// sessions without a client are nobody's, and "erase everyone" is not a feature.
pub fn plan_erase(paths: &Paths, klant: &str) -> Erasure {
    let mut erasure = Erasure {
        klant: klant.trim().to_string(),
        ..Erasure::default()
    };
    let wanted = key(klant);
    if wanted.is_empty() {
        return erasure;
    }
    let mut check = |path: &Path| match load_session(path) {
        Ok(s) => key(&s.klant) == wanted,
        Err(_) => {
            erasure.onleesbaar.push(path.to_path_buf());
            false
        }
    };
    let mut files = Vec::new();
    let mut locks = Vec::new();
    for draft in files_ending(&paths.drafts, ".ron") {
        if check(&draft) {
            let lock = draft.with_extension("lock");
            if lock.exists() {
                files.push(lock.clone());
                locks.push(lock);
            }
            files.push(draft);
        }
    }
    for session in files_ending(&paths.output, SESSION_EXT) {
        if check(&session) {
            files.extend(with_plans(&session));
        }
    }
    // Emergency copies hold the whole gesprek too (the temp folder, shared by nobody
    // else but still on this laptop).
    for copy in files_ending(&paths.nood, ".ron") {
        if check(&copy) {
            files.push(copy);
        }
    }
    // What a killed export or write left: partial sets without their session, staging
    // folders and temporary files. They are matched on their contents.
    for dir in [&paths.output, &paths.drafts] {
        for left in super::set::leftovers(dir) {
            if left.is_dir() {
                let inside: Vec<PathBuf> = fs::read_dir(&left)
                    .map(|e| e.flatten().map(|e| e.path()).collect())
                    .unwrap_or_default();
                if inside.iter().any(|f| belongs(f, &wanted)) {
                    files.extend(inside);
                    erasure.mappen.push(left);
                }
            } else if belongs(&left, &wanted) {
                files.push(left);
            }
        }
    }
    for ext in PLAN_EXTS {
        for plan in files_ending(&paths.output, &format!(".{ext}")) {
            let name = plan.to_string_lossy();
            let stem = &name[..name.len() - ext.len() - 1];
            let orphan = !Path::new(&format!("{stem}{SESSION_EXT}")).exists();
            if orphan && belongs(&plan, &wanted) {
                files.push(plan);
            }
        }
    }
    files.sort();
    files.dedup();
    erasure.files = files;
    erasure.locks = locks;
    erasure
}

/// A saved session and the plans (and trainer's report) written beside it.
pub fn with_plans(session: &Path) -> Vec<PathBuf> {
    let name = session.to_string_lossy();
    let Some(stem) = name.strip_suffix(SESSION_EXT) else {
        return vec![session.to_path_buf()];
    };
    let mut v: Vec<PathBuf> = PLAN_EXTS
        .iter()
        .map(|ext| PathBuf::from(format!("{stem}.{ext}")))
        .filter(|p| p.is_file())
        .collect();
    v.push(session.to_path_buf());
    v
}

/// Whether a file without a session beside it is the client's: a session of theirs, or
/// a text that names them as a whole word (`Klant: A.B.`).
fn belongs(path: &Path, wanted: &str) -> bool {
    let Ok(bytes) = super::lezen::read_regular(path, super::assets::MAX_DATA_FILE) else {
        return false;
    };
    let text = String::from_utf8_lossy(&bytes);
    if let Ok(s) = ron::from_str::<crate::core::session::Session>(&text) {
        return key(&s.klant) == wanted;
    }
    names_whole(&text.to_lowercase(), wanted)
}

/// Whether `name` occurs in `text` with no letter or digit right before or after it.
fn names_whole(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A Dutch description of what `execute` will delete, for the confirmation question.
pub fn describe(erasure: &Erasure) -> String {
    let klant = &erasure.klant;
    let mut out = if erasure.files.is_empty() {
        format!("Er zijn geen bestanden van klant “{klant}” gevonden.\n")
    } else {
        let n = erasure.files.len();
        let what = if n == 1 { "bestand" } else { "bestanden" };
        let mut s = format!("Van klant “{klant}” worden {n} {what} gewist:\n");
        for f in &erasure.files {
            s.push_str(&format!("  {}\n", f.display()));
        }
        s.push_str(
            "Dit kan niet ongedaan worden gemaakt. Kopieën elders (een back-up, een e-mail, \
             het klantsysteem) wist meedoen niet.\n",
        );
        s
    };
    if !erasure.onleesbaar.is_empty() {
        out.push_str(
            "Deze bestanden konden niet worden gelezen; kijk zelf of ze van deze klant zijn:\n",
        );
        for f in &erasure.onleesbaar {
            out.push_str(&format!("  {}\n", f.display()));
        }
    }
    out
}

/// Deletes the files of a planned erasure and returns those deleted. Refuses before
/// deleting anything when one of the client's gesprekken is open in another window.
/// Files that are already gone are skipped; on another failure it stops and reports
/// what was deleted so far.
pub fn execute(erasure: &Erasure) -> Result<Vec<PathBuf>, EraseError> {
    // Hold every lock while deleting, so no window can start autosaving in between.
    let mut held: Vec<File> = Vec::new();
    for lock in &erasure.locks {
        let file = match OpenOptions::new().write(true).open(lock) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(fail(Vec::new(), &e, lock)),
        };
        if let Err(fs::TryLockError::WouldBlock) = file.try_lock() {
            return Err(EraseError {
                gewist: Vec::new(),
                schijf: false,
                melding: "Een gesprek van deze klant is nog geopend in een ander venster van \
                          meedoen. Sluit dat venster en probeer het opnieuw."
                    .to_string(),
            });
        }
        held.push(file);
    }
    let mut gewist = Vec::new();
    for path in &erasure.files {
        match fs::remove_file(path) {
            Ok(()) => gewist.push(path.clone()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(fail(gewist, &e, path)),
        }
    }
    drop(held);
    for dir in &erasure.mappen {
        let _ = fs::remove_dir_all(dir);
    }
    Ok(gewist)
}

fn fail(gewist: Vec<PathBuf>, e: &io::Error, path: &Path) -> EraseError {
    EraseError {
        gewist,
        melding: describe_io_error(e, path),
        schijf: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_names_only() {
        assert!(names_whole("- **klant:** a.b.\n", "a.b."));
        assert!(names_whole("klant: ab", "ab"));
        assert!(!names_whole("taboe", "ab"));
        assert!(!names_whole("abc", "ab"));
    }

    #[test]
    fn an_emergency_copy_of_the_client_is_erased_too() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        let nood = super::super::emergency::Emergency::new(paths.nood.clone());
        let mut s = crate::core::session::Session {
            id: "n1".into(),
            klant: "A.B.".into(),
            ..Default::default()
        };
        s.set_note("welkom", "Nog niet bewaard.".into());
        let copy = nood.save(&s).unwrap();
        s.id = "n2".into();
        s.klant = "C.D.".into();
        let other = nood.save(&s).unwrap();
        let e = plan_erase(&paths, "a.b.");
        assert_eq!(e.files, vec![copy.clone()]);
        execute(&e).unwrap();
        assert!(!copy.exists() && other.exists());
    }

    #[test]
    fn an_empty_name_matches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        let e = plan_erase(&paths, "  ");
        assert!(e.files.is_empty());
        assert!(describe(&e).contains("geen bestanden"));
        assert_eq!(execute(&e).unwrap(), Vec::<PathBuf>::new());
    }

    #[test]
    fn describe_lists_files_and_unreadable_ones() {
        let e = Erasure {
            klant: "AB".into(),
            files: vec![PathBuf::from("/x/a.md"), PathBuf::from("/x/a.sessie.ron")],
            locks: Vec::new(),
            onleesbaar: vec![PathBuf::from("/x/kapot.sessie.ron")],
            mappen: Vec::new(),
        };
        let text = describe(&e);
        assert!(
            text.starts_with("Van klant “AB” worden 2 bestanden gewist:"),
            "{text}"
        );
        assert!(text.contains("  /x/a.md\n"), "{text}");
        assert!(text.contains("niet ongedaan"), "{text}");
        assert!(text.contains("  /x/kapot.sessie.ron\n"), "{text}");
    }
}
