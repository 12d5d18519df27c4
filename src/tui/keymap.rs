//! Keys to actions. One table of bindings (the active keymap: the defaults below, with
//! the user's `toetsen.ron` applied) feeds `map_key`, the help overlay and the status bar,
//! so what the screen says a key does is what it does. Focus decides who gets a key:
//! while a text field or filter has focus, plain letters are text, so every command there
//! sits on a key that cannot be typed (PgDn, Tab, F1, Ctrl+…).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

use crate::core::data::Source;
use crate::core::parse::{Parsed, parse_data};
use crate::core::problem::Problem;

use super::action::{Action, Command};
use super::app::{App, Focus, Overlay, PageKind, Screen};

mod bindings;
pub use bindings::*;

/// Parses a key name as written in the keymap ("Ctrl+N", "PgDn", "Shift+Tab", "j").
pub fn parse_key(spec: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = spec;
    loop {
        if let Some(r) = rest.strip_prefix("Ctrl+") {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Alt+") {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Shift+") {
            mods |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        "Tab" => KeyCode::Tab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Space" => KeyCode::Char(' '),
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Delete" => KeyCode::Delete,
        "Backspace" => KeyCode::Backspace,
        f if f.starts_with('F') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?.to_ascii_lowercase()),
        _ => return None,
    };
    Some((code, mods))
}

/// Whether a key event matches a key name. Shift is ignored for characters (terminals
/// differ in reporting it) and for BackTab.
fn matches(spec: &str, key: &KeyEvent) -> bool {
    let Some((code, mods)) = parse_key(spec) else {
        return false;
    };
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    let key_code = match key.code {
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    match code {
        KeyCode::Char(_) | KeyCode::BackTab => {
            key_code == code && (key.modifiers & relevant) == (mods & relevant)
        }
        _ => {
            key_code == code
                && (key.modifiers & (relevant | KeyModifiers::SHIFT))
                    == (mods & (relevant | KeyModifiers::SHIFT))
        }
    }
}

/// One active binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub ctx: &'static [Ctx],
    pub keys: Vec<String>,
    pub cmd: Command,
}

/// The active keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS
                .iter()
                .map(|d| Binding {
                    ctx: d.ctx,
                    keys: d.keys.iter().map(|k| (*k).to_string()).collect(),
                    cmd: d.cmd,
                })
                .collect(),
        }
    }
}

/// One entry of `toetsen.ron`: these keys for this command, wherever it is bound.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub opdracht: Command,
    pub toetsen: Vec<String>,
}

/// The user's keymap file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeymapFile {
    pub toetsen: Vec<Override>,
    /// j/k move up and down where letters are neither text nor a search (the plan, the
    /// step list, help), for those used to vim.
    #[serde(default)]
    pub vim: bool,
}

/// Name of the keymap file in the config folder.
pub const KEYMAP_FILE: &str = crate::store::layers::KEYMAP_FILE;

/// Every problem in a keymap file: the check the app layer runs on `toetsen.ron` in
/// every front-end, so `meedoen controleer` and the start agree.
pub fn check(src: &Source) -> Vec<Problem> {
    Keymap::from_source(src).err().unwrap_or_default()
}

/// Whether a key produces a printable character (Shift included: "Shift+a" is an `A`).
pub fn is_printable(key: (KeyCode, KeyModifiers)) -> bool {
    matches!(key, (KeyCode::Char(_), m) if !m.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT))
}

/// Contexts where Space is a list's tick rather than text.
const SPACE_TICKS: &[Ctx] = &[
    Ctx::Start,
    Ctx::Suggestions,
    Ctx::Review,
    Ctx::Jump,
    Ctx::Help,
    Ctx::Toelichting,
];

impl Keymap {
    /// The bindings active in a context.
    pub fn for_ctx(&self, ctx: Ctx) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.ctx.contains(&ctx))
    }

    /// The keys of a command in a context, in the order written (the first is the one
    /// hints show). Empty when the command has no key there.
    pub fn keys(&self, ctx: Ctx, cmd: Command) -> Vec<&str> {
        self.for_ctx(ctx)
            .filter(|b| b.cmd == cmd)
            .flat_map(|b| b.keys.iter().map(String::as_str))
            .collect()
    }

    /// The defaults with the user's file applied, or every problem in it (placed at the
    /// entry that causes it).
    pub fn from_source(src: &Source) -> Result<Parsed<Keymap>, Vec<Problem>> {
        let Parsed {
            value: file,
            warnings,
        } = parse_data::<KeymapFile>(&src.name, &src.text).map_err(|p| vec![p])?;
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        // Each entry is looked for after the previous one, so a problem in the second
        // entry for a command is placed there and not at the first.
        let mut from = 0;
        for o in &file.toetsen {
            let name = format!("{:?}", o.opdracht);
            let entry = src.text[from.min(src.text.len())..]
                .find(&name)
                .map_or(from, |i| from + i);
            from = entry + name.len();
            let at =
                |needle: &str, msg: String| Problem::at(&src.name, &src.text, entry, needle, msg);
            if o.toetsen.is_empty() {
                problems.push(at(
                    "toetsen",
                    format!(
                        "opdracht `{name}` heeft een lege lijst toetsen; noem minstens één toets (bijvoorbeeld \"F8\") of laat de regel weg voor de standaardtoetsen"
                    ),
                ));
            }
            for k in &o.toetsen {
                let needle = format!("\"{k}\"");
                match parse_key(k) {
                    None => problems.push(at(
                        &needle,
                        format!(
                            "onbekende toets `{k}` (voorbeelden: \"Ctrl+N\", \"F5\", \"PgDn\", \"Shift+Tab\", \"Alt+J\")"
                        ),
                    )),
                    Some(key) if is_printable(key) && key.0 != KeyCode::Char(' ') => {
                        problems.push(at(
                            &needle,
                            format!(
                                "toets `{k}` typt een teken; een opdracht op een teken gaat af terwijl u typt. Kies een Ctrl-, Alt- of F-toets (j/k om te bewegen: zet `vim: true`)"
                            ),
                        ))
                    }
                    Some(_) => {}
                }
            }
            let mut found = false;
            for b in map.bindings.iter_mut().filter(|b| b.cmd == o.opdracht) {
                b.keys = o.toetsen.clone();
                found = true;
            }
            if !found {
                problems.push(at(
                    &name,
                    format!("opdracht `{name}` heeft geen toetsen om te vervangen"),
                ));
            }
        }
        if file.vim {
            map.bindings.push(Binding {
                ctx: VIM_CTX,
                keys: vec!["k".into()],
                cmd: Command::Omhoog,
            });
            map.bindings.push(Binding {
                ctx: VIM_CTX,
                keys: vec!["j".into()],
                cmd: Command::Omlaag,
            });
        }
        if problems.is_empty() {
            problems.extend(
                map.conflicts()
                    .into_iter()
                    .map(|msg| Problem::new(&src.name, 1, 1, msg)),
            );
        }
        if problems.is_empty() {
            Ok(Parsed {
                value: map,
                warnings,
            })
        } else {
            Err(problems)
        }
    }

    /// Keys bound twice in one context, and characters that would act while someone
    /// types: in text fields, searches and questions every command needs a key that
    /// cannot be typed.
    pub fn conflicts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for &ctx in ALL_CTX {
            let mut seen: Vec<(Option<(KeyCode, KeyModifiers)>, Command)> = Vec::new();
            for b in self.for_ctx(ctx) {
                if b.keys.is_empty() {
                    out.push(format!("opdracht {:?} heeft geen toets", b.cmd));
                }
                for k in &b.keys {
                    let parsed = parse_key(k);
                    if let Some((_, other)) = seen.iter().find(|(p, c)| *p == parsed && *c != b.cmd)
                    {
                        out.push(format!(
                            "toets `{k}` is twee keer gebruikt ({:?} en {:?})",
                            other, b.cmd
                        ));
                    }
                    seen.push((parsed, b.cmd));
                    let typed = match parsed {
                        Some(key @ (KeyCode::Char(' '), _)) => {
                            is_printable(key) && !SPACE_TICKS.contains(&ctx)
                        }
                        Some(key) => {
                            is_printable(key) && (TYPING.contains(&ctx) || DIALOGS.contains(&ctx))
                        }
                        None => false,
                    };
                    if typed {
                        out.push(format!(
                            "toets `{k}` voor {:?} zou een getypt teken wegnemen; kies een Ctrl-, Alt- of F-toets",
                            b.cmd
                        ));
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

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
    if let Some(b) = app
        .keymap
        .for_ctx(ctx)
        .find(|b| b.keys.iter().any(|k| matches(k, &key)))
    {
        return Some(Action::Cmd(b.cmd));
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
    match ctx {
        Ctx::Notes | Ctx::Form | Ctx::PlanTekst => Some(Action::Edit(key)),
        Ctx::Tally => plain_char
            .and_then(crate::core::tally::Gedrag::from_toets)
            .map(Action::Turf),
        // In a list, typing searches it: the start screen's clients, the catalogue.
        Ctx::Picker | Ctx::Search | Ctx::StartFilter | Ctx::Start | Ctx::Suggestions => {
            match (plain_char, key.code) {
                (Some(c), _) => Some(Action::Filter(c)),
                (None, KeyCode::Backspace) => Some(Action::FilterBackspace),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether a command does something where the app is now: hints and the help list show
/// only keys that act here (Ctrl+A adds an afspraak only on the afspraken page).
pub fn applies(app: &App, ctx: Ctx, cmd: Command) -> bool {
    use super::app::StartItem;
    use super::form::{self, FormRow};
    let row = || form::rows(app).get(app.form_row).cloned();
    match (ctx, cmd) {
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
        (Ctx::Start, Command::Nieuw) => app.mode == super::app::Mode::Echt,
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
        Ctx::Start | Ctx::StartFilter | Ctx::Suggestions | Ctx::Search | Ctx::Picker
    )
}

pub mod table;

#[cfg(test)]
mod tests;
