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
    assert!(p[0].msg.contains("typt een teken"), "{}", p[0].msg);
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

#[test]
fn a_keymap_file_refuses_every_printable_key_shift_included() {
    for key in ["x", "Shift+a", "?", "+", "7", "Shift+/"] {
        let src = Source::new(
            "toetsen.ron",
            format!("(toetsen: [\n  (opdracht: Exporteren, toetsen: [\"F9\", \"{key}\"]),\n])"),
        );
        let p = Keymap::from_source(&src).unwrap_err();
        assert_eq!(p.len(), 1, "{key}: {p:?}");
        assert!(p[0].msg.contains("typt een teken"), "{key}: {}", p[0].msg);
        assert_eq!((p[0].line, p[0].col), (2, 42), "{key}");
    }
    // Ctrl, Alt and function keys are fine, with Shift too.
    let src = Source::new(
        "toetsen.ron",
        "(toetsen: [(opdracht: Exporteren, toetsen: [\"Shift+F9\", \"Alt+S\", \"Ctrl+Shift+S\"])])",
    );
    assert!(Keymap::from_source(&src).is_ok());
}

#[test]
fn an_empty_key_list_is_refused_at_its_place() {
    let src = Source::new(
        "toetsen.ron",
        "(toetsen: [\n  (opdracht: Volgende, toetsen: [\"F8\"]),\n  (opdracht: Vorige, toetsen: []),\n])",
    );
    let p = Keymap::from_source(&src).unwrap_err();
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].msg.contains("lege lijst"), "{}", p[0].msg);
    assert_eq!(p[0].line, 3);
}

#[test]
fn vim_movement_is_an_option_and_stays_out_of_typing() {
    let src = Source::new("toetsen.ron", "(toetsen: [], vim: true)");
    let map = Keymap::from_source(&src).unwrap().value;
    assert_eq!(map.keys(Ctx::Review, Command::Omlaag), ["Down", "j"]);
    assert_eq!(map.keys(Ctx::Jump, Command::Omhoog), ["Up", "k"]);
    for ctx in [
        Ctx::Notes,
        Ctx::Form,
        Ctx::Picker,
        Ctx::Start,
        Ctx::Suggestions,
        Ctx::Bsn,
    ] {
        assert!(!map.keys(ctx, Command::Omlaag).contains(&"j"), "{ctx:?}");
    }
    assert!(
        !Keymap::default()
            .keys(Ctx::Review, Command::Omlaag)
            .contains(&"j")
    );
}

#[test]
fn no_default_binding_on_a_printable_key_writes_selects_or_answers() {
    // Only help (`?` opens and closes it where nothing is typed) and Space (ticking in a list) are on
    // printable keys; every other command sits on a key that cannot be typed.
    for b in BINDINGS {
        for k in b.keys {
            let key = parse_key(k).unwrap();
            if is_printable(key) {
                // Tally mode is the exception: there the keypad counts codes.
                let tally = b.ctx == [Ctx::Tally]
                    && matches!(b.cmd, Command::Turf(_) | Command::TurfOngedaan);
                let allowed = tally
                    || match key.0 {
                        KeyCode::Char('?') => {
                            b.cmd == Command::Help
                                || (b.cmd == Command::Terug && b.ctx == [Ctx::Help])
                        }
                        KeyCode::Char(' ') => {
                            b.cmd == Command::Kiezen && b.ctx == [Ctx::Suggestions]
                        }
                        _ => false,
                    };
                assert!(allowed, "{k} for {:?} in {:?}", b.cmd, b.ctx);
            }
        }
    }
}

#[test]
fn every_tally_code_has_its_keypad_key_in_tally_mode_only() {
    let map = Keymap::default();
    for &g in crate::core::tally::Gedrag::ALL {
        let b = map
            .bindings
            .iter()
            .find(|b| b.cmd == Command::Turf(g))
            .unwrap_or_else(|| panic!("{g:?} has no key"));
        assert_eq!(b.keys, [g.toets()], "{g:?}");
        assert_eq!(b.ctx, [Ctx::Tally], "{g:?} acts only in tally mode");
    }
    assert!(map.conflicts().is_empty(), "{:?}", map.conflicts());
}

#[test]
fn tally_codes_can_be_remapped_in_toetsen_ron() {
    // A tally code may even be a digit: it acts only in tally mode, where nothing is typed.
    let src = Source::new(
        "toetsen.ron",
        r#"(toetsen: [(opdracht: Turf(OpenVraag), toetsen: ["F12", "2"])])"#,
    );
    let map = Keymap::from_source(&src).expect("valid keymap").value;
    let b = map
        .bindings
        .iter()
        .find(|b| b.cmd == Command::Turf(crate::core::tally::Gedrag::OpenVraag))
        .unwrap();
    assert_eq!(b.keys, ["F12", "2"]);
    // Anywhere else a digit is still refused.
    let src = Source::new(
        "toetsen.ron",
        r#"(toetsen: [(opdracht: RondeAfronden, toetsen: ["7"])])"#,
    );
    let p = Keymap::from_source(&src).unwrap_err();
    assert!(p[0].msg.contains("typt een teken"), "{}", p[0].msg);
}
