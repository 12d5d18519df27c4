//! Writing a plan set (the plan in each format, the trainer's report, the session beside
//! them) as one transaction: the set appears whole or not at all, even when the process
//! is killed halfway.
//!
//! How: every file is first written and flushed inside a hidden staging folder
//! `.meedoen-<random>.tmp` in the plans folder, which this process holds an OS lock on.
//! Then a manifest with the final names is written there, and the files are moved to
//! their names one by one, in a fixed order, never over an existing file (a hard link
//! and an unlink, or an exclusive create where links are not supported). Removing the
//! staging folder is the commit. [`recover`] finds staging folders whose process died:
//! without a manifest nothing was moved and the folder goes; with one, the files that
//! were already moved are taken away again, so no partial set stays. The consultant's
//! draft is kept until an export succeeded, so rolling back never loses a word.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::files::{MAX_TRIES, create_private_dir_all, sync_dir, taken, write_exclusive};

/// Prefix and suffix of staging folders and temporary files.
const PREFIX: &str = ".meedoen-";
const SUFFIX: &str = ".tmp";
/// The lock file inside a staging folder, held while the export runs.
const SLOT: &str = "slot";
/// The list of final names, written before the first move.
const MANIFEST: &str = "manifest";
/// A temporary file older than this belongs to a process that is gone (an atomic
/// write takes milliseconds).
const STALE: Duration = Duration::from_secs(600);

/// Writes several files that belong together under one free stem: `stem`, `stem-2`…
/// chosen so that none of the target files exists, so a set always shares a name.
/// Never overwrites anything; `dir` is created when missing. Returns the paths written.
pub fn write_new_set(dir: &Path, stem: &str, files: &[(&str, &[u8])]) -> io::Result<Vec<PathBuf>> {
    // The names are meant to come from `sanitize`; a separator would write elsewhere.
    let unsafe_part = |s: &str| s.is_empty() || s.contains(['/', '\\']) || s.starts_with('.');
    if unsafe_part(stem) || files.iter().any(|(ext, _)| unsafe_part(ext)) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("ongeldige bestandsnaam: {stem}"),
        ));
    }
    create_private_dir_all(dir)?;
    let stage = Stage::create(dir)?;
    let result = stage.fill(files).and_then(|()| {
        for n in 1..=MAX_TRIES {
            let name = if n == 1 {
                stem.to_string()
            } else {
                format!("{stem}-{n}")
            };
            let names: Vec<String> = files
                .iter()
                .map(|(ext, _)| format!("{name}.{ext}"))
                .collect();
            if names.iter().any(|t| taken(&dir.join(t))) {
                continue;
            }
            match stage.commit(dir, &names, files) {
                Ok(targets) => return Ok(targets),
                // Someone else took the name between our check and our move: next name.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("geen vrije bestandsnaam gevonden voor {stem} in {MAX_TRIES} pogingen"),
        ))
    });
    stage.remove();
    if result.is_ok() {
        sync_dir(dir);
    }
    result
}

/// A staging folder held by this process.
struct Stage {
    path: PathBuf,
    _slot: File,
}

impl Stage {
    fn create(dir: &Path) -> io::Result<Stage> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(PREFIX).suffix(SUFFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o700));
        }
        let path = builder.tempdir_in(dir)?.keep();
        let mut options = File::options();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let slot = options
            .open(path.join(SLOT))
            .and_then(|f| f.try_lock().map(|()| f).map_err(io::Error::from));
        match slot {
            Ok(slot) => Ok(Stage { path, _slot: slot }),
            Err(e) => {
                let _ = fs::remove_dir_all(&path);
                Err(e)
            }
        }
    }

    fn staged(&self, i: usize) -> PathBuf {
        self.path.join(i.to_string())
    }

    /// Writes every file into the staging folder and flushes it to the disk.
    fn fill(&self, files: &[(&str, &[u8])]) -> io::Result<()> {
        for (i, (_, contents)) in files.iter().enumerate() {
            write_exclusive(&self.staged(i), contents)?;
        }
        sync_dir(&self.path);
        Ok(())
    }

    /// Writes the manifest, then moves each file to its name. On failure, the files
    /// already moved are taken back, so a retry finds the same free name.
    fn commit(
        &self,
        dir: &Path,
        names: &[String],
        files: &[(&str, &[u8])],
    ) -> io::Result<Vec<PathBuf>> {
        let manifest = self.path.join(MANIFEST);
        write_exclusive(&manifest, names.join("\n").as_bytes())?;
        sync_dir(&self.path);
        let mut moved: Vec<PathBuf> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let target = dir.join(name);
            if let Err(e) = move_new(&self.staged(i), &target, files[i].1) {
                for m in &moved {
                    let _ = fs::remove_file(m);
                }
                let _ = fs::remove_file(&manifest);
                // Stage again what was moved, for the next name.
                for (j, (_, contents)) in files.iter().enumerate() {
                    let staged = self.staged(j);
                    if !staged.exists() {
                        write_exclusive(&staged, contents)?;
                    }
                }
                return Err(e);
            }
            moved.push(target);
        }
        Ok(moved)
    }

    /// Removes the staging folder (the commit, or the clean-up after a failure). The
    /// manifest goes first, while the lock is still held: a recovery that finds the
    /// folder unlocked after that only removes the folder, never the set just written.
    fn remove(self) {
        let Stage { path, _slot } = self;
        let _ = fs::remove_file(path.join(MANIFEST));
        // Windows cannot delete a file that is still open.
        drop(_slot);
        let _ = fs::remove_dir_all(&path);
    }
}

/// Moves `from` to `to`, failing if `to` exists. A hard link never replaces; FAT on a
/// USB stick and some network shares have none, and an exclusive create is used there.
fn move_new(from: &Path, to: &Path, contents: &[u8]) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) => write_exclusive(to, contents)?,
    }
    fs::remove_file(from)
}

/// Finds the leftovers of exports and atomic writes whose process died, in `dir`, and
/// cleans them: partial sets are rolled back, staging folders and old temporary files
/// removed. Staging folders of a live export (its lock is held) are left alone. Returns
/// what was removed.
pub fn recover(dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for path in leftovers(dir) {
        if path.is_dir() {
            if let Some(done) = roll_back(dir, &path) {
                removed.extend(done);
                if fs::remove_dir_all(&path).is_ok() {
                    removed.push(path);
                }
            }
        } else if is_stale(&path) && fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

/// Every `.meedoen-*.tmp` in `dir`, file or folder.
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(PREFIX) && name.ends_with(SUFFIX)
        })
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

fn is_stale(path: &Path) -> bool {
    fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() > STALE)
}

/// Rolls back a dead export's staging folder; `None` while its export is alive (or
/// might just be starting).
fn roll_back(dir: &Path, stage: &Path) -> Option<Vec<PathBuf>> {
    match File::options().write(true).open(stage.join(SLOT)) {
        Ok(slot) => match slot.try_lock() {
            Ok(()) => {}
            Err(_) => return None,
        },
        // No lock file: killed before it was made, or being made right now.
        Err(_) if !is_stale(stage) => return None,
        Err(_) => {}
    }
    let mut removed = Vec::new();
    let Ok(manifest) = fs::read_to_string(stage.join(MANIFEST)) else {
        return Some(removed);
    };
    for (i, name) in manifest.lines().enumerate() {
        // Only plain names are ever written; anything else is not ours to touch.
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            continue;
        }
        let target = dir.join(name);
        let staged = stage.join(i.to_string());
        let ours = if staged.exists() {
            // Killed between link and unlink: the same file under both names.
            same_contents(&staged, &target)
        } else {
            target.exists()
        };
        if ours && fs::remove_file(&target).is_ok() {
            removed.push(target);
        }
    }
    Some(removed)
}

fn same_contents(a: &Path, b: &Path) -> bool {
    match (fs::read(a), fs::read(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes a manifest by hand, for tests that simulate a crash mid-commit.
#[doc(hidden)]
pub fn write_manifest_for_test(stage: &Path, names: &[&str]) -> io::Result<()> {
    let mut f = File::create(stage.join(MANIFEST))?;
    f.write_all(names.join("\n").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_set_is_written_whole_and_the_staging_folder_goes() {
        let dir = tempfile::tempdir().unwrap();
        let files: [(&str, &[u8]); 2] = [("md", b"plan"), ("sessie.ron", b"sessie")];
        write_new_set(dir.path(), "x", &files).unwrap();
        assert_eq!(names(dir.path()), ["x.md", "x.sessie.ron"]);
    }

    /// A staging folder as a killed export leaves it: files staged, a manifest, some
    /// files already moved, no live lock.
    fn killed_export(dir: &Path, moved: usize) -> PathBuf {
        let stage = dir.join(".meedoen-dood.tmp");
        fs::create_dir(&stage).unwrap();
        File::create(stage.join(SLOT)).unwrap();
        let set = ["y.md", "y.html", "y.sessie.ron"];
        for (i, name) in set.iter().enumerate() {
            if i < moved {
                fs::write(dir.join(name), "Zwaluw").unwrap();
            } else {
                fs::write(stage.join(i.to_string()), "Zwaluw").unwrap();
            }
        }
        write_manifest_for_test(&stage, &set).unwrap();
        stage
    }

    #[test]
    fn recovery_rolls_back_a_partial_set_and_leaves_other_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("y.txt"), "van iemand anders").unwrap();
        let stage = killed_export(dir.path(), 2);
        let removed = recover(dir.path());
        assert!(removed.contains(&stage));
        assert_eq!(names(dir.path()), ["y.txt"]);
    }

    #[test]
    fn recovery_keeps_a_file_that_was_not_ours() {
        let dir = tempfile::tempdir().unwrap();
        let stage = killed_export(dir.path(), 0);
        // Someone else's file under the first name, with other contents.
        fs::write(dir.path().join("y.md"), "ander plan").unwrap();
        recover(dir.path());
        assert_eq!(names(dir.path()), ["y.md"]);
        assert!(!stage.exists());
    }

    #[test]
    fn a_live_export_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let stage = Stage::create(dir.path()).unwrap();
        stage.fill(&[("md", b"plan")]).unwrap();
        assert!(recover(dir.path()).is_empty());
        assert!(stage.path.exists());
        stage.remove();
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn fresh_temp_files_stay_and_old_ones_go() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join(".meedoen-vers.tmp");
        let old = dir.path().join(".meedoen-oud.tmp");
        fs::write(&fresh, "x").unwrap();
        fs::write(&old, "x").unwrap();
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
        assert_eq!(recover(dir.path()), vec![old]);
        assert!(fresh.exists());
    }
}
