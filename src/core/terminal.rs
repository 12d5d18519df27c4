//! The one sanitiser for text that reaches a terminal from data: a note, a catalogue
//! title, a file name. Control characters other than line breaks and tabs are replaced
//! by `�`, so an escape sequence in a data file cannot move the cursor, recolour the
//! screen, set the window title or write the clipboard (OSC 52), and a screen reader is
//! not confused. The full-screen app draws through ratatui, which never prints control
//! characters; the line mode and every subcommand print through this.

/// `text` with every control character except `\n` and `\t` replaced by `�`. C1 codes
/// (U+0080–U+009F, among them the one-character CSI) count as control characters.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_osc_and_c1_become_replacement_characters() {
        assert_eq!(
            printable("a\x1b]52;c;aGk=\x07b\u{9b}31mc\r\n\td"),
            "a\u{fffd}]52;c;aGk=\u{fffd}b\u{fffd}31mc\u{fffd}\n\td"
        );
        assert_eq!(printable("é ë 🙂 中文"), "é ë 🙂 中文");
    }
}
