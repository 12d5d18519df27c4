//! Export is a transaction: an export killed (SIGKILL) at a random moment leaves either
//! a whole plan set or nothing once recovered, and `meedoen wis` removes every file that
//! holds the client's name, leftovers of killed exports included. The exporting process
//! is this test binary itself, running the ignored helper test in a loop.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use meedoen::core::session::Session;
use meedoen::store::files;

const ENV: &str = "MEEDOEN_TEST_EXPORTEER";
const KLANT: &str = "Zwaluw";

/// Run in the child process only: writes plan sets for the client until it is killed.
#[test]
#[ignore = "helper process for the export kill tests"]
fn helper_exports_forever() {
    let Some(dir) = std::env::var_os(ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let mut s = Session::new(
        "20261202-100000-cafe".into(),
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        "intake",
    );
    s.klant = KLANT.into();
    // Large enough that a kill often lands in the middle of a write.
    s.set_note("welkom", "Wil graag koken in de buurt. ".repeat(20_000));
    let sessie = ron::to_string(&s).unwrap();
    let plan = format!(
        "# Plan van aanpak\n\n- **Klant:** {KLANT}\n\n{}",
        "tekst ".repeat(60_000)
    );
    loop {
        let set: [(&str, &[u8]); 3] = [
            ("md", plan.as_bytes()),
            ("html", plan.as_bytes()),
            ("sessie.ron", sessie.as_bytes()),
        ];
        files::write_new_set(&dir, "2026-12-02-zwaluw", &set).unwrap();
    }
}

/// A pseudo-random delay from the clock, 0 to 250 ms.
fn random_delay(round: u64) -> Duration {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    Duration::from_millis((nanos / 1000 + round * 7919) % 250)
}

fn kill_exports(dir: &Path, rounds: u64) {
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "helper_exports_forever",
                "--ignored",
                "--nocapture",
            ])
            .env(ENV, dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The helper needs about a tenth of a second to start writing.
        std::thread::sleep(Duration::from_millis(120) + random_delay(round));
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

/// Every file below `dir`, hidden ones and those in hidden folders included.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn after_killed_exports_recovery_leaves_whole_sets_only() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("plannen");
    fs::create_dir_all(&dir).unwrap();
    kill_exports(&dir, 10);
    let left = files::set_leftovers(&dir);
    eprintln!(
        "{} staging folders or temporary files left by the kills",
        left.len()
    );
    // A temporary file or a staging folder without its lock, made a moment ago, may
    // belong to a live writer, so recovery leaves it alone until it is old; the next
    // start of the app is that much later.
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in &left {
        // A file opened for writing may set its time everywhere; a folder only where
        // it can be opened at all (not on Windows, where these tests do not kill).
        let handle = if path.is_file() {
            fs::File::options().write(true).open(path)
        } else {
            fs::File::open(path)
        };
        if let Ok(f) = handle {
            let _ = f.set_modified(an_hour_ago);
        }
    }
    files::recover(&dir);
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    for n in names.iter().filter_map(|n| n.strip_suffix(".sessie.ron")) {
        for ext in ["md", "html"] {
            assert!(
                names.contains(&format!("{n}.{ext}")),
                "half set {n}: {names:?}"
            );
        }
    }
    let sets = names.iter().filter(|n| n.ends_with(".sessie.ron")).count();
    assert_eq!(names.len(), sets * 3, "{names:?}");
}

#[test]
fn wis_leaves_no_file_with_the_clients_name_after_killed_exports() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("plannen");
    fs::create_dir_all(&dir).unwrap();
    kill_exports(&dir, 10);
    let o = Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .arg("--uitvoer")
        .arg(&dir)
        .args(["wis", KLANT, "--ja"])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    for f in all_files(&dir) {
        let text = fs::read(&f).unwrap();
        assert!(
            !String::from_utf8_lossy(&text).contains(KLANT),
            "{} still names the client after wis:\n{out}",
            f.display()
        );
    }
}
