//! The logboek: an append-only local record of what meedoen did with client files
//! (`logboek.txt` in the local data folder), so a municipality can account for its
//! processing (AVG art. 5(2)) and see that an erasure happened.
//!
//! What goes in, and what never does: the log names a gesprek by its session id
//! (creation time plus a random suffix, e.g. `20261123-140509-3f2a`), never by the
//! client's initials, and never holds notes, tags or any other content. Plan file names
//! are deliberately not logged either: they carry the client's initials, and the log
//! outlives the files. After `wis` removes a client's sessions, the ids in the log point
//! at nothing, so the log no longer says anything about that person. While the files
//! exist, the id links a log line to its `.sessie.ron` for anyone allowed to open it.

use std::fs::OpenOptions;
use std::io::{self, Write};

use chrono::{DateTime, Local, SecondsFormat, TimeZone};

use super::files::create_private_dir_all;
use super::paths::Paths;
use crate::core::plan::Formaat;

/// File name of the log in `Paths::data`.
pub const LOG_FILE: &str = "logboek.txt";

/// Longest session id we write; real ids are about 20 characters.
const MAX_ID: usize = 64;

/// Something that happened to client data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'a> {
    /// A new gesprek was started.
    GesprekGestart { sessie: &'a str },
    /// A draft was opened again.
    GesprekGeopend { sessie: &'a str },
    /// A plan was written in a format (with its saved session).
    PlanOpgeslagen { sessie: &'a str, formaat: Formaat },
    /// BSNs were removed from a session before export.
    BsnVerwijderd { sessie: &'a str, aantal: usize },
    /// A draft was deleted by the consultant.
    ConceptVerwijderd { sessie: &'a str },
    /// All files of one client were erased; how many, not whose.
    KlantGewist { bestanden: usize },
}

impl Event<'_> {
    /// The event kind and its details, as written after the timestamp.
    fn describe(&self) -> String {
        match self {
            Event::GesprekGestart { sessie } => format!("gesprek-gestart sessie={}", id(sessie)),
            Event::GesprekGeopend { sessie } => format!("gesprek-geopend sessie={}", id(sessie)),
            Event::PlanOpgeslagen { sessie, formaat } => {
                format!("plan-opgeslagen sessie={} formaat={formaat}", id(sessie))
            }
            Event::BsnVerwijderd { sessie, aantal } => {
                format!("bsn-verwijderd sessie={} aantal={aantal}", id(sessie))
            }
            Event::ConceptVerwijderd { sessie } => {
                format!("concept-verwijderd sessie={}", id(sessie))
            }
            Event::KlantGewist { bestanden } => format!("klant-gewist bestanden={bestanden}"),
        }
    }
}

/// A session id as written: only letters, digits, `-` and `_`, so an id read from a
/// tampered file cannot add lines or text to the log.
fn id(raw: &str) -> String {
    let clean: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(MAX_ID)
        .collect();
    if clean.is_empty() {
        "onbekend".to_string()
    } else {
        clean
    }
}

/// One log line: ISO 8601 timestamp with offset, then the event; ends with a newline.
pub fn line<Tz: TimeZone>(at: &DateTime<Tz>, event: &Event) -> String
where
    Tz::Offset: std::fmt::Display,
{
    format!(
        "{} {}\n",
        at.to_rfc3339_opts(SecondsFormat::Secs, false),
        event.describe()
    )
}

/// Appends the event to `paths.data/logboek.txt`, now. The file is opened in append
/// mode, so lines are only ever added, and created owner-only (0600 on unix).
pub fn append(paths: &Paths, event: &Event) -> io::Result<()> {
    append_line(paths, &line(&Local::now(), event))
}

fn append_line(paths: &Paths, text: &str) -> io::Result<()> {
    create_private_dir_all(&paths.data)?;
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let path = paths.data.join(LOG_FILE);
    // The log is never written through a symbolic link: a link planted in its place
    // would make meedoen append to (or create) a file of someone else's choosing.
    refuse_link(&path)?;
    let mut file = options.open(&path)?;
    refuse_link(&path)?;
    #[cfg(unix)]
    {
        // Swapped for a link between the check and the open: not the file we opened.
        use std::os::unix::fs::MetadataExt;
        let (opened, named) = (file.metadata()?, std::fs::symlink_metadata(&path)?);
        if (opened.dev(), opened.ino()) != (named.dev(), named.ino()) {
            return Err(link_error(&path));
        }
    }
    // One write per line: with append mode, lines from two windows never interleave.
    file.write_all(text.as_bytes())
}

fn refuse_link(path: &std::path::Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(link_error(path)),
        Ok(m) if !m.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is geen gewoon bestand; het logboek wordt niet bijgewerkt",
                path.display()
            ),
        )),
        _ => Ok(()),
    }
}

fn link_error(path: &std::path::Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{} is een snelkoppeling (symbolische link); meedoen schrijft het logboek alleen in een gewoon bestand",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[cfg(unix)]
    #[test]
    fn the_log_refuses_to_follow_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        std::fs::create_dir_all(&paths.data).unwrap();
        let elsewhere = dir.path().join("elders.txt");
        std::fs::write(&elsewhere, "van iemand anders\n").unwrap();
        std::os::unix::fs::symlink(&elsewhere, paths.data.join(LOG_FILE)).unwrap();
        let e = append(&paths, &Event::KlantGewist { bestanden: 1 }).unwrap_err();
        assert!(e.to_string().contains("symbolische link"), "{e}");
        assert_eq!(
            std::fs::read_to_string(&elsewhere).unwrap(),
            "van iemand anders\n"
        );
        // A dangling link is refused too: nothing is created at its target.
        let dangling = dir.path().join("nieuw.txt");
        std::fs::remove_file(paths.data.join(LOG_FILE)).unwrap();
        std::os::unix::fs::symlink(&dangling, paths.data.join(LOG_FILE)).unwrap();
        assert!(append(&paths, &Event::KlantGewist { bestanden: 1 }).is_err());
        assert!(!dangling.exists());
    }

    #[test]
    fn lines_have_a_timestamp_and_no_content() {
        let at = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 23, 14, 5, 9)
            .unwrap();
        let cases = [
            (
                Event::PlanOpgeslagen {
                    sessie: "20261123-140509-3f2a",
                    formaat: Formaat::Html,
                },
                "2026-11-23T14:05:09+01:00 plan-opgeslagen sessie=20261123-140509-3f2a formaat=html\n",
            ),
            (
                Event::KlantGewist { bestanden: 4 },
                "2026-11-23T14:05:09+01:00 klant-gewist bestanden=4\n",
            ),
            (
                Event::GesprekGeopend {
                    sessie: "x\nnep-regel A.B. é",
                },
                "2026-11-23T14:05:09+01:00 gesprek-geopend sessie=xnep-regelAB\n",
            ),
            (
                Event::BsnVerwijderd {
                    sessie: "",
                    aantal: 2,
                },
                "2026-11-23T14:05:09+01:00 bsn-verwijderd sessie=onbekend aantal=2\n",
            ),
        ];
        for (event, expected) in cases {
            assert_eq!(line(&at, &event), expected);
        }
    }

    #[test]
    fn append_only_adds_lines_in_an_owner_only_file() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        append(&paths, &Event::GesprekGestart { sessie: "a" }).unwrap();
        append(
            &paths,
            &Event::PlanOpgeslagen {
                sessie: "a",
                formaat: Formaat::Txt,
            },
        )
        .unwrap();
        append(&paths, &Event::ConceptVerwijderd { sessie: "a" }).unwrap();
        let path = paths.data.join(LOG_FILE);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].ends_with(" gesprek-gestart sessie=a"), "{text}");
        assert!(lines[1].ends_with(" plan-opgeslagen sessie=a formaat=txt"));
        assert!(lines[2].ends_with(" concept-verwijderd sessie=a"));
        // The timestamp parses back.
        let stamp = lines[0].split(' ').next().unwrap();
        assert!(DateTime::parse_from_rfc3339(stamp).is_ok(), "{stamp}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode =
                |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&paths.data), 0o700);
        }
    }
}
