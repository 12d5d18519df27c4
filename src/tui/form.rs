//! The layout of the form pages (client details, afspraken) and of the jump list: which
//! rows exist in which order. Derived from the session each time, so adding an afspraak
//! needs no bookkeeping beyond the session itself.

use super::app::{App, Page, PageKind};
use super::editor::Field;

/// One row of a form page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormRow {
    Text(Field),
    /// The client's agreement: a three-way toggle, not text.
    Akkoord,
    /// Vervolggesprek: whether the n-th previous afspraak was kept (a toggle).
    Status(usize),
    /// Vervolggesprek: for an afspraak not kept or partly kept, go on, change or stop (a
    /// toggle).
    Besluit(usize),
}

/// Number of afspraak rows shown: at least one, so there is always a place to start.
pub fn afspraak_count(app: &App) -> usize {
    app.session.afspraken.len().max(1)
}

/// The rows of the current form page.
pub fn rows(app: &App) -> Vec<FormRow> {
    match app.page_kind() {
        PageKind::Gegevens => [
            Field::Klant,
            Field::Consulent,
            Field::Plaats,
            Field::Datum,
            Field::Leeftijd,
        ]
        .into_iter()
        .map(FormRow::Text)
        .collect(),
        PageKind::Afspraken => {
            let mut rows: Vec<FormRow> = (0..afspraak_count(app))
                .flat_map(|i| {
                    [
                        Field::AfspraakWat(i),
                        Field::AfspraakWie(i),
                        Field::AfspraakWanneer(i),
                    ]
                })
                .map(FormRow::Text)
                .collect();
            // Eigen activiteiten (Ctrl+E adds one), written like catalogue options.
            rows.extend(
                (0..app.session.eigen.len())
                    .flat_map(|i| {
                        [
                            Field::EigenTitel(i),
                            Field::EigenPlaats(i),
                            Field::EigenContact(i),
                            Field::EigenUren(i),
                            Field::EigenBegeleiding(i),
                        ]
                    })
                    .map(FormRow::Text),
            );
            // An option chosen although the suggestions excluded it: why.
            rows.extend(
                app.session
                    .gekozen
                    .iter()
                    .filter(|id| {
                        app.suggesties
                            .uitgesloten
                            .iter()
                            .any(|u| &*u.id == id.as_str())
                    })
                    .map(|id| FormRow::Text(Field::GekozenReden(id.clone()))),
            );
            rows.extend(
                app.session
                    .belemmeringen
                    .iter()
                    .map(|b| FormRow::Text(Field::Aanpak(b.clone()))),
            );
            rows.extend(
                [
                    Field::Uren,
                    Field::UrenToelichting,
                    Field::Startdatum,
                    Field::Evaluatiedatum,
                    Field::VolgendContact,
                ]
                .into_iter()
                .map(FormRow::Text),
            );
            rows.push(FormRow::Akkoord);
            rows.push(FormRow::Text(Field::AkkoordToelichting));
            rows
        }
        PageKind::Evaluatie => (0..app.session.evaluaties.len())
            .flat_map(|i| {
                let mut rows = vec![
                    FormRow::Status(i),
                    FormRow::Text(Field::EvalHielp(i)),
                    FormRow::Text(Field::EvalLastig(i)),
                ];
                // Not kept, or partly: how to go on must be decided, with a reason.
                if app.session.evaluaties[i].status.vraagt_besluit() {
                    rows.push(FormRow::Besluit(i));
                    rows.push(FormRow::Text(Field::EvalReden(i)));
                }
                rows
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The afspraak a form row belongs to, if any.
pub fn afspraak_at(app: &App, row: usize) -> Option<usize> {
    match rows(app).get(row) {
        Some(FormRow::Text(
            Field::AfspraakWat(i) | Field::AfspraakWie(i) | Field::AfspraakWanneer(i),
        )) => Some(*i),
        _ => None,
    }
}

/// Every page one can jump to, with its label: details, every step of the script (also
/// those hidden by a condition, marked as such), and the review.
pub fn jump_targets(app: &App) -> Vec<(Page, String)> {
    let visible = app.pages();
    let mut out = vec![(Page::Gegevens, "Gegevens van het gesprek".to_string())];
    for s in app.data.script.steps() {
        let page = Page::Step(s.stap.id.clone());
        let hidden = if visible.contains(&page) {
            ""
        } else {
            " (overgeslagen)"
        };
        out.push((page, format!("{} › {}{hidden}", s.fase.titel, s.stap.titel)));
    }
    out.push((Page::Review, "Plan controleren en opslaan".to_string()));
    out
}
