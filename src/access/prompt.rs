//! Line-oriented input and output for the accessible mode: one prompt per line, answers
//! read a line at a time, and the commands (`?`, `terug`, `stop`) recognised at every
//! prompt. Nothing here moves a cursor or colours text, so a screen reader reads each
//! line once, in order, and the whole dialogue also works through a pipe.

use std::io::{self, BufRead, Write};

/// Why a prompt did not produce an answer. Travels up with `?` to the page loop, which
/// saves the draft and decides where to go next.
#[derive(Debug)]
pub enum Stop {
    /// `terug`: back to the previous page.
    Back,
    /// `stop`: leave; the draft stays.
    Quit,
    /// The input ended (a pipe ran out, Ctrl+Z / Ctrl+D).
    Eof,
    /// Reading or writing failed.
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

/// The result of asking something.
pub type Ask<T> = Result<T, Stop>;

/// Help shown for `?`, at any prompt.
pub const HULP: &str = "\
Hulp bij de toegankelijke modus:
- Typ uw antwoord en druk op Enter.
- Enter zonder tekst houdt wat er al staat, of slaat de vraag over.
- Bij een lijst typt u de nummers, gescheiden door spaties. Nog een keer hetzelfde nummer zet het weer uit.
- Notities mogen meerdere regels hebben; een lege regel sluit ze af.
- terug: naar de vorige stap.
- stop: stoppen. Het gesprek blijft bewaard als concept; bij de volgende start kunt u verder.
- ?: deze hulp.
Alles wat u typt wordt meteen bewaard.";

/// Extra help in practice with a demo client, for the step on screen: what `antwoord`
/// and `uitleg` print.
#[derive(Debug, Clone, Default)]
pub struct Oefenhulp {
    /// The demo client's answer at this step.
    pub antwoord: String,
    /// What the step's techniques are for, with a good and a poor example.
    pub uitleg: String,
    /// The demo client and the step, so the answer can follow what was tallied.
    pub klant: Option<(crate::core::oefen::Oefenklant, String)>,
}

/// The commands of practice mode, added to the help.
const OEFENHULP: &str = "\
In de oefenmodus:
- antwoord: wat de oefenklant bij deze stap zegt.
- uitleg: de technieken van deze stap, met een goed en een minder goed voorbeeld.
Een oefengesprek wordt niet bewaard; het trainersrapport gaat naar de trainersmap.";

/// The input and output of one accessible session.
pub struct Console<'a> {
    input: &'a mut dyn BufRead,
    output: &'a mut dyn Write,
    /// Set while a step of a practice gesprek is open. Only then are `antwoord` and
    /// `uitleg` commands; in a real gesprek they are words like any other.
    pub oefenhulp: Option<Oefenhulp>,
    /// The tally of a practice gesprek: its commands work at every question.
    pub turven: Option<super::turven::Turven>,
}

/// Replaces control characters (other than line breaks and tabs) before they reach the
/// terminal: a pasted escape sequence in a note must not move the cursor, change colours
/// or confuse a screen reader when the plan is read back.
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

impl<'a> Console<'a> {
    pub fn new(input: &'a mut dyn BufRead, output: &'a mut dyn Write) -> Console<'a> {
        Console {
            input,
            output,
            oefenhulp: None,
            turven: None,
        }
    }

    /// Writes text followed by a line break, and flushes, so a screen reader and a pipe
    /// see every line as soon as it is complete.
    pub fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.output, "{}", printable(text))?;
        self.output.flush()
    }

    /// An empty line between blocks, so they are read as separate paragraphs.
    pub fn blank(&mut self) -> io::Result<()> {
        self.say("")
    }

    /// Reads one line, without its line ending. Invalid UTF-8 (a file piped in with the
    /// wrong encoding) is repaired rather than fatal: losing a session over one byte
    /// would be worse than a replacement character.
    pub fn read_line(&mut self) -> Ask<String> {
        let mut buf = Vec::new();
        let n = self.input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Err(Stop::Eof);
        }
        while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            buf.pop();
        }
        // Control characters (a stray escape sequence, a NUL from a binary file) are not
        // words; kept, they would end up verbatim in the plan and the session file. Nor is
        // the byte order mark that Windows tools put before piped or saved text.
        Ok(String::from_utf8_lossy(&buf)
            .chars()
            .filter(|&c| (!c.is_control() || c == '\t') && c != '\u{feff}')
            .collect())
    }

    /// Prints the prompt on its own line and reads the answer; handles the commands.
    /// Help is printed and the question asked again, so `?` never costs an answer.
    pub fn ask(&mut self, prompt: &str) -> Ask<String> {
        self.say(prompt)?;
        loop {
            let line = self.read_line()?;
            if let Some(t) = self.turven.as_mut()
                && let Some(reply) = super::turven::command(t, &line)
            {
                self.say(&reply)?;
                self.say(prompt)?;
                continue;
            }
            if let Some(hulp) = &self.oefenhulp {
                let text = match line.trim().to_lowercase().as_str() {
                    "antwoord" => Some(match &hulp.klant {
                        Some((klant, stap)) => super::turven::antwoord(
                            klant,
                            stap,
                            self.turven.as_ref().map(|t| &t.tally),
                        ),
                        None => hulp.antwoord.clone(),
                    }),
                    "uitleg" => Some(hulp.uitleg.clone()),
                    _ => None,
                };
                if let Some(text) = text {
                    self.say(&text)?;
                    self.say(prompt)?;
                    continue;
                }
            }
            match command(&line) {
                Some(Command::Help) => {
                    self.say(HULP)?;
                    if self.oefenhulp.is_some() {
                        self.say(OEFENHULP)?;
                    }
                    if self.turven.is_some() {
                        self.say(super::turven::HULP)?;
                    }
                    self.say(prompt)?;
                }
                Some(Command::Back) => return Err(Stop::Back),
                Some(Command::Quit) => return Err(Stop::Quit),
                None => return Ok(line),
            }
        }
    }

    /// Asks until the answer parses; the parser returns the Dutch message to show.
    pub fn ask_valid<T>(
        &mut self,
        prompt: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Ask<T> {
        loop {
            let line = self.ask(prompt)?;
            match parse(line.trim()) {
                Ok(v) => return Ok(v),
                Err(msg) => self.say(&msg)?,
            }
        }
    }

    /// Asks for one number from a numbered list of `count` choices.
    pub fn choose(&mut self, prompt: &str, count: usize) -> Ask<usize> {
        self.ask_valid(prompt, |t| match t.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(n - 1),
            _ => Err(format!("Typ een nummer van 1 tot en met {count}.")),
        })
    }
}

/// The commands understood at every prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Help,
    Back,
    Quit,
}

/// Only a whole line is a command, so a note that mentions "stop" is just a note.
fn command(line: &str) -> Option<Command> {
    match line.trim().to_lowercase().as_str() {
        "?" | "hulp" => Some(Command::Help),
        "terug" => Some(Command::Back),
        "stop" => Some(Command::Quit),
        _ => None,
    }
}

/// Parses "3 1 5" or "3,1,5" into zero-based indices below `count`, without duplicates
/// (a number typed twice in one answer would otherwise toggle twice and do nothing).
/// All-or-nothing: one unknown number and nothing is applied, so a typo never half-ticks.
pub fn numbers(text: &str, count: usize) -> Result<Vec<usize>, String> {
    let mut out = Vec::new();
    for part in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if part.is_empty() {
            continue;
        }
        match part.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                if !out.contains(&(n - 1)) {
                    out.push(n - 1);
                }
            }
            _ if count == 0 => return Err("Deze lijst is leeg.".to_string()),
            _ => {
                return Err(format!(
                    "Onbekend nummer: {}. Kies uit 1 tot en met {count}; er is niets veranderd.",
                    printable(part)
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn numbers_are_parsed_all_or_nothing() {
        assert_eq!(numbers("3 1, 3;2", 3), Ok(vec![2, 0, 1]));
        assert_eq!(numbers("", 3), Ok(vec![]));
        assert!(
            numbers("1 4", 3)
                .unwrap_err()
                .contains("Onbekend nummer: 4")
        );
        assert!(numbers("x", 3).is_err());
        assert!(numbers("0", 3).is_err());
    }

    #[test]
    fn commands_are_whole_lines_only() {
        assert_eq!(command(" Terug "), Some(Command::Back));
        assert_eq!(command("?"), Some(Command::Help));
        assert_eq!(command("stop maar"), None);
    }

    #[test]
    fn antwoord_and_uitleg_are_commands_only_in_practice() {
        let mut input = Cursor::new("antwoord\nuitleg\n?\nklaar\nantwoord\n".as_bytes());
        let mut out = Vec::new();
        let mut con = Console::new(&mut input, &mut out);
        con.oefenhulp = Some(Oefenhulp {
            antwoord: "Oefenklant: ik kook graag.".into(),
            uitleg: "Open vragen: vragen zonder ja of nee.".into(),
            klant: None,
        });
        assert_eq!(con.ask("Regel:").unwrap(), "klaar");
        con.oefenhulp = None;
        assert_eq!(con.ask("Regel:").unwrap(), "antwoord", "just a word now");
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Oefenklant: ik kook graag."), "{text}");
        assert!(
            text.contains("Open vragen: vragen zonder ja of nee."),
            "{text}"
        );
        assert!(text.contains("In de oefenmodus:"), "{text}");
        assert_eq!(text.matches("Regel:").count(), 5, "{text}");
    }

    #[test]
    fn help_is_shown_and_the_question_asked_again() {
        let mut input = Cursor::new("?\nAB\r\n".as_bytes());
        let mut out = Vec::new();
        let mut con = Console::new(&mut input, &mut out);
        assert_eq!(con.ask("Klant:").unwrap(), "AB");
        assert!(matches!(con.ask("Nog iets:"), Err(Stop::Eof)));
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Hulp bij"), "{text}");
        assert_eq!(text.matches("Klant:").count(), 2);
    }

    #[test]
    fn invalid_utf8_and_control_characters_do_not_break_anything() {
        let mut input = Cursor::new(b"a\xffb\x1b[2J\0\tc\n".to_vec());
        let mut out = Vec::new();
        let mut con = Console::new(&mut input, &mut out);
        assert_eq!(con.read_line().unwrap(), "a\u{fffd}b[2J\tc");
        con.say("x\x1b[31my\u{7}").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "x\u{fffd}[31my\u{fffd}\n");
    }
}
