//! The step screen: the NORBS coaching for this step (technique badges, doel, example
//! phrases, pitfalls), the notes editor, and the step's pickers with type-to-filter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use crate::core::oefen::Zet;
use crate::core::script::Stap;

use super::super::action::Command;
use super::super::app::{App, Focus};
use super::super::keymap::Ctx;
use super::super::lists;
use super::{highlighted, key_hint, wrapped_height};

/// Narrowest width of the picker panel (a wide screen gives it a third); the editor
/// gets the rest.
const PICKER_WIDTH: u16 = 34;

/// The coaching lines of a step: badges and doel, example phrases, pitfalls.
pub fn coaching_lines<'a>(app: &'a App, stap: &'a Stap) -> Vec<Line<'a>> {
    let t = &app.theme;
    let mut badges = vec![Span::raw(" ")];
    for tech in &stap.technieken {
        badges.push(Span::styled(format!(" {} ", tech.letter()), t.badge));
        badges.push(Span::styled(format!(" {}  ", tech.label()), t.emphasis));
    }
    let mut lines = vec![Line::from(badges)];
    lines.push(Line::from(vec![
        Span::styled(" Doel: ", t.emphasis),
        Span::raw(stap.doel.as_str()),
    ]));
    for zin in &stap.voorbeeldzinnen {
        lines.push(Line::from(vec![
            Span::styled(" › ", t.key),
            Span::raw(zin.as_str()),
        ]));
    }
    for val in &stap.valkuilen {
        lines.push(Line::from(vec![
            Span::styled(" ⚠ Valkuil: ", t.warning),
            Span::styled(val.as_str(), t.muted),
        ]));
    }
    lines
}

/// In practice: the demo client's answer at this step, once the trainer reveals it.
fn demo_lines<'a>(app: &'a App, stap: &Stap) -> Vec<Line<'a>> {
    let Some(klant) = app.oefenklant() else {
        return Vec::new();
    };
    let t = &app.theme;
    if !app.reveal {
        return vec![Line::from(Span::styled(
            format!(
                " ◇ {}: antwoord van de oefenklant tonen",
                key_hint(app, Ctx::Notes, Command::Onthullen)
            ),
            t.muted,
        ))];
    }
    let (zet, answer) = match klant.reactie(&stap.id, zet(app, &stap.id)) {
        Some((zet, a)) => (zet, format!("“{a}”")),
        None => (Zet::OpenVraag, "(geen antwoord bij deze stap)".to_string()),
    };
    vec![Line::from(vec![
        Span::styled(format!(" ◇ Oefenklant ({}): ", zet.label()), t.focus),
        Span::styled(answer, t.emphasis),
    ])]
}

/// What the trainee did last at this step, as the trainer tallied it; an open question
/// until something is tallied.
pub fn zet(app: &App, stap: &str) -> Zet {
    app.session
        .tally
        .as_ref()
        .and_then(|t| t.laatste_bij(stap))
        .and_then(Zet::from_gedrag)
        .unwrap_or(Zet::OpenVraag)
}

/// What each technique of the step is for, with a good and a poor example (and the
/// demo client's own examples in practice): for the trainer's panel and presentation.
pub fn technique_lines<'a>(app: &'a App, stap: &Stap) -> Vec<Line<'a>> {
    let t = &app.theme;
    let mut lines = Vec::new();
    for tech in &stap.technieken {
        let u = crate::core::oefen::techniek_uitleg(*tech);
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", tech.letter()), t.badge),
            Span::styled(format!(" {}: ", tech.label()), t.emphasis),
            Span::raw(u.wat),
        ]));
        lines.push(Line::from(vec![
            Span::styled("   ✓ goed: ", t.ok),
            Span::raw(format!("“{}”", u.goed)),
        ]));
        lines.push(Line::from(vec![
            Span::styled("   ✗ minder goed: ", t.warning),
            Span::styled(format!("“{}” — {}", u.slecht, u.waarom), t.muted),
        ]));
        if let Some(klant) = app.oefenklant() {
            for v in klant.voorbeelden(*tech) {
                lines.push(Line::from(vec![
                    Span::styled("   ✓ bij deze klant: ", t.ok),
                    Span::raw(format!("“{}”", v.goed)),
                ]));
                lines.push(Line::from(vec![
                    Span::styled("   ✗ liever niet: ", t.warning),
                    Span::styled(format!("“{}” — {}", v.slecht, v.waarom), t.muted),
                ]));
            }
        }
    }
    lines
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(step) = app.current_step() else {
        return;
    };
    let stap = step.stap;
    // The demo client's answer gets its own rows, so it is never cut off behind the
    // coaching (it is what the trainee has to respond to).
    let demo = demo_lines(app, stap);
    let demo_height = if demo.is_empty() {
        0
    } else {
        wrapped_height(&demo, area.width).min(area.height / 3)
    };
    let lines = coaching_lines(app, stap);
    let needed = wrapped_height(&lines, area.width);
    // The coaching may take up to 40 % of the screen; the notes need the room more.
    let max = (area.height * 2 / 5).max(4);
    let (height, cut) = if needed > max {
        (max, true)
    } else {
        (needed, false)
    };
    let [coach, work] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let mut shown = Text::from(lines);
    if cut {
        // Keep the last row for the hint that there is more.
        let [top, more] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(coach);
        frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), top);
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    " … {}: hele toelichting",
                    key_hint(app, Ctx::Notes, Command::Toelichting)
                ),
                app.theme.muted,
            )),
            more,
        );
    } else {
        shown.push_line(Line::raw(""));
        frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), coach);
    }

    let [demo_area, work] =
        Layout::vertical([Constraint::Length(demo_height), Constraint::Fill(1)]).areas(work);
    frame.render_widget(Paragraph::new(demo).wrap(Wrap { trim: false }), demo_area);
    let (notes_area, picker_area) = if stap.kiezen.is_empty() || app.turven {
        (work, None)
    } else {
        let [n, p] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(PICKER_WIDTH.max(work.width / 3)),
        ])
        .areas(work);
        (n, Some(p))
    };
    render_notes(
        app,
        frame,
        notes_area,
        &format!(
            "{} · {}",
            stap.notitie_label,
            crate::core::sectie::bestemming(&app.session, stap)
        ),
    );
    if let Some(p) = picker_area {
        render_picker(app, frame, p, stap);
    }
}

fn render_notes(app: &App, frame: &mut Frame, area: Rect, label: &str) {
    let focused = app.focus == Focus::Text;
    let block = Block::bordered()
        .title(format!(" {label} "))
        .border_style(if focused {
            app.theme.focus
        } else {
            app.theme.border
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&app.editor.area, inner);
    if app.editor.area.is_empty() && !focused {
        frame.render_widget(
            Paragraph::new(Span::styled("(nog niets genoteerd)", app.theme.muted)),
            inner,
        );
    }
}

fn render_picker(app: &App, frame: &mut Frame, area: Rect, stap: &Stap) {
    let active = match app.focus {
        Focus::Picker(i) => Some(i),
        _ => None,
    };
    let shown = active.unwrap_or(0).min(stap.kiezen.len() - 1);
    let lijst = stap.kiezen[shown];
    // The title names the shown picker; the line below says where Tab goes next, so
    // five lists fit in a narrow panel.
    let title = vec![
        Span::styled(
            format!(" {} ({}) ", lijst.label(), lists::picker_count(app, lijst)),
            app.theme.emphasis,
        ),
        Span::styled(
            if stap.kiezen.len() > 1 {
                format!("{}/{} ", shown + 1, stap.kiezen.len())
            } else {
                String::new()
            },
            app.theme.muted,
        ),
    ];
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(if active.is_some() {
            app.theme.focus
        } else {
            app.theme.border
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [filter_area, list_area, next_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let state = app.picker(lijst);
    let filter = if active.is_some() {
        Line::from(vec![
            Span::styled("Zoek: ", app.theme.muted),
            Span::raw(state.filter.as_str()),
            Span::styled("▏", app.theme.focus),
        ])
    } else {
        Line::from(Span::styled(
            format!(
                "{}: kiezen uit de lijst",
                key_hint(app, Ctx::Notes, Command::FocusVolgende)
            ),
            app.theme.muted,
        ))
    };
    let next = match active {
        Some(i) if i + 1 < stap.kiezen.len() => Some(stap.kiezen[i + 1].label()),
        Some(_) => Some("notities"),
        None => None,
    };
    frame.render_widget(Paragraph::new(filter), filter_area);
    if let Some(next) = next {
        frame.render_widget(
            Paragraph::new(Span::styled(
                super::truncate(
                    &format!(
                        "{}: aan/uit · {}: {next}",
                        key_hint(app, Ctx::Picker, Command::Kiezen),
                        key_hint(app, Ctx::Picker, Command::FocusVolgende)
                    ),
                    next_area.width as usize,
                ),
                app.theme.muted,
            )),
            next_area,
        );
    }
    let visible = lists::window(state.selected, list_area.height.into());
    let items = lists::picker_items_in(app, lijst, visible);
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("Niets gevonden voor ‘{}’", state.filter),
                app.theme.muted,
            ))
            .wrap(Wrap { trim: true }),
            list_area,
        );
        return;
    }
    let rows: Vec<ListItem> = items
        .iter()
        .map(|it| {
            let mark = if it.checked { "[x] " } else { "[ ] " };
            let mut spans = vec![Span::styled(
                mark,
                if it.checked {
                    app.theme.emphasis
                } else {
                    app.theme.muted
                },
            )];
            let base = if it.checked {
                app.theme.emphasis
            } else {
                app.theme.base
            };
            spans.extend(highlighted(&it.label, &it.ranges, base, app.theme.matched));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut list_state = ListState::default();
    if active.is_some() {
        list_state.select(Some(state.selected.min(items.len() - 1)));
    }
    frame.render_stateful_widget(
        List::new(rows).highlight_style(app.theme.selected),
        list_area,
        &mut list_state,
    );
}
