//! Text fields: which session field is being edited, the editing widget bound to it, and
//! the conversion between typed text and the session's typed values (dates, numbers).
//! The session is the source of truth; the widget only mirrors one field of it, and every
//! change is written back at once so autosave always has the latest keystroke.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::core::session::{Afspraak, Session};

/// A text field of the session.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Klant,
    Consulent,
    Plaats,
    Datum,
    Leeftijd,
    /// Notes of a step, by step id.
    Note(String),
    AfspraakWat(usize),
    AfspraakWie(usize),
    AfspraakWanneer(usize),
    /// How a belemmering is handled, by belemmering id.
    Aanpak(String),
    /// Vervolggesprek: what helped with the n-th previous afspraak.
    EvalHielp(usize),
    /// Vervolggesprek: what got in the way of the n-th previous afspraak.
    EvalLastig(usize),
    Uren,
    UrenToelichting,
    Startdatum,
    Evaluatiedatum,
    VolgendContact,
    AkkoordToelichting,
}

/// How a field's text is interpreted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Date,
    /// A whole number with its upper bound.
    Number(u8),
}

impl Field {
    pub fn kind(&self) -> FieldKind {
        match self {
            Field::Datum | Field::Startdatum | Field::Evaluatiedatum | Field::VolgendContact => {
                FieldKind::Date
            }
            Field::Leeftijd => FieldKind::Number(120),
            Field::Uren => FieldKind::Number(40),
            _ => FieldKind::Text,
        }
    }

    /// Only notes take several lines; in other fields Enter moves on.
    pub fn is_multiline(&self) -> bool {
        matches!(self, Field::Note(_))
    }

    pub fn label(&self) -> &'static str {
        match self {
            Field::Klant => "Klant (initialen of schuilnaam)",
            Field::Consulent => "Consulent",
            Field::Plaats => "Plaats",
            Field::Datum => "Datum gesprek",
            Field::Leeftijd => "Leeftijd (optioneel)",
            Field::Note(_) => "Notities",
            Field::AfspraakWat(_) => "Wat",
            Field::AfspraakWie(_) => "Wie",
            Field::AfspraakWanneer(_) => "Wanneer",
            Field::Aanpak(_) => "Aanpak",
            Field::EvalHielp(_) => "Wat hielp",
            Field::EvalLastig(_) => "Wat zat in de weg",
            Field::Uren => "Uren per week",
            Field::UrenToelichting => "Waarom deze uren / opbouw",
            Field::Startdatum => "Startdatum",
            Field::Evaluatiedatum => "Evaluatiedatum",
            Field::VolgendContact => "Volgend contact",
            Field::AkkoordToelichting => "Toelichting akkoord",
        }
    }
}

/// Formats a date the Dutch way: 23-11-2026.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%-d-%-m-%Y").to_string()
}

/// Parses the date notations people type: 23-11-2026, 23/11/2026, 23.11.2026, 23-11-26,
/// 2026-11-23.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let nums: Vec<i32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        let y = if parts[2].len() <= 2 {
            2000 + nums[2]
        } else {
            nums[2]
        };
        (y, nums[1], nums[0])
    };
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

fn afspraak(session: &Session, i: usize) -> Afspraak {
    session.afspraken.get(i).cloned().unwrap_or_default()
}

fn afspraak_mut(session: &mut Session, i: usize) -> &mut Afspraak {
    if session.afspraken.len() <= i {
        session.afspraken.resize_with(i + 1, Afspraak::default);
    }
    &mut session.afspraken[i]
}

/// The text shown for a field: what the user typed if it does not parse yet, else the
/// session's value.
pub fn value(field: &Field, session: &Session, invalid: &BTreeMap<Field, String>) -> String {
    if let Some(raw) = invalid.get(field) {
        return raw.clone();
    }
    let date = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
    match field {
        Field::Klant => session.klant.clone(),
        Field::Consulent => session.consulent.clone(),
        Field::Plaats => session.plaats.clone(),
        Field::Datum => format_date(session.datum),
        Field::Leeftijd => session.leeftijd.map(|n| n.to_string()).unwrap_or_default(),
        Field::Note(step) => session.note(step).to_string(),
        Field::AfspraakWat(i) => afspraak(session, *i).wat,
        Field::AfspraakWie(i) => afspraak(session, *i).wie,
        Field::AfspraakWanneer(i) => afspraak(session, *i).wanneer,
        Field::Aanpak(id) => session.aanpak.get(id).cloned().unwrap_or_default(),
        Field::EvalHielp(i) => session
            .evaluaties
            .get(*i)
            .map(|e| e.hielp.clone())
            .unwrap_or_default(),
        Field::EvalLastig(i) => session
            .evaluaties
            .get(*i)
            .map(|e| e.lastig.clone())
            .unwrap_or_default(),
        Field::Uren => session
            .uren_per_week
            .map(|n| n.to_string())
            .unwrap_or_default(),
        Field::UrenToelichting => session.uren_toelichting.clone(),
        Field::Startdatum => date(session.startdatum),
        Field::Evaluatiedatum => date(session.evaluatiedatum),
        Field::VolgendContact => date(session.volgend_contact),
        Field::AkkoordToelichting => session.akkoord_toelichting.clone(),
    }
}

/// Writes typed text into the session. Text that does not parse (a half-typed date) is
/// kept in `invalid` and the session keeps its previous value; the returned message says
/// what is expected.
pub fn store(
    field: &Field,
    text: String,
    session: &mut Session,
    invalid: &mut BTreeMap<Field, String>,
) -> Result<(), String> {
    let parsed_date = || -> Result<Option<NaiveDate>, String> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            parse_date(&text)
                .map(Some)
                .ok_or_else(|| "Typ een datum als 1-12-2026.".to_string())
        }
    };
    let parsed_number = |max: u8| -> Result<Option<u8>, String> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        match text.trim().parse::<u8>() {
            Ok(n) if n <= max => Ok(Some(n)),
            _ => Err(format!("Typ een heel getal van 0 tot en met {max}.")),
        }
    };
    let result = match field.kind() {
        FieldKind::Date => parsed_date().map(|d| match field {
            Field::Datum => {
                if let Some(d) = d {
                    session.datum = d;
                }
            }
            Field::Startdatum => session.startdatum = d,
            Field::Evaluatiedatum => session.evaluatiedatum = d,
            _ => session.volgend_contact = d,
        }),
        FieldKind::Number(max) => parsed_number(max).map(|n| match field {
            Field::Leeftijd => session.leeftijd = n,
            _ => session.uren_per_week = n,
        }),
        FieldKind::Text => {
            match field {
                Field::Klant => session.klant = text.clone(),
                Field::Consulent => session.consulent = text.clone(),
                Field::Plaats => session.plaats = text.clone(),
                Field::Note(step) => session.set_note(step, text.clone()),
                Field::AfspraakWat(i) => afspraak_mut(session, *i).wat = text.clone(),
                Field::AfspraakWie(i) => afspraak_mut(session, *i).wie = text.clone(),
                Field::AfspraakWanneer(i) => afspraak_mut(session, *i).wanneer = text.clone(),
                // Empty means: use the taxonomy's standard aanpak again.
                Field::Aanpak(id) if text.trim().is_empty() => {
                    session.aanpak.remove(id);
                }
                Field::Aanpak(id) => {
                    session.aanpak.insert(id.clone(), text.clone());
                }
                Field::EvalHielp(i) => {
                    if let Some(e) = session.evaluaties.get_mut(*i) {
                        e.hielp = text.clone();
                    }
                }
                Field::EvalLastig(i) => {
                    if let Some(e) = session.evaluaties.get_mut(*i) {
                        e.lastig = text.clone();
                    }
                }
                Field::UrenToelichting => session.uren_toelichting = text.clone(),
                Field::AkkoordToelichting => session.akkoord_toelichting = text.clone(),
                _ => {}
            }
            Ok(())
        }
    };
    match result {
        Ok(()) => {
            invalid.remove(field);
            Ok(())
        }
        Err(e) => {
            invalid.insert(field.clone(), text);
            Err(e)
        }
    }
}

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
        // Notes wrap; a one-line field scrolls sideways by character, so the cursor and
        // the last typed characters stay in view however long the value gets.
        area.set_wrap_mode(if field.is_multiline() {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        });
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_common_dutch_notations_parse() {
        assert_eq!(parse_date("1-12-2026"), Some(d(2026, 12, 1)));
        assert_eq!(parse_date(" 01/12/2026 "), Some(d(2026, 12, 1)));
        assert_eq!(parse_date("1.12.26"), Some(d(2026, 12, 1)));
        assert_eq!(parse_date("2026-12-01"), Some(d(2026, 12, 1)));
        assert_eq!(parse_date("31-2-2026"), None);
        assert_eq!(parse_date("1-12"), None);
        assert_eq!(parse_date("morgen"), None);
        assert_eq!(format_date(d(2026, 12, 1)), "1-12-2026");
    }

    #[test]
    fn invalid_date_keeps_the_typed_text_and_the_old_value() {
        let mut s = Session::default();
        let mut invalid = BTreeMap::new();
        store(&Field::Startdatum, "1-12-2026".into(), &mut s, &mut invalid).unwrap();
        let err = store(&Field::Startdatum, "1-13-20".into(), &mut s, &mut invalid).unwrap_err();
        assert!(err.contains("1-12-2026"));
        assert_eq!(s.startdatum, Some(d(2026, 12, 1)));
        assert_eq!(value(&Field::Startdatum, &s, &invalid), "1-13-20");
        store(&Field::Startdatum, String::new(), &mut s, &mut invalid).unwrap();
        assert_eq!(s.startdatum, None);
        assert!(invalid.is_empty());
    }

    #[test]
    fn hours_are_bounded() {
        let mut s = Session::default();
        let mut invalid = BTreeMap::new();
        store(&Field::Uren, "8".into(), &mut s, &mut invalid).unwrap();
        assert_eq!(s.uren_per_week, Some(8));
        assert!(store(&Field::Uren, "80".into(), &mut s, &mut invalid).is_err());
        assert_eq!(s.uren_per_week, Some(8));
    }

    #[test]
    fn afspraak_fields_grow_the_list() {
        let mut s = Session::default();
        let mut invalid = BTreeMap::new();
        store(&Field::AfspraakWie(1), "klant".into(), &mut s, &mut invalid).unwrap();
        assert_eq!(s.afspraken.len(), 2);
        assert_eq!(value(&Field::AfspraakWie(1), &s, &invalid), "klant");
        assert_eq!(value(&Field::AfspraakWat(5), &s, &invalid), "");
    }

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
