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

/// The context that decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Start,
    /// Typing notes on a step.
    Notes,
    /// A tag picker with type-to-filter.
    Picker,
    /// A form field (client details, afspraken).
    Form,
    /// The suggestions lists.
    Suggestions,
    /// Typing in the catalogue search.
    Search,
    Review,
    Help,
    Jump,
    Toelichting,
    Confirm,
    /// Typing a filter over the client overview.
    StartFilter,
    /// Tally mode: number keys count MI behaviour.
    Tally,
    /// Stopping while the draft cannot be saved: choose what happens to the text.
    Onbewaard,
    /// Files past the bewaartermijn, offered for erasure per client.
    Bewaartermijn,
}

/// Every context, for validation and tests.
pub const ALL_CTX: &[Ctx] = &[
    Ctx::Start,
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Suggestions,
    Ctx::Search,
    Ctx::Review,
    Ctx::Help,
    Ctx::Jump,
    Ctx::Toelichting,
    Ctx::Confirm,
    Ctx::StartFilter,
    Ctx::Tally,
    Ctx::Onbewaard,
    Ctx::Bewaartermijn,
];

/// Contexts where letters are typed text.
const TYPING: &[Ctx] = &[
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Search,
    Ctx::StartFilter,
];
/// The contexts of an open gesprek (also where the trainer keys F4–F6 work).
const GESPREK: &[Ctx] = &[
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Suggestions,
    Ctx::Search,
    Ctx::Review,
    Ctx::Tally,
];
/// Every screen without an overlay: help and quitting work everywhere here.
const SCREENS: &[Ctx] = &[
    Ctx::Start,
    Ctx::StartFilter,
    Ctx::Notes,
    Ctx::Picker,
    Ctx::Form,
    Ctx::Suggestions,
    Ctx::Search,
    Ctx::Review,
    Ctx::Tally,
];
const LISTS: &[Ctx] = &[
    Ctx::Start,
    Ctx::Suggestions,
    Ctx::Review,
    Ctx::Jump,
    Ctx::Help,
];

/// One default binding: in these contexts, these keys run this command.
#[derive(Debug, Clone, Copy)]
pub struct DefaultBinding {
    pub ctx: &'static [Ctx],
    pub keys: &'static [&'static str],
    pub cmd: Command,
}

const fn b(ctx: &'static [Ctx], keys: &'static [&'static str], cmd: Command) -> DefaultBinding {
    DefaultBinding { ctx, keys, cmd }
}

/// The default keymap. Order matters only for display.
pub const BINDINGS: &[DefaultBinding] = &[
    b(GESPREK, &["PgDn", "Ctrl+N"], Command::Volgende),
    b(GESPREK, &["PgUp", "Ctrl+P"], Command::Vorige),
    b(GESPREK, &["Tab"], Command::FocusVolgende),
    b(GESPREK, &["Shift+Tab"], Command::FocusVorige),
    b(GESPREK, &["Ctrl+G"], Command::Springen),
    b(&[Ctx::Notes, Ctx::Picker], &["F2"], Command::Toelichting),
    b(&[Ctx::Picker, Ctx::Form], &["Up"], Command::Omhoog),
    b(&[Ctx::Picker, Ctx::Form], &["Down"], Command::Omlaag),
    b(&[Ctx::Picker], &["Enter"], Command::Kiezen),
    b(&[Ctx::Form], &["Enter"], Command::FocusVolgende),
    b(&[Ctx::Form], &["Ctrl+A"], Command::AfspraakToevoegen),
    b(&[Ctx::Form], &["Ctrl+D"], Command::AfspraakVerwijderen),
    b(&[Ctx::Form], &["Ctrl+Space", "F3"], Command::Kiezen),
    b(LISTS, &["Up", "k"], Command::Omhoog),
    b(LISTS, &["Down", "j"], Command::Omlaag),
    b(
        &[Ctx::Start, Ctx::Suggestions],
        &["Enter", "Space"],
        Command::Kiezen,
    ),
    b(&[Ctx::Jump], &["Enter"], Command::Kiezen),
    b(&[Ctx::Start], &["n"], Command::Nieuw),
    b(&[Ctx::Start], &["/"], Command::Filteren),
    b(&[Ctx::Start], &["p"], Command::PlanBekijken),
    b(&[Ctx::StartFilter], &["Enter", "Down"], Command::Terug),
    b(GESPREK, &["F6"], Command::Turven),
    b(&[Ctx::Tally], &["Backspace"], Command::TurfOngedaan),
    b(GESPREK, &["F4"], Command::Onthullen),
    b(GESPREK, &["F5"], Command::Presentatie),
    b(&[Ctx::Start], &["Delete", "d"], Command::Verwijderen),
    b(&[Ctx::Suggestions], &["Right", "l"], Command::TabVolgende),
    b(&[Ctx::Suggestions], &["Left", "h"], Command::TabVorige),
    b(&[Ctx::Suggestions], &["/"], Command::Zoeken),
    b(&[Ctx::Suggestions], &["+"], Command::UrenMeer),
    b(&[Ctx::Suggestions], &["-"], Command::UrenMinder),
    b(&[Ctx::Search], &["Up"], Command::Omhoog),
    b(&[Ctx::Search], &["Down"], Command::Omlaag),
    b(&[Ctx::Search], &["Enter"], Command::Kiezen),
    b(&[Ctx::Review], &["e", "Ctrl+S"], Command::Exporteren),
    b(&[Ctx::Review], &["m"], Command::FormaatMd),
    b(&[Ctx::Review], &["w"], Command::FormaatHtml),
    b(&[Ctx::Review], &["t"], Command::FormaatTxt),
    b(&[Ctx::Confirm], &["t"], Command::TochOpslaan),
    b(&[Ctx::Confirm], &["j", "y"], Command::Ja),
    b(&[Ctx::Confirm], &["n", "Esc"], Command::Nee),
    b(
        &[Ctx::Start, Ctx::Suggestions, Ctx::Review],
        &["?"],
        Command::Help,
    ),
    b(&[Ctx::Start], &["q"], Command::Stoppen),
    b(SCREENS, &["F1"], Command::Help),
    b(
        &[
            Ctx::Notes,
            Ctx::Picker,
            Ctx::Form,
            Ctx::Suggestions,
            Ctx::Search,
            Ctx::Review,
            Ctx::Help,
            Ctx::Jump,
            Ctx::Toelichting,
            Ctx::StartFilter,
        ],
        &["Esc"],
        Command::Terug,
    ),
    b(&[Ctx::Tally], &["Esc"], Command::Turven),
    b(
        &[Ctx::Help, Ctx::Toelichting],
        &["F1", "?", "q", "Enter"],
        Command::Terug,
    ),
    b(&[Ctx::Toelichting], &["Up", "k"], Command::Omhoog),
    b(
        &[Ctx::Toelichting],
        &["Down", "j", "Space"],
        Command::Omlaag,
    ),
    b(SCREENS, &["Ctrl+Q"], Command::Stoppen),
    // No letters here: a consultant typing on after Ctrl+Q must not pick anything.
    b(&[Ctx::Onbewaard], &["Up"], Command::Omhoog),
    b(&[Ctx::Onbewaard], &["Down"], Command::Omlaag),
    b(&[Ctx::Onbewaard], &["Enter"], Command::Kiezen),
    b(&[Ctx::Onbewaard], &["Esc"], Command::Terug),
    b(&[Ctx::Onbewaard], &["F10"], Command::StoppenZonderOpslaan),
    b(&[Ctx::Bewaartermijn], &["Up"], Command::Omhoog),
    b(&[Ctx::Bewaartermijn], &["Down"], Command::Omlaag),
    b(&[Ctx::Bewaartermijn], &["Delete"], Command::Verwijderen),
    b(&[Ctx::Bewaartermijn], &["Esc"], Command::Terug),
];

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
}

/// Name of the keymap file in the config folder.
pub const KEYMAP_FILE: &str = crate::store::layers::KEYMAP_FILE;

/// Every problem in a keymap file: the check the app layer runs on `toetsen.ron` in
/// every front-end, so `meedoen controleer` and the start agree.
pub fn check(src: &Source) -> Vec<Problem> {
    Keymap::from_source(src).err().unwrap_or_default()
}

impl Keymap {
    /// The bindings active in a context.
    pub fn for_ctx(&self, ctx: Ctx) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.ctx.contains(&ctx))
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
        for o in &file.toetsen {
            for k in &o.toetsen {
                if parse_key(k).is_none() {
                    problems.push(Problem::at(
                        &src.name,
                        &src.text,
                        0,
                        &format!("\"{k}\""),
                        format!(
                            "onbekende toets `{k}` (voorbeelden: \"Ctrl+N\", \"F5\", \"PgDn\", \"Shift+Tab\", \"j\")"
                        ),
                    ));
                }
            }
            let mut found = false;
            for b in map.bindings.iter_mut().filter(|b| b.cmd == o.opdracht) {
                b.keys = o.toetsen.clone();
                found = true;
            }
            if !found {
                problems.push(Problem::at(
                    &src.name,
                    &src.text,
                    0,
                    &format!("{:?}", o.opdracht),
                    format!(
                        "opdracht `{:?}` heeft geen toetsen om te vervangen",
                        o.opdracht
                    ),
                ));
            }
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

    /// Keys bound twice in one context, and plain letters that would be stolen from a
    /// text field.
    pub fn conflicts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for &ctx in ALL_CTX {
            let mut seen: Vec<(Option<(KeyCode, KeyModifiers)>, Command)> = Vec::new();
            for b in self.for_ctx(ctx) {
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
                    if TYPING.contains(&ctx)
                        && matches!(parsed, Some((KeyCode::Char(_), m)) if m.is_empty())
                    {
                        out.push(format!(
                            "toets `{k}` voor {:?} zou in tekstvelden een letter wegnemen; kies een Ctrl-, Alt- of F-toets",
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
        Some(Overlay::ConfirmDelete(..) | Overlay::Bsn(_)) => return Ctx::Confirm,
        Some(Overlay::Onbewaard(_)) => return Ctx::Onbewaard,
        Some(Overlay::Bewaartermijn { .. }) => return Ctx::Bewaartermijn,
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
        Ctx::Notes | Ctx::Form => Some(Action::Edit(key)),
        Ctx::Tally => plain_char
            .and_then(crate::core::tally::Gedrag::from_toets)
            .map(Action::Turf),
        Ctx::Picker | Ctx::Search | Ctx::StartFilter => match (plain_char, key.code) {
            (Some(c), _) => Some(Action::Filter(c)),
            (None, KeyCode::Backspace) => Some(Action::FilterBackspace),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a context takes typed text (so the status bar can say letters are text).
pub fn is_typing(ctx: Ctx) -> bool {
    TYPING.contains(&ctx)
}

#[cfg(test)]
mod tests;
