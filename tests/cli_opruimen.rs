//! `meedoen opruimen` and `meedoen paden` with a `bewaartermijn` in gemeente.ron: what
//! has passed its term is listed per client and erased only after "ja" or `--ja`;
//! what has not, stays.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use meedoen::core::session::Session;

const GEMEENTE: &str = include_str!("../assets/gemeente.ron");

fn home_with_term(concepten: &str, gesprekken: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config").join("meedoen");
    fs::create_dir_all(&config).unwrap();
    let gemeente = GEMEENTE.replace(
        "concepten: None,\n        gesprekken: None,",
        &format!("concepten: {concepten},\n        gesprekken: {gesprekken},"),
    );
    if (concepten, gesprekken) != ("None", "None") {
        assert_ne!(gemeente, GEMEENTE, "the template changed; adapt the test");
    }
    fs::write(config.join("gemeente.ron"), gemeente).unwrap();
    fs::create_dir_all(home.path().join("plannen")).unwrap();
    home
}

fn saved(home: &Path, stem: &str, klant: &str, datum: NaiveDate) {
    let mut s = Session::new(format!("id-{stem}"), datum, "intake");
    s.klant = klant.into();
    let dir = home.join("plannen");
    fs::write(
        dir.join(format!("{stem}.sessie.ron")),
        ron::to_string(&s).unwrap(),
    )
    .unwrap();
    fs::write(dir.join(format!("{stem}.md")), format!("Klant: {klant}")).unwrap();
}

fn meedoen(home: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .arg("--uitvoer")
        .arg(home.join("plannen"))
        // Named, not found through XDG_CONFIG_HOME, which Windows does not read.
        .arg("--instellingen")
        .arg(home.join("config").join("meedoen"))
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn opruimen_erases_only_what_passed_its_term_after_ja() {
    let home = home_with_term("Some(6)", "Some(12)");
    let old = NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
    let today = chrono::Local::now().date_naive();
    saved(home.path(), "2020-03-01-op", "O.P.", old);
    saved(home.path(), "vandaag-qr", "Q.R.", today);
    let plans = home.path().join("plannen");

    let o = meedoen(home.path(), &["opruimen"], "nee\n");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("Klant “O.P.”: 2 bestanden"), "{out}");
    assert!(!out.contains("Q.R."), "{out}");
    assert!(out.contains("Niets gewist."), "{out}");
    assert!(plans.join("2020-03-01-op.md").exists());

    let o = meedoen(home.path(), &["opruimen", "--ja"], "");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("Klant “O.P.”: 2 gewist."), "{out}");
    assert!(!plans.join("2020-03-01-op.md").exists());
    assert!(!plans.join("2020-03-01-op.sessie.ron").exists());
    assert!(plans.join("vandaag-qr.md").exists());
    assert!(plans.join("vandaag-qr.sessie.ron").exists());
}

#[test]
fn without_a_term_nothing_is_erased_and_paden_says_which_terms_are_set() {
    let home = home_with_term("None", "None");
    saved(
        home.path(),
        "2020-03-01-op",
        "O.P.",
        NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
    );
    let o = meedoen(home.path(), &["opruimen", "--ja"], "");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(0));
    assert!(out.contains("geen bewaartermijn ingesteld"), "{out}");
    assert!(home.path().join("plannen/2020-03-01-op.md").exists());
    let o = meedoen(home.path(), &["paden"], "");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        out.contains("bewaartermijn: concepten: geen termijn; gesprekken en plannen: geen termijn"),
        "{out}"
    );

    let home = home_with_term("Some(1)", "Some(24)");
    let o = meedoen(home.path(), &["paden"], "");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        out.contains("bewaartermijn: concepten: 1 maand; gesprekken en plannen: 24 maanden"),
        "{out}"
    );
}

#[test]
fn a_term_of_zero_months_is_refused_with_its_place() {
    let home = home_with_term("Some(0)", "None");
    let o = meedoen(home.path(), &["opruimen", "--ja"], "");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("gemeente.ron:"), "{err}");
    assert!(err.contains("`bewaartermijn.concepten` is 0"), "{err}");
}
