//! The data beyond the intake bundle: the vervolggesprek script and the demo clients for
//! trainers. Embedded like the other defaults, and replaced whole by a file with the same
//! name in the config folder; checked against the taxonomy (and, for demo clients, the
//! intake script) with the same precise problems.

use std::path::Path;

use crate::core::data::{Data, Source};
use crate::core::oefen::{self, Oefenklanten};
use crate::core::parse::parse_data;
use crate::core::problem::Problem;
use crate::core::script::Script;
use crate::core::validate;

use super::assets::read_or_default;

pub const VERVOLG_FILE: &str = "vervolg.ron";
pub const OEFENKLANTEN_FILE: &str = "oefenklanten.ron";

pub const DEFAULT_VERVOLG: &str = include_str!("../../assets/vervolg.ron");
pub const DEFAULT_OEFENKLANTEN: &str = include_str!("../../assets/oefenklanten.ron");

/// The scripts and demo clients that come with a bundle.
#[derive(Debug, Clone)]
pub struct Extras {
    pub vervolg: Script,
    pub oefenklanten: Oefenklanten,
    /// What is ignored in either file (unknown fields): shown, never fatal.
    pub warnings: Vec<Problem>,
}

/// The vervolg script's source (user file or embedded).
pub fn vervolg_source(config_dir: Option<&Path>) -> Result<Source, Problem> {
    read_or_default(
        config_dir,
        VERVOLG_FILE,
        Source::embedded(VERVOLG_FILE, DEFAULT_VERVOLG),
    )
}

/// The demo clients' source (user file or embedded).
pub fn oefenklanten_source(config_dir: Option<&Path>) -> Result<Source, Problem> {
    read_or_default(
        config_dir,
        OEFENKLANTEN_FILE,
        Source::embedded(OEFENKLANTEN_FILE, DEFAULT_OEFENKLANTEN),
    )
}

/// Parses and checks a vervolg script against the bundle's taxonomy; the warnings about
/// ignored fields are added to `warnings`.
pub fn parse_vervolg(
    src: &Source,
    data: &Data,
    warnings: &mut Vec<Problem>,
) -> Result<Script, Vec<Problem>> {
    let parsed = parse_data::<Script>(&src.name, &src.text).map_err(|p| vec![p])?;
    let problems = validate::script(&parsed.value, &data.taxonomy, src);
    if problems.is_empty() {
        warnings.extend(parsed.warnings);
        Ok(parsed.value)
    } else {
        Err(problems)
    }
}

/// Parses and checks demo clients against the intake script and taxonomy.
/// The embedded ones are fitted to the user's script and taxonomy rather than checked:
/// they are correct for the embedded data (the tests say so), and a consultant with an own
/// script should not be stopped by a file they never wrote.
pub fn parse_oefenklanten(
    src: &Source,
    data: &Data,
    warnings: &mut Vec<Problem>,
) -> Result<Oefenklanten, Vec<Problem>> {
    let parsed = oefen::parse(src).map_err(|p| vec![p])?;
    warnings.extend(parsed.warnings);
    let mut klanten = parsed.value;
    if src.is_embedded() {
        oefen::fit(&mut klanten, &data.script, &data.taxonomy);
        return Ok(klanten);
    }
    let problems = oefen::validate(&klanten, &data.script, &data.taxonomy, src);
    if problems.is_empty() {
        Ok(klanten)
    } else {
        Err(problems)
    }
}

/// Loads both, reporting every problem of both files.
pub fn load(config_dir: Option<&Path>, data: &Data) -> Result<Extras, Vec<Problem>> {
    let mut warnings = Vec::new();
    let vervolg = vervolg_source(config_dir)
        .map_err(|p| vec![p])
        .and_then(|s| parse_vervolg(&s, data, &mut warnings));
    let oefenklanten = oefenklanten_source(config_dir)
        .map_err(|p| vec![p])
        .and_then(|s| parse_oefenklanten(&s, data, &mut warnings));
    match (vervolg, oefenklanten) {
        (Ok(vervolg), Ok(oefenklanten)) => Ok(Extras {
            vervolg,
            oefenklanten,
            warnings,
        }),
        (v, o) => Err(v.err().into_iter().chain(o.err()).flatten().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_extras_are_valid() {
        let data = super::super::assets::load(None).unwrap();
        let extras = load(None, &data).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(extras.vervolg.id, "vervolg");
        assert!(extras.oefenklanten.klanten.len() >= 3);
    }

    #[test]
    fn embedded_demo_clients_fit_a_users_own_script_and_own_ones_are_checked() {
        let mut data = super::super::assets::load(None).unwrap();
        // An own script with one step of the embedded intake and one of its own.
        let keep = data.script.steps().next().unwrap().stap.id.clone();
        data.script.fases.truncate(1);
        data.script.fases[0].stappen.retain(|s| s.id == keep);
        let mut eigen = data.script.fases[0].stappen[0].clone();
        eigen.id = "eigen-stap".into();
        data.script.fases[0].stappen.push(eigen);
        data.taxonomy.wensen.retain(|w| w.id == "koken");

        let extras = load(None, &data).unwrap_or_else(|p| panic!("{p:?}"));
        let klanten = &extras.oefenklanten.klanten;
        assert!(klanten.len() >= 3);
        for k in klanten {
            assert!(
                k.antwoorden.iter().all(|a| a.stap == keep),
                "{:?}",
                k.antwoorden
            );
            assert!(k.tags.wensen.iter().all(|w| w == "koken"), "{:?}", k.tags);
        }
        assert!(klanten.iter().any(|k| k.antwoord(&keep).is_some()));

        // The same clients as the user's own file must fit exactly.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(OEFENKLANTEN_FILE), DEFAULT_OEFENKLANTEN).unwrap();
        let problems = load(Some(dir.path()), &data).unwrap_err();
        assert!(
            problems[0].file.ends_with(OEFENKLANTEN_FILE),
            "{}",
            problems[0]
        );
        assert!(
            problems[0].msg.contains("onbekende stap"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_broken_user_vervolg_script_is_reported_with_its_path() {
        let data = super::super::assets::load(None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(VERVOLG_FILE), "(id: \"v\", titel: 3)").unwrap();
        let problems = load(Some(dir.path()), &data).unwrap_err();
        assert!(problems[0].file.ends_with(VERVOLG_FILE), "{}", problems[0]);
        assert_eq!(problems[0].line, 1);
    }
}
