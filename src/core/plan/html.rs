//! Putting user text into the HTML plan. Printed values are escaped by minijinja's own
//! auto-escaping; this module covers what the `citaat` filter adds: a multi-line note
//! as a `<blockquote>` whose lines are escaped first and only then joined with `<br>`,
//! so a line break survives and markup in the text never does.

use minijinja::HtmlEscape;

use super::text::{clean, lines};

/// A multi-line text as an HTML blockquote, every line escaped.
pub fn quote(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_escaped_then_joined() {
        assert_eq!(
            quote("\n<b>een</b> & 'x'\r\n\n\"twee\"\n"),
            "<blockquote>&lt;b&gt;een&lt;&#x2f;b&gt; &amp; &#x27;x&#x27;<br>\n<br>\n&quot;twee&quot;</blockquote>"
        );
        assert_eq!(quote("  \n"), "");
    }
}
