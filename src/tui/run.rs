//! The runtime: terminal set-up and tear-down, the event loop, and the one place where
//! effects are performed (files, clock, randomness). Everything else in the TUI is pure.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::core::oefen;
use crate::core::vervolg::{self, Gepland, Wanneer};
use crate::store::drafts::{DraftLock, Drafts, load_session, new_id};
use crate::store::eventlog::{self, Event as LogEvent};
use crate::store::files;
use crate::store::paths::Paths;
use crate::store::sessions;

use super::action::{Action, ClientEntry, DraftEntry};
use super::app::{App, Screen};
use super::effect::Effect;
use super::keymap::map_key;
use super::screens::view;
use super::theme::Theme;
use super::update::update;

/// Performs effects against the disk and the clock.
pub struct Runner {
    pub paths: Paths,
    drafts: Drafts,
    /// Lock on the open draft, so a second window cannot edit the same gesprek.
    lock: Option<DraftLock>,
    /// The step being timed and since when.
    timer: Option<(String, Instant)>,
    /// When the draft was last written durably (waiting for the disk).
    last_durable: Option<Instant>,
    /// When the open session (a class round) began: the tally timeline counts from here.
    opened: Instant,
}

/// How long typed text may live only in the operating system's cache before the draft is
/// written durably again: a power cut loses at most this much typing; a killed process
/// loses nothing but the key being pressed.
pub const DURABLE_EVERY: Duration = Duration::from_secs(2);

/// A fresh session with the follow-up dates proposed; shared with the line mode.
pub use crate::core::gemeente::new_session;

impl Runner {
    pub fn new(paths: Paths) -> Runner {
        Runner {
            drafts: Drafts::new(paths.drafts.clone()),
            paths,
            lock: None,
            timer: None,
            last_durable: None,
            opened: Instant::now(),
        }
    }

    /// Seconds since the open session began.
    pub fn verstreken(&self) -> u64 {
        self.opened.elapsed().as_secs()
    }

    /// Appends to the local event log. Accountability must never cost the consultant
    /// their work, so a failing log is ignored here (the log is best effort).
    fn log(&self, event: &LogEvent) {
        let _ = eventlog::append(&self.paths, event);
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
                self.log(&LogEvent::GesprekGestart { sessie: &id });
                let s = new_session(id, app.today, &app.intake.id, &app.gemeente);
                self.opened = Instant::now();
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
                        self.log(&LogEvent::GesprekGeopend { sessie: &id });
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
                    Ok(()) => {
                        self.log(&LogEvent::ConceptVerwijderd { sessie: &id });
                        Some(Action::DraftDeleted(klant))
                    }
                    Err(e) => Some(Action::LoadFailed(files::describe_io_error(
                        &e,
                        self.drafts.dir(),
                    ))),
                }
            }
            Effect::SaveDraft => {
                // Practice sessions are never stored as a real client's draft.
                if app.screen != Screen::Gesprek || app.session.oefenen {
                    return None;
                }
                let durable = self
                    .last_durable
                    .is_none_or(|t| t.elapsed() >= DURABLE_EVERY);
                let result = self
                    .drafts
                    .save_with(&app.session, durable)
                    .map_err(|e| files::describe_io_error(&e, self.drafts.dir()));
                if durable && result.is_ok() {
                    self.last_durable = Some(Instant::now());
                }
                // Only report changes of state, not every successful keystroke.
                (result.is_err() || app.save_error.is_some()).then_some(Action::Saved(result))
            }
            Effect::Export(set) => Some(Action::Exported(crate::app::export::write(
                &self.paths,
                &set,
            ))),
            Effect::ListClients => {
                let (all, problems) = sessions::list(&self.paths.output);
                let newest = sessions::newest_per_client(all);
                let planned: Vec<Gepland> = newest
                    .iter()
                    .filter_map(|(_, s)| Gepland::from_session(s))
                    .collect();
                let due = vervolg::due(&planned, app.today);
                let clients = newest
                    .into_iter()
                    .map(|(path, s)| {
                        let d = due.iter().find(|d| d.id == s.id);
                        ClientEntry {
                            klant: s.klant.clone(),
                            laatste: s.datum.format("%-d-%-m-%Y").to_string(),
                            volgend_contact: s
                                .volgend_contact
                                .map(|v| v.format("%-d-%-m-%Y").to_string()),
                            opvolgen: d.map(|d| d.wanneer.label()),
                            te_laat: d.is_some_and(|d| matches!(d.wanneer, Wanneer::TeLaat(_))),
                            plan_versie: s.plan_versie,
                            sessie: path,
                        }
                    })
                    .collect();
                Some(Action::ClientsLoaded {
                    clients,
                    problems: problems.iter().map(ToString::to_string).collect(),
                })
            }
            Effect::ReadPlan(session) => {
                // The plan beside the session: same stem, first of the formats found.
                let name = session.file_name()?.to_string_lossy().into_owned();
                let stem = name.strip_suffix(sessions::SESSION_EXT)?;
                let plan = ["md", "txt"]
                    .iter()
                    .map(|ext| session.with_file_name(format!("{stem}.{ext}")))
                    .find(|p| p.is_file());
                match plan.map(|p| (std::fs::read_to_string(&p), p)) {
                    Some((Ok(text), p)) => Some(Action::PlanLoaded(
                        p.file_name()?.to_string_lossy().into_owned(),
                        text,
                    )),
                    Some((Err(e), p)) => Some(Action::LoadFailed(files::describe_io_error(&e, &p))),
                    None => Some(Action::LoadFailed(format!(
                        "Naast {name} staat geen plan (.md of .txt); maak het opnieuw met `meedoen plan`."
                    ))),
                }
            }
            Effect::StartVervolg(path) => match load_session(&path) {
                Ok(prev) => {
                    let id = new_id();
                    self.lock = self.drafts.lock(&id).ok();
                    let s = vervolg::start_vervolg(&prev, id, app.today, &app.vervolg.id);
                    Some(Action::SessionLoaded(Box::new(s)))
                }
                Err(p) => Some(Action::LoadFailed(format!(
                    "Het vorige gesprek kan niet worden geopend ({p})."
                ))),
            },
            Effect::CreateOefenSession(i) => {
                let klant = app.oefenklanten.klanten.get(i)?;
                let s = oefen::oefensessie(klant, new_id(), app.today, &app.intake.id);
                self.opened = Instant::now();
                Some(Action::SessionLoaded(Box::new(s)))
            }
            Effect::StapGewisseld => {
                let now = Instant::now();
                let previous = self.timer.replace((app.session.huidige_stap.clone(), now));
                Some(Action::StapTijd {
                    vorige: previous
                        .map(|(step, since)| (step, now.duration_since(since).as_secs())),
                    sinds: Local::now().format("%H:%M").to_string(),
                })
            }
            Effect::BsnVerwijderd(aantal) => {
                self.log(&LogEvent::BsnVerwijderd {
                    sessie: &app.session.id,
                    aantal,
                });
                None
            }
            Effect::TrainerBestanden {
                stem,
                files: set,
                overzicht,
                ronde,
                stoppen,
            } => {
                let dir = crate::store::trainer::dir(&self.paths);
                let mut result = crate::store::trainer::write_set(&self.paths, &stem, &set)
                    .map_err(|e| files::describe_io_error(&e, &dir));
                if let (Ok(written), Some((klas, text))) = (result.as_mut(), overzicht) {
                    match crate::store::trainer::write_overzicht(&self.paths, &klas, &text) {
                        Ok(p) => written.push(p),
                        Err(e) => result = Err(files::describe_io_error(&e, &dir)),
                    }
                }
                Some(Action::TrainerOpgeslagen {
                    result,
                    ronde,
                    stoppen,
                })
            }
            Effect::Quit => {
                if app.screen == Screen::Gesprek && !app.session.oefenen {
                    let _ = self.drafts.save(&app.session);
                }
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
    for effect in [Effect::ListDrafts, Effect::ListClients] {
        if let Some(a) = runner.perform(effect, app) {
            dispatch(app, runner, a);
        }
    }
    while !app.quit {
        terminal.draw(|f| view(app, f))?;
        // While a round runs, wake once a second to redraw the countdown; otherwise block
        // (no CPU while the consultant talks).
        if super::klas::resterend(app).is_some() && !event::poll(Duration::from_millis(1000))? {
            dispatch(app, runner, Action::Tick(runner.verstreken()));
            continue;
        }
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
                app.verstreken = runner.verstreken();
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

/// Sets up the terminal, shows the start screen at once, then reads the data (`load`),
/// runs the loop, and always restores the terminal.
pub fn run_app(
    theme: Theme,
    load: impl FnOnce() -> anyhow::Result<(App, Paths)>,
) -> anyhow::Result<()> {
    // ratatui's init installs a panic hook that restores the terminal; ours also turns
    // bracketed paste off again. The draft is already on disk: it is saved on every change.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste)?;
    let _ = terminal.draw(|f| super::screens::start::render_loading(&theme, f));
    let result = load().and_then(|(mut app, paths)| {
        let mut runner = Runner::new(paths);
        event_loop(&mut terminal, &mut app, &mut runner).map_err(anyhow::Error::from)
    });
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = io::stdout().flush();
    result
}
