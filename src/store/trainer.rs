//! The trainer folder: where practice reports, class rounds (Markdown and CSV) and the
//! class overview are written. It lies in the local data folder, apart from the plans
//! folder: trainer files are about trainees, so they must never sit beside a client's
//! plan, be picked up as a client's file, or travel with a plans folder that is shared
//! with a case system. Nothing is overwritten except the class overview, which is meant
//! to be the latest state of its own session.

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::files::{
    create_private_dir_all, describe_io_error, sanitize, write_atomic, write_new_set,
};
use super::paths::Paths;

/// Extension of the trainer report written beside a real, tallied gesprek's plan. It
/// belongs to that client's saved session, so erasing the client erases it too.
pub const MI_RAPPORT_EXT: &str = "mi-rapport.md";

/// The trainer folder.
pub fn dir(paths: &Paths) -> PathBuf {
    paths.data.join("trainer")
}

/// The stem of a class session's files: date and session name.
pub fn klas_stem(datum: NaiveDate, naam: &str) -> String {
    format!("{}-{}", datum.format("%Y-%m-%d"), sanitize(naam))
}

/// Writes a set of trainer files (a round's `.md` and `.csv`, a practice report) under a
/// new name in the trainer folder.
pub fn write_set(
    paths: &Paths,
    stem: &str,
    files: &[(String, String)],
) -> io::Result<Vec<PathBuf>> {
    let parts: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(ext, text)| (ext.as_str(), text.as_bytes()))
        .collect();
    write_new_set(&dir(paths), stem, &parts)
}

/// Writes (or replaces) a class session's overview, atomically: a crash leaves the
/// previous overview, never half of one.
pub fn write_overzicht(paths: &Paths, stem: &str, text: &str) -> io::Result<PathBuf> {
    let d = dir(paths);
    create_private_dir_all(&d)?;
    let path = d.join(format!("{}-klasoverzicht.md", sanitize(stem)));
    write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// Writes a round's files, then the class overview when given (stem, text), and says
/// what went wrong in words for the trainer. The overview comes last, so it never names
/// a round that is not on disk.
pub fn write_all(
    paths: &Paths,
    stem: &str,
    files: &[(String, String)],
    overzicht: Option<(String, String)>,
) -> Result<Vec<PathBuf>, String> {
    let d = dir(paths);
    let mut written = write_set(paths, stem, files).map_err(|e| describe_io_error(&e, &d))?;
    if let Some((klas, text)) = overzicht {
        written.push(write_overzicht(paths, &klas, &text).map_err(|e| describe_io_error(&e, &d))?);
    }
    Ok(written)
}

/// Whether a path is inside the trainer folder (for tests and for `wis`, which never
/// touches it: it holds no client's data).
pub fn is_trainer_file(paths: &Paths, path: &Path) -> bool {
    path.starts_with(dir(paths))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trainer_files_go_to_their_own_folder_and_never_overwrite() {
        let tmp = tempfile::tempdir().unwrap();
        let paths = Paths::portable(tmp.path());
        let files = vec![
            ("md".to_string(), "# Ronde 1".to_string()),
            ("csv".to_string(), "tijd,stap,code,spreker\r\n".to_string()),
        ];
        let a = write_set(&paths, "2026-12-02-groep-ronde-1-anna", &files).unwrap();
        let b = write_set(&paths, "2026-12-02-groep-ronde-1-anna", &files).unwrap();
        assert_ne!(a, b);
        for p in a.iter().chain(&b) {
            assert!(is_trainer_file(&paths, p), "{}", p.display());
            assert!(!p.starts_with(&paths.output), "{}", p.display());
        }
        let o1 = write_overzicht(&paths, "2026-12-02-groep", "een").unwrap();
        let o2 = write_overzicht(&paths, "2026-12-02-groep", "twee").unwrap();
        assert_eq!(o1, o2);
        assert_eq!(std::fs::read_to_string(o2).unwrap(), "twee");
        assert_eq!(
            klas_stem(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(), "Groep A/B"),
            "2026-12-02-Groep-AB"
        );
    }
}
