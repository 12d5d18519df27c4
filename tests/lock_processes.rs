//! A draft's lock holds across processes: while another process holds it, no window can
//! open, delete or erase (`wis`) the draft; once that process dies (even by kill -9),
//! the lock is free at once, because it is the operating system's lock on the open file.
//! The other process is this test binary itself, running the ignored helper test.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use chrono::NaiveDate;
use meedoen::core::session::Session;
use meedoen::store::drafts::{Drafts, IN_GEBRUIK};
use meedoen::store::erase;
use meedoen::store::paths::Paths;

const ENV: &str = "MEEDOEN_TEST_HOUD_VAST";
const ID: &str = "20261202-090000-beef";

/// Run in the child process only: locks the draft, says so, and waits to be killed.
#[test]
#[ignore = "helper process for the cross-process lock tests"]
fn helper_holds_the_lock() {
    let Some(dir) = std::env::var_os(ENV) else {
        return;
    };
    let drafts = Drafts::new(Path::new(&dir).to_path_buf());
    let _lock = drafts.lock(ID).unwrap();
    println!("VAST");
    std::thread::sleep(std::time::Duration::from_secs(60));
}

fn hold_in_other_process(drafts_dir: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "helper_holds_the_lock",
            "--ignored",
            "--nocapture",
        ])
        .env(ENV, drafts_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let held = BufReader::new(out)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("VAST"));
    assert!(held, "the helper did not take the lock");
    child
}

fn session() -> Session {
    let mut s = Session::new(
        ID.into(),
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        "intake",
    );
    s.klant = "P.Q.".into();
    s
}

#[test]
fn a_live_holder_blocks_open_delete_and_wis_and_its_death_frees_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let drafts = Drafts::new(paths.drafts.clone());
    drafts.save(&session()).unwrap();
    let mut child = hold_in_other_process(&paths.drafts);

    assert_eq!(drafts.lock_or_say(ID).unwrap_err(), IN_GEBRUIK);
    let e = drafts.remove(ID).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::ResourceBusy);
    let plan = erase::plan_erase(&paths, "p.q.");
    assert!(!plan.files.is_empty());
    let e = erase::execute(&plan).unwrap_err();
    assert!(e.gewist.is_empty());
    assert!(e.melding.contains("ander venster"), "{}", e.melding);
    assert!(paths.drafts.join(format!("{ID}.ron")).is_file());

    // A holder that dies without cleaning up leaves no stale lock.
    child.kill().unwrap();
    child.wait().unwrap();
    let lock = drafts.lock(ID).expect("the lock of a dead process is free");
    drop(lock);
    let plan = erase::plan_erase(&paths, "P.Q.");
    erase::execute(&plan).unwrap();
    assert!(!paths.drafts.join(format!("{ID}.ron")).exists());
    assert!(fs::read_dir(&paths.drafts).unwrap().next().is_none());
}
