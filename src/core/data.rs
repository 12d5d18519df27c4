//! The bundle of data a gesprek runs on (script, taxonomy, catalogue), parsed from RON
//! sources. Where the text comes from (embedded default or a user's file) is the store's
//! business; this module only parses and cross-checks.

use super::catalogue::Catalogue;
use super::problem::{Problem, parse_ron};
use super::script::Script;
use super::taxonomy::Taxonomy;
use super::validate;

/// A data file's name (as shown in problems) and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

/// How an embedded default's name starts in problems and in `meedoen controleer`.
const EMBEDDED: &str = "(ingebouwd) ";

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// An embedded default for `file`, named so problems and listings say it is built in.
    pub fn embedded(file: &str, text: &str) -> Source {
        Source::new(format!("{EMBEDDED}{file}"), text)
    }

    /// Whether this is an embedded default rather than a user's file. The embedded
    /// defaults are checked by the test suite, so start-up need not check them again.
    pub fn is_embedded(&self) -> bool {
        self.name.starts_with(EMBEDDED)
    }
}

/// The sources of one bundle.
#[derive(Debug, Clone)]
pub struct Sources {
    pub script: Source,
    pub taxonomy: Source,
    pub catalogue: Source,
}

/// Everything a gesprek needs besides the session.
#[derive(Debug, Clone)]
pub struct Data {
    pub script: Script,
    pub taxonomy: Taxonomy,
    pub catalogue: Catalogue,
}

impl Data {
    /// Parses and cross-checks all sources; returns every problem found, not just the first,
    /// so a user fixing a file sees the whole list at once.
    pub fn parse(sources: &Sources) -> Result<Data, Vec<Problem>> {
        let script = parse_ron::<Script>(&sources.script.name, &sources.script.text);
        let taxonomy = parse_ron::<Taxonomy>(&sources.taxonomy.name, &sources.taxonomy.text);
        let catalogue = parse_ron::<Catalogue>(&sources.catalogue.name, &sources.catalogue.text);
        match (script, taxonomy, catalogue) {
            (Ok(script), Ok(taxonomy), Ok(catalogue)) => {
                let mut problems = validate::taxonomy(&taxonomy, &sources.taxonomy);
                problems.extend(validate::catalogue(
                    &catalogue,
                    &taxonomy,
                    &sources.catalogue,
                ));
                problems.extend(validate::script(&script, &taxonomy, &sources.script));
                if problems.is_empty() {
                    Ok(Data {
                        script,
                        taxonomy,
                        catalogue,
                    })
                } else {
                    Err(problems)
                }
            }
            (s, t, c) => Err([s.err(), t.err(), c.err()].into_iter().flatten().collect()),
        }
    }
}
