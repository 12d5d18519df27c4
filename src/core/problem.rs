//! Problems found in a data file, with their place (file, line, column) and a Dutch message.
//! RON syntax errors come with RON's own span; cross-reference errors (an unknown id, say)
//! are placed by finding the offending text in the source, so every problem points at a
//! line the user can open in an editor.

use serde::de::DeserializeOwned;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// The file cannot be used as it is.
    #[default]
    Fout,
    /// The file is used, but something in it is ignored or suspicious (an unknown field):
    /// worth fixing, never a reason to lock a consultant out.
    Waarschuwing,
}

/// One thing wrong in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters.
    pub col: usize,
    pub msg: String,
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = if self.is_warning() {
            "waarschuwing: "
        } else {
            ""
        };
        write!(
            f,
            "{}:{}:{}: {label}{}",
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
            severity: Severity::Fout,
        }
    }

    /// A warning: the file is still used.
    pub fn waarschuwing(file: &str, line: usize, col: usize, msg: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Waarschuwing,
            ..Problem::new(file, line, col, msg)
        }
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Waarschuwing
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

/// Parses RON into `T`, turning RON's error into a Dutch problem with its place. Strict:
/// an unknown field is an error. Data files a gemeente writes go through
/// [`super::parse::parse_data`] instead, which warns about unknown fields.
pub fn parse_ron<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Problem> {
    let text = strip_bom(text);
    ron::Options::default()
        .from_str::<T>(text)
        .map_err(|e| ron_problem(file, text, &e))
}

/// The text without a UTF-8 byte order mark: Notepad writes one, and it is not part of
/// the data.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// RON's error as a Dutch problem at RON's place.
pub fn ron_problem(file: &str, text: &str, e: &ron::error::SpannedError) -> Problem {
    let (line, col) = (e.span.start.line, e.span.start.col);
    let mut msg = dutch(&e.code);
    // A truncated file shows up as "expected a comma" at its very end; say what
    // actually happened.
    let end = position(text, text.trim_end().len());
    if (line, col) >= end && !matches!(e.code, ron::Error::Eof) {
        msg = format!("het bestand houdt onverwacht op ({msg})");
    }
    Problem::new(file, line, col, msg)
}

/// "; bedoelt u `x`?" for the known word closest to `wrong`, or "" when none is close:
/// a far-off guess misleads more than no guess.
pub fn bedoelt_u<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let limit = (wrong.chars().count() / 3).max(2);
    known
        .into_iter()
        .filter(|k| *k != wrong)
        .map(|k| {
            let d = strsim::levenshtein(wrong, k);
            // A prefix ("catego" for "categorie") is as good as a near miss.
            let prefix = wrong.len() >= 3 && (k.starts_with(wrong) || wrong.starts_with(k));
            // Jaro-Winkler forgives a slip near the end of a long name (`max_uur`).
            let near = d <= limit || strsim::jaro_winkler(wrong, k) >= 0.9;
            (if prefix { d.min(1) } else { d }, near, k)
        })
        .filter(|(_, near, _)| *near)
        .map(|(d, _, k)| (d, k))
        .min()
        .map(|(_, k)| format!("; bedoelt u `{k}`?"))
        .unwrap_or_default()
}

/// Dutch wording for RON's errors. Every variant gets a Dutch sentence: a gemeente's
/// applicatiebeheerder should never have to read RON's English.
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
        E::ExpectedString | E::ExpectedByteString => {
            "hier wordt tekst tussen aanhalingstekens verwacht: \"...\"".into()
        }
        E::ExpectedStringEnd => "de tekst wordt niet afgesloten met een aanhalingsteken".into(),
        E::ExpectedInteger => "hier wordt een heel getal verwacht".into(),
        E::ExpectedFloat => "hier wordt een getal verwacht".into(),
        E::FloatUnderscore | E::UnderscoreAtBeginning => {
            "een getal mag niet met `_` beginnen of eindigen".into()
        }
        E::InvalidIntegerDigit { digit, .. } => {
            format!("`{}` hoort niet in dit getal", digit.escape_debug())
        }
        E::ExpectedBoolean => "hier wordt `true` of `false` verwacht".into(),
        E::ExpectedOption => "hier wordt `Some(...)` of `None` verwacht".into(),
        E::ExpectedOptionEnd => "hier ontbreekt de `)` van `Some(...)`".into(),
        E::ExpectedChar | E::ExpectedByteLiteral => {
            "hier wordt één teken tussen enkele aanhalingstekens verwacht: 'a'".into()
        }
        E::ExpectedMap => "hier wordt een tabel verwacht: `{ ... }`".into(),
        E::ExpectedMapColon => "hier ontbreekt een dubbele punt `:`".into(),
        E::ExpectedMapEnd => "hier wordt het einde van een tabel verwacht: `}`".into(),
        E::ExpectedUnit => "hier wordt `()` verwacht".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier wordt een blok tussen haakjes verwacht: `( ... )`".into()
        }
        E::ExpectedStructLikeEnd => "hier wordt het einde van een blok verwacht: `)`".into(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("hier hoort `{expected}` te staan, niet `{found}`")
        }
        E::ExpectedStructName(name) => format!("hier hoort de naam `{name}` te staan"),
        E::ExpectedIdentifier => "hier wordt een veldnaam verwacht".into(),
        E::InvalidIdentifier(id) | E::SuggestRawIdentifier(id) => {
            format!("`{id}` is geen geldige veldnaam")
        }
        E::ExpectedAttribute | E::ExpectedAttributeEnd | E::NoSuchExtension(_) => {
            "een `#![enable(...)]`-regel wordt hier niet ondersteund".into()
        }
        E::ExpectedRawValue | E::ExpectedRangeSyntax => "deze waarde is hier niet geldig".into(),
        E::InvalidEscape(_) => "ongeldige backslash-code in tekst: schrijf een backslash als `\\\\` of gebruik `/` (bijvoorbeeld \"H:\\\\team\" of \"H:/team\")".into(),
        E::IntegerOutOfBounds => "dit getal is te groot of te klein voor dit veld".into(),
        E::UnclosedBlockComment => "een commentaar `/* ... */` wordt niet afgesloten".into(),
        E::UnclosedLineComment => "een commentaar `//` wordt niet afgesloten".into(),
        E::UnexpectedChar(c) => format!("onverwacht teken `{}`", c.escape_debug()),
        E::Utf8Error(_) => {
            "het bestand is geen geldige UTF-8-tekst (is het een tekstbestand?)".into()
        }
        E::TrailingCharacters => "na het einde van de gegevens staat nog tekst".into(),
        E::InvalidValueForType { expected, found } => {
            format!(
                "verwacht {}, maar hier staat {}",
                dutch_expected(expected),
                dutch_found(found)
            )
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!(
                "verwacht {}, maar hier staan {found} waarden",
                dutch_expected(expected)
            )
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer: o,
        } => format!(
            "onbekende waarde `{found}`{}{}; kies uit: {}",
            outer(o),
            bedoelt_u(found, expected.iter().copied()),
            list(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer: o,
        } => format!(
            "onbekend veld `{found}`{}{}; geldige velden: {}",
            outer(o),
            bedoelt_u(found, expected.iter().copied()),
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
        E::Fmt | E::Io(_) => "het bestand kan niet worden gelezen".into(),
        // `ron::Error` is non-exhaustive; a variant added later still gets Dutch.
        _ => "deze tekst is geen geldige RON op deze plek".into(),
    }
}

/// What serde expected, in Dutch. serde names types (`u8`, `a string`, `struct Optie`);
/// the common ones get words, the rest is named as a type between backticks.
fn dutch_expected(e: &str) -> String {
    let known = [
        ("a string", "tekst tussen aanhalingstekens"),
        ("a boolean", "`true` of `false`"),
        ("a sequence", "een lijst `[ ... ]`"),
        ("a map", "een tabel `{ ... }`"),
        ("u8", "een heel getal van 0 tot en met 255"),
        ("u16", "een heel getal van 0 tot en met 65535"),
        ("u32", "een heel getal vanaf 0"),
        ("u64", "een heel getal vanaf 0"),
        ("usize", "een heel getal vanaf 0"),
        ("i32", "een heel getal"),
        ("i64", "een heel getal"),
        ("option", "`Some(...)` of `None`"),
        ("a formatted date string", "een datum als \"JJJJ-MM-DD\""),
        ("a char", "één teken"),
    ];
    if let Some((_, nl)) = known.iter().find(|(en, _)| *en == e) {
        return (*nl).to_string();
    }
    if let Some(name) = e.strip_prefix("struct ") {
        return format!("een blok `{name}( ... )`");
    }
    if let Some(name) = e.strip_prefix("enum ") {
        return format!("een keuze uit `{name}`");
    }
    if let Some(n) = e.strip_prefix("tuple of size ") {
        return format!("{n} waarden");
    }
    format!("`{e}`")
}

/// What RON found instead, in Dutch ("the string \"x\"" → "de tekst \"x\"").
fn dutch_found(f: &str) -> String {
    let prefixes = [
        ("the string ", "de tekst "),
        ("the unsigned integer ", "het getal "),
        ("the signed integer ", "het getal "),
        ("the floating point number ", "het getal "),
        ("the boolean ", "de waarde "),
        ("the UTF-8 character ", "het teken "),
        ("the byte string ", "de bytes "),
    ];
    for (en, nl) in prefixes {
        if let Some(rest) = f.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    match f {
        "a unit value" => "`()`".into(),
        "an optional value" => "`Some(...)` of `None`".into(),
        "a sequence" => "een lijst".into(),
        "a map" => "een tabel".into(),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "een keuze".into(),
        "a newtype struct" => "een blok".into(),
        _ => "een andere soort waarde".into(),
    }
}

/// Serde's own messages (e.g. from `chrono` for dates) in Dutch. An unrecognised one is
/// not shown in English: the place of the problem says where to look.
fn translate_message(m: &str) -> String {
    const DATUM: &str = "gebruik JJJJ-MM-DD, bijvoorbeeld \"2026-11-23\"";
    if m.contains("input is out of range") || m.contains("impossible") {
        format!("deze datum bestaat niet ({DATUM})")
    } else if m.contains("premature end of input")
        || m.contains("input contains invalid characters")
        || m.contains("trailing input")
        || m.contains("input is not enough")
        || m.contains("bad or unsupported format")
    {
        format!("ongeldige datum ({DATUM})")
    } else if let Some(rest) = m.strip_prefix("invalid length ") {
        format!(
            "verkeerd aantal waarden ({})",
            rest.split(',').next().unwrap_or(rest)
        )
    } else {
        "deze waarde is hier niet geldig".to_string()
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
    fn every_ron_message_a_user_can_meet_is_dutch() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Datum {
            d: chrono::NaiveDate,
            b: bool,
        }
        let english = [
            "trailing",
            "input",
            "out of range",
            "invalid",
            "expected",
            "unexpected",
            "the string",
        ];
        for text in [
            "(d: \"2026-02-30\", b: true)",
            "(d: \"2026-1-x\", b: true)",
            "(d: \"2026-01-01x\", b: true)",
            "(d: \"2026\", b: true)",
            "(d: \"2026-01-01\", b: 3)",
            "(d: 5, b: true)",
            "(d: \"2026-01-01\", b: true) x",
            "(d: \"H:\\data\", b: true)",
            "(d: \"2026-01-01\", b: true, b: false)",
            "(d: \"2026-01-01\" b: true)",
        ] {
            let p = parse_ron::<Datum>("x.ron", text).unwrap_err();
            for word in english {
                assert!(!p.msg.contains(word), "{text}: {}", p.msg);
            }
        }
        let p = parse_ron::<Datum>("x.ron", "(d: \"2026-02-30\", b: true)").unwrap_err();
        assert!(p.msg.contains("bestaat niet"), "{}", p.msg);
        let p = parse_ron::<Datum>("x.ron", "(d: \"H:\\data\", b: true)").unwrap_err();
        assert!(p.msg.contains("`\\\\`"), "{}", p.msg);
    }

    #[test]
    fn a_byte_order_mark_is_not_an_error() {
        let t: Thing = parse_ron("x.ron", "\u{feff}(id: \"a\", n: 1)").unwrap();
        assert_eq!(t.n, 1);
    }

    #[test]
    fn bedoelt_u_names_the_closest_word_only_when_close() {
        let known = ["categorie", "titel", "uren_min", "max_uren"];
        assert_eq!(bedoelt_u("max_uur", known), "; bedoelt u `max_uren`?");
        assert_eq!(bedoelt_u("catgorie", known), "; bedoelt u `categorie`?");
        assert_eq!(bedoelt_u("uren", known), "; bedoelt u `uren_min`?");
        assert_eq!(bedoelt_u("vorm", known), "");
    }

    #[test]
    fn a_warning_says_so() {
        let w = Problem::waarschuwing("x.ron", 2, 3, "onbekend veld `x`");
        assert!(w.is_warning());
        assert_eq!(w.to_string(), "x.ron:2:3: waarschuwing: onbekend veld `x`");
        assert!(!Problem::new("x.ron", 1, 1, "a").is_warning());
    }

    #[test]
    fn out_of_range_number_is_reported() {
        let p = parse_ron::<Thing>("x.ron", "(id: \"a\", n: 300)").unwrap_err();
        assert!(p.msg.contains("te groot"), "{}", p.msg);
    }
}
