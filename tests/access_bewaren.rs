//! The line mode never says "bewaard" for a save that did not happen: with a drafts
//! folder that cannot be written, stopping asks what to do with the text, and when the
//! input has ended it says so and keeps an emergency copy (or prints the gesprek).

use std::fs;
use std::io::Cursor;
use std::path::PathBuf;

use chrono::NaiveDate;
use meedoen::access::run_in;
use meedoen::store::paths::Paths;

/// A portable folder (embedded data) whose drafts folder is a file, so no save works.
fn broken() -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    fs::create_dir_all(paths.drafts.parent().unwrap()).unwrap();
    fs::write(&paths.drafts, b"geen map").unwrap();
    (dir, paths)
}

fn drive(paths: &Paths, input: &str) -> (anyhow::Result<()>, String) {
    let mut input = Cursor::new(input.as_bytes().to_vec());
    let mut out = Vec::new();
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let result = run_in(paths.clone(), today, &mut input, &mut out);
    (result, String::from_utf8(out).unwrap())
}

/// Removes the emergency copies this test's gesprek left in the temp folder.
fn clean_emergency(out: &str) -> Option<PathBuf> {
    const MARK: &str = "noodkopie staat in ";
    let line = out.lines().find(|l| l.contains(MARK))?;
    let start = line.find(MARK)? + MARK.len();
    let rest = &line[start..];
    let end = rest.find(".ron")? + 4;
    let path = PathBuf::from(&rest[..end]);
    let _ = fs::remove_file(&path);
    Some(path)
}

#[test]
fn end_of_input_with_a_failed_save_never_says_bewaard() {
    let (_dir, paths) = broken();
    let (result, out) = drive(&paths, "Z.Q.\n/stop\n");
    let copy = clean_emergency(&out);
    assert!(result.is_err(), "{out}");
    assert!(!out.contains("bewaard als concept"), "{out}");
    assert!(out.contains("het gesprek is niet opgeslagen"), "{out}");
    // Either the emergency copy was written, or the whole gesprek is on the screen.
    assert!(copy.is_some() || out.contains("klant: \"Z.Q.\""), "{out}");
}

#[test]
fn stopping_asks_and_losing_needs_the_typed_word() {
    let (_dir, paths) = broken();
    // 5 = stop without saving; a wrong word goes back to the question, then the word.
    let (result, out) = drive(&paths, "Z.R.\n/stop\n5\nja\n5\nverliezen\n");
    clean_emergency(&out);
    result.unwrap();
    assert!(out.contains("Wat wilt u doen?"), "{out}");
    assert_eq!(out.matches("Typ verliezen").count(), 2, "{out}");
    assert!(out.contains("Gestopt zonder opslaan."), "{out}");
    assert!(!out.contains("bewaard als concept"), "{out}");
}

#[test]
fn saving_in_another_folder_writes_the_gesprek_there() {
    let (dir, paths) = broken();
    let elders = dir.path().join("elders");
    let input = format!("Z.S.\n/stop\n2\n{}\n", elders.display());
    let (result, out) = drive(&paths, &input);
    clean_emergency(&out);
    result.unwrap();
    let written: Vec<_> = fs::read_dir(&elders).unwrap().flatten().collect();
    assert_eq!(written.len(), 1, "{out}");
    let text = fs::read_to_string(written[0].path()).unwrap();
    assert!(text.contains("Z.S."), "{text}");
    assert!(out.contains("Het gesprek is opgeslagen in"), "{out}");
}

/// The start menu offers an emergency copy first, and taking it back puts it in the
/// drafts folder and removes the copy (the real binary, with its own temp folder).
#[cfg(unix)]
#[test]
fn the_start_menu_offers_an_emergency_copy_and_takes_it_back() {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let tmp = home.path().join("tmp");
    let nood = tmp.join("meedoen-noodkopie");
    fs::create_dir_all(&nood).unwrap();
    fs::set_permissions(&nood, fs::Permissions::from_mode(0o700)).unwrap();
    let mut s = meedoen::core::session::Session::new(
        "20261202-090000-nood".into(),
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        "intake",
    );
    s.klant = "N.K.".into();
    s.set_note("welkom", "Wat er nog niet bewaard was.".into());
    let copy = nood.join("20261202-090000-nood.ron");
    fs::write(&copy, ron::to_string(&s).unwrap()).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .args(["--toegankelijk", "--uitvoer"])
        .arg(home.path().join("plannen"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("TMPDIR", &tmp)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"2\n/stop\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("2. Noodkopie van het gesprek met N.K. (gesprek van 2 december 2026)"),
        "{out}"
    );
    assert!(
        out.contains("de noodkopie staat weer bij de concepten"),
        "{out}"
    );
    assert!(!copy.exists(), "the copy is gone once the draft is safe");
    let draft = home
        .path()
        .join("data/meedoen/concepten/20261202-090000-nood.ron");
    let back = meedoen::store::drafts::load_session(&draft).unwrap();
    assert_eq!(back.note("welkom"), "Wat er nog niet bewaard was.");
}
