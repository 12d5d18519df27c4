//! Typing into the field being edited: a key, a paste, clearing and restoring. Every
//! change is written into the session at once (`editor::store`), so autosave always has
//! the last keystroke; a date or number that does not parse yet is kept as typed.

use super::*;

/// Applies an edit to the bound text field and mirrors it into the session.
pub(super) fn edit(
    app: &mut App,
    f: impl FnOnce(&mut ratatui_textarea::TextArea<'static>) -> bool,
) -> Vec<Effect> {
    let plan_tekst = matches!(app.overlay, Some(Overlay::PlanTekst(_)));
    if !plan_tekst && (app.focus != Focus::Text || app.screen != Screen::Gesprek) {
        return Vec::new();
    }
    let on_text_row = plan_tekst
        || match app.page_kind() {
            PageKind::Step => true,
            PageKind::Gegevens | PageKind::Afspraken | PageKind::Evaluatie => {
                matches!(form::rows(app).get(app.form_row), Some(FormRow::Text(_)))
            }
            _ => false,
        };
    if !on_text_row {
        return Vec::new();
    }
    if !f(&mut app.editor.area) {
        return Vec::new();
    }
    let field = app.editor.field.clone();
    let text = app.editor.text();
    match editor::store(&field, text, &mut app.session, &mut app.invalid) {
        Ok(())
            if field == Field::Uren
                && app
                    .session
                    .uren_per_week
                    .is_some_and(|u| u > app.gemeente.max_uren) =>
        {
            app.info(
                MessageKind::Warning,
                format!(
                    "Meer dan {} uur per week: boven het maximum van de gemeente. Zet de reden erbij.",
                    app.gemeente.max_uren
                ),
            );
        }
        Ok(()) => {
            if app
                .message
                .as_ref()
                .is_some_and(|m| m.kind == MessageKind::Warning)
            {
                app.message = None;
            }
            // A follow-up date before the gesprek is almost always a typing slip.
            if let Some(d) = follow_up_date(&field, &app.session).filter(|d| *d < app.session.datum)
            {
                app.info(
                    MessageKind::Warning,
                    format!(
                        "{} {} ligt vóór het gesprek van {}.",
                        field.label(),
                        editor::format_date(d),
                        editor::format_date(app.session.datum)
                    ),
                );
            }
        }
        Err(msg) => app.info(MessageKind::Warning, format!("{}: {msg}", field.label())),
    }
    changed(app)
}

/// The date a follow-up field holds, if the field is one.
fn follow_up_date(field: &Field, s: &crate::core::session::Session) -> Option<chrono::NaiveDate> {
    match field {
        Field::Startdatum => s.startdatum,
        Field::Evaluatiedatum => s.evaluatiedatum,
        Field::VolgendContact => s.volgend_contact,
        _ => None,
    }
}

/// Pasted text goes into the focused field or filter; single-line fields get it on one
/// line so a paste cannot smuggle line breaks into a file name or a date.
pub(super) fn paste(app: &mut App, text: String) -> Vec<Effect> {
    let text = editor::strip_controls(&text.replace("\r\n", "\n").replace('\r', "\n"));
    if app.screen == Screen::Start {
        let line = text.lines().next().unwrap_or("").to_string();
        filter_edit(app, |f| f.push_str(&line));
        return Vec::new();
    }
    // In the plan's own text a paste is text, whatever the page below has in focus.
    if matches!(app.overlay, Some(Overlay::PlanTekst(_))) {
        return edit(app, |area| area.insert_str(text));
    }
    match app.focus {
        Focus::Text => {
            let multiline = app.editor.field.is_multiline();
            // A paste this large into a one-line field is a slip (the wrong clipboard);
            // it is refused whole, so nothing is half-pasted and nothing is written.
            let n = text.chars().count();
            if !multiline && n > MAX_ONE_LINE_PASTE {
                app.info(
                    MessageKind::Warning,
                    format!(
                        "Niet geplakt: {n} tekens is te veel voor ‘{}’. Plak lange tekst in de notities.",
                        app.editor.field.label()
                    ),
                );
                return Vec::new();
            }
            let text = if multiline {
                text
            } else {
                text.replace('\n', " ")
            };
            edit(app, |area| area.insert_str(text))
        }
        Focus::Picker(_) | Focus::Search => {
            let line = text.lines().next().unwrap_or("").to_string();
            filter_edit(app, |f| f.push_str(&line));
            Vec::new()
        }
        Focus::List => Vec::new(),
    }
}

/// Clearing and restoring the field being edited, on a page or in the plan's text.
pub(super) fn command_in_editor(app: &mut App, cmd: Command) -> Vec<Effect> {
    if cmd == Command::VeldLeegmaken {
        edit(app, |area| {
            // Select and cut, so the textarea's own undo brings the text back.
            area.select_all();
            area.cut()
        })
    } else {
        edit(app, |area| area.undo())
    }
}
