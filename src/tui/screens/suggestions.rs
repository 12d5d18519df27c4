//! The suggestions screen: ranked options with their reasons, the excluded ones with
//! theirs, and the whole catalogue to search — the consultant always sees why, and can
//! always pick outside the suggestions. Suggestions support the conversation; the client
//! and the consultant decide.

use crate::core::matching::ZORGTAKEN;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::action::Command;
use super::super::app::{App, Focus, SuggTab};
use super::super::keymap::{self, Ctx};
use super::super::lists::{self, OptionRow};
use super::{highlighted, key_hint, truncate};

/// Narrowest width of the Waarom panel; a wider screen gives it two fifths.
const DETAIL_WIDTH: u16 = 36;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [tabs, main, chosen] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(app, frame, tabs);
    let [list_area, detail_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(DETAIL_WIDTH.max(main.width * 2 / 5)),
    ])
    .areas(main);
    // The list gets at most the main area's height; only rows that fit are highlighted.
    let visible = lists::window(app.sugg_list(app.sugg_tab).selected, main.height.into());
    let rows = lists::option_rows_in(app, app.sugg_tab, visible);
    let selected = app
        .sugg_list(app.sugg_tab)
        .selected
        .min(rows.len().saturating_sub(1));
    render_list(app, frame, list_area, &rows, selected);
    render_detail(app, frame, detail_area, rows.get(selected));
    let names = app.chosen_titles();
    let line = if names.is_empty() {
        Line::from(Span::styled(
            format!(
                " Nog niets gekozen · {} kiest",
                app.keymap
                    .keys(Ctx::Suggestions, Command::Kiezen)
                    .iter()
                    .map(|k| super::key_display(k))
                    .collect::<Vec<_>>()
                    .join(" of ")
            ),
            app.theme.muted,
        ))
    } else {
        Line::from(vec![
            Span::styled(" Gekozen: ", app.theme.emphasis),
            Span::raw(names.join(" · ")),
        ])
    };
    // How many hours the client can manage, beside what is chosen: the estimate that
    // also becomes the afspraken's hours.
    let keys = format!(
        "{}/{}",
        key_hint(app, Ctx::Suggestions, Command::UrenMeer),
        key_hint(app, Ctx::Suggestions, Command::UrenMinder)
    );
    let uren = match app.session.uren_kan {
        Some(n) => format!(" kan {n} u/week ({keys}) "),
        None => format!(" uren: ? ({keys}) "),
    };
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(uren.chars().count() as u16),
    ])
    .areas(chosen);
    // Cut what is chosen with "…" where the line ends, so the hours stay readable.
    let line = super::fit_line(line, left.width as usize);
    frame.render_widget(Paragraph::new(line), left);
    frame.render_widget(
        Paragraph::new(Span::styled(uren, app.theme.emphasis)),
        right,
    );
}

fn render_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let counts = [
        app.suggesties.suggesties.len(),
        app.suggesties.uitgesloten.len(),
        app.data.catalogue.opties.len(),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (tab, n) in SuggTab::ALL.iter().zip(counts) {
        let text = format!("{} ({n})", tab.label());
        if *tab == app.sugg_tab {
            spans.push(Span::styled(format!("▸{text}"), app.theme.selected));
        } else {
            spans.push(Span::styled(format!(" {text}"), app.theme.muted));
        }
        spans.push(Span::raw("  "));
    }
    // Hours of care, when care duties are ticked: they weigh in the ranking.
    if app
        .session
        .belemmeringen
        .iter()
        .any(|b| ZORGTAKEN.contains(&b.as_str()))
    {
        let keys = format!(
            "{}/{}",
            key_hint(app, Ctx::Suggestions, Command::ZorgMeer),
            key_hint(app, Ctx::Suggestions, Command::ZorgMinder)
        );
        let uren = app
            .session
            .zorguren
            .map_or("?".to_string(), |n| n.to_string());
        // The longest wording that fits after the tabs: at 80 columns the keys go first.
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        let room = (area.width as usize).saturating_sub(used);
        let zorg = [
            format!("zorg {uren} u/week ({keys})"),
            format!("zorg {uren} u ({keys})"),
            format!("zorg {uren} u/week"),
        ]
        .into_iter()
        .find(|t| t.width() <= room)
        .unwrap_or_else(|| format!("zorg {uren} u"));
        spans.push(Span::styled(zorg, app.theme.emphasis));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, rows: &[OptionRow], selected: usize) {
    let block = Block::bordered().border_style(app.theme.focus);
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    if app.sugg_tab == SuggTab::Catalogus {
        let [search, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        let query = &app.sugg_list(SuggTab::Catalogus).filter;
        let line = if app.focus == Focus::Search {
            Line::from(vec![
                Span::styled("Zoek: ", app.theme.emphasis),
                Span::raw(query.as_str()),
                Span::styled("▏", app.theme.focus),
            ])
        } else if query.is_empty() {
            Line::from(Span::styled(
                "typ om te zoeken (é = e, typfouten mogen)",
                app.theme.muted,
            ))
        } else {
            Line::from(vec![
                Span::styled("Zoek: ", app.theme.muted),
                Span::raw(query.as_str()),
            ])
        };
        frame.render_widget(Paragraph::new(line), search);
        inner = rest;
    }
    if rows.is_empty() {
        let text = match app.sugg_tab {
            SuggTab::Uitgesloten => "Niets uitgesloten.",
            SuggTab::Suggesties => "Geen suggesties: kijk in de hele catalogus.",
            SuggTab::Catalogus => "Niets gevonden.",
        };
        frame.render_widget(Paragraph::new(Span::styled(text, app.theme.muted)), inner);
        return;
    }
    let items: Vec<ListItem> = rows
        .iter()
        .map(|r| {
            let o = &app.data.catalogue.opties[r.index];
            let mark = if r.chosen { "[x] " } else { "[ ] " };
            let mut spans = vec![Span::styled(mark, app.theme.emphasis)];
            if let Some(score) = r.score {
                spans.push(Span::styled(format!("{score:>3} "), app.theme.muted));
            }
            let base = if r.chosen {
                app.theme.emphasis
            } else {
                app.theme.base
            };
            // Hours before the title, so a long title is what gets cut ("…"), never
            // the hours.
            let uren = format!("{:>5} u ", format!("{}–{}", o.uren_min, o.uren_max));
            let used = 4 + if r.score.is_some() { 4 } else { 0 } + uren.chars().count();
            spans.push(Span::styled(uren, app.theme.muted));
            let titel = truncate(&o.titel, (inner.width as usize).saturating_sub(used));
            spans.extend(
                highlighted(&titel, &r.ranges, base, app.theme.matched)
                    .into_iter()
                    .map(|s| Span::styled(s.content.into_owned(), s.style)),
            );
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut state = ListState::default();
    state.select(Some(selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(app.theme.selected),
        inner,
        &mut state,
    );
}

fn render_detail(app: &App, frame: &mut Frame, area: Rect, row: Option<&OptionRow>) {
    let block = Block::bordered()
        .title(" Waarom ")
        .border_style(app.theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(row) = row else {
        return;
    };
    let t = &app.theme;
    let o = &app.data.catalogue.opties[row.index];
    let mut lines = vec![
        Line::from(Span::styled(o.titel.as_str(), t.emphasis)),
        Line::from(Span::styled(
            format!(
                "{} · {}–{} uur · {}",
                app.data.taxonomy.categorie_label(&o.categorie),
                o.uren_min,
                o.uren_max,
                o.begeleiding.label()
            ),
            t.muted,
        )),
    ];
    // In the whole catalogue, where options are kept: whose option this is, and for a
    // changed built-in one the keys to its original.
    if app.sugg_tab == SuggTab::Catalogus {
        let h = crate::core::eigen_catalogus::herkomst(o, &app.catalogus_onder);
        let mut spans = vec![Span::styled(format!("Herkomst: {}", h.label()), t.badge)];
        if h == crate::core::eigen_catalogus::Herkomst::Aangepast {
            let ctx = keymap::context(app);
            spans.push(Span::styled(
                format!(
                    " · {} origineel · {} terug",
                    key_hint(app, ctx, Command::OptieOrigineel),
                    key_hint(app, ctx, Command::OptieTerug)
                ),
                t.muted,
            ));
        }
        lines.push(Line::from(spans));
    }
    if let Some(s) = app.suggesties.suggesties.iter().find(|s| *s.id == *o.id) {
        for f in s.waarom() {
            lines.push(Line::from(format!("{:+} {}", f.punten, f.tekst)));
        }
        for w in s.let_op() {
            lines.push(Line::from(Span::styled(format!("⚠ {w}"), t.warning)));
        }
    }
    if let Some(u) = app.suggesties.uitgesloten.iter().find(|u| *u.id == *o.id) {
        for r in &u.reden {
            lines.push(Line::from(Span::styled(format!("✗ {r}"), t.error)));
        }
    }
    if let Some(x) = app.suggesties.overig.iter().find(|x| *x.id == *o.id) {
        lines.push(Line::from(Span::styled(
            format!("Niet voorgesteld: {}", x.tekst()),
            t.muted,
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(o.omschrijving.as_str()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
