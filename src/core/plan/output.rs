//! Putting user text into plain-text and HTML plans. Plain text needs no escaping, so the
//! client's words go in verbatim; only characters that could hide or disguise text are
//! dealt with: control characters (a NUL cuts a pasted text short in some case systems)
//! show as `�`, and an unclosed bidi override is closed at the end of the value so it
//! cannot reverse the document's own text after it. Also here: the `citaat` quotes of
//! both formats and the text format's wrapping. In HTML, printed values are escaped by
//! minijinja's auto-escaping; a quote's lines are escaped first and only then joined
//! with `<br>`, so a line break survives and markup in the text never does.

use std::borrow::Cow;

use minijinja::HtmlEscape;
use unicode_width::UnicodeWidthStr;

/// Indent of quoted client text in the text format.
const QUOTE_INDENT: &str = "    ";

/// Replaces control characters (except tab and line breaks) with `�` and closes any
/// bidi embedding, override or isolate the text leaves open. Text without either is
/// returned as is.
pub fn clean(text: &str) -> Cow<'_, str> {
    let suspicious = |c: char| is_bad_control(c) || is_bidi(c);
    if !text.contains(suspicious) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    // Open embeddings (false) and isolates (true), innermost last.
    let mut open: Vec<bool> = Vec::new();
    for c in text.chars() {
        match c {
            c if is_bad_control(c) => {
                out.push('\u{fffd}');
                continue;
            }
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => open.push(false),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open.push(true),
            '\u{202c}' if open.last() == Some(&false) => {
                open.pop();
            }
            // A PDI also closes the embeddings opened inside its isolate.
            '\u{2069}' => {
                if let Some(i) = open.iter().rposition(|&iso| iso) {
                    open.truncate(i);
                }
            }
            _ => {}
        }
        out.push(c);
    }
    for iso in open.into_iter().rev() {
        out.push(if iso { '\u{2069}' } else { '\u{202c}' });
    }
    Cow::Owned(out)
}

fn is_bad_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The lines of a multi-line text without leading and trailing blank lines, and without
/// the `\r` of Windows line ends.
pub fn lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let blank = |l: &&str| l.trim().is_empty();
    match (
        lines.iter().position(|l| !blank(l)),
        lines.iter().rposition(|l| !blank(l)),
    ) {
        (Some(start), Some(end)) => lines[start..=end].to_vec(),
        _ => Vec::new(),
    }
}

/// A multi-line text as an indented quote for the text format: every line verbatim,
/// indented, inner blank lines kept blank.
pub fn text_quote(text: &str) -> String {
    let text = clean(text);
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in lines(&text).into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.trim().is_empty() {
            out.push_str(QUOTE_INDENT);
            out.push_str(line);
        }
    }
    out
}

/// A multi-line text as an HTML blockquote, every line escaped.
pub fn html_quote(text: &str) -> String {
    let text = clean(text);
    let lines = lines(&text);
    if lines.is_empty() {
        return String::new();
    }
    let escaped: Vec<String> = lines
        .into_iter()
        .map(|l| HtmlEscape(l).to_string())
        .collect();
    format!("<blockquote>{}</blockquote>", escaped.join("<br>\n"))
}

/// Wraps each line of `text` at `width` columns (counted as a terminal shows them, so
/// é and 中 count right); continuation lines get `indent` spaces. Words longer than a
/// line are kept whole: breaking a word or a web address helps nobody.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut col = 0;
        for (j, word) in line.split_whitespace().enumerate() {
            let w = word.width();
            if j > 0 && col + 1 + w > width {
                out.push('\n');
                out.push_str(&pad);
                col = indent;
            } else if j > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += w;
        }
    }
    out
}

/// Wraps every line of a text plan the same way: at `width` columns, continuation
/// lines indented to where the line's text starts (after its indent and a `- ` or `1. `
/// list marker). `None` leaves every line as it is: the templates write one line per
/// paragraph, and so do the client's notes.
pub fn rewrap(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        let marker = if rest.starts_with("- ") {
            2
        } else {
            rest.find(". ")
                .filter(|&n| n > 0 && n <= 3 && rest[..n].bytes().all(|b| b.is_ascii_digit()))
                .map_or(0, |n| n + 2)
        };
        let hang = indent + marker;
        out.push_str(&line[..hang]);
        out.push_str(&wrap(
            &line[hang..],
            width.saturating_sub(hang).max(1),
            hang,
        ));
        out.push('\n');
    }
    out
}

/// `\r\n` line ends when `crlf` (a plan for a Windows case system), else unchanged.
pub fn line_ends(text: &str, crlf: bool) -> String {
    if crlf {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let s = "Zij zegt: ‘ik wil koken’ é 🙂 中文\n\ttab";
        assert!(matches!(clean(s), Cow::Borrowed(x) if x == s));
    }

    #[test]
    fn controls_become_visible_and_overrides_are_closed() {
        assert_eq!(clean("a\u{0}b\u{7}c"), "a\u{fffd}b\u{fffd}c");
        assert_eq!(clean("x\u{202e}gpj.exe"), "x\u{202e}gpj.exe\u{202c}");
        // Already closed: nothing added.
        assert_eq!(clean("\u{202e}ab\u{202c}"), "\u{202e}ab\u{202c}");
        // An isolate with an embedding inside: both closed, innermost first.
        assert_eq!(
            clean("\u{2067}\u{202b}a"),
            "\u{2067}\u{202b}a\u{202c}\u{2069}"
        );
        // A stray closer is left alone.
        assert_eq!(clean("a\u{202c}"), "a\u{202c}");
    }

    #[test]
    fn quote_indents_and_keeps_words() {
        assert_eq!(
            text_quote("\n \n# een\r\n\n- twee 🙂\n\n"),
            "    # een\n\n    - twee 🙂"
        );
        assert_eq!(text_quote(" \n "), "");
    }

    #[test]
    fn wrap_breaks_between_words_and_indents() {
        assert_eq!(wrap("aaa bbb ccc ddd", 7, 2), "aaa bbb\n  ccc\n  ddd");
        assert_eq!(wrap("één twee", 3, 0), "één\ntwee");
        assert_eq!(
            wrap("https://heel-lang.example x", 5, 0),
            "https://heel-lang.example\nx"
        );
        assert_eq!(wrap("a\nb", 80, 0), "a\nb");
    }

    #[test]
    fn rewrap_wraps_every_paragraph_alike_or_leaves_it_on_one_line() {
        let t = "Een twee drie vier vijf zes\n- aaa bbb ccc ddd\n    eee fff ggg\n12. xx yy zz\n\n";
        assert_eq!(rewrap(t, None), t);
        assert_eq!(
            rewrap(t, Some(12)),
            "Een twee\ndrie vier\nvijf zes\n- aaa bbb\n  ccc ddd\n    eee fff\n    ggg\n12. xx yy zz\n\n"
        );
        let long = "woord ".repeat(300);
        assert!(
            rewrap(&long, Some(60))
                .lines()
                .all(|l| l.chars().count() <= 60)
        );
    }

    #[test]
    fn crlf_only_when_asked_and_never_doubled() {
        assert_eq!(line_ends("a\nb\r\n", true), "a\r\nb\r\n");
        assert_eq!(line_ends("a\nb\n", false), "a\nb\n");
    }

    #[test]
    fn lines_are_escaped_then_joined() {
        assert_eq!(
            html_quote("\n<b>een</b> & 'x'\r\n\n\"twee\"\n"),
            "<blockquote>&lt;b&gt;een&lt;&#x2f;b&gt; &amp; &#x27;x&#x27;<br>\n<br>\n&quot;twee&quot;</blockquote>"
        );
        assert_eq!(html_quote("  \n"), "");
    }
}
