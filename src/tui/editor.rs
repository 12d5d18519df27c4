//! The editing widget bound to one session field. Which fields exist and how typed text
//! becomes the session's values live in `core::fields`, shared with the line mode. The
//! session is the source of truth; the widget only mirrors one field of it, and every
//! change is written back at once so autosave always has the latest keystroke.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

pub use crate::core::datum::{format as format_date, parse as parse_date};
pub use crate::core::fields::{Field, FieldKind, store, value};

/// Removes control characters (escape sequences, NUL, …) except line breaks and tabs: a
/// pasted escape sequence would otherwise reach the terminal when the note is drawn.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// The editing widget bound to one field.
pub struct Editor {
    pub field: Field,
    pub area: TextArea<'static>,
}

impl Editor {
    /// An editor holding `text`, cursor at the end (where one continues typing).
    pub fn new(field: Field, text: &str) -> Editor {
        let text = strip_controls(text);
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(ratatui::style::Style::new());
        area.set_max_histories(200);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor { field, area }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_stripped_but_lines_and_tabs_stay() {
        assert_eq!(
            strip_controls("a\x1b[2Jb\u{0}c\td\ne\u{9b}f"),
            "a[2Jbc\td\nef"
        );
    }

    #[test]
    fn editor_round_trips_multiline_text() {
        let e = Editor::new(Field::Note("x".into()), "één\ntwee 🙂");
        assert_eq!(e.text(), "één\ntwee 🙂");
    }
}
