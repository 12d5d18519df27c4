//! The rows of the app's lists (pickers, suggestions, catalogue search), computed from the
//! app state. Shared by `update` (to act on the row under the cursor) and the screens (to
//! draw the same rows), so the two can never disagree about what row N is.

use std::ops::Range;

use crate::core::script::Lijst;
use crate::core::search;

use super::app::{App, SuggTab};

/// One row of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub id: String,
    pub label: String,
    pub checked: bool,
    /// Character ranges of `label` that matched the filter.
    pub ranges: Vec<Range<usize>>,
}

/// The rows of a list `height` rows tall that can be on screen while row `selected` is:
/// the list scrolls to keep the selection visible, so these are at most `height` rows
/// either side of it. Highlights are computed for these rows only.
pub fn window(selected: usize, height: usize) -> Range<usize> {
    selected.saturating_sub(height)..selected.saturating_add(height + 1)
}

/// The picker's rows for the current filter: matches in relevance order, or everything
/// in data order when the filter is empty. Highlight ranges of a catalogue list are left
/// empty: see [`picker_items_in`].
pub fn picker_items(app: &App, lijst: Lijst) -> Vec<PickItem> {
    picker_items_in(app, lijst, 0..0)
}

/// [`picker_items`] with highlight ranges for the rows in `visible` (all rows of the
/// short taxonomy lists).
pub fn picker_items_in(app: &App, lijst: Lijst, visible: Range<usize>) -> Vec<PickItem> {
    let filter = app.picker(lijst).filter;
    let s = &app.session;
    let checked = |id: &str| match lijst.tag_kind() {
        Some(kind) => s.has_tag(kind, id),
        None if lijst == Lijst::AlActief => s.actief.iter().any(|a| a == id),
        None => s.eerder.iter().any(|e| e == id),
    };
    let entries = match lijst {
        Lijst::Wensen => Some(&app.data.taxonomy.wensen),
        Lijst::Krachten => Some(&app.data.taxonomy.krachten),
        Lijst::Belemmeringen => Some(&app.data.taxonomy.belemmeringen),
        Lijst::AlActief => Some(&app.data.taxonomy.categorieen),
        Lijst::Eerder => None,
    };
    match entries {
        Some(entries) => search::filter_entries(entries, &filter)
            .into_iter()
            .map(|hit| {
                let e = &entries[hit.index];
                PickItem {
                    id: e.id.clone(),
                    label: e.label.clone(),
                    checked: checked(&e.id),
                    ranges: hit.ranges,
                }
            })
            .collect(),
        None => app
            .searcher
            .search_window(&filter, visible)
            .into_iter()
            .map(|hit| {
                let o = &app.data.catalogue.opties[hit.index];
                PickItem {
                    id: o.id.clone(),
                    label: o.titel.clone(),
                    checked: checked(&o.id),
                    ranges: hit.ranges,
                }
            })
            .collect(),
    }
}

/// How many items of a picker are ticked (shown in its title).
pub fn picker_count(app: &App, lijst: Lijst) -> usize {
    match lijst.tag_kind() {
        Some(kind) => app.session.tags(kind).len(),
        None if lijst == Lijst::AlActief => app.session.actief.len(),
        None => app.session.eerder.len(),
    }
}

/// One row of a suggestions-page list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionRow {
    /// Index into the catalogue.
    pub index: usize,
    pub score: Option<i32>,
    pub chosen: bool,
    pub ranges: Vec<Range<usize>>,
}

/// The rows of a suggestions-page tab, without highlight ranges (for acting on a row).
pub fn option_rows(app: &App, tab: SuggTab) -> Vec<OptionRow> {
    option_rows_in(app, tab, 0..0)
}

/// The rows of a suggestions-page tab, with the catalogue search's highlight ranges for
/// the rows in `visible` only (see [`window`]): what drawing needs per keystroke.
pub fn option_rows_in(app: &App, tab: SuggTab, visible: Range<usize>) -> Vec<OptionRow> {
    let cat = &app.data.catalogue;
    let index_of = |id: &str| app.option_index.get(id).copied();
    let chosen = |i: usize| app.session.is_chosen(&cat.opties[i].id);
    match tab {
        SuggTab::Suggesties => app
            .suggesties
            .suggesties
            .iter()
            .filter_map(|s| {
                index_of(&s.id).map(|i| OptionRow {
                    index: i,
                    score: Some(s.score),
                    chosen: chosen(i),
                    ranges: Vec::new(),
                })
            })
            .collect(),
        SuggTab::Uitgesloten => app
            .suggesties
            .uitgesloten
            .iter()
            .filter_map(|u| {
                index_of(&u.id).map(|i| OptionRow {
                    index: i,
                    score: None,
                    chosen: chosen(i),
                    ranges: Vec::new(),
                })
            })
            .collect(),
        SuggTab::Catalogus => app
            .searcher
            .search_window(&app.sugg_list(SuggTab::Catalogus).filter, visible)
            .into_iter()
            .map(|hit| OptionRow {
                index: hit.index,
                score: None,
                chosen: chosen(hit.index),
                ranges: hit.ranges,
            })
            .collect(),
    }
}
