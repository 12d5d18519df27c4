//! Shared fixtures for the TUI tests: a small script, taxonomy and catalogue written for
//! the tests, so they do not change when the default content grows.

#![allow(dead_code)]

pub mod fuzz;
pub mod plan_data;

use chrono::NaiveDate;
use meedoen::core::data::{Data, Source, Sources};
use meedoen::store::assets;
use meedoen::tui::action::Action;
use meedoen::tui::app::App;
use meedoen::tui::run::new_session;
use meedoen::tui::theme::{Theme, ThemeKind};
use meedoen::tui::update::update;

pub const SCRIPT: &str = r#"(
    id: "test",
    titel: "Testgesprek",
    fases: [
        (id: "open", titel: "Opening", stappen: [
            (id: "welkom", titel: "Welkom", technieken: [NeutraalInformeren, OpenVragen],
             doel: "Uitleggen waarom we praten.", voorbeeldzinnen: ["Hoe gaat het met u?"],
             valkuilen: ["Niet meteen over verplichtingen beginnen."], plan_sectie: Situatie),
            (id: "wensen", titel: "Wensen", technieken: [OpenVragen, Reflecteren],
             doel: "Ontdekken wat de klant wil.", kiezen: [Wensen, Belemmeringen],
             notitie_label: "In de woorden van de klant", plan_sectie: Wensen),
            (id: "crisis", titel: "Eerst hulp", technieken: [NeutraalInformeren],
             doel: "Veiligheid en hulp gaan voor.", toon_als: Some(Belemmering("crisis"))),
        ]),
        (id: "keuze", titel: "Keuze", stappen: [
            (id: "opties", titel: "Mogelijkheden", technieken: [NeutraalInformeren],
             doel: "Samen kiezen.", soort: Suggesties),
            (id: "afspraken", titel: "Afspraken", technieken: [Samenvatten],
             doel: "Afspraken maken.", voorbeeldzinnen: ["Wat spreken we af?"], soort: Afspraken),
        ]),
    ],
)"#;

pub const TAXONOMY: &str = r#"(
    vervangt_alles: true,
    wensen: [
        (id: "koken", label: "Koken", omschrijving: "Eten maken.", synoniemen: ["keuken"]),
        (id: "buiten", label: "Buiten werken", omschrijving: "In de buitenlucht."),
    ],
    krachten: [(id: "zorgzaam", label: "Zorgzaam", omschrijving: "Let op anderen.")],
    belemmeringen: [
        (id: "fysiek", label: "Lichamelijke klachten", omschrijving: "Pijn.", aanpak: "Bied de {klant} geen zwaar werk aan.", aanpak_plan: "Geen zwaar werk."),
        (id: "crisis", label: "Crisis", omschrijving: "Acute nood.", aanpak: "Eerst hulp."),
    ],
    categorieen: [
        (id: "vrijwilligerswerk", label: "Vrijwilligerswerk", omschrijving: "Onbetaald werk."),
        (id: "ontheffing", label: "Ontheffing", omschrijving: "Tijdelijk niet."),
    ],
)"#;

pub const CATALOGUE: &str = r#"(vervangt_alles: true, opties: [
    (id: "buurtkeuken", titel: "Koken in het buurthuis", categorie: "vrijwilligerswerk",
     omschrijving: "Samen koken voor buurtbewoners.", taken: ["koken", "afwassen"],
     uren_min: 4, uren_max: 8, begeleiding: taakgericht, wensen: ["koken"],
     ongeschikt_bij: [(belemmering: "fysiek", reden: "lang staan en tillen")]),
    (id: "moestuin", titel: "Moestuin in de wijk", categorie: "vrijwilligerswerk",
     omschrijving: "Groente kweken met buren.", uren_min: 2, uren_max: 6,
     begeleiding: persoonlijk, wensen: ["buiten"]),
    (id: "eerst-hulp", titel: "Eerst hulp bij crisis", categorie: "ontheffing",
     omschrijving: "Hulp gaat voor.", uren_min: 0, uren_max: 0, begeleiding: intensief,
     werkt_aan: ["crisis"]),
])"#;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub fn data() -> Data {
    Data::parse(&Sources {
        script: Source::new("script.ron", SCRIPT),
        taxonomy: Source::new("taxonomie.ron", TAXONOMY),
        catalogue: Source::new("catalogus.ron", CATALOGUE),
    })
    .unwrap_or_else(|p| panic!("{p:?}"))
}

/// An app on the test data, on the start screen.
pub fn app() -> App {
    App::new(
        data(),
        assets::plan_templates(None).unwrap(),
        Theme::new(ThemeKind::Standard),
        today(),
    )
}

/// An app with a fresh session open on the details page.
pub fn app_in_gesprek() -> App {
    let mut app = app();
    let s = new_session(
        "20261123-100000-abcd".into(),
        today(),
        "test",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    app
}

/// An app on the embedded default data (intake and vervolg scripts, demo clients), on
/// the start screen.
pub fn real_app() -> App {
    let data = assets::load(None).unwrap();
    let extras = meedoen::store::extras::load(None, &data).unwrap();
    let mut app = App::new(
        data,
        assets::plan_templates(None).unwrap(),
        Theme::new(ThemeKind::Standard),
        today(),
    );
    app.vervolg = extras.vervolg;
    app.oefenklanten = extras.oefenklanten;
    app
}

/// Runs effects through a real runner (files under `root`), feeding results back, as the
/// event loop does.
pub fn run_effects(
    app: &mut App,
    runner: &mut meedoen::tui::run::Runner,
    effects: Vec<meedoen::tui::effect::Effect>,
) {
    for e in effects {
        if let Some(a) = runner.perform(e, app) {
            let more = update(app, a);
            run_effects(app, runner, more);
        }
    }
}

/// The app drawn at `w`×`h`, as text, one line per row.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| meedoen::tui::screens::view(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A key with modifiers, through the active keymap, as the event loop does.
pub fn press_with(
    app: &mut App,
    code: ratatui::crossterm::event::KeyCode,
    mods: ratatui::crossterm::event::KeyModifiers,
) -> Vec<meedoen::tui::effect::Effect> {
    let key = ratatui::crossterm::event::KeyEvent::new(code, mods);
    match meedoen::tui::keymap::map_key(app, key) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}
