//! Tests of the keymap: key names, conflicts, the user file, matching.
use super::*;

#[test]
fn every_key_name_in_the_table_parses() {
    for b in BINDINGS {
        for k in b.keys {
            assert!(parse_key(k).is_some(), "{k}");
        }
    }
}

#[test]
fn the_default_keymap_has_no_conflicts() {
    assert_eq!(Keymap::default().conflicts(), Vec::<String>::new());
}

#[test]
fn a_keymap_file_replaces_the_keys_of_a_command() {
    let src = Source::new(
        "toetsen.ron",
        "(toetsen: [(opdracht: Volgende, toetsen: [\"F8\"])])",
    );
    let map = Keymap::from_source(&src).unwrap().value;
    let volgende: Vec<&Binding> = map
        .bindings
        .iter()
        .filter(|b| b.cmd == Command::Volgende)
        .collect();
    assert!(volgende.iter().all(|b| b.keys == ["F8"]));
}

#[test]
fn a_keymap_file_with_problems_is_rejected_with_places() {
    let src = Source::new(
        "toetsen.ron",
        "(toetsen: [\n  (opdracht: Volgende, toetsen: [\"Ctrl+Banaan\"]),\n])",
    );
    let p = Keymap::from_source(&src).unwrap_err();
    assert_eq!((p[0].line, p[0].col), (2, 34));
    assert!(p[0].msg.contains("onbekende toets"), "{}", p[0].msg);
    // A plain letter would steal typing in the notes.
    let src = Source::new(
        "toetsen.ron",
        "(toetsen: [(opdracht: Volgende, toetsen: [\"x\"])])",
    );
    let p = Keymap::from_source(&src).unwrap_err();
    assert!(p[0].msg.contains("letter wegnemen"), "{}", p[0].msg);
    // Unknown command: RON's own error, in Dutch.
    let src = Source::new(
        "toetsen.ron",
        "(toetsen: [(opdracht: Vliegen, toetsen: [])])",
    );
    let p = Keymap::from_source(&src).unwrap_err();
    assert!(
        p[0].msg.contains("onbekende waarde `Vliegen`"),
        "{}",
        p[0].msg
    );
}

#[test]
fn ctrl_letters_match_regardless_of_case() {
    let key = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::CONTROL);
    assert!(matches("Ctrl+N", &key));
    let key = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert!(matches("Shift+Tab", &key));
    let key = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert!(matches("?", &key));
}
