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
    /// Emergency copies, when the drafts folder cannot be written: in the system's
    /// temp folder, on another disk than a full USB stick more often than not.
    pub nood: PathBuf,
}

/// The emergency folder in the system's temp folder (`%TEMP%`, `$TMPDIR` or `/tmp`).
fn nood_standard() -> PathBuf {
    std::env::temp_dir().join(super::emergency::DIR_NAME)
}

impl Paths {
    /// Resolves the folders. `uitvoer` (from `--uitvoer`) overrides the output folder.
    pub fn resolve(uitvoer: Option<&Path>) -> Result<Paths, String> {
        let exe_dir = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf));
        Paths::resolve_with(exe_dir.as_deref(), uitvoer)
    }

    /// `resolve` with the executable's folder given, so portable mode can be tested
    /// without moving the test binary.
    pub fn resolve_with(exe_dir: Option<&Path>, uitvoer: Option<&Path>) -> Result<Paths, String> {
        let portable = exe_dir.map(|d| d.join(PORTABLE_DIR)).filter(|d| d.is_dir());
        let mut paths = match portable {
            Some(root) => Paths {
                nood: nood_standard(),
                ..Paths::portable(&root)
            },
            None => Paths::standard()?,
        };
        if let Some(dir) = uitvoer {
            paths.output = dir.to_path_buf();
        }
        Ok(paths)
    }

    /// All folders under one root (portable mode, and tests: there the emergency
    /// folder is under the root too, so tests never see each other's copies; the real
    /// portable mode puts it back in the temp folder).
    pub fn portable(root: &Path) -> Paths {
        Paths {
            config: root.join("instellingen"),
            data: root.join("gegevens"),
            drafts: root.join("gegevens").join("concepten"),
            output: root.join("plannen"),
            portable: true,
            nood: root.join("noodkopie"),
        }
    }

    /// The platform's standard folders.
    pub fn standard() -> Result<Paths, String> {
        let dirs = ProjectDirs::from("nl", "", "meedoen").ok_or_else(|| {
            "kan de persoonlijke map van deze gebruiker niet vinden (is HOME of %USERPROFILE% gezet?)"
                .to_string()
        })?;
        let data = dirs.data_local_dir().to_path_buf();
        let user = UserDirs::new();
        let output = default_output(
            user.as_ref().map(UserDirs::home_dir),
            user.as_ref().and_then(UserDirs::document_dir),
            &data,
        );
        Ok(Paths {
            config: dirs.config_dir().to_path_buf(),
            drafts: data.join("concepten"),
            data,
            output,
            portable: false,
            nood: nood_standard(),
        })
    }

    /// The folders with a Dutch description, for `meedoen paden`.
    pub fn describe(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            (
                "instellingen (eigen script, catalogus, taxonomie)",
                self.config.clone(),
            ),
            (
                "gegevens (lokaal, niet gesynchroniseerd)",
                self.data.clone(),
            ),
            (
                "concepten (automatisch opgeslagen gesprekken)",
                self.drafts.clone(),
            ),
            ("plannen van aanpak", self.output.clone()),
            (
                "noodkopieën (alleen als opslaan bij de concepten mislukte)",
                self.nood.clone(),
            ),
            (
                "trainer (oefenrapporten en klassessies, nooit bij een plan)",
                super::trainer::dir(self),
            ),
        ]
    }
}

/// Where plans go by default: `Documents/meedoen` in the home folder whenever that
/// Documents folder exists (on Windows it shows as "Documenten"), whatever the
/// platform's own settings name as documents folder; else that documents folder; else
/// the local data folder. The README and `meedoen paden` say the same.
pub fn default_output(home: Option<&Path>, documents: Option<&Path>, data: &Path) -> PathBuf {
    if let Some(docs) = home.map(|h| h.join("Documents")).filter(|d| d.is_dir()) {
        return docs.join("meedoen");
    }
    match documents {
        Some(d) => d.join("meedoen"),
        None => data.join("plannen"),
    }
}

/// Folder names of cloud-sync services, lowercase. Client files in such a folder are
/// copied to a cloud account, often a private one, out of the municipality's control.
const SYNC_FOLDERS: [(&str, &str); 9] = [
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("iclouddrive", "iCloud Drive"),
    ("icloud drive", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("mijn drive", "Google Drive"),
];

/// Environment variables in which Windows names the OneDrive folders.
const ONEDRIVE_VARS: [&str; 3] = ["OneDrive", "OneDriveCommercial", "OneDriveConsumer"];

/// A Dutch warning when `path` lies inside a folder that a cloud service synchronises
/// (OneDrive, Dropbox, iCloud Drive, Google Drive), checked on the folder names and on
/// Windows' OneDrive variables. `None` when the path looks local.
pub fn cloud_sync_warning(path: &Path) -> Option<String> {
    cloud_sync_warning_with(path, &onedrive_roots())
}

/// The folders Windows names in its OneDrive variables.
fn onedrive_roots() -> Vec<PathBuf> {
    ONEDRIVE_VARS
        .iter()
        .filter_map(std::env::var_os)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .collect()
}

/// `cloud_sync_warning` with the synchronised folders given (the values of the OneDrive
/// variables), so it can be tested on any platform.
pub fn cloud_sync_warning_with(path: &Path, sync_roots: &[PathBuf]) -> Option<String> {
    let service = cloud_sync_service_with(path, sync_roots)?;
    Some(format!(
        "Let op: de map {} wordt gesynchroniseerd met {service}. Zo komen gegevens van klanten in de cloud terecht. Kies een map op deze computer (met --uitvoer of in gemeente.ron).",
        path.display()
    ))
}

/// The cloud service that synchronises `path` ("OneDrive", "Dropbox", …), for a warning
/// in the words of the command at hand.
pub fn cloud_sync_service(path: &Path) -> Option<&'static str> {
    cloud_sync_service_with(path, &onedrive_roots())
}

fn cloud_sync_service_with(path: &Path, sync_roots: &[PathBuf]) -> Option<&'static str> {
    // Backslashes split too, so a Windows path given as text is read the same on any
    // platform (and the tests run everywhere).
    let lower = |p: &Path| -> Vec<String> {
        p.components()
            .flat_map(|c| {
                let part = c.as_os_str().to_string_lossy().to_lowercase();
                part.split('\\')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let parts = lower(path);
    let by_name = parts.iter().find_map(|part| {
        // "OneDrive - Gemeente Zwolle" (business) and "Dropbox (Persoonlijk)" (teams).
        SYNC_FOLDERS.iter().find_map(|&(name, service)| {
            let rest = part.strip_prefix(name)?;
            (rest.is_empty() || rest.starts_with(" - ") || rest.starts_with(" ("))
                .then_some(service)
        })
    });
    let by_root = || {
        sync_roots.iter().find_map(|root| {
            let root = lower(root);
            (!root.is_empty() && parts.starts_with(&root)).then_some("OneDrive")
        })
    };
    by_name.or_else(by_root)
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
    fn portable_folder_beside_the_exe_switches_portable_mode_on() {
        let dir = tempfile::tempdir().unwrap();
        let p = Paths::resolve_with(Some(dir.path()), None).unwrap();
        assert!(!p.portable);
        let root = dir.path().join(PORTABLE_DIR);
        std::fs::create_dir(&root).unwrap();
        let p = Paths::resolve_with(Some(dir.path()), None).unwrap();
        // Everything under the portable folder but the emergency copies, which go where
        // a full stick cannot stop them.
        assert_eq!(
            p,
            Paths {
                nood: std::env::temp_dir().join(super::super::emergency::DIR_NAME),
                ..Paths::portable(&root)
            }
        );
        let p = Paths::resolve_with(Some(dir.path()), Some(Path::new("/tmp/elders"))).unwrap();
        assert!(p.portable);
        assert_eq!(p.output, Path::new("/tmp/elders"));
        assert!(p.drafts.starts_with(&root));
        // A file with the name is not the folder.
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join(PORTABLE_DIR), "").unwrap();
        assert!(
            !Paths::resolve_with(Some(other.path()), None)
                .unwrap()
                .portable
        );
    }

    #[test]
    fn cloud_folders_are_recognised_by_name() {
        let warn = |p: &str| cloud_sync_warning_with(Path::new(p), &[]);
        for p in [
            "C:\\Users\\sanne\\OneDrive\\Documenten\\meedoen",
            "/Users/sanne/OneDrive - Gemeente Zwolle/plannen",
            "/home/sanne/Dropbox/meedoen",
            "/home/sanne/Dropbox (Persoonlijk)/x",
            "/Users/sanne/Library/Mobile Documents/com~apple~CloudDocs/plannen",
            "C:/Users/sanne/iCloudDrive/plannen",
            "/Users/sanne/iCloud Drive/plannen",
            "G:/My Drive/plannen",
            "/Volumes/GoogleDrive/Mijn Drive/meedoen",
            "/Users/sanne/Google Drive/meedoen",
            "/home/x/onedrive/y",
        ] {
            let msg = warn(p).unwrap_or_else(|| panic!("no warning for {p}"));
            assert!(msg.contains("gesynchroniseerd"), "{msg}");
        }
        let msg = warn("/home/sanne/Dropbox/meedoen").unwrap();
        assert!(msg.contains("met Dropbox"), "{msg}");
        for p in [
            "/home/sanne/Documenten/meedoen",
            "/home/sanne/OneDriveBackup/x",
            "/home/sanne/dropboxen/x",
            "/home/sanne/meedoen-data",
            "",
        ] {
            assert_eq!(warn(p), None, "{p}");
        }
    }

    #[test]
    fn onedrive_variables_are_prefixes() {
        let roots = [PathBuf::from("/home/sanne/Werk Sync")];
        let msg = cloud_sync_warning_with(Path::new("/home/sanne/Werk Sync/plannen"), &roots);
        assert!(msg.unwrap().contains("OneDrive"));
        let roots = [PathBuf::from("/HOME/Sanne/werk sync")];
        assert!(
            cloud_sync_warning_with(Path::new("/home/sanne/Werk Sync/plannen"), &roots).is_some()
        );
        assert!(
            cloud_sync_warning_with(Path::new("/home/sanne/Werk Synced/plannen"), &roots).is_none()
        );
        assert!(cloud_sync_warning_with(Path::new("/home/sanne/x"), &[PathBuf::new()]).is_none());
    }

    #[test]
    fn plans_go_to_documents_meedoen_whenever_that_folder_exists() {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join(".local/share/meedoen");
        // No Documents folder and no documents folder from the platform: the data folder.
        assert_eq!(
            default_output(Some(home.path()), None, &data),
            data.join("plannen")
        );
        // The platform names another folder, but ~/Documents exists: that one.
        let other = home.path().join("Documenten");
        assert_eq!(
            default_output(Some(home.path()), Some(&other), &data),
            other.join("meedoen")
        );
        std::fs::create_dir(home.path().join("Documents")).unwrap();
        assert_eq!(
            default_output(Some(home.path()), Some(&other), &data),
            home.path().join("Documents/meedoen")
        );
        assert_eq!(
            default_output(Some(home.path()), None, &data),
            home.path().join("Documents/meedoen")
        );
    }

    #[test]
    fn uitvoer_overrides_the_output_folder() {
        let p = Paths::resolve(Some(Path::new("/tmp/elders"))).unwrap();
        assert_eq!(p.output, Path::new("/tmp/elders"));
        assert_ne!(p.drafts, p.output);
    }
}
