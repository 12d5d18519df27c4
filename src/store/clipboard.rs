//! Copying text to the system clipboard, for when nothing can be saved (the last way to
//! keep typed words) and for "Kopieer naar klembord". No crate: a clipboard crate would
//! speak the X11 protocol itself, which can go over the network when `DISPLAY` names
//! another host. Instead the platform's own tool is used: `clip.exe` on Windows (always
//! present), `pbcopy` on macOS, and `wl-copy`, `xclip` or `xsel` on Linux. Where none
//! exists (a server without a desktop), the caller gets a Dutch message that says so.

use std::io::Write;
use std::process::{Command, Stdio};

/// The programs tried in order, with their arguments.
#[cfg(windows)]
const TOOLS: &[(&str, &[&str])] = &[("clip.exe", &[])];
#[cfg(target_os = "macos")]
const TOOLS: &[(&str, &[&str])] = &[("pbcopy", &[])];
#[cfg(all(unix, not(target_os = "macos")))]
const TOOLS: &[(&str, &[&str])] = &[
    ("wl-copy", &[]),
    ("xclip", &["-selection", "clipboard"]),
    ("xsel", &["--clipboard", "--input"]),
];

/// The message when no clipboard could be reached.
pub const GEEN_KLEMBORD: &str = "Er is op deze computer geen klembord beschikbaar (geen \
     bureaublad, of geen programma om naar het klembord te kopiëren). Kies een andere \
     manier om de tekst te bewaren.";

/// Puts `text` on the clipboard; a Dutch message when that is not possible.
pub fn copy(text: &str) -> Result<(), String> {
    copy_with(TOOLS, text)
}

/// [`copy`] with the programs to try given, so the fallback is testable anywhere.
pub fn copy_with(tools: &[(&str, &[&str])], text: &str) -> Result<(), String> {
    // Without a desktop session the X11 and Wayland tools cannot work; trying them only
    // makes a program wait for a display that is not there.
    #[cfg(all(unix, not(target_os = "macos")))]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err(GEEN_KLEMBORD.to_string());
    }
    for (program, args) in tools {
        let child = Command::new(program)
            .args(*args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            continue;
        };
        let bytes = encode(text);
        let written = child
            .stdin
            .take()
            .map(|mut stdin| stdin.write_all(&bytes))
            .is_some_and(|r| r.is_ok());
        match child.wait() {
            Ok(status) if status.success() && written => return Ok(()),
            _ => continue,
        }
    }
    Err(GEEN_KLEMBORD.to_string())
}

/// `clip.exe` reads its input in the console's code page unless it starts with a UTF-16
/// byte order mark; everything else takes UTF-8.
fn encode(text: &str) -> Vec<u8> {
    if cfg!(windows) {
        let mut out = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    } else {
        text.as_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_tool_gives_a_dutch_message() {
        let e = copy_with(&[("meedoen-bestaat-niet-klembord", &[])], "tekst").unwrap_err();
        assert_eq!(e, GEEN_KLEMBORD);
    }

    #[cfg(unix)]
    #[test]
    fn the_text_reaches_the_tool() {
        // `sh -c 'cat > FILE'` stands in for a clipboard program.
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("klembord");
        let script = format!("cat > '{}'", out.display());
        let args: [&str; 2] = ["-c", &script];
        // Headless (as in CI): the refusal comes before any program is started.
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            assert_eq!(copy_with(&[("sh", &args)], "x").unwrap_err(), GEEN_KLEMBORD);
            return;
        }
        copy_with(&[("sh", &args)], "é ë 🙂").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "é ë 🙂");
    }
}
