//! The accessible mode's start menu: a new gesprek, a draft to continue, or a
//! vervolggesprek with a client whose plan was saved before. The same choices as the
//! start screen of the full-screen app, as one numbered list.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use super::prompt::{Ask, Console, Stop};
use crate::core::data::Data;
use crate::core::gemeente::Gemeente;
use crate::core::script::Script;
use crate::core::session::Session;
use crate::core::vervolg;
use crate::store::drafts::{DraftLock, DraftSummary, Drafts, new_id};
use crate::tui::editor::format_date;

/// What the menu can start from besides a new gesprek.
pub(crate) struct Keuzes<'a> {
    pub drafts: &'a Drafts,
    pub data: &'a Data,
    pub vervolg: &'a Script,
    pub gemeente: &'a Gemeente,
    /// Each client's newest saved gesprek, for a vervolggesprek.
    pub klanten: Vec<(PathBuf, Session)>,
    pub today: NaiveDate,
}

/// One line of the menu.
enum Regel<'k> {
    Nieuw,
    Concept(&'k DraftSummary),
    Vervolg(&'k Session),
}

/// Asks what to start and returns the session, with the lock on its draft.
pub(crate) fn start(con: &mut Console, k: &Keuzes) -> Ask<(Session, Option<DraftLock>)> {
    let (drafts, problems) = k.drafts.list();
    for p in &problems {
        con.say(&format!(
            "Let op: een concept kan niet worden gelezen en blijft staan: {p}"
        ))?;
    }
    let regels: Vec<Regel> = std::iter::once(Regel::Nieuw)
        .chain(drafts.iter().map(Regel::Concept))
        .chain(k.klanten.iter().map(|(_, s)| Regel::Vervolg(s)))
        .collect();
    loop {
        let choice = if regels.len() == 1 {
            0
        } else {
            con.say("Kies een gesprek:")?;
            for (i, regel) in regels.iter().enumerate() {
                con.say(&format!("{}. {}", i + 1, label(regel)))?;
            }
            match con.choose("Typ een nummer:", regels.len()) {
                Err(Stop::Back) => continue,
                other => other?,
            }
        };
        match regels[choice] {
            Regel::Nieuw => {
                con.say("Nieuw gesprek.")?;
                let id = new_id();
                let lock = k.drafts.lock(&id).ok();
                let session =
                    crate::tui::run::new_session(id, k.today, &k.data.script.id, k.gemeente);
                return Ok((session, lock));
            }
            Regel::Concept(d) => {
                let lock = match k.drafts.lock(&d.id) {
                    Ok(lock) => lock,
                    Err(msg) => {
                        con.say(&msg)?;
                        continue;
                    }
                };
                match k.drafts.load(&d.id) {
                    Ok(session) => {
                        con.say(&format!("Verder met het gesprek met {}.", session.klant))?;
                        return Ok((session, Some(lock)));
                    }
                    Err(p) => con.say(&format!(
                        "Dit concept kan niet worden geopend ({p}). Het bestand blijft staan."
                    ))?,
                }
            }
            Regel::Vervolg(vorige) => {
                let id = new_id();
                let lock = k.drafts.lock(&id).ok();
                let session = vervolg::start_vervolg(vorige, id, k.today, &k.vervolg.id);
                con.say(&format!(
                    "Vervolggesprek met {}; dit wordt versie {} van het plan van aanpak. Eerst loopt u de afspraken van {} na.",
                    session.klant,
                    session.plan_versie,
                    format_date(vorige.datum)
                ))?;
                return Ok((session, lock));
            }
        }
    }
}

fn label(regel: &Regel) -> String {
    match regel {
        Regel::Nieuw => "Nieuw gesprek".to_string(),
        Regel::Concept(d) => {
            let gewijzigd = chrono::DateTime::<Local>::from(d.gewijzigd).format("%-d-%-m %H:%M");
            format!(
                "Verder met {} (gesprek van {}, laatst bewaard {gewijzigd})",
                d.klant,
                format_date(d.datum),
            )
        }
        Regel::Vervolg(s) => {
            let volgend = s
                .volgend_contact
                .map(|d| format!(", volgend contact {}", format_date(d)))
                .unwrap_or_default();
            format!(
                "Vervolggesprek met {} (plan {} van {}{volgend})",
                s.klant,
                s.plan_versie,
                format_date(s.datum),
            )
        }
    }
}
