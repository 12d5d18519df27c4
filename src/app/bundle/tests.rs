//! Loading across layers: merging, falling back from broken files, the team copy.

use super::*;

fn no_keymap_check(_: &Source) -> Vec<Problem> {
    Vec::new()
}

fn refuse_keymap(src: &Source) -> Vec<Problem> {
    vec![Problem::new(&src.name, 1, 1, "toets geweigerd")]
}

struct Folders {
    _root: tempfile::TempDir,
    paths: Paths,
    team: PathBuf,
}

fn folders() -> Folders {
    let root = tempfile::tempdir().unwrap();
    let paths = Paths::portable(root.path());
    let team = root.path().join("team");
    std::fs::create_dir_all(&paths.config).unwrap();
    std::fs::create_dir_all(&team).unwrap();
    Folders {
        paths,
        team,
        _root: root,
    }
}

fn load(f: &Folders, team: bool) -> Bundle {
    let team = team.then(|| (f.team.clone(), TeamVia::Optie));
    Bundle::load_in(
        f.paths.clone(),
        team,
        false,
        no_keymap_check,
        "2-12-2026 09:00",
    )
}

const EIGEN_OPTIE: &str = r#"(opties: [(id: "kookgroep-de-linde", titel: "Kookgroep De Linde",
    categorie: "ontmoeting", omschrijving: "Samen koken.", uren_min: 2, uren_max: 4)])"#;

#[test]
fn built_in_alone_loads_and_says_where_everything_comes_from() {
    let f = folders();
    let b = load(&f, false);
    assert!(b.in_orde(), "{:?}", b.uitgesloten);
    assert!(b.fallback_text().is_none());
    let cat = b
        .herkomst
        .iter()
        .find(|h| h.file == CATALOGUE_FILE)
        .unwrap();
    assert_eq!(cat.lagen.len(), 1);
    assert_eq!(cat.lagen[0].0, Laag::Ingebouwd);
    let keys = b.herkomst.iter().find(|h| h.file == KEYMAP_FILE).unwrap();
    assert!(keys.lagen.is_empty());
}

#[test]
fn team_and_personal_catalogues_add_to_the_built_in_one() {
    let f = folders();
    let n = load(&f, false).data.catalogue.opties.len();
    std::fs::write(f.team.join(CATALOGUE_FILE), EIGEN_OPTIE).unwrap();
    let first = load(&f, false).data.catalogue.opties[0].id.clone();
    std::fs::write(
        f.paths.config.join(CATALOGUE_FILE),
        format!(r#"(opties: [(id: "{first}", verborgen: true)])"#),
    )
    .unwrap();
    let b = load(&f, true);
    assert!(b.in_orde(), "{:?}", b.uitgesloten);
    assert_eq!(b.data.catalogue.opties.len(), n, "one added, one hidden");
    assert!(b.data.catalogue.find("kookgroep-de-linde").is_some());
    assert!(b.data.catalogue.find(&first).is_none());
    let cat = b
        .herkomst
        .iter()
        .find(|h| h.file == CATALOGUE_FILE)
        .unwrap();
    let lagen: Vec<_> = cat.lagen.iter().map(|(l, _, e)| (*l, e.clone())).collect();
    assert_eq!(
        lagen,
        [
            (Laag::Ingebouwd, None),
            (Laag::Team, Some("1 nieuw".to_string())),
            (Laag::Persoonlijk, Some("1 verborgen".to_string())),
        ]
    );
}

#[test]
fn whole_files_come_from_the_highest_layer() {
    let f = folders();
    let gemeente = assets::DEFAULT_GEMEENTE.replace("naam: \"\"", "naam: \"Team\"");
    std::fs::write(f.team.join(GEMEENTE_FILE), &gemeente).unwrap();
    assert_eq!(load(&f, true).gemeente.naam, "Team");
    let eigen = assets::DEFAULT_GEMEENTE.replace("naam: \"\"", "naam: \"Eigen\"");
    std::fs::write(f.paths.config.join(GEMEENTE_FILE), eigen).unwrap();
    let b = load(&f, true);
    assert_eq!(b.gemeente.naam, "Eigen");
    let g = b.herkomst.iter().find(|h| h.file == GEMEENTE_FILE).unwrap();
    assert_eq!(g.lagen.len(), 1);
    assert_eq!(g.lagen[0].0, Laag::Persoonlijk);
}

#[test]
fn a_broken_personal_file_falls_back_and_every_problem_is_named() {
    let f = folders();
    std::fs::write(f.team.join(CATALOGUE_FILE), EIGEN_OPTIE).unwrap();
    // Two problems in one file: both are reported, not only the first.
    std::fs::write(
        f.paths.config.join(CATALOGUE_FILE),
        r#"(opties: [
    (id: "a", titel: "A", categorie: "bestaat-niet", omschrijving: "x", uren_min: 1, uren_max: 2),
    (id: "b", titel: "", categorie: "ontmoeting", omschrijving: "x", uren_min: 1, uren_max: 2),
])"#,
    )
    .unwrap();
    let b = load(&f, true);
    assert!(!b.in_orde());
    assert_eq!(b.uitgesloten.len(), 1);
    assert_eq!(b.uitgesloten[0].laag, Laag::Persoonlijk);
    assert_eq!(b.problems().len(), 2, "{:?}", b.problems());
    assert!(b.problems().iter().all(|p| p.line > 0 && p.col > 0));
    // The team's entry is still there: the fallback is the layer below, not built-in only.
    assert!(b.data.catalogue.find("kookgroep-de-linde").is_some());
    let text = b.fallback_text().unwrap();
    assert!(text.contains("bestaat-niet"), "{text}");
    assert!(text.contains("catalogus.ron: ingebouwd + team"), "{text}");
}

#[test]
fn a_broken_team_file_falls_back_to_its_last_good_copy() {
    let f = folders();
    std::fs::write(f.team.join(CATALOGUE_FILE), EIGEN_OPTIE).unwrap();
    assert!(load(&f, true).in_orde());
    // A half-copied catalogue on the share.
    std::fs::write(f.team.join(CATALOGUE_FILE), &EIGEN_OPTIE[..60]).unwrap();
    let b = load(&f, true);
    assert_eq!(b.uitgesloten.len(), 1);
    assert_eq!(b.uitgesloten[0].laag, Laag::Team);
    assert!(b.data.catalogue.find("kookgroep-de-linde").is_some());
    let cat = b
        .herkomst
        .iter()
        .find(|h| h.file == CATALOGUE_FILE)
        .unwrap();
    assert_eq!(cat.lagen[1].0, Laag::TeamKopie);
}

#[test]
fn an_unreachable_share_uses_the_copy_with_a_notice() {
    let f = folders();
    std::fs::write(f.team.join(CATALOGUE_FILE), EIGEN_OPTIE).unwrap();
    let first = load(&f, true);
    assert!(first.meldingen.is_empty(), "{:?}", first.meldingen);
    assert!(first.team.as_ref().unwrap().bereikbaar);
    std::fs::remove_dir_all(&f.team).unwrap();
    let b = load(&f, true);
    assert!(b.in_orde());
    assert!(!b.team.as_ref().unwrap().bereikbaar);
    assert!(b.data.catalogue.find("kookgroep-de-linde").is_some());
    assert_eq!(b.meldingen.len(), 1);
    assert!(
        b.meldingen[0].contains("2-12-2026 09:00"),
        "{:?}",
        b.meldingen
    );
}

#[test]
fn an_unreachable_share_without_a_copy_still_starts() {
    let f = folders();
    std::fs::remove_dir_all(&f.team).unwrap();
    let b = load(&f, true);
    assert!(b.in_orde());
    assert!(
        b.meldingen[0].contains("nog geen kopie"),
        "{:?}",
        b.meldingen
    );
}

#[test]
fn the_team_folder_can_be_named_in_the_personal_gemeente_file() {
    let f = folders();
    std::fs::write(f.team.join(CATALOGUE_FILE), EIGEN_OPTIE).unwrap();
    let gemeente = assets::DEFAULT_GEMEENTE.replace(
        "teammap: None",
        &format!("teammap: {:?}", f.team.display().to_string()),
    );
    std::fs::write(f.paths.config.join(GEMEENTE_FILE), gemeente).unwrap();
    let b = Bundle::load_in(f.paths.clone(), None, false, no_keymap_check, "nu");
    assert!(b.in_orde(), "{:?}", b.uitgesloten);
    assert_eq!(b.team.as_ref().unwrap().via, TeamVia::Gemeente);
    assert!(b.data.catalogue.find("kookgroep-de-linde").is_some());
}

#[test]
fn two_layers_defining_one_id_differently_take_the_higher() {
    let f = folders();
    std::fs::write(f.team.join(CATALOGUE_FILE), EIGEN_OPTIE).unwrap();
    std::fs::write(
        f.paths.config.join(CATALOGUE_FILE),
        EIGEN_OPTIE.replace("Kookgroep De Linde", "Kookgroep De Linde (dinsdag)"),
    )
    .unwrap();
    let b = load(&f, true);
    assert!(b.in_orde());
    let o = b.data.catalogue.find("kookgroep-de-linde").unwrap();
    assert_eq!(o.titel, "Kookgroep De Linde (dinsdag)");
}

#[test]
fn a_hidden_wens_still_used_by_the_built_in_catalogue_falls_back_to_built_in() {
    let f = folders();
    let data = load(&f, false).data;
    let used = data
        .catalogue
        .opties
        .iter()
        .flat_map(|o| &o.wensen)
        .next()
        .unwrap()
        .clone();
    std::fs::write(
        f.paths.config.join(TAXONOMY_FILE),
        format!(r#"(wensen: [(id: "{used}", verborgen: true)])"#),
    )
    .unwrap();
    let b = load(&f, false);
    assert!(!b.in_orde());
    assert!(b.data.taxonomy.wensen.iter().any(|w| w.id == used));
}

#[test]
fn the_keymap_check_handed_in_decides_like_any_other_file() {
    let f = folders();
    std::fs::write(f.paths.config.join(KEYMAP_FILE), "(toetsen: [])").unwrap();
    let ok = Bundle::load_in(f.paths.clone(), None, false, no_keymap_check, "nu");
    assert!(ok.keymap.is_some());
    let refused = Bundle::load_in(f.paths.clone(), None, false, refuse_keymap, "nu");
    assert!(!refused.in_orde());
    assert!(refused.keymap.is_none(), "a refused keymap is not used");
}

#[test]
fn the_gemeente_output_folder_applies_unless_the_command_line_chose() {
    let f = folders();
    let gemeente =
        assets::DEFAULT_GEMEENTE.replace("uitvoermap: None", "uitvoermap: \"/srv/plannen\"");
    std::fs::write(f.paths.config.join(GEMEENTE_FILE), gemeente).unwrap();
    let b = Bundle::load_in(f.paths.clone(), None, false, no_keymap_check, "nu");
    assert_eq!(b.paths.output, PathBuf::from("/srv/plannen"));
    let fixed = Bundle::load_in(f.paths.clone(), None, true, no_keymap_check, "nu");
    assert_eq!(fixed.paths.output, f.paths.output);
}

fn profile(naam: &str, label: &str) -> String {
    assets::DEFAULT_GEMEENTE
        .replace("naam: \"\"", &format!("naam: \"{naam}\""))
        .replace(
            "klant_label: \"klant\"",
            &format!("klant_label: \"{label}\""),
        )
}

#[test]
fn gemeente_profiles_load_per_layer_and_a_broken_one_is_named_alone() {
    let f = folders();
    let own = f.paths.config.join("gemeenten");
    let team = f.team.join("gemeenten");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::create_dir_all(&team).unwrap();
    std::fs::write(team.join("zwolle.ron"), profile("Zwolle", "klant")).unwrap();
    std::fs::write(own.join("zwolle.ron"), profile("Zwolle", "inwoner")).unwrap();
    std::fs::write(team.join("kampen.ron"), profile("Kampen", "werkzoekende")).unwrap();
    std::fs::write(own.join("urk.ron"), "(max_uren: veel)").unwrap();
    let b = load(&f, true);
    let names: Vec<&str> = b.profielen.iter().map(|p| p.naam.as_str()).collect();
    assert_eq!(names, ["kampen", "zwolle"]);
    assert_eq!(b.profiel("zwolle").unwrap().gemeente.klant_label, "inwoner");
    assert_eq!(b.profiel("zwolle").unwrap().laag, Laag::Persoonlijk);
    assert!(
        b.meldingen.iter().any(|m| m.contains("`zwolle`")),
        "{:?}",
        b.meldingen
    );
    assert_eq!(b.uitgesloten.len(), 1);
    assert!(b.uitgesloten[0].problems[0].file.ends_with("urk.ron"));

    let mut s = Session::default();
    assert_eq!(b.gemeente_voor(&s).0, &b.gemeente);
    s.gemeente = Some("kampen".into());
    assert_eq!(b.gemeente_voor(&s).0.naam, "Kampen");
    s.gemeente = Some("opgeheven".into());
    let (g, notice) = b.gemeente_voor(&s);
    assert_eq!(g, &b.gemeente);
    assert!(notice.unwrap().contains("`opgeheven`"));
}

#[test]
fn an_unreadable_profile_is_left_out_alone() {
    let f = folders();
    std::fs::create_dir_all(f.paths.config.join("gemeenten").join("map.ron")).unwrap();
    std::fs::write(f.paths.config.join(CATALOGUE_FILE), EIGEN_OPTIE).unwrap();
    let b = load(&f, false);
    assert_eq!(b.uitgesloten.len(), 1, "{:?}", b.uitgesloten);
    assert_eq!(b.uitgesloten[0].file, layers::PROFILES_DIR);
    assert!(
        b.data.catalogue.find("kookgroep-de-linde").is_some(),
        "the catalogue is used"
    );
}
