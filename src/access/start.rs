//! The accessible mode's start menu: a new gesprek, a draft to continue, or a
//! vervolggesprek with a client whose plan was saved before. The same choices as the
//! start screen of the full-screen app, as one numbered list.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use super::prompt::{Ask, Console, Stop};
use crate::core::data::Data;
use crate::core::datum::in_words;
use crate::core::gemeente::Gemeente;
use crate::core::oefen::{self, Oefenklanten};
use crate::core::script::Script;
use crate::core::session::Session;
use crate::core::vervolg;
use crate::store::drafts::{DraftLock, DraftSummary, Drafts, new_id};

/// What the menu can start from besides a new gesprek.
pub(crate) struct Keuzes<'a> {
    pub drafts: &'a Drafts,
    /// Emergency copies of gesprekken whose draft could not be saved, offered first.
    pub nood: &'a crate::store::emergency::Emergency,
    pub data: &'a Data,
    pub vervolg: &'a Script,
    pub gemeente: &'a Gemeente,
    /// The folders, for the consultant's name remembered from the last saved plan.
    pub paths: &'a crate::store::paths::Paths,
    /// Gemeente profiles, for a practice working for several gemeenten.
    pub profielen: &'a [crate::app::bundle::Profiel],
    /// Each client's newest saved gesprek, for a vervolggesprek.
    pub klanten: Vec<(PathBuf, Session)>,
    pub today: NaiveDate,
    /// In practice mode (`meedoen oefenen`), the demo clients; only they are offered, so
    /// no real client's name appears on a projected screen.
    pub oefenklanten: Option<&'a Oefenklanten>,
    /// The last plan of a client as plain text, for `lees N`: rendered from the saved
    /// session by the caller, who holds the templates and the gemeente settings.
    pub lees_plan: &'a dyn Fn(&Session) -> String,
}

/// What was typed at the menu.
enum Menu {
    Kies(usize),
    Lees(usize),
}

/// One line of the menu.
enum Regel<'k> {
    Nieuw,
    Noodkopie(&'k crate::store::emergency::Noodkopie),
    Concept(&'k DraftSummary),
    Vervolg(&'k Session),
}

/// Asks what to start and returns the session, with the lock on its draft.
pub(crate) fn start(con: &mut Console, k: &Keuzes) -> Ask<(Session, Option<DraftLock>)> {
    if let Some(oefenklanten) = k.oefenklanten {
        return start_oefenen(con, k, oefenklanten);
    }
    let (drafts, problems) = k.drafts.list();
    let (nood, nood_problems) = k.nood.list();
    for p in problems.iter().chain(&nood_problems) {
        con.say(&format!(
            "Let op: een concept kan niet worden gelezen en blijft staan: {p}"
        ))?;
    }
    // An emergency copy is newer than a draft with the same id (it was written because
    // that draft could not be), so it takes the draft's place, as on the start screen.
    let regels: Vec<Regel> = std::iter::once(Regel::Nieuw)
        .chain(nood.iter().map(Regel::Noodkopie))
        .chain(
            drafts
                .iter()
                .filter(|d| !nood.iter().any(|n| n.session.id == d.id))
                .map(Regel::Concept),
        )
        .chain(k.klanten.iter().map(|(_, s)| Regel::Vervolg(s)))
        .collect();
    loop {
        let choice = if regels.len() == 1 {
            0
        } else {
            con.say("Kies een gesprek:")?;
            for (i, regel) in regels.iter().enumerate() {
                con.say(&format!("{}. {}", i + 1, label(regel, k.today)))?;
            }
            let n = regels.len();
            let heeft_plannen = !k.klanten.is_empty();
            let prompt = if heeft_plannen {
                "Typ het nummer van een gesprek. Typ lees en een nummer om het laatste plan van een klant te horen:"
            } else {
                "Typ het nummer van een gesprek:"
            };
            let keuze = con.ask_valid(prompt, |t| {
                let (lees, nummer) = match t.to_lowercase().strip_prefix("lees") {
                    Some(rest) => (true, rest.trim().to_string()),
                    None => (false, t.to_string()),
                };
                match nummer.parse::<usize>() {
                    Ok(i) if (1..=n).contains(&i) && !lees => Ok(Menu::Kies(i - 1)),
                    Ok(i) if lees && matches!(regels.get(i - 1), Some(Regel::Vervolg(_))) => {
                        Ok(Menu::Lees(i - 1))
                    }
                    _ if lees => Err("Typ lees en het nummer van een vervolggesprek.".to_string()),
                    _ => Err(format!("Typ een nummer van 1 tot en met {n}.")),
                }
            });
            match keuze {
                Err(Stop::Back) => continue,
                Ok(Menu::Lees(i)) => {
                    if let Regel::Vervolg(s) = regels[i] {
                        con.say(&format!("Het laatste plan van {}:", s.klant))?;
                        con.say(&(k.lees_plan)(s))?;
                        con.say("Einde van het plan.")?;
                    }
                    continue;
                }
                Ok(Menu::Kies(i)) => i,
                Err(e) => return Err(e),
            }
        };
        match regels[choice] {
            Regel::Nieuw => {
                con.say("Nieuw gesprek.")?;
                let profiel = super::profiel::kies(con, k.profielen, &k.klanten)?;
                let gemeente = profiel.map_or(k.gemeente, |p| &p.gemeente);
                let id = new_id();
                let lock = k.drafts.lock(&id).ok();
                let mut session =
                    crate::app::gesprek::nieuw(k.paths, id, k.today, &k.data.script.id, gemeente);
                session.gemeente = profiel.map(|p| p.naam.clone());
                return Ok((session, lock));
            }
            Regel::Concept(d) => {
                let lock = match k.drafts.lock_or_say(&d.id) {
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
            Regel::Noodkopie(n) => {
                let lock = match k.drafts.lock_or_say(&n.session.id) {
                    Ok(lock) => lock,
                    Err(msg) => {
                        con.say(&msg)?;
                        continue;
                    }
                };
                // Back into the drafts folder; the emergency copy goes only once the
                // draft is safely there.
                match k.drafts.save(&n.session) {
                    Ok(()) => {
                        let _ = k.nood.remove(&n.path);
                        con.say(&format!(
                            "Verder met het gesprek met {}; de noodkopie staat weer bij de concepten.",
                            n.session.klant
                        ))?;
                    }
                    Err(e) => con.say(&format!(
                        "Verder met het gesprek met {}. De noodkopie blijft staan in {}, want opslaan bij de concepten lukt nog niet ({e}).",
                        n.session.klant,
                        n.path.display()
                    ))?,
                }
                return Ok((n.session.clone(), Some(lock)));
            }
            Regel::Vervolg(vorige) => {
                let id = new_id();
                let lock = k.drafts.lock(&id).ok();
                // The rules of the gemeente the previous plan was made under.
                let (gemeente, _) =
                    crate::app::gesprek::gemeente_voor(k.profielen, k.gemeente, vorige);
                let session = vervolg::start_vervolg(vorige, id, k.today, &k.vervolg.id, gemeente);
                con.say(&format!(
                    "Vervolggesprek met {}; dit wordt versie {} van het plan van aanpak. Eerst loopt u de afspraken van {} na.",
                    session.klant,
                    session.plan_versie,
                    in_words(vorige.datum)
                ))?;
                return Ok((session, lock));
            }
        }
    }
}

/// Practice: a new gesprek with one of the demo clients.
fn start_oefenen(
    con: &mut Console,
    k: &Keuzes,
    oefenklanten: &Oefenklanten,
) -> Ask<(Session, Option<DraftLock>)> {
    if oefenklanten.klanten.is_empty() {
        con.say("Er zijn geen oefenklanten. Zet ze in oefenklanten.ron in de instellingenmap.")?;
        return Err(Stop::Quit);
    }
    con.say("Oefenen met een fictieve klant. Kies een oefenklant:")?;
    for (i, klant) in oefenklanten.klanten.iter().enumerate() {
        con.say(&format!("{}. {}: {}", i + 1, klant.naam, klant.achtergrond))?;
    }
    let choice = loop {
        match con.choose("Typ een nummer:", oefenklanten.klanten.len()) {
            Err(Stop::Back) => continue,
            other => break other?,
        }
    };
    let klant = &oefenklanten.klanten[choice];
    let session = oefen::oefensessie(klant, new_id(), k.today, &k.data.script.id);
    con.say(&format!(
        "Oefengesprek met {}. Typ bij elke vraag antwoord om te horen wat de oefenklant zegt, uitleg voor de technieken, of turf om te turven. Een oefengesprek wordt niet bewaard.",
        klant.naam
    ))?;
    // Nothing is stored, so there is no draft to hold.
    Ok((session, None))
}

fn label(regel: &Regel, today: NaiveDate) -> String {
    match regel {
        Regel::Nieuw => "Nieuw gesprek".to_string(),
        Regel::Noodkopie(n) => format!(
            "Noodkopie van het gesprek met {} (gesprek van {}): opslaan lukte eerder niet",
            n.session.klant,
            in_words(n.session.datum)
        ),
        Regel::Concept(d) => {
            let gewijzigd = chrono::DateTime::<Local>::from(d.gewijzigd).format("%-d-%-m %H:%M");
            format!(
                "Verder met {} (gesprek van {}, laatst bewaard {gewijzigd})",
                d.klant,
                in_words(d.datum),
            )
        }
        Regel::Vervolg(s) => {
            // Overdue or due soon is said, as the start screen shows it with a sign.
            let wanneer = vervolg::Gepland::from_session(s)
                .and_then(|g| vervolg::due(&[g], today).into_iter().next())
                .map(|o| format!(", {}", o.wanneer.label()))
                .unwrap_or_default();
            let volgend = s
                .volgend_contact
                .map(|d| format!(", volgend contact {}{wanneer}", in_words(d)))
                .unwrap_or_default();
            format!(
                "Vervolggesprek met {} (plan {} van {}{volgend})",
                s.klant,
                s.plan_versie,
                in_words(s.datum),
            )
        }
    }
}
