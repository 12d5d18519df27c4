//! Tests for folding, ranges and ranking, on small lists built here.

use super::*;
use crate::core::matching::tests::{entry, optie};

fn catalogue(titels: &[&str]) -> Catalogue {
    Catalogue {
        opties: titels
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut o = optie(&format!("o{i}"), "vrijwilligerswerk");
                o.titel = t.to_string();
                o
            })
            .collect(),
        ..Default::default()
    }
}

fn titles<'a>(cat: &'a Catalogue, hits: &[Hit]) -> Vec<&'a str> {
    hits.iter()
        .map(|h| cat.opties[h.index].titel.as_str())
        .collect()
}

#[test]
fn fold_lowercases_and_strips_diacritics_keeping_length() {
    assert_eq!(fold("Één café"), "een cafe");
    assert_eq!(fold("Ĳsselmeer Łódź Ÿ ß"), "ĳsselmeer lodz y ß");
    for s in ["Één café", "naïef", "Ærø", "İstanbul", "🙂 ok"] {
        assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
    }
}

#[test]
fn highlight_ranges_merges_adjacent_indices() {
    assert_eq!(highlight_ranges(&[1, 2, 3, 7]), [1..4, 7..8]);
    assert_eq!(highlight_ranges(&[7, 3, 2, 2]), [2..4, 7..8]);
    assert!(highlight_ranges(&[]).is_empty());
}

#[test]
fn accents_and_case_do_not_matter() {
    let cat = catalogue(&["Koffie schenken in het Café", "Tuinieren"]);
    let s = Searcher::new(&cat);
    for q in ["cafe", "CAFÉ", "Café"] {
        let hits = s.search(q);
        assert_eq!(titles(&cat, &hits), ["Koffie schenken in het Café"], "{q}");
        // "Café" starts at character 23.
        assert_eq!(
            hits[0].ranges,
            std::iter::once(23..27).collect::<Vec<_>>(),
            "{q}"
        );
    }
}

#[test]
fn ranges_are_character_positions_in_the_original_title() {
    let cat = catalogue(&["Één keer per week koken"]);
    let hits = Searcher::new(&cat).search("een koken");
    assert_eq!(hits[0].ranges, [0..3, 18..23]);
}

#[test]
fn empty_query_returns_everything_in_order() {
    let cat = catalogue(&["b", "a", "c"]);
    let hits = Searcher::new(&cat).search("  ");
    assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [0, 1, 2]);
    assert!(hits.iter().all(|h| h.ranges.is_empty() && h.score == 0));
}

#[test]
fn better_matches_first_and_ties_by_index() {
    let cat = catalogue(&[
        "Koken in de buurt",
        "Kookcafé",
        "Koken",
        "Kinderwerk",
        "Koken",
    ]);
    let hits = Searcher::new(&cat).search("koken");
    let idx: Vec<usize> = hits.iter().map(|h| h.index).collect();
    // The two identical titles tie; the lower index wins. "Kinderwerk" does not match.
    assert!(!idx.contains(&3));
    let a = idx.iter().position(|&i| i == 2).unwrap();
    let b = idx.iter().position(|&i| i == 4).unwrap();
    assert_eq!(b, a + 1);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn every_word_must_match() {
    let cat = catalogue(&["Koken in de buurt", "Tuin in de buurt"]);
    let s = Searcher::new(&cat);
    assert_eq!(titles(&cat, &s.search("buurt kok")), ["Koken in de buurt"]);
    assert!(s.search("buurt zeilen").is_empty());
}

#[test]
fn description_matches_count_less_and_are_not_highlighted() {
    let mut cat = catalogue(&["Gastvrouw", "Koken voor de buurt"]);
    cat.opties[0].omschrijving = "Koffie schenken en koken voor ouderen.".into();
    let hits = Searcher::new(&cat).search("koken");
    assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [1, 0]);
    assert!(hits[1].ranges.is_empty());
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn scattered_letters_in_a_long_description_do_not_match() {
    let mut cat = catalogue(&["Gastvrouw"]);
    cat.opties[0].omschrijving =
        "Koffie schenken, praten met bewoners en helpen bij activiteiten.".into();
    assert!(Searcher::new(&cat).search("kpbh").is_empty());
}

#[test]
fn tasks_and_category_are_searched() {
    let mut cat = catalogue(&["Gastvrouw"]);
    cat.opties[0].taken = vec!["Afwassen".into()];
    let s = Searcher::new(&cat);
    assert_eq!(s.search("afwas").len(), 1);
    assert_eq!(s.search("vrijwilligers").len(), 1);
}

#[test]
fn rank_and_ranges_agree_with_search() {
    let cat = catalogue(&["Koken in de buurt", "Kookcafé", "Tuin"]);
    let s = Searcher::new(&cat);
    let full = s.search("kok");
    let ranked = s.rank("kok");
    assert_eq!(full.len(), ranked.len());
    for (f, r) in full.iter().zip(&ranked) {
        assert_eq!((f.index, f.score), (r.index, r.score));
        assert_eq!(f.ranges, s.ranges(r.index, "kok"));
    }
    assert!(s.ranges(99, "kok").is_empty());
}

#[test]
fn entries_match_label_and_synonyms() {
    let mut koken = entry("koken", "Koken");
    koken.synoniemen = vec!["eten".into(), "keuken".into()];
    let entries = vec![entry("buiten", "Buiten zijn"), koken];
    let hits = filter_entries(&entries, "keuken");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].index, 1);
    assert!(hits[0].ranges.is_empty());
    let hits = filter_entries(&entries, "buit");
    assert_eq!(hits[0].index, 0);
    assert_eq!(hits[0].ranges, std::iter::once(0..4).collect::<Vec<_>>());
    assert_eq!(filter_entries(&entries, "").len(), 2);
}

#[test]
fn a_synonym_outranks_letters_scattered_over_another_label() {
    let mut buiten = entry("buiten", "Buiten werken");
    buiten.synoniemen = vec!["tuin".into(), "natuur".into()];
    let entries = vec![entry("structuur", "Structuur in de dag"), buiten];
    let hits = filter_entries(&entries, "tuin");
    assert_eq!(hits[0].index, 1, "{hits:?}");
    // The embedded taxonomy behaves the same.
    let data = crate::store::assets::load(None).expect("embedded data is valid");
    let hits = filter_entries(&data.taxonomy.wensen, "tuin");
    assert_eq!(data.taxonomy.wensen[hits[0].index].id, "buiten");
}

#[test]
fn embedded_catalogue_finds_each_title() {
    let data = crate::store::assets::load(None).expect("embedded data is valid");
    let s = Searcher::new(&data.catalogue);
    assert_eq!(s.len(), data.catalogue.opties.len());
    for (i, o) in data.catalogue.opties.iter().enumerate() {
        assert!(
            s.search(&o.titel).iter().any(|h| h.index == i),
            "{}",
            o.titel
        );
    }
}

#[test]
fn a_single_letter_prefers_word_starts() {
    let cat = catalogue(&["Bakken", "Samen koken", "Koken", "Tuin"]);
    let s = Searcher::new(&cat);
    let hits = s.search("k");
    assert_eq!(titles(&cat, &hits), ["Koken", "Samen koken", "Bakken"]);
    assert_eq!(hits[0].ranges, std::iter::once(0..1).collect::<Vec<_>>());
    assert_eq!(hits[1].ranges, std::iter::once(6..7).collect::<Vec<_>>());
    assert_eq!(hits[2].ranges, std::iter::once(2..3).collect::<Vec<_>>());
    assert_eq!(s.ranges(hits[1].index, "k"), hits[1].ranges);
}

#[test]
fn letters_scattered_over_a_title_do_not_match() {
    let cat = catalogue(&["Hulp bij formulieren en instanties", "Fietsenmakerij"]);
    let s = Searcher::new(&cat);
    assert_eq!(titles(&cat, &s.search("fiets")), ["Fietsenmakerij"]);
    // A typo in one word still matches.
    assert_eq!(titles(&cat, &s.search("fietsn")), ["Fietsenmakerij"]);
}

#[test]
fn search_window_highlights_only_the_rows_in_the_window() {
    let titels: Vec<String> = (0..50).map(|i| format!("Koken in wijk {i}")).collect();
    let refs: Vec<&str> = titels.iter().map(String::as_str).collect();
    let s = Searcher::new(&catalogue(&refs));
    let all = s.search("kok");
    let window = s.search_window("kok", 10..15);
    assert_eq!(all.len(), 50);
    // Same hits in the same order; ranges inside the window equal the full search's,
    // outside it none were computed.
    for (i, (a, w)) in all.iter().zip(&window).enumerate() {
        assert_eq!((a.index, a.score), (w.index, w.score));
        if (10..15).contains(&i) {
            assert!(!w.ranges.is_empty());
            assert_eq!(a.ranges, w.ranges);
        } else {
            assert!(w.ranges.is_empty(), "row {i}");
        }
    }
    // A window past the end is no problem.
    assert_eq!(s.search_window("kok", 45..500).len(), 50);
    assert_eq!(s.search_window("kok", 900..1000).len(), 50);
}
