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
