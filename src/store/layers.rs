//! The layers that data and settings come from: built-in (embedded in the program) <
//! team (a folder the gemeente shares, often on a network drive) < personal (the user's
//! own settings folder). This module finds the folders and reads files from them; how
//! the files combine is `app::bundle`'s business.
//!
//! A team folder on a network share is often out of reach (a consultant on huisbezoek,
//! a VPN that is down), and on Windows asking a disconnected share can hang for half a
//! minute. So the team folder is read in a helper thread with a time limit, and the
//! last team data that loaded without problems is kept as a local copy, used with a
//! visible notice when the share cannot be read.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::core::data::Source;
use crate::core::problem::Problem;

use super::assets::{
    CATALOGUE_FILE, GEMEENTE_FILE, HTML_TEMPLATE_FILE, PRAKTIJK_FILE, SCRIPT_FILE, TAXONOMY_FILE,
    TEMPLATE_FILE, TXT_TEMPLATE_FILE, read_user,
};
use super::extras::{OEFENKLANTEN_FILE, VERVOLG_FILE};
use super::files;

/// Name of the keymap file (the TUI parses it; the layers only carry it).
pub const KEYMAP_FILE: &str = "toetsen.ron";

/// Every file a layer may hold, relative to its folder.
pub const FILES: [&str; 11] = [
    TAXONOMY_FILE,
    CATALOGUE_FILE,
    SCRIPT_FILE,
    VERVOLG_FILE,
    OEFENKLANTEN_FILE,
    GEMEENTE_FILE,
    PRAKTIJK_FILE,
    KEYMAP_FILE,
    TEMPLATE_FILE,
    HTML_TEMPLATE_FILE,
    TXT_TEMPLATE_FILE,
];

/// Environment variable naming the team folder.
pub const TEAM_ENV: &str = "MEEDOEN_TEAM";

/// Folder (inside the local data folder) with the copy of the last good team data.
pub const TEAM_COPY_DIR: &str = "teamkopie";

/// Marker file in the copy saying where and when it was made.
const COPY_MARKER: &str = "KOPIE.txt";

/// How long reading the team folder may take before its copy is used instead.
pub const TEAM_TIMEOUT: Duration = Duration::from_secs(4);

/// Where a file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Laag {
    Ingebouwd,
    /// The local copy of the last good team data.
    TeamKopie,
    Team,
    Persoonlijk,
}

impl Laag {
    pub fn label(self) -> &'static str {
        match self {
            Laag::Ingebouwd => "ingebouwd",
            Laag::TeamKopie => "team (kopie)",
            Laag::Team => "team",
            Laag::Persoonlijk => "persoonlijk",
        }
    }
}

/// How the team folder was named, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamVia {
    Optie,
    Omgeving,
    Gemeente,
}

impl TeamVia {
    pub fn label(self) -> &'static str {
        match self {
            TeamVia::Optie => "--team",
            TeamVia::Omgeving => TEAM_ENV,
            TeamVia::Gemeente => "teammap in de persoonlijke gemeente.ron",
        }
    }
}

/// The files one layer holds (only those present), in `FILES` order.
#[derive(Debug, Clone, Default)]
pub struct LayerFiles {
    pub files: Vec<(&'static str, Source)>,
    /// Gemeente profiles, `gemeenten/<naam>.ron`, by name, sorted.
    pub profielen: Vec<(String, Source)>,
    /// Files present but unreadable (too big, not UTF-8, not a regular file…).
    pub problems: Vec<Problem>,
}

impl LayerFiles {
    pub fn get(&self, file: &str) -> Option<&Source> {
        self.files.iter().find(|(f, _)| *f == file).map(|(_, s)| s)
    }
}

/// Folder of a layer holding one `gemeente.ron`-like file per gemeente, for a practice
/// that works for several.
pub const PROFILES_DIR: &str = "gemeenten";

/// Reads every known file of the layer in `dir`. A missing folder is an empty layer.
pub fn read_layer(dir: &Path) -> LayerFiles {
    let mut out = LayerFiles::default();
    for file in FILES {
        match read_user(dir, file) {
            Ok(Some(src)) => out.files.push((file, src)),
            Ok(None) => {}
            Err(p) => out.problems.push(p),
        }
    }
    let mut names: Vec<String> = fs::read_dir(dir.join(PROFILES_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            name.strip_suffix(".ron").map(str::to_string)
        })
        .filter(|n| !n.is_empty() && !n.starts_with('.'))
        .collect();
    names.sort();
    for name in names {
        match read_user(&dir.join(PROFILES_DIR), &format!("{name}.ron")) {
            Ok(Some(src)) => out.profielen.push((name, src)),
            Ok(None) => {}
            Err(p) => out.problems.push(p),
        }
    }
    out
}

/// What became of reading the team folder.
#[derive(Debug)]
pub enum TeamRead {
    /// Read in time; the folder exists.
    Gelezen(LayerFiles),
    /// The folder does not exist or is not a folder (a share that is not connected).
    NietGevonden,
    /// Reading took longer than `TEAM_TIMEOUT`.
    TeLang,
}

/// Reads the team folder in a helper thread, giving up after `timeout`. The thread may
/// go on hanging on a dead share; it holds nothing the app needs.
pub fn read_team(dir: &Path, timeout: Duration) -> TeamRead {
    let (tx, rx) = mpsc::channel();
    let dir = dir.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("teammap".into())
        .spawn(move || {
            let found = if dir.is_dir() {
                TeamRead::Gelezen(read_layer(&dir))
            } else {
                TeamRead::NietGevonden
            };
            let _ = tx.send(found);
        });
    if spawned.is_err() {
        return TeamRead::TeLang;
    }
    rx.recv_timeout(timeout).unwrap_or(TeamRead::TeLang)
}

/// When the copy of the team data was made, as written in its marker ("" when unknown).
pub fn copy_made(copy: &Path) -> String {
    fs::read_to_string(copy.join(COPY_MARKER))
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("gemaakt: ").map(str::to_string))
        })
        .unwrap_or_default()
}

/// Replaces the local copy with the team files that just loaded without problems. Only
/// writes when something changed, so a normal start costs a few reads, not writes.
pub fn refresh_copy(copy: &Path, team_dir: &Path, team: &LayerFiles, now: &str) -> io::Result<()> {
    let current = read_layer(copy);
    let same = current.files.len() == team.files.len()
        && team
            .files
            .iter()
            .all(|(f, s)| current.get(f).is_some_and(|c| c.text == s.text))
        && current.profielen.len() == team.profielen.len()
        && team
            .profielen
            .iter()
            .zip(&current.profielen)
            .all(|((n, s), (m, c))| n == m && s.text == c.text);
    if same && copy.join(COPY_MARKER).is_file() {
        return Ok(());
    }
    files::create_private_dir_all(copy)?;
    for file in FILES {
        let path = super::assets::in_dir(copy, file);
        match team.get(file) {
            Some(src) => {
                if let Some(parent) = path.parent() {
                    files::create_private_dir_all(parent)?;
                }
                files::write_atomic(&path, src.text.as_bytes())?;
            }
            None if path.is_file() => fs::remove_file(&path)?,
            None => {}
        }
    }
    let profiles = copy.join(PROFILES_DIR);
    for (name, _) in &current.profielen {
        if !team.profielen.iter().any(|(n, _)| n == name) {
            fs::remove_file(profiles.join(format!("{name}.ron")))?;
        }
    }
    for (name, src) in &team.profielen {
        files::create_private_dir_all(&profiles)?;
        files::write_atomic(&profiles.join(format!("{name}.ron")), src.text.as_bytes())?;
    }
    let marker = format!(
        "Kopie van de teammap {}\ngemaakt: {now}\nDeze map wordt door meedoen bijgehouden; wijzig de teammap zelf.\n",
        team_dir.display()
    );
    files::write_atomic(&copy.join(COPY_MARKER), marker.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layer_holds_only_the_files_present() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_layer(dir.path()).files.is_empty());
        assert!(
            read_layer(&dir.path().join("bestaat-niet"))
                .files
                .is_empty()
        );
        std::fs::write(dir.path().join(CATALOGUE_FILE), "(opties: [])").unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join(TEMPLATE_FILE), "# {{ klant }}").unwrap();
        let layer = read_layer(dir.path());
        let names: Vec<_> = layer.files.iter().map(|(f, _)| *f).collect();
        assert_eq!(names, [CATALOGUE_FILE, TEMPLATE_FILE]);
    }

    #[test]
    fn a_missing_share_is_reported_not_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_team(&dir.path().join("weg"), TEAM_TIMEOUT),
            TeamRead::NietGevonden
        ));
        assert!(matches!(
            read_team(dir.path(), TEAM_TIMEOUT),
            TeamRead::Gelezen(_)
        ));
    }

    #[test]
    fn the_copy_follows_the_team_and_says_when_it_was_made() {
        let dir = tempfile::tempdir().unwrap();
        let team = dir.path().join("team");
        let copy = dir.path().join("kopie");
        std::fs::create_dir(&team).unwrap();
        std::fs::write(team.join(CATALOGUE_FILE), "(opties: [])").unwrap();
        std::fs::write(team.join(GEMEENTE_FILE), "(naam: \"Zwolle\")").unwrap();
        refresh_copy(&copy, &team, &read_layer(&team), "2-12-2026 09:30").unwrap();
        assert_eq!(read_layer(&copy).files.len(), 2);
        assert_eq!(copy_made(&copy), "2-12-2026 09:30");
        std::fs::remove_file(team.join(GEMEENTE_FILE)).unwrap();
        refresh_copy(&copy, &team, &read_layer(&team), "3-12-2026 10:00").unwrap();
        let names: Vec<_> = read_layer(&copy).files.iter().map(|(f, _)| *f).collect();
        assert_eq!(names, [CATALOGUE_FILE]);
        assert_eq!(copy_made(&copy), "3-12-2026 10:00");
    }
}
