//! The runner's rescue paths: what happens when the drafts folder cannot be written
//! (the emergency copy, the folders offered for "save elsewhere", the clipboard text)
//! and when the app must go without asking (SIGTERM, SIGHUP, a terminal that failed).

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::super::app::{App, Screen};
use super::Runner;
use crate::core::session::Session;
use crate::store::files;

impl Runner {
    /// After a failed draft save: writes the emergency copy and says both what failed
    /// and where the copy is (or that it failed too).
    pub(super) fn rescue(&self, e: &io::Error, session: &Session) -> (String, Option<PathBuf>) {
        let why = files::describe_io_error(e, self.drafts.dir());
        match self.emergency.save(session) {
            Ok(path) => (
                format!(
                    "{why} Een noodkopie staat in {}.",
                    self.emergency.dir().display()
                ),
                Some(path),
            ),
            Err(_) => (format!("{why} Ook een noodkopie lukte niet."), None),
        }
    }

    /// Folders offered for "save elsewhere": the emergency folder, the plans folder,
    /// and the user's desktop, documents and home folder, each once.
    pub(super) fn elsewhere(&self) -> Vec<PathBuf> {
        let mut v = vec![
            self.emergency.dir().to_path_buf(),
            self.paths.output.clone(),
        ];
        if let Some(u) = directories::UserDirs::new() {
            v.extend(u.desktop_dir().map(Path::to_path_buf));
            v.extend(u.document_dir().map(Path::to_path_buf));
            v.push(u.home_dir().to_path_buf());
        }
        let mut seen = Vec::new();
        v.retain(|p| {
            let new = !seen.contains(p);
            seen.push(p.clone());
            new
        });
        v
    }
}

/// How often the event loop looks for a stop signal while no key comes in.
pub(super) const SIGNAL_CHECK: Duration = Duration::from_millis(300);

/// A flag raised by SIGTERM or SIGHUP (unix). Windows has neither; a closed console
/// window there ends the process, and the draft on disk is what every key left.
pub(super) fn stop_signals() -> std::sync::Arc<std::sync::atomic::AtomicBool> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&flag));
    }
    flag
}

impl Runner {
    /// Removes the open gesprek's draft (and its lock).
    pub(super) fn forget_draft(&mut self, app: &App) {
        let _ = match &self.lock {
            Some(lock) => self.drafts.remove_held(lock),
            None => self.drafts.remove(&app.session.id),
        };
    }

    /// Saves the draft when the app must go without asking (a stop signal); what to tell
    /// the consultant afterwards when it could not be saved in the drafts folder.
    pub fn save_before_exit(&mut self, app: &App) -> Option<String> {
        if app.screen != Screen::Gesprek || app.session.oefenen {
            return None;
        }
        // Saved as a plan and not changed since: the session beside the plan is the
        // record, and a draft left behind would offer the gesprek again at the next start.
        if !app.exported.is_empty() && !app.changed_since_export {
            self.forget_draft(app);
            return None;
        }
        let e = self.drafts.save(&app.session).err()?;
        Some(match self.rescue(&e, &app.session) {
            (why, Some(copy)) => format!("{why} Een noodkopie staat in {}.", copy.display()),
            (why, None) => format!("{why} Ook een noodkopie lukte niet."),
        })
    }
}
