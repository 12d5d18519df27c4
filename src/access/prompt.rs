//! Line-oriented input and output for the accessible mode: one prompt per line, answers
//! read a line at a time, and the commands (`/terug`, `/ga N`, `/overzicht`, …)
//! recognised at every prompt. Nothing here moves a cursor or colours text, so a screen reader reads each
//! line once, in order, and the whole dialogue also works through a pipe.

use std::io::{self, BufRead, Write};

/// Why a prompt did not produce an answer. Travels up with `?` to the page loop, which
/// saves the draft and decides where to go next.
#[derive(Debug)]
pub enum Stop {
    /// `/terug`: back to the previous page.
    Back,
    /// `/stop`: leave; the draft stays.
    Quit,
    /// `/ga N`: to the N-th step of the gesprek (already checked to exist).
    GoTo(usize),
    /// `/wijzig` at a prompt that offered it: replace or clear what is there.
    Wijzig,
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

/// What kind of answer a prompt wants, which decides what counts as a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    /// Free text (notes, names, afspraken): only lines starting with `/` are commands, so
    /// a note that is exactly "stop" or "terug" is a note.
    Tekst,
    /// A short answer (numbers, ja/nee, a list filter): the plain words `terug`, `stop`
    /// and `hulp` keep working as well.
    Kort,
}

/// The commands every prompt understands, read by `/hulp` after the prompt's own help.
pub const OPDRACHTEN: &str = "\
Opdrachten, overal te typen: /terug vorige stap, /ga en een nummer om naar een stap te gaan, \
/overzicht wat er tot nu toe is ingevuld, /uitleg de toelichting van deze stap, /plan het \
plan zoals het wordt opgeslagen, /kort of /uitgebreid voor minder of meer begeleiding, \
/stop om te stoppen. Alles wat u typt wordt meteen bewaard.";

/// Extra help in practice with a demo client, for the step on screen: what `antwoord`
/// and `uitleg` print.
#[derive(Debug, Clone, Default)]
pub struct Oefenhulp {
    /// The demo client's answer at this step.
    pub antwoord: String,
    /// The demo client and the step, so the answer can follow what was tallied.
    pub klant: Option<(crate::core::oefen::Oefenklant, String)>,
}

/// The commands of practice mode, added to the help.
const OEFENHULP: &str = "\
In de oefenmodus:
- antwoord: wat de oefenklant bij deze stap zegt.
- uitleg: de technieken van deze stap, met een goed en een minder goed voorbeeld.
Een oefengesprek wordt niet bewaard; het trainersrapport gaat naar de trainersmap.";

/// What the gesprek lets the prompts read on request, refreshed after every answer, so
/// `/overzicht` and `/plan` work at any prompt without leaving it.
#[derive(Debug, Clone, Default)]
pub struct Kennis {
    /// `/overzicht`: what has been entered so far.
    pub overzicht: String,
    /// `/plan`: the plan in the plain-text format, as it would be saved.
    pub plan: String,
    /// `/uitleg`: the technique explanation of the step on screen (the TUI's F2).
    pub uitleg: String,
    /// How many steps `/ga` can reach, with their titles, for `/ga` without a number.
    pub stappen: Vec<String>,
}

/// The input and output of one accessible session.
pub struct Console<'a> {
    input: &'a mut dyn BufRead,
    output: &'a mut dyn Write,
    /// Set while a step of a practice gesprek is open. Only then are `antwoord` and
    /// `uitleg` plain-word commands; in a real gesprek they are words like any other.
    pub oefenhulp: Option<Oefenhulp>,
    /// What `/overzicht`, `/plan`, `/uitleg` and `/ga` read.
    pub kennis: Kennis,
    /// `--kort` or `/kort`: voorbeeldzinnen and valkuilen are not read.
    pub kort: bool,
    /// Set by `/kort` and `/uitgebreid`, so the gesprek can remember the choice on disk.
    pub kort_gewijzigd: bool,
    /// The tally of a practice gesprek: its commands work at every question.
    pub turven: Option<super::turven::Turven>,
}

pub use crate::core::terminal::printable;

impl<'a> Console<'a> {
    pub fn new(input: &'a mut dyn BufRead, output: &'a mut dyn Write) -> Console<'a> {
        Console {
            input,
            output,
            oefenhulp: None,
            kennis: Kennis::default(),
            kort: false,
            kort_gewijzigd: false,
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

    /// A short-answer prompt with the general help.
    pub fn ask(&mut self, prompt: &str) -> Ask<String> {
        self.ask_with(
            prompt,
            Soort::Kort,
            "Typ uw antwoord en druk op Enter.",
            false,
        )
    }

    /// A free-text prompt: only `/` commands are commands.
    pub fn ask_text(&mut self, prompt: &str, hulp: &str) -> Ask<String> {
        self.ask_with(prompt, Soort::Tekst, hulp, false)
    }

    /// Prints the prompt on its own line and reads the answer; handles the commands.
    /// `hulp` is what `/hulp` says about this prompt before the general commands;
    /// `wijzig` whether `/wijzig` is offered here. Whatever is read on request, the same
    /// question is asked again, so no command costs an answer.
    pub fn ask_with(
        &mut self,
        prompt: &str,
        soort: Soort,
        hulp: &str,
        wijzig: bool,
    ) -> Ask<String> {
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
                    "uitleg" => Some(self.kennis.uitleg.clone()),
                    _ => None,
                };
                if let Some(text) = text {
                    self.say(&text)?;
                    self.say(prompt)?;
                    continue;
                }
            }
            let Some(cmd) = command(&line, soort) else {
                return Ok(line);
            };
            match cmd {
                Command::Help => {
                    self.say(hulp)?;
                    if wijzig {
                        self.say("/wijzig: vervang of wis wat hier al staat.")?;
                    }
                    self.say(OPDRACHTEN)?;
                    if self.oefenhulp.is_some() {
                        self.say(OEFENHULP)?;
                    }
                    if self.turven.is_some() {
                        self.say(super::turven::HULP)?;
                    }
                }
                Command::Back => return Err(Stop::Back),
                Command::Quit => return Err(Stop::Quit),
                Command::Wijzig if wijzig => return Err(Stop::Wijzig),
                Command::Wijzig => {
                    self.say("Hier is niets om te wijzigen. /wijzig werkt bij de notities van een stap en bij de afspraken.")?;
                }
                Command::GoTo(None) => {
                    self.say("Typ /ga en het nummer van de stap. De stappen zijn:")?;
                    let list: Vec<String> = (self.kennis.stappen.iter().enumerate())
                        .map(|(i, t)| format!("{} {t}", i + 1))
                        .collect();
                    self.say(&(list.join(". ") + "."))?;
                }
                Command::GoTo(Some(n)) => {
                    let total = self.kennis.stappen.len();
                    if (1..=total).contains(&n) {
                        return Err(Stop::GoTo(n));
                    }
                    self.say(&format!(
                        "Er is geen stap {n}. Kies een stap van 1 tot en met {total}; u blijft waar u was."
                    ))?;
                }
                Command::Overzicht => {
                    let text = self.kennis.overzicht.clone();
                    self.say(&text)?;
                }
                Command::Plan => {
                    let text = self.kennis.plan.clone();
                    self.say("Het plan zoals het wordt opgeslagen:")?;
                    self.say(&text)?;
                    self.say("Einde van het plan.")?;
                }
                Command::Uitleg => {
                    let text = self.kennis.uitleg.clone();
                    self.say(&text)?;
                }
                Command::Kort(kort) => {
                    self.kort = kort;
                    self.kort_gewijzigd = true;
                    self.say(if kort {
                        "Kort: voorbeeldzinnen en valkuilen worden niet meer voorgelezen. /uitleg leest ze wel."
                    } else {
                        "Uitgebreid: voorbeeldzinnen en valkuilen worden weer voorgelezen."
                    })?;
                }
                Command::Onbekend => {
                    self.say("Dat is geen opdracht; er is niets bewaard. Typ /hulp voor de opdrachten, of begin de regel zonder schuine streep.")?;
                }
            }
            self.say(prompt)?;
        }
    }

    /// Asks a short answer until it parses; the parser returns the Dutch message to show.
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

/// The commands a prompt understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Help,
    Back,
    Quit,
    GoTo(Option<usize>),
    Overzicht,
    Uitleg,
    Plan,
    Wijzig,
    Kort(bool),
    /// A line starting with `/` that is no command: a typo, not text to store.
    Onbekend,
}

/// Only a whole line is a command, so a note that mentions "stop" is just a note. In free
/// text only `/…` lines (and `?` alone) are commands; in short answers the plain words
/// `terug`, `stop` and `hulp` are too.
fn command(line: &str, soort: Soort) -> Option<Command> {
    let t = line.trim().to_lowercase();
    if t == "?" {
        return Some(Command::Help);
    }
    // A path typed as an answer ("/home/…/plannen") is text, not a mistyped command.
    let is_path = t
        .split_whitespace()
        .next()
        .and_then(|w| w.strip_prefix('/'))
        .is_some_and(|w| w.contains(['/', '\\']));
    let Some(rest) = t.strip_prefix('/').filter(|_| !is_path) else {
        return match (soort, t.as_str()) {
            (Soort::Kort, "hulp") => Some(Command::Help),
            (Soort::Kort, "terug") => Some(Command::Back),
            (Soort::Kort, "stop") => Some(Command::Quit),
            _ => None,
        };
    };
    let mut words = rest.split_whitespace();
    let cmd = match (words.next().unwrap_or(""), words.next()) {
        ("hulp" | "help", None) => Command::Help,
        ("terug", None) => Command::Back,
        ("stop", None) => Command::Quit,
        ("ga", None) => Command::GoTo(None),
        ("ga", Some(n)) => match n.parse() {
            Ok(n) => Command::GoTo(Some(n)),
            Err(_) => Command::GoTo(None),
        },
        ("overzicht", None) => Command::Overzicht,
        ("uitleg", None) => Command::Uitleg,
        ("plan", None) => Command::Plan,
        ("wijzig", None) => Command::Wijzig,
        ("kort", None) => Command::Kort(true),
        ("uitgebreid", None) => Command::Kort(false),
        _ => Command::Onbekend,
    };
    Some(cmd)
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
        assert_eq!(command(" Terug ", Soort::Kort), Some(Command::Back));
        assert_eq!(command("?", Soort::Tekst), Some(Command::Help));
        assert_eq!(command("stop maar", Soort::Kort), None);
    }

    #[test]
    fn in_free_text_only_slash_lines_are_commands() {
        assert_eq!(command("stop", Soort::Tekst), None);
        assert_eq!(command("terug", Soort::Tekst), None);
        assert_eq!(command("/Terug", Soort::Tekst), Some(Command::Back));
        assert_eq!(command("/ga 5", Soort::Tekst), Some(Command::GoTo(Some(5))));
        assert_eq!(command("/ga", Soort::Kort), Some(Command::GoTo(None)));
        assert_eq!(command("/kort", Soort::Tekst), Some(Command::Kort(true)));
        assert_eq!(
            command("/uitgebreid", Soort::Tekst),
            Some(Command::Kort(false))
        );
        assert_eq!(command("/wis alles", Soort::Tekst), Some(Command::Onbekend));
        assert_eq!(command("/home/ab/plannen", Soort::Kort), None);
        assert_eq!(command("é", Soort::Kort), None);
    }

    #[test]
    fn ga_out_of_range_is_refused_and_the_question_stays() {
        let mut input = Cursor::new("/ga 99\n/wijzig\n/ga 2\n".as_bytes());
        let mut out = Vec::new();
        let mut con = Console::new(&mut input, &mut out);
        con.kennis.stappen = vec!["Welkom".into(), "Wensen".into()];
        assert!(matches!(con.ask_text("Notitie:", "h"), Err(Stop::GoTo(2))));
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("Er is geen stap 99. Kies een stap van 1 tot en met 2"),
            "{text}"
        );
        assert!(text.contains("Hier is niets om te wijzigen"), "{text}");
        assert_eq!(text.matches("Notitie:").count(), 3, "{text}");
    }

    #[test]
    fn antwoord_and_uitleg_are_commands_only_in_practice() {
        let mut input = Cursor::new("antwoord\nuitleg\n?\nklaar\nantwoord\n".as_bytes());
        let mut out = Vec::new();
        let mut con = Console::new(&mut input, &mut out);
        con.oefenhulp = Some(Oefenhulp {
            antwoord: "Oefenklant: ik kook graag.".into(),
            klant: None,
        });
        con.kennis.uitleg = "Open vragen: vragen zonder ja of nee.".into();
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
        assert!(text.contains("Opdrachten, overal"), "{text}");
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
