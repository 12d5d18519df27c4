//! Escape sequences that arrive in pieces. Over a remote desktop (RDP, Citrix) or a slow
//! link, the bytes of one key can arrive in two reads: first ESC, then `[6~`. The
//! terminal library then reports Esc followed by the typed characters `[`, `6`, `~`,
//! and those would land in the note being written. `Glue` puts such pieces back
//! together: after a lone Esc it looks at the keys that follow at once, and when they
//! spell the rest of a known sequence, it yields the one key they mean.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// How long to wait after a lone Esc for the rest of a sequence. Keys that belong to
/// one sequence follow each other within a few milliseconds even over a remote
/// desktop; a person cannot type that fast, so a real Esc is never mistaken.
pub const GLUE_WAIT: std::time::Duration = std::time::Duration::from_millis(25);

/// The longest tail after ESC we try to recognise (`[24;5~` is six characters).
const MAX_TAIL: usize = 8;

/// What to do after feeding a key to `Glue`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Part of a possible sequence: wait (at most `GLUE_WAIT`) for the next key.
    Wait,
    /// These keys, in this order, are what was pressed.
    Keys(Vec<KeyEvent>),
}

/// Joins an Esc with the characters that follow it at once into one key.
#[derive(Debug, Default)]
pub struct Glue {
    /// The characters after a pending Esc; `None` when no Esc is pending.
    tail: Option<String>,
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

impl Glue {
    /// Whether an Esc is waiting for what follows.
    pub fn pending(&self) -> bool {
        self.tail.is_some()
    }

    /// Feeds the next key.
    pub fn push(&mut self, key: KeyEvent) -> Step {
        if key.kind == KeyEventKind::Release {
            return if self.pending() {
                Step::Wait
            } else {
                Step::Keys(vec![key])
            };
        }
        let Some(tail) = self.tail.as_mut() else {
            if key.code == KeyCode::Esc && key.modifiers.is_empty() {
                self.tail = Some(String::new());
                return Step::Wait;
            }
            return Step::Keys(vec![key]);
        };
        let typed = match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        };
        let fits = match typed {
            Some(c) if tail.is_empty() => c == '[' || c == 'O',
            Some(c) => c.is_ascii_digit() || c == ';' || c.is_ascii_alphabetic() || c == '~',
            None => false,
        };
        if !fits {
            let mut keys = self.flush();
            match self.push(key) {
                Step::Keys(more) => keys.extend(more),
                Step::Wait => {}
            }
            return Step::Keys(keys);
        }
        tail.push(typed.unwrap_or_default());
        if let Some(k) = decode(tail) {
            self.tail = None;
            return Step::Keys(vec![k]);
        }
        let last = tail.chars().last().unwrap_or_default();
        let ended = tail.len() > 1 && (last == '~' || last.is_ascii_alphabetic());
        if ended || tail.len() >= MAX_TAIL {
            return Step::Keys(self.flush());
        }
        Step::Wait
    }

    /// Nothing more came in time: the Esc was a real Esc, and what followed was typed.
    pub fn flush(&mut self) -> Vec<KeyEvent> {
        let Some(tail) = self.tail.take() else {
            return Vec::new();
        };
        std::iter::once(plain(KeyCode::Esc))
            .chain(tail.chars().map(|c| plain(KeyCode::Char(c))))
            .collect()
    }
}

/// The key meant by the characters after ESC (`[6~` is PgDn), if it is a known one.
pub fn decode(tail: &str) -> Option<KeyEvent> {
    let (body, last) = (
        tail.get(..tail.len().checked_sub(1)?)?,
        tail.chars().last()?,
    );
    let ss3 = body.strip_prefix('O');
    let csi = body.strip_prefix('[');
    // Modifiers: `[1;5A` is Ctrl+Up (1 + bits: 1 Shift, 2 Alt, 4 Ctrl).
    let (params, mods) = match csi {
        Some(p) => match p.split_once(';') {
            Some((a, m)) => (a, modifiers(m)?),
            None => (p, KeyModifiers::NONE),
        },
        None => ("", KeyModifiers::NONE),
    };
    let code = match (ss3, csi, last) {
        (Some(""), _, 'P') => KeyCode::F(1),
        (Some(""), _, 'Q') => KeyCode::F(2),
        (Some(""), _, 'R') => KeyCode::F(3),
        (Some(""), _, 'S') => KeyCode::F(4),
        (Some(""), _, 'A') => KeyCode::Up,
        (Some(""), _, 'B') => KeyCode::Down,
        (Some(""), _, 'C') => KeyCode::Right,
        (Some(""), _, 'D') => KeyCode::Left,
        (Some(""), _, 'H') => KeyCode::Home,
        (Some(""), _, 'F') => KeyCode::End,
        (_, Some(_), 'A') if params.is_empty() || params == "1" => KeyCode::Up,
        (_, Some(_), 'B') if params.is_empty() || params == "1" => KeyCode::Down,
        (_, Some(_), 'C') if params.is_empty() || params == "1" => KeyCode::Right,
        (_, Some(_), 'D') if params.is_empty() || params == "1" => KeyCode::Left,
        (_, Some(_), 'H') if params.is_empty() || params == "1" => KeyCode::Home,
        (_, Some(_), 'F') if params.is_empty() || params == "1" => KeyCode::End,
        (_, Some(""), 'Z') => return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        (_, Some(_), '~') => match params {
            "1" | "7" => KeyCode::Home,
            "2" => KeyCode::Insert,
            "3" => KeyCode::Delete,
            "4" | "8" => KeyCode::End,
            "5" => KeyCode::PageUp,
            "6" => KeyCode::PageDown,
            "11" => KeyCode::F(1),
            "12" => KeyCode::F(2),
            "13" => KeyCode::F(3),
            "14" => KeyCode::F(4),
            "15" => KeyCode::F(5),
            "17" => KeyCode::F(6),
            "18" => KeyCode::F(7),
            "19" => KeyCode::F(8),
            "20" => KeyCode::F(9),
            "21" => KeyCode::F(10),
            "23" => KeyCode::F(11),
            "24" => KeyCode::F(12),
            _ => return None,
        },
        _ => return None,
    };
    Some(KeyEvent::new(code, mods))
}

fn modifiers(m: &str) -> Option<KeyModifiers> {
    let bits = m.parse::<u8>().ok()?.checked_sub(1)?;
    let mut mods = KeyModifiers::NONE;
    if bits & 1 != 0 {
        mods |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        mods |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        mods |= KeyModifiers::CONTROL;
    }
    Some(mods)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(glue: &mut Glue, keys: &[KeyEvent]) -> Vec<KeyEvent> {
        let mut out = Vec::new();
        for k in keys {
            if let Step::Keys(ks) = glue.push(*k) {
                out.extend(ks);
            }
        }
        out
    }

    fn chars(s: &str) -> Vec<KeyEvent> {
        s.chars().map(|c| plain(KeyCode::Char(c))).collect()
    }

    #[test]
    fn esc_glued_to_the_rest_of_pgdn_is_pgdn() {
        let mut g = Glue::default();
        let mut keys = vec![plain(KeyCode::Esc)];
        keys.extend(chars("[6~"));
        assert_eq!(feed(&mut g, &keys), vec![plain(KeyCode::PageDown)]);
        assert!(!g.pending());
    }

    #[test]
    fn arrows_function_keys_and_modifiers_are_recognised() {
        for (tail, want) in [
            ("[A", plain(KeyCode::Up)),
            ("OB", plain(KeyCode::Down)),
            ("[5~", plain(KeyCode::PageUp)),
            ("OP", plain(KeyCode::F(1))),
            ("[15~", plain(KeyCode::F(5))),
            ("[3~", plain(KeyCode::Delete)),
            ("[Z", KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
            ("[1;5A", KeyEvent::new(KeyCode::Up, KeyModifiers::CONTROL)),
        ] {
            assert_eq!(decode(tail), Some(want), "{tail}");
        }
        assert_eq!(decode("[99~"), None);
        assert_eq!(decode("x"), None);
    }

    #[test]
    fn a_real_esc_followed_by_typing_stays_esc_and_text() {
        let mut g = Glue::default();
        // Esc, then a letter that cannot start a sequence: both come out as they were.
        let out = feed(&mut g, &[plain(KeyCode::Esc), plain(KeyCode::Char('d'))]);
        assert_eq!(out, vec![plain(KeyCode::Esc), plain(KeyCode::Char('d'))]);
        // Esc, then `[` and nothing more in time: flushed as Esc and `[`.
        let out = feed(&mut g, &[plain(KeyCode::Esc), plain(KeyCode::Char('['))]);
        assert!(out.is_empty());
        assert_eq!(
            g.flush(),
            vec![plain(KeyCode::Esc), plain(KeyCode::Char('['))]
        );
        // An unknown complete sequence is given back as typed, nothing swallowed.
        let mut keys = vec![plain(KeyCode::Esc)];
        keys.extend(chars("[99~"));
        let out = feed(&mut g, &keys);
        assert_eq!(out.len(), 5);
        assert_eq!(out[0], plain(KeyCode::Esc));
    }

    #[test]
    fn two_escs_in_a_row_are_two_escs() {
        let mut g = Glue::default();
        let out = feed(&mut g, &[plain(KeyCode::Esc), plain(KeyCode::Esc)]);
        assert_eq!(out, vec![plain(KeyCode::Esc)]);
        assert!(g.pending());
        assert_eq!(g.flush(), vec![plain(KeyCode::Esc)]);
    }
}
