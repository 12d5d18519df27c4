//! Benchmarks for the two things that run while the consultant waits: ranking the whole
//! catalogue for a profile, and one search keystroke (rank + highlight the visible rows).
//! Catalogues of 100 to 100k options are generated deterministically, so numbers compare
//! across machines and commits.

use criterion::{BenchmarkId, Criterion, criterion_group};
use std::hint::black_box;
use std::time::{Duration, Instant};

use meedoen::core::catalogue::{
    Begeleiding, Bij, Catalogue, Drempel, Niveau, Optie, Verdringing, Voorwaarden, Vorm,
};
use meedoen::core::matching::{Matcher, Profiel};
use meedoen::core::search::Searcher;
use meedoen::core::taxonomy::{Entry, Taxonomy};

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];
/// Rows visible in the suggestions list on a laptop screen.
const VISIBLE: usize = 20;

/// A small linear congruential generator: deterministic without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const WENSEN: [&str; 16] = [
    "koken",
    "buiten",
    "ouderen",
    "kinderen",
    "dieren",
    "techniek",
    "administratie",
    "sport",
    "creatief",
    "water",
    "muziek",
    "taal-leren",
    "structuur",
    "contact",
    "iets-betekenen",
    "werkervaring",
];
const BELEMMERINGEN: [&str; 12] = [
    "fysiek",
    "psychisch",
    "taal",
    "schulden",
    "isolement",
    "zelfbeeld",
    "mantelzorg",
    "kinderzorg",
    "crisis",
    "reizen",
    "verslaving",
    "wisselend",
];
const KRACHTEN: [&str; 6] = [
    "doorzetter",
    "handig",
    "sociaal",
    "creatief",
    "zorgzaam",
    "betrouwbaar",
];
const VORMEN: [Vorm; 5] = [
    Vorm::Klassikaal,
    Vorm::Groep,
    Vorm::EenOpEen,
    Vorm::Zelfstandig,
    Vorm::Praktijk,
];
const CATEGORIEEN: [&str; 8] = [
    "vrijwilligerswerk",
    "mantelzorg",
    "taaltraining",
    "bewegen",
    "eigen-belemmeringen",
    "ontheffing",
    "cursus",
    "werkervaring",
];
const TAKEN: [&str; 10] = [
    "Koffie schenken",
    "Boodschappen doen",
    "Groente snijden",
    "Fietsen repareren",
    "Administratie bijhouden",
    "Balie bemannen",
    "Tuin onderhouden",
    "Voorlezen",
    "Computerles geven",
    "Kleding sorteren",
];
const WAT: [&str; 12] = [
    "Koken",
    "Gastvrouw",
    "Tuinieren",
    "Klussen",
    "Voorlezen",
    "Fietsenmaker",
    "Taalmaatje",
    "Balie",
    "Kringloop",
    "Sporten",
    "Naaiatelier",
    "Computerles",
];
const WAAR: [&str; 10] = [
    "in het buurthuis",
    "in de wijk",
    "bij de voedseltuin",
    "in het café",
    "op de kinderboerderij",
    "bij de sportclub",
    "in het verzorgingshuis",
    "bij de bibliotheek",
    "op de begraafplaats",
    "in het wijkcentrum",
];

fn entry(id: &str) -> Entry {
    Entry {
        id: id.to_string(),
        label: id.replace('-', " "),
        omschrijving: String::new(),
        groep: String::new(),
        synoniemen: Vec::new(),
        aanpak: String::new(),
        aanpak_plan: String::new(),
        bron: Vec::new(),
        ..Default::default()
    }
}

fn taxonomy() -> Taxonomy {
    Taxonomy {
        wensen: WENSEN.iter().map(|w| entry(w)).collect(),
        krachten: KRACHTEN.iter().map(|k| entry(k)).collect(),
        belemmeringen: BELEMMERINGEN.iter().map(|b| entry(b)).collect(),
        categorieen: CATEGORIEEN.iter().map(|c| entry(c)).collect(),
        ..Default::default()
    }
}

fn some<'a>(rng: &mut Lcg, xs: &'a [&'a str], max: usize) -> Vec<String> {
    let n = rng.below(max + 1);
    let mut out: Vec<String> = Vec::new();
    for _ in 0..n {
        let x = rng.pick(xs).to_string();
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

fn catalogue(n: usize) -> Catalogue {
    let mut rng = Lcg(42);
    let opties = (0..n)
        .map(|i| {
            let wat = *rng.pick(&WAT);
            let waar = *rng.pick(&WAAR);
            let uren_min = 2 + rng.below(10) as u8;
            Optie {
                id: format!("{}-{i}", wat.to_lowercase()),
                titel: format!("{wat} {waar}"),
                categorie: rng.pick(&CATEGORIEEN).to_string(),
                omschrijving: format!(
                    "{wat} {waar}, samen met andere vrijwilligers. Je werkt in je eigen tempo en krijgt een vaste begeleider."
                ),
                taken: (0..1 + rng.below(3)).map(|_| rng.pick(&TAKEN).to_string()).collect(),
                uren_min,
                uren_max: uren_min + rng.below(12) as u8,
                duur: "een half jaar".into(),
                begeleiding: Begeleiding::Taakgericht,
                wensen: some(&mut rng, &WENSEN, 3),
                krachten: some(&mut rng, &KRACHTEN, 2),
                werkt_aan: some(&mut rng, &BELEMMERINGEN, 2),
                ongeschikt_bij: some(&mut rng, &BELEMMERINGEN, 1)
                    .into_iter()
                    .map(|b| Bij { belemmering: b, reden: "te zwaar".into() })
                    .collect(),
                let_op_bij: some(&mut rng, &BELEMMERINGEN, 1)
                    .into_iter()
                    .map(|b| Bij { belemmering: b, reden: "bespreken".into() })
                    .collect(),
                drempels: if rng.below(4) == 0 { vec![Drempel::Vog] } else { Vec::new() },
                verdringing: Verdringing {
                    risico: [Niveau::Laag, Niveau::Laag, Niveau::Midden, Niveau::Hoog][rng.below(4)],
                    reden: "was eerder betaald werk".into(),
                },
                erkent_bestaand: rng.below(50) == 0,
                vorm: Some(VORMEN[rng.below(VORMEN.len())]),
                voorwaarden: match rng.below(10) {
                    0 => Voorwaarden { taal: true, ..Voorwaarden::default() },
                    1 => Voorwaarden {
                        indicatie: true,
                        belemmering: vec!["psychisch".into()],
                        ..Voorwaarden::default()
                    },
                    _ => Voorwaarden::default(),
                },
                trede: 3,
                leeftijd_min: if rng.below(10) == 0 { Some(18) } else { None },
                leeftijd_max: if rng.below(10) == 0 { Some(27) } else { None },
                laatst_gecontroleerd: None,
                bron: Vec::new(),
                ..Default::default()
            }
        })
        .collect();
    Catalogue {
        opties,
        ..Default::default()
    }
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

/// A usual profile: two wensen, one belemmering, hours discussed.
fn typisch() -> Profiel {
    Profiel {
        wensen: strings(&["koken", "contact"]),
        belemmeringen: strings(&["isolement"]),
        uren_kan: Some(8),
        ..Profiel::default()
    }
}

/// A heavy profile: care duties with their hours (a factor on nearly every option),
/// fewer hours than most options ask, earlier trajectories, strengths, something the
/// client already does, a main aim and an old-form active category.
fn zwaar() -> Profiel {
    let s = strings;
    Profiel {
        wensen: s(&["koken", "contact", "structuur"]),
        hoofddoel: Some("contact".into()),
        krachten: s(&["handig", "sociaal"]),
        belemmeringen: s(&["isolement", "fysiek", "mantelzorg", "reizen", "schulden"]),
        uren_kan: Some(6),
        zorguren: Some(12),
        eerder: s(&["koken-3", "balie-10"]),
        doet_al: s(&["koken-7"]),
        actief: s(&["vrijwilligerswerk"]),
        leeftijd: Some(40),
        indicatie: false,
    }
}

/// What the suggestions screen does per keystroke: rank everything, then compute the
/// highlight ranges for the rows on screen only.
/// One search keystroke as the app does it: rank the whole catalogue and highlight the
/// rows a list of `VISIBLE` rows can show with the first row selected (the same
/// `search_window` and `lists::window` the suggestions screen calls).
fn keystroke(s: &Searcher, query: &str) -> Vec<meedoen::core::search::Hit> {
    s.search_window(query, meedoen::tui::lists::window(0, VISIBLE))
}

fn benches(c: &mut Criterion) {
    let tax = taxonomy();
    // Ranking with the compiled catalogue, as the app does each time the suggestions
    // open; compiling it happens once, when the data is read, and is measured apart.
    for (group, profiel) in [("suggest", typisch()), ("suggest_zwaar", zwaar())] {
        let mut g = c.benchmark_group(group);
        for n in SIZES {
            let matcher = Matcher::new(&catalogue(n), &tax);
            g.bench_with_input(BenchmarkId::from_parameter(n), &matcher, |b, m| {
                b.iter(|| m.suggest(black_box(&profiel)))
            });
        }
        g.finish();
    }
    let mut g = c.benchmark_group("matcher_new");
    for n in SIZES {
        let cat = catalogue(n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &cat, |b, cat| {
            b.iter(|| Matcher::new(black_box(cat), &tax))
        });
    }
    g.finish();

    // The last keystroke of a typical query, and the first one: a single letter matches
    // most titles, the worst case for the fuzzy matcher.
    for (group, query) in [("keystroke", "koken buurt"), ("keystroke_k", "k")] {
        let mut g = c.benchmark_group(group);
        for n in SIZES {
            let searcher = Searcher::new(&catalogue(n));
            g.bench_with_input(BenchmarkId::from_parameter(n), &searcher, |b, s| {
                b.iter(|| keystroke(s, black_box(query)))
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = matching;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = benches
}
/// The fastest of many runs of each case. On a shared machine the mean grows with
/// whatever else runs; the minimum is what the code itself costs. Run with
/// `MEEDOEN_MINIMUM=1 cargo bench --bench matching`.
fn minimum() {
    fn fastest(runs: usize, mut f: impl FnMut()) -> Duration {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    }
    let tax = taxonomy();
    for n in SIZES {
        let runs = (2_000_000 / n).clamp(5, 200);
        let cat = catalogue(n);
        let searcher = Searcher::new(&cat);
        let matcher = Matcher::new(&cat, &tax);
        let (t, z) = (typisch(), zwaar());
        println!(
            "{n:>6} opties: suggest {:?}, suggest_zwaar {:?}, matcher_new {:?}, keystroke {:?}, keystroke_k {:?}",
            fastest(runs, || drop(black_box(matcher.suggest(&t)))),
            fastest(runs, || drop(black_box(matcher.suggest(&z)))),
            fastest(runs, || drop(black_box(Matcher::new(&cat, &tax)))),
            fastest(runs, || drop(black_box(keystroke(
                &searcher,
                "koken buurt"
            )))),
            fastest(runs, || drop(black_box(keystroke(&searcher, "k")))),
        );
    }
}

fn main() {
    if std::env::var_os("MEEDOEN_MINIMUM").is_some() {
        minimum();
        return;
    }
    matching();
    Criterion::default().configure_from_args().final_summary();
}
