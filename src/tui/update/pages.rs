//! `update` for the pages of a gesprek: the step pickers, the forms (details, afspraken,
//! evaluation), and the suggestions lists.

use crate::core::script::Lijst;

use super::super::action::Command;
use super::super::app::{App, Focus, MessageKind, PageKind, SuggTab};
use super::super::effect::Effect;
use super::super::form::{self, FormRow};
use super::super::lists;
use super::{bind_form_row, changed, current_lijst, refresh_suggestions};

pub(super) fn step_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let pickers = app.current_step().map_or(0, |s| s.stap.kiezen.len());
    match cmd {
        Command::FocusVolgende | Command::FocusVorige if pickers > 0 => {
            // Cycle: notes → picker 0 → … → picker n-1 → notes.
            let pos = match app.focus {
                Focus::Picker(i) => i + 1,
                _ => 0,
            };
            let n = pickers + 1;
            let next = if cmd == Command::FocusVolgende {
                (pos + 1) % n
            } else {
                (pos + n - 1) % n
            };
            app.focus = if next == 0 {
                Focus::Text
            } else {
                Focus::Picker(next - 1)
            };
        }
        Command::Omhoog | Command::Omlaag => {
            if let Some(lijst) = current_lijst(app) {
                let len = lists::picker_items(app, lijst).len();
                let state = app.pickers.entry(lijst).or_default();
                state.selected = if cmd == Command::Omhoog {
                    state.selected.saturating_sub(1)
                } else {
                    (state.selected + 1).min(len.saturating_sub(1))
                };
            }
        }
        Command::Kiezen => return toggle_picked(app),
        Command::Hoofddoel => return mark_main_aim(app),
        _ => {}
    }
    Vec::new()
}

fn toggle_picked(app: &mut App) -> Vec<Effect> {
    let Some(lijst) = current_lijst(app) else {
        return Vec::new();
    };
    let items = lists::picker_items(app, lijst);
    let state = app.picker(lijst);
    let Some(item) = items.get(state.selected) else {
        return Vec::new();
    };
    let s = &mut app.session;
    match lijst.tag_kind() {
        Some(kind) => {
            s.toggle_tag(kind, &item.id);
            // A main aim that is no longer a wish is no main aim.
            if s.hoofdwens.as_ref().is_some_and(|h| !s.wensen.contains(h)) {
                s.hoofdwens = None;
            }
        }
        None => {
            let list = if lijst == Lijst::AlActief {
                &mut s.doet_al
            } else {
                &mut s.eerder
            };
            match list.iter().position(|x| *x == item.id) {
                Some(p) => {
                    list.remove(p);
                }
                None => list.push(item.id.clone()),
            }
        }
    }
    // After picking from a filtered list the filter has done its job.
    if !state.filter.is_empty() {
        let st = app.pickers.entry(lijst).or_default();
        st.filter.clear();
        st.selected = 0;
    }
    changed(app)
}

/// Marks the wens under the cursor as the client's main aim (ticking it if needed);
/// on the main aim already, unmarks it, so the first wens counts again.
fn mark_main_aim(app: &mut App) -> Vec<Effect> {
    if current_lijst(app) != Some(Lijst::Wensen) {
        return Vec::new();
    }
    let items = lists::picker_items(app, Lijst::Wensen);
    let Some(item) = items.get(app.picker(Lijst::Wensen).selected) else {
        return Vec::new();
    };
    let s = &mut app.session;
    if s.hoofdwens.as_deref() == Some(item.id.as_str()) {
        s.hoofdwens = None;
    } else {
        if !s.wensen.contains(&item.id) {
            s.toggle_tag(crate::core::taxonomy::TagKind::Wens, &item.id);
        }
        s.hoofdwens = Some(item.id.clone());
    }
    changed(app)
}

pub(super) fn form_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let rows = form::rows(app);
    match cmd {
        Command::Omhoog | Command::FocusVorige => {
            app.form_row = app.form_row.saturating_sub(1);
            bind_form_row(app);
        }
        Command::Omlaag | Command::FocusVolgende => {
            app.form_row = (app.form_row + 1).min(rows.len().saturating_sub(1));
            bind_form_row(app);
        }
        Command::Kiezen if rows.get(app.form_row) == Some(&FormRow::Akkoord) => {
            app.session.akkoord = app.session.akkoord.next();
            return changed(app);
        }
        Command::Kiezen => {
            if let Some(FormRow::Status(i)) = rows.get(app.form_row)
                && let Some(e) = app.session.evaluaties.get_mut(*i)
            {
                e.status = e.status.next();
                return changed(app);
            }
            if let Some(FormRow::Besluit(i)) = rows.get(app.form_row)
                && let Some(e) = app.session.evaluaties.get_mut(*i)
            {
                e.besluit = crate::core::vervolg::Besluit::next(e.besluit);
                return changed(app);
            }
        }
        Command::AfspraakToevoegen if app.page_kind() == PageKind::Afspraken => {
            let n = form::afspraak_count(app);
            app.session
                .afspraken
                .resize_with(n + 1, crate::core::session::Afspraak::default);
            app.form_row = n * 3;
            bind_form_row(app);
            return changed(app);
        }
        Command::OptieUitEigen if app.page_kind() == PageKind::Afspraken => {
            return super::optie::uit_eigen(app);
        }
        Command::EigenToevoegen if app.page_kind() == PageKind::Afspraken => {
            app.session
                .eigen
                .push(crate::core::session::EigenActiviteit::default());
            let n = app.session.eigen.len() - 1;
            let rows = form::rows(app);
            app.form_row = rows
                .iter()
                .position(|r| *r == FormRow::Text(super::super::editor::Field::EigenTitel(n)))
                .unwrap_or(app.form_row);
            bind_form_row(app);
            return changed(app);
        }
        Command::AfspraakVerwijderen if app.page_kind() == PageKind::Afspraken => {
            if let Some(i) = form::afspraak_at(app, app.form_row) {
                let empty = app.session.afspraken.get(i).is_none_or(|a| a.is_empty());
                if empty && form::afspraak_count(app) > 1 {
                    if i < app.session.afspraken.len() {
                        app.session.afspraken.remove(i);
                    }
                    app.form_row = app.form_row.saturating_sub(3);
                    bind_form_row(app);
                    return changed(app);
                }
                app.info(
                    MessageKind::Info,
                    "Alleen een lege afspraak kan weg: maak de velden eerst leeg.",
                );
            }
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn suggestions_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    if let Some(effects) = super::optie::catalogue_command(app, cmd) {
        return effects;
    }
    if cmd == Command::TermNieuw {
        return super::term::nieuw(app);
    }
    if cmd == Command::VerborgenTonen {
        return super::verborgen::toon_verborgen(app);
    }
    let tab = app.sugg_tab;
    match cmd {
        Command::TabVolgende
        | Command::TabVorige
        | Command::FocusVolgende
        | Command::FocusVorige => {
            let i = SuggTab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
            let forward = matches!(cmd, Command::TabVolgende | Command::FocusVolgende);
            let n = SuggTab::ALL.len();
            app.sugg_tab = SuggTab::ALL[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
            app.focus = Focus::List;
        }
        Command::Zoeken => {
            app.sugg_tab = SuggTab::Catalogus;
            app.focus = Focus::Search;
        }
        Command::Omhoog | Command::Omlaag => {
            let len = lists::option_rows(app, tab).len();
            let state = app.sugg_list_mut(tab);
            state.selected = if cmd == Command::Omhoog {
                state.selected.saturating_sub(1)
            } else {
                (state.selected + 1).min(len.saturating_sub(1))
            };
        }
        Command::Kiezen => {
            let rows = lists::option_rows(app, tab);
            let Some(row) = rows.get(app.sugg_list(tab).selected) else {
                return Vec::new();
            };
            let id = app.data.catalogue.opties[row.index].id.clone();
            let now = app.session.toggle_chosen(&id);
            if now && tab == SuggTab::Uitgesloten {
                app.info(
                    MessageKind::Warning,
                    "Gekozen ondanks uitsluiting: leg in de notities vast waarom dit toch past.",
                );
            }
            return changed(app);
        }
        Command::ZorgMeer | Command::ZorgMinder => {
            // Steps of two: care is counted in afternoons and days, not single hours.
            let current = app.session.zorguren;
            app.session.zorguren = match (cmd, current) {
                (Command::ZorgMeer, None) => Some(crate::core::matching::ZORGUREN_ONBEKEND),
                (Command::ZorgMeer, Some(n)) => Some(n.saturating_add(2).min(168)),
                (_, Some(0..=1) | None) => None,
                (_, Some(n)) => Some(n - 2),
            };
            refresh_suggestions(app);
            return changed(app);
        }
        Command::UrenMeer | Command::UrenMinder => {
            let current = app.session.uren_kan;
            app.session.uren_kan = match (cmd, current) {
                (Command::UrenMeer, None) => Some(4),
                (Command::UrenMeer, Some(n)) => Some((n + 1).min(40)),
                (_, Some(0) | None) => None,
                (_, Some(n)) => Some(n - 1),
            };
            // The hours chosen here are the afspraken's hours, unless the consultant
            // already set other hours there.
            if app.session.uren_per_week.is_none() || app.session.uren_per_week == current {
                app.session.uren_per_week = app.session.uren_kan;
            }
            refresh_suggestions(app);
            return changed(app);
        }
        _ => {}
    }
    Vec::new()
}
