//! Privacy by design, checked on disk: erasing one client leaves nothing of them and
//! everything of others; files and folders meedoen creates are owner-only; a BSN typed
//! into a session can be found and removed before a plan is written.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use meedoen::core::plan::{Formaat, render};
use meedoen::core::privacy::{remove_bsns, session_bsn_findings};
use meedoen::core::session::Session;
use meedoen::store::assets::{load, plan_templates};
use meedoen::store::drafts::Drafts;
use meedoen::store::erase::{describe, execute, plan_erase};
#[cfg(unix)]
use meedoen::store::eventlog::{self, Event, LOG_FILE};
#[cfg(unix)]
use meedoen::store::files::write_atomic;
use meedoen::store::files::{plan_stem, write_new_set};
use meedoen::store::paths::Paths;

fn session(id: &str, klant: &str) -> Session {
    let mut s = Session::new(
        id.into(),
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        "intake",
    );
    s.klant = klant.into();
    s.set_note("welzijn", format!("Notitie over {klant}"));
    s
}

/// Writes a plan set (md, html, txt and the session) as the app does.
fn export(paths: &Paths, s: &Session) -> Vec<PathBuf> {
    let ron = ron::ser::to_string(s).unwrap();
    let files: [(&str, &[u8]); 4] = [
        ("md", b"plan"),
        ("html", b"<p>plan</p>"),
        ("txt", b"plan"),
        ("sessie.ron", ron.as_bytes()),
    ];
    write_new_set(&paths.output, &plan_stem(s.datum, &s.klant), &files).unwrap()
}

fn all_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn mentions(path: &Path, klant: &str) -> bool {
    fs::read_to_string(path).is_ok_and(|t| t.contains(&format!("klant:\"{klant}\"")))
}

#[test]
fn erasing_one_client_leaves_nothing_of_them_and_all_of_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let drafts = Drafts::new(paths.drafts.clone());
    // Client "A.B." and client "AB" share a file stem (2026-11-23-ab), so only the
    // klant field inside the session can tell them apart.
    let a1 = session("a1", "A.B.");
    let a2 = session("a2", " a.b. ");
    let b = session("b1", "AB");
    let a_files = [export(&paths, &a1), export(&paths, &a2)].concat();
    let b_files = export(&paths, &b);
    drafts.save(&session("a3", "A.B.")).unwrap();
    drafts.save(&session("b2", "AB")).unwrap();
    drop(drafts.lock("a3").unwrap());
    fs::write(paths.output.join("notities.txt"), "van niemand").unwrap();

    let erasure = plan_erase(&paths, "a.B.");
    // 2 sets of 4, a draft and its lock file.
    assert_eq!(erasure.files.len(), 10, "{:#?}", erasure.files);
    for f in &a_files {
        assert!(erasure.files.contains(f), "{}", f.display());
    }
    assert!(b_files.iter().all(|f| !erasure.files.contains(f)));
    let text = describe(&erasure);
    assert!(text.contains("10 bestanden"), "{text}");
    assert!(text.contains("a3.ron"), "{text}");

    let deleted = execute(&erasure).unwrap();
    assert_eq!(deleted, erasure.files);
    let left = all_files(dir.path());
    for f in &left {
        assert!(
            !mentions(f, "A.B.") && !mentions(f, " a.b. "),
            "{} remains",
            f.display()
        );
    }
    for f in &b_files {
        assert!(
            left.contains(f),
            "{} of the other client is gone",
            f.display()
        );
    }
    assert!(paths.drafts.join("b2.ron").exists());
    assert!(paths.output.join("notities.txt").exists());
    assert!(plan_erase(&paths, "A.B.").files.is_empty());
}

#[test]
fn an_open_gesprek_is_not_erased_behind_its_window() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let drafts = Drafts::new(paths.drafts.clone());
    let s = session("open", "CD");
    drafts.save(&s).unwrap();
    export(&paths, &s);
    let held = drafts.lock("open").unwrap();
    let erasure = plan_erase(&paths, "cd");
    let e = execute(&erasure).unwrap_err();
    assert!(e.melding.contains("ander venster"), "{e}");
    assert!(e.gewist.is_empty());
    assert!(erasure.files.iter().all(|f| f.exists()), "nothing deleted");
    drop(held);
    assert_eq!(execute(&erasure).unwrap().len(), erasure.files.len());
}

#[test]
fn unreadable_sessions_are_reported_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    fs::create_dir_all(&paths.output).unwrap();
    let broken = paths.output.join("2026-11-23-ef.sessie.ron");
    fs::write(&broken, "(klant: \"EF\", notities: {").unwrap();
    let erasure = plan_erase(&paths, "EF");
    assert!(erasure.files.is_empty());
    assert_eq!(erasure.onleesbaar, std::slice::from_ref(&broken));
    assert!(describe(&erasure).contains("niet worden gelezen"));
    execute(&erasure).unwrap();
    assert!(broken.exists());
}

#[cfg(unix)]
#[test]
fn everything_meedoen_writes_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let paths = Paths::portable(&dir.path().join("meedoen-data"));
    let written = export(&paths, &session("x", "GH"));
    Drafts::new(paths.drafts.clone())
        .save(&session("y", "GH"))
        .unwrap();
    write_atomic(&paths.drafts.join("y.ron"), b"()").unwrap();
    eventlog::append(&paths, &Event::KlantGewist { bestanden: 0 }).unwrap();
    let mut files = written;
    files.push(paths.drafts.join("y.ron"));
    files.push(paths.data.join(LOG_FILE));
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
    for d in [
        &paths.output,
        &paths.drafts,
        &paths.data,
        paths.output.parent().unwrap(),
    ] {
        assert_eq!(mode(d), 0o700, "{}", d.display());
    }
    // A folder that already existed keeps what its owner chose.
    assert_eq!(mode(dir.path()), 0o755);
}

#[test]
fn a_bsn_in_a_note_is_found_and_removed_before_the_plan() {
    let data = load(None).unwrap_or_else(|p| panic!("{p:?}"));
    let templates = plan_templates(None).unwrap();
    let mut s = session("z", "IJ");
    s.set_note("wensen", "Zijn BSN is 1234.56.782, zei hij.".into());
    s.afspraken.push(meedoen::core::session::Afspraak {
        wat: "Formulier met 111222333 opsturen".into(),
        ..Default::default()
    });
    let findings = session_bsn_findings(&s);
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert_eq!(remove_bsns(&mut s), 2);
    for f in Formaat::ALL {
        let plan = render(f, &s, &data, &templates).unwrap();
        assert!(!plan.contains("782") && !plan.contains("111222333"), "{f}");
        assert!(plan.contains("[BSN verwijderd]"), "{f}");
    }
}
