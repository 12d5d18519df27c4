//! Output of the subcommands, made safe for a terminal: everything written goes through
//! the one sanitiser (`core::terminal::printable`), so a catalogue title, a file name or
//! a problem message from a data file can never carry an escape sequence to the screen.
//! Text is passed on per line (and on `flush`, for a question without a line break), so
//! a character split over two writes is never cut.

use std::io::{self, Write};

use crate::core::terminal::printable;

/// A writer that sanitises what passes through it.
pub struct Veilig<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Veilig<W> {
    pub fn new(inner: W) -> Veilig<W> {
        Veilig {
            inner,
            pending: Vec::new(),
        }
    }

    fn pass_on(&mut self, upto: usize) -> io::Result<()> {
        let chunk: Vec<u8> = self.pending.drain(..upto).collect();
        let text = printable(&String::from_utf8_lossy(&chunk));
        self.inner.write_all(text.as_bytes())
    }
}

impl<W: Write> Write for Veilig<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(last) = self.pending.iter().rposition(|&b| b == b'\n') {
            self.pass_on(last + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let n = self.pending.len();
        self.pass_on(n)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Veilig<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_never_pass_and_split_characters_survive() {
        let mut out = Vec::new();
        {
            let mut v = Veilig::new(&mut out);
            v.write_all(b"titel \x1b]52;c;aGk=\x07 ").unwrap();
            let e = "é".as_bytes();
            v.write_all(&e[..1]).unwrap();
            v.write_all(&e[1..]).unwrap();
            v.write_all(b"\n\x1b[2J").unwrap();
            v.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "titel \u{fffd}]52;c;aGk=\u{fffd} é\n\u{fffd}[2J"
        );
    }
}
