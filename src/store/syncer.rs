//! Waits for the disk off the UI thread. Autosave writes the draft after every key
//! without waiting for the disk (a killed process then loses at most that key); every
//! few seconds the draft must also survive a power cut, which means `fsync`, and on a
//! laptop's disk that takes 5–50 ms: a visible stall in typing when done in the event
//! loop. This thread does it instead.
//!
//! It syncs the file the quick write left behind rather than writing the session again:
//! a second writer with an older copy could otherwise put older text back on disk after
//! a newer key was saved. Requests for the same file coalesce; the outcome of the last
//! sync is handed back so a failing disk is still shown to the consultant.

use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

/// The background syncer. Dropping it lets the thread finish its last request and end.
pub struct Syncer {
    requests: Option<Sender<PathBuf>>,
    results: Receiver<(PathBuf, Result<(), String>)>,
    thread: Option<JoinHandle<()>>,
}

/// Makes an existing file and its name durable: the data with `fsync`, the name (after
/// the rename of an atomic write) by syncing its folder.
pub fn sync_existing(path: &Path) -> io::Result<()> {
    // Windows flushes only through a handle with write access; nothing is written.
    let file = OpenOptions::new().write(true).open(path)?;
    file.sync_all()?;
    if let Some(dir) = path.parent() {
        super::files::sync_dir(dir);
    }
    Ok(())
}

impl Syncer {
    pub fn new() -> Syncer {
        let (requests, inbox) = mpsc::channel::<PathBuf>();
        let (outbox, results) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("meedoen-sync".into())
            .spawn(move || {
                while let Ok(mut path) = inbox.recv() {
                    // Only the newest request matters: the file holds the newest text.
                    while let Ok(newer) = inbox.try_recv() {
                        path = newer;
                    }
                    let result = sync_existing(&path)
                        .map_err(|e| super::files::describe_io_error(&e, &path));
                    if outbox.send((path, result)).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Syncer {
            requests: Some(requests),
            results,
            thread,
        }
    }

    /// Asks for `path` to be made durable; returns at once. Without a thread (the system
    /// refused to start one) the sync happens here, so durability is never skipped.
    pub fn request(&self, path: PathBuf) -> Option<Result<(), String>> {
        let sent = self.thread.is_some()
            && self
                .requests
                .as_ref()
                .is_some_and(|tx| tx.send(path.clone()).is_ok());
        if sent {
            None
        } else {
            Some(sync_existing(&path).map_err(|e| super::files::describe_io_error(&e, &path)))
        }
    }

    /// The outcome of the most recent sync finished since the last call, if any.
    pub fn poll(&self) -> Option<Result<(), String>> {
        self.results.try_iter().last().map(|(_, r)| r)
    }

    /// Waits until every request so far is done; returns the last outcome. For quitting
    /// and for tests.
    pub fn finish(mut self) -> Option<Result<(), String>> {
        self.requests.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.results.try_iter().last().map(|(_, r)| r)
    }
}

impl Default for Syncer {
    fn default() -> Self {
        Syncer::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_requested_file_is_synced_and_the_outcome_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("concept.ron");
        std::fs::write(&path, "(klant: \"AB\")").unwrap();
        let s = Syncer::new();
        assert_eq!(s.request(path.clone()), None);
        assert_eq!(s.finish(), Some(Ok(())));
        // The text is what the quick write left: the syncer never writes.
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(klant: \"AB\")");
    }

    #[test]
    fn a_failing_sync_is_reported_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let s = Syncer::new();
        s.request(dir.path().join("bestaat-niet.ron"));
        let outcome = s.finish().expect("an outcome");
        let msg = outcome.unwrap_err();
        assert!(!msg.is_empty());
    }

    #[test]
    fn poll_returns_nothing_before_a_request() {
        let s = Syncer::new();
        assert_eq!(s.poll(), None);
    }
}
