//! Where the app is and what a key does there: the context (an overlay, the start
//! screen, tally mode, the page), the key's action in it, and which commands apply now,
//! so the hints and the help list show only keys that act. Tally mode lends the page
//! every key that cannot be typed.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::super::action::{Action, Command};
use super::super::app::{App, Focus, Overlay, PageKind, Screen};
use super::{Binding, Ctx, TYPING, is_printable, matches, parse_key};

/// The context the app is in right now.
pub fn context(app: &App) -> Ctx {
    match &app.overlay {
        Some(Overlay::Help) => return Ctx::Help,
        Some(Overlay::Jump(_)) => return Ctx::Jump,
        Some(Overlay::Toelichting | Overlay::Plan(..)) => return Ctx::Toelichting,
        Some(Overlay::ConfirmDelete(..)) => return Ctx::Confirm,
        Some(Overlay::Onbewaard(_)) => return Ctx::Onbewaard,
        Some(Overlay::Bewaartermijn { .. }) => return Ctx::Bewaartermijn,
        Some(Overlay::Bsn(_)) => return Ctx::Bsn,
        Some(Overlay::Gate(_)) => return Ctx::Gate,
        Some(Overlay::Bijzonder(..)) => return Ctx::Bijzonder,
        Some(Overlay::PlanTekst(_)) => return Ctx::PlanTekst,
        Some(Overlay::Gemeente(_)) => return Ctx::Gemeente,
        Some(Overlay::Stoppen) => return Ctx::OefenStoppen,
        Some(Overlay::VerlaatOefenen) => return Ctx::OefenVerlaten,
        Some(Overlay::Globals(..)) => return Ctx::Globals,
        Some(Overlay::Optie) => {
            return if app.optie_form.as_ref().is_some_and(|f| f.kies.is_some()) {
                Ctx::OptieLijst
            } else {
                Ctx::OptieForm
            };
        }
        Some(Overlay::OptieVraag(_)) => return Ctx::OptieVraag,
        Some(Overlay::Term) => return Ctx::TermForm,
        Some(Overlay::Verborgen(_)) => return Ctx::Verborgen,
        None => {}
    }
    base_context(app)
}

/// The context beneath any overlay (the help overlay lists this one's keys).
pub fn base_context(app: &App) -> Ctx {
    if app.screen == Screen::Start {
        return if app.start.filtering {
            Ctx::StartFilter
        } else {
            Ctx::Start
        };
    }
    if app.turven {
        return Ctx::Tally;
    }
    page_context(app)
}

/// The context of the gesprek page itself, as if tally mode were off: tally mode lends
/// it every key that cannot be typed, so F2, Ctrl+S and the arrows keep working.
fn page_context(app: &App) -> Ctx {
    if super::super::projector::aan(app) {
        return Ctx::Presentatie;
    }
    match app.page_kind() {
        PageKind::Gegevens | PageKind::Afspraken | PageKind::Evaluatie => Ctx::Form,
        PageKind::Review => Ctx::Review,
        PageKind::Suggesties => match app.focus {
            Focus::Search => Ctx::Search,
            _ => Ctx::Suggestions,
        },
        PageKind::Step => match app.focus {
            Focus::Picker(_) => Ctx::Picker,
            _ => Ctx::Notes,
        },
    }
}

/// Turns a key into an action, or nothing. Pure: depends only on the app and the key.
pub fn map_key(app: &App, key: KeyEvent) -> Option<Action> {
    // Windows reports releases too; acting on them would double every key.
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctx = context(app);
    let bound = |ctx: Ctx| {
        app.keymap
            .for_ctx(ctx)
            .find(|b| b.keys.iter().any(|k| matches(k, &key)))
            .map(|b| Action::Cmd(b.cmd))
    };
    if let Some(action) = bound(ctx) {
        return Some(action);
    }
    let plain_char = match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    if ctx == Ctx::Tally {
        // Typing stays off while tallying; every other key does what it does on the page.
        return match plain_char {
            Some(_) => None,
            None => {
                bound(page_context(app)).filter(|a| !matches!(a, Action::Cmd(c) if !lendable(*c)))
            }
        };
    }
    match ctx {
        Ctx::Notes | Ctx::Form | Ctx::PlanTekst | Ctx::OptieForm | Ctx::TermForm => {
            Some(Action::Edit(key))
        }
        // In a list, typing searches it: the start screen's clients, the catalogue.
        Ctx::Picker
        | Ctx::Search
        | Ctx::StartFilter
        | Ctx::Start
        | Ctx::Suggestions
        | Ctx::OptieLijst => match (plain_char, key.code) {
            (Some(c), _) => Some(Action::Filter(c)),
            (None, KeyCode::Backspace) => Some(Action::FilterBackspace),
            _ => None,
        },
        _ => None,
    }
}

/// Whether tally mode lends a page command: not the ones that change the text of a
/// field, since no notes are written while tallying.
fn lendable(cmd: Command) -> bool {
    !matches!(cmd, Command::VeldLeegmaken | Command::VeldHerstellen)
}

/// In tally mode, the page's own commands that still work, each with the first key that
/// does (one that cannot be typed): for the help overlay and the hints, so Ctrl+S on the
/// review page is found while letters do nothing.
pub fn lent(app: &App) -> Vec<(&Binding, &str)> {
    if base_context(app) != Ctx::Tally {
        return Vec::new();
    }
    let tally_keys: Vec<_> = app
        .keymap
        .for_ctx(Ctx::Tally)
        .flat_map(|b| b.keys.iter().map(|k| parse_key(k)))
        .collect();
    app.keymap
        .for_ctx(page_context(app))
        .filter(|b| {
            !b.ctx.contains(&Ctx::Tally)
                && lendable(b.cmd)
                && applies(app, page_context(app), b.cmd)
        })
        .filter_map(|b| {
            b.keys
                .iter()
                .find(|k| {
                    let key = parse_key(k);
                    // A key tally mode binds itself (Esc, Backspace) is not lent.
                    !key.is_some_and(is_printable) && !tally_keys.contains(&key)
                })
                .map(|k| (b, k.as_str()))
        })
        .collect()
}

/// Whether a command does something where the app is now: hints and the help list show
/// only keys that act here (Ctrl+A adds an afspraak only on the afspraken page).
pub fn applies(app: &App, ctx: Ctx, cmd: Command) -> bool {
    use super::super::app::StartItem;
    use super::super::form::{self, FormRow};
    let row = || form::rows(app).get(app.form_row).cloned();
    match (ctx, cmd) {
        // The first and the last page have nowhere to go that way: no hint for it.
        (_, Command::Volgende) if app.screen == super::super::app::Screen::Gesprek => {
            app.page != super::super::app::Page::Review
        }
        (_, Command::Vorige) if app.screen == super::super::app::Screen::Gesprek => {
            app.page != super::super::app::Page::Gegevens
        }
        (
            Ctx::Form,
            Command::AfspraakToevoegen | Command::AfspraakVerwijderen | Command::EigenToevoegen,
        ) => app.page_kind() == PageKind::Afspraken,
        (Ctx::Form, Command::Kiezen) => {
            matches!(
                row(),
                Some(FormRow::Akkoord | FormRow::Status(_) | FormRow::Besluit(_))
            )
        }
        (Ctx::Form, Command::VeldLeegmaken | Command::VeldHerstellen) => {
            matches!(row(), Some(FormRow::Text(_)))
        }
        (_, Command::Onthullen) => app.oefenklant().is_some(),
        // The main aim is marked among the wensen only.
        (Ctx::Picker, Command::Hoofddoel) => match app.focus {
            super::super::app::Focus::Picker(i) => {
                app.current_step()
                    .and_then(|s| s.stap.kiezen.get(i).copied())
                    == Some(crate::core::script::Lijst::Wensen)
            }
            _ => false,
        },
        (Ctx::Review, Command::FormaatMd | Command::FormaatHtml | Command::FormaatTxt) => {
            !app.session.oefenen
        }
        (Ctx::Start, Command::PlanBekijken) => matches!(
            app.start_items().get(app.start.selected),
            Some(StartItem::Client(_))
        ),
        (Ctx::Start, Command::Verwijderen) => matches!(
            app.start_items().get(app.start.selected),
            Some(StartItem::Draft(_))
        ),
        (Ctx::Start, Command::Nieuw) => app.mode == super::super::app::Mode::Echt,
        (
            Ctx::Start,
            Command::DeelnemerVolgende
            | Command::DeelnemerVorige
            | Command::TimerLanger
            | Command::TimerKorter,
        ) => app.klas.is_some(),
        (_, Command::RondeAfronden) => app.session.oefenen,
        (Ctx::Suggestions | Ctx::Search, Command::OptieNieuw) => {
            app.sugg_tab == super::super::app::SuggTab::Catalogus
        }
        (
            Ctx::Suggestions | Ctx::Search,
            Command::OptieBewerken | Command::OptieKopieren | Command::OptieVerbergen,
        ) => super::super::update::heeft_optie(app),
        (Ctx::Suggestions | Ctx::Search, Command::OptieOrigineel | Command::OptieTerug) => {
            super::super::update::aangepast(app)
        }
        (Ctx::Suggestions | Ctx::Search, Command::TermNieuw | Command::VerborgenTonen) => {
            app.sugg_tab == super::super::app::SuggTab::Catalogus
        }
        (Ctx::OptieForm | Ctx::OptieLijst, Command::TermNieuw) => app
            .optie_form
            .as_ref()
            .is_some_and(|f| super::super::term_form::soort_van(f.veld()).is_some()),
        (Ctx::Form, Command::OptieUitEigen) => matches!(
            row(),
            Some(FormRow::Text(
                crate::core::fields::Field::EigenTitel(_)
                    | crate::core::fields::Field::EigenPlaats(_)
                    | crate::core::fields::Field::EigenContact(_)
                    | crate::core::fields::Field::EigenUren(_)
                    | crate::core::fields::Field::EigenBegeleiding(_)
            ))
        ),
        _ => true,
    }
}

/// Whether a context takes typed text (so the status bar can say letters are text).
pub fn is_typing(ctx: Ctx) -> bool {
    TYPING.contains(&ctx)
}

/// Whether typed letters search a list here (rather than being text in a field).
pub fn is_search(ctx: Ctx) -> bool {
    matches!(
        ctx,
        Ctx::Start
            | Ctx::StartFilter
            | Ctx::Suggestions
            | Ctx::Search
            | Ctx::Picker
            | Ctx::OptieLijst
    )
}
