//! A light walk over RON source text that finds field names and string escapes with their
//! byte offsets, without building values. The typed parse (serde + `ron`) knows what a
//! field means but not where it is; this walk knows where it is, so a warning about an
//! unknown field, a `versie`, or a `\t` in a Windows path can point at the exact column.
//!
//! It is forgiving by design: on text that is not valid RON it still returns what it
//! found, because it runs next to the real parser, never instead of it.

/// One `name: value` field inside a `( … )` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    /// Byte offset of the field name.
    pub start: usize,
    /// Byte offset just past the value and its trailing comma, if any.
    pub end: usize,
    /// Where the block sits, with list indices left out: `opties[].verdringing`. Fields
    /// with the same path and name belong to the same struct field of the same type.
    pub path: String,
}

/// An escape in a (non-raw) string that yields a control character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlEscape {
    /// Byte offset of the backslash.
    pub at: usize,
    /// The escape as written: `\t`, `\u{9}`.
    pub written: String,
    /// The character it yields.
    pub yields: char,
    /// The field the string is the value of (innermost), if any.
    pub field: Option<String>,
    /// The string literal as written, quotes included, for the message.
    pub literal: String,
}

/// What [`scan`] found.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub fields: Vec<Field>,
    pub escapes: Vec<ControlEscape>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Root,
    Paren,
    Bracket,
    Brace,
}

struct Frame {
    kind: Kind,
    path: String,
    /// Index into `fields` of the field whose value is being read in this block.
    open: Option<usize>,
}

/// Byte offset just past whitespace and comments from `i`.
fn skip_trivia(b: &[u8], mut i: usize) -> usize {
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) == Some(&b'/') && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b.get(i) == Some(&b'/') && b.get(i + 1) == Some(&b'*') {
            // RON block comments nest.
            let mut depth = 0usize;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else {
            return i;
        }
    }
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The control character a `\…` escape at `b[i]` (the backslash) yields, with the escape's
/// length in bytes; `None` for an escape that yields a printable character.
fn escape_at(text: &str, i: usize) -> (Option<char>, usize) {
    let b = text.as_bytes();
    let simple = |c| (Some(c), 2);
    match b.get(i + 1) {
        Some(b't') => simple('\t'),
        Some(b'n') => simple('\n'),
        Some(b'r') => simple('\r'),
        Some(b'0') => simple('\0'),
        Some(b'b') => simple('\u{8}'),
        Some(b'f') => simple('\u{c}'),
        Some(b'u') if b.get(i + 2) == Some(&b'{') => {
            let close = text[i..].find('}').map_or(text.len(), |j| i + j);
            let hex = text.get(i + 3..close).unwrap_or("");
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            (
                c.filter(|c| c.is_control()),
                (close + 1 - i).min(text.len() - i),
            )
        }
        Some(b'u') => {
            let hex = text.get(i + 2..i + 6).unwrap_or("");
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            (c.filter(|c| c.is_control()), 6.min(text.len() - i))
        }
        Some(b'x') => {
            let hex = text.get(i + 2..i + 4).unwrap_or("");
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            (c.filter(|c| c.is_control()), 4.min(text.len() - i))
        }
        Some(_) => (None, 2),
        None => (None, 1),
    }
}

/// Walks `text` once.
pub fn scan(text: &str) -> Scan {
    let b = text.as_bytes();
    let mut out = Scan::default();
    let mut stack = vec![Frame {
        kind: Kind::Root,
        path: String::new(),
        open: None,
    }];
    let mut i = 0;
    while i < b.len() {
        let next = skip_trivia(b, i);
        if next != i {
            i = next;
            continue;
        }
        let c = b[i];
        let top = stack.len() - 1;
        match c {
            b'"' => {
                // The innermost field this string belongs to, also through `Some(…)`
                // and lists.
                let field = stack.iter().rev().find_map(|f| f.open);
                i = string(text, i, field, &mut out);
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#')) => {
                let hashes = b[i + 1..].iter().take_while(|&&h| h == b'#').count();
                if b.get(i + 1 + hashes) == Some(&b'"') {
                    // A raw string: no escapes, ends at `"` followed by as many `#`.
                    let close = format!("\"{}", "#".repeat(hashes));
                    let body = i + 2 + hashes;
                    i = text
                        .get(body..)
                        .and_then(|t| t.find(&close))
                        .map_or(b.len(), |j| body + j + close.len());
                } else {
                    // A raw identifier `r#name`.
                    i += 2;
                }
            }
            b'b' if b.get(i + 1) == Some(&b'"') => i = string(text, i + 1, None, &mut out),
            b'\'' => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            c if is_ident_start(c) => {
                let start = i;
                while i < b.len() && is_ident(b[i]) {
                    i += 1;
                }
                let after = skip_trivia(b, i);
                if stack[top].kind == Kind::Paren && b.get(after) == Some(&b':') {
                    out.fields.push(Field {
                        name: text[start..i].to_string(),
                        start,
                        end: b.len(),
                        path: stack[top].path.clone(),
                    });
                    stack[top].open = Some(out.fields.len() - 1);
                    i = after + 1;
                }
            }
            b'(' | b'[' | b'{' => {
                let parent = &stack[top];
                let mut path = parent.path.clone();
                if let Some(f) = parent.open {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&out.fields[f].name);
                }
                let kind = match c {
                    b'(' => Kind::Paren,
                    b'[' => {
                        path.push_str("[]");
                        Kind::Bracket
                    }
                    _ => {
                        path.push_str("{}");
                        Kind::Brace
                    }
                };
                stack.push(Frame {
                    kind,
                    path,
                    open: None,
                });
                i += 1;
            }
            b')' | b']' | b'}' => {
                if let Some(f) = stack[top].open {
                    out.fields[f].end = i;
                }
                if stack.len() > 1 {
                    stack.pop();
                }
                i += 1;
            }
            b',' => {
                if let Some(f) = stack[top].open.take() {
                    out.fields[f].end = i + 1;
                }
                i += 1;
            }
            // Numbers, `:` in maps, and bytes of non-ASCII characters: none is a token
            // the walk needs.
            _ => i += 1,
        }
    }
    out
}

/// Reads a string starting at the quote `b[i]`; returns the offset past its closing quote
/// and records escapes that yield a control character.
fn string(text: &str, start: usize, field: Option<usize>, out: &mut Scan) -> usize {
    let b = text.as_bytes();
    let mut i = start + 1;
    let mut found = Vec::new();
    while i < b.len() && b[i] != b'"' {
        if b[i] == b'\\' {
            let (yields, len) = escape_at(text, i);
            if let Some(c) = yields {
                found.push((i, len, c));
            }
            i += len.max(1);
        } else {
            i += 1;
        }
    }
    let end = (i + 1).min(b.len());
    let literal = text.get(start..end).unwrap_or("").to_string();
    let field = field.map(|f| out.fields[f].name.clone());
    for (at, len, c) in found {
        out.escapes.push(ControlEscape {
            at,
            written: text.get(at..at + len).unwrap_or("\\").to_string(),
            yields: c,
            field: field.clone(),
            literal: literal.clone(),
        });
    }
    end
}

/// Where to cut the top-level list `field` (`opties: [ … ]`) in two near its middle:
/// the offset just after its `[`, the offset just after the `,` that ends the element
/// around the middle of the text, and the offset of its `]`. `None` when the list is not
/// there or has no such comma. A plain byte walk (strings, raw strings, comments and
/// nesting respected), much cheaper than [`scan`]: it runs over a whole large catalogue.
pub fn split_list(text: &str, field: &str) -> Option<(usize, usize, usize)> {
    let b = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    let mut last_ident: Option<(usize, usize)> = None;
    let (mut open, mut mid) = (None, None);
    while i < b.len() {
        let next = skip_trivia(b, i);
        if next != i {
            i = next;
            continue;
        }
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#')) => {
                let hashes = b[i + 1..].iter().take_while(|&&h| h == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 2;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body = i + 2 + hashes;
                i = text
                    .get(body..)
                    .and_then(|t| t.find(&close))
                    .map_or(b.len(), |j| body + j + close.len());
            }
            c if is_ident_start(c) => {
                let start = i;
                while i < b.len() && is_ident(b[i]) {
                    i += 1;
                }
                last_ident = Some((start, i));
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if open.is_none()
                    && depth == 2
                    && b[i] == b'['
                    && last_ident.is_some_and(|(s, e)| &text[s..e] == field)
                {
                    open = Some(i + 1);
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                if depth == 2
                    && let Some(o) = open
                {
                    return mid.map(|m| (o, m, i));
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b',' => {
                if depth == 2 && open.is_some() && mid.is_none() && i >= b.len() / 2 {
                    mid = Some(i + 1);
                }
                i += 1;
            }
            b':' => i += 1,
            _ => {
                last_ident = None;
                i += 1;
            }
        }
    }
    None
}

/// `text` with the bytes in `range` made blank, one space per character and newlines
/// kept, so every line and (character) column after it stays where it was.
pub fn blank(text: &str, range: std::ops::Range<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..range.start]);
    for c in text[range.clone()].chars() {
        out.push(if c == '\n' { '\n' } else { ' ' });
    }
    out.push_str(&text[range.end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_have_their_place_and_a_path_without_indices() {
        let text = "(\n  versie: 1,\n  opties: [\n    (id: \"a\", vorm: \"x\"),\n    (id: \"b\", verdringing: (risico: laag)),\n  ],\n)";
        let s = scan(text);
        let names: Vec<(&str, &str)> = s
            .fields
            .iter()
            .map(|f| (f.path.as_str(), f.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("", "versie"),
                ("", "opties"),
                ("opties[]", "id"),
                ("opties[]", "vorm"),
                ("opties[]", "id"),
                ("opties[]", "verdringing"),
                ("opties[].verdringing", "risico"),
            ]
        );
        let vorm = &s.fields[3];
        assert_eq!(&text[vorm.start..vorm.end], "vorm: \"x\"");
        let versie = &s.fields[0];
        assert_eq!(&text[versie.start..versie.end], "versie: 1,");
    }

    #[test]
    fn strings_comments_and_raw_strings_hide_their_contents() {
        let text =
            "( // nep: 1\n a: \"b: (c: 1)\", /* d: 2 /* e: 3 */ */ f: r#\"g: \"h\"#, i: 'j' )";
        let s = scan(text);
        let names: Vec<&str> = s.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a", "f", "i"]);
    }

    #[test]
    fn control_escapes_are_found_with_their_field() {
        let text = "(uitvoermap: Some(\"H:\\team\"), naam: \"a\\\\b \\u{7} \\\"\", x: \"\\n\")";
        let s = scan(text);
        let found: Vec<(&str, char, Option<&str>)> = s
            .escapes
            .iter()
            .map(|e| (e.written.as_str(), e.yields, e.field.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("\\t", '\t', Some("uitvoermap")),
                ("\\u{7}", '\u{7}', Some("naam")),
                ("\\n", '\n', Some("x")),
            ]
        );
        assert_eq!(s.escapes[0].literal, "\"H:\\team\"");
    }

    #[test]
    fn blanking_keeps_lines_and_columns() {
        let text = "(a: \"ü\",\n b: 1)";
        let f = &scan(text).fields[0];
        let blanked = blank(text, f.start..f.end);
        assert_eq!(blanked, "(       \n b: 1)");
        assert_eq!(
            super::super::problem::position(&blanked, blanked.find('b').unwrap()),
            (2, 2)
        );
    }

    #[test]
    fn a_list_is_split_between_two_elements_near_the_middle() {
        let text = "(\n  naam: \"[x, y]\",\n  opties: [\n    (id: \"a\", t: [1, 2]),\n    (id: \"b,c\"),\n    (id: \"d\"), // e, f\n    (id: \"g\"),\n  ],\n)";
        let (open, mid, close) = split_list(text, "opties").unwrap();
        assert_eq!(&text[open - 1..open], "[");
        assert_eq!(&text[close..=close], "]");
        assert!(mid >= text.len() / 2);
        assert!(text[..mid].trim_end().ends_with("),"), "{}", &text[..mid]);
        assert_eq!(split_list(text, "wensen"), None);
        assert_eq!(split_list("(opties: [])", "opties"), None);
        for cut in 0..text.len() {
            let _ = split_list(&text[..cut], "opties");
        }
    }

    #[test]
    fn truncated_and_odd_text_does_not_panic() {
        for text in [
            "(",
            "(a:",
            "\"open",
            "r#\"open",
            "/* open",
            "'",
            "\\",
            "(a: \"\\u{",
            "(a: \"\\u{110000}\")",
            "\u{200e}(a: 1)",
            ")))]]]",
        ] {
            let _ = scan(text);
        }
    }
}
