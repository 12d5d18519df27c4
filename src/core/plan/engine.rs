//! The fenced-in minijinja environment the plan is rendered with. Templates may come
//! from users, so there is no loader (no file access), a fuel limit and an output cap
//! (a runaway loop stops instead of hanging the laptop), and a formatter that escapes
//! every printed value so user text cannot break the document around it (Markdown,
//! HTML or plain text, one environment per format). Errors become
//! Dutch problems pointing at a line and column of the template.

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, escape_formatter};

use super::Formaat;
use super::markdown::{blockquote, inline};
use super::output::{clean, html_quote, text_quote};
use crate::core::data::Source;
use crate::core::problem::{Problem, position};

/// Template instructions a render may use. The default plan needs a few thousand; this
/// stops a user's template with a runaway loop within a second instead of hanging.
const FUEL: u64 = 2_000_000;

/// Largest plan we produce, in bytes; a real plan is a few kilobytes.
pub const MAX_PLAN: usize = 4 * 1024 * 1024;

/// The Markdown template environment; see `environment_for`.
pub fn environment() -> Environment<'static> {
    environment_for(Formaat::Md)
}

/// The template environment for one output format: no loader (templates cannot read
/// files), a fuel limit, and a formatter that makes every printed value safe for that
/// format. Markdown: escaped as one line of Markdown. HTML: minijinja's own HTML
/// auto-escaping. Text: verbatim. In every format, control characters that have no
/// business in a document (NUL and friends) show as `�` and a bidi override is closed
/// at the end of the value, so it cannot reverse the template's text after it. The
/// `citaat` filter renders multi-line text as a quote in each format; `safe` opts out.
pub fn environment_for(format: Formaat) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.set_debug(false);
    // Markdown and text do their own escaping; HTML escaping would garble the client's
    // words there. In HTML, minijinja escapes, whatever the template's name.
    env.set_auto_escape_callback(move |_| match format {
        Formaat::Html => AutoEscape::Html,
        Formaat::Md | Formaat::Txt => AutoEscape::None,
    });
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("default delimiters are valid");
    env.set_syntax(syntax);
    env.set_formatter(move |out, state, value| {
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        let text = match (format, value.as_str()) {
            (_, Some(s)) if value.is_safe() => s.to_string(),
            (Formaat::Md, Some(s)) => inline(&clean(s)),
            (Formaat::Md, None) => inline(&value.to_string()),
            (Formaat::Html, Some(s)) => {
                return escape_formatter(out, state, &Value::from(clean(s).as_ref()));
            }
            (Formaat::Html, None) => return escape_formatter(out, state, value),
            (Formaat::Txt, Some(s)) => clean(s).into_owned(),
            (Formaat::Txt, None) => value.to_string(),
        };
        out.write_str(&text)
            .map_err(|_| Error::new(ErrorKind::WriteFailure, "kan niet schrijven"))
    });
    env.add_filter("citaat", move |text: &str| {
        Value::from_safe_string(match format {
            Formaat::Md => blockquote(&clean(text)),
            Formaat::Html => html_quote(text),
            Formaat::Txt => text_quote(text),
        })
    });
    // Text inside a CSS string (the printed page footer): every character that could
    // end the string or the style element is written as a CSS escape.
    env.add_filter("css_tekst", |t: &str| {
        Value::from_safe_string(css_string(t))
    });
    // Kept so older templates still work; wrapping now happens once for the whole text
    // plan (`output::rewrap`), so every paragraph is wrapped the same way.
    env.add_filter(
        "ombreken",
        |t: &str, _breedte: Option<usize>, _inspringen: Option<usize>| t.to_string(),
    );
    env
}

/// `text` made safe inside a double-quoted CSS string: letters, digits, spaces and a
/// few harmless marks stay, everything else becomes `\hex ` (so `"`, `\`, `<` and line
/// breaks cannot end the string or the `<style>` element).
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        if c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | '(' | ')') {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out
}

/// A minijinja error as a problem in the template file, with line, column and a Dutch
/// message.
pub fn problem(template: &Source, e: &Error) -> Problem {
    let (line, col) = match (e.range(), e.line()) {
        (Some(r), _) => position(&template.text, r.start),
        (None, Some(line)) => (line, 1),
        (None, None) => (0, 0),
    };
    // For an unknown name, the template's own text says which name better than
    // minijinja's English detail does.
    let snippet = e
        .range()
        .and_then(|r| template.text.get(r))
        .filter(|s| !s.is_empty() && !s.contains('\n'))
        .map(|s| format!(" `{s}`"));
    let detail = || e.detail().map(|d| format!(" ({d})")).unwrap_or_default();
    let msg = match e.kind() {
        ErrorKind::SyntaxError => format!("het sjabloon klopt niet{}", detail()),
        ErrorKind::UnknownFilter => format!("onbekend filter{}", snippet.unwrap_or_else(detail)),
        ErrorKind::UnknownFunction => {
            format!("onbekende functie{}", snippet.unwrap_or_else(detail))
        }
        ErrorKind::UnknownTest => format!("onbekende test{}", snippet.unwrap_or_else(detail)),
        ErrorKind::UnknownMethod => {
            format!("onbekende methode{}", snippet.unwrap_or_else(detail))
        }
        ErrorKind::UndefinedError => format!(
            "deze waarde bestaat niet (een typefout in een naam?){}",
            snippet.unwrap_or_else(detail)
        ),
        ErrorKind::InvalidOperation => format!("deze bewerking kan niet{}", detail()),
        ErrorKind::TooManyArguments => format!("te veel argumenten{}", detail()),
        ErrorKind::MissingArgument => format!("er ontbreekt een argument{}", detail()),
        ErrorKind::TemplateNotFound | ErrorKind::BadInclude => {
            "andere sjablonen invoegen kan niet; zet alles in één bestand".to_string()
        }
        ErrorKind::WriteFailure => format!(
            "het plan wordt te groot (meer dan {} MB); staat er een lus in het sjabloon?",
            MAX_PLAN / (1024 * 1024)
        ),
        ErrorKind::OutOfFuel => {
            "het sjabloon doet te veel werk en is gestopt (een lus die niet eindigt?)".to_string()
        }
        kind => format!("fout in het sjabloon: {kind}{}", detail()),
    };
    Problem::new(&template.name, line, col, msg)
}

/// Output buffer that refuses to grow past `MAX_PLAN`, so a template that prints in a
/// loop runs out of room instead of out of memory.
pub struct Capped(pub Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_PLAN {
            return Err(std::io::Error::other("plan te groot"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Collapses runs of blank lines (left by sections a template skips) and ends the file
/// with exactly one newline. User text is always on non-blank lines (quotes start with
/// `>`), so this never changes what someone typed.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim_start_matches(['\n', '\r']).lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
            out.push('\n');
        } else {
            blank_run = 0;
            out.push_str(line);
            out.push('\n');
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("A.B. 23 mei"), "A.B. 23 mei");
        assert_eq!(css_string("a\"b</style>"), "a\\22 b\\3c \\2f style\\3e ");
        assert_eq!(css_string("x\ny\\"), "x\\a y\\5c ");
        assert_eq!(css_string("é"), "é");
    }

    #[test]
    fn tidy_collapses_blank_runs_and_ends_with_one_newline() {
        assert_eq!(tidy("\n\n# A\n\n\n  \nb\r\n>\n\n\n"), "# A\n\nb\n>\n");
    }

    #[test]
    fn printed_values_are_escaped_and_safe_ones_are_not() {
        let t = Source::new(
            "t",
            "{{ x }}|{{ x | safe }}|{{ n }}|{{ leeg }}|{{ x | citaat }}",
        );
        let mut env = environment();
        env.add_template_owned(t.name.clone(), t.text.clone())
            .unwrap();
        let out = env
            .get_template("t")
            .unwrap()
            .render(minijinja::context! { x => "# a\nb", n => 4, leeg => () })
            .unwrap();
        assert_eq!(out, "\\# a b|# a\nb|4||> \\# a\n> b");
    }
}
