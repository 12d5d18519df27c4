//! The catalogue option form and its questions. Every field shows its value, a line of
//! plain Dutch on what it is for, and what is wrong with it right now beside it; a field
//! picked from a list opens the list over the form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::core::eigen_catalogus::herkomst;

use super::super::action::Command;
use super::super::app::{App, OptieVraag};
use super::super::keymap::Ctx;
use super::super::optie_form::{Modus, OptieForm, Soort, Veld, meldingen};
use super::super::update::zichtbaar;
use super::{centered, key_hint, truncate};

/// Width of the label column.
const LABEL: u16 = 21;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(f) = app.optie_form.as_deref() else {
        return;
    };
    let r = centered(
        area,
        area.width.saturating_sub(2).min(110),
        area.height.saturating_sub(2),
    );
    let title = match f.modus {
        Modus::Nieuw => " Nieuwe optie · uw eigen catalogus ".to_string(),
        Modus::Kopie => " Kopie van een optie · uw eigen catalogus ".to_string(),
        Modus::Bewerken => {
            let h = app
                .data
                .catalogue
                .find(&f.begin.id)
                .map_or("eigen", |o| herkomst(o, &app.catalogus_onder).label());
            format!(" Optie bewerken · nu: {h} ")
        }
    };
    let ctx = Ctx::OptieForm;
    let bottom = format!(
        " {} opslaan · {} kiezen uit lijst · {} volgend veld · {} sluiten ",
        key_hint(app, ctx, Command::OptieOpslaan),
        key_hint(app, ctx, Command::Kiezen),
        key_hint(app, ctx, Command::FocusVolgende),
        key_hint(app, ctx, Command::Terug),
    );
    let w = r.width.saturating_sub(2) as usize;
    let block = Block::bordered()
        .title(Span::styled(truncate(&title, w), app.theme.title))
        .title_bottom(Span::styled(truncate(&bottom, w), app.theme.muted))
        .border_style(app.theme.focus);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let [status, rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let fouten = meldingen(f, &app.data.taxonomy, &app.data.catalogue);
    let line = match (f.fouten.first(), fouten.len()) {
        (Some(e), _) => Line::from(Span::styled(
            format!("Niet opgeslagen: {e}"),
            app.theme.error,
        )),
        (None, 0) => Line::from(Span::styled(
            "Alles is ingevuld zoals het moet. Opslaan zet de optie in uw eigen catalogus.",
            app.theme.ok,
        )),
        (None, n) => Line::from(Span::styled(
            format!("Nog {n} veld(en) aan te vullen; zie de meldingen bij de velden."),
            app.theme.warning,
        )),
    };
    frame.render_widget(Paragraph::new(line), status);
    let per_page = (rows.height / 2).max(1) as usize;
    let first = (f.rij + 1).saturating_sub(per_page);
    for (n, veld) in Veld::ALL.iter().enumerate().skip(first).take(per_page) {
        let y = rows.y + ((n - first) * 2) as u16;
        let row = Rect::new(rows.x, y, rows.width, 1);
        let uitleg = Rect::new(rows.x + LABEL, y + 1, rows.width.saturating_sub(LABEL), 1);
        field(app, frame, f, *veld, n == f.rij, fouten.get(veld), row);
        frame.render_widget(
            Paragraph::new(Span::styled(veld.uitleg(), app.theme.muted)),
            uitleg,
        );
    }
    if f.kies.is_some() {
        lijst(app, frame, f, r);
    }
}

fn field(
    app: &App,
    frame: &mut Frame,
    f: &OptieForm,
    veld: Veld,
    here: bool,
    melding: Option<&String>,
    row: Rect,
) {
    let [label, value, msg] = Layout::horizontal([
        Constraint::Length(LABEL),
        Constraint::Fill(1),
        Constraint::Length(
            melding.map_or(0, |m| (m.chars().count() as u16 + 3).min(row.width / 2)),
        ),
    ])
    .areas(row);
    let style = if here {
        app.theme.focus
    } else {
        app.theme.emphasis
    };
    let marker = if here { "› " } else { "  " };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&format!("{marker}{}", veld.label()), LABEL as usize - 1),
            style,
        )),
        label,
    );
    match (&f.area, here) {
        (Some(area), true) => frame.render_widget(area, value),
        _ => {
            let mut text = f.waarde(veld, &app.data.taxonomy);
            if veld.soort() != Soort::Tekst {
                text = format!("{text} ▾");
            } else if veld == Veld::Id && f.modus == Modus::Bewerken {
                text = format!("{text} (vast)");
            }
            frame.render_widget(Paragraph::new(truncate(&text, value.width as usize)), value);
        }
    }
    if let Some(m) = melding {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&format!(" ⚠ {m}"), msg.width as usize),
                app.theme.warning,
            )),
            msg,
        );
    }
}

/// The list of a field, over the form.
fn lijst(app: &App, frame: &mut Frame, f: &OptieForm, over: Rect) {
    let Some(k) = &f.kies else {
        return;
    };
    let veld = f.veld();
    let keuzes = zichtbaar(veld, &k.filter, &app.data.taxonomy);
    // As tall as the list needs (search line and borders included), at most the form.
    let h = (keuzes.len().max(1) as u16 + 3).min(over.height.saturating_sub(4));
    let r = centered(over, over.width.saturating_sub(8).min(64), h);
    let ctx = Ctx::OptieLijst;
    let wat = if veld.soort() == Soort::Meer {
        "aan/uit"
    } else {
        "kiezen"
    };
    let bottom = format!(
        " {} {wat} · {} klaar ",
        key_hint(app, ctx, Command::Kiezen),
        key_hint(app, ctx, Command::Terug)
    );
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", veld.label()), app.theme.title))
        .title_bottom(Span::styled(bottom, app.theme.muted))
        .border_style(app.theme.focus);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let [zoek, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Zoek: ", app.theme.emphasis),
            Span::raw(k.filter.as_str()),
            Span::styled("▏", app.theme.focus),
        ])),
        zoek,
    );
    let gekozen = f.gekozen(veld);
    let h = rest.height as usize;
    let first = (k.selected + 1).saturating_sub(h);
    let lines: Vec<Line> = keuzes
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(i, (v, l))| {
            let on = gekozen.contains(v);
            let mark = match (veld.soort(), on) {
                (Soort::Meer, true) => "[x] ",
                (Soort::Meer, false) => "[ ] ",
                (_, true) => "(•) ",
                (_, false) => "( ) ",
            };
            let style = if i == k.selected {
                app.theme.selected
            } else {
                app.theme.base
            };
            Line::from(Span::styled(format!("{mark}{l}"), style))
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Niets gevonden; wis de zoektekst.",
                app.theme.muted,
            )),
            rest,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), rest);
    }
}

/// The options hidden in the personal catalogue, to bring one back.
pub fn verborgen(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let lijst = super::super::update::verborgen(app);
    let h = (lijst.len() as u16 + 4).min(area.height.saturating_sub(4));
    let r = centered(area, area.width.saturating_sub(8).min(72), h);
    let ctx = Ctx::Verborgen;
    let bottom = format!(
        " {} weer tonen… · {} terug ",
        key_hint(app, ctx, Command::Kiezen),
        key_hint(app, ctx, Command::Terug)
    );
    let block = Block::bordered()
        .title(Span::styled(" Verborgen opties ", app.theme.title))
        .title_bottom(Span::styled(bottom, app.theme.muted))
        .border_style(app.theme.focus);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let [uitleg, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Span::styled(
            "Ingebouwde opties die u verborg. Kies er een om haar weer te tonen.",
            app.theme.muted,
        ))
        .wrap(Wrap { trim: true }),
        uitleg,
    );
    let h = rest.height as usize;
    let first = (selected + 1).saturating_sub(h);
    let lines: Vec<Line> = lijst
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(i, (id, titel))| {
            let style = if i == selected {
                app.theme.selected
            } else {
                app.theme.base
            };
            Line::from(vec![
                Span::styled(format!("{titel} "), style),
                Span::styled(format!("({id})"), app.theme.muted),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rest);
}

/// A question about the catalogue.
pub fn vraag(app: &App, frame: &mut Frame, area: Rect, v: &OptieVraag) {
    let (title, tekst) = match v {
        OptieVraag::Verlaten => (
            " Formulier sluiten ",
            "U heeft dingen veranderd die nog niet zijn opgeslagen. Het formulier sluiten en die wijzigingen weggooien?".to_string(),
        ),
        OptieVraag::Verbergen(_, titel) => (
            " Optie verbergen ",
            format!("“{titel}” verbergen? Ze staat dan niet meer in de suggesties en de catalogus. Een ingebouwde optie blijft bewaard: {} bij ‘Hele catalogus’ toont haar weer.", key_hint(app, Ctx::Suggestions, Command::VerborgenTonen)),
        ),
        OptieVraag::Terug(_, titel) => (
            " Terug naar ingebouwd ",
            format!("Uw eigen versie van “{titel}” weghalen en de ingebouwde versie weer gebruiken?"),
        ),
        OptieVraag::Tonen(_, titel) => (
            " Optie weer tonen ",
            format!("“{titel}” weer tonen? De regel die haar verbergt, gaat uit uw eigen catalogus.ron; de ingebouwde optie staat dan weer in de suggesties en de catalogus."),
        ),
        OptieVraag::TermVerlaten => (
            " Formulier sluiten ",
            "U heeft al iets ingevuld voor de nieuwe wens, kracht of belemmering. Het formulier sluiten en dat weggooien?".to_string(),
        ),
    };
    let ja = match v {
        OptieVraag::Verlaten | OptieVraag::TermVerlaten => "ja, sluiten zonder opslaan",
        OptieVraag::Verbergen(..) => "ja, verbergen",
        OptieVraag::Terug(..) => "ja, terug naar ingebouwd",
        OptieVraag::Tonen(..) => "ja, weer tonen",
    };
    let r = centered(area, area.width.saturating_sub(4).min(70), 9);
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.title))
        .border_style(app.theme.warning);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let ctx = Ctx::OptieVraag;
    let lines = vec![
        Line::from(tekst),
        Line::raw(""),
        Line::from(vec![
            Span::styled(
                format!(" {:<8}", key_hint(app, ctx, Command::Ja)),
                app.theme.key,
            ),
            Span::raw(ja),
        ]),
        Line::from(vec![
            Span::styled(
                format!(" {:<8}", key_hint(app, ctx, Command::Nee)),
                app.theme.key,
            ),
            Span::raw("nee, terug"),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
