//! Saving in the line mode when the drafts folder fails. Every answer is saved at once;
//! when that fails, an emergency copy goes to the temp folder, and stopping asks what to
//! do with the text (try again, another folder, the clipboard, go on, or lose it after a
//! typed confirmation). When the input has ended and nothing can be asked, the whole
//! gesprek is printed, so it is never only in memory when the program ends.

use std::path::PathBuf;

use super::Gesprek;
use super::prompt::{Console, Stop};
use crate::store::{clipboard, files};

/// What stopping came to.
pub(crate) enum Afloop {
    /// The text is safe (or the consultant chose to lose it): the program may end.
    Stoppen,
    /// Back to the gesprek, on the same page.
    Doorgaan,
}

/// The choices, in the order they are numbered.
const KEUZES: [&str; 5] = [
    "Opnieuw proberen op te slaan",
    "In een andere map opslaan",
    "De tekst naar het klembord kopiëren",
    "Terug naar het gesprek",
    "Stoppen zonder opslaan (wat niet is opgeslagen gaat verloren)",
];

/// The word to type to lose the text: a whole word, so no stray key does it.
const VERLIEZEN: &str = "verliezen";

impl Gesprek {
    /// Writes the emergency copy after a failed save; where it went, if it worked.
    pub(super) fn rescue(&self) -> Option<PathBuf> {
        self.nood.save(&self.session).ok()
    }

    /// After a successful save: the emergency copy of this gesprek is no longer needed.
    pub(super) fn drop_rescue(&self) {
        let path = self
            .nood
            .dir()
            .join(format!("{}.ron", files::sanitize(&self.session.id)));
        let _ = self.nood.remove(&path);
    }

    /// Stopping while the last save failed: `eof` when nothing more can be read.
    pub(super) fn stop_unsaved(
        &mut self,
        con: &mut Console,
        why: &str,
        eof: bool,
    ) -> anyhow::Result<Afloop> {
        let mut eof = eof;
        loop {
            let nood = self.rescue();
            let why = self.save_failed.clone().unwrap_or_else(|| why.to_string());
            con.blank()?;
            con.say(&format!("Let op: het gesprek is niet opgeslagen. {why}"))?;
            if let Some(p) = &nood {
                con.say(&format!(
                    "Een noodkopie staat in {}; die map kan tijdelijk zijn.",
                    p.display()
                ))?;
            }
            if eof {
                return self.print_everything(con, nood.is_some());
            }
            for (i, k) in KEUZES.iter().enumerate() {
                con.say(&format!("{}. {k}", i + 1))?;
            }
            let choice = match con.choose("Wat wilt u doen? Typ een nummer.", KEUZES.len()) {
                Ok(n) => n,
                Err(Stop::Eof) => {
                    eof = true;
                    continue;
                }
                Err(Stop::Io(e)) => return Err(e.into()),
                Err(Stop::Back) => return Ok(Afloop::Doorgaan),
                Err(Stop::GoTo(_)) => return Ok(Afloop::Doorgaan),
                Err(Stop::Wijzig) => continue,
                Err(Stop::Quit) => continue,
            };
            match choice {
                0 => {
                    self.save(con)?;
                    if self.save_failed.is_none() {
                        con.say(&format!(
                            "Het gesprek is bewaard als concept in {}.",
                            self.drafts.dir().display()
                        ))?;
                        return Ok(Afloop::Stoppen);
                    }
                }
                1 => {
                    let dir = match con.ask("Typ de map waarin het gesprek moet komen:") {
                        Ok(d) => d,
                        Err(Stop::Eof) => {
                            eof = true;
                            continue;
                        }
                        Err(Stop::Io(e)) => return Err(e.into()),
                        Err(_) => continue,
                    };
                    let dir = PathBuf::from(dir.trim());
                    match self.nood.save_in(&dir, &self.session) {
                        Ok(path) => {
                            con.say(&format!(
                                "Het gesprek is opgeslagen in {}. Zet het bestand terug in de map met concepten om verder te gaan.",
                                path.display()
                            ))?;
                            return Ok(Afloop::Stoppen);
                        }
                        Err(e) => con.say(&files::describe_io_error(&e, &dir))?,
                    }
                }
                2 => match clipboard::copy(&crate::store::emergency::clipboard_text(&self.session))
                {
                    Ok(()) => {
                        con.say("Het gesprek staat op het klembord. Plak het nu in een document en sla dat op.")?;
                        return Ok(Afloop::Stoppen);
                    }
                    Err(msg) => con.say(&msg)?,
                },
                3 => return Ok(Afloop::Doorgaan),
                _ => {
                    let typed = con.ask(&format!(
                        "Alles wat niet is opgeslagen gaat verloren. Typ {VERLIEZEN} en Enter om toch te stoppen; iets anders gaat terug."
                    ));
                    match typed {
                        Ok(t) if t.trim().eq_ignore_ascii_case(VERLIEZEN) => {
                            con.say("Gestopt zonder opslaan.")?;
                            return Ok(Afloop::Stoppen);
                        }
                        Err(Stop::Eof) => eof = true,
                        Err(Stop::Io(e)) => return Err(e.into()),
                        _ => {}
                    }
                }
            }
        }
    }

    /// The input has ended and the gesprek is not in the drafts folder: print it whole,
    /// so the consultant can keep it, and end with an error exit code.
    fn print_everything(&self, con: &mut Console, nood: bool) -> anyhow::Result<Afloop> {
        if !nood {
            con.say("Ook een noodkopie lukte niet. Hieronder staat het hele gesprek; bewaar deze tekst:")?;
            con.say(&crate::store::emergency::clipboard_text(&self.session))?;
        }
        anyhow::bail!("het concept kon niet in de map met concepten worden opgeslagen")
    }
}
