//! Putting user text into Markdown without letting it change the document's structure.
//! The client's words must stay verbatim, so nothing is removed or rewritten: where a
//! line would otherwise turn into a heading, list, rule, HTML or link definition, a
//! single backslash is put before the one character that triggers it. Markdown renders
//! `\#` as `#`, so the rendered text is exactly what was typed.

/// A multi-line text as a blockquote: `> ` before every line, inner blank lines kept as
/// `>` so the quote stays one block. Leading and trailing blank lines are dropped.
pub fn blockquote(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let blank = |l: &&str| l.trim().is_empty();
    let start = lines.iter().position(|l| !blank(l));
    let end = lines.iter().rposition(|l| !blank(l));
    let (Some(start), Some(end)) = (start, end) else {
        return String::new();
    };
    let mut out = String::with_capacity(text.len() + 8 * (end - start + 1));
    for (i, line) in lines[start..=end].iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.trim().is_empty() {
            out.push('>');
        } else {
            out.push_str("> ");
            out.push_str(&neutralise(line));
        }
    }
    out
}

/// A text for use inside one line (a list item, a sentence): line breaks become spaces,
/// then the line is neutralised like a quoted line.
pub fn inline(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return neutralise(text);
    }
    let joined: Vec<&str> = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    neutralise(&joined.join(" "))
}

/// Escapes what in one line of Markdown would start a block or raw HTML.
pub fn neutralise(line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    // Four spaces make an indented code block, which shows the text verbatim anyway.
    let block_at = if indent <= 3 {
        block_marker(&line[indent..]).map(|i| i + indent)
    } else {
        None
    };
    let mut out = String::with_capacity(line.len() + 2);
    let mut chars = line.char_indices().peekable();
    let mut previous = None;
    while let Some((i, c)) = chars.next() {
        let html = c == '<'
            && chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        // `](` starts a link target; one that runs script or embeds data stays text.
        let link = c == '(' && previous == Some(']') && dangerous_target(&line[i + 1..]);
        if html || link || block_at == Some(i) {
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Whether a link target (the text after `](`) could run script or smuggle a document:
/// `javascript:`, `vbscript:`, `data:`, also when hidden behind spaces, `<`, character
/// references or backslashes, which Markdown readers decode before following a link.
fn dangerous_target(rest: &str) -> bool {
    let target: String = rest
        .chars()
        .take_while(|&c| c != ')')
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '<')
        .flat_map(char::to_lowercase)
        .collect();
    if target.contains(['&', '\\', '%']) {
        return !(target.starts_with("http://") || target.starts_with("https://"))
            || target.contains("javascript")
            || target.contains("data:");
    }
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| target.starts_with(scheme))
}

/// Byte offset of the character that makes `rest` (a line without its indent) start a
/// Markdown block, if any.
fn block_marker(rest: &str) -> Option<usize> {
    let first = rest.chars().next()?;
    let after = |n: usize| rest[n..].chars().next();
    let ends_or_space = |c: Option<char>| c.is_none_or(|c| c == ' ' || c == '\t');
    let trimmed = rest.trim_end();
    let only = |c: char| trimmed.chars().all(|x| x == c || x == ' ' || x == '\t');
    match first {
        // ATX heading: one to six '#' then a space or the end of the line.
        '#' => {
            let n = rest.len() - rest.trim_start_matches('#').len();
            (n <= 6 && ends_or_space(after(n))).then_some(0)
        }
        '>' => Some(0),
        // List items, thematic breaks and setext underlines.
        '-' | '+' | '*' if ends_or_space(after(1)) => Some(0),
        '-' | '*' | '_' | '=' if only(first) => Some(0),
        // Code fences.
        '`' | '~' if rest.starts_with("```") || rest.starts_with("~~~") => Some(0),
        // A link reference definition would vanish from the rendered text.
        '[' if rest.contains("]:") => Some(0),
        // Ordered list item: up to nine digits, then '.' or ')' and a space or the end.
        '0'..='9' => {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let punct = after(digits);
            (digits <= 9 && matches!(punct, Some('.' | ')')) && ends_or_space(after(digits + 1)))
                .then_some(digits)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_untouched() {
        for s in [
            "Zij zegt: ‘ik wil graag koken’ é ë 🙂 中文",
            "#hashtag is geen kop",
            "-5 graden",
            "2026 was een goed jaar.",
            "a < b en c > d",
            "C:\\map\\bestand",
        ] {
            assert_eq!(neutralise(s), s);
        }
    }

    #[test]
    fn block_starts_get_one_backslash() {
        assert_eq!(neutralise("# Kop"), "\\# Kop");
        assert_eq!(neutralise("###"), "\\###");
        assert_eq!(neutralise("- punt"), "\\- punt");
        assert_eq!(neutralise("  * punt"), "  \\* punt");
        assert_eq!(neutralise("> citaat"), "\\> citaat");
        assert_eq!(neutralise("---"), "\\---");
        assert_eq!(neutralise("==="), "\\===");
        assert_eq!(neutralise("```rust"), "\\```rust");
        assert_eq!(neutralise("12. twaalf"), "12\\. twaalf");
        assert_eq!(neutralise("3)"), "3\\)");
        assert_eq!(neutralise("[x]: http://a"), "\\[x]: http://a");
    }

    #[test]
    fn html_tags_are_escaped_anywhere() {
        assert_eq!(
            neutralise("zie <script>alert(1)</script>"),
            "zie \\<script>alert(1)\\</script>"
        );
        assert_eq!(neutralise("<!-- x -->"), "\\<!-- x -->");
    }

    #[test]
    fn script_and_data_link_targets_stay_text() {
        for bad in [
            "[klik](javascript:alert(1))",
            "[klik]( JavaScript:alert(1))",
            "[klik](<javascript:alert(1)>)",
            "[klik](java&#115;cript:alert(1))",
            "![plaatje](data:image/svg+xml;base64,PHN2Zz4=)",
            "[x](vbscript:msgbox)",
        ] {
            let out = neutralise(bad);
            assert!(out.contains("]\\("), "{bad} -> {out}");
        }
        assert_eq!(
            neutralise("[site](https://www.gemeente.nl)"),
            "[site](https://www.gemeente.nl)"
        );
        assert_eq!(neutralise("(data: 5 mei)"), "(data: 5 mei)");
    }

    #[test]
    fn blockquote_prefixes_every_line() {
        assert_eq!(
            blockquote("\n  \neen\r\n\n# twee\n- drie 🙂\n\n"),
            "> een\n>\n> \\# twee\n> \\- drie 🙂"
        );
        assert_eq!(blockquote(" \n "), "");
    }

    #[test]
    fn inline_joins_lines() {
        assert_eq!(inline("een\r\ntwee\n\n- drie"), "een twee - drie");
        assert_eq!(inline("# kop\nx"), "\\# kop x");
    }
}
