//! `update` while an overlay is open: the jump list, scrolling every overlay with text,
//! and the answers to the questions (BSN, the export gate, deleting a draft). A question
//! is answered only by the commands it names; every other key leaves it open.

use crate::core::{bijzonder, fields::Field, privacy, sectie};

use super::super::action::Command;
use super::super::app::{App, MessageKind, Overlay};
use super::super::effect::Effect;
use super::super::form;
use super::{changed, enter_page, export};

/// How far the open overlay can scroll at the current terminal size.
pub(super) fn overlay_max_scroll(app: &App) -> u16 {
    super::super::screens::overlays::max_scroll(app)
}

fn scroll_overlay(app: &mut App, cmd: Command) {
    let page = app.size.1.saturating_sub(6).max(1);
    let max = overlay_max_scroll(app);
    let n = app.overlay_scroll;
    app.overlay_scroll = match cmd {
        Command::Omhoog => n.saturating_sub(1),
        Command::Omlaag => n.saturating_add(1),
        Command::BladOmhoog => n.saturating_sub(page),
        Command::BladOmlaag => n.saturating_add(page),
        Command::NaarBegin => 0,
        _ => max,
    }
    .min(max);
}

pub(super) fn overlay_command(app: &mut App, overlay: Overlay, cmd: Command) -> Vec<Effect> {
    match (overlay, cmd) {
        (Overlay::Onbewaard(o), cmd) => return super::onbewaard::command(app, o, cmd),
        (Overlay::Bewaartermijn { keuze, bevestigen }, cmd) => {
            return super::bewaartermijn::command(app, keuze, bevestigen, cmd);
        }
        (Overlay::Jump(i), Command::Omhoog) => {
            app.overlay = Some(Overlay::Jump(i.saturating_sub(1)))
        }
        (Overlay::Jump(i), Command::Omlaag) => {
            let max = form::jump_targets(app).len().saturating_sub(1);
            app.overlay = Some(Overlay::Jump((i + 1).min(max)));
        }
        (Overlay::Jump(_), Command::NaarBegin) => app.overlay = Some(Overlay::Jump(0)),
        (Overlay::Jump(_), Command::NaarEinde) => {
            let max = form::jump_targets(app).len().saturating_sub(1);
            app.overlay = Some(Overlay::Jump(max));
        }
        (Overlay::Jump(i), Command::Kiezen) => {
            app.overlay = None;
            if let Some((page, _)) = form::jump_targets(app).get(i).cloned() {
                enter_page(app, page);
                return vec![Effect::SaveDraft, Effect::StapGewisseld];
            }
        }
        (Overlay::Gemeente(i), Command::Omhoog) => {
            app.overlay = Some(Overlay::Gemeente(i.saturating_sub(1)));
        }
        (Overlay::Gemeente(i), Command::Omlaag) => {
            let max = app.profielen.len().saturating_sub(1);
            app.overlay = Some(Overlay::Gemeente((i + 1).min(max)));
        }
        (Overlay::Gemeente(i), Command::Kiezen) => {
            app.overlay = None;
            if let Some(p) = app.profielen.get(i) {
                return vec![Effect::CreateSession(Some(p.naam.clone()))];
            }
        }
        (
            _,
            Command::Omhoog
            | Command::Omlaag
            | Command::BladOmhoog
            | Command::BladOmlaag
            | Command::NaarBegin
            | Command::NaarEinde,
        ) => scroll_overlay(app, cmd),
        (Overlay::Bsn(_), Command::Ja) => {
            app.overlay = None;
            let n = privacy::remove_bsns(&mut app.session);
            let mut effects = changed(app);
            effects.push(Effect::BsnVerwijderd(n));
            // Re-bind the editor so it shows the cleaned text.
            let page = app.page.clone();
            enter_page(app, page);
            effects.extend(export(app));
            return effects;
        }
        (Overlay::Bsn(_), Command::TochOpslaan) => {
            app.overlay = None;
            app.bsn_toch = true;
            return export(app);
        }
        (Overlay::Gate(_), Command::AlsConcept) => {
            app.overlay = None;
            // Stays on through the questions that may follow (special categories) and is
            // reset once the files are handed over, or on Esc.
            app.als_concept = true;
            return export(app);
        }
        (Overlay::ConfirmDelete(id, klant), Command::Ja) => {
            app.overlay = None;
            app.info(
                MessageKind::Info,
                format!("Concept van {klant} wordt verwijderd…"),
            );
            return vec![Effect::DeleteDraft(id)];
        }
        (
            Overlay::Bijzonder(v, _),
            cmd @ (Command::Houden | Command::Herschrijven | Command::Weghalen),
        ) => {
            app.overlay = None;
            let besluit = match cmd {
                Command::Houden => bijzonder::Besluit::Houden,
                Command::Herschrijven => bijzonder::Besluit::Herschrijven,
                _ => bijzonder::Besluit::Weghalen,
            };
            if besluit == bijzonder::Besluit::Houden {
                app.bijzonder_gehouden
                    .push((v.field.clone(), v.tekst.clone()));
            }
            let mut effects = Vec::new();
            if bijzonder::besluit(&mut app.session, &v, besluit)
                && besluit != bijzonder::Besluit::Houden
            {
                effects.extend(changed(app));
                // Re-bind the editor so it shows the changed text.
                let page = app.page.clone();
                enter_page(app, page);
            }
            // On to the next finding, or the export itself.
            effects.extend(export(app));
            return effects;
        }
        (Overlay::PlanTekst(i), Command::FocusVolgende) => {
            plan_tekst(app, (i + 1) % sectie::BEWERKBAAR.len());
        }
        (Overlay::PlanTekst(i), Command::FocusVorige) => {
            let n = sectie::BEWERKBAAR.len();
            plan_tekst(app, (i + n - 1) % n);
        }
        (Overlay::PlanTekst(_), Command::VeldLeegmaken | Command::VeldHerstellen) => {
            return super::command_in_editor(app, cmd);
        }
        (Overlay::PlanTekst(_), Command::Terug) => {
            // Back to the plan, which now shows what was typed; every keystroke is
            // already in the session.
            app.overlay = None;
            app.focus = super::super::app::Focus::List;
            return vec![Effect::SaveDraft];
        }
        (Overlay::Help, Command::Help) => app.overlay = None,
        (_, Command::Terug | Command::Nee) => {
            app.overlay = None;
            app.als_concept = false;
        }
        _ => {}
    }
    Vec::new()
}

/// Opens (or moves to) section `i` of the plan's own text, its editor holding the edited
/// text or, until then, the notes that feed it.
pub(super) fn plan_tekst(app: &mut App, i: usize) {
    let sectie = sectie::BEWERKBAAR[i];
    let text = sectie::tekst(&app.session, &app.data, sectie);
    app.editor =
        super::super::editor::Editor::new(Field::PlanTekst(sectie::id(sectie).into()), &text);
    app.overlay = Some(Overlay::PlanTekst(i));
}
