//! Loading every data and settings file a gesprek needs, from every layer, checked, in
//! one place: the TUI, the line mode and every command call `Bundle::load`, so they all
//! see the same catalogue, the same gemeente settings and the same output folder, and
//! `meedoen controleer` reports exactly what start-up would refuse.
//!
//! Layers: built-in < team < personal. Catalogue and taxonomy merge by id
//! (`core::layered`); every other file is taken whole from the highest layer that has
//! it. A file with problems never locks anyone out: it is left out, the next layer down
//! is used for it (for the team folder first its last good copy), and the bundle says
//! which files were left out, with every problem, and what is used instead.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::core::catalogue::Catalogue;
use crate::core::data::{Data, Source};
use crate::core::gemeente::{self, Gemeente};
use crate::core::layered;
use crate::core::oefen::Oefenklanten;
use crate::core::parse::{parse_data, parse_data_split};
use crate::core::plan::Templates;
use crate::core::praktijk::{self, Praktijk};
use crate::core::problem::Problem;
use crate::core::script::Script;
use crate::core::session::Session;
use crate::core::taxonomy::Taxonomy;
use crate::core::validate;
use crate::store::assets::{
    self, CATALOGUE_FILE, GEMEENTE_FILE, HTML_TEMPLATE_FILE, PRAKTIJK_FILE, SCRIPT_FILE,
    TAXONOMY_FILE, TEMPLATE_FILE, TXT_TEMPLATE_FILE,
};
use crate::store::extras::{self, OEFENKLANTEN_FILE, VERVOLG_FILE};
use crate::store::layers::{
    self, FILES, KEYMAP_FILE, Laag, LayerFiles, TEAM_COPY_DIR, TEAM_ENV, TeamRead, TeamVia,
};
use crate::store::paths::Paths;

use super::Instellingen;
use super::templates::check_templates;

/// Checks a keymap file. The keymap belongs to the full-screen app, which hands its
/// check in, so the line mode and the commands check the same files without knowing it.
pub type KeymapCheck = fn(&Source) -> Vec<Problem>;

/// A file left out because of its problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uitsluiting {
    pub laag: Laag,
    pub file: &'static str,
    pub problems: Vec<Problem>,
    /// Left out only because another file was: without it, this one no longer fits the
    /// built-in data (an own taxonomy without its own catalogue, say).
    pub gevolg: bool,
}

/// Which layers a file came from, for `meedoen paden` and `controleer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Herkomst {
    pub file: &'static str,
    /// (layer, file name as shown, what the layer changed for merged files).
    pub lagen: Vec<(Laag, String, Option<String>)>,
}

/// One gemeente profile (`gemeenten/<naam>.ron`), for a practice working for several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profiel {
    /// The file name without `.ron`; what a session records.
    pub naam: String,
    pub gemeente: Gemeente,
    pub laag: Laag,
    /// The file, as shown in messages.
    pub bestand: String,
}

/// The team folder as found at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub dir: PathBuf,
    pub via: TeamVia,
    /// Whether the folder itself was read (else its copy, or nothing).
    pub bereikbaar: bool,
    pub kopie: PathBuf,
}

/// Everything a gesprek runs on, checked, with where it came from.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub paths: Paths,
    /// Intake script, merged taxonomy, merged catalogue.
    pub data: Data,
    /// The catalogue of the layers below the personal one: what a change made in the app
    /// (`app::catalogus`) merges over, and where an overridden option's original is.
    pub catalogus_onder: Catalogue,
    pub vervolg: Script,
    pub oefenklanten: Oefenklanten,
    pub templates: Templates,
    pub gemeente: Gemeente,
    /// The keymap file of the highest layer that has one.
    pub keymap: Option<Source>,
    /// Gemeente profiles from every layer, by name; a higher layer's profile replaces a
    /// lower one with the same name. Empty for the usual single `gemeente.ron`.
    pub profielen: Vec<Profiel>,
    pub team: Option<Team>,
    pub herkomst: Vec<Herkomst>,
    /// Files left out because of problems; empty when everything loaded.
    pub uitgesloten: Vec<Uitsluiting>,
    /// Notices for the user: the team copy in use, a share out of reach.
    pub meldingen: Vec<String>,
    /// Words for special-category data (AVG art. 9): the personal `bijzonder.ron`, else
    /// the built-in list.
    pub bijzonder: crate::core::bijzonder::Woordenlijst,
}

/// The layers as read from disk, lowest first.
struct Stack {
    layers: Vec<(Laag, LayerFiles)>,
    /// The team copy, when the team folder itself is in the stack: the fallback for a
    /// team file with problems.
    copy: Option<LayerFiles>,
}

impl Stack {
    /// Sources of `file` that are not excluded, lowest first.
    fn all(
        &self,
        file: &'static str,
        excluded: &BTreeSet<(Laag, &'static str)>,
    ) -> Vec<(Laag, Source)> {
        let mut out = Vec::new();
        for (laag, files) in &self.layers {
            if excluded.contains(&(*laag, file)) {
                // A broken team file falls back to its last good copy first.
                if *laag == Laag::Team
                    && !excluded.contains(&(Laag::TeamKopie, file))
                    && let Some(src) = self.copy.as_ref().and_then(|c| c.get(file))
                {
                    out.push((Laag::TeamKopie, src.clone()));
                }
                continue;
            }
            if let Some(src) = files.get(file) {
                out.push((*laag, src.clone()));
            }
        }
        out
    }

    /// The highest source of `file` that is not excluded.
    fn top(&self, file: &'static str, excluded: &BTreeSet<(Laag, &'static str)>) -> (Laag, Source) {
        self.all(file, excluded)
            .pop()
            .expect("the built-in layer has every file but the keymap")
    }
}

fn builtin() -> LayerFiles {
    let e = assets::embedded();
    let emb = |file: &'static str, text: &str| (file, Source::embedded(file, text));
    LayerFiles {
        files: vec![
            (TAXONOMY_FILE, e.taxonomy),
            (CATALOGUE_FILE, e.catalogue),
            (SCRIPT_FILE, e.script),
            emb(VERVOLG_FILE, extras::DEFAULT_VERVOLG),
            emb(OEFENKLANTEN_FILE, extras::DEFAULT_OEFENKLANTEN),
            emb(GEMEENTE_FILE, assets::DEFAULT_GEMEENTE),
            emb(TEMPLATE_FILE, assets::DEFAULT_TEMPLATE),
            emb(HTML_TEMPLATE_FILE, assets::DEFAULT_HTML_TEMPLATE),
            emb(TXT_TEMPLATE_FILE, assets::DEFAULT_TXT_TEMPLATE),
        ],
        profielen: Vec::new(),
        problems: Vec::new(),
    }
}

/// Just enough of a `gemeente.ron` to find the team folder; the rest is checked later.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct TeamField {
    teammap: Option<String>,
}

impl Bundle {
    /// Finds the folders and loads every layer.
    pub fn load(inst: &Instellingen, keymap_check: KeymapCheck) -> Result<Bundle, String> {
        let mut paths = Paths::resolve(inst.uitvoer.as_deref())?;
        if let Some(dir) = &inst.instellingen {
            paths.config = dir.clone();
        }
        let team = inst.team.clone().map(|d| (d, TeamVia::Optie)).or_else(|| {
            std::env::var_os(TEAM_ENV)
                .filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), TeamVia::Omgeving))
        });
        let now = chrono::Local::now().format("%-d-%-m-%Y %H:%M").to_string();
        Ok(Bundle::load_in(
            paths,
            team,
            inst.uitvoer.is_some(),
            keymap_check,
            &now,
        ))
    }

    /// `load` with the folders given: what the tests drive. `uitvoer_fixed` says the
    /// output folder was chosen on the command line, above the gemeente's `uitvoermap`.
    pub fn load_in(
        mut paths: Paths,
        team: Option<(PathBuf, TeamVia)>,
        uitvoer_fixed: bool,
        keymap_check: KeymapCheck,
        now: &str,
    ) -> Bundle {
        let personal = layers::read_layer(&paths.config);
        let team = team.or_else(|| {
            let src = personal.get(GEMEENTE_FILE)?;
            let found: TeamField = ron::Options::default()
                .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                .from_str(&src.text)
                .ok()?;
            let dir = found.teammap.filter(|d| !d.trim().is_empty())?;
            Some((PathBuf::from(dir), TeamVia::Gemeente))
        });
        let mut meldingen = Vec::new();
        let mut stack = Stack {
            layers: vec![(Laag::Ingebouwd, builtin())],
            copy: None,
        };
        let team = team.map(|(dir, via)| {
            let kopie = paths.data.join(TEAM_COPY_DIR);
            let read = layers::read_team(&dir, layers::TEAM_TIMEOUT);
            let bereikbaar = matches!(read, TeamRead::Gelezen(_));
            match read {
                TeamRead::Gelezen(files) => {
                    stack.layers.push((Laag::Team, files));
                    stack.copy = Some(layers::read_layer(&kopie));
                }
                TeamRead::NietGevonden | TeamRead::TeLang => {
                    let waarom = if matches!(read, TeamRead::TeLang) {
                        "reageert niet"
                    } else {
                        "is niet bereikbaar"
                    };
                    let copy = layers::read_layer(&kopie);
                    if copy.files.is_empty() {
                        meldingen.push(format!(
                            "De teammap {} {waarom} en er is nog geen kopie van; meedoen gebruikt de ingebouwde gegevens en uw eigen bestanden.",
                            dir.display()
                        ));
                    } else {
                        meldingen.push(format!(
                            "De teammap {} {waarom}; meedoen gebruikt de kopie van {}. Zodra de map weer bereikbaar is, gebruikt meedoen die weer.",
                            dir.display(),
                            match layers::copy_made(&kopie) {
                                d if d.is_empty() => "de laatste keer".to_string(),
                                d => d,
                            }
                        ));
                        stack.layers.push((Laag::TeamKopie, copy));
                    }
                }
            }
            Team {
                dir,
                via,
                bereikbaar,
                kopie,
            }
        });
        stack.layers.push((Laag::Persoonlijk, personal));

        // Files that cannot even be read are left out from the start.
        let mut uitgesloten: Vec<Uitsluiting> = Vec::new();
        let mut excluded: BTreeSet<(Laag, &'static str)> = BTreeSet::new();
        for (laag, files) in &stack.layers {
            for p in &files.problems {
                // Not one of the fixed files: an unreadable gemeente profile, which is
                // left out on its own.
                let file = FILES
                    .iter()
                    .copied()
                    .find(|f| p.file.ends_with(f))
                    .unwrap_or(layers::PROFILES_DIR);
                excluded.insert((*laag, file));
                uitgesloten.push(Uitsluiting {
                    laag: *laag,
                    file,
                    problems: vec![p.clone()],
                    gevolg: false,
                });
            }
        }

        // Leave out the files with problems until what is left loads. Every round
        // removes at least one file, and the built-in layer alone always loads.
        let mut bundle = loop {
            match attempt(&stack, &excluded, keymap_check) {
                Ok(found) => break found,
                Err(problems) => {
                    let mut progress = false;
                    for (laag, file, ps) in problems {
                        if laag == Laag::Ingebouwd {
                            continue;
                        }
                        progress |= excluded.insert((laag, file));
                        uitgesloten.push(Uitsluiting {
                            laag,
                            file,
                            problems: ps,
                            gevolg: false,
                        });
                    }
                    if !progress {
                        // Problems only in built-in files: an upper layer broke their
                        // references (a hidden wens still used by a built-in option).
                        // Leave out every own file; the built-in layer alone loads.
                        for (laag, files) in &stack.layers {
                            if *laag == Laag::Ingebouwd {
                                continue;
                            }
                            for (file, src) in &files.files {
                                if excluded.insert((*laag, file)) {
                                    uitgesloten.push(Uitsluiting {
                                        laag: *laag,
                                        file,
                                        problems: vec![Problem::new(
                                            &src.name,
                                            0,
                                            0,
                                            "ook niet gebruikt: zonder de bestanden met fouten past dit niet bij de ingebouwde gegevens (bijvoorbeeld een eigen taxonomie zonder eigen catalogus, of een verborgen wens die een ingebouwde optie nog gebruikt)",
                                        )],
                                        gevolg: true,
                                    });
                                    progress = true;
                                }
                            }
                        }
                    }
                    // Never loop: with nothing left to leave out, the built-in data is
                    // what remains, and the test suite checks that it loads.
                    if !progress {
                        let builtin_only = Stack {
                            layers: vec![(Laag::Ingebouwd, builtin())],
                            copy: None,
                        };
                        break attempt(&builtin_only, &BTreeSet::new(), keymap_check)
                            .unwrap_or_else(|_| unreachable!("the built-in data loads"));
                    }
                }
            }
        };

        if let Some(t) = &team
            && t.bereikbaar
            && !excluded.iter().any(|(l, _)| *l == Laag::Team)
            && let Some((_, files)) = stack.layers.iter().find(|(l, _)| *l == Laag::Team)
            && let Err(e) = layers::refresh_copy(&t.kopie, &t.dir, files, now)
        {
            meldingen.push(format!(
                "De kopie van de teammap kon niet worden bijgewerkt ({e}); de vorige kopie blijft staan."
            ));
        }
        load_profiles(&stack, &mut bundle, &mut uitgesloten, &mut meldingen);
        // A broken own list falls back to the built-in one instead of locking anyone out.
        match crate::store::assets::bijzonder(Some(&paths.config)) {
            Ok(lijst) => bundle.bijzonder = lijst,
            Err(p) => meldingen.push(format!(
                "{p}; de ingebouwde lijst voor bijzondere persoonsgegevens wordt gebruikt"
            )),
        }
        if !uitvoer_fixed
            && let Some(dir) = bundle
                .gemeente
                .uitvoermap
                .as_deref()
                .filter(|d| !d.trim().is_empty())
        {
            paths.output = PathBuf::from(dir);
        }
        bundle.paths = paths;
        bundle.team = team;
        bundle.uitgesloten = uitgesloten;
        meldingen.extend(bundle.data.warnings.iter().map(ToString::to_string));
        bundle.meldingen = meldingen;
        bundle
    }

    /// Whether everything the user has loaded without problems: what `controleer` checks
    /// and what start-up would not need to fall back from.
    pub fn in_orde(&self) -> bool {
        self.uitgesloten.is_empty()
    }

    /// Every problem of every file left out, also the files left out as a consequence.
    pub fn problems(&self) -> Vec<&Problem> {
        self.uitgesloten.iter().flat_map(|u| &u.problems).collect()
    }

    /// The problems in the files themselves, without the consequences of leaving others out.
    pub fn own_problems(&self) -> Vec<&Problem> {
        self.uitgesloten
            .iter()
            .filter(|u| !u.gevolg)
            .flat_map(|u| &u.problems)
            .collect()
    }

    /// A Dutch account of what was left out and what is used instead, or `None` when
    /// nothing was left out. Shown at start-up and by the line mode.
    pub fn fallback_text(&self) -> Option<String> {
        if self.uitgesloten.is_empty() {
            return None;
        }
        let mut out = String::from("Deze bestanden bevatten fouten en worden nu niet gebruikt:\n");
        for u in &self.uitgesloten {
            for p in &u.problems {
                out.push_str(&format!("- {p}\n"));
            }
        }
        out.push_str("In plaats daarvan gebruikt meedoen:\n");
        let mut seen = BTreeSet::new();
        for u in &self.uitgesloten {
            if !seen.insert(u.file) {
                continue;
            }
            let instead = self
                .herkomst
                .iter()
                .find(|h| h.file == u.file)
                .map(|h| {
                    let used: Vec<String> = h
                        .lagen
                        .iter()
                        .map(|(l, _, _)| l.label().to_string())
                        .collect();
                    if used.is_empty() {
                        "niets (de standaard)".to_string()
                    } else {
                        used.join(" + ")
                    }
                })
                .unwrap_or_default();
            out.push_str(&format!("- {}: {instead}\n", u.file));
        }
        out.push_str("Wat u typt gaat niet verloren. Herstel de bestanden; `meedoen controleer` toont de fouten opnieuw.");
        Some(out)
    }
}

/// The gemeente profiles of every layer, each checked on its own: a profile with problems
/// is left out and named, the others keep working.
fn load_profiles(
    stack: &Stack,
    bundle: &mut Bundle,
    uitgesloten: &mut Vec<Uitsluiting>,
    meldingen: &mut Vec<String>,
) {
    for (laag, files) in &stack.layers {
        for (naam, src) in &files.profielen {
            let parsed = Gemeente::parse(src).map_err(|p| vec![p]).and_then(|g| {
                // Ignored fields in a profile are shown like the other notices.
                meldingen.extend(g.warnings.iter().map(ToString::to_string));
                let g = g.value;
                let ps = gemeente::validate(&g, &bundle.data.taxonomy, src);
                if ps.is_empty() { Ok(g) } else { Err(ps) }
            });
            match parsed {
                Ok(g) => {
                    if let Some(lower) = bundle.profielen.iter().position(|p| p.naam == *naam) {
                        let old = bundle.profielen.remove(lower);
                        meldingen.push(format!(
                            "Gemeenteprofiel `{naam}` staat in {} en in {}; meedoen gebruikt dat van {}.",
                            old.laag.label(),
                            laag.label(),
                            laag.label()
                        ));
                    }
                    bundle.profielen.push(Profiel {
                        naam: naam.clone(),
                        gemeente: g,
                        laag: *laag,
                        bestand: src.name.clone(),
                    });
                }
                Err(problems) => uitgesloten.push(Uitsluiting {
                    laag: *laag,
                    file: layers::PROFILES_DIR,
                    problems,
                    gevolg: false,
                }),
            }
        }
    }
    bundle.profielen.sort_by(|a, b| a.naam.cmp(&b.naam));
}

impl Bundle {
    /// The profile called `naam`.
    pub fn profiel(&self, naam: &str) -> Option<&Profiel> {
        self.profielen.iter().find(|p| p.naam == naam)
    }

    /// The gemeente settings a session is made under: its profile, or the single
    /// `gemeente.ron`. A profile that no longer exists gives the standard settings and a
    /// notice to show, never a failure: an old plan must always render.
    pub fn gemeente_voor(&self, session: &Session) -> (&Gemeente, Option<String>) {
        super::gesprek::gemeente_voor(&self.profielen, &self.gemeente, session)
    }
}

/// What a layer changed, said for own layers only (the built-in one is the base).
fn describe(laag: Laag, effect: &layered::Effect) -> Option<String> {
    (laag != Laag::Ingebouwd).then(|| effect.describe())
}

/// Problems of one file of one layer.
type FileProblems = Vec<(Laag, &'static str, Vec<Problem>)>;

/// Which (layer, file) a problem belongs to, by the source names in use.
fn attribute(
    problems: Vec<Problem>,
    sources: &[(Laag, &'static str, &Source)],
    out: &mut FileProblems,
) {
    for p in problems {
        let owner = sources
            .iter()
            .find(|(_, _, s)| s.name == p.file)
            .map(|(l, f, _)| (*l, *f))
            .unwrap_or((Laag::Ingebouwd, CATALOGUE_FILE));
        match out.iter_mut().find(|(l, f, _)| (*l, *f) == owner) {
            Some((_, _, ps)) => ps.push(p),
            None => out.push((owner.0, owner.1, vec![p])),
        }
    }
}

/// One try at loading the stack without the excluded files.
fn attempt(
    stack: &Stack,
    excluded: &BTreeSet<(Laag, &'static str)>,
    keymap_check: KeymapCheck,
) -> Result<Bundle, FileProblems> {
    let mut problems: FileProblems = Vec::new();
    let mut report = |ps: Vec<Problem>, laag: Laag, file: &'static str| {
        if !ps.is_empty() {
            problems.push((laag, file, ps));
        }
    };
    // Ignored fields (unknown to this version): shown, never a reason to fall back.
    let mut warnings: Vec<Problem> = Vec::new();
    let mut merged = Vec::new();
    // Taxonomy, merged by id.
    let tax_sources = stack.all(TAXONOMY_FILE, excluded);
    let own_taxonomy = tax_sources.iter().any(|(l, _)| *l != Laag::Ingebouwd);
    let mut taxonomy = Taxonomy::default();
    let mut tax_layers = Vec::new();
    for (laag, src) in &tax_sources {
        match parse_data::<Taxonomy>(&src.name, &src.text) {
            Ok(layer) => {
                warnings.extend(layer.warnings);
                tax_layers.push((*laag, src, layer.value));
            }
            Err(p) => report(vec![p], *laag, TAXONOMY_FILE),
        }
    }
    // A layer that replaces everything makes the layers below it irrelevant: they are
    // neither merged nor checked.
    let from = tax_layers
        .iter()
        .rposition(|(_, _, l)| l.vervangt_alles)
        .unwrap_or(0);
    for (laag, src, layer) in &tax_layers[from..] {
        let effect = layered::merge_taxonomy(&mut taxonomy, layer);
        merged.push((
            *laag,
            TAXONOMY_FILE,
            src.name.clone(),
            describe(*laag, &effect),
        ));
        if *laag != Laag::Ingebouwd {
            report(
                validate::taxonomy(&layered::visible_taxonomy(layer), src),
                *laag,
                TAXONOMY_FILE,
            );
        }
    }
    // Catalogue, merged by id, each layer checked against the merged taxonomy.
    let mut catalogue = Catalogue::default();
    let mut cat_layers = Vec::new();
    for (laag, src) in &stack.all(CATALOGUE_FILE, excluded) {
        let parsed = parse_data_split::<Catalogue>(&src.name, &src.text, "opties", |mut a, b| {
            a.opties.extend(b.opties);
            a
        });
        match parsed {
            Ok(layer) => {
                warnings.extend(layer.warnings);
                cat_layers.push((*laag, src.clone(), layer.value));
            }
            Err(p) => report(vec![p], *laag, CATALOGUE_FILE),
        }
    }
    let from = cat_layers
        .iter()
        .rposition(|(_, _, l)| l.vervangt_alles)
        .unwrap_or(0);
    let mut catalogus_onder = None;
    for (laag, src, layer) in &cat_layers[from..] {
        if *laag == Laag::Persoonlijk {
            catalogus_onder = Some(catalogue.clone());
        }
        // The built-in catalogue is checked by the tests; it only needs a new check when
        // an own taxonomy may have hidden what it refers to.
        if *laag != Laag::Ingebouwd || own_taxonomy {
            report(
                validate::catalogue(&layered::visible_catalogue(layer), &taxonomy, src),
                *laag,
                CATALOGUE_FILE,
            );
        }
        let effect = layered::merge_catalogue(&mut catalogue, layer);
        merged.push((
            *laag,
            CATALOGUE_FILE,
            src.name.clone(),
            describe(*laag, &effect),
        ));
    }
    let catalogus_onder = catalogus_onder.unwrap_or_else(|| catalogue.clone());
    // Whole files from the highest layer.
    let (script_laag, script_src) = stack.top(SCRIPT_FILE, excluded);
    let script = match parse_data::<Script>(&script_src.name, &script_src.text) {
        Ok(s) => {
            warnings.extend(s.warnings);
            let s = s.value;
            if script_laag != Laag::Ingebouwd || own_taxonomy {
                report(
                    validate::script(&s, &taxonomy, &script_src),
                    script_laag,
                    SCRIPT_FILE,
                );
            }
            Some(s)
        }
        Err(p) => {
            report(vec![p], script_laag, SCRIPT_FILE);
            None
        }
    };
    let (gemeente_laag, gemeente_src) = stack.top(GEMEENTE_FILE, excluded);
    let gemeente = match Gemeente::parse(&gemeente_src) {
        Ok(g) => {
            warnings.extend(g.warnings);
            let g = g.value;
            report(
                gemeente::validate(&g, &taxonomy, &gemeente_src),
                gemeente_laag,
                GEMEENTE_FILE,
            );
            Some(g)
        }
        Err(p) => {
            report(vec![p], gemeente_laag, GEMEENTE_FILE);
            None
        }
    };
    // The practice is optional: no file, or one that was left out, means none.
    let praktijk = stack
        .all(PRAKTIJK_FILE, excluded)
        .pop()
        .and_then(|(laag, src)| match Praktijk::parse(&src) {
            Ok(p) => {
                warnings.extend(p.warnings);
                let ps = praktijk::validate(&p.value, &src);
                let ok = ps.is_empty();
                report(ps, laag, PRAKTIJK_FILE);
                ok.then_some(p.value)
            }
            Err(p) => {
                report(vec![p], laag, PRAKTIJK_FILE);
                None
            }
        });
    let keymap = stack.all(KEYMAP_FILE, excluded).pop();
    if let Some((laag, src)) = &keymap {
        report(keymap_check(src), *laag, KEYMAP_FILE);
    }
    let tpl = |file: &'static str| stack.top(file, excluded);
    let (md, html, txt) = (
        tpl(TEMPLATE_FILE),
        tpl(HTML_TEMPLATE_FILE),
        tpl(TXT_TEMPLATE_FILE),
    );
    let templates = Templates {
        md: md.1.clone(),
        html: html.1.clone(),
        txt: txt.1.clone(),
        praktijk,
    };
    let (Some(script), Some(gemeente)) = (script, gemeente) else {
        return Err(problems);
    };
    let mut data = Data {
        script,
        taxonomy,
        catalogue,
        warnings: Vec::new(),
    };
    let (vervolg_laag, vervolg_src) = stack.top(VERVOLG_FILE, excluded);
    let vervolg = extras::parse_vervolg(&vervolg_src, &data, &mut warnings)
        .map_err(|ps| report(ps, vervolg_laag, VERVOLG_FILE))
        .ok();
    let (oefen_laag, oefen_src) = stack.top(OEFENKLANTEN_FILE, excluded);
    let oefenklanten = extras::parse_oefenklanten(&oefen_src, &data, &mut warnings)
        .map_err(|ps| report(ps, oefen_laag, OEFENKLANTEN_FILE))
        .ok();
    // Kept with the data: `Bundle::load` shows them, `controleer` prints them.
    data.warnings = warnings;
    let template_sources = [
        (md.0, TEMPLATE_FILE, &templates.md),
        (html.0, HTML_TEMPLATE_FILE, &templates.html),
        (txt.0, TXT_TEMPLATE_FILE, &templates.txt),
    ];
    attribute(
        check_templates(&templates, &data, &gemeente),
        &template_sources,
        &mut problems,
    );
    match (vervolg, oefenklanten) {
        (Some(vervolg), Some(oefenklanten)) if problems.is_empty() => Ok(Bundle {
            paths: Paths::portable(std::path::Path::new("")),
            data,
            catalogus_onder,
            vervolg,
            oefenklanten,
            templates,
            gemeente,
            keymap: keymap.map(|(_, s)| s),
            profielen: Vec::new(),
            team: None,
            herkomst: FILES
                .iter()
                .map(|&file| Herkomst {
                    file,
                    lagen: herkomst(stack, file, excluded, &merged),
                })
                .collect(),
            uitgesloten: Vec::new(),
            meldingen: Vec::new(),
            bijzonder: crate::store::assets::bijzonder(None).expect("the built-in list loads"),
        }),
        _ => Err(problems),
    }
}

/// The layers a file comes from in the loaded bundle: for the merged files every layer
/// with what it changed (from `merged`), for the others the one in use.
fn herkomst(
    stack: &Stack,
    file: &'static str,
    excluded: &BTreeSet<(Laag, &'static str)>,
    merged: &[(Laag, &'static str, String, Option<String>)],
) -> Vec<(Laag, String, Option<String>)> {
    if file == TAXONOMY_FILE || file == CATALOGUE_FILE {
        return merged
            .iter()
            .filter(|(_, f, _, _)| *f == file)
            .map(|(l, _, name, effect)| (*l, name.clone(), effect.clone()))
            .collect();
    }
    let mut all = stack.all(file, excluded);
    all.pop()
        .map(|(l, s)| vec![(l, s.name, None)])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
