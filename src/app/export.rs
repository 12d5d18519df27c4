//! Export, the same for every front-end: the checks before a plan is written (a client
//! name, fields that hold text that is not a valid date or number, BSNs in any text the
//! plan prints, and the export gate: what is missing or suspect, after which the plan can
//! only be saved as a concept), every chosen format, the session beside the plan, the trainer's MI
//! report as a file of its own (never in the plan), and the logboek entry. `prepare` is
//! pure, so the TUI's `update` can call it; `write` is the one place the set is written.

use std::path::PathBuf;

use crate::core::fields::Field;
use crate::core::gate;
use crate::core::plan::{self, Formaat};
use crate::core::privacy;
use crate::core::problem::Problem;
use crate::core::session::Session;
use crate::core::tally::{ReportMeta, report_markdown};
use crate::store::eventlog::{self, Event};
use crate::store::files;
use crate::store::paths::Paths;
use crate::store::trainer::MI_RAPPORT_EXT;

use std::borrow::Cow;

use crate::core::data::Data;
use crate::core::gemeente::Gemeente;
use crate::core::plan::Templates;

use super::Bundle;

/// What a plan is rendered from: the data with the session's own script (intake or
/// vervolg), the templates and the gemeente settings.
#[derive(Debug, Clone, Copy)]
pub struct Bron<'a> {
    pub data: &'a Data,
    pub templates: &'a Templates,
    pub gemeente: &'a Gemeente,
}

impl Bundle {
    /// The data for `session`: with the vervolg script when the session follows it, so
    /// notes and the MI report are placed by the right steps.
    pub fn data_for(&self, session: &Session) -> Cow<'_, Data> {
        if session.script == self.vervolg.id && self.vervolg.id != self.data.script.id {
            Cow::Owned(Data {
                script: self.vervolg.clone(),
                taxonomy: self.data.taxonomy.clone(),
                catalogue: self.data.catalogue.clone(),
                warnings: Vec::new(),
            })
        } else {
            Cow::Borrowed(&self.data)
        }
    }
}

/// A plan set ready to be written: every file with its extension, under one stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSet {
    pub stem: String,
    /// (extension, contents): ("md", plan), ("sessie.ron", session), ("mi-rapport.md", …).
    pub files: Vec<(String, String)>,
    /// The plan formats in the set, for the logboek.
    pub formats: Vec<Formaat>,
    /// The session's id, for the logboek (never the client's name).
    pub sessie: String,
    /// A practice report: written to the trainer folder, never beside clients' plans.
    pub trainer: bool,
    /// The consultant's name, remembered for the next gesprek once the set is written.
    pub consulent: String,
}

/// Why a plan cannot be written yet, in words for the consultant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tegenhouder {
    /// The client's initials or pseudonym are missing; they name the file.
    GeenKlant,
    /// A field holds text that is not a valid date or number (label, the text).
    OngeldigVeld(String, String),
    /// In a vervolg: an afspraak not kept, or only partly, has no decision with a reason
    /// yet (the first one, described).
    Terugblik(String),
    /// Something looks like a BSN; the description lists where. Remove it or confirm.
    Bsn(String),
    /// A template failed while rendering.
    Sjabloon(Problem),
    /// Practice without a tally: there is nothing to save.
    NietsTeOefenen,
    /// The session could not be serialised (should never happen).
    Vastleggen(String),
    /// The plan is not complete (what is missing or suspect): it can only be saved as a
    /// concept, after the consultant says so.
    Onaf(Vec<String>),
}

impl Tegenhouder {
    /// The message to show.
    pub fn melding(&self) -> String {
        match self {
            Tegenhouder::GeenKlant => "Vul eerst bij Gegevens de klant in (initialen of schuilnaam); die komt in de bestandsnaam.".into(),
            Tegenhouder::OngeldigVeld(label, raw) => format!(
                "Eerst verbeteren (bij Afspraken of Gegevens): {label} ‘{}’ is niet geldig.",
                raw.trim()
            ),
            Tegenhouder::Terugblik(open) => {
                format!("Eerst beslissen bij de terugblik: {open}")
            }
            Tegenhouder::Bsn(text) => text.clone(),
            Tegenhouder::Sjabloon(p) => format!("Sjabloon klopt niet: {p}"),
            Tegenhouder::NietsTeOefenen => "Oefenen: er is nog niets geturfd, dus er is geen rapport om op te slaan.".into(),
            Tegenhouder::Vastleggen(e) => format!("Gesprek kan niet worden vastgelegd: {e}"),
            Tegenhouder::Onaf(found) => format!(
                "Dit plan is nog niet af; het kan alleen als concept worden opgeslagen:\n- {}",
                found.join("\n- ")
            ),
        }
    }
}

/// What the consultant decided before this export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Keuzes {
    /// The consultant saw the BSN warning and chose to save anyway.
    pub bsn_toch: bool,
    /// The consultant saw what is missing and chose to save a concept.
    pub als_concept: bool,
}

/// What the export gate finds (`core::gate`), in words: the checks on the session, and,
/// when those pass, whether a final rendering in one of `formats` would still say
/// "Nog niet besproken" (an own template, or a section without notes).
pub fn onaf(bron: Bron<'_>, session: &Session, formats: &[Formaat]) -> Vec<String> {
    let mut sugg = crate::core::matching::suggest(
        &crate::core::matching::Profiel::from(session),
        &bron.data.catalogue,
        &bron.data.taxonomy,
    );
    crate::core::gemeente::apply(bron.gemeente, &mut sugg, &bron.data.catalogue);
    let mut found: Vec<String> = gate::check(session, bron.data, bron.gemeente, &sugg)
        .into_iter()
        .map(|b| b.tekst)
        .collect();
    if found.is_empty() {
        let rendered = formats.iter().filter_map(|&f| {
            plan::render_with(f, session, bron.data, bron.templates, bron.gemeente).ok()
        });
        if let Some(b) = rendered.into_iter().find_map(|t| gate::check_rendered(&t)) {
            found.push(b.tekst);
        }
    }
    found
}

/// Checks the session and renders everything to write. `invalid` is a field whose typed
/// text did not parse (the TUI keeps such text on screen, not in the session).
pub fn prepare(
    bron: Bron<'_>,
    session: &Session,
    formats: &[Formaat],
    invalid: Option<(&Field, &str)>,
    keuzes: Keuzes,
) -> Result<PlanSet, Tegenhouder> {
    if session.oefenen {
        return prepare_oefening(bron, session);
    }
    if session.klant.trim().is_empty() {
        return Err(Tegenhouder::GeenKlant);
    }
    if let Some((field, raw)) = invalid {
        return Err(Tegenhouder::OngeldigVeld(
            field.label().to_string(),
            raw.to_string(),
        ));
    }
    // Every afspraak not kept, or only partly, is decided on before the new plan is
    // written, so none drops out of it without a word.
    if let Some(first) = crate::core::vervolg::onbesloten(session).into_iter().next() {
        return Err(Tegenhouder::Terugblik(first));
    }
    if !keuzes.bsn_toch {
        let findings = privacy::session_bsn_findings(session);
        if let Some(text) = privacy::describe_findings(&findings) {
            return Err(Tegenhouder::Bsn(text));
        }
    }
    let mut formats = formats.to_vec();
    if formats.is_empty() {
        formats.push(Formaat::Md);
    }
    // The gate: an incomplete plan is written only as a concept, after a question.
    let found = onaf(bron, session, &formats);
    if !found.is_empty() && !keuzes.als_concept {
        return Err(Tegenhouder::Onaf(found));
    }
    let concept = !found.is_empty();
    let mut files = Vec::new();
    for &format in &formats {
        let text = plan::render_status(
            format,
            session,
            bron.data,
            bron.templates,
            bron.gemeente,
            concept,
        )
        .map_err(Tegenhouder::Sjabloon)?;
        files.push((format.extension().to_string(), text));
    }
    // The saved session remembers the chosen options' titles, for when they leave the
    // catalogue and the plan is made again.
    let mut saved = session.clone();
    for id in &session.gekozen {
        if let Some(o) = bron.data.catalogue.find(id) {
            saved.titels.insert(id.clone(), o.titel.clone());
        }
    }
    let ron = ron::ser::to_string_pretty(&saved, ron::ser::PrettyConfig::default())
        .map_err(|e| Tegenhouder::Vastleggen(e.to_string()))?;
    files.push(("sessie.ron".into(), ron));
    if let Some(report) = tally_report(bron, session) {
        files.push((MI_RAPPORT_EXT.into(), report));
    }
    let mut stem = files::plan_stem(session.datum, &session.klant);
    if concept {
        stem.push_str("-concept");
    }
    Ok(PlanSet {
        stem,
        files,
        formats,
        sessie: session.id.clone(),
        trainer: false,
        consulent: session.consulent.trim().to_string(),
    })
}

/// The MI report, when behaviour was tallied in this session.
fn tally_report(bron: Bron<'_>, session: &Session) -> Option<String> {
    let tally = session.tally.as_ref().filter(|t| t.total() > 0)?;
    let meta = ReportMeta::for_session(session, &bron.data.script);
    Some(report_markdown(tally, &meta))
}

/// Practice writes only the trainer's report, never a plan or a session.
fn prepare_oefening(bron: Bron<'_>, session: &Session) -> Result<PlanSet, Tegenhouder> {
    let report = tally_report(bron, session).ok_or(Tegenhouder::NietsTeOefenen)?;
    Ok(PlanSet {
        stem: format!(
            "oefening-{}",
            files::plan_stem(session.datum, &session.klant)
        ),
        files: vec![(MI_RAPPORT_EXT.into(), report)],
        formats: Vec::new(),
        sessie: session.id.clone(),
        trainer: true,
        // A trainer's name in a practice round is not the next real gesprek's.
        consulent: String::new(),
    })
}

/// Writes the set under a free name in the output folder (a practice report: in the
/// trainer folder), all files or none, then notes it in the logboek. Returns the files
/// written; the message says what went wrong.
pub fn write(paths: &Paths, set: &PlanSet) -> Result<Vec<PathBuf>, String> {
    let parts: Vec<(&str, &[u8])> = set
        .files
        .iter()
        .map(|(ext, text)| (ext.as_str(), text.as_bytes()))
        .collect();
    let dir = if set.trainer {
        crate::store::trainer::dir(paths)
    } else {
        paths.output.clone()
    };
    let written = files::write_new_set(&dir, &set.stem, &parts)
        .map_err(|e| files::describe_io_error(&e, &dir))?;
    super::gesprek::onthoud_consulent(paths, &set.consulent);
    for &formaat in &set.formats {
        // The logboek is a record, not a condition: the plan is on disk either way.
        let _ = eventlog::append(
            paths,
            &Event::PlanOpgeslagen {
                sessie: &set.sessie,
                formaat,
            },
        );
    }
    Ok(written)
}

#[cfg(test)]
mod tests;
