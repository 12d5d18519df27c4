//! Where meedoen reads and writes. All folders come from `directories`, so they follow
//! each platform's rules (on Windows: %APPDATA% for config, %LOCALAPPDATA% for data, so
//! client data never roams to other machines). Portable mode: a `meedoen-data` folder
//! beside the executable, when present, holds everything — for USB sticks and laptops
//! where the user profile is locked down.

use std::path::{Path, PathBuf};

use directories::{ProjectDirs, UserDirs};

/// Name of the folder that switches on portable mode.
pub const PORTABLE_DIR: &str = "meedoen-data";

/// Every folder the app uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// User overrides of the data files (script, catalogus, taxonomie, templates).
    pub config: PathBuf,
    /// Local (non-roaming) data: drafts, event log.
    pub data: PathBuf,
    /// Autosaved drafts of gesprekken in progress.
    pub drafts: PathBuf,
    /// Where plans and saved sessions are written.
    pub output: PathBuf,
    /// Whether the portable folder is in use.
    pub portable: bool,
}

impl Paths {
    /// Resolves the folders. `uitvoer` (from `--uitvoer`) overrides the output folder.
    pub fn resolve(uitvoer: Option<&Path>) -> Result<Paths, String> {
        let exe_dir = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf));
        let portable = exe_dir.map(|d| d.join(PORTABLE_DIR)).filter(|d| d.is_dir());
        let mut paths = match portable {
            Some(root) => Paths::portable(&root),
            None => Paths::standard()?,
        };
        if let Some(dir) = uitvoer {
            paths.output = dir.to_path_buf();
        }
        Ok(paths)
    }

    /// All folders under one root (portable mode, and tests).
    pub fn portable(root: &Path) -> Paths {
        Paths {
            config: root.join("instellingen"),
            data: root.join("gegevens"),
            drafts: root.join("gegevens").join("concepten"),
            output: root.join("plannen"),
            portable: true,
        }
    }

    /// The platform's standard folders.
    pub fn standard() -> Result<Paths, String> {
        let dirs = ProjectDirs::from("nl", "", "meedoen").ok_or_else(|| {
            "kan de persoonlijke map van deze gebruiker niet vinden (is HOME of %USERPROFILE% gezet?)"
                .to_string()
        })?;
        let data = dirs.data_local_dir().to_path_buf();
        let output = UserDirs::new()
            .and_then(|u| u.document_dir().map(|d| d.join("meedoen")))
            .unwrap_or_else(|| data.join("plannen"));
        Ok(Paths {
            config: dirs.config_dir().to_path_buf(),
            drafts: data.join("concepten"),
            data,
            output,
            portable: false,
        })
    }

    /// The folders with a Dutch description, for `meedoen paden`.
    pub fn describe(&self) -> Vec<(&'static str, &Path)> {
        vec![
            (
                "instellingen (eigen script, catalogus, taxonomie)",
                &self.config,
            ),
            ("gegevens (lokaal, niet gesynchroniseerd)", &self.data),
            (
                "concepten (automatisch opgeslagen gesprekken)",
                &self.drafts,
            ),
            ("plannen van aanpak", &self.output),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_paths_stay_under_the_root() {
        let root = Path::new("/x/meedoen-data");
        let p = Paths::portable(root);
        for (_, dir) in p.describe() {
            assert!(dir.starts_with(root), "{}", dir.display());
        }
        assert!(p.portable);
    }

    #[test]
    fn uitvoer_overrides_the_output_folder() {
        let p = Paths::resolve(Some(Path::new("/tmp/elders"))).unwrap();
        assert_eq!(p.output, Path::new("/tmp/elders"));
        assert_ne!(p.drafts, p.output);
    }
}
