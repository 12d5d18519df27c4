//! `update` for a new wens, kracht or belemmering and for hidden options: opening the
//! small form (from "Hele catalogus" or from the option form's list of that kind),
//! typing in it, saving it to the personal taxonomy and ticking the new entry where the
//! form was opened. Writing is an effect, as for the option form.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::core::taxonomy::{TagKind, Taxonomy};

use super::super::action::Command;
use super::super::app::{App, MessageKind, OptieVraag, Overlay, PageKind, SuggTab};
use super::super::effect::Effect;
use super::super::term_form::{TermForm, TermVeld, soort_van};

/// The form's draft, written on every change so a restart finds it again.
pub fn concept(app: &App) -> Effect {
    Effect::TermConcept(
        app.term_form
            .as_ref()
            .and_then(|f| ron::ser::to_string_pretty(&**f, ron::ser::PrettyConfig::new()).ok()),
    )
}

/// Opens the form: for the kind of the option form's field under the cursor, or (from
/// the catalogue) a wens that the first row can change. A form kept from before opens
/// again instead, so nothing typed is lost.
pub(super) fn nieuw(app: &mut App) -> Vec<Effect> {
    let voor = match app.overlay {
        Some(Overlay::Optie) => match app.optie_form.as_ref().map(|f| f.veld()) {
            Some(veld) if soort_van(veld).is_some() => Some(veld),
            _ => return Vec::new(),
        },
        None if app.page_kind() == PageKind::Suggesties && app.sugg_tab == SuggTab::Catalogus => {
            None
        }
        _ => return Vec::new(),
    };
    if app.term_form.is_some() {
        app.info(
            MessageKind::Info,
            "Het half ingevulde formulier staat weer open; sla het op of sluit het eerst.",
        );
    } else {
        let soort = voor.and_then(soort_van).unwrap_or(TagKind::Wens);
        app.term_form = Some(Box::new(TermForm::new(soort, voor)));
    }
    if let Some(f) = app.term_form.as_mut() {
        f.bind();
    }
    app.overlay = Some(Overlay::Term);
    vec![concept(app)]
}

/// Where the app goes back to when the form closes: the option form that opened it.
fn terug(app: &mut App) {
    let uit_optie =
        app.term_form.as_ref().is_some_and(|f| f.voor.is_some()) && app.optie_form.is_some();
    app.overlay = uit_optie.then_some(Overlay::Optie);
}

pub(super) fn sluit(app: &mut App) -> Vec<Effect> {
    terug(app);
    app.term_form = None;
    vec![Effect::TermConcept(None)]
}

/// A command while the form is open.
pub(super) fn form_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let tax = app.data.taxonomy.clone();
    let Some(f) = app.term_form.as_mut() else {
        app.overlay = None;
        return Vec::new();
    };
    match cmd {
        Command::Omhoog | Command::FocusVorige => f.ga(-1),
        Command::Omlaag | Command::FocusVolgende => f.ga(1),
        Command::Kiezen if f.veld() == TermVeld::Soort => {
            f.wissel_soort();
            // The id was proposed for the old list; propose it again for the new one.
            let label = f.tekst(TermVeld::Label).to_string();
            f.teksten.insert(
                TermVeld::Id,
                crate::core::eigen_taxonomie::voorstel_id(&label, f.soort, &tax),
            );
            return vec![concept(app)];
        }
        Command::Kiezen => f.ga(1),
        Command::VeldLeegmaken => {
            if let Some(area) = f.area.as_mut() {
                area.select_all();
                area.cut();
                f.na_edit(&tax);
                return vec![concept(app)];
            }
        }
        Command::TermOpslaan => return opslaan(app),
        Command::Terug if f.gewijzigd() => {
            app.overlay = Some(Overlay::OptieVraag(OptieVraag::TermVerlaten));
        }
        Command::Terug => return sluit(app),
        _ => {}
    }
    Vec::new()
}

fn opslaan(app: &mut App) -> Vec<Effect> {
    let Some(f) = app.term_form.as_mut() else {
        return Vec::new();
    };
    let meldingen = f.meldingen(&app.data.taxonomy);
    if let Some((veld, msg)) = meldingen.iter().next() {
        f.rij = f.velden().iter().position(|v| v == veld).unwrap_or(0);
        f.bind();
        f.fouten = meldingen
            .iter()
            .map(|(v, m)| format!("{}: {m}", v.label()))
            .collect();
        let text = format!("Niet opgeslagen. {}: {msg}", veld.label());
        app.info(MessageKind::Error, text);
        return Vec::new();
    }
    vec![Effect::Taxonomie {
        soort: f.soort,
        entry: Box::new(f.bouw()),
        nieuw: true,
    }]
}

/// A key typed in the form: text in the field under the cursor. Never a command.
pub(super) fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let tax = &app.data.taxonomy;
    let Some(f) = app.term_form.as_mut() else {
        return Vec::new();
    };
    // One line: Enter is handled as a command, a stray newline never gets in.
    if key.code == KeyCode::Enter {
        return Vec::new();
    }
    let changed = f.area.as_mut().is_some_and(|area| area.input(key));
    if changed {
        f.na_edit(tax);
        return vec![concept(app)];
    }
    Vec::new()
}

/// Pasted text: into the field, on one line.
pub(super) fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let tax = &app.data.taxonomy;
    let Some(f) = app.term_form.as_mut() else {
        return Vec::new();
    };
    match f.area.as_mut() {
        Some(area) => {
            area.insert_str(text.replace('\n', " "));
            f.na_edit(tax);
            vec![concept(app)]
        }
        None => Vec::new(),
    }
}

/// The runner's answer to a new entry: used at once (lists, ranking), and ticked in the
/// option form that opened the form.
pub(super) fn result(app: &mut App, result: Result<Taxonomy, Vec<String>>) -> Vec<Effect> {
    match result {
        Ok(tax) => {
            let Some(f) = app.term_form.as_ref() else {
                set_taxonomy(app, tax);
                return Vec::new();
            };
            let (entry, soort, voor) = (f.bouw(), f.soort, f.voor);
            set_taxonomy(app, tax);
            if let (Some(veld), Some(o)) = (voor, app.optie_form.as_mut())
                && !o.gekozen(veld).contains(&entry.id)
            {
                o.kies(veld, &entry.id, &app.data.taxonomy);
            }
            let mut effects = sluit(app);
            if voor.is_some() && app.optie_form.is_some() {
                effects.push(super::optie::concept(app));
            }
            let waar = if voor.is_some() {
                "; hij staat aangevinkt in de optie"
            } else {
                ""
            };
            app.info(
                MessageKind::Ok,
                format!(
                    "Opgeslagen in uw eigen taxonomie: {} “{}”{waar}.",
                    soort.singular(),
                    entry.label
                ),
            );
            effects
        }
        Err(fouten) => {
            let first = fouten.first().cloned().unwrap_or_default();
            if let Some(f) = app.term_form.as_mut() {
                f.fouten = fouten;
            }
            app.info(MessageKind::Error, format!("Niet opgeslagen: {first}"));
            Vec::new()
        }
    }
}

/// Uses a changed taxonomy at once: the pickers read it, the ranking is built again.
pub fn set_taxonomy(app: &mut App, tax: Taxonomy) {
    app.data.taxonomy = tax;
    app.matcher = crate::core::matching::Matcher::new(&app.data.catalogue, &app.data.taxonomy);
}

/// The answers to the questions of this module.
pub(super) fn vraag_command(app: &mut App, vraag: OptieVraag, cmd: Command) -> Vec<Effect> {
    match (vraag, cmd) {
        (OptieVraag::TermVerlaten, Command::Ja) => {
            app.info(
                MessageKind::Info,
                "Formulier gesloten; er is niets toegevoegd.",
            );
            sluit(app)
        }
        (OptieVraag::TermVerlaten, Command::Nee) => {
            app.overlay = Some(Overlay::Term);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
