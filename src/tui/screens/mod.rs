//! The screens, one per file, and the frame around them (header, progress, message line,
//! key hints). `view` only draws: it reads the app and never changes it.

pub mod afspraken;
pub mod evaluatie;
pub mod form_widget;
pub mod gegevens;
pub mod groot;
pub mod overlays;
pub mod projector;
pub mod review;
pub mod start;
pub mod step;
pub mod suggestions;
pub mod tally;
pub mod trainer;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::action::Command;
use super::app::{App, MessageKind, Page, PageKind, Screen};
use super::keymap::{self, Ctx};

/// The smallest terminal the layout is designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole app.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new("").style(app.theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let [header, progress, body, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match app.screen {
        Screen::Start => {
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(" meedoen ", app.theme.title),
                    Span::styled("· gespreksondersteuning voor activering", app.theme.muted),
                ])),
                header,
            );
            start::render(app, frame, progress.union(body));
        }
        Screen::Gesprek => {
            render_header(app, frame, header);
            render_progress(app, frame, progress);
            // A class round shows who plays and the countdown, large, above the page.
            let body = if trainer::ronde_loopt(app) {
                let [band, b] =
                    Layout::vertical([Constraint::Length(trainer::BAND), Constraint::Fill(1)])
                        .areas(body);
                trainer::ronde_band(app, frame, band);
                b
            } else {
                body
            };
            // The projector view is calm: no tally strip (the keys still count).
            if super::projector::aan(app) {
                projector::render(app, frame, body);
                render_message(app, frame, message);
                render_hints(app, frame, hints);
                overlays::render(app, frame, area);
                return;
            }
            // Tally mode takes a strip along the bottom so every page keeps its width.
            let body = if app.turven {
                let [b, strip] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(tally::HEIGHT)])
                        .areas(body);
                tally::render(app, frame, strip);
                b
            } else {
                body
            };
            match app.page_kind() {
                PageKind::Gegevens => gegevens::render(app, frame, body),
                PageKind::Step => step::render(app, frame, body),
                PageKind::Suggesties => suggestions::render(app, frame, body),
                PageKind::Afspraken => afspraken::render(app, frame, body),
                PageKind::Evaluatie => evaluatie::render(app, frame, body),
                PageKind::Review => review::render(app, frame, body),
            }
        }
    }
    render_message(app, frame, message);
    render_hints(app, frame, hints);
    overlays::render(app, frame, area);
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = format!(
        "Het venster is te klein ({}×{}). Maak het minstens {MIN_WIDTH}×{MIN_HEIGHT}. \
         Niets gaat verloren: uw tekst is bewaard.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.warning)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn render_header(app: &App, frame: &mut Frame, area: Rect) {
    let pages = app.pages();
    let i = app.page_index(&pages);
    let klant = if app.session.klant.trim().is_empty() {
        "(klant nog niet ingevuld)".to_string()
    } else {
        format!("klant {}", app.session.klant.trim())
    };
    // The time this step started: a timer that needs no ticking clock (and no CPU).
    let since = app
        .stap_sinds
        .as_ref()
        .map(|t| format!("sinds {t} · "))
        .unwrap_or_default();
    let right = format!("{since}pagina {} van {} ", i + 1, pages.len());
    let left = Line::from(vec![
        Span::styled(" meedoen ", app.theme.title),
        Span::styled(format!("· {} · ", app.data.script.titel), app.theme.muted),
        Span::styled(klant, app.theme.emphasis),
    ]);
    let [l, r] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right.width() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(left), l);
    frame.render_widget(Paragraph::new(Span::styled(right, app.theme.muted)), r);
}

/// A dot per page (● done, ◉ here, ○ to come) and where we are in words; symbols, not
/// colour, carry the meaning.
fn render_progress(app: &App, frame: &mut Frame, area: Rect) {
    let pages = app.pages();
    let i = app.page_index(&pages);
    let here_visible = pages.get(i) == Some(&app.page);
    let mut spans = vec![Span::raw(" ")];
    for (n, _) in pages.iter().enumerate() {
        let (sym, style) = if n == i && here_visible {
            ("◉", app.theme.focus)
        } else if n < i {
            ("●", app.theme.muted)
        } else {
            ("○", app.theme.muted)
        };
        spans.push(Span::styled(sym, style));
    }
    let place = match &app.page {
        Page::Gegevens => "Gegevens".to_string(),
        Page::Review => "Plan controleren".to_string(),
        Page::Step(_) => app
            .current_step()
            .map(|s| {
                let extra = if here_visible {
                    ""
                } else {
                    " (buiten de route)"
                };
                format!("{} › {}{extra}", s.fase.titel, s.stap.titel)
            })
            .unwrap_or_default(),
    };
    spans.push(Span::raw("  "));
    spans.push(Span::styled(place, app.theme.emphasis));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_message(app: &App, frame: &mut Frame, area: Rect) {
    let (style, text) = if let Some(err) = &app.save_error {
        (
            app.theme.error,
            format!(
                "✗ Concept niet opgeslagen: {err} Uw tekst staat nog in beeld; probeer opnieuw."
            ),
        )
    } else if let Some(m) = &app.message {
        let (sym, style) = match m.kind {
            MessageKind::Info => ("ℹ", app.theme.emphasis),
            MessageKind::Ok => ("✓", app.theme.ok),
            MessageKind::Warning => ("⚠", app.theme.warning),
            MessageKind::Error => ("✗", app.theme.error),
        };
        (style, format!("{sym} {}", m.text))
    } else {
        return;
    };
    frame.render_widget(Paragraph::new(format!(" {text}")).style(style), area);
}

/// How a key name is shown to people: arrows as arrows.
pub fn key_display(key: &str) -> String {
    match key {
        "Up" => "↑".into(),
        "Down" => "↓".into(),
        "Left" => "←".into(),
        "Right" => "→".into(),
        other => other.into(),
    }
}

/// Key hints for the current context, from the same table that maps keys. Help comes
/// first so it is never the hint that falls off a narrow screen.
fn render_hints(app: &App, frame: &mut Frame, area: Rect) {
    let ctx = keymap::context(app);
    let mut spans = Vec::new();
    let mut width = 1usize;
    if keymap::is_typing(ctx) {
        let s = "letters = tekst · ";
        spans.push(Span::styled(s, app.theme.muted));
        width += s.width();
    }
    // Help first, then what is special to this screen, then the general keys.
    let mut bindings: Vec<&keymap::Binding> = app.keymap.for_ctx(ctx).collect();
    bindings.sort_by_key(|b| b.ctx.len());
    let (help, rest): (Vec<&keymap::Binding>, Vec<&keymap::Binding>) =
        bindings.into_iter().partition(|b| b.cmd == Command::Help);
    // Tally mode: the codes are on the strip; the page's own keys that still work (such
    // as Ctrl+S) come first, since letters do nothing there.
    let lent = keymap::lent(app);
    let shown = help
        .into_iter()
        .take(1)
        .map(|b| (b, b.keys[0].as_str()))
        .chain(lent)
        .chain(
            rest.into_iter()
                .filter(|b| !matches!(b.cmd, Command::Turf(_)))
                .map(|b| (b, b.keys[0].as_str())),
        );
    for (b, key) in shown {
        if matches!(ctx, Ctx::Notes | Ctx::Form | Ctx::Picker)
            && matches!(b.cmd, Command::Omhoog | Command::Omlaag)
        {
            continue;
        }
        let key = key_display(key);
        let label = b.cmd.label();
        let w = key.width() + label.width() + 4;
        if width + w > area.width as usize {
            break;
        }
        spans.push(Span::styled(key, app.theme.key));
        spans.push(Span::styled(format!(" {label}  "), app.theme.muted));
        width += w;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area.inner_x(1));
}

/// Spans for `text` with the character ranges in `ranges` drawn in `matched`.
pub fn highlighted<'a>(
    text: &'a str,
    ranges: &[Range<usize>],
    base: Style,
    matched: Style,
) -> Vec<Span<'a>> {
    if ranges.is_empty() {
        return vec![Span::styled(text, base)];
    }
    let mut spans = Vec::new();
    let mut byte_of = text.char_indices().map(|(b, _)| b).collect::<Vec<_>>();
    byte_of.push(text.len());
    let at = |c: usize| byte_of[c.min(byte_of.len() - 1)];
    let mut pos = 0;
    for r in ranges {
        let (start, end) = (at(r.start), at(r.end));
        if start < pos || start > end {
            continue;
        }
        if start > pos {
            spans.push(Span::styled(&text[pos..start], base));
        }
        spans.push(Span::styled(&text[start..end], matched));
        pos = end;
    }
    if pos < text.len() {
        spans.push(Span::styled(&text[pos..], base));
    }
    spans
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

trait RectExt {
    fn inner_x(self, n: u16) -> Rect;
}

impl RectExt for Rect {
    fn inner_x(self, n: u16) -> Rect {
        Rect {
            x: self.x + n.min(self.width),
            width: self.width.saturating_sub(n),
            ..self
        }
    }
}
