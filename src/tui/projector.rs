//! The projector view (F5) as slides: for the current step, one slide with its title and
//! goal, one per technique with a good and a poor example (and why), and one with the
//! demo client's answer to what the trainee just did. Each slide is a large heading and
//! a few lines, so a room can read it; the trainer pages with the arrows. Pure: the
//! screen draws what this returns, and `update` uses the count to keep the page in range.

use crate::core::oefen::techniek_uitleg;

use super::app::App;

/// How a line of a slide is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Gewoon,
    Goed,
    MinderGoed,
    /// What the demo client says.
    Klant,
}

/// One slide: a heading drawn large and a few lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dia {
    pub kop: String,
    pub regels: Vec<(Soort, String)>,
}

/// The slides of the current step (none off a step page).
pub fn dias(app: &App) -> Vec<Dia> {
    let Some(step) = app.current_step() else {
        return Vec::new();
    };
    let stap = step.stap;
    let mut out = vec![Dia {
        kop: stap.titel.clone(),
        regels: vec![(Soort::Gewoon, stap.doel.clone())],
    }];
    for &t in &stap.technieken {
        let u = techniek_uitleg(t);
        let mut regels = vec![
            (Soort::Gewoon, u.wat.to_string()),
            (Soort::Goed, format!("Goed: “{}”", u.goed)),
            (
                Soort::MinderGoed,
                format!("Minder goed: “{}” — {}", u.slecht, u.waarom),
            ),
        ];
        // The demo client's own example for this technique, when there is one.
        if let Some(v) = app.oefenklant().and_then(|k| k.voorbeelden(t).next()) {
            regels.push((Soort::Goed, format!("Bij deze klant: “{}”", v.goed)));
        }
        out.push(Dia {
            kop: t.label().to_string(),
            regels,
        });
    }
    if let Some(klant) = app.oefenklant() {
        let zet = super::screens::step::zet(app, &stap.id);
        let regels = match klant.reactie(&stap.id, zet) {
            Some((zet, a)) => vec![
                (
                    Soort::Gewoon,
                    format!("{} zegt, {}:", klant.naam, zet.label()),
                ),
                (Soort::Klant, format!("“{a}”")),
            ],
            None => vec![(
                Soort::Gewoon,
                format!("{} zegt bij deze stap niets.", klant.naam),
            )],
        };
        out.push(Dia {
            kop: "De klant".to_string(),
            regels,
        });
    }
    out
}

/// The slide shown: the trainer's page, kept within the slides there are.
pub fn huidige(app: &App) -> Option<Dia> {
    let all = dias(app);
    let n = all.len();
    all.into_iter().nth(app.dia.min(n.saturating_sub(1)))
}

/// Whether the projector view is showing (F5 on a step page).
pub fn aan(app: &App) -> bool {
    app.presentatie && app.current_step().is_some()
}
