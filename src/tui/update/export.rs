//! `update` for the review page and the export: formats, the BSN check, the MI report
//! beside the plan (never in it), and practice sessions that write only the report.

use crate::core::plan::{self, Formaat};
use crate::core::privacy;
use crate::core::tally::{ReportMeta, report_markdown};

use super::super::action::Command;
use super::super::app::{App, MessageKind, Overlay};
use super::super::effect::Effect;

pub(super) fn review_command(app: &mut App, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Omhoog => app.review_scroll = app.review_scroll.saturating_sub(1),
        Command::Omlaag => app.review_scroll = app.review_scroll.saturating_add(1),
        Command::Exporteren => return export(app),
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
        }
        _ => {}
    }
    Vec::new()
}

/// Renders the plan in every chosen format and asks for it to be written, with the
/// session beside it (and the MI tally report, when there is one, as its own file: the
/// tally never goes into the client's plan). A practice session writes only the report.
pub(super) fn export(app: &mut App) -> Vec<Effect> {
    if app.session.oefenen {
        return export_oefening(app);
    }
    if app.session.klant.trim().is_empty() {
        app.info(
            MessageKind::Warning,
            "Vul eerst bij Gegevens de klant in (initialen of schuilnaam); die komt in de bestandsnaam.",
        );
        return Vec::new();
    }
    // Text typed into a date or number field that does not parse is kept on screen but
    // not in the session; saving now would quietly leave it out of the plan.
    if let Some((field, raw)) = app.invalid.iter().next() {
        app.info(
            MessageKind::Warning,
            format!(
                "Eerst verbeteren (bij Afspraken of Gegevens): {} ‘{}’ is niet geldig.",
                field.label(),
                raw.trim()
            ),
        );
        return Vec::new();
    }
    if !app.bsn_toch {
        let findings = privacy::session_bsn_findings(&app.session);
        if let Some(text) = privacy::describe_findings(&findings) {
            app.overlay = Some(Overlay::Bsn(text));
            return Vec::new();
        }
    }
    let mut files = Vec::new();
    for &format in &app.formats {
        match plan::render_with(
            format,
            &app.session,
            &app.data,
            &app.templates,
            &app.gemeente,
        ) {
            Ok(text) => files.push((format.extension().to_string(), text)),
            Err(problem) => {
                app.info(
                    MessageKind::Error,
                    format!("Sjabloon klopt niet: {problem}"),
                );
                return Vec::new();
            }
        }
    }
    let session = match ron::ser::to_string_pretty(&app.session, ron::ser::PrettyConfig::default())
    {
        Ok(text) => text,
        Err(e) => {
            app.info(
                MessageKind::Error,
                format!("Gesprek kan niet worden vastgelegd: {e}"),
            );
            return Vec::new();
        }
    };
    files.push(("sessie.ron".into(), session));
    if let Some(report) = tally_report(app) {
        files.push((crate::store::trainer::MI_RAPPORT_EXT.into(), report));
    }
    let stem = crate::store::files::plan_stem(app.session.datum, &app.session.klant);
    vec![Effect::Export { stem, files }]
}

/// The MI report, when behaviour was tallied in this session.
fn tally_report(app: &App) -> Option<String> {
    let tally = app.session.tally.as_ref().filter(|t| t.total() > 0)?;
    let meta = ReportMeta::for_session(&app.session, &app.data.script);
    Some(report_markdown(tally, &meta))
}

fn export_oefening(app: &mut App) -> Vec<Effect> {
    // Practice is about the trainee: the report (or, in a class session, the round) goes
    // to the trainer folder, not to the plans folder where clients' files live.
    match crate::tui::klas::bewaar(app, false) {
        Some(effect) => vec![effect],
        None => {
            app.info(
                MessageKind::Info,
                "Oefenen: er is nog niets geturfd (F6), dus er is geen rapport om op te slaan.",
            );
            Vec::new()
        }
    }
}
