//! The bundle of data a gesprek runs on (script, taxonomy, catalogue), parsed from RON
//! sources. Where the text comes from (embedded default or a user's file) is the store's
//! business; this module only parses and cross-checks.

use super::catalogue::Catalogue;
use super::parse::{parse_data, parse_data_split};
use super::problem::Problem;
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
    /// A source; a UTF-8 byte order mark (Notepad writes one) is dropped, so places
    /// count from the first character the user sees.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Source {
            name: name.into(),
            text,
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
    /// What is ignored in the files (unknown fields): shown to the user, never fatal.
    pub warnings: Vec<Problem>,
}

impl Data {
    /// Parses and cross-checks all sources; returns every problem found, not just the first,
    /// so a user fixing a file sees the whole list at once.
    pub fn parse(sources: &Sources) -> Result<Data, Vec<Problem>> {
        let script = parse_data::<Script>(&sources.script.name, &sources.script.text);
        let taxonomy = parse_data::<Taxonomy>(&sources.taxonomy.name, &sources.taxonomy.text);
        let catalogue = parse_data_split::<Catalogue>(
            &sources.catalogue.name,
            &sources.catalogue.text,
            "opties",
            |mut a, b| {
                a.opties.extend(b.opties);
                a
            },
        );
        match (script, taxonomy, catalogue) {
            (Ok(script), Ok(taxonomy), Ok(catalogue)) => {
                let mut warnings = script.warnings;
                warnings.extend(taxonomy.warnings);
                warnings.extend(catalogue.warnings);
                let (script, taxonomy, catalogue) = (script.value, taxonomy.value, catalogue.value);
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
                        warnings,
                    })
                } else {
                    Err(problems)
                }
            }
            (s, t, c) => Err([s.err(), t.err(), c.err()].into_iter().flatten().collect()),
        }
    }
}
