//! Large text for a projector and for the round's countdown: letters and digits five
//! rows high, drawn with full blocks, so a room can read them from the back. A small
//! 3×5 font of our own: the big-text crates do not yet support ratatui 0.30, and these
//! few glyphs need no dependency. Letters with accents are drawn as their base letter.

/// Rows of every glyph.
pub const HOOGTE: u16 = 5;

/// The 3×5 pattern of a character (`#` is ink), or `None` for one the font lacks.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        'A' => ["###", "#.#", "###", "#.#", "#.#"],
        'B' => ["##.", "#.#", "##.", "#.#", "##."],
        'C' => ["###", "#..", "#..", "#..", "###"],
        'D' => ["##.", "#.#", "#.#", "#.#", "##."],
        'E' => ["###", "#..", "##.", "#..", "###"],
        'F' => ["###", "#..", "##.", "#..", "#.."],
        'G' => ["###", "#..", "#.#", "#.#", "###"],
        'H' => ["#.#", "#.#", "###", "#.#", "#.#"],
        'I' => ["###", ".#.", ".#.", ".#.", "###"],
        'J' => ["..#", "..#", "..#", "#.#", "###"],
        'K' => ["#.#", "#.#", "##.", "#.#", "#.#"],
        'L' => ["#..", "#..", "#..", "#..", "###"],
        'M' => ["#.#", "###", "###", "#.#", "#.#"],
        'N' => ["##.", "#.#", "#.#", "#.#", "#.#"],
        'O' => ["###", "#.#", "#.#", "#.#", "###"],
        'P' => ["###", "#.#", "###", "#..", "#.."],
        'Q' => ["###", "#.#", "#.#", "###", "..#"],
        'R' => ["##.", "#.#", "##.", "#.#", "#.#"],
        'S' => ["###", "#..", "###", "..#", "###"],
        'T' => ["###", ".#.", ".#.", ".#.", ".#."],
        'U' => ["#.#", "#.#", "#.#", "#.#", "###"],
        'V' => ["#.#", "#.#", "#.#", "#.#", ".#."],
        'W' => ["#.#", "#.#", "###", "###", "#.#"],
        'X' => ["#.#", "#.#", ".#.", "#.#", "#.#"],
        'Y' => ["#.#", "#.#", ".#.", ".#.", ".#."],
        'Z' => ["###", "..#", ".#.", "#..", "###"],
        '0' => ["###", "#.#", "#.#", "#.#", "###"],
        '1' => [".#.", "##.", ".#.", ".#.", "###"],
        '2' => ["###", "..#", "###", "#..", "###"],
        '3' => ["###", "..#", "###", "..#", "###"],
        '4' => ["#.#", "#.#", "###", "..#", "..#"],
        '5' => ["###", "#..", "###", "..#", "###"],
        '6' => ["###", "#..", "###", "#.#", "###"],
        '7' => ["###", "..#", "..#", "..#", "..#"],
        '8' => ["###", "#.#", "###", "#.#", "###"],
        '9' => ["###", "#.#", "###", "..#", "###"],
        ':' => ["...", ".#.", "...", ".#.", "..."],
        '-' => ["...", "...", "###", "...", "..."],
        '.' => ["...", "...", "...", "...", ".#."],
        '?' => ["###", "..#", ".##", "...", ".#."],
        '!' => [".#.", ".#.", ".#.", "...", ".#."],
        '\'' => [".#.", ".#.", "...", "...", "..."],
        ' ' => ["...", "...", "...", "...", "..."],
        _ => return None,
    })
}

/// The base letter of an accented one (é → E), upper case.
fn base(c: char) -> char {
    let upper = c.to_uppercase().next().unwrap_or(c);
    match upper {
        'À' | 'Á' | 'Â' | 'Ä' | 'Ã' => 'A',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'Ç' => 'C',
        'Ñ' => 'N',
        other => other,
    }
}

/// Columns `text` takes when drawn large (four per character: three and a gap).
pub fn breedte(text: &str) -> u16 {
    (text.chars().count() as u16 * 4).saturating_sub(1)
}

/// `text` as five rows of blocks. Characters the font lacks are left out.
pub fn regels(text: &str) -> [String; 5] {
    let mut rows: [String; 5] = Default::default();
    let mut first = true;
    for c in text.chars() {
        let Some(g) = glyph(base(c)) else {
            continue;
        };
        for (row, pattern) in rows.iter_mut().zip(g) {
            if !first {
                row.push(' ');
            }
            row.extend(pattern.chars().map(|p| if p == '#' { '█' } else { ' ' }));
        }
        first = false;
    }
    rows
}

/// Words of `text` grouped into lines that fit `width` columns when drawn large; a
/// word too long for a line gets a line of its own (and is cut by the screen).
pub fn afbreken(text: &str, width: u16) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match out.last_mut() {
            Some(line) if breedte(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_letters_are_five_rows_of_blocks() {
        let r = regels("10:0");
        assert_eq!(r[0], " █  ███     ███");
        assert_eq!(r[1], "██  █ █  █  █ █");
        assert!(
            r.iter()
                .all(|row| row.chars().count() == breedte("10:0") as usize)
        );
        assert_eq!(regels("é"), regels("E"));
        assert_eq!(
            regels("a€b")[0],
            regels("ab")[0],
            "unknown characters are skipped"
        );
    }

    #[test]
    fn long_headings_break_between_words() {
        assert_eq!(
            afbreken("Neutraal informeren", 40),
            ["Neutraal", "informeren"]
        );
        assert_eq!(afbreken("Open vragen", 80), ["Open vragen"]);
    }
}
