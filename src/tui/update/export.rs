//! `update` for the review page and the export: formats, the BSN check, the MI report
//! beside the plan (never in it), and practice sessions that write only the report.

use crate::app::export::{self as app_export, Bron, Keuzes, Tegenhouder};
use crate::core::bijzonder;
use crate::core::plan::{self, Formaat};
use crate::core::privacy;

use super::super::action::Command;
use super::super::app::{App, MessageKind, Overlay};
use super::super::effect::Effect;

pub(super) fn review_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    // Scrolling stops at the end of the plan, so going back up starts at once.
    let max = crate::tui::screens::review::max_scroll(app);
    app.review_scroll = app.review_scroll.min(max);
    let effects = review_key(app, cmd);
    app.review_scroll = app.review_scroll.min(max);
    effects
}

fn review_key(app: &mut App, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Omhoog => app.review_scroll = app.review_scroll.saturating_sub(1),
        Command::Omlaag => app.review_scroll = app.review_scroll.saturating_add(1),
        Command::Exporteren => return export(app),
        Command::Kopieren => return kopieer(app),
        Command::PlanTekst if !app.session.oefenen => super::overlay::plan_tekst(app, 0),
        Command::FormaatMd | Command::FormaatHtml | Command::FormaatTxt => {
            let f = match cmd {
                Command::FormaatMd => Formaat::Md,
                Command::FormaatHtml => Formaat::Html,
                _ => Formaat::Txt,
            };
            match app.formats.iter().position(|x| *x == f) {
                // At least one format stays chosen.
                Some(i) if app.formats.len() > 1 => {
                    app.formats.remove(i);
                }
                Some(_) => {}
                None => {
                    app.formats.push(f);
                    app.formats
                        .sort_by_key(|x| Formaat::ALL.iter().position(|y| y == x));
                }
            }
            // Remembered for the next gesprek, per user.
            return vec![Effect::SavePrefs];
        }
        Command::BladOmhoog => app.review_scroll = app.review_scroll.saturating_sub(page(app)),
        Command::BladOmlaag => app.review_scroll = app.review_scroll.saturating_add(page(app)),
        Command::NaarBegin => app.review_scroll = 0,
        Command::NaarEinde => app.review_scroll = u16::MAX,
        _ => {}
    }
    Vec::new()
}

/// Lines one PgUp/PgDn moves the plan on the review screen.
fn page(app: &App) -> u16 {
    app.size.1.saturating_sub(10).max(1)
}

fn bron(app: &App) -> Bron<'_> {
    Bron {
        data: &app.data,
        templates: &app.templates,
        gemeente: &app.gemeente,
    }
}

/// What the export gate finds, as the review screen lists it: the app layer's check,
/// the same one the export and the line mode make.
pub fn gate_findings(app: &App) -> Vec<String> {
    app_export::onaf(bron(app), &app.session, &app.formats)
}

/// Checks the session and renders every chosen format, with the session beside it (and
/// the MI tally report, when there is one, as its own file: the tally never goes into the
/// client's plan), through the app layer every front-end uses. A practice session writes
/// only the report. An incomplete plan opens the gate's question; after it, a concept is
/// written. The runner writes the set.
pub(super) fn export(app: &mut App) -> Vec<Effect> {
    if app.session.oefenen {
        return export_oefening(app);
    }
    let invalid = app.invalid.iter().next().map(|(f, raw)| (f, raw.as_str()));
    let keuzes = Keuzes {
        bsn_toch: app.bsn_toch,
        als_concept: app.als_concept,
    };
    match app_export::prepare(bron(app), &app.session, &app.formats, invalid, keuzes) {
        Ok(set) => {
            // Special categories (AVG art. 9): once every other check has passed, the
            // consultant decides on each finding, one at a time; kept ones are not asked
            // again in this gesprek.
            let open: Vec<_> = bijzonder::vondsten_in_plan(&app.session, &app.data, &app.bijzonder)
                .into_iter()
                .filter(|v| {
                    !app.bijzonder_gehouden
                        .iter()
                        .any(|(f, w)| *f == v.field && *w == v.tekst)
                })
                .collect();
            if let Some(first) = open.first() {
                app.overlay = Some(Overlay::Bijzonder(first.clone(), open.len()));
                return Vec::new();
            }
            // Asked once per export: the next one asks again.
            app.als_concept = false;
            vec![Effect::Export(set)]
        }
        Err(Tegenhouder::Bsn(text)) => {
            app.open(Overlay::Bsn(text));
            Vec::new()
        }
        Err(Tegenhouder::Onaf(found)) => {
            app.open(Overlay::Gate(found));
            Vec::new()
        }
        Err(t @ (Tegenhouder::Sjabloon(_) | Tegenhouder::Vastleggen(_))) => {
            app.info(MessageKind::Error, t.melding());
            Vec::new()
        }
        Err(t @ Tegenhouder::NietsTeOefenen) => {
            app.info(MessageKind::Info, t.melding());
            Vec::new()
        }
        Err(Tegenhouder::GeenKlant) => {
            let label = app.gemeente.klant_label.clone();
            app.info(
                MessageKind::Warning,
                format!(
                    "Vul eerst bij Gegevens de {label} in (initialen of schuilnaam); die komt in de bestandsnaam."
                ),
            );
            Vec::new()
        }
        Err(t) => {
            app.info(MessageKind::Warning, t.melding());
            Vec::new()
        }
    }
}

/// Practice is about the trainee: the report (or, in a class session, the round) goes to
/// the trainer folder, not to the plans folder where clients' files live.
fn export_oefening(app: &mut App) -> Vec<Effect> {
    match crate::tui::klas::bewaar(app, false) {
        Some(effect) => vec![effect],
        None => {
            app.info(MessageKind::Info, Tegenhouder::NietsTeOefenen.melding());
            Vec::new()
        }
    }
}

/// The text version of the plan for the case system, on the clipboard. The text leaves
/// the app, so the same BSN check as the export applies first.
fn kopieer(app: &mut App) -> Vec<Effect> {
    if !privacy::session_bsn_findings(&app.session).is_empty() {
        app.info(
            MessageKind::Warning,
            "Er staat iets dat op een BSN lijkt in het plan. Sla het plan eerst op: dan vraagt meedoen of het weg moet.",
        );
        return Vec::new();
    }
    match plan::render_with(
        Formaat::Txt,
        &app.session,
        &app.data,
        &app.templates,
        &app.gemeente,
    ) {
        Ok(tekst) => vec![Effect::Kopieer {
            stem: crate::store::files::plan_stem(app.session.datum, &app.session.klant),
            tekst,
        }],
        Err(problem) => {
            app.info(
                MessageKind::Error,
                format!("Sjabloon klopt niet: {problem}"),
            );
            Vec::new()
        }
    }
}
