//! The accessible mode (`meedoen --toegankelijk`): the same gesprek scripts as the TUI
//! (intake and vervolggesprek), as plain sequential prompts. No alternate screen, no
//! cursor movement, no colours and no box drawing: every line is printed once, in order,
//! so NVDA or JAWS reads it as it comes, and the whole gesprek can also be driven through
//! a pipe.
//!
//! The session is autosaved as a draft after every answer, exactly like the TUI does,
//! and both modes read and write the same drafts and plan files, so a consultant can
//! start in one and finish in the other.

mod bewaren;
mod keuze;
mod lijst;
mod notities;
mod opslaan;
mod overzicht;
mod profiel;
mod prompt;
mod start;
mod steps;
mod turven;
mod voorkeur;

use std::io::{self, BufRead, Write};

use chrono::{Local, NaiveDate};

use crate::app::export::{Bron, Tegenhouder};
use crate::app::{Bundle, Instellingen, KeymapCheck};
use crate::core::data::{Data, Source};
use crate::core::oefen::Oefenklant;
use crate::core::plan::{self, Formaat};
use crate::core::session::Session;
use crate::store::drafts::{DraftLock, Drafts};
use crate::store::paths::Paths;
use crate::store::{files, sessions};

pub use prompt::printable;
use prompt::{Console, Stop};

/// Options from the command line.
#[derive(Debug, Clone)]
pub struct AccessOptions {
    /// Folders chosen on the command line (`--uitvoer`, `--instellingen`, `--team`).
    pub instellingen: Instellingen,
    /// Practice with a demo client (`meedoen oefenen`).
    pub oefenen: bool,
    /// A class session (`--klas`, `--deelnemer`), already checked; the line mode
    /// tallies practice but plays no class rounds.
    pub klas: Option<crate::core::klas::KlasOpties>,
    /// The check of `toetsen.ron`, handed in so this mode checks the same files as the
    /// full-screen app without depending on it.
    pub keymap_check: KeymapCheck,
    /// `--kort`: voorbeeldzinnen and valkuilen are not read; remembered for next time.
    pub kort: bool,
}

/// Runs the accessible mode with the platform's folders and today's date.
pub fn run(
    opts: AccessOptions,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    let bundle = Bundle::load(&opts.instellingen, opts.keymap_check).map_err(anyhow::Error::msg)?;
    let today = Local::now().date_naive();
    run_mode(bundle, today, opts.oefenen, opts.kort, input, output)
}

/// Accepts any keymap: the tests of this mode never have one.
fn any_keymap(_: &Source) -> Vec<crate::core::problem::Problem> {
    Vec::new()
}

/// The bundle for explicit folders, as the tests drive it.
fn bundle_in(paths: Paths) -> Bundle {
    let now = Local::now().format("%-d-%-m-%Y %H:%M").to_string();
    Bundle::load_in(paths, None, false, any_keymap, &now)
}

/// Runs the accessible mode with explicit folders and date; this is what tests drive, so
/// they never touch the user's real folders or the process environment.
pub fn run_in(
    paths: Paths,
    today: NaiveDate,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    run_mode(bundle_in(paths), today, false, false, input, output)
}

/// `run_in` with `--kort`.
pub fn run_kort_in(
    paths: Paths,
    today: NaiveDate,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    run_mode(bundle_in(paths), today, false, true, input, output)
}

/// `run_in` for practice with a demo client.
pub fn run_oefenen_in(
    paths: Paths,
    today: NaiveDate,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    run_mode(bundle_in(paths), today, true, false, input, output)
}

fn run_mode(
    bundle: Bundle,
    today: NaiveDate,
    oefenen: bool,
    kort: bool,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut con = Console::new(input, output);
    con.say("meedoen, toegankelijke modus. Typ /hulp en Enter voor hulp, op elk moment.")?;
    let (voorkeur, fout) = voorkeur::lees(&bundle.paths.data);
    if let Some(fout) = fout {
        con.say(&format!("Let op: {fout}"))?;
    }
    con.kort = voorkeur.kort || kort;
    if kort && !voorkeur.kort {
        onthoud_kort(&mut con, &bundle.paths.data)?;
    }
    for m in &bundle.meldingen {
        con.say(&format!("Let op: {m}"))?;
    }
    if let Some(text) = bundle.fallback_text() {
        for line in text.lines() {
            con.say(line)?;
        }
        let go = con.ask_valid(
            "Doorgaan met deze gegevens? Typ ja om door te gaan, of nee om te stoppen.",
            |t| match t.to_lowercase().as_str() {
                "j" | "ja" => Ok(true),
                "n" | "nee" => Ok(false),
                _ => Err("Typ ja of nee.".to_string()),
            },
        );
        match go {
            Ok(true) => {}
            Ok(false) | Err(Stop::Quit | Stop::Eof | Stop::Back | Stop::GoTo(_) | Stop::Wijzig) => {
                con.say("Gestopt. Er is niets veranderd.")?;
                return Ok(());
            }
            Err(Stop::Io(e)) => return Err(e.into()),
        }
    }
    let paths = bundle.paths.clone();
    let drafts = Drafts::new(paths.drafts.clone());
    // Practice offers no real clients, nor names them in a warning on a projected screen.
    // What a killed export left is rolled back first, as in the full-screen app.
    files::recover(&paths.output);
    let (klanten, problems) = if oefenen {
        (Vec::new(), Vec::new())
    } else {
        sessions::list(&paths.output)
    };
    for p in &problems {
        con.say(&format!(
            "Let op: een opgeslagen gesprek kan niet worden gelezen en blijft staan: {p}"
        ))?;
    }
    // The last plan of a client, read as the plain-text plan from its saved session,
    // with that session's script and gemeente.
    let lees_plan = |s: &Session| -> String {
        let (gemeente, _) = bundle.gemeente_voor(s);
        match plan::render_with(
            Formaat::Txt,
            s,
            &bundle.data_for(s),
            &bundle.templates,
            gemeente,
        ) {
            Ok(text) => opslaan::spreekbaar(&text),
            Err(p) => Tegenhouder::Sjabloon(p).melding(),
        }
    };
    let nood = crate::store::emergency::Emergency::new(bundle.paths.nood.clone());
    let keuzes = start::Keuzes {
        drafts: &drafts,
        nood: &nood,
        data: &bundle.data,
        vervolg: &bundle.vervolg,
        gemeente: &bundle.gemeente,
        paths: &bundle.paths,
        profielen: &bundle.profielen,
        klanten: sessions::newest_per_client(klanten),
        today,
        oefenklanten: oefenen.then_some(&bundle.oefenklanten),
        lees_plan: &lees_plan,
    };
    let started = start::start(&mut con, &keuzes);
    let (session, lock) = match started {
        Ok(found) => found,
        Err(Stop::Io(e)) => return Err(e.into()),
        Err(_) => {
            con.say("Gestopt. Er is niets veranderd.")?;
            return Ok(());
        }
    };
    // The session says which script it follows, as in the full-screen app.
    let data = bundle.data_for(&session).into_owned();
    // A practice gesprek has its demo client, found by the name it was started with.
    let oefenklant = session
        .oefenen
        .then(|| {
            bundle
                .oefenklanten
                .klanten
                .iter()
                .find(|k| k.naam == session.klant)
                .cloned()
        })
        .flatten();
    let mut g = Gesprek {
        oefenklant,
        session,
        data,
        bundle,
        drafts,
        lock,
        save_failed: None,
        nood,
        gehoord: Vec::new(),
    };
    if g.session.oefenen {
        let meta = crate::core::tally::ReportMeta::for_session(&g.session, &g.data.script);
        con.turven = Some(turven::Turven::new(meta));
    }
    g.run(&mut con)
}

/// One gesprek in progress, with what it needs to save itself.
pub(crate) struct Gesprek {
    pub session: Session,
    /// The data with this session's script (intake or vervolg).
    pub data: Data,
    /// Everything loaded at the start: templates, gemeente settings, folders.
    pub bundle: Bundle,
    /// The demo client of a practice gesprek.
    pub oefenklant: Option<Oefenklant>,
    drafts: Drafts,
    /// Held while the gesprek is open, so the TUI in another window cannot overwrite it.
    lock: Option<DraftLock>,
    /// Why the last save failed, so the warning is given once, not after every line,
    /// and stopping knows it must not say "bewaard".
    save_failed: Option<String>,
    /// Where a draft goes when the drafts folder fails.
    nood: crate::store::emergency::Emergency,
    /// Pages whose guidance was read already: read again, they say only their title.
    gehoord: Vec<String>,
}

/// Writes the `/kort` or `/uitgebreid` choice to the data folder; a failure is said, and
/// the choice still holds for this gesprek.
fn onthoud_kort(con: &mut Console, data: &std::path::Path) -> io::Result<()> {
    con.kort_gewijzigd = false;
    let v = voorkeur::Voorkeur { kort: con.kort };
    if let Err(e) = voorkeur::schrijf(data, v) {
        con.say(&format!(
            "Let op: de keuze voor kort of uitgebreid kan niet worden onthouden: {}. Ze geldt wel voor dit gesprek.",
            files::describe_io_error(&e, data)
        ))?;
    }
    Ok(())
}

/// Where the page loop stands: the same pages as the full-screen app.
pub(crate) use crate::core::route::Page;

/// What a finished page asks for.
pub(crate) enum Done {
    Next,
    GoTo(Page),
    Finished,
}

impl Gesprek {
    /// Autosaves the draft. A failure is reported but never ends the gesprek: the words
    /// are still in memory and the next save may succeed (a USB stick plugged back in).
    pub fn save(&mut self, con: &mut Console) -> io::Result<()> {
        self.kennis(con);
        if con.kort_gewijzigd {
            onthoud_kort(con, &self.bundle.paths.data.clone())?;
        }
        // Practice is never stored as a client's draft, as in the full-screen app.
        if self.session.oefenen {
            return Ok(());
        }
        match self.drafts.save(&self.session) {
            Ok(()) => {
                if self.save_failed.take().is_some() {
                    self.drop_rescue();
                    con.say("Het concept wordt weer opgeslagen.")?;
                }
            }
            Err(e) => {
                // The emergency copy is kept current with every answer.
                let nood = self.rescue();
                let why = files::describe_io_error(&e, self.drafts.dir());
                if self.save_failed.is_none() {
                    let waar = match &nood {
                        Some(p) => format!(" Een noodkopie staat in {}.", p.display()),
                        None => String::new(),
                    };
                    con.say(&format!(
                        "Let op: het concept kan niet worden opgeslagen: {why}{waar} Stop niet voordat dit is opgelost."
                    ))?;
                }
                self.save_failed = Some(why);
            }
        }
        Ok(())
    }

    /// The visible page before or after `page`, in the same order as the TUI.
    fn neighbour(&self, page: &Page, forward: bool) -> Page {
        crate::core::route::neighbour(&self.data.script, &self.session, page, forward)
    }

    /// The page loop: each page asks its questions; `terug`, `stop` and the end of the
    /// input all pass through here, where the draft is saved before anything else.
    fn run(&mut self, con: &mut Console) -> anyhow::Result<()> {
        let mut page = Page::from_key(&self.session.huidige_stap, &self.data.script);
        loop {
            self.session.huidige_stap = page.key().to_string();
            if let Some(t) = con.turven.as_mut() {
                t.stap = page.key().to_string();
            }
            self.save(con)?;
            // A step of a practice gesprek sets its own answer and explanation.
            con.oefenhulp = None;
            con.kennis.uitleg =
                "Bij deze vraag is geen uitleg. /hulp noemt de opdrachten.".to_string();
            let eerder = self.gehoord.iter().any(|k| k == page.key());
            if !eerder {
                self.gehoord.push(page.key().to_string());
            }
            let result = match &page {
                Page::Gegevens => steps::gegevens(self, con),
                Page::Step(id) => steps::step(self, con, &id.clone(), eerder),
                Page::Review => opslaan::plan(self, con),
            };
            match result {
                Ok(Done::Next) => page = self.neighbour(&page, true),
                Ok(Done::GoTo(p)) => page = p,
                Err(Stop::GoTo(n)) => {
                    let pages = crate::core::route::pages(&self.data.script, &self.session);
                    page = pages.get(n - 1).cloned().unwrap_or(Page::Review);
                }
                Err(Stop::Wijzig) => page = self.neighbour(&page, true),
                Ok(Done::Finished) => {
                    turven::afronden(self, con, true)?;
                    return Ok(());
                }
                Err(Stop::Back) => {
                    if page == Page::Gegevens {
                        con.say("Dit is de eerste stap.")?;
                    }
                    page = self.neighbour(&page, false);
                }
                Err(stop @ (Stop::Quit | Stop::Eof)) => {
                    self.save(con)?;
                    if let Some(why) = self.save_failed.clone() {
                        let eof = matches!(stop, Stop::Eof);
                        match self.stop_unsaved(con, &why, eof)? {
                            bewaren::Afloop::Stoppen => return Ok(()),
                            bewaren::Afloop::Doorgaan => continue,
                        }
                    }
                    let why = if matches!(stop, Stop::Eof) {
                        "De invoer is beëindigd."
                    } else {
                        "Gestopt."
                    };
                    con.blank()?;
                    // Practice: the globals (when the trainer stopped), then the report.
                    turven::afronden(self, con, matches!(stop, Stop::Quit))?;
                    if self.session.oefenen {
                        con.say(&format!("{why} Een oefengesprek wordt niet bewaard."))?;
                        return Ok(());
                    }
                    con.say(&format!(
                        "{why} Het gesprek is bewaard als concept in {}. Start meedoen opnieuw om verder te gaan.",
                        self.drafts.dir().display()
                    ))?;
                    return Ok(());
                }
                Err(Stop::Io(e)) => {
                    if self.drafts.save(&self.session).is_err() {
                        self.rescue();
                    }
                    return Err(e.into());
                }
            }
        }
    }

    /// What plans are rendered from: this session's data, the loaded templates and the
    /// gemeente settings.
    pub fn bron(&self) -> Bron<'_> {
        Bron {
            data: &self.data,
            templates: &self.bundle.templates,
            gemeente: self.bundle.gemeente_voor(&self.session).0,
        }
    }

    /// Refreshes what `/overzicht`, `/plan` and `/ga` read, after every answer.
    fn kennis(&self, con: &mut Console) {
        con.kennis.overzicht = overzicht::overzicht(&self.data, &self.session);
        con.kennis.stappen = overzicht::stappen(&self.data, &self.session);
        con.kennis.plan = match plan::render_with(
            Formaat::Txt,
            &self.session,
            &self.data,
            &self.bundle.templates,
            self.bron().gemeente,
        ) {
            Ok(text) => opslaan::spreekbaar(&text),
            Err(p) => Tegenhouder::Sjabloon(p).melding(),
        };
    }
}
