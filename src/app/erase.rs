//! Where a client's files can be, and erasing them (AVG art. 17), the same for every
//! front-end: the drafts folder, the plans folder in use, the gemeente's `uitvoermap`
//! and the platform's default plans folder, because a consultant may have written plans
//! to each of them over time. Missing one of them leaves a client's plan behind.

use std::path::PathBuf;

use crate::store::erase::{self, Erasure};
use crate::store::paths::Paths;

use super::Bundle;

/// Every folder plans may have been written to, without repeats: the one in use first.
pub fn plan_folders(bundle: &Bundle) -> Vec<PathBuf> {
    let mut dirs = vec![bundle.paths.output.clone()];
    if let Some(dir) = bundle
        .gemeente
        .uitvoermap
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        dirs.push(PathBuf::from(dir));
    }
    if !bundle.paths.portable
        && let Ok(standard) = Paths::standard()
    {
        dirs.push(standard.output);
    }
    let mut seen = Vec::new();
    dirs.retain(|d| {
        let new = !seen.contains(d);
        seen.push(d.clone());
        new
    });
    dirs
}

/// What erasing `klant` would delete, in every folder the settings name.
pub fn plan(bundle: &Bundle, klant: &str) -> Erasure {
    let mut all = Erasure::default();
    for dir in plan_folders(bundle) {
        let paths = Paths {
            output: dir,
            ..bundle.paths.clone()
        };
        let found = erase::plan_erase(&paths, klant);
        all.klant = found.klant;
        all.files.extend(found.files);
        all.locks.extend(found.locks);
        all.onleesbaar.extend(found.onleesbaar);
    }
    for list in [&mut all.files, &mut all.locks, &mut all.onleesbaar] {
        list.sort();
        list.dedup();
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::Source;
    use crate::core::problem::Problem;
    use crate::core::session::Session;
    use crate::store::assets::DEFAULT_GEMEENTE;

    #[test]
    fn plans_in_the_gemeente_folder_and_the_command_line_folder_are_both_found() {
        fn no_check(_: &Source) -> Vec<Problem> {
            Vec::new()
        }
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Paths::portable(dir.path());
        let gemeente_dir = dir.path().join("gemeente-plannen");
        std::fs::create_dir_all(&paths.config).unwrap();
        std::fs::write(
            paths.config.join("gemeente.ron"),
            DEFAULT_GEMEENTE.replace(
                "uitvoermap: None",
                &format!("uitvoermap: {:?}", gemeente_dir.display().to_string()),
            ),
        )
        .unwrap();
        let other = dir.path().join("elders");
        paths.output = other.clone();
        let b = Bundle::load_in(paths, None, true, no_check, "nu");
        assert_eq!(plan_folders(&b), [other.clone(), gemeente_dir.clone()]);
        let session = Session {
            klant: "K.v.D.".into(),
            ..Session::default()
        };
        let ron = ron::ser::to_string(&session).unwrap();
        for d in [&other, &gemeente_dir] {
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(d.join("2026-12-02-kvd.sessie.ron"), &ron).unwrap();
            std::fs::write(d.join("2026-12-02-kvd.md"), "plan").unwrap();
        }
        let found = plan(&b, "k.v.d.");
        assert_eq!(found.files.len(), 4, "{:?}", found.files);
        assert!(plan(&b, "iemand anders").files.is_empty());
    }
}
