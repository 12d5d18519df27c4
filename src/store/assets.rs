//! The embedded default data and the user's overrides. A file with the same name in the
//! config folder replaces the embedded default as a whole (no merging: a municipality's
//! catalogue should not silently mix with ours).

use std::path::Path;

use crate::core::bijzonder::{self, Woordenlijst};
use crate::core::data::{Data, Source, Sources};
use crate::core::gemeente::Gemeente;
use crate::core::plan::Templates;
use crate::core::problem::Problem;

pub const SCRIPT_FILE: &str = "script.ron";
pub const TAXONOMY_FILE: &str = "taxonomie.ron";
pub const CATALOGUE_FILE: &str = "catalogus.ron";

pub const DEFAULT_SCRIPT: &str = include_str!("../../assets/script.ron");
pub const DEFAULT_TAXONOMY: &str = include_str!("../../assets/taxonomie.ron");
pub const DEFAULT_CATALOGUE: &str = include_str!("../../assets/catalogus.ron");

/// The plan template, relative to the config folder.
pub const TEMPLATE_FILE: &str = "templates/plan.md.j2";
pub const DEFAULT_TEMPLATE: &str = include_str!("../../assets/templates/plan.md.j2");

/// The municipality settings, relative to the config folder.
pub const GEMEENTE_FILE: &str = "gemeente.ron";
pub const DEFAULT_GEMEENTE: &str = include_str!("../../assets/gemeente.ron");

/// The practice's settings, relative to the config folder; optional, so there is no
/// built-in one, only the commented example `meedoen voorbeelden` writes.
pub const PRAKTIJK_FILE: &str = "praktijk.ron";
pub const EXAMPLE_PRAKTIJK: &str = include_str!("../../assets/praktijk.ron");

/// The other plan templates, relative to the config folder.
pub const HTML_TEMPLATE_FILE: &str = "templates/plan.html.j2";
pub const DEFAULT_HTML_TEMPLATE: &str = include_str!("../../assets/templates/plan.html.j2");
pub const TXT_TEMPLATE_FILE: &str = "templates/plan.txt.j2";
pub const DEFAULT_TXT_TEMPLATE: &str = include_str!("../../assets/templates/plan.txt.j2");

/// The embedded defaults, named so problems in them are recognisable.
pub fn embedded() -> Sources {
    Sources {
        script: Source::embedded(SCRIPT_FILE, DEFAULT_SCRIPT),
        taxonomy: Source::embedded(TAXONOMY_FILE, DEFAULT_TAXONOMY),
        catalogue: Source::embedded(CATALOGUE_FILE, DEFAULT_CATALOGUE),
    }
}

/// Largest data file we read; a bigger one is almost certainly not a catalogue, and
/// reading it whole could exhaust a small laptop's memory.
pub const MAX_DATA_FILE: u64 = 16 * 1024 * 1024;

/// Reads a user's data file, or returns the embedded default when there is none.
pub fn read_or_default(dir: Option<&Path>, file: &str, default: Source) -> Result<Source, Problem> {
    let Some(dir) = dir else { return Ok(default) };
    Ok(read_user(dir, file)?.unwrap_or(default))
}

/// `file` (named with `/`, like `templates/plan.md.j2`) inside `dir`, joined part by part
/// so the path shown on Windows has one kind of separator.
pub fn in_dir(dir: &Path, file: &str) -> std::path::PathBuf {
    file.split('/')
        .fold(dir.to_path_buf(), |p, part| p.join(part))
}

/// Reads `file` in `dir`: `None` when there is no such file, a problem with its place
/// when it cannot be used (too big, not UTF-8, unreadable). A byte order mark, which
/// Notepad writes, is dropped.
pub fn read_user(dir: &Path, file: &str) -> Result<Option<Source>, Problem> {
    let path = in_dir(dir, file);
    let name = path.display().to_string();
    let bytes = match super::lezen::read_regular(&path, MAX_DATA_FILE) {
        Ok(bytes) => bytes,
        Err(super::lezen::LeesFout::Ontbreekt) => return Ok(None),
        // A file where a folder of the path should be: there is no such file either.
        Err(super::lezen::LeesFout::Io(e)) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Ok(None);
        }
        Err(e) => return Err(Problem::new(&name, 0, 0, e.melding(&path, MAX_DATA_FILE))),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = crate::core::problem::position(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        Problem::new(
            &name,
            line,
            col,
            "het bestand is geen geldige UTF-8-tekst (is het een tekstbestand?)",
        )
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Some(Source::new(name, text)))
}

/// The sources to use: the user's files from `config_dir` where present, else embedded.
pub fn sources(config_dir: Option<&Path>) -> Result<Sources, Vec<Problem>> {
    let d = embedded();
    let script = read_or_default(config_dir, SCRIPT_FILE, d.script);
    let taxonomy = read_or_default(config_dir, TAXONOMY_FILE, d.taxonomy);
    let catalogue = read_or_default(config_dir, CATALOGUE_FILE, d.catalogue);
    match (script, taxonomy, catalogue) {
        (Ok(script), Ok(taxonomy), Ok(catalogue)) => Ok(Sources {
            script,
            taxonomy,
            catalogue,
        }),
        (s, t, c) => Err([s.err(), t.err(), c.err()].into_iter().flatten().collect()),
    }
}

/// The plan template: the user's `templates/plan.md.j2` in `config_dir` when present (a
/// municipality's own wording), else the embedded default.
pub fn plan_template(config_dir: Option<&Path>) -> Result<Source, Problem> {
    template(config_dir, TEMPLATE_FILE, DEFAULT_TEMPLATE)
}

/// A user's template file or the embedded default, without a byte order mark.
fn template(config_dir: Option<&Path>, file: &str, default: &str) -> Result<Source, Problem> {
    let mut source = read_or_default(config_dir, file, Source::embedded(file, default))?;
    // Notepad saves UTF-8 with a byte order mark, which would otherwise open every plan.
    if let Some(text) = source.text.strip_prefix('\u{feff}') {
        source.text = text.to_string();
    }
    Ok(source)
}

/// All three plan templates (Markdown, HTML, text), each the user's own when present.
/// Each is overridden on its own: a municipality may restyle the HTML only.
pub fn plan_templates(config_dir: Option<&Path>) -> Result<Templates, Problem> {
    Ok(Templates {
        md: plan_template(config_dir)?,
        html: template(config_dir, HTML_TEMPLATE_FILE, DEFAULT_HTML_TEMPLATE)?,
        txt: template(config_dir, TXT_TEMPLATE_FILE, DEFAULT_TXT_TEMPLATE)?,
        praktijk: None,
    })
}

/// The municipality settings: the user's `gemeente.ron` when present, else the embedded
/// default. Returns the source too, for `validate` and for problems found later.
/// The warnings about ignored fields go to `warnings`.
pub fn gemeente(
    config_dir: Option<&Path>,
    warnings: &mut Vec<Problem>,
) -> Result<(Gemeente, Source), Problem> {
    let mut source = read_or_default(
        config_dir,
        GEMEENTE_FILE,
        Source::embedded(GEMEENTE_FILE, DEFAULT_GEMEENTE),
    )?;
    if let Some(text) = source.text.strip_prefix('\u{feff}') {
        source.text = text.to_string();
    }
    let parsed = Gemeente::parse(&source)?;
    warnings.extend(parsed.warnings);
    Ok((parsed.value, source))
}

/// The word list for special-category data: the user's `bijzonder.ron` when present,
/// else the embedded one.
pub fn bijzonder(config_dir: Option<&Path>) -> Result<Woordenlijst, Problem> {
    let mut source = read_or_default(
        config_dir,
        bijzonder::BESTAND,
        Source::embedded(bijzonder::BESTAND, bijzonder::STANDAARD),
    )?;
    if let Some(text) = source.text.strip_prefix('\u{feff}') {
        source.text = text.to_string();
    }
    Woordenlijst::parse(&source)
}

/// Loads and validates the data for a gesprek.
pub fn load(config_dir: Option<&Path>) -> Result<Data, Vec<Problem>> {
    Data::parse(&sources(config_dir)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_are_valid() {
        let data = load(None).unwrap_or_else(|ps| {
            panic!(
                "{}",
                ps.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(data.script.steps().count() > 0);
    }

    #[test]
    fn user_file_overrides_and_its_errors_carry_the_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CATALOGUE_FILE), "(opties: [ (id: \"x\" ").unwrap();
        let problems = load(Some(dir.path())).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].file.ends_with(CATALOGUE_FILE));
        assert!(
            problems[0].msg.contains("houdt onverwacht op"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn embedded_templates_compile_so_start_up_need_not_check_them() {
        let t = plan_templates(None).unwrap();
        assert!(t.validate().is_empty(), "{:?}", t.validate());
        for f in crate::core::plan::Formaat::ALL {
            assert!(t.get(f).is_embedded(), "{}", t.get(f).name);
        }
        assert!(t.validate_own().is_empty());
    }

    #[test]
    fn plan_template_is_embedded_unless_the_user_has_one() {
        let embedded = plan_template(None).unwrap();
        assert_eq!(embedded.text, DEFAULT_TEMPLATE);
        assert!(crate::core::plan::validate_template(&embedded).is_empty());
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            plan_template(Some(dir.path())).unwrap().text,
            DEFAULT_TEMPLATE
        );
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(
            dir.path().join(TEMPLATE_FILE),
            "\u{feff}# Eigen plan {{ klant }}",
        )
        .unwrap();
        let own = plan_template(Some(dir.path())).unwrap();
        assert_eq!(own.text, "# Eigen plan {{ klant }}");
        assert!(own.name.ends_with("plan.md.j2"), "{}", own.name);
    }

    #[test]
    fn embedded_gemeente_is_the_default_and_valid() {
        let data = load(None).unwrap();
        let (g, src) = gemeente(None, &mut Vec::new()).unwrap();
        assert_eq!(g, Gemeente::default());
        assert!(crate::core::gemeente::validate(&g, &data.taxonomy, &src).is_empty());
    }

    #[test]
    fn user_gemeente_overrides_and_its_errors_carry_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let own = DEFAULT_GEMEENTE.replace("naam: \"\"", "naam: \"Zwolle\"");
        std::fs::write(dir.path().join(GEMEENTE_FILE), format!("\u{feff}{own}")).unwrap();
        assert_eq!(
            gemeente(Some(dir.path()), &mut Vec::new()).unwrap().0.naam,
            "Zwolle"
        );
        let broken = DEFAULT_GEMEENTE.replace("max_uren: 20", "max_uren: twintig");
        std::fs::write(dir.path().join(GEMEENTE_FILE), broken).unwrap();
        let p = gemeente(Some(dir.path()), &mut Vec::new()).unwrap_err();
        assert!(p.file.ends_with(GEMEENTE_FILE), "{p}");
        assert!(p.line > 1, "{p}");
    }

    #[test]
    fn each_template_is_overridden_on_its_own() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join(HTML_TEMPLATE_FILE), "<p>{{ klant }}</p>").unwrap();
        let t = plan_templates(Some(dir.path())).unwrap();
        assert_eq!(t.html.text, "<p>{{ klant }}</p>");
        assert_eq!(t.md.text, DEFAULT_TEMPLATE);
        assert_eq!(t.txt.text, DEFAULT_TXT_TEMPLATE);
        let embedded = plan_templates(None).unwrap();
        for source in [&embedded.md, &embedded.html, &embedded.txt] {
            assert!(source.name.starts_with("(ingebouwd)"), "{}", source.name);
            assert!(crate::core::plan::validate_template(source).is_empty());
        }
    }

    #[test]
    fn a_50_megabyte_file_is_refused_with_its_size_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join(CATALOGUE_FILE)).unwrap();
        // A sparse file: the size is real, the disk is not filled.
        file.set_len(50 * 1024 * 1024).unwrap();
        let problems = load(Some(dir.path())).unwrap_err();
        assert!(
            problems[0].msg.contains("te groot (50 MB"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn an_empty_file_is_reported_not_taken_as_empty_data() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(TAXONOMY_FILE), "").unwrap();
        let problems = load(Some(dir.path())).unwrap_err();
        assert!(problems[0].file.ends_with(TAXONOMY_FILE));
        assert!(
            problems[0].msg.contains("houdt onverwacht op"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn binary_garbage_is_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SCRIPT_FILE), b"(id: \xff\xfe)").unwrap();
        let problems = load(Some(dir.path())).unwrap_err();
        assert!(problems[0].msg.contains("UTF-8"), "{}", problems[0]);
    }
}
