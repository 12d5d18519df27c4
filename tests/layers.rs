//! Team and personal layers seen from outside, through the real binary: the example
//! files, `controleer` agreeing with the start for every kind of file, a team folder with
//! one extra option, and `paden` saying where each file comes from.

use std::path::Path;
use std::process::{Command, Output};

use meedoen::app::Bundle;
use meedoen::store::layers::FILES;
use meedoen::store::paths::Paths;

fn meedoen(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meedoen"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("MEEDOEN_TEAM")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A broken version of each file a layer can hold.
fn broken(file: &str) -> &'static str {
    match file {
        "taxonomie.ron" => "(wensen: [(id: \"nieuw\", label: \"\")])",
        "catalogus.ron" => "(opties: [(id: \"nieuw\")])",
        "script.ron" => "(id: \"eigen\", titel: \"Eigen\", fases: [])",
        "vervolg.ron" => "(id: \"vervolg\", titel: \"Vervolg\", fases: [(id: 3)])",
        "oefenklanten.ron" => "(klanten: [(naam: 4)])",
        "gemeente.ron" => "(max_uren: twintig)",
        "praktijk.ron" => "(naam: \"De Brug\", email: \"geen adres\")",
        "toetsen.ron" => "(toetsen: [(opdracht: Vliegen, toetsen: [\"F9\"])])",
        template if template.ends_with(".j2") => "Plan voor {{ klant }}, door {{ consulnet }}\n",
        other => panic!("no broken example for {other}"),
    }
}

#[test]
fn controleer_and_the_start_agree_for_every_kind_of_file() {
    for file in FILES {
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join("eigen");
        // Joined part by part, as the app names it (`templates\plan.md.j2` on Windows).
        let path = meedoen::store::assets::in_dir(&config, file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, broken(file)).unwrap();

        let o = meedoen(
            home.path(),
            &["--instellingen", config.to_str().unwrap(), "controleer"],
        );
        let out = stdout(&o);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{file}: controleer must fail:\n{out}"
        );
        assert!(
            out.contains(&path.display().to_string()),
            "{file}: names the file:\n{out}"
        );

        // The start loads the same way and leaves exactly this file out.
        let mut paths = Paths::portable(home.path());
        paths.config = config.clone();
        let b = Bundle::load_in(paths, None, false, meedoen::tui::keymap::check, "nu");
        let left_out: Vec<&str> = b.uitgesloten.iter().map(|u| u.file).collect();
        assert_eq!(left_out, [file], "{file}");
        let (app, _) = meedoen::tui::load_app(
            b,
            &meedoen::tui::Options::default(),
            meedoen::tui::theme::Theme::new(meedoen::tui::theme::ThemeKind::Standard),
        );
        assert!(
            app.overlay.is_some(),
            "{file}: the start shows the problems"
        );

        std::fs::remove_file(&path).unwrap();
        let o = meedoen(
            home.path(),
            &["--instellingen", config.to_str().unwrap(), "controleer"],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{file}: fine again:\n{}",
            stdout(&o)
        );
    }
}

#[test]
fn voorbeelden_writes_valid_files_and_never_overwrites() {
    let home = tempfile::tempdir().unwrap();
    let map = home.path().join("team");
    let o = meedoen(home.path(), &["voorbeelden", map.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    for (file, _) in meedoen::cli::voorbeelden::FILES {
        assert!(map.join(file).is_file(), "{file}");
    }
    let own = map.join("gemeente.ron");
    std::fs::write(&own, "(naam: \"Eigen\")").unwrap();
    let o = meedoen(home.path(), &["voorbeelden", map.to_str().unwrap()]);
    assert!(
        stdout(&o).contains("bestaat al, niet overschreven"),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read_to_string(&own).unwrap(), "(naam: \"Eigen\")");

    std::fs::remove_file(&own).unwrap();
    let o = meedoen(home.path(), &["controleer", map.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the examples are valid:\n{}",
        stdout(&o)
    );
}

#[test]
fn a_team_folder_adds_an_option_and_paden_says_where_it_comes_from() {
    let home = tempfile::tempdir().unwrap();
    let team = home.path().join("share").join("team");
    std::fs::create_dir_all(&team).unwrap();
    std::fs::write(
        team.join("catalogus.ron"),
        r#"(opties: [(id: "kookgroep-de-linde", titel: "Kookgroep De Linde",
            categorie: "ontmoeting", omschrijving: "Samen koken in buurthuis De Linde.",
            uren_min: 2, uren_max: 3, wensen: ["koken"])])"#,
    )
    .unwrap();
    let team_arg = team.to_str().unwrap();
    let o = meedoen(
        home.path(),
        &["--team", team_arg, "suggesties", "--wens", "koken"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Kookgroep De Linde"), "{}", stdout(&o));

    let o = meedoen(home.path(), &["--team", team_arg, "paden"]);
    let out = stdout(&o);
    assert!(out.contains("teammap (via --team, bereikbaar)"), "{out}");
    assert!(out.contains("catalogus.ron: ingebouwd + team ("), "{out}");

    // The share goes away: the copy keeps the option, with a notice.
    std::fs::remove_dir_all(home.path().join("share")).unwrap();
    let o = meedoen(
        home.path(),
        &["--team", team_arg, "suggesties", "--wens", "koken"],
    );
    assert!(stdout(&o).contains("Kookgroep De Linde"), "{}", stdout(&o));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("niet bereikbaar"), "{err}");
}

#[test]
fn a_control_character_in_a_catalogue_title_never_reaches_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("eigen");
    std::fs::create_dir_all(&config).unwrap();
    // An OSC 52 clipboard write hidden in a title, as raw bytes in the file (a RON
    // escape for a control character is refused by the loader itself).
    std::fs::write(
        config.join("catalogus.ron"),
        "(opties: [(id: \"stil\", titel: \"Stil\u{1b}]52;c;aGFjaw==\u{7}\", categorie: \"ontmoeting\", omschrijving: \"x\", uren_min: 1, uren_max: 2, wensen: [\"koken\"])])",
    )
    .unwrap();
    let o = meedoen(
        home.path(),
        &[
            "--instellingen",
            config.to_str().unwrap(),
            "suggesties",
            "--wens",
            "koken",
        ],
    );
    assert!(stdout(&o).contains("Stil"), "{}", stdout(&o));
    assert!(!o.stdout.contains(&0x1b), "no ESC in the output");
    assert!(!o.stdout.contains(&0x07), "no BEL in the output");
}

#[test]
fn a_gemeente_profile_on_the_command_line_applies_its_rules() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("eigen");
    std::fs::create_dir_all(config.join("gemeenten")).unwrap();
    std::fs::write(
        config.join("gemeenten").join("kampen.ron"),
        include_str!("../assets/gemeente.ron")
            .replace("naam: \"\"", "naam: \"Kampen\"")
            .replace("categorieen: None", "categorieen: [\"vrijwilligerswerk\"]"),
    )
    .unwrap();
    let cfg = config.to_str().unwrap();
    let all = meedoen(
        home.path(),
        &[
            "--instellingen",
            cfg,
            "suggesties",
            "--wens",
            "koken",
            "--json",
        ],
    );
    let kampen = meedoen(
        home.path(),
        &[
            "--instellingen",
            cfg,
            "suggesties",
            "--wens",
            "koken",
            "--gemeente",
            "kampen",
            "--json",
        ],
    );
    let count = |o: &Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["suggesties"].as_array().unwrap().len()
    };
    assert!(
        count(&kampen) < count(&all),
        "Kampen counts only vrijwilligerswerk"
    );
    let v: serde_json::Value = serde_json::from_slice(&kampen.stdout).unwrap();
    for s in v["suggesties"].as_array().unwrap() {
        assert_eq!(s["categorie"], "vrijwilligerswerk");
    }
    let typo = meedoen(
        home.path(),
        &[
            "--instellingen",
            cfg,
            "suggesties",
            "--wens",
            "koken",
            "--gemeente",
            "kampn",
        ],
    );
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("bedoelt u: kampen?"));
    let paden = stdout(&meedoen(home.path(), &["--instellingen", cfg, "paden"]));
    assert!(paden.contains("  kampen: persoonlijk ("), "{paden}");
}
