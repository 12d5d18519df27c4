//! Parsing the data files a gemeente writes by hand (script, vervolg, taxonomie,
//! catalogus, gemeente, oefenklanten, toetsen): RON into typed values, forgiving where a
//! person may reasonably differ from the app and strict where a mistake would go unseen.
//!
//! - A byte order mark (Notepad) is dropped.
//! - `versie: N` may stand at the top of every file. A version newer than
//!   [`VERSIE`] is an error that says so, instead of a puzzling unknown field.
//! - An unknown field is a warning at its place ("bedoelt u …?"), and the file is used
//!   without it: a file written for a newer release, or with one typo, must not lock a
//!   whole team out. The structs keep serde's `deny_unknown_fields`; the parser removes
//!   each unknown field from the text (as blanks, so every place stays put) and parses
//!   again. All fields with the same name at the same place in the structure go at once,
//!   so a catalogue with a new field in 10,000 options costs two parses, not 10,000.
//! - An escape that yields a control character is an error with the escape's place. In
//!   a RON string `"H:\team"` is `H:` + tab + `eam`; nobody means that in these files.
//!   Which escapes: `\t`, `\r`, `\0`, `\b`, `\f` and `\u`/`\x` codes for control
//!   characters are refused in every field, because no text here needs them and a
//!   Windows path is the usual cause. `\n` is refused only in a path field (name ending
//!   in `map`, `pad` or `dir`): elsewhere it is a legitimate line break.

use serde::de::DeserializeOwned;

use super::problem::{Problem, bedoelt_u, position, ron_problem, strip_bom};
use super::ronscan::{self, Scan};

/// The newest file version this release understands.
pub const VERSIE: u32 = 1;

/// More distinct unknown fields than this, and the file is probably not meant for this
/// program at all; the parse error is shown instead of a wall of warnings.
const MAX_UNKNOWN: usize = 32;

/// A parsed file with the warnings about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    pub value: T,
    pub warnings: Vec<Problem>,
}

impl<T> Parsed<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        Parsed {
            value: f(self.value),
            warnings: self.warnings,
        }
    }
}

/// `bron: "tekst"` or `bron: ["tekst", …]`: a gemeente writing one source should not
/// have to know it is a list.
pub fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match serde::Deserialize::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// Whether a field holds a path, where `\n` is a mistake too (`"H:\nieuw"`).
fn is_path_field(name: &str) -> bool {
    ["map", "pad", "dir"].iter().any(|end| name.ends_with(end))
}

/// The first escape that must not be there, as a problem.
fn escape_problem(file: &str, text: &str, scan: &Scan) -> Option<Problem> {
    let bad = scan
        .escapes
        .iter()
        .find(|e| e.yields != '\n' || e.field.as_deref().is_some_and(is_path_field))?;
    let (line, col) = position(text, bad.at);
    let what = match bad.yields {
        '\t' => "een tab".to_string(),
        '\n' => "een nieuwe regel".to_string(),
        '\r' => "een regelterugloop".to_string(),
        c => format!("het onzichtbare teken U+{:04X}", u32::from(c)),
    };
    Some(Problem::new(
        file,
        line,
        col,
        format!(
            "`{}` in {} wordt {what}; schrijf een backslash als `\\\\` of gebruik `/` (bijvoorbeeld \"H:\\\\team\" of \"H:/team\")",
            bad.written, bad.literal
        ),
    ))
}

/// Checks and removes a top-level `versie: N`.
fn take_versie(file: &str, text: &mut String, scan: &Scan) -> Result<(), Problem> {
    let Some(f) = scan
        .fields
        .iter()
        .find(|f| f.path.is_empty() && f.name == "versie")
    else {
        return Ok(());
    };
    let (line, col) = position(text, f.start);
    let value = text[f.start + "versie".len()..f.end]
        .trim_start()
        .trim_start_matches(':')
        .trim()
        .trim_end_matches(',')
        .trim();
    match value.parse::<u32>() {
        Ok(n) if (1..=VERSIE).contains(&n) => {
            *text = ronscan::blank(text, f.start..f.end);
            Ok(())
        }
        Ok(n) if n > VERSIE => Err(Problem::new(
            file,
            line,
            col,
            format!(
                "dit bestand is voor een nieuwere versie van meedoen (versie {n}); deze meedoen kent bestanden tot en met versie {VERSIE}. Werk meedoen bij, of vraag uw applicatiebeheerder om een bestand van versie {VERSIE}"
            ),
        )),
        _ => Err(Problem::new(
            file,
            line,
            col,
            format!("`versie` moet een heel getal zijn van 1 tot en met {VERSIE}, niet `{value}`"),
        )),
    }
}

/// Parses a data file; see the module documentation for what is forgiven.
pub fn parse_data<T: DeserializeOwned>(file: &str, text: &str) -> Result<Parsed<T>, Problem> {
    let original = strip_bom(text);
    let mut warnings = Vec::new();
    // The walk costs a pass over the text; a file without backslashes or `versie`
    // (the usual one) needs it only when the parser finds an unknown field.
    let mut scan =
        (original.contains('\\') || original.contains("versie")).then(|| ronscan::scan(original));
    let mut text = original.to_string();
    if let Some(s) = &scan {
        if let Some(p) = escape_problem(file, original, s) {
            return Err(p);
        }
        take_versie(file, &mut text, s)?;
        scan = Some(ronscan::scan(&text));
    }
    let mut unknown = 0;
    // Unknown fields that look like a known one: (what was written, what was meant,
    // where), to explain a "missing" required field that is really misspelt.
    let mut typos: Vec<(String, String, usize, usize)> = Vec::new();
    loop {
        let e = match ron::Options::default().from_str::<T>(&text) {
            Ok(value) => return Ok(Parsed { value, warnings }),
            Err(e) => e,
        };
        let ron::Error::NoSuchStructField {
            expected, found, ..
        } = &e.code
        else {
            return Err(missing_or_other(file, &text, &e, &typos));
        };
        unknown += 1;
        let s = scan.get_or_insert_with(|| ronscan::scan(&text));
        // RON places the error at the field name; the walk knows that field's path.
        let at = line_col_offset(&text, e.span.start.line, e.span.start.col);
        let Some(field) = s
            .fields
            .iter()
            .filter(|f| &f.name == found)
            .min_by_key(|f| f.start.abs_diff(at))
            .cloned()
        else {
            return Err(ron_problem(file, &text, &e));
        };
        if unknown > MAX_UNKNOWN {
            return Err(ron_problem(file, &text, &e));
        }
        let same: Vec<_> = s
            .fields
            .iter()
            .filter(|f| f.name == field.name && f.path == field.path)
            .map(|f| f.start..f.end)
            .collect();
        let (line, col) = position(&text, field.start);
        let more = match same.len() {
            0 | 1 => String::new(),
            n => format!(" (en nog {} keer)", n - 1),
        };
        if let Some(meant) = closest(found, expected) {
            typos.push((found.clone(), meant.to_string(), line, col));
        }
        warnings.push(Problem::waarschuwing(
            file,
            line,
            col,
            format!(
                "onbekend veld `{found}` wordt overgeslagen{more}{}",
                match bedoelt_u(found, expected.iter().copied()) {
                    b if b.is_empty() => format!(
                        "; geldige velden: {}",
                        expected
                            .iter()
                            .map(|x| format!("`{x}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    b => b,
                }
            ),
        ));
        // Back to front, so earlier ranges stay valid while later ones are blanked.
        for r in same.into_iter().rev() {
            text = ronscan::blank(&text, r);
        }
        scan = Some(ronscan::scan(&text));
    }
}

/// The known field `bedoelt_u` would name for `found`.
fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    let hint = bedoelt_u(found, expected.iter().copied());
    expected
        .iter()
        .find(|k| hint.contains(&format!("`{k}`")))
        .copied()
}

/// RON's error; a missing required field that was written with a typo is reported at
/// the typo, which is where the user has to look.
fn missing_or_other(
    file: &str,
    text: &str,
    e: &ron::error::SpannedError,
    typos: &[(String, String, usize, usize)],
) -> Problem {
    if let ron::Error::MissingStructField { field, .. } = &e.code
        && let Some((written, _, line, col)) = typos.iter().find(|t| t.1 == *field)
    {
        return Problem::new(
            file,
            *line,
            *col,
            format!(
                "verplicht veld `{field}` ontbreekt; hier staat `{written}`, bedoelt u `{field}`?"
            ),
        );
    }
    ron_problem(file, text, e)
}

/// Files at least this big are parsed on two threads when they allow it.
const SPLIT_FROM: usize = 1 << 20;

/// Like [`parse_data`], for a file whose bulk is one top-level list (`opties` of a
/// catalogue): a large file is cut in two between list elements and both halves are
/// parsed at once, then joined. RON parses at some 50 MB/s, so a 10,000-option team
/// catalogue (about 10 MB) took 200 ms on one core. The halves are used only when both
/// parse cleanly; anything else (an error, a warning) parses the whole file again, so
/// messages and their places are exactly those of [`parse_data`].
pub fn parse_data_split<T: DeserializeOwned + Send>(
    file: &str,
    text: &str,
    list: &str,
    join: impl FnOnce(T, T) -> T,
) -> Result<Parsed<T>, Problem> {
    split_from(SPLIT_FROM, file, text, list, join)
}

fn split_from<T: DeserializeOwned + Send>(
    min: usize,
    file: &str,
    text: &str,
    list: &str,
    join: impl FnOnce(T, T) -> T,
) -> Result<Parsed<T>, Problem> {
    let t = strip_bom(text);
    if t.len() >= min
        && let Some((open, mid, close)) = ronscan::split_list(t, list)
    {
        let first = format!("{}{}", &t[..mid], &t[close..]);
        let second = format!("{}{}", &t[..open], &t[mid..]);
        let (a, b) = std::thread::scope(|scope| {
            let other = scope.spawn(|| parse_data::<T>(file, &second));
            (parse_data::<T>(file, &first), other.join())
        });
        if let (Ok(a), Ok(Ok(b))) = (a, b)
            && a.warnings.is_empty()
            && b.warnings.is_empty()
        {
            return Ok(Parsed {
                value: join(a.value, b.value),
                warnings: Vec::new(),
            });
        }
    }
    parse_data(file, text)
}

/// Byte offset of a 1-based line and (character) column, as RON reports them.
fn line_col_offset(text: &str, line: usize, col: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Optie {
        id: String,
        #[serde(default)]
        titel: String,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Cat {
        opties: Vec<Optie>,
        #[serde(default)]
        map: Option<String>,
    }

    fn cat(text: &str) -> Result<Parsed<Cat>, Problem> {
        parse_data("c.ron", text)
    }

    #[test]
    fn unknown_fields_are_warnings_at_their_place_with_a_suggestion() {
        let text = "(\n  opties: [\n    (id: \"a\", titl: \"A\"),\n    (id: \"b\", vorm: \"x\"),\n    (id: \"c\", vorm: \"y\"),\n  ],\n)";
        let p = cat(text).unwrap();
        let ids: Vec<&str> = p.value.opties.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let w: Vec<String> = p.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            w,
            [
                "c.ron:3:15: waarschuwing: onbekend veld `titl` wordt overgeslagen; bedoelt u `titel`?",
                "c.ron:4:15: waarschuwing: onbekend veld `vorm` wordt overgeslagen (en nog 1 keer); geldige velden: `id`, `titel`",
            ]
        );
        assert!(p.warnings.iter().all(Problem::is_warning));
    }

    #[test]
    fn a_file_without_surprises_has_no_warnings() {
        let p = cat("(opties: [(id: \"a\")])").unwrap();
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn versie_is_accepted_up_to_the_known_one() {
        let p = cat("(\n  versie: 1,\n  opties: [],\n)").unwrap();
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        let e = cat("(\n  versie: 2,\n  opties: [],\n)").unwrap_err();
        assert_eq!((e.line, e.col), (2, 3));
        assert!(
            e.msg.contains("nieuwere versie van meedoen (versie 2)"),
            "{e}"
        );
        let e = cat("(versie: \"een\", opties: [])").unwrap_err();
        assert!(e.msg.contains("heel getal"), "{e}");
        // Only at the top: inside an entry it is an ordinary unknown field.
        let p = cat("(opties: [(id: \"a\", versie: 3)])").unwrap();
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn a_backslash_that_becomes_a_control_character_is_an_error_at_its_place() {
        let e = cat("(\n  opties: [],\n  map: Some(\"H:\\team\"),\n)").unwrap_err();
        assert_eq!((e.line, e.col), (3, 16), "{e}");
        assert!(e.msg.contains("`\\t` in \"H:\\team\" wordt een tab"), "{e}");
        assert!(e.msg.contains("`\\\\`") && e.msg.contains('/'), "{e}");
        // `\n` in a path field is a mistake; in a text it is a line break.
        let e = cat("(opties: [], map: Some(\"H:\\nieuw\"))").unwrap_err();
        assert!(e.msg.contains("nieuwe regel"), "{e}");
        let p = cat("(opties: [(id: \"a\", titel: \"regel\\nregel\")])").unwrap();
        assert_eq!(p.value.opties[0].titel, "regel\nregel");
        // Written as users should: both work.
        let p = cat("(opties: [], map: Some(\"H:\\\\team\"))").unwrap();
        assert_eq!(p.value.map.as_deref(), Some("H:\\team"));
        let p = cat("(opties: [], map: Some(\"H:/team\"))").unwrap();
        assert_eq!(p.value.map.as_deref(), Some("H:/team"));
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let p = cat("\u{feff}(opties: [(id: \"a\")])").unwrap();
        assert_eq!(p.value.opties.len(), 1);
    }

    #[test]
    fn a_misspelt_required_field_is_an_error_at_the_typo() {
        let e = cat("(\n  optis: [],\n)").unwrap_err();
        assert_eq!((e.line, e.col), (2, 3), "{e}");
        assert!(
            e.msg
                .contains("verplicht veld `opties` ontbreekt; hier staat `optis`"),
            "{e}"
        );
    }

    #[test]
    fn other_errors_stay_errors() {
        let e = cat("(opties: [(titel: \"a\")])").unwrap_err();
        assert!(e.msg.contains("verplicht veld `id`"), "{e}");
        assert!(!e.is_warning());
    }

    #[test]
    fn a_large_file_parsed_in_two_halves_equals_one_parsed_whole() {
        let mut text = String::from("(\n  versie: 1,\n  opties: [\n");
        for i in 0..400 {
            text.push_str(&format!("    (id: \"o{i}\", titel: \"Optie, ({i})\"),\n"));
        }
        text.push_str("  ],\n)\n");
        let join = |mut a: Cat, b: Cat| {
            a.opties.extend(b.opties);
            a
        };
        let split = split_from(1000, "c.ron", &text, "opties", join).unwrap();
        let whole = cat(&text).unwrap();
        assert_eq!(split, whole);
        assert_eq!(split.value.opties.len(), 400);
        // A warning or an error in either half: the same messages as a whole parse.
        let odd = text.replace("(id: \"o390\",", "(id: \"o390\", vorm: 1,");
        let split = split_from(1000, "c.ron", &odd, "opties", join).unwrap();
        assert_eq!(split, cat(&odd).unwrap());
        assert_eq!(split.warnings.len(), 1);
        let broken = text.replace("(id: \"o390\",", "(id: 5,");
        assert_eq!(
            split_from(1000, "c.ron", &broken, "opties", join).unwrap_err(),
            cat(&broken).unwrap_err()
        );
    }

    #[test]
    fn line_col_offset_inverts_position() {
        let text = "ab\nçd\nxyz";
        for off in [0, 3, 5, 7, 9] {
            let (l, c) = position(text, off);
            assert_eq!(line_col_offset(text, l, c), off);
        }
    }
}
