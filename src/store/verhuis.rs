//! Moving one's own data to another computer, or keeping a copy: `verhuis-naar` copies
//! the personal settings folder (catalogue, taxonomy, gemeente settings and profiles,
//! praktijk, templates), the saved gesprekken and plans, the remembered preferences and,
//! when asked, the drafts into one folder with a README; `verhuis-van` brings such a
//! folder back in.
//!
//! Nothing is ever overwritten. Going out, the target must be new or empty, and a copy
//! that fails halfway is removed again, so a half-filled folder can never pass for a
//! backup. Coming in, a file that is already there and the same is skipped; one that
//! differs is kept beside it as `naam (van verhuismap).ext`. A draft is the exception:
//! its file name is its id and the app saves it under that id, so a second copy under
//! another name would overwrite the first on the next keystroke; a differing draft stays
//! in the moving folder and is named in the report.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files;
use super::paths::Paths;
use super::prefs::PREFS_FILE;

/// The README in a moving folder; also how `verhuis-van` recognises one.
pub const README: &str = "README.txt";

/// The line mode's remembered choice (`access::voorkeur::BESTAND`; a test keeps them
/// equal). Named here because the store may not know the front-ends.
pub const TOEGANKELIJK_FILE: &str = "toegankelijk.ron";

/// Marks a copy kept beside a differing file.
const VAN_VERHUISMAP: &str = "van verhuismap";

/// The parts of a moving folder, each a subfolder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deel {
    Instellingen,
    Plannen,
    Concepten,
    Voorkeuren,
}

impl Deel {
    pub const ALL: [Deel; 4] = [
        Deel::Instellingen,
        Deel::Plannen,
        Deel::Concepten,
        Deel::Voorkeuren,
    ];

    /// The subfolder in the moving folder.
    pub fn map(self) -> &'static str {
        match self {
            Deel::Instellingen => "instellingen",
            Deel::Plannen => "plannen",
            Deel::Concepten => "concepten",
            Deel::Voorkeuren => "voorkeuren",
        }
    }

    /// The folder on this computer.
    fn dir(self, paths: &Paths) -> &Path {
        match self {
            Deel::Instellingen => &paths.config,
            Deel::Plannen => &paths.output,
            Deel::Concepten => &paths.drafts,
            Deel::Voorkeuren => &paths.data,
        }
    }

    /// Which files of the folder belong to the move, by their path inside it.
    fn neemt_mee(self, rel: &Path) -> bool {
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Hidden files are temporary files of an atomic write, or the system's.
        if rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            return false;
        }
        match self {
            Deel::Instellingen | Deel::Plannen => true,
            // Drafts only; their lock files belong to a running app.
            Deel::Concepten => rel.parent() == Some(Path::new("")) && name.ends_with(".ron"),
            Deel::Voorkeuren => {
                rel.parent() == Some(Path::new(""))
                    && (name == PREFS_FILE || name == TOEGANKELIJK_FILE)
            }
        }
    }
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uitkomst {
    Gekopieerd,
    /// Already there, the same: skipped.
    Gelijk,
    /// Already there, different: the incoming one kept beside it under this path.
    BeideBewaard(PathBuf),
    /// A differing draft: left in the moving folder (see the module documentation).
    NietOvergenomen,
}

/// One file of a move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regel {
    pub deel: Deel,
    /// Where it went (or would have gone).
    pub doel: PathBuf,
    pub uitkomst: Uitkomst,
}

/// Why a move stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fout {
    /// The folder given cannot be used (not empty, not a moving folder).
    Gebruik(String),
    /// A file or disk error, in Dutch.
    Schijf(String),
}

/// Every file to take from `dir`, as paths inside it, sorted. A missing folder has none.
fn bestanden(dir: &Path, deel: Deel) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![PathBuf::new()];
    while let Some(rel) = todo.pop() {
        // Preferences and drafts sit at the top of their folder; the data folder's
        // other folders (the team copy, the drafts) are not walked for them.
        if !rel.as_os_str().is_empty() && matches!(deel, Deel::Voorkeuren | Deel::Concepten) {
            continue;
        }
        let entries = match fs::read_dir(dir.join(&rel)) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let path = rel.join(entry.file_name());
            // Links are not followed: a link out of the folder is not the user's data.
            let kind = entry.file_type()?;
            if kind.is_dir() {
                todo.push(path);
            } else if kind.is_file() && deel.neemt_mee(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The README of a moving folder, in Dutch.
fn readme(met_concepten: bool, now: &str) -> String {
    let concepten = if met_concepten {
        "concepten/     gesprekken die nog niet af waren (automatisch opgeslagen)\n"
    } else {
        ""
    };
    format!(
        "Verhuismap van meedoen, gemaakt op {now}\n\
         \n\
         LET OP: deze map bevat gegevens van klanten (gesprekken en plannen van aanpak).\n\
         Bewaar hem alleen op een plek waar dat mag, niet in een cloudmap, niet als bijlage\n\
         in een e-mail, en wis hem als de verhuizing klaar is.\n\
         \n\
         Wat erin staat:\n\
         instellingen/  uw eigen instellingen: catalogus, taxonomie, gemeente.ron,\n\
         \x20              gemeenteprofielen (gemeenten/), praktijk.ron, toetsen en sjablonen\n\
         plannen/       opgeslagen gesprekken (.sessie.ron) en plannen van aanpak\n\
         {concepten}\
         voorkeuren/    wat meedoen onthoudt: uw naam, de gekozen formaten, kort of uitgebreid\n\
         \n\
         Terugzetten op een andere computer: meedoen verhuis-van MAP\n\
         Daarbij wordt niets overschreven. Een bestand dat er al is en hetzelfde is, wordt\n\
         overgeslagen; een bestand dat anders is, komt ernaast als \"naam ({VAN_VERHUISMAP}).ext\".\n"
    )
}

/// Copies the user's data into `target`, which must be new or empty. Writes every file
/// with `write` (in the app: `files::write_new`) and the README last; when anything
/// fails, what was written is removed again and the error returned.
pub fn naar(
    paths: &Paths,
    target: &Path,
    met_concepten: bool,
    now: &str,
    write: &mut dyn FnMut(&Path, &[u8]) -> io::Result<()>,
) -> Result<Vec<Regel>, Fout> {
    let schijf = |e: &io::Error, p: &Path| Fout::Schijf(files::describe_io_error(e, p));
    let existed = target.is_dir();
    if existed
        && fs::read_dir(target)
            .map_err(|e| schijf(&e, target))?
            .next()
            .is_some()
    {
        return Err(Fout::Gebruik(format!(
            "de map {} is niet leeg; kies een nieuwe of lege map, dan wordt er niets overschreven",
            target.display()
        )));
    }
    files::create_private_dir_all(target).map_err(|e| schijf(&e, target))?;
    let result = copy_out(paths, target, met_concepten, now, write);
    if result.is_err() {
        // Never leave half a backup behind: the folder was new or empty before.
        if existed {
            for entry in fs::read_dir(target).into_iter().flatten().flatten() {
                let p = entry.path();
                let _ = if p.is_dir() {
                    fs::remove_dir_all(&p)
                } else {
                    fs::remove_file(&p)
                };
            }
        } else {
            let _ = fs::remove_dir_all(target);
        }
    }
    result
}

fn copy_out(
    paths: &Paths,
    target: &Path,
    met_concepten: bool,
    now: &str,
    write: &mut dyn FnMut(&Path, &[u8]) -> io::Result<()>,
) -> Result<Vec<Regel>, Fout> {
    let schijf = |e: &io::Error, p: &Path| Fout::Schijf(files::describe_io_error(e, p));
    let mut out = Vec::new();
    for deel in Deel::ALL {
        if deel == Deel::Concepten && !met_concepten {
            continue;
        }
        let dir = deel.dir(paths);
        // The target inside a folder being copied would copy itself.
        if target.starts_with(dir) {
            return Err(Fout::Gebruik(format!(
                "de verhuismap {} ligt in de map {}; kies een map daarbuiten",
                target.display(),
                dir.display()
            )));
        }
        for rel in bestanden(dir, deel).map_err(|e| schijf(&e, dir))? {
            let from = dir.join(&rel);
            let bytes = fs::read(&from).map_err(|e| schijf(&e, &from))?;
            let to = target.join(deel.map()).join(&rel);
            write(&to, &bytes).map_err(|e| schijf(&e, &to))?;
            out.push(Regel {
                deel,
                doel: to,
                uitkomst: Uitkomst::Gekopieerd,
            });
        }
    }
    let path = target.join(README);
    write(&path, readme(met_concepten, now).as_bytes()).map_err(|e| schijf(&e, &path))?;
    Ok(out)
}

/// `naam (van verhuismap).ext`, numbered when that is taken too: the first dot starts
/// the extension, so `2026-11-23-ab.sessie.ron` keeps `.sessie.ron`.
fn naast(path: &Path, n: usize) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let (stem, ext) = match name.find('.') {
        Some(i) if i > 0 => name.split_at(i),
        _ => (name, ""),
    };
    let mark = if n == 1 {
        VAN_VERHUISMAP.to_string()
    } else {
        format!("{VAN_VERHUISMAP} {n}")
    };
    path.with_file_name(format!("{stem} ({mark}){ext}"))
}

/// Brings a moving folder back in, never overwriting. Returns every file with what
/// became of it; on an error, also what was done before it (each of those files is
/// whole: written to a temporary name and then renamed).
pub fn van(paths: &Paths, source: &Path) -> Result<Vec<Regel>, (Vec<Regel>, Fout)> {
    let schijf = |e: &io::Error, p: &Path| Fout::Schijf(files::describe_io_error(e, p));
    if !source.join(README).is_file() {
        return Err((
            Vec::new(),
            Fout::Gebruik(format!(
                "{} is geen verhuismap van meedoen (er staat geen {README} in); maak er een met `meedoen verhuis-naar MAP`",
                source.display()
            )),
        ));
    }
    let mut out = Vec::new();
    for deel in Deel::ALL {
        let from_dir = source.join(deel.map());
        let rels = match bestanden(&from_dir, deel) {
            Ok(r) => r,
            Err(e) => return Err((out, schijf(&e, &from_dir))),
        };
        for rel in rels {
            let from = from_dir.join(&rel);
            let bytes = match fs::read(&from) {
                Ok(b) => b,
                Err(e) => return Err((out, schijf(&e, &from))),
            };
            let to = deel.dir(paths).join(&rel);
            match bring_in(deel, &to, &bytes) {
                Ok(uitkomst) => out.push(Regel {
                    deel,
                    doel: to,
                    uitkomst,
                }),
                Err((e, p)) => return Err((out, schijf(&e, &p))),
            }
        }
    }
    Ok(out)
}

/// One file in: new, the same, or kept beside.
fn bring_in(deel: Deel, to: &Path, bytes: &[u8]) -> Result<Uitkomst, (io::Error, PathBuf)> {
    let mut n = 0;
    loop {
        let path = if n == 0 {
            to.to_path_buf()
        } else {
            naast(to, n)
        };
        match fs::read(&path) {
            Ok(existing) if existing == bytes => return Ok(Uitkomst::Gelijk),
            Ok(_) if deel == Deel::Concepten => return Ok(Uitkomst::NietOvergenomen),
            Ok(_) => n += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // `write_new` refuses to replace a file made in the meantime.
                files::write_new(&path, bytes).map_err(|e| (e, path.clone()))?;
                return Ok(if n == 0 {
                    Uitkomst::Gekopieerd
                } else {
                    Uitkomst::BeideBewaard(path)
                });
            }
            Err(e) => return Err((e, path)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(root: &Path) -> Paths {
        let paths = Paths::portable(root);
        let put = |p: PathBuf, t: &str| {
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, t).unwrap();
        };
        put(paths.config.join("catalogus.ron"), "(opties: [])");
        put(
            paths.config.join("gemeenten/zwolle.ron"),
            "(naam: \"Zwolle\")",
        );
        put(paths.output.join("2026-11-23-ab.md"), "# Plan");
        put(paths.drafts.join("s1.ron"), "(id: \"s1\")");
        put(paths.drafts.join("s1.lock"), "1234");
        put(paths.data.join(PREFS_FILE), "(consulent: \"Sanne\")");
        put(paths.data.join("logboek.jsonl"), "{}");
        paths
    }

    #[test]
    fn only_the_users_files_go_and_drafts_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let paths = filled(&dir.path().join("oud"));
        let target = dir.path().join("verhuis");
        let r = naar(&paths, &target, false, "2-12-2026", &mut files::write_new).unwrap();
        let names: Vec<_> = r
            .iter()
            .map(|r| r.doel.strip_prefix(&target).unwrap())
            .collect();
        let names: Vec<String> = names.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "instellingen/catalogus.ron",
                "instellingen/gemeenten/zwolle.ron",
                "plannen/2026-11-23-ab.md",
                "voorkeuren/voorkeuren.ron",
            ]
            .map(|s| s.replace('/', std::path::MAIN_SEPARATOR_STR))
        );
        let readme = fs::read_to_string(target.join(README)).unwrap();
        assert!(readme.contains("gegevens van klanten"), "{readme}");
        assert!(!readme.contains("concepten/"), "{readme}");

        let target = dir.path().join("met");
        let r = naar(&paths, &target, true, "nu", &mut files::write_new).unwrap();
        assert!(r.iter().any(|r| r.doel.ends_with("concepten/s1.ron")));
        assert!(!target.join("concepten/s1.lock").exists());
    }

    #[test]
    fn a_failure_halfway_leaves_no_half_backup() {
        let dir = tempfile::tempdir().unwrap();
        let paths = filled(&dir.path().join("oud"));
        let mut count = 0;
        let mut failing = |p: &Path, b: &[u8]| {
            count += 1;
            if count == 3 {
                // "Disk full" as each system numbers it.
                return Err(io::Error::from_raw_os_error(if cfg!(windows) {
                    112
                } else {
                    28
                }));
            }
            files::write_new(p, b)
        };
        let target = dir.path().join("verhuis");
        let e = naar(&paths, &target, false, "nu", &mut failing).unwrap_err();
        let Fout::Schijf(msg) = e else {
            panic!("{e:?}")
        };
        assert!(msg.contains("De schijf is vol"), "{msg}");
        assert!(!target.exists(), "the half-filled folder is removed");

        // An empty folder given by the user stays, empty.
        fs::create_dir(&target).unwrap();
        count = 0;
        let mut failing = |p: &Path, b: &[u8]| {
            count += 1;
            if count == 2 {
                return Err(io::Error::from_raw_os_error(28));
            }
            files::write_new(p, b)
        };
        naar(&paths, &target, false, "nu", &mut failing).unwrap_err();
        assert_eq!(fs::read_dir(&target).unwrap().count(), 0);
    }

    #[test]
    fn a_folder_that_is_not_empty_or_inside_the_data_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let paths = filled(&dir.path().join("oud"));
        let e = naar(&paths, &paths.output, false, "nu", &mut files::write_new).unwrap_err();
        assert!(
            matches!(e, Fout::Gebruik(ref m) if m.contains("niet leeg")),
            "{e:?}"
        );
        let inside = paths.output.join("verhuis");
        let e = naar(&paths, &inside, false, "nu", &mut files::write_new).unwrap_err();
        assert!(matches!(e, Fout::Gebruik(ref m) if m.contains("kies een map daarbuiten")));
        assert!(!inside.exists());
    }

    #[test]
    fn a_copy_beside_keeps_the_whole_extension_and_counts_on() {
        let p = Path::new("/x/2026-11-23-ab.sessie.ron");
        assert_eq!(
            naast(p, 1),
            Path::new("/x/2026-11-23-ab (van verhuismap).sessie.ron")
        );
        assert_eq!(
            naast(Path::new("/x/LEES"), 2),
            Path::new("/x/LEES (van verhuismap 2)")
        );
    }
}
