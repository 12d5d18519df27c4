//! "Kopieer naar klembord": the text plan on the system clipboard, so it can be pasted
//! into the case system. Only Windows, where the consultants work, has a clipboard here
//! (through `clipboard-win`, which talks to the Windows API and nothing else); elsewhere,
//! and when Windows refuses, the caller writes the text file instead and says so.

/// Why the text is not on the clipboard, in Dutch.
pub type GeenKlembord = String;

/// Puts `text` on the system clipboard.
#[cfg(windows)]
pub fn kopieer(text: &str) -> Result<(), GeenKlembord> {
    clipboard_win::set_clipboard_string(text)
        .map_err(|e| format!("Windows gaf het klembord niet vrij ({e})"))
}

/// Puts `text` on the system clipboard: not possible on this platform.
#[cfg(not(windows))]
pub fn kopieer(_text: &str) -> Result<(), GeenKlembord> {
    Err("op deze computer kan meedoen niet bij het klembord".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(windows))]
    #[test]
    fn without_a_clipboard_the_reason_is_dutch() {
        let e = kopieer("tekst").unwrap_err();
        assert!(e.contains("klembord"), "{e}");
    }

    #[cfg(windows)]
    #[test]
    fn on_windows_the_text_goes_on_the_clipboard() {
        // Under Wine in CI there may be no clipboard owner; then the Dutch reason is
        // returned, never a panic.
        match kopieer("meedoen é 🙂\r\nregel 2") {
            Ok(()) => assert_eq!(
                clipboard_win::get_clipboard_string().unwrap(),
                "meedoen é 🙂\r\nregel 2"
            ),
            Err(e) => assert!(e.contains("klembord"), "{e}"),
        }
    }
}
