//! `meedoen verhuis-naar` and `verhuis-van` on the real binary, between two "computers"
//! (two home folders): a round trip out and back in, a file that differs kept beside the
//! one already there, drafts only when asked, and folders that cannot be used.
//!
//! Unix only: each "computer" gets its own data folder through XDG_DATA_HOME, and
//! Windows finds that folder through its Known Folder API, which a test cannot point
//! elsewhere. The copying itself is tested on every system in `store::verhuis`.
#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// One computer: its home folder, with own settings and plans folders.
struct Computer {
    home: PathBuf,
}

impl Computer {
    fn new(root: &Path, name: &str) -> Computer {
        let home = root.join(name);
        fs::create_dir_all(&home).unwrap();
        Computer { home }
    }

    fn config(&self) -> PathBuf {
        self.home.join("instellingen")
    }

    fn plannen(&self) -> PathBuf {
        self.home.join("plannen")
    }

    /// The local data folder, as the platform's rules put it under XDG_DATA_HOME.
    fn data(&self) -> PathBuf {
        self.home.join("data").join("meedoen")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_meedoen"))
            .args([
                "--instellingen",
                self.config().to_str().unwrap(),
                "--uitvoer",
                self.plannen().to_str().unwrap(),
            ])
            .args(args)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            .env("XDG_DATA_HOME", self.home.join("data"))
            .env_remove("MEEDOEN_TEAM")
            .env_remove("OneDrive")
            .env_remove("OneDriveCommercial")
            .env_remove("OneDriveConsumer")
            .output()
            .unwrap()
    }
}

fn put(path: PathBuf, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

/// A computer with own settings, a saved plan, a draft and remembered preferences.
fn old_laptop(root: &Path) -> Computer {
    let c = Computer::new(root, "oud");
    put(
        c.config().join("praktijk.ron"),
        "(naam: \"De Brug\", telefoon: \"06 12 34 56 78\")",
    );
    put(
        c.config().join("gemeenten").join("zwolle.ron"),
        "(naam: \"Zwolle\", verplicht: false, max_uren: 16, evaluatie_na_weken: 13, contact_na_weken: 3, klant_label: \"klant\")",
    );
    put(c.plannen().join("2026-11-23-ab.md"), "# Plan van aanpak\n");
    put(c.plannen().join("2026-11-23-ab.sessie.ron"), "(id: \"s1\")");
    put(c.data().join("concepten").join("s2.ron"), "(id: \"s2\")");
    put(
        c.data().join("voorkeuren.ron"),
        "(formaten: [\"md\"], consulent: \"Sanne de Vries\")",
    );
    c
}

#[test]
fn a_round_trip_out_and_back_in_copies_everything_and_overwrites_nothing() {
    let root = tempfile::tempdir().unwrap();
    let oud = old_laptop(root.path());
    let map = root.path().join("usb").join("verhuis");
    let o = oud.run(&["verhuis-naar", map.to_str().unwrap()]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    for f in [
        "instellingen/praktijk.ron",
        "instellingen/gemeenten/zwolle.ron",
        "plannen/2026-11-23-ab.md",
        "plannen/2026-11-23-ab.sessie.ron",
        "voorkeuren/voorkeuren.ron",
    ] {
        assert!(map.join(f).is_file(), "{f}: {text}");
        assert!(
            text.contains(&format!("gekopieerd: {}", map.join(f).display())),
            "{text}"
        );
    }
    assert!(!map.join("concepten").exists(), "drafts only when asked");
    assert!(text.contains("--met-concepten"), "{text}");
    let readme = fs::read_to_string(map.join("README.txt")).unwrap();
    assert!(readme.contains("gegevens van klanten"), "{readme}");
    assert!(readme.contains("meedoen verhuis-van MAP"), "{readme}");

    let nieuw = Computer::new(root.path(), "nieuw");
    let o = nieuw.run(&["verhuis-van", map.to_str().unwrap()]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(text.contains("5 gekopieerd, 0 al aanwezig"), "{text}");
    for (from, to) in [
        (
            oud.config().join("praktijk.ron"),
            nieuw.config().join("praktijk.ron"),
        ),
        (
            oud.plannen().join("2026-11-23-ab.sessie.ron"),
            nieuw.plannen().join("2026-11-23-ab.sessie.ron"),
        ),
        (
            oud.data().join("voorkeuren.ron"),
            nieuw.data().join("voorkeuren.ron"),
        ),
    ] {
        assert_eq!(
            fs::read(&from).unwrap(),
            fs::read(&to).unwrap(),
            "{}",
            to.display()
        );
    }
    // The moved settings work: the practice and the profile are in use.
    let o = nieuw.run(&["paden"]);
    assert!(out(&o).contains("zwolle: persoonlijk"), "{}", out(&o));
    assert!(
        out(&o).contains("praktijk.ron: persoonlijk ("),
        "{}",
        out(&o)
    );

    // Again: everything is already there and the same.
    let o = nieuw.run(&["verhuis-van", map.to_str().unwrap()]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains("0 gekopieerd, 5 al aanwezig en overgeslagen"),
        "{text}"
    );
}

#[test]
fn a_file_that_differs_is_kept_beside_the_one_already_there() {
    let root = tempfile::tempdir().unwrap();
    let oud = old_laptop(root.path());
    let map = root.path().join("verhuis");
    assert_eq!(
        oud.run(&["verhuis-naar", map.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );

    let nieuw = Computer::new(root.path(), "nieuw");
    put(nieuw.plannen().join("2026-11-23-ab.md"), "# Ander plan\n");
    let o = nieuw.run(&["verhuis-van", map.to_str().unwrap()]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    let naast = nieuw.plannen().join("2026-11-23-ab (van verhuismap).md");
    assert!(text.contains("beide bewaard"), "{text}");
    assert!(text.contains(&naast.display().to_string()), "{text}");
    assert!(text.contains("1 naast een ander bestand bewaard"), "{text}");
    assert_eq!(
        fs::read_to_string(nieuw.plannen().join("2026-11-23-ab.md")).unwrap(),
        "# Ander plan\n",
        "the file already there is untouched"
    );
    assert_eq!(fs::read_to_string(&naast).unwrap(), "# Plan van aanpak\n");
    // A second time the copy beside is recognised: nothing new is made.
    let o = nieuw.run(&["verhuis-van", map.to_str().unwrap()]);
    assert!(
        out(&o).contains("0 gekopieerd, 5 al aanwezig"),
        "{}",
        out(&o)
    );
}

#[test]
fn drafts_come_along_only_when_asked() {
    let root = tempfile::tempdir().unwrap();
    let oud = old_laptop(root.path());
    let map = root.path().join("verhuis");
    let o = oud.run(&["verhuis-naar", "--met-concepten", map.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(map.join("concepten").join("s2.ron").is_file());
    let nieuw = Computer::new(root.path(), "nieuw");
    let o = nieuw.run(&["verhuis-van", map.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert_eq!(
        fs::read_to_string(nieuw.data().join("concepten").join("s2.ron")).unwrap(),
        "(id: \"s2\")"
    );
}

#[test]
fn folders_that_cannot_be_used_get_a_clear_message_and_nothing_half_done() {
    let root = tempfile::tempdir().unwrap();
    let oud = old_laptop(root.path());

    // A file where the folder should be fails for every user, also root: a disk error.
    let file = root.path().join("bestand");
    fs::write(&file, "").unwrap();
    let target = file.join("verhuis");
    let o = oud.run(&["verhuis-naar", target.to_str().unwrap()]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(3), "{text}");
    assert!(text.contains("is geen map"), "{text}");
    assert!(text.contains("Er is niets gekopieerd"), "{text}");
    assert!(
        !text.contains("gekopieerd: /"),
        "nothing presented as done: {text}"
    );

    // A folder that is not empty: nothing is overwritten.
    let vol = root.path().join("vol");
    put(vol.join("iets.txt"), "van mij");
    let o = oud.run(&["verhuis-naar", vol.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("niet leeg"), "{}", out(&o));
    assert_eq!(fs::read_dir(&vol).unwrap().count(), 1);

    // Not a moving folder.
    let o = oud.run(&["verhuis-van", vol.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("geen verhuismap"), "{}", out(&o));
}

#[test]
fn a_cloud_folder_gets_a_warning() {
    let root = tempfile::tempdir().unwrap();
    let oud = old_laptop(root.path());
    let map = root.path().join("Dropbox").join("verhuis");
    let o = oud.run(&["verhuis-naar", map.to_str().unwrap()]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.starts_with("Let op: de map") && text.contains("Dropbox"),
        "{text}"
    );
}
