//! The screens, one per file, and the frame around them (header, progress, message line,
//! key hints). `view` only draws: it reads the app and never changes it.

pub mod afspraken;
pub mod b1_pane;
pub mod evaluatie;
pub mod form_widget;
pub mod gegevens;
pub mod groot;
mod keuzelijsten;
pub mod optie;
pub mod overlays;
pub mod plan_tekst;
pub mod projector;
pub mod review;
pub mod start;
pub mod step;
pub mod suggestions;
pub mod tally;
pub mod term;
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

/// `text` cut to `width` columns, with "…" where it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A line of spans cut to `width` columns, with "…" where it was cut, so a row never
/// ends mid-word without saying so.
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'static> {
    let mut room = width;
    let total = line.width();
    let spans = line
        .spans
        .into_iter()
        .filter_map(|s| {
            if room == 0 {
                return None;
            }
            let text = if total > width {
                truncate(&s.content, room)
            } else {
                s.content.to_string()
            };
            room = room.saturating_sub(text.width());
            if text.ends_with('…') && total > width {
                room = 0;
            }
            Some(Span::styled(text, s.style))
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// A path cut in the middle to `width` columns, so both the start (which drive or
/// folder) and the end (the file name) stay readable.
pub fn shorten_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width < 5 {
        return truncate(text, width);
    }
    let chars: Vec<char> = text.chars().collect();
    let keep_end = (width - 1) * 3 / 5;
    let keep_start = width - 1 - keep_end;
    let mut end = String::new();
    let mut w = 0;
    for &c in chars.iter().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > keep_end {
            break;
        }
        end.insert(0, c);
        w += cw;
    }
    let start = truncate(text, keep_start + 1);
    let start = start.trim_end_matches('…');
    format!("{start}…{end}")
}

/// The key shown for a command in a context: the first key the active keymap gives it
/// there, so a hint is never a key that does something else. "—" when it has none.
pub fn key_hint(app: &App, ctx: Ctx, cmd: Command) -> String {
    app.keymap
        .keys(ctx, cmd)
        .first()
        .map_or_else(|| "—".to_string(), |k| key_display(k))
}

/// Rows these lines take when wrapped at word boundaries to `width`, as `Paragraph`
/// wraps them (a word longer than the width is split), so scrolling reaches the end.
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let w = width.max(1) as usize;
    let rows: usize = lines.iter().map(|l| line_rows(l, w)).sum();
    rows.min(u16::MAX as usize) as u16
}

fn line_rows(line: &Line<'_>, w: usize) -> usize {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let mut rows = 1;
    let mut col = 0usize;
    for word in text.split_inclusive(' ') {
        let ww = word.trim_end_matches(' ').width();
        let full = word.width();
        if col > 0 && col + ww > w {
            rows += 1;
            col = 0;
        }
        if ww > w {
            // A word wider than the line is cut over several rows.
            rows += (col + ww - 1) / w;
            col = (col + full) % w;
        } else {
            col += full;
        }
    }
    rows
}

/// The header: app, script, client and the times, cut with "…" from the least needed
/// part, so the client and the times never run together.
fn render_header(app: &App, frame: &mut Frame, area: Rect) {
    let pages = app.pages();
    let i = app.page_index(&pages);
    let label = app.gemeente.klant_label.trim();
    let klant = if app.session.klant.trim().is_empty() {
        format!("({label} nog niet ingevuld)")
    } else {
        format!("{label} {}", app.session.klant.trim())
    };
    // The times need no ticking clock (and no CPU): when the gesprek and this step began.
    let mut right = Vec::new();
    if let Some(t) = &app.gesprek_sinds {
        right.push(format!("gesprek vanaf {t}"));
    }
    if let Some(t) = &app.stap_sinds {
        right.push(format!("stap vanaf {t}"));
    }
    right.push(format!("pagina {}/{}", i + 1, pages.len()));
    let mut right = format!(" {} ", right.join(" · "));
    // On a narrow screen the times lose a word, not their labels, so the client fits.
    if area.width < 110 {
        right = right.replace(" vanaf ", " ").replace("pagina ", "");
    }
    let width = area.width as usize;
    let room = width.saturating_sub(right.width() + 1);
    let klant = truncate(&klant, room.saturating_sub(1).max(8));
    let prefix_room = room.saturating_sub(klant.width() + 1);
    let app_name = " meedoen ";
    let titel = format!("· {} · ", app.data.script.titel);
    let mut left = Vec::new();
    if prefix_room >= app_name.width() + titel.width() {
        left.push(Span::styled(app_name, app.theme.title));
        left.push(Span::styled(titel, app.theme.muted));
    } else if prefix_room > app_name.width() + 6 {
        left.push(Span::styled(app_name, app.theme.title));
        let t = truncate(titel.trim_end(), prefix_room - app_name.width() - 2);
        left.push(Span::styled(format!("{t} · "), app.theme.muted));
    } else {
        left.push(Span::raw(" "));
    }
    left.push(Span::styled(klant, app.theme.emphasis));
    let [l, r] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right.width() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(left)), l);
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
    let used = pages.len() + 3;
    let place = truncate(&place, (area.width as usize).saturating_sub(used));
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
    // Cut in the middle, so a path keeps its file name and a sentence its end.
    let text = shorten_middle(&text, (area.width as usize).saturating_sub(1));
    frame.render_widget(Paragraph::new(format!(" {text}")).style(style), area);
}

/// How a key name is shown to people: arrows as arrows, also after Ctrl or Alt.
pub fn key_display(key: &str) -> String {
    let (mods, name) = match key.rfind('+') {
        Some(i) if i + 1 < key.len() => key.split_at(i + 1),
        _ => ("", key),
    };
    let name = match name {
        "Up" => "↑",
        "Down" => "↓",
        "Left" => "←",
        "Right" => "→",
        "Space" => "spatie",
        other => other,
    };
    format!("{mods}{name}")
}

/// Key hints for the current context, from the same table that maps keys. Help comes
/// first so it is never the hint that falls off a narrow screen.
fn render_hints(app: &App, frame: &mut Frame, area: Rect) {
    let ctx = keymap::context(app);
    let mut spans = Vec::new();
    let mut width = 1usize;
    let lead = if keymap::is_search(ctx) {
        Some("typen = zoeken · ")
    } else if keymap::is_typing(ctx) {
        Some("letters = tekst · ")
    } else {
        None
    };
    if let Some(s) = lead {
        spans.push(Span::styled(s, app.theme.muted));
        width += s.width();
    }
    // Help first, then what is special to this screen, then the general keys.
    let mut bindings: Vec<&keymap::Binding> = app
        .keymap
        .for_ctx(ctx)
        .filter(|b| !b.keys.is_empty() && keymap::applies(app, ctx, b.cmd))
        .collect();
    // A key that cannot be typed is the one to learn; then the most specific first.
    bindings.sort_by_key(|b| {
        let typed = keymap::parse_key(&b.keys[0]).is_some_and(keymap::is_printable);
        (typed, b.ctx.len())
    });
    let (help, rest): (Vec<&keymap::Binding>, Vec<&keymap::Binding>) =
        bindings.into_iter().partition(|b| b.cmd == Command::Help);
    // Tally mode: the codes are on the strip; the page's own keys that still work (such
    // as Ctrl+S) come first, since letters do nothing there.
    let lent = keymap::lent(app);
    let shown_keys = help
        .into_iter()
        .take(1)
        .map(|b| (b, b.keys[0].as_str()))
        .chain(lent)
        .chain(
            rest.into_iter()
                .filter(|b| !matches!(b.cmd, Command::Turf(_)))
                .map(|b| (b, b.keys[0].as_str())),
        );
    let mut shown: Vec<Command> = Vec::new();
    for (b, key) in shown_keys {
        if matches!(
            b.cmd,
            Command::Omhoog
                | Command::Omlaag
                | Command::BladOmhoog
                | Command::BladOmlaag
                | Command::NaarBegin
                | Command::NaarEinde
        ) || shown.contains(&b.cmd)
        {
            continue;
        }
        shown.push(b.cmd);
        let key = key_display(key);
        let label = b.cmd.label();
        let w = key.width() + label.width() + 3;
        // A long hint that does not fit leaves room for shorter ones after it.
        if width + w > area.width as usize {
            continue;
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
