//! `update`: the only place the app changes. It takes an action, changes the app and
//! returns the effects to perform; it does no I/O itself, so every behaviour here is
//! tested by calling it directly.

use crate::core::matching::Profiel;
use crate::core::script::Lijst;

use super::action::{Action, Command};
use super::app::{App, Focus, MessageKind, Overlay, Page, PageKind, Screen, SuggTab};
use super::editor::{self, Editor, Field};
use super::effect::Effect;
use super::form::{self, FormRow};

mod bewaartermijn;
mod export;
mod klas;
mod onbewaard;
mod optie;
mod overlay;
mod pages;
mod start;
mod term;
mod typen;
mod verborgen;

pub use export::gate_findings;
use export::{export, review_command};
pub use optie::{aangepast, heeft_optie, set_catalogue, zichtbaar};
use overlay::{overlay_command, overlay_max_scroll};
use pages::{form_command, step_command, suggestions_command};
use start::start_command;
pub use term::set_taxonomy;
use typen::{command_in_editor, edit, paste};
pub use verborgen::verborgen;

/// Applies an action; returns the effects to perform.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let form_open = matches!(app.overlay, Some(Overlay::Optie));
    let term_open = matches!(app.overlay, Some(Overlay::Term));
    match action {
        Action::Cmd(cmd) => command(app, cmd),
        Action::Edit(key) if term_open => term::key(app, key),
        Action::Paste(text) if term_open => term::paste(
            app,
            &editor::strip_controls(&text.replace(['\r', '\n'], " ")),
        ),
        Action::TaxonomieGewijzigd(result) => term::result(app, result),
        Action::Edit(key) if form_open => optie::key(app, key),
        Action::Edit(key) => edit(app, |area| area.input(key)),
        Action::Paste(text) if form_open => optie::paste(
            app,
            &editor::strip_controls(&text.replace(['\r', '\n'], " ")),
        ),
        Action::Paste(text) => paste(app, text),
        Action::Filter(c) if form_open => {
            optie::filter(app, |f| f.push(c));
            Vec::new()
        }
        Action::FilterBackspace if form_open => {
            optie::filter(app, |f| {
                f.pop();
            });
            Vec::new()
        }
        Action::CatalogusGewijzigd(result) => optie::result(app, result),
        Action::Filter(c) => {
            start_search(app);
            filter_edit(app, |f| f.push(c));
            Vec::new()
        }
        Action::FilterBackspace => {
            filter_edit(app, |f| {
                f.pop();
            });
            Vec::new()
        }
        Action::DraftsLoaded { drafts, problems } => {
            app.start.drafts = drafts;
            app.start.problems = app.start.notices.iter().cloned().chain(problems).collect();
            clamp_start(app);
            Vec::new()
        }
        Action::SessionLoaded(session) => {
            open_session(app, *session);
            klas::sessie_geopend(app);
            vec![Effect::SaveDraft, Effect::StapGewisseld]
        }
        Action::LoadFailed(msg) => {
            app.info(MessageKind::Error, msg);
            Vec::new()
        }
        Action::Saved(result) => {
            app.save_error = result.err();
            Vec::new()
        }
        Action::Exported(Ok(paths)) => {
            let shown = paths
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            app.info(MessageKind::Ok, format!("Plan opgeslagen: {shown}"));
            app.exported = paths;
            app.changed_since_export = false;
            Vec::new()
        }
        Action::Gekopieerd(Ok(None)) => {
            app.info(
                MessageKind::Ok,
                "Het plan als tekst staat op het klembord; plak het in het klantsysteem.",
            );
            Vec::new()
        }
        Action::Gekopieerd(Ok(Some((reden, path)))) => {
            app.info(
                MessageKind::Warning,
                format!(
                    // The reason's first sentence: what else to do is said here.
                    "Niet gekopieerd: {}. De tekst staat in {}",
                    reden
                        .split(". ")
                        .next()
                        .unwrap_or(&reden)
                        .trim_end_matches('.'),
                    path.display()
                ),
            );
            Vec::new()
        }
        Action::Gekopieerd(Err(msg)) => {
            app.info(
                MessageKind::Error,
                format!("Kopiëren en opslaan lukten niet: {msg}"),
            );
            Vec::new()
        }
        Action::Exported(Err(msg)) => {
            app.info(
                MessageKind::Error,
                format!("Plan niet opgeslagen: {msg} Uw gegevens blijven bewaard in het concept."),
            );
            Vec::new()
        }
        Action::DraftDeleted(klant) => {
            app.info(
                MessageKind::Info,
                format!("Concept van {klant} verwijderd."),
            );
            vec![Effect::ListDrafts]
        }
        Action::ClientsLoaded { clients, problems } => {
            app.start.clients = clients;
            app.start.problems.extend(problems);
            clamp_start(app);
            Vec::new()
        }
        Action::PlanLoaded(title, text) => {
            app.open(Overlay::Plan(title, text));
            Vec::new()
        }
        Action::Resize { width, height } => {
            app.size = (width, height);
            app.overlay_scroll = app.overlay_scroll.min(overlay_max_scroll(app));
            Vec::new()
        }
        Action::Turf(g) => klas::turf(app, g),
        Action::TrainerOpgeslagen {
            result,
            ronde,
            stoppen,
        } => klas::opgeslagen(app, result, ronde, stoppen),
        Action::Tick(secs) => {
            app.verstreken = secs;
            Vec::new()
        }
        a @ (Action::Afsluiten
        | Action::QuitBlocked { .. }
        | Action::SavedElsewhere(_)
        | Action::Copied(_)) => onbewaard::result(app, a),
        a @ (Action::VerlopenLoaded(_) | Action::VerlopenGewist(_)) => {
            bewaartermijn::result(app, a)
        }
        Action::StapTijd { vorige, sinds } => {
            if app.gesprek_sinds.is_none() {
                app.gesprek_sinds = Some(sinds.clone());
            }
            klas::klok(app, &sinds);
            app.stap_sinds = Some(sinds);
            // Time is kept only where someone is measuring: practice or a tallied gesprek.
            match (app.session.tally.as_mut(), vorige) {
                (Some(t), Some((step, secs))) if secs > 0 => {
                    t.add_tijd(&step, secs);
                    changed(app)
                }
                _ => Vec::new(),
            }
        }
    }
}

fn clamp_start(app: &mut App) {
    let n = app.start_items().len();
    app.start.selected = app.start.selected.min(n.saturating_sub(1));
}

/// Switches to the gesprek screen with this session, where it was left off.
fn open_session(app: &mut App, session: crate::core::session::Session) {
    // The session says which script it follows; an unknown id falls back to the intake.
    app.data.script = if session.script == app.vervolg.id {
        app.vervolg.clone()
    } else {
        app.intake.clone()
    };
    app.reveal = false;
    app.bsn_toch = false;
    app.als_concept = false;
    app.gesprek_sinds = gesprek_begin(&session.id, app.today);
    app.stap_sinds = None;
    app.bijzonder_gehouden.clear();
    app.presentatie = false;
    app.turven = false;
    // The gesprek's own gemeente profile; with a single gemeente there is nothing to pick.
    let notice = if session.gemeente.is_some() || !app.profielen.is_empty() {
        let (g, notice) =
            crate::app::gesprek::gemeente_voor(&app.profielen, &app.basis_gemeente, &session);
        app.gemeente = g.clone();
        notice
    } else {
        None
    };
    let page = Page::from_key(&session.huidige_stap, &app.data.script);
    app.session = session;
    app.screen = Screen::Gesprek;
    app.invalid.clear();
    app.exported.clear();
    app.overlay = None;
    app.message = None;
    if let Some(notice) = notice {
        app.info(MessageKind::Warning, notice);
    }
    enter_page(app, page);
}

/// When a gesprek of today began, from its id (creation time, local): a draft resumed
/// after a crash still shows when the gesprek really started. `None` for another day
/// or an id without a time; the runner then fills in when it was opened.
fn gesprek_begin(id: &str, today: chrono::NaiveDate) -> Option<String> {
    let stamp = chrono::NaiveDateTime::parse_from_str(id.get(..15)?, "%Y%m%d-%H%M%S").ok()?;
    (stamp.date() == today).then(|| stamp.format("%H:%M").to_string())
}

/// Goes to a page and puts focus where one starts working on it.
pub fn enter_page(app: &mut App, page: Page) {
    app.session.huidige_stap = page.key().to_string();
    app.page = page;
    app.form_row = 0;
    app.dia = 0;
    app.review_scroll = 0;
    match app.page_kind() {
        PageKind::Gegevens | PageKind::Afspraken | PageKind::Evaluatie => {
            app.focus = Focus::Text;
            bind_form_row(app);
        }
        PageKind::Step => {
            app.focus = Focus::Text;
            if let Page::Step(id) = &app.page {
                if let Some(concept) = crate::core::sectie::voorzet(&app.session, &app.data, id) {
                    app.session.set_note(id, concept);
                }
                let field = Field::Note(id.clone());
                let text = editor::value(&field, &app.session, &app.invalid);
                app.editor = Editor::new(field, &text);
            }
        }
        PageKind::Suggesties => {
            app.focus = Focus::List;
            refresh_suggestions(app);
        }
        PageKind::Review => app.focus = Focus::List,
    }
}

/// Recomputes the suggestions from the session.
pub fn refresh_suggestions(app: &mut App) {
    app.suggesties = current_suggestions(app);
}

/// The suggestions for the session as it is now, with the municipality's rules applied.
pub fn current_suggestions(app: &App) -> crate::core::matching::Suggesties {
    let profiel = Profiel::from(&app.session);
    let mut s = app.matcher.suggest(&profiel);
    crate::core::gemeente::apply(&app.gemeente, &mut s, &app.data.catalogue);
    s
}

/// Binds the editor to the form row under the cursor (if it is a text field).
fn bind_form_row(app: &mut App) {
    let rows = form::rows(app);
    app.form_row = app.form_row.min(rows.len().saturating_sub(1));
    if let Some(FormRow::Text(field)) = rows.get(app.form_row) {
        let mut text = editor::value(field, &app.session, &app.invalid);
        if let (Field::Aanpak(id), true) = (field, text.is_empty()) {
            // Start from the standard sentence for the plan, so the consultant adapts
            // rather than types; the guidance meant for the consultant never lands here.
            text = app
                .data
                .taxonomy
                .find(crate::core::taxonomy::TagKind::Belemmering, id)
                .map(|e| {
                    crate::core::taxonomy::met_klant_label(
                        &e.aanpak_plan,
                        &app.gemeente.klant_label,
                    )
                })
                .unwrap_or_default();
        }
        app.editor = Editor::new(field.clone(), &text);
    }
}

/// Marks the session as changed and asks for the draft to be saved.
fn changed(app: &mut App) -> Vec<Effect> {
    app.changed_since_export = true;
    vec![Effect::SaveDraft]
}

/// The most characters pasted into a one-line field at once.
pub const MAX_ONE_LINE_PASTE: usize = 10_000;

fn current_lijst(app: &App) -> Option<Lijst> {
    match app.focus {
        Focus::Picker(i) => app
            .current_step()
            .and_then(|s| s.stap.kiezen.get(i).copied()),
        _ => None,
    }
}

/// Typing in a list searches it: on the start screen the client overview, on the
/// suggestions page the whole catalogue. Nothing is chosen by typing.
fn start_search(app: &mut App) {
    if app.screen == Screen::Start {
        if !app.start.filtering && app.mode == super::app::Mode::Echt {
            app.start.filtering = true;
            app.start.selected = 0;
        }
        return;
    }
    if app.page_kind() == PageKind::Suggesties && app.focus == Focus::List {
        app.sugg_tab = SuggTab::Catalogus;
        app.focus = Focus::Search;
        let state = app.sugg_list_mut(SuggTab::Catalogus);
        state.filter.clear();
        state.selected = 0;
    }
}

fn filter_edit(app: &mut App, f: impl FnOnce(&mut String)) {
    if app.screen == Screen::Start {
        if app.start.filtering {
            f(&mut app.start.filter);
            clamp_start(app);
        }
        return;
    }
    if let Some(lijst) = current_lijst(app) {
        let state = app.pickers.entry(lijst).or_default();
        f(&mut state.filter);
        state.selected = 0;
    } else if app.focus == Focus::Search {
        let state = app.sugg_list_mut(SuggTab::Catalogus);
        f(&mut state.filter);
        state.selected = 0;
    }
}

fn command(app: &mut App, cmd: Command) -> Vec<Effect> {
    // Overlays take their commands first.
    if let Some(overlay) = app.overlay.clone() {
        if cmd == Command::TermNieuw {
            return term::nieuw(app);
        }
        match overlay {
            Overlay::Term => return term::form_command(app, cmd),
            Overlay::OptieVraag(v @ super::app::OptieVraag::TermVerlaten) => {
                return term::vraag_command(app, v, cmd);
            }
            Overlay::OptieVraag(v @ super::app::OptieVraag::Tonen(..)) => {
                return verborgen::vraag_command(app, v, cmd);
            }
            Overlay::Verborgen(i) => return verborgen::verborgen_command(app, i, cmd),
            Overlay::Optie => return optie::form_command(app, cmd),
            Overlay::OptieVraag(v) => return optie::vraag_command(app, v, cmd),
            _ => {}
        }
        if let Some(effects) = klas::overlay_command(app, &overlay, cmd) {
            return effects;
        }
        return overlay_command(app, overlay, cmd);
    }
    if app.screen == Screen::Start {
        let echt = app.start_items().get(app.start.selected) == Some(&super::app::StartItem::Echt);
        if let Some(effects) = klas::start_command(app, cmd, echt) {
            return effects;
        }
        return start_command(app, cmd);
    }
    if let Some(effects) = klas::gesprek_command(app, cmd) {
        return effects;
    }
    match cmd {
        // Stopping saves durably first; the runner answers whether the app may go.
        Command::Stoppen => vec![Effect::Quit],
        Command::Help => {
            app.open(Overlay::Help);
            Vec::new()
        }
        Command::Toelichting => {
            app.open(Overlay::Toelichting);
            Vec::new()
        }
        Command::VeldLeegmaken | Command::VeldHerstellen => command_in_editor(app, cmd),
        Command::Springen => {
            let current = form::jump_targets(app)
                .iter()
                .position(|(p, _)| *p == app.page)
                .unwrap_or(0);
            app.open(Overlay::Jump(current));
            Vec::new()
        }
        Command::Volgende | Command::Vorige => {
            let pages = app.pages();
            let i = app.page_index(&pages);
            let next = if cmd == Command::Volgende {
                // A hidden step reached by a jump already counts as the next page.
                if pages.get(i) == Some(&app.page) {
                    i + 1
                } else {
                    i
                }
            } else {
                i.saturating_sub(1)
            };
            let next = next.min(pages.len() - 1);
            if pages[next] != app.page {
                enter_page(app, pages[next].clone());
                return vec![Effect::SaveDraft, Effect::StapGewisseld];
            }
            Vec::new()
        }
        Command::Turven => {
            app.turven = !app.turven;
            if app.turven {
                app.session.tally.get_or_insert_with(Default::default);
            }
            changed(app)
        }
        Command::Terug => {
            terug(app);
            Vec::new()
        }
        _ => match app.page_kind() {
            PageKind::Step => step_command(app, cmd),
            PageKind::Gegevens | PageKind::Afspraken | PageKind::Evaluatie => {
                form_command(app, cmd)
            }
            PageKind::Suggesties => suggestions_command(app, cmd),
            PageKind::Review => review_command(app, cmd),
        },
    }
}

fn terug(app: &mut App) {
    match app.focus {
        Focus::Picker(_) => {
            let lijst = current_lijst(app);
            match lijst.map(|l| app.picker(l).filter.is_empty()) {
                Some(false) => filter_edit(app, String::clear),
                _ => app.focus = Focus::Text,
            }
        }
        Focus::Search => app.focus = Focus::List,
        Focus::Text | Focus::List => {
            app.message = None;
        }
    }
}
