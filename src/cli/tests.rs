//! Tests of the command line parsing.
use super::*;

#[test]
fn a_start_without_arguments_means_what_clap_makes_of_it() {
    let m = command().try_get_matches_from(["meedoen"]).unwrap();
    let clap = Cli::from_arg_matches(&m).unwrap();
    assert_eq!(
        format!("{:?}", Cli::without_arguments()),
        format!("{clap:?}")
    );
}

#[test]
fn edit_distance() {
    assert_eq!(levenshtein("kooken", "koken"), 1);
    assert_eq!(levenshtein("", "abc"), 3);
    assert_eq!(levenshtein("café", "cafe"), 1);
    assert_eq!(levenshtein("same", "same"), 0);
}

#[test]
fn closest_ids_by_id_label_and_prefix() {
    let known = [
        ("koken", "Koken"),
        ("buiten", "Buiten zijn"),
        ("fysiek", "Lichamelijke klachten"),
    ];
    let it = || known.iter().map(|&(a, b)| (a, b));
    assert_eq!(closest("kooken", it()), ["koken"]);
    assert_eq!(closest("Lichamelijk", it()), ["fysiek"]);
    assert_eq!(closest("buit", it()), ["buiten"]);
    assert!(closest("zeilen", it()).is_empty());
}

#[test]
fn help_is_dutch() {
    let help = command().render_help().to_string();
    assert!(help.contains("Gebruik: "), "{help}");
    assert!(help.contains("Opdrachten"), "{help}");
    assert!(help.contains("Toon deze hulp"), "{help}");
    assert!(!help.contains("Print help"), "{help}");
}

#[test]
fn command_is_well_formed() {
    command().debug_assert();
}
