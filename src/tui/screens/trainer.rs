//! The trainer's own screens: the band above a class round (who plays, with which demo
//! client, and the countdown in large digits), the globals form at the end of a round
//! with the manual's anchors, the question before stopping with an unsaved tally, the
//! confirmation before leaving practice, and the class lines on the start screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::core::tally::{Gemiddelde, Global, Globals, rating_text};

use super::super::action::Command;
use super::super::app::App;
use super::super::keymap::Ctx;
use super::super::klas::{klok, resterend};
use super::{centered, groot, key_hint};

/// Rows of the round band: the big digits (no border, to leave the page its room at
/// 80×24).
pub const BAND: u16 = groot::HOOGTE;

/// Whether a class round is being played (and the band is shown).
pub fn ronde_loopt(app: &App) -> bool {
    app.klas.as_ref().is_some_and(|k| k.lopend.is_some())
}

/// The band above a round: round, participant and demo client on the left, the
/// countdown (or the time played, without a timer) large on the right.
pub fn ronde_band(app: &App, frame: &mut Frame, area: Rect) {
    let Some(lopend) = app.klas.as_ref().and_then(|k| k.lopend.as_ref()) else {
        return;
    };
    let t = &app.theme;
    let (tijd, over) = match resterend(app) {
        Some(secs) => (klok(secs), secs < 0),
        None => (klok(app.verstreken as i64), false),
    };
    let big = groot::regels(&tijd);
    let width = groot::breedte("-00:00") + 1;
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(width)]).areas(area);
    let label = if lopend.duur == 0 {
        "gespeeld (geen timer)"
    } else if over {
        "TIJD IS OM"
    } else {
        "nog te gaan"
    };
    let info = vec![
        Line::from(vec![
            Span::styled(format!(" Ronde {} ", lopend.nummer), t.badge),
            Span::styled(format!(" {}", lopend.deelnemer), t.title),
        ]),
        Line::from(Span::styled(app.session.klant.as_str(), t.emphasis)),
        Line::from(Span::styled(label, if over { t.warning } else { t.muted })),
        Line::from(Span::styled(
            format!(
                "{}: ronde afronden en opslaan",
                key_hint(app, Ctx::Notes, Command::RondeAfronden)
            ),
            t.key,
        )),
    ];
    frame.render_widget(Paragraph::new(info).wrap(Wrap { trim: true }), left);
    let style = if over { t.warning } else { t.emphasis };
    let lines: Vec<Line> = big
        .into_iter()
        .map(|r| Line::from(Span::styled(r, style)))
        .collect();
    frame.render_widget(
        Paragraph::new(lines).alignment(ratatui::layout::Alignment::Right),
        right,
    );
}

/// The four globals, the highlighted one with its anchor, and the two averages against
/// their thresholds.
pub fn globals(app: &App, frame: &mut Frame, area: Rect, row: usize, g: &Globals) {
    let t = &app.theme;
    let key = |cmd| key_hint(app, Ctx::Globals, cmd);
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "Globale scores (MITI 4.2.1), 1–5: {}{} kiezen, {}{} score, {} slaat op, {} terug",
                key(Command::Omhoog),
                key(Command::Omlaag),
                key(Command::ScoreLager),
                key(Command::ScoreHoger),
                key(Command::Kiezen),
                key(Command::Terug),
            ),
            t.muted,
        )),
        Line::raw(""),
    ];
    for (i, gl) in Global::ALL.into_iter().enumerate() {
        let v = g.get(gl);
        let style = if i == row { t.focus } else { t.base };
        let marker = if i == row { "▶ " } else { "  " };
        let dots: String = (1..=5).map(|n| if n <= v { '●' } else { '○' }).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{:<24}", gl.label()), style),
            Span::styled(format!("{v} {dots}  "), t.emphasis),
            Span::styled(gl.anker(v), t.muted),
        ]));
    }
    lines.push(Line::raw(""));
    for m in [Gemiddelde::Relationeel, Gemiddelde::Technisch] {
        let d = m.drempels();
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", m.label()), t.emphasis),
            Span::raw(format!(
                "{} ({}; redelijk vanaf {}, goed vanaf {})",
                rating_text(g.gemiddelde(m)),
                g.niveau(m).label(),
                rating_text(d.redelijk),
                rating_text(d.goed)
            )),
        ]));
    }
    lines.push(Line::from(Span::styled(
        "Drempels op basis van expertoordeel; een richtlijn voor oefening.",
        t.muted,
    )));
    let r = centered(area, 92, lines.len() as u16 + 2);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .title(" Ronde afronden ")
                    .border_style(t.focus),
            )
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// A yes/no question in a box.
fn vraag(app: &App, frame: &mut Frame, area: Rect, title: &str, text: Vec<Line<'_>>) {
    let r = centered(area, 70, text.len() as u16 + 4);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(text)
            .block(
                Block::bordered()
                    .title(format!(" {title} "))
                    .border_style(app.theme.warning),
            )
            .wrap(Wrap { trim: false }),
        r,
    );
}

pub fn stoppen(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let what = if ronde_loopt(app) {
        "Deze ronde is nog niet opgeslagen."
    } else {
        "Het geturfde van dit oefengesprek is nog niet opgeslagen."
    };
    let text = vec![
        Line::from(Span::styled(what, t.warning)),
        Line::from("Het rapport gaat naar de trainersmap, nooit bij een plan."),
        Line::raw(""),
        Line::from(vec![
            Span::styled(key_hint(app, Ctx::OefenStoppen, Command::Ja), t.key),
            Span::raw(": opslaan en stoppen   "),
            Span::styled(key_hint(app, Ctx::OefenStoppen, Command::Nee), t.key),
            Span::raw(": terug"),
        ]),
    ];
    vraag(app, frame, area, "Stoppen", text);
}

pub fn verlaat_oefenen(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let text = vec![
        Line::from(Span::styled(
            "Terug naar echte gesprekken? Dan verschijnt de lijst met echte klanten.",
            t.warning,
        )),
        Line::from("Zet eerst de projector of het gedeelde scherm uit."),
        Line::raw(""),
        Line::from(vec![
            Span::styled(key_hint(app, Ctx::OefenVerlaten, Command::Ja), t.key),
            Span::raw(": ja, naar echte gesprekken   "),
            Span::styled(key_hint(app, Ctx::OefenVerlaten, Command::Nee), t.key),
            Span::raw(": nee, blijf oefenen"),
        ]),
    ];
    vraag(app, frame, area, "Oefenen verlaten", text);
}

/// The class session's lines on the start screen (empty outside a class).
pub fn klas_regels(app: &App) -> Vec<Line<'_>> {
    let Some(k) = &app.klas else {
        return Vec::new();
    };
    let t = &app.theme;
    let timer = if k.timer == 0 {
        "geen timer".to_string()
    } else {
        format!("timer {}", klok(k.timer as i64))
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!(" Klassessie: {} ", k.klas.naam), t.title),
            Span::styled(
                format!("· {} rondes opgeslagen", k.klas.rondes.len()),
                t.muted,
            ),
        ]),
        Line::from(vec![
            Span::raw(" Volgende ronde: "),
            Span::styled(k.deelnemer().unwrap_or("–"), t.emphasis),
            Span::styled(
                format!(
                    " ({}/{})",
                    key_hint(app, Ctx::Start, Command::DeelnemerVorige),
                    key_hint(app, Ctx::Start, Command::DeelnemerVolgende)
                ),
                t.muted,
            ),
            Span::raw(format!("  ·  {timer}")),
            Span::styled(
                format!(
                    " ({}/{})",
                    key_hint(app, Ctx::Start, Command::TimerLanger),
                    key_hint(app, Ctx::Start, Command::TimerKorter)
                ),
                t.muted,
            ),
        ]),
        Line::from(Span::styled(
            format!(
                " Kies een oefenklant met {}: de ronde begint, turven staat aan.",
                key_hint(app, Ctx::Start, Command::Kiezen)
            ),
            t.muted,
        )),
    ];
    if let Some(p) = &k.overzicht {
        lines.push(Line::from(Span::styled(
            format!(" Klasoverzicht: {}", p.display()),
            t.muted,
        )));
    }
    lines.push(Line::raw(""));
    lines
}
