//! Benchmarks for a large practice: the start screen's client overview over 3,000 saved
//! sessions of about 12 KB, loading and validating a 10,000-option team catalogue, and
//! one keystroke in a note of a 100 KB session with its autosave. Each measures the code
//! path the app runs, not a stand-in for it. All input is generated deterministically.
//!
//! `cargo bench --bench scale` runs all three; add a filter (`-- overzicht`) for one.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use meedoen::core::catalogue::{Begeleiding, Bij, Catalogue, Optie, Verdringing};
use meedoen::core::data::{Data, Source, Sources};
use meedoen::core::session::Session;
use meedoen::store::assets;
use meedoen::store::paths::Paths;
use meedoen::store::sessions;
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{App, Focus, Page};
use meedoen::tui::run::{Runner, new_session};
use meedoen::tui::theme::{Theme, ThemeKind};
use meedoen::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Sessions in the overview benchmark, and the size each is padded to.
const SESSIONS: usize = 3_000;
const SESSION_BYTES: usize = 12 * 1024;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

/// Notes of about `bytes` bytes spread over the script's steps, like a long gesprek.
fn notes(steps: &[String], bytes: usize) -> BTreeMap<String, String> {
    let zin = "De klant vertelt over de week, over de buurt en over wat hem energie geeft. ";
    let per_step = bytes / steps.len().max(1);
    steps
        .iter()
        .map(|s| (s.clone(), zin.repeat(per_step / zin.len() + 1)))
        .collect()
}

fn overview(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let steps: Vec<String> = (0..8).map(|i| format!("stap-{i}")).collect();
    for i in 0..SESSIONS {
        let mut s = Session::new(format!("{i:05}"), today(), "intake");
        // A third of the clients came back once or twice.
        s.klant = format!("K{:04}", i % 2_000);
        s.plan_versie = 1 + (i / 2_000) as u32;
        s.notities = notes(&steps, SESSION_BYTES);
        let text = ron::ser::to_string(&s).expect("serialises");
        std::fs::write(dir.path().join(format!("{i:05}.sessie.ron")), text).expect("write");
    }
    let mut g = c.benchmark_group("start");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("klantoverzicht, 3000 sessies van 12 KB", |b| {
        b.iter(|| black_box(sessions::overview(dir.path())))
    });
    g.finish();
}

/// A catalogue of `n` options over the embedded taxonomy, as a team would write it.
fn catalogue_text(n: usize) -> String {
    let tax = assets::load(None).expect("embedded").taxonomy;
    let pick = |list: &[meedoen::core::taxonomy::Entry], i: usize| list[i % list.len()].id.clone();
    let opties = (0..n)
        .map(|i| Optie {
            id: format!("optie-{i}"),
            titel: format!("Vrijwilligerswerk bij organisatie {i}"),
            categorie: pick(&tax.categorieen, i),
            omschrijving: "Samen met anderen iets doen voor de buurt, in een vaste ploeg.".into(),
            taken: vec!["Koffie zetten".into(), "Gasten ontvangen".into()],
            uren_min: 2,
            uren_max: 8,
            duur: "een half jaar".into(),
            begeleiding: Begeleiding::Taakgericht,
            wensen: vec![pick(&tax.wensen, i), pick(&tax.wensen, i + 3)],
            werkt_aan: vec![pick(&tax.belemmeringen, i)],
            ongeschikt_bij: vec![Bij {
                belemmering: pick(&tax.belemmeringen, i + 5),
                reden: "Vraagt lang staan.".into(),
            }],
            let_op_bij: Vec::new(),
            drempels: Vec::new(),
            verdringing: Verdringing::default(),
            erkent_bestaand: false,
            trede: 3,
            leeftijd_min: None,
            leeftijd_max: None,
            laatst_gecontroleerd: None,
            bron: vec!["eigen aanbod".into()],
            verborgen: false,
        })
        .collect();
    ron::ser::to_string_pretty(
        &Catalogue {
            opties,
            vervangt_alles: false,
        },
        ron::ser::PrettyConfig::default(),
    )
    .expect("serialises")
}

fn catalogue(c: &mut Criterion) {
    let text = catalogue_text(10_000);
    let mut sources: Sources = assets::embedded();
    sources.catalogue = Source::new("catalogus.ron", text);
    let mut g = c.benchmark_group("laden");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("catalogus van 10000 opties, lezen en controleren", |b| {
        b.iter(|| black_box(Data::parse(&sources).expect("valid")))
    });
    g.finish();
}

fn keystroke(c: &mut Criterion) {
    let root = tempfile::tempdir().expect("temp dir");
    let data = assets::load(None).expect("embedded");
    let steps: Vec<String> = data.script.steps().map(|s| s.stap.id.clone()).collect();
    let mut app = App::new(
        data,
        assets::plan_templates(None).expect("templates"),
        Theme::new(ThemeKind::Standard),
        today(),
    );
    let mut s = new_session(
        "20261123-100000-abcd".into(),
        today(),
        "intake",
        &app.gemeente,
    );
    s.notities = notes(&steps, 100 * 1024);
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    while !matches!(app.page, Page::Step(_)) {
        update(&mut app, Action::Cmd(Command::Volgende));
    }
    app.focus = Focus::Text;
    let mut runner = Runner::new(Paths::portable(root.path()));
    let key = Action::Edit(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE));
    let mut g = c.benchmark_group("typen");
    g.sample_size(50).measurement_time(Duration::from_secs(5));
    g.bench_function(
        "toets in een notitie, met autosave, sessie van 100 KB",
        |b| {
            b.iter(|| {
                for effect in update(&mut app, key.clone()) {
                    black_box(runner.perform(effect, &app));
                }
            })
        },
    );
    g.finish();
}

criterion_group!(benches, overview, catalogue, keystroke);
criterion_main!(benches);
