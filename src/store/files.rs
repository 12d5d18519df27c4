//! Safe file writing: sanitised names, atomic writes, and sets of files (a plan and its
//! session) that are written under one free name without ever overwriting anything. The
//! golden rule is that no word the consultant typed is lost, so every write goes to a
//! temporary file first, is flushed to disk, and only then gets its final name.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;
use tempfile::NamedTempFile;

pub use super::melding::describe_io_error;
pub use super::set::{leftovers as set_leftovers, recover, write_new_set};

/// Longest name part we produce, in characters; leaves room for a date, a `-N` suffix
/// and an extension within Windows' classic 260-character path limit.
const MAX_NAME: usize = 40;

/// How many `stem-N` names we try before giving up; thousands of plans for one client
/// on one day means something else is wrong.
pub(super) const MAX_TRIES: usize = 999;

/// Whether Windows reserves this name for a device (with or without an extension):
/// CON, PRN, AUX, NUL, COM1–9 and LPT1–9, including the superscript ¹²³ forms.
fn is_reserved(base: &str) -> bool {
    let upper = base.to_uppercase();
    if matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL") {
        return true;
    }
    let mut chars = upper.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    matches!(prefix.as_str(), "COM" | "LPT")
        && matches!(rest.as_slice(), ['1'..='9' | '¹' | '²' | '³'])
}

/// Turns any text into a safe file name part: letters and digits (including é, ë and
/// other scripts) are kept, spaces become `-`, everything that is special to Windows or
/// unix is dropped. Never empty, never hidden, never `..`, never a Windows device name.
pub fn sanitize(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let mapped = if c.is_alphanumeric() || c == '_' {
            c
        } else if c.is_whitespace() || c == '-' {
            '-'
        } else if c == '.' {
            '.'
        } else {
            continue;
        };
        // Runs of separators collapse, which also rules out "..".
        if matches!(mapped, '-' | '.') && out.ends_with(['-', '.']) {
            continue;
        }
        out.push(mapped);
    }
    let mut out: String = out
        .trim_start_matches(['.', '-'])
        .chars()
        .take(MAX_NAME)
        .collect();
    // Windows silently strips trailing dots and spaces, which would make two names equal.
    while out.ends_with(['.', '-']) {
        out.pop();
    }
    if out.is_empty() {
        return "klant".to_string();
    }
    let base = out.split('.').next().unwrap_or("");
    if is_reserved(base) {
        out.insert(base.len(), '_');
    }
    out
}

/// The file name stem of a plan: date plus the client's initials, lowercase and without
/// dots (`"A.B."` on 23 November 2026 gives `"2026-11-23-ab"`).
pub fn plan_stem(datum: NaiveDate, klant: &str) -> String {
    let initials: String = klant.chars().filter(|&c| c != '.').collect();
    format!(
        "{}-{}",
        datum.format("%Y-%m-%d"),
        sanitize(&initials).to_lowercase()
    )
}

/// Creates `dir` and any missing parents, owner-only (0700) on unix, so a plan folder
/// made by meedoen cannot be read by other accounts on a shared machine. Folders that
/// already exist keep their permissions: they are the user's or the admin's choice.
/// On Windows, new folders inherit the parent's ACL, which for the user's profile
/// already means owner-only.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    // A file (or anything else) where the folder should be: the OS says "already
    // exists", which reads as if a plan were in the way. Say what it is.
    if let Some(blocker) = dir
        .ancestors()
        .find(|a| fs::metadata(a).is_ok_and(|m| !m.is_dir()))
    {
        return Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            format!("{} is geen map", blocker.display()),
        ));
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Whether something (a file, a folder, even a dangling link) already has this name.
pub(super) fn taken(path: &Path) -> bool {
    !matches!(fs::symlink_metadata(path), Err(e) if e.kind() == io::ErrorKind::NotFound)
}

/// Creates `path` (failing if it exists) and writes `contents`, owner-only on unix; a
/// partly written file is removed again.
pub(super) fn write_exclusive(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    let written = file.write_all(contents).and_then(|()| file.sync_all());
    if written.is_err() {
        drop(file);
        let _ = fs::remove_file(path);
    }
    written
}

/// Writes `path` whole and durably, only if it does not exist: an existing file, also one
/// made between the check and the write, is never replaced (`AlreadyExists`).
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    create_private_dir_all(dir)?;
    temp_with(dir, contents, true)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Overwrites `path` atomically: the old contents stay intact until the new contents are
/// completely on disk. Owner-only on unix. Used for drafts, which change constantly.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace(path, contents, true)
}

/// Like [`write_atomic`] but without waiting for the disk: the file is replaced whole
/// (never half-written), and survives the process being killed, but a power cut may undo
/// the last few writes. For autosave on every keystroke, where waiting ~10 ms for the
/// disk on each key would make typing lag.
pub fn write_atomic_quick(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace(path, contents, false)
}

fn replace(path: &Path, contents: &[u8], durable: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    create_private_dir_all(dir)?;
    let mut tmp = temp_with(dir, contents, durable)?;
    let mut attempt = 0;
    loop {
        match tmp.persist(path) {
            Ok(_) => break,
            // Windows refuses to replace a file that a virus scanner or search indexer
            // has open for a moment; waiting briefly is enough.
            Err(e)
                if cfg!(windows)
                    && attempt < 5
                    && e.error.kind() == io::ErrorKind::PermissionDenied =>
            {
                attempt += 1;
                tmp = e.file;
                std::thread::sleep(std::time::Duration::from_millis(20 * attempt));
            }
            Err(e) => return Err(e.error),
        }
    }
    if durable {
        sync_dir(dir);
    }
    Ok(())
}

/// A temporary file in `dir` (same folder, so the final rename cannot cross disks) that
/// holds `contents`, flushed to the disk when `durable`.
fn temp_with(dir: &Path, contents: &[u8], durable: bool) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".meedoen-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(contents)?;
    if durable {
        tmp.as_file().sync_all()?;
    }
    Ok(tmp)
}

/// Flushes a folder's entries, so a new name survives a power cut (unix only; Windows
/// has no equivalent for folders). Best effort: the data itself is already synced.
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn sanitize_keeps_letters_and_maps_spaces() {
        assert_eq!(sanitize("Émile de Bruïne"), "Émile-de-Bruïne");
        assert_eq!(sanitize("中文 名"), "中文-名");
    }

    #[test]
    fn sanitize_removes_everything_dangerous() {
        assert_eq!(sanitize("../.."), "klant");
        assert_eq!(sanitize("a/b"), "ab");
        assert_eq!(sanitize("C:\\x"), "Cx");
        assert_eq!(sanitize("a\u{0}b\u{7}c\n"), "abc");
        assert_eq!(sanitize("x*?\"<>|:y"), "xy");
        assert_eq!(sanitize(".verborgen"), "verborgen");
        assert_eq!(sanitize("a..b"), "a.b");
        assert_eq!(sanitize("eind. "), "eind");
        assert_eq!(sanitize(""), "klant");
        assert_eq!(sanitize("🙂"), "klant");
        assert_eq!(sanitize("🙂 ab"), "ab");
    }

    #[test]
    fn sanitize_makes_windows_device_names_safe() {
        assert_eq!(sanitize("con"), "con_");
        assert_eq!(sanitize("NUL"), "NUL_");
        assert_eq!(sanitize("com1.txt"), "com1_.txt");
        assert_eq!(sanitize("console"), "console");
        assert_eq!(sanitize("COM²"), "COM²_");
        assert_eq!(sanitize("lpt0"), "lpt0");
        assert_eq!(sanitize("com10"), "com10");
    }

    #[test]
    fn sanitize_limits_length() {
        let long = "ä".repeat(100);
        assert_eq!(sanitize(&long).chars().count(), MAX_NAME);
    }

    #[test]
    fn plan_stem_is_date_and_initials() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(plan_stem(d, "A.B."), "2026-11-23-ab");
        assert_eq!(plan_stem(d, ""), "2026-11-23-klant");
        assert_eq!(plan_stem(d, "../con"), "2026-11-23-con_");
    }

    fn names(paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn never_overwrites_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.md"), "oud").unwrap();
        let paths = write_new_set(dir.path(), "x", &[("md", b"nieuw")]).unwrap();
        assert_eq!(names(&paths), ["x-2.md"]);
        assert_eq!(fs::read_to_string(dir.path().join("x.md")).unwrap(), "oud");
        assert_eq!(fs::read_to_string(&paths[0]).unwrap(), "nieuw");
        let paths = write_new_set(dir.path(), "x", &[("md", b"derde")]).unwrap();
        assert_eq!(names(&paths), ["x-3.md"]);
    }

    #[test]
    fn a_pair_stays_together() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.sessie.ron"), "oud").unwrap();
        let files: [(&str, &[u8]); 2] = [("md", b"plan"), ("sessie.ron", b"sessie")];
        let paths = write_new_set(dir.path(), "x", &files).unwrap();
        assert_eq!(names(&paths), ["x-2.md", "x-2.sessie.ron"]);
        assert!(!dir.path().join("x.md").exists());
        assert_eq!(
            fs::read_to_string(dir.path().join("x.sessie.ron")).unwrap(),
            "oud"
        );
    }

    #[test]
    fn creates_missing_folders_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a").join("b");
        write_new_set(&sub, "x", &[("md", "é ë 🙂 中文".as_bytes())]).unwrap();
        let entries: Vec<_> = fs::read_dir(&sub).unwrap().collect();
        assert_eq!(entries.len(), 1);
        assert_eq!(fs::read_to_string(sub.join("x.md")).unwrap(), "é ë 🙂 中文");
    }

    #[test]
    fn exclusive_fallback_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_exclusive(&path, "é 🙂".as_bytes()).unwrap();
        let e = write_exclusive(&path, b"anders").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "é 🙂");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn write_atomic_replaces_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("concept.ron");
        write_atomic(&path, b"een").unwrap();
        write_atomic(&path, b"twee").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "twee");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let paths = write_new_set(dir.path(), "x", &[("md", b"plan")]).unwrap();
        let mode = fs::metadata(&paths[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let draft = dir.path().join("d.ron");
        write_atomic(&draft, b"d").unwrap();
        let mode = fs::metadata(&draft).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn read_only_folder_gives_an_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ro = dir.path().join("alleen-lezen");
        fs::create_dir(&ro).unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o500)).unwrap();
        // Root ignores permissions; there, /proc stands in for a folder nobody can write.
        let probe = ro.join("probe");
        if fs::write(&probe, b"").is_ok() {
            let _ = fs::remove_file(&probe);
            #[cfg(target_os = "linux")]
            {
                let proc_dir = Path::new("/proc/meedoen-test");
                assert!(write_new_set(proc_dir, "x", &[("md", b"plan")]).is_err());
                assert!(write_atomic(&proc_dir.join("d.ron"), b"d").is_err());
            }
            return;
        }
        let e = write_new_set(&ro, "x", &[("md", b"plan")]).unwrap_err();
        let msg = describe_io_error(&e, &ro.join("x.md"));
        assert!(msg.contains("toestemming"), "{msg}");
        assert!(write_atomic(&ro.join("d.ron"), b"d").is_err());
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o700)).unwrap();
    }

    #[test]
    fn names_with_separators_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for (stem, ext) in [("../x", "md"), ("x", "/md"), ("", "md"), ("x", "..")] {
            let e = write_new_set(dir.path(), stem, &[(ext, b"p")]).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bestand");
        fs::write(&file, b"x").unwrap();
        let e = write_new_set(&file, "x", &[("md", b"plan")]).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotADirectory);
        let msg = describe_io_error(&e, &file);
        assert!(!msg.contains("bestaat al"), "{msg}");
        assert!(
            msg.contains(&format!("{} is geen map", file.display())),
            "{msg}"
        );
        let e = write_new_set(&file.join("sub"), "x", &[("md", b"plan")]).unwrap_err();
        assert!(describe_io_error(&e, &file.join("sub")).contains("bestand is geen map"));
    }

    #[test]
    fn quick_replace_writes_the_whole_file_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("concept.ron");
        write_atomic_quick(&path, b"een").unwrap();
        write_atomic_quick(&path, "twee é".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "twee é");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }
}
