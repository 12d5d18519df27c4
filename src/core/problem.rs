//! Problems found in a data file, with their place (file, line, column) and a Dutch message.
//! RON syntax errors come with RON's own span; cross-reference errors (an unknown id, say)
//! are placed by finding the offending text in the source, so every problem points at a
//! line the user can open in an editor.

use serde::de::DeserializeOwned;
use std::fmt;

/// One thing wrong in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters.
    pub col: usize,
    pub msg: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file,
            self.line.max(1),
            self.col.max(1),
            self.msg
        )
    }
}

impl std::error::Error for Problem {}

impl Problem {
    pub fn new(file: &str, line: usize, col: usize, msg: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            col,
            msg: msg.into(),
        }
    }

    /// A problem at the first occurrence of `needle` at or after byte `from` in `text`;
    /// falls back to the start of the file when the needle is not found.
    pub fn at(
        file: &str,
        text: &str,
        from: usize,
        needle: &str,
        msg: impl Into<String>,
    ) -> Problem {
        let (line, col) = locate(text, from, needle).unwrap_or((1, 1));
        Problem::new(file, line, col, msg)
    }
}

/// Line and column (1-based, in characters) of byte offset `offset` in `text`.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Line and column of the first `needle` at or after byte `from`.
pub fn locate(text: &str, from: usize, needle: &str) -> Option<(usize, usize)> {
    let from = from.min(text.len());
    let start = (from..=text.len()).find(|&i| text.is_char_boundary(i))?;
    text[start..]
        .find(needle)
        .map(|i| position(text, start + i))
}

/// Parses RON into `T`, turning RON's error into a Dutch problem with its place.
pub fn parse_ron<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Problem> {
    ron::Options::default().from_str::<T>(text).map_err(|e| {
        let (line, col) = (e.span.start.line, e.span.start.col);
        let mut msg = dutch(&e.code);
        // A truncated file shows up as "expected a comma" at its very end; say what
        // actually happened.
        let end = position(text, text.trim_end().len());
        if (line, col) >= end && !matches!(e.code, ron::Error::Eof) {
            msg = format!("het bestand houdt onverwacht op ({msg})");
        }
        Problem::new(file, line, col, msg)
    })
}

/// Dutch wording for RON's errors; what it does not know it passes on in RON's own words.
pub fn dutch(code: &ron::Error) -> String {
    use ron::Error as E;
    let outer = |o: &Option<String>| o.as_ref().map(|o| format!(" in `{o}`")).unwrap_or_default();
    let list = |xs: &[&str]| {
        xs.iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match code {
        E::Eof => "het bestand houdt onverwacht op (ontbreekt er een `)` of `]`?)".into(),
        E::ExpectedArray => "hier wordt een lijst verwacht: `[ ... ]`".into(),
        E::ExpectedArrayEnd => "hier wordt het einde van een lijst verwacht: `]`".into(),
        E::ExpectedComma => "hier ontbreekt een komma".into(),
        E::ExpectedString => "hier wordt tekst tussen aanhalingstekens verwacht: \"...\"".into(),
        E::ExpectedStringEnd => "de tekst wordt niet afgesloten met een aanhalingsteken".into(),
        E::ExpectedInteger => "hier wordt een heel getal verwacht".into(),
        E::ExpectedBoolean => "hier wordt `true` of `false` verwacht".into(),
        E::ExpectedOption => "hier wordt `Some(...)` of `None` verwacht".into(),
        E::ExpectedMapColon => "hier ontbreekt een dubbele punt `:`".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier wordt een blok tussen haakjes verwacht: `( ... )`".into()
        }
        E::ExpectedStructLikeEnd => "hier wordt het einde van een blok verwacht: `)`".into(),
        E::ExpectedIdentifier => "hier wordt een veldnaam verwacht".into(),
        E::IntegerOutOfBounds => "dit getal is te groot of te klein voor dit veld".into(),
        E::UnclosedBlockComment => "een commentaar `/* ... */` wordt niet afgesloten".into(),
        E::UnexpectedChar(c) => format!("onverwacht teken `{}`", c.escape_debug()),
        E::Utf8Error(_) => {
            "het bestand is geen geldige UTF-8-tekst (is het een tekstbestand?)".into()
        }
        E::TrailingCharacters => "na het einde van de gegevens staat nog tekst".into(),
        E::InvalidValueForType { expected, found } => {
            format!("ongeldige waarde {found}; verwacht: {expected}")
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer: o,
        } => format!(
            "onbekende waarde `{found}`{}; kies uit: {}",
            outer(o),
            list(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer: o,
        } => format!(
            "onbekend veld `{found}`{}; geldige velden: {}",
            outer(o),
            list(expected)
        ),
        E::MissingStructField { field, outer: o } => {
            format!("verplicht veld `{field}` ontbreekt{}", outer(o))
        }
        E::DuplicateStructField { field, outer: o } => {
            format!("veld `{field}` staat er twee keer{}", outer(o))
        }
        E::ExceededRecursionLimit => "het bestand is te diep genest".into(),
        E::Message(m) => translate_message(m),
        other => format!("ongeldige RON: {other}"),
    }
}

/// Serde's own messages (e.g. from `chrono` for dates) in Dutch where we recognise them.
fn translate_message(m: &str) -> String {
    if m.contains("premature end of input") || m.contains("input contains invalid characters") {
        format!("ongeldige datum (gebruik JJJJ-MM-DD, bijvoorbeeld \"2026-11-23\"): {m}")
    } else if m.contains("input is out of range") {
        format!("deze datum bestaat niet: {m}")
    } else {
        m.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Thing {
        id: String,
        n: u8,
    }

    #[test]
    fn position_counts_lines_and_characters() {
        let text = "ab\nçd\nxyz";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 3), (2, 1));
        // 'ç' is two bytes but one column
        assert_eq!(position(text, 5), (2, 2));
        assert_eq!(position(text, 7), (3, 1));
    }

    #[test]
    fn locate_finds_the_needle_after_an_offset() {
        let text = "id: \"a\"\nid: \"b\"\n";
        assert_eq!(locate(text, 0, "\"b\""), Some((2, 5)));
        assert_eq!(locate(text, 9, "id"), None);
    }

    #[test]
    fn unknown_field_is_reported_in_dutch_with_its_place() {
        let p = parse_ron::<Thing>("x.ron", "(\n  id: \"a\",\n  nn: 3,\n)").unwrap_err();
        assert_eq!((p.line, p.col), (3, 3));
        assert!(p.msg.contains("onbekend veld `nn`"), "{}", p.msg);
        assert!(p.to_string().starts_with("x.ron:3:3: "));
    }

    #[test]
    fn missing_field_and_truncation_are_reported() {
        let p = parse_ron::<Thing>("x.ron", "(id: \"a\")").unwrap_err();
        assert!(p.msg.contains("verplicht veld `n` ontbreekt"), "{}", p.msg);
        let p = parse_ron::<Thing>("x.ron", "(id: \"a\", n: ").unwrap_err();
        assert!(p.msg.contains("houdt onverwacht op"), "{}", p.msg);
    }

    #[test]
    fn out_of_range_number_is_reported() {
        let p = parse_ron::<Thing>("x.ron", "(id: \"a\", n: 300)").unwrap_err();
        assert!(p.msg.contains("te groot"), "{}", p.msg);
    }
}
