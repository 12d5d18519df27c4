//! Type-to-filter search over the catalogue and taxonomy lists: diacritics folded away
//! ("cafe" finds "Café"), fuzzy scored with skim's algorithm, titles weighted above
//! descriptions, and match positions returned as merged character ranges so the UI can
//! highlight whole runs instead of styling character by character.
//!
//! Every word of the query must match somewhere: fuzzily in the title, or as written (after
//! folding) in the other fields. Fuzzy matching a long description would let nearly every
//! option match a short query through scattered letters, and would cost most of the time
//! of a keystroke on a large catalogue.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;
use std::ops::Range;

use super::catalogue::Catalogue;
use super::taxonomy::Entry;

/// A title match counts this many times a match in the other fields.
const TITEL_GEWICHT: i64 = 2;
/// Score per character of a word found in the other fields (skim's score for a matched
/// character, so both kinds of match are on one scale).
const PER_TEKEN: i64 = 16;
/// Extra for a word found at the start of a word in the other fields.
const WOORDBEGIN: i64 = 8;
/// A fuzzy title match counts only with at least this score per query character. Below
/// it the letters lie scattered over the title ("fiets" in "Hulp bij formulieren en
/// instanties"), which looks like noise to someone filtering a list; typos and skipped
/// letters in one word stay well above it.
const MIN_TITEL_PER_TEKEN: i64 = 17;

/// Lowercases and removes diacritics, one character in for one character out, so that
/// character positions in the folded text are positions in the original.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Folds one character: a hand-written table for Latin-1 and Latin Extended-A (the
/// letters Dutch and its loanwords use), else Unicode lowercase when that is one character.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ð' | 'ð' | 'Ď'..='đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ'..='ĸ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' | 'ſ' => 's',
        'Ţ'..='ŧ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Merges sorted character indices into ranges of adjacent indices: `[1,2,3,7]` becomes
/// `[1..4, 7..8]`. Unsorted or repeated input is tolerated.
pub fn highlight_ranges(indices: &[usize]) -> Vec<Range<usize>> {
    let mut sorted = indices.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in sorted {
        match out.last_mut() {
            Some(r) if r.end == i => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// One match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the searched list (`catalogue.opties`, or the entries).
    pub index: usize,
    pub score: i64,
    /// Character ranges in the title (or label) to highlight, merged and sorted.
    pub ranges: Vec<Range<usize>>,
}

/// A quick-reject bitmask of the characters in a text: a query word can only match when
/// all its bits are present, which skips the fuzzy matcher for most haystacks.
fn char_bag(s: &str) -> u64 {
    s.chars().fold(0, |bag, c| bag | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 0,
        _ => 1 << (36 + c as u32 % 28),
    }
}

/// One searchable item, folded once when the searcher is built. The texts live in one
/// shared buffer: on a large catalogue, walking one contiguous block instead of two heap
/// strings per item is what keeps a keystroke within a frame.
struct Hay {
    titel: Range<usize>,
    titel_bag: u64,
    rest: Range<usize>,
    rest_bag: u64,
}

/// A folded query word with its character bag and a prepared substring finder.
struct Word {
    text: String,
    /// The word when it is one letter.
    single: Option<char>,
    bag: u64,
    finder: memmem::Finder<'static>,
    rest_score: i64,
    min_titel: i64,
}

fn words(query: &str) -> Vec<Word> {
    fold(query)
        .split_whitespace()
        .map(|w| Word {
            text: w.to_string(),
            single: {
                let mut cs = w.chars();
                cs.next().filter(|_| cs.next().is_none())
            },
            bag: char_bag(w),
            finder: memmem::Finder::new(w.as_bytes()).into_owned(),
            rest_score: PER_TEKEN * w.chars().count() as i64,
            min_titel: MIN_TITEL_PER_TEKEN * w.chars().count() as i64,
        })
        .collect()
}

/// Whether the characters of `needle` occur in `hay` in order: the condition for any
/// fuzzy match, checked on bytes (UTF-8 keeps the order of characters) before the
/// matcher builds its score matrix.
fn subsequence(hay: &str, needle: &str) -> bool {
    let mut hay = hay.as_bytes();
    for &n in needle.as_bytes() {
        match memchr::memchr(n, hay) {
            Some(i) => hay = &hay[i + 1..],
            None => return false,
        }
    }
    true
}

/// Scores a one-letter word in a title: the first letter of the title, then the start of
/// a word, then anywhere, earlier before later. The fuzzy matcher adds nothing for one
/// letter but costs a score matrix per title, which made the first keystroke on a large
/// catalogue the slowest one. Returns the score and the character index to highlight.
fn single_letter(titel: &str, c: char) -> Option<(i64, usize)> {
    let mut prev: Option<char> = None;
    let mut first = None;
    for (i, ch) in titel.chars().enumerate() {
        if ch == c {
            let start = prev.is_none_or(|p| !p.is_alphanumeric());
            if start {
                let bonus = if i == 0 { 32 } else { 24 };
                return Some((PER_TEKEN + bonus, i));
            }
            first = first.or(Some(i));
        }
        prev = Some(ch);
    }
    first.map(|i| (PER_TEKEN, i))
}

/// Score of `w` found as written in `rest`, with a bonus at the start of a word. A single
/// letter counts only at the start of a word: anywhere, it would be in nearly every text.
fn rest_score(rest: &str, w: &Word) -> Option<i64> {
    let mut best = None;
    for at in w.finder.find_iter(rest.as_bytes()) {
        let begin = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if begin {
            return Some(w.rest_score + WOORDBEGIN);
        }
        if w.single.is_none() {
            best = Some(w.rest_score);
        }
    }
    best
}

/// Precomputed folded haystacks of a list, built once and searched on every keystroke.
pub struct Searcher {
    text: String,
    items: Vec<Hay>,
    matcher: SkimMatcherV2,
    /// Taxonomy lists: a synonym is another name for the entry, so a word that starts a
    /// synonym ("tuin" for 'Buiten werken') scores like a title that is exactly that
    /// word, above letters scattered over another title ("sTrUctuur IN de dag").
    synonyms_are_names: bool,
}

impl Searcher {
    /// Searches option titles, and with less weight descriptions, tasks and category.
    pub fn new(catalogue: &Catalogue) -> Searcher {
        Searcher::from_parts(catalogue.opties.iter().map(|o| {
            let mut rest = String::with_capacity(o.omschrijving.len() + 64);
            rest.push_str(&o.omschrijving);
            for t in &o.taken {
                rest.push('\n');
                rest.push_str(t);
            }
            rest.push('\n');
            rest.push_str(&o.categorie.replace('-', " "));
            (o.titel.as_str(), rest)
        }))
    }

    /// Searches taxonomy entries: the label, and with less weight the synonyms and id.
    pub fn for_entries(entries: &[Entry]) -> Searcher {
        let mut searcher = Searcher::from_parts(entries.iter().map(|e| {
            let mut rest = e.synoniemen.join("\n");
            rest.push('\n');
            rest.push_str(&e.id.replace('-', " "));
            (e.label.as_str(), rest)
        }));
        searcher.synonyms_are_names = true;
        searcher
    }

    fn from_parts<'a>(parts: impl Iterator<Item = (&'a str, String)>) -> Searcher {
        let mut text = String::new();
        let push = |text: &mut String, s: &str| {
            let start = text.len();
            text.extend(s.chars().map(fold_char));
            let range = start..text.len();
            (char_bag(&text[range.clone()]), range)
        };
        let items = parts
            .map(|(titel, rest)| {
                let (titel_bag, titel) = push(&mut text, titel);
                let (rest_bag, rest) = push(&mut text, &rest);
                Hay {
                    titel,
                    titel_bag,
                    rest,
                    rest_bag,
                }
            })
            .collect();
        Searcher {
            text,
            items,
            // Both sides are folded to lowercase already, so case-sensitive matching is
            // both correct and cheaper.
            matcher: SkimMatcherV2::default().respect_case(),
            synonyms_are_names: false,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Ranked hits with their highlight ranges. An empty query returns everything in list
    /// order; otherwise best first, ties by index.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words = words(query);
        let mut hits = self.rank_words(&words);
        for h in &mut hits {
            h.ranges = self.ranges_words(h.index, &words);
        }
        hits
    }

    /// What the app does per keystroke in a long list: rank everything, and compute the
    /// highlight ranges only for the hits at positions `visible` (the rows that can be on
    /// screen). Highlighting every hit of a 10,000-option catalogue cost more than the
    /// ranking itself.
    pub fn search_window(&self, query: &str, visible: Range<usize>) -> Vec<Hit> {
        let words = words(query);
        let mut hits = self.rank_words(&words);
        let end = visible.end.min(hits.len());
        for h in hits
            .get_mut(visible.start.min(end)..end)
            .unwrap_or_default()
        {
            h.ranges = self.ranges_words(h.index, &words);
        }
        hits
    }

    /// Like [`Searcher::search`] but without ranges: for long lists, rank everything and
    /// compute [`Searcher::ranges`] only for the rows on screen.
    pub fn rank(&self, query: &str) -> Vec<Hit> {
        self.rank_words(&words(query))
    }

    /// Highlight ranges of `query` in the title of item `index`.
    pub fn ranges(&self, index: usize, query: &str) -> Vec<Range<usize>> {
        self.ranges_words(index, &words(query))
    }

    fn rank_words(&self, words: &[Word]) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for (index, hay) in self.items.iter().enumerate() {
            let mut total = 0;
            let mut all = true;
            for w in words {
                match self.word_score(hay, w) {
                    Some(s) => total += s,
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            if all {
                hits.push(Hit {
                    index,
                    score: total,
                    ranges: Vec::new(),
                });
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        hits
    }

    /// The title score of `w`: the fuzzy matcher, except for a single letter (see
    /// [`single_letter`]).
    fn titel_match(&self, titel: &str, w: &Word) -> Option<(i64, Vec<usize>)> {
        match w.single {
            Some(c) => single_letter(titel, c).map(|(score, at)| (score, vec![at])),
            None => self
                .matcher
                .fuzzy_indices(titel, &w.text)
                .filter(|(score, _)| *score >= w.min_titel),
        }
    }

    fn word_score(&self, hay: &Hay, w: &Word) -> Option<i64> {
        let titel = &self.text[hay.titel.clone()];
        let titel = if w.bag & !hay.titel_bag == 0 {
            match w.single {
                Some(c) => single_letter(titel, c).map(|(score, _)| score),
                None if subsequence(titel, &w.text) => self
                    .matcher
                    .fuzzy_match(titel, &w.text)
                    .filter(|&score| score >= w.min_titel),
                None => None,
            }
        } else {
            None
        };
        let rest = if w.bag & !hay.rest_bag == 0 {
            let found = rest_score(&self.text[hay.rest.clone()], w);
            match found {
                // Whole-word start in a synonym: as good as a title that is the word.
                Some(r) if self.synonyms_are_names && r > w.rest_score => self
                    .matcher
                    .fuzzy_match(&w.text, &w.text)
                    .map(|s| s * TITEL_GEWICHT),
                other => other,
            }
        } else {
            None
        };
        match (titel, rest) {
            (None, None) => None,
            (t, r) => Some((t.unwrap_or(0) * TITEL_GEWICHT).max(r.unwrap_or(0))),
        }
    }

    fn ranges_words(&self, index: usize, words: &[Word]) -> Vec<Range<usize>> {
        let Some(hay) = self.items.get(index) else {
            return Vec::new();
        };
        let titel = &self.text[hay.titel.clone()];
        let mut indices = Vec::new();
        for w in words {
            if w.bag & !hay.titel_bag == 0
                && let Some((_, found)) = self.titel_match(titel, w)
            {
                indices.extend(found);
            }
        }
        highlight_ranges(&indices)
    }
}

/// Type-to-filter for a taxonomy list (tag pickers): matches label and synonyms; ranges
/// are in the label.
pub fn filter_entries(entries: &[Entry], query: &str) -> Vec<Hit> {
    Searcher::for_entries(entries).search(query)
}

#[cfg(test)]
mod tests;
