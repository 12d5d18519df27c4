//! The runtime: terminal set-up and tear-down, the event loop, and the one place where
//! effects are performed (files, clock, randomness). Everything else in the TUI is pure.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::time::Duration;

use chrono::{Local, Months, NaiveDate};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::core::session::Session;
use crate::store::drafts::{DraftLock, Drafts};
use crate::store::files;
use crate::store::paths::Paths;

use super::action::{Action, DraftEntry};
use super::app::{App, Screen};
use super::effect::Effect;
use super::keymap::map_key;
use super::screens::view;
use super::update::update;

/// Performs effects against the disk and the clock.
pub struct Runner {
    pub paths: Paths,
    drafts: Drafts,
    /// Lock on the open draft, so a second window cannot edit the same gesprek.
    lock: Option<DraftLock>,
}

/// A new session id: creation time plus randomness, so two laptops never collide.
fn new_id() -> String {
    let random = RandomState::new().build_hasher().finish() & 0xffff;
    format!("{}-{random:04x}", Local::now().format("%Y%m%d-%H%M%S"))
}

/// A fresh session with the follow-up dates already proposed: follow-up is where plans
/// fail in practice, so the consultant starts from a date rather than from nothing.
pub fn new_session(id: String, today: NaiveDate, script: &str) -> Session {
    let mut s = Session::new(id, today, script);
    s.volgend_contact = today.checked_add_days(chrono::Days::new(21));
    s.evaluatiedatum = today.checked_add_months(Months::new(3));
    s
}

impl Runner {
    pub fn new(paths: Paths) -> Runner {
        Runner {
            drafts: Drafts::new(paths.drafts.clone()),
            paths,
            lock: None,
        }
    }

    /// Performs one effect; a result the app must know about comes back as an action.
    pub fn perform(&mut self, effect: Effect, app: &App) -> Option<Action> {
        match effect {
            Effect::ListDrafts => {
                let (list, problems) = self.drafts.list();
                let drafts = list
                    .into_iter()
                    .map(|d| DraftEntry {
                        id: d.id,
                        klant: d.klant,
                        datum: d.datum.format("%-d-%-m-%Y").to_string(),
                        gewijzigd: chrono::DateTime::<Local>::from(d.gewijzigd)
                            .format("%-d-%-m %H:%M")
                            .to_string(),
                    })
                    .collect();
                Some(Action::DraftsLoaded {
                    drafts,
                    problems: problems.iter().map(ToString::to_string).collect(),
                })
            }
            Effect::CreateSession => {
                let id = new_id();
                self.lock = self.drafts.lock(&id).ok();
                let s = new_session(id, app.today, &app.data.script.id);
                Some(Action::SessionLoaded(Box::new(s)))
            }
            Effect::LoadDraft(id) => {
                let lock = match self.drafts.lock(&id) {
                    Ok(lock) => lock,
                    Err(msg) => return Some(Action::LoadFailed(msg)),
                };
                match self.drafts.load(&id) {
                    Ok(s) => {
                        self.lock = Some(lock);
                        Some(Action::SessionLoaded(Box::new(s)))
                    }
                    Err(p) => Some(Action::LoadFailed(format!(
                        "Dit concept kan niet worden geopend ({p}). Het bestand blijft staan."
                    ))),
                }
            }
            Effect::DeleteDraft(id) => {
                let klant = app
                    .start
                    .drafts
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.klant.clone())
                    .unwrap_or_default();
                match self.drafts.remove(&id) {
                    Ok(()) => Some(Action::DraftDeleted(klant)),
                    Err(e) => Some(Action::LoadFailed(files::describe_io_error(
                        &e,
                        self.drafts.dir(),
                    ))),
                }
            }
            Effect::SaveDraft => {
                if app.screen != Screen::Gesprek {
                    return None;
                }
                let result = self
                    .drafts
                    .save(&app.session)
                    .map_err(|e| files::describe_io_error(&e, self.drafts.dir()));
                // Only report changes of state, not every successful keystroke.
                (result.is_err() || app.save_error.is_some()).then_some(Action::Saved(result))
            }
            Effect::Export { stem, files: set } => {
                let parts: Vec<(&str, &[u8])> = set
                    .iter()
                    .map(|(ext, text)| (ext.as_str(), text.as_bytes()))
                    .collect();
                let result = files::write_new_set(&self.paths.output, &stem, &parts)
                    .map_err(|e| files::describe_io_error(&e, &self.paths.output));
                Some(Action::Exported(result))
            }
            Effect::Quit => {
                // A gesprek whose plan was saved and not changed since needs no draft:
                // the saved session beside the plan is the record.
                if app.screen == Screen::Gesprek
                    && !app.exported.is_empty()
                    && !app.changed_since_export
                {
                    let _ = self.drafts.remove(&app.session.id);
                }
                None
            }
        }
    }
}

/// Runs an action through `update` and performs the effects, feeding results back in.
pub fn dispatch(app: &mut App, runner: &mut Runner, action: Action) {
    let mut queue = std::collections::VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(app, action) {
            let quit = effect == Effect::Quit;
            if let Some(result) = runner.perform(effect, app) {
                queue.push_back(result);
            }
            if quit {
                app.quit = true;
            }
        }
    }
}

/// The event loop. Blocks on input (no busy loop: zero CPU while the consultant talks).
pub fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runner: &mut Runner,
) -> io::Result<()> {
    if let Some(a) = runner.perform(Effect::ListDrafts, app) {
        dispatch(app, runner, a);
    }
    while !app.quit {
        terminal.draw(|f| view(app, f))?;
        let mut next = Some(event::read()?);
        // Handle everything already waiting before drawing again, so a burst of keys
        // (fast typing, a paste without bracketed paste) costs one frame.
        while let Some(ev) = next {
            let action = match ev {
                Event::Key(key) => map_key(app, key),
                Event::Paste(text) => Some(Action::Paste(text)),
                _ => None,
            };
            if let Some(a) = action {
                dispatch(app, runner, a);
            }
            if app.quit {
                break;
            }
            next = if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
    }
    Ok(())
}

/// Sets up the terminal, runs the loop, and always restores the terminal.
pub fn run_app(mut app: App, paths: Paths) -> io::Result<()> {
    let mut runner = Runner::new(paths);
    // ratatui's init installs a panic hook that restores the terminal; ours also turns
    // bracketed paste off again. The draft is already on disk: it is saved on every change.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste)?;
    let result = event_loop(&mut terminal, &mut app, &mut runner);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = io::stdout().flush();
    result
}
