//! `update` for keeping the catalogue: opening the option form from "Hele catalogus"
//! (new, edit, copy) or from an eigen activiteit, typing and picking in it, saving,
//! hiding an option, and showing or restoring a built-in option's original. Saving is an
//! effect; the runner writes the personal layer and hands the new catalogue back.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::core::catalogue::{Begeleiding, Catalogue, Optie};
use crate::core::eigen_catalogus::{Herkomst, Wijziging, herkomst};

use super::super::action::Command;
use super::super::app::{App, MessageKind, OptieVraag, Overlay, PageKind, SuggTab};
use super::super::effect::Effect;
use super::super::form::{self, FormRow};
use super::super::lists;
use super::super::optie_form::{Modus, OptieForm, Soort, Veld, id_uit, meldingen};
use super::refresh_suggestions;
use crate::core::fields::Field;

/// The option highlighted in "Hele catalogus".
fn gekozen_optie(app: &App) -> Option<&Optie> {
    if app.page_kind() != PageKind::Suggesties || app.sugg_tab != SuggTab::Catalogus {
        return None;
    }
    let rows = lists::option_rows(app, SuggTab::Catalogus);
    let row = rows.get(app.sugg_list(SuggTab::Catalogus).selected)?;
    app.data.catalogue.opties.get(row.index)
}

/// Whether the highlighted option is a changed built-in one (its original one key away).
pub fn aangepast(app: &App) -> bool {
    gekozen_optie(app).is_some_and(|o| herkomst(o, &app.catalogus_onder) == Herkomst::Aangepast)
}

/// Whether a catalogue command has an option to act on.
pub fn heeft_optie(app: &App) -> bool {
    gekozen_optie(app).is_some()
}

/// The form's draft, written on every change so a restart finds it again.
pub fn concept(app: &App) -> Effect {
    Effect::OptieConcept(
        app.optie_form
            .as_ref()
            .and_then(|f| ron::ser::to_string_pretty(&**f, ron::ser::PrettyConfig::new()).ok()),
    )
}

fn open(app: &mut App, form: OptieForm) -> Vec<Effect> {
    if app.optie_form.is_some() {
        // A form from before (this run or the last) is never overwritten by a new one.
        app.info(
            MessageKind::Info,
            "Het half ingevulde formulier staat weer open; sla het op of sluit het eerst.",
        );
    } else {
        app.optie_form = Some(Box::new(form));
    }
    if let Some(f) = app.optie_form.as_mut() {
        f.bind();
    }
    app.overlay = Some(Overlay::Optie);
    vec![concept(app)]
}

/// The catalogue commands on the suggestions page; `None` for every other command.
pub(super) fn catalogue_command(app: &mut App, cmd: Command) -> Option<Vec<Effect>> {
    let optie = gekozen_optie(app).cloned();
    let effects = match (cmd, optie) {
        (Command::OptieNieuw, _) if app.sugg_tab == SuggTab::Catalogus => {
            open(app, OptieForm::new(Modus::Nieuw, Optie::default()))
        }
        (Command::OptieBewerken, Some(o)) => open(app, OptieForm::new(Modus::Bewerken, o)),
        (Command::OptieKopieren, Some(mut o)) => {
            o.id = format!("{}-kopie", o.id);
            o.titel = format!("{} (kopie)", o.titel);
            open(app, OptieForm::new(Modus::Kopie, o))
        }
        (Command::OptieVerbergen, Some(o)) => {
            app.open(Overlay::OptieVraag(OptieVraag::Verbergen(o.id, o.titel)));
            Vec::new()
        }
        (Command::OptieOrigineel, Some(o)) => {
            match app.catalogus_onder.find(&o.id).cloned() {
                Some(orig) if orig != o => {
                    let tekst = beschrijf(app, &orig);
                    app.open(Overlay::Plan(
                        format!("Ingebouwde versie van “{}” (alleen lezen)", orig.titel),
                        tekst,
                    ));
                }
                _ => app.info(
                    MessageKind::Info,
                    "Deze optie heeft geen andere ingebouwde versie.",
                ),
            }
            Vec::new()
        }
        (Command::OptieTerug, Some(o))
            if herkomst(&o, &app.catalogus_onder) == Herkomst::Aangepast =>
        {
            app.open(Overlay::OptieVraag(OptieVraag::Terug(o.id, o.titel)));
            Vec::new()
        }
        (
            Command::OptieNieuw
            | Command::OptieBewerken
            | Command::OptieKopieren
            | Command::OptieVerbergen
            | Command::OptieOrigineel
            | Command::OptieTerug,
            _,
        ) => Vec::new(),
        _ => return None,
    };
    Some(effects)
}

/// Every field of an option as the form shows it, for reading.
fn beschrijf(app: &App, o: &Optie) -> String {
    let form = OptieForm::new(Modus::Bewerken, o.clone());
    let mut out = String::from(
        "Zo staat deze optie in de ingebouwde catalogus (of die van het team). Uw eigen versie vervangt haar; ‘terug naar ingebouwd’ haalt uw versie weg.\n\n",
    );
    for veld in Veld::ALL {
        out.push_str(&format!(
            "{}: {}\n",
            veld.label(),
            form.waarde(veld, &app.data.taxonomy)
        ));
    }
    out
}

/// An eigen activiteit on the afspraken page, opened as a new catalogue option.
pub(super) fn uit_eigen(app: &mut App) -> Vec<Effect> {
    let i = match form::rows(app).get(app.form_row) {
        Some(FormRow::Text(
            Field::EigenTitel(i)
            | Field::EigenPlaats(i)
            | Field::EigenContact(i)
            | Field::EigenUren(i)
            | Field::EigenBegeleiding(i),
        )) => *i,
        _ => return Vec::new(),
    };
    let Some(e) = app.session.eigen.get(i).cloned() else {
        return Vec::new();
    };
    let begeleiding = e.begeleiding.to_lowercase();
    let mut omschrijving = e.plaats.trim().to_string();
    if !e.begeleiding.trim().is_empty() {
        if !omschrijving.is_empty() {
            omschrijving.push_str(". ");
        }
        omschrijving.push_str(&format!("Begeleiding: {}", e.begeleiding.trim()));
    }
    let uren = e.uren.unwrap_or(0);
    let optie = Optie {
        id: id_uit(&e.titel),
        titel: e.titel.trim().to_string(),
        omschrijving,
        uren_min: uren,
        uren_max: uren,
        // The client's contact person stays in the plan; a catalogue names places.
        begeleiding: if begeleiding.contains("intensie") {
            Begeleiding::Intensief
        } else if begeleiding.contains("persoonlijk") || begeleiding.contains("vaste") {
            Begeleiding::Persoonlijk
        } else if begeleiding.trim().is_empty() || begeleiding.contains("zelfstandig") {
            Begeleiding::Geen
        } else {
            Begeleiding::Taakgericht
        },
        ..Optie::default()
    };
    open(app, OptieForm::new(Modus::Nieuw, optie))
}

/// A command while the form is open.
pub(super) fn form_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let tax = app.data.taxonomy.clone();
    let Some(f) = app.optie_form.as_mut() else {
        app.overlay = None;
        return Vec::new();
    };
    let veld = f.veld();
    if cmd == Command::OptieOpslaan {
        // Saving from an open list closes it first: the result shows on the form.
        f.kies = None;
        return opslaan(app);
    }
    if let Some(k) = f.kies.as_mut() {
        let keuzes = zichtbaar(veld, &k.filter, &tax);
        match cmd {
            Command::Omhoog => k.selected = k.selected.saturating_sub(1),
            Command::Omlaag => k.selected = (k.selected + 1).min(keuzes.len().saturating_sub(1)),
            Command::Kiezen => {
                if let Some((waarde, _)) = keuzes.get(k.selected) {
                    f.kies(veld, waarde, &tax);
                    if veld.soort() == Soort::Een {
                        f.kies = None;
                    }
                    return vec![concept(app)];
                }
            }
            Command::Terug => f.kies = None,
            _ => {}
        }
        return Vec::new();
    }
    let n = Veld::ALL.len();
    match cmd {
        Command::Omhoog | Command::FocusVorige => {
            f.rij = (f.rij + n - 1) % n;
            f.bind();
        }
        Command::Omlaag | Command::FocusVolgende => {
            f.rij = (f.rij + 1) % n;
            f.bind();
        }
        Command::Kiezen if veld.soort() == Soort::Tekst => {
            f.rij = (f.rij + 1) % n;
            f.bind();
        }
        Command::Kiezen => {
            let keuzes = OptieForm::keuzes(veld, &tax);
            let now = f.gekozen(veld);
            let selected = keuzes
                .iter()
                .position(|(v, _)| now.contains(v))
                .unwrap_or(0);
            f.kies = Some(super::super::optie_form::Kies {
                filter: String::new(),
                selected,
            });
        }
        Command::VeldLeegmaken => {
            if let Some(area) = f.area.as_mut() {
                area.select_all();
                area.cut();
                f.na_edit();
                return vec![concept(app)];
            }
        }
        Command::Terug => {
            if f.gewijzigd() {
                app.overlay = Some(Overlay::OptieVraag(OptieVraag::Verlaten));
            } else {
                return sluit(app);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The choices of a list field that match the filter (case and accents ignored).
pub fn zichtbaar(
    veld: Veld,
    filter: &str,
    tax: &crate::core::taxonomy::Taxonomy,
) -> Vec<(String, String)> {
    let f = crate::core::search::fold(filter.trim());
    OptieForm::keuzes(veld, tax)
        .into_iter()
        .filter(|(v, l)| {
            f.is_empty()
                || crate::core::search::fold(l).contains(&f)
                || crate::core::search::fold(v).contains(&f)
        })
        .collect()
}

fn opslaan(app: &mut App) -> Vec<Effect> {
    let Some(f) = app.optie_form.as_mut() else {
        return Vec::new();
    };
    let fouten = meldingen(f, &app.data.taxonomy, &app.data.catalogue);
    if let Some((veld, msg)) = fouten.iter().next() {
        f.rij = Veld::ALL.iter().position(|v| v == veld).unwrap_or(0);
        f.bind();
        f.fouten = fouten
            .iter()
            .map(|(v, m)| format!("{}: {m}", v.label()))
            .collect();
        let text = format!("Niet opgeslagen. {}: {msg}", veld.label());
        app.info(MessageKind::Error, text);
        return Vec::new();
    }
    let optie = f.bouw();
    let nieuw = f.modus != Modus::Bewerken;
    vec![Effect::Catalogus(Wijziging::Bewaar {
        optie: Box::new(optie),
        nieuw,
    })]
}

fn sluit(app: &mut App) -> Vec<Effect> {
    app.optie_form = None;
    app.overlay = None;
    vec![Effect::OptieConcept(None)]
}

/// An answer to one of the catalogue's questions.
pub(super) fn vraag_command(app: &mut App, vraag: OptieVraag, cmd: Command) -> Vec<Effect> {
    match (vraag, cmd) {
        (OptieVraag::Verlaten, Command::Ja) => {
            app.info(
                MessageKind::Info,
                "Formulier gesloten; de catalogus is niet veranderd.",
            );
            sluit(app)
        }
        (OptieVraag::Verlaten, Command::Nee) => {
            app.overlay = Some(Overlay::Optie);
            Vec::new()
        }
        (OptieVraag::Verbergen(id, _), Command::Ja) => {
            app.overlay = None;
            vec![Effect::Catalogus(Wijziging::Verberg(id))]
        }
        (OptieVraag::Terug(id, _), Command::Ja) => {
            app.overlay = None;
            vec![Effect::Catalogus(Wijziging::Herstel(id))]
        }
        (_, Command::Nee) => {
            app.overlay = None;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// A key typed in the form: text in a text field; on a list field a letter opens the
/// list with that letter as its filter. Never a command.
pub(super) fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(f) = app.optie_form.as_mut() else {
        return Vec::new();
    };
    if f.kies.is_some() {
        return Vec::new();
    }
    if let Some(area) = f.area.as_mut() {
        // One line: Enter is handled as a command, a stray newline never gets in.
        if key.code == KeyCode::Enter {
            return Vec::new();
        }
        if area.input(key) {
            f.na_edit();
            return vec![concept(app)];
        }
        return Vec::new();
    }
    if let KeyCode::Char(c) = key.code
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && f.veld().soort() != Soort::Tekst
    {
        f.kies = Some(super::super::optie_form::Kies {
            filter: c.to_string(),
            selected: 0,
        });
    }
    Vec::new()
}

/// The open list's filter changed.
pub(super) fn filter(app: &mut App, edit: impl FnOnce(&mut String)) {
    if let Some(k) = app.optie_form.as_mut().and_then(|f| f.kies.as_mut()) {
        edit(&mut k.filter);
        k.selected = 0;
    }
}

/// Pasted text: into the text field, on one line.
pub(super) fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let Some(f) = app.optie_form.as_mut() else {
        return Vec::new();
    };
    if let Some(k) = f.kies.as_mut() {
        k.filter.push_str(text.lines().next().unwrap_or(""));
        return Vec::new();
    }
    match f.area.as_mut() {
        Some(area) => {
            area.insert_str(text.replace('\n', " "));
            f.na_edit();
            vec![concept(app)]
        }
        None => Vec::new(),
    }
}

/// The runner's answer to a change of the personal catalogue.
pub(super) fn result(app: &mut App, result: Result<Catalogue, Vec<String>>) -> Vec<Effect> {
    match result {
        Ok(catalogus) => {
            let titel = app.optie_form.as_ref().map(|f| f.bouw().titel);
            set_catalogue(app, catalogus);
            let mut effects = Vec::new();
            if let Some(titel) = titel.filter(|_| matches!(app.overlay, Some(Overlay::Optie))) {
                effects = sluit(app);
                app.info(
                    MessageKind::Ok,
                    format!("Opgeslagen in uw eigen catalogus: {titel}"),
                );
            } else {
                app.info(MessageKind::Ok, "Uw eigen catalogus is bijgewerkt.");
            }
            effects
        }
        Err(fouten) => {
            let first = fouten.first().cloned().unwrap_or_default();
            if let Some(f) = app.optie_form.as_mut() {
                f.fouten = fouten;
            }
            app.info(MessageKind::Error, format!("Niet opgeslagen: {first}"));
            Vec::new()
        }
    }
}

/// Uses a changed catalogue at once: the search index, the ranking and the id index are
/// built from it again, and the lists stay in range.
pub fn set_catalogue(app: &mut App, catalogus: Catalogue) {
    app.searcher = crate::core::search::Searcher::new(&catalogus);
    app.matcher = crate::core::matching::Matcher::new(&catalogus, &app.data.taxonomy);
    app.option_index = catalogus
        .opties
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.clone(), i))
        .collect();
    app.data.catalogue = catalogus;
    if app.page_kind() == PageKind::Suggesties {
        refresh_suggestions(app);
    }
    for tab in SuggTab::ALL {
        let len = lists::option_rows(app, tab).len();
        let s = app.sugg_list_mut(tab);
        s.selected = s.selected.min(len.saturating_sub(1));
    }
}
