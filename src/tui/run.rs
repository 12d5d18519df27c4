//! The runtime: terminal set-up and tear-down, the event loop, and the one place where
//! effects are performed (files, clock, randomness). Everything else in the TUI is pure.

use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::core::oefen;
use crate::core::vervolg::{self, Gepland, Wanneer};
use crate::store::drafts::{DraftLock, Drafts, load_session, new_id};
use crate::store::emergency::Emergency;
use crate::store::eventlog::{self, Event as LogEvent};
use crate::store::files;
use crate::store::paths::Paths;
use crate::store::sessions;
use crate::store::syncer::Syncer;

use super::action::{Action, ClientEntry, DraftEntry};
use super::app::{App, Screen};
use super::effect::Effect;
use super::input::{GLUE_WAIT, Glue, Step};
use super::keymap::map_key;
use super::screens::view;
use super::theme::Theme;
use super::update::update;

mod nood;
pub mod optie_concept;
mod termijn;

pub use crate::store::emergency::clipboard_text;
use nood::{SIGNAL_CHECK, stop_signals};

/// Performs effects against the disk and the clock.
pub struct Runner {
    pub paths: Paths,
    drafts: Drafts,
    /// The second place a draft goes when the drafts folder fails.
    emergency: Emergency,
    /// Clients with files past the bewaartermijn, as last listed (erased by index).
    verlopen: Vec<crate::store::opruimen::Verlopen>,
    /// Lock on the open draft, so a second window cannot edit the same gesprek.
    lock: Option<DraftLock>,
    /// The step being timed and since when.
    timer: Option<(String, Instant)>,
    /// When the draft was last made durable (waiting for the disk).
    last_durable: Option<Instant>,
    /// Waits for the disk on its own thread, so typing never does.
    syncer: Syncer,
    /// When the open session (a class round) began: the tally timeline counts from here.
    opened: Instant,
}

/// How long typed text may live only in the operating system's cache before the draft is
/// written durably again: a power cut loses at most this much typing; a killed process
/// loses nothing but the key being pressed.
pub const DURABLE_EVERY: Duration = Duration::from_secs(2);

/// How often a running round's countdown is redrawn.
const TICK: Duration = Duration::from_secs(1);

/// A fresh session with the follow-up dates proposed; shared with the line mode.
pub use crate::core::gemeente::new_session;

impl Runner {
    pub fn new(paths: Paths) -> Runner {
        let nood = Emergency::new(paths.nood.clone());
        Runner::with_emergency(paths, nood)
    }

    /// A runner with the emergency folder given (tests keep it out of the real temp).
    pub fn with_emergency(paths: Paths, emergency: Emergency) -> Runner {
        Runner {
            emergency,
            verlopen: Vec::new(),
            drafts: Drafts::new(paths.drafts.clone()),
            paths,
            lock: None,
            timer: None,
            last_durable: None,
            syncer: Syncer::new(),
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
                let (list, mut problems) = self.drafts.list();
                let (nood, nood_problems) = self.emergency.list();
                problems.extend(nood_problems);
                let when = |t: std::time::SystemTime| {
                    chrono::DateTime::<Local>::from(t)
                        .format("%-d-%-m %H:%M")
                        .to_string()
                };
                // An emergency copy is newer than a draft with the same id (it was
                // written because that draft could not be), so it takes its place.
                let mut drafts: Vec<DraftEntry> = nood
                    .into_iter()
                    .map(|n| DraftEntry {
                        gewijzigd: when(
                            std::fs::metadata(&n.path)
                                .and_then(|m| m.modified())
                                .unwrap_or(std::time::SystemTime::UNIX_EPOCH),
                        ),
                        id: n.session.id,
                        klant: n.session.klant,
                        datum: n.session.datum.format("%-d-%-m-%Y").to_string(),
                        noodkopie: Some(n.path),
                    })
                    .collect();
                for d in list {
                    if drafts.iter().any(|n| n.id == d.id) {
                        continue;
                    }
                    drafts.push(DraftEntry {
                        id: d.id,
                        klant: d.klant,
                        datum: d.datum.format("%-d-%-m-%Y").to_string(),
                        gewijzigd: when(d.gewijzigd),
                        noodkopie: None,
                    });
                }
                Some(Action::DraftsLoaded {
                    drafts,
                    problems: problems.iter().map(ToString::to_string).collect(),
                })
            }
            Effect::CreateSession(profiel) => {
                let id = new_id();
                self.lock = self.drafts.lock(&id).ok();
                self.log(&LogEvent::GesprekGestart { sessie: &id });
                // The chosen profile's rules give the proposed dates; without profiles,
                // the one gemeente in use.
                let gemeente = match &profiel {
                    Some(naam) => app
                        .profielen
                        .iter()
                        .find(|p| &p.naam == naam)
                        .map_or(&app.basis_gemeente, |p| &p.gemeente),
                    None if app.profielen.is_empty() => &app.gemeente,
                    None => &app.basis_gemeente,
                };
                let mut s = crate::app::gesprek::nieuw(
                    &self.paths,
                    id,
                    app.today,
                    &app.intake.id,
                    gemeente,
                );
                s.gemeente = profiel;
                self.opened = Instant::now();
                Some(Action::SessionLoaded(Box::new(s)))
            }
            Effect::LoadDraft(id) => {
                // From a newer release: shown read-only, never opened for editing, so
                // its fields this release does not know are never dropped by a save.
                if let Some((versie, text)) = self.drafts.read_newer(&id) {
                    let notice = crate::store::drafts::nieuwer(versie);
                    return Some(Action::PlanLoaded(
                        "Alleen lezen: gemaakt met een nieuwere versie".to_string(),
                        format!("Dit {notice}\n\n{text}"),
                    ));
                }
                let lock = match self.drafts.lock_or_say(&id) {
                    Ok(lock) => lock,
                    Err(msg) => return Some(Action::LoadFailed(msg)),
                };
                let nood = app
                    .start
                    .drafts
                    .iter()
                    .find(|d| d.id == id)
                    .and_then(|d| d.noodkopie.clone());
                let loaded = match &nood {
                    Some(path) => load_session(path),
                    None => self.drafts.load(&id),
                };
                match loaded {
                    Ok(s) => {
                        // Back into the drafts folder; the emergency copy goes only once
                        // the draft is safely there.
                        if let Some(path) = &nood
                            && self.drafts.save(&s).is_ok()
                        {
                            let _ = self.emergency.remove(path);
                        }
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
                let entry = app.start.drafts.iter().find(|d| d.id == id);
                let klant = entry.map(|d| d.klant.clone()).unwrap_or_default();
                let removed = match entry.and_then(|d| d.noodkopie.as_ref()) {
                    Some(path) => self.emergency.remove(path),
                    // Refused while another window holds the draft.
                    None => self.drafts.remove(&id),
                };
                match removed {
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
                // Every key: replace the draft without waiting for the disk. Every
                // DURABLE_EVERY: have the syncer thread wait for the disk on that file.
                // A failed save leaves an emergency copy in the temp folder.
                let mut result = self.drafts.save_with(&app.session, false).map_err(|e| {
                    let (why, copy) = self.rescue(&e, &app.session);
                    match copy {
                        Some(_) => format!(
                            "{why} Een noodkopie staat in {}.",
                            self.emergency.dir().display()
                        ),
                        None => format!("{why} Ook een noodkopie lukte niet."),
                    }
                });
                let due = self
                    .last_durable
                    .is_none_or(|t| t.elapsed() >= DURABLE_EVERY);
                if due && result.is_ok() {
                    self.last_durable = Some(Instant::now());
                    if let Some(done) = self.syncer.request(self.drafts.draft_path(&app.session.id))
                    {
                        result = done;
                    }
                }
                // A sync that failed in the background is shown like a failed save.
                if let Some(Err(e)) = self.syncer.poll()
                    && result.is_ok()
                {
                    result = Err(e);
                }
                // Saved again after a failure: the emergency copy has done its work.
                if result.is_ok() && app.save_error.is_some() {
                    let _ = self.drafts.save(&app.session).and_then(|()| {
                        let path = self
                            .emergency
                            .dir()
                            .join(format!("{}.ron", files::sanitize(&app.session.id)));
                        self.emergency.remove(&path)
                    });
                }
                // Only report changes of state, not every successful keystroke.
                (result.is_err() || app.save_error.is_some()).then_some(Action::Saved(result))
            }
            Effect::Export(set) => Some(Action::Exported(crate::app::export::write(
                &self.paths,
                &set,
            ))),
            Effect::Kopieer { stem, tekst } => Some(Action::Gekopieerd(
                match crate::store::clipboard::copy(&tekst) {
                    Ok(()) => Ok(None),
                    // No clipboard: the text goes to a file, never lost.
                    Err(reden) => files::write_new_set(
                        &self.paths.output,
                        &stem,
                        &[("txt", tekst.as_bytes())],
                    )
                    .map(|written| written.into_iter().next().map(|p| (reden, p)))
                    .map_err(|e| files::describe_io_error(&e, &self.paths.output)),
                },
            )),
            Effect::ListClients => {
                // What a killed export left (a partial set, staging folders) is rolled
                // back before the folder is read; the draft of that gesprek still exists.
                files::recover(&self.paths.output);
                files::recover(&self.paths.drafts);
                let (newest, problems) = sessions::overview(&self.paths.output);
                let planned: Vec<Gepland> = newest
                    .iter()
                    .map(|(_, s)| Gepland {
                        id: s.id.clone(),
                        klant: s.klant.clone(),
                        volgend_contact: s.volgend_contact,
                    })
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
                            gemeente: s.gemeente.clone(),
                            datum: s.datum,
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
                let limit = crate::store::assets::MAX_DATA_FILE;
                let read = |p: &Path| {
                    crate::store::lezen::read_regular(p, limit)
                        .map(|b| String::from_utf8_lossy(&b).into_owned())
                        .map_err(|e| e.melding(p, limit))
                };
                match plan.map(|p| (read(&p), p)) {
                    Some((Ok(text), p)) => Some(Action::PlanLoaded(
                        p.file_name()?.to_string_lossy().into_owned(),
                        text,
                    )),
                    Some((Err(e), _)) => Some(Action::LoadFailed(e)),
                    None => Some(Action::LoadFailed(format!(
                        "Naast {name} staat geen plan (.md of .txt); maak het opnieuw met `meedoen plan`."
                    ))),
                }
            }
            Effect::StartVervolg(path) => match load_session(&path) {
                Ok(prev) => {
                    let id = new_id();
                    self.lock = self.drafts.lock(&id).ok();
                    // The dates follow the rules of the gemeente of the previous plan.
                    let gemeente = if prev.gemeente.is_none() && app.profielen.is_empty() {
                        &app.gemeente
                    } else {
                        crate::app::gesprek::gemeente_voor(
                            &app.profielen,
                            &app.basis_gemeente,
                            &prev,
                        )
                        .0
                    };
                    let s = vervolg::start_vervolg(&prev, id, app.today, &app.vervolg.id, gemeente);
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
            Effect::SavePrefs => {
                let formaten = crate::store::prefs::Prefs::with_formats(&app.formats).formaten;
                crate::store::prefs::update(&self.paths.data, |p| p.formaten = formaten)
                    .err()
                    .map(|e| {
                        Action::LoadFailed(format!(
                            "De gekozen formaten zijn niet onthouden: {}",
                            files::describe_io_error(&e, &self.paths.data)
                        ))
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
                let result = crate::store::trainer::write_all(&self.paths, &stem, &set, overzicht);
                Some(Action::TrainerOpgeslagen {
                    result,
                    ronde,
                    stoppen,
                })
            }
            Effect::Quit => {
                if app.screen == Screen::Gesprek
                    && !app.session.oefenen
                    && let Err(e) = self.drafts.save(&app.session)
                {
                    let (melding, noodkopie) = self.rescue(&e, &app.session);
                    return Some(Action::QuitBlocked {
                        melding,
                        noodkopie,
                        mappen: self.elsewhere(),
                    });
                }
                // A gesprek whose plan was saved and not changed since needs no draft:
                // the saved session beside the plan is the record.
                if app.screen == Screen::Gesprek
                    && !app.exported.is_empty()
                    && !app.changed_since_export
                {
                    self.forget_draft(app);
                }
                Some(Action::Afsluiten)
            }
            Effect::SaveElsewhere(dir) => Some(Action::SavedElsewhere(
                self.emergency
                    .save_in(&dir, &app.session)
                    .map_err(|e| files::describe_io_error(&e, &dir)),
            )),
            Effect::Catalogus(w) => {
                Some(Action::CatalogusGewijzigd(crate::app::catalogus::wijzig(
                    &self.paths.config,
                    &w,
                    &app.catalogus_onder,
                    &app.data.taxonomy,
                )))
            }
            Effect::OptieConcept(tekst) => {
                optie_concept::bewaar(&self.paths.data, tekst.as_deref());
                None
            }
            Effect::Taxonomie {
                soort,
                entry,
                nieuw,
            } => Some(Action::TaxonomieGewijzigd(
                crate::app::catalogus::nieuwe_term(
                    &self.paths.config,
                    soort,
                    &entry,
                    nieuw,
                    &app.data.taxonomy,
                ),
            )),
            Effect::TermConcept(tekst) => {
                optie_concept::bewaar_term(&self.paths.data, tekst.as_deref());
                None
            }
            Effect::ListVerlopen => self.list_verlopen(app),
            Effect::WisVerlopen(i) => self.wis_verlopen(i),
            Effect::CopyToClipboard => Some(Action::Copied(crate::store::clipboard::copy(
                &clipboard_text(&app.session),
            ))),
        }
    }
}

/// Runs an action through `update` and performs the effects, feeding results back in.
pub fn dispatch(app: &mut App, runner: &mut Runner, action: Action) {
    let mut queue = std::collections::VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(app, action) {
            if let Some(result) = runner.perform(effect, app) {
                queue.push_back(result);
            }
        }
    }
}

/// Turns one terminal event into an action.
fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => map_key(app, key),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// The event loop. Blocks on input (no busy loop: zero CPU while the consultant talks).
pub fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runner: &mut Runner,
) -> io::Result<()> {
    for effect in [
        Effect::ListDrafts,
        Effect::ListClients,
        Effect::ListVerlopen,
    ] {
        if let Some(a) = runner.perform(effect, app) {
            dispatch(app, runner, a);
        }
    }
    let stop = stop_signals();
    if let Ok(size) = terminal.size() {
        dispatch(
            app,
            runner,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
    }
    let mut glue = Glue::default();
    let mut last_tick = Instant::now();
    while !app.quit {
        terminal.draw(|f| view(app, f))?;
        // Wake now and then to see whether a SIGTERM or SIGHUP came in; a closed
        // terminal cannot be asked anything, so the draft is saved and the app goes.
        while !event::poll(SIGNAL_CHECK)? {
            if stop.load(std::sync::atomic::Ordering::Relaxed) {
                app.afscheid = runner.save_before_exit(app);
                return Ok(());
            }
            // While a round runs, the countdown is redrawn once a second; otherwise the
            // screen stays as it is (no work while the consultant talks).
            if super::klas::resterend(app).is_some() && last_tick.elapsed() >= TICK {
                last_tick = Instant::now();
                dispatch(app, runner, Action::Tick(runner.verstreken()));
                terminal.draw(|f| view(app, f))?;
            }
        }
        let mut next = Some(event::read()?);
        // Handle everything already waiting before drawing again, so a burst of keys
        // (fast typing, a paste without bracketed paste) costs one frame.
        while let Some(ev) = next {
            let events = match ev {
                // An Esc may be the first piece of a key whose rest is still on its way.
                Event::Key(key) => match glue.push(key) {
                    Step::Keys(keys) => keys.into_iter().map(Event::Key).collect(),
                    Step::Wait => Vec::new(),
                },
                other => {
                    let mut evs: Vec<Event> = glue.flush().into_iter().map(Event::Key).collect();
                    evs.push(other);
                    evs
                }
            };
            for ev in events {
                if let Some(a) = action_for(app, ev) {
                    app.verstreken = runner.verstreken();
                    dispatch(app, runner, a);
                }
                if app.quit {
                    break;
                }
            }
            if app.quit {
                break;
            }
            let wait = if glue.pending() {
                GLUE_WAIT
            } else {
                Duration::ZERO
            };
            next = if event::poll(wait)? {
                Some(event::read()?)
            } else {
                for key in glue.flush() {
                    if let Some(a) = map_key(app, key) {
                        app.verstreken = runner.verstreken();
                        dispatch(app, runner, a);
                    }
                }
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
    let mut afscheid = None;
    let result = load().and_then(|(mut app, paths)| {
        let mut runner = Runner::new(paths);
        let looped = event_loop(&mut terminal, &mut app, &mut runner);
        if looped.is_err() {
            // The terminal failed (closed, gone): the words must still reach a disk.
            app.afscheid = runner.save_before_exit(&app);
        }
        afscheid = app.afscheid.take();
        looped.map_err(anyhow::Error::from)
    });
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = io::stdout().flush();
    if let Some(text) = afscheid {
        eprintln!("{text}");
    }
    result
}
