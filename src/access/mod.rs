//! The accessible mode (`meedoen --toegankelijk`): the same gesprek scripts as the TUI
//! (intake and vervolggesprek), as plain sequential prompts. No alternate screen, no
//! cursor movement, no colours and no box drawing: every line is printed once, in order,
//! so NVDA or JAWS reads it as it comes, and the whole gesprek can also be driven through
//! a pipe.
//!
//! The session is autosaved as a draft after every answer, exactly like the TUI does,
//! and both modes read and write the same drafts and plan files, so a consultant can
//! start in one and finish in the other.

mod keuze;
mod prompt;
mod start;
mod steps;
mod turven;

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use crate::core::data::{Data, Source};
use crate::core::gemeente::Gemeente;
use crate::core::oefen::Oefenklant;
use crate::core::plan;
use crate::core::session::Session;
use crate::store::drafts::{DraftLock, Drafts};
use crate::store::paths::Paths;
use crate::store::{assets, extras, files, sessions};

pub use prompt::printable;
use prompt::{Ask, Console, Stop};

/// Options from the command line.
#[derive(Debug, Clone, Default)]
pub struct AccessOptions {
    /// Output folder for plans (`--uitvoer`).
    pub uitvoer: Option<PathBuf>,
    /// Config folder override (`--instellingen`).
    pub instellingen: Option<PathBuf>,
    /// Practice with a demo client (`meedoen oefenen`).
    pub oefenen: bool,
    /// A class session (`--klas`, `--deelnemer`), already checked.
    pub klas: Option<crate::core::klas::KlasOpties>,
}

/// Runs the accessible mode with the platform's folders and today's date.
pub fn run(
    opts: AccessOptions,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut paths = Paths::resolve(opts.uitvoer.as_deref()).map_err(anyhow::Error::msg)?;
    if let Some(dir) = opts.instellingen {
        paths.config = dir;
    }
    let today = Local::now().date_naive();
    run_mode(paths, today, opts.oefenen, input, output)
}

/// Runs the accessible mode with explicit folders and date; this is what tests drive, so
/// they never touch the user's real folders or the process environment.
pub fn run_in(
    paths: Paths,
    today: NaiveDate,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    run_mode(paths, today, false, input, output)
}

/// `run_in` for practice with a demo client.
pub fn run_oefenen_in(
    paths: Paths,
    today: NaiveDate,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    run_mode(paths, today, true, input, output)
}

fn run_mode(
    paths: Paths,
    today: NaiveDate,
    oefenen: bool,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut con = Console::new(input, output);
    let loaded = assets::load(Some(&paths.config)).and_then(|data| {
        let extras = extras::load(Some(&paths.config), &data)?;
        Ok((data, extras))
    });
    let (mut data, extras) = match loaded {
        Ok(found) => found,
        Err(problems) => {
            con.say("De gegevensbestanden bevatten fouten:")?;
            for p in &problems {
                con.say(&p.to_string())?;
            }
            con.say("Herstel ze, of verwijder het bestand om de standaard te gebruiken.")?;
            anyhow::bail!("de gegevensbestanden bevatten fouten");
        }
    };
    let template = assets::plan_template(Some(&paths.config))
        .map_err(|p| anyhow::anyhow!("het plansjabloon kan niet worden gelezen: {p}"))?;
    let (gemeente, _) =
        assets::gemeente(Some(&paths.config)).map_err(|p| anyhow::anyhow!("{p}"))?;
    con.say("meedoen, toegankelijke modus. Typ ? en Enter voor hulp, op elk moment.")?;
    let drafts = Drafts::new(paths.drafts.clone());
    // Practice offers no real clients, nor names them in a warning on a projected screen.
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
    let keuzes = start::Keuzes {
        drafts: &drafts,
        data: &data,
        vervolg: &extras.vervolg,
        gemeente: &gemeente,
        klanten: sessions::newest_per_client(klanten),
        today,
        oefenklanten: oefenen.then_some(&extras.oefenklanten),
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
    if session.script == extras.vervolg.id {
        data.script = extras.vervolg;
    }
    // A practice gesprek has its demo client, found by the name it was started with.
    let oefenklant = session
        .oefenen
        .then(|| {
            let mut klanten = extras.oefenklanten.klanten.into_iter();
            klanten.find(|k| k.naam == session.klant)
        })
        .flatten();
    let mut g = Gesprek {
        oefenklant,
        session,
        data,
        template,
        gemeente,
        paths,
        drafts,
        _lock: lock,
        save_failed: false,
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
    pub data: Data,
    pub template: Source,
    /// Municipality settings: wording of the plan and the default follow-up dates.
    pub gemeente: Gemeente,
    pub paths: Paths,
    /// The demo client of a practice gesprek.
    pub oefenklant: Option<Oefenklant>,
    drafts: Drafts,
    /// Held while the gesprek is open, so the TUI in another window cannot overwrite it.
    _lock: Option<DraftLock>,
    /// Whether the last save failed, so the warning is given once, not after every line.
    save_failed: bool,
}

/// Where the page loop stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Page {
    Gegevens,
    Step(String),
    Plan,
}

impl Page {
    /// The value of `Session::huidige_stap` for this page; the same names as the TUI, so
    /// a draft resumes on the same page in either mode.
    fn key(&self) -> &str {
        match self {
            Page::Gegevens => "gegevens",
            Page::Step(id) => id,
            Page::Plan => "controle",
        }
    }
}

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
        // Practice is never stored as a client's draft, as in the full-screen app.
        if self.session.oefenen {
            return Ok(());
        }
        match self.drafts.save(&self.session) {
            Ok(()) => {
                if self.save_failed {
                    con.say("Het concept wordt weer opgeslagen.")?;
                }
                self.save_failed = false;
            }
            Err(e) if !self.save_failed => {
                self.save_failed = true;
                con.say(&format!(
                    "Let op: het concept kan niet worden opgeslagen: {}. Stop niet voordat dit is opgelost.",
                    files::describe_io_error(&e, self.drafts.dir())
                ))?;
            }
            Err(_) => {}
        }
        Ok(())
    }

    /// The pages in order for the session's current tags.
    fn pages(&self) -> Vec<Page> {
        let tags = self.session.tag_set();
        std::iter::once(Page::Gegevens)
            .chain(
                self.data
                    .script
                    .visible_steps(&tags)
                    .into_iter()
                    .map(|id| Page::Step(id.to_string())),
            )
            .chain(std::iter::once(Page::Plan))
            .collect()
    }

    /// The page before or after `page`. Tags change while answering, so the sequence is
    /// recomputed each time; a step that became hidden still has a place in script order.
    fn neighbour(&self, page: &Page, forward: bool) -> Page {
        let pages = self.pages();
        let order = |p: &Page| -> usize {
            match p {
                Page::Gegevens => 0,
                Page::Step(id) => {
                    1 + self
                        .data
                        .script
                        .steps()
                        .position(|s| s.stap.id == *id)
                        .unwrap_or(0)
                }
                Page::Plan => usize::MAX,
            }
        };
        let mine = order(page);
        let found = if forward {
            pages.iter().find(|p| order(p) > mine)
        } else {
            pages.iter().rev().find(|p| order(p) < mine)
        };
        found
            .cloned()
            .unwrap_or(if forward { Page::Plan } else { Page::Gegevens })
    }

    /// The page loop: each page asks its questions; `terug`, `stop` and the end of the
    /// input all pass through here, where the draft is saved before anything else.
    fn run(&mut self, con: &mut Console) -> anyhow::Result<()> {
        let mut page = match self.session.huidige_stap.as_str() {
            "" | "gegevens" => Page::Gegevens,
            "controle" => Page::Plan,
            id if self.data.script.step(id).is_some() => Page::Step(id.to_string()),
            _ => Page::Gegevens,
        };
        loop {
            self.session.huidige_stap = page.key().to_string();
            if let Some(t) = con.turven.as_mut() {
                t.stap = page.key().to_string();
            }
            self.save(con)?;
            // A step of a practice gesprek sets its own answer and explanation.
            con.oefenhulp = None;
            let result = match &page {
                Page::Gegevens => steps::gegevens(self, con),
                Page::Step(id) => steps::step(self, con, &id.clone()),
                Page::Plan => self.plan(con),
            };
            match result {
                Ok(Done::Next) => page = self.neighbour(&page, true),
                Ok(Done::GoTo(p)) => page = p,
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
                    let _ = self.drafts.save(&self.session);
                    return Err(e.into());
                }
            }
        }
    }

    /// The last page: the plan as it will be saved, then the question whether to save it.
    fn plan(&mut self, con: &mut Console) -> Ask<Done> {
        if self.session.klant.trim().is_empty() {
            con.say(
                "Vul eerst de klant in (initialen of schuilnaam); die komt in de bestandsnaam.",
            )?;
            return Ok(Done::GoTo(Page::Gegevens));
        }
        let rendered = plan::render_source(
            plan::Formaat::Md,
            &plan::context_with(&self.session, &self.data, &self.gemeente),
            &self.template,
        );
        let markdown = match rendered {
            Ok(text) => text,
            Err(p) => {
                con.say(&format!("Het plansjabloon klopt niet: {p}"))?;
                con.say("Het concept blijft bewaard. Herstel het sjabloon en start opnieuw.")?;
                return Ok(Done::Finished);
            }
        };
        let sessie = ron::ser::to_string_pretty(&self.session, ron::ser::PrettyConfig::default())
            .map_err(|e| Stop::Io(io::Error::other(e)))?;
        con.blank()?;
        con.say("Plan van aanpak. Zo wordt het opgeslagen:")?;
        con.blank()?;
        con.say(&markdown)?;
        con.blank()?;
        con.say("Einde van het plan.")?;
        if self.session.oefenen {
            con.say("Dit was een oefengesprek met een fictieve klant; er wordt niets opgeslagen.")?;
            return Ok(Done::Finished);
        }
        let opslaan = con.ask_valid("Opslaan? (j/n)", |t| match t.to_lowercase().as_str() {
            "j" | "ja" => Ok(true),
            "n" | "nee" => Ok(false),
            _ => Err("Typ j voor ja of n voor nee.".to_string()),
        })?;
        if !opslaan {
            con.say("Niet opgeslagen. Het gesprek blijft bewaard als concept; bij de volgende start kunt u verder.")?;
            return Ok(Done::Finished);
        }
        let stem = files::plan_stem(self.session.datum, &self.session.klant);
        let set: [(&str, &[u8]); 2] = [
            ("md", markdown.as_bytes()),
            ("sessie.ron", sessie.as_bytes()),
        ];
        match files::write_new_set(&self.paths.output, &stem, &set) {
            Ok(written) => {
                con.say("Opgeslagen:")?;
                for path in &written {
                    con.say(&path.display().to_string())?;
                }
                // The session beside the plan is now the record; the draft is no longer needed.
                let _ = self.drafts.remove(&self.session.id);
                Ok(Done::Finished)
            }
            Err(e) => {
                con.say(&format!(
                    "Opslaan is mislukt: {}. Het concept blijft bewaard; probeer het opnieuw.",
                    files::describe_io_error(&e, &self.paths.output)
                ))?;
                Ok(Done::GoTo(Page::Plan))
            }
        }
    }
}
