//! The form for a new wens, kracht or belemmering. Every field shows its value, a line of
//! plain Dutch on what it is for, and what is wrong with it right now beside it, as in
//! the option form; it is drawn over the option form when opened from there.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use super::super::term_form::{TermForm, TermVeld};
use super::{centered, key_hint, truncate};

/// Width of the label column.
const LABEL: u16 = 21;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(f) = app.term_form.as_deref() else {
        return;
    };
    let velden = f.velden();
    // Status line, two lines per field, a line for where it goes, and the borders.
    let h = (velden.len() as u16 * 2 + 4).min(area.height.saturating_sub(2));
    let r = centered(area, area.width.saturating_sub(6).min(100), h);
    let title = match f.voor {
        Some(veld) => format!(" Nieuwe {} · voor ‘{}’ ", f.soort.singular(), veld.label()),
        None => format!(" Nieuwe {} · uw eigen lijst ", f.soort.singular()),
    };
    let ctx = Ctx::TermForm;
    let bottom = format!(
        " {} opslaan · {} volgend veld · {} sluiten ",
        key_hint(app, ctx, Command::TermOpslaan),
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
    let [status, rows, waar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let meldingen = f.meldingen(&app.data.taxonomy);
    let line = match (f.fouten.first(), meldingen.len()) {
        (Some(e), _) => Line::from(Span::styled(
            format!("Niet opgeslagen: {e}"),
            app.theme.error,
        )),
        (None, 0) => Line::from(Span::styled(
            "Alles is ingevuld zoals het moet. Opslaan maakt haar meteen kiesbaar.",
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
    for (n, veld) in velden.iter().enumerate().skip(first).take(per_page) {
        let y = rows.y + ((n - first) * 2) as u16;
        let row = Rect::new(rows.x, y, rows.width, 1);
        let uitleg = Rect::new(rows.x + LABEL, y + 1, rows.width.saturating_sub(LABEL), 1);
        field(app, frame, f, *veld, n == f.rij, meldingen.get(veld), row);
        frame.render_widget(
            Paragraph::new(Span::styled(veld.uitleg(), app.theme.muted)),
            uitleg,
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(
                "Komt in uw eigen taxonomie.ron, naast de ingebouwde lijst.",
                waar.width as usize,
            ),
            app.theme.muted,
        )),
        waar,
    );
}

fn field(
    app: &App,
    frame: &mut Frame,
    f: &TermForm,
    veld: TermVeld,
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
            let text = match veld {
                TermVeld::Soort => format!("{} ◂▸", f.soort.singular()),
                _ => f.tekst(veld).to_string(),
            };
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
