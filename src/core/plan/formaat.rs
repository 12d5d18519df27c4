//! The plan's output formats and the municipality's part of the template context.
//! Markdown is the editable original; HTML is for printing and signing (one file, no
//! outside resources, so it opens the same on any locked-down laptop); plain text is for
//! pasting into a case system. One template per format, all fed the same context, so
//! the three say the same thing.

use std::fmt;
use std::str::FromStr;

use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::engine::{Capped, environment_for, problem, tidy};
use super::output::{line_ends, rewrap};
use super::{PlanContext, context_for};
use crate::core::data::{Data, Source};
use crate::core::gemeente::Gemeente;
use crate::core::praktijk::Praktijk;
use crate::core::problem::Problem;
use crate::core::session::Session;

/// An output format of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Formaat {
    #[default]
    Md,
    Html,
    Txt,
}

impl Formaat {
    pub const ALL: [Formaat; 3] = [Formaat::Md, Formaat::Html, Formaat::Txt];

    /// From "md", "html" or "txt" (case and a leading dot ignored, so `--formaat .HTML`
    /// and a file extension both work).
    pub fn parse(s: &str) -> Option<Formaat> {
        match s
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "md" | "markdown" => Some(Formaat::Md),
            "html" | "htm" => Some(Formaat::Html),
            "txt" | "tekst" | "text" => Some(Formaat::Txt),
            _ => None,
        }
    }

    /// File extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Formaat::Md => "md",
            Formaat::Html => "html",
            Formaat::Txt => "txt",
        }
    }

    /// Dutch description for menus and help.
    pub fn label(self) -> &'static str {
        match self {
            Formaat::Md => "Markdown (om verder te bewerken)",
            Formaat::Html => "HTML (om te printen en te ondertekenen)",
            Formaat::Txt => "tekst (om in het klantsysteem te plakken)",
        }
    }
}

impl fmt::Display for Formaat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Formaat {
    type Err = String;

    fn from_str(s: &str) -> Result<Formaat, String> {
        Formaat::parse(s).ok_or_else(|| format!("onbekend formaat `{s}`; kies md, html of txt"))
    }
}

/// The template sources of all three formats, and the practice that heads every plan.
#[derive(Debug, Clone)]
pub struct Templates {
    pub md: Source,
    pub html: Source,
    pub txt: Source,
    /// The practice from `praktijk.ron`, when there is one. It travels with the
    /// templates because every place that renders a plan has them, so the plan says who
    /// made it the same way in every front-end.
    pub praktijk: Option<Praktijk>,
}

impl Templates {
    pub fn get(&self, format: Formaat) -> &Source {
        match format {
            Formaat::Md => &self.md,
            Formaat::Html => &self.html,
            Formaat::Txt => &self.txt,
        }
    }

    /// Checks that all three parse, for `meedoen controleer`; renders nothing.
    pub fn validate(&self) -> Vec<Problem> {
        Formaat::ALL
            .iter()
            .flat_map(|&f| super::validate_template(self.get(f)))
            .collect()
    }

    /// `validate` for the user's own templates only. The embedded ones are checked by the
    /// test suite, and compiling all three at every start cost a quarter of a millisecond
    /// of the time the start screen waits for its data.
    pub fn validate_own(&self) -> Vec<Problem> {
        Formaat::ALL
            .iter()
            .map(|&f| self.get(f))
            .filter(|s| !s.is_embedded())
            .flat_map(super::validate_template)
            .collect()
    }
}

/// What the templates know about the municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GemeenteContext {
    /// Empty when not set; templates then leave the municipality out.
    pub naam: String,
    pub verplicht: bool,
    /// "klant", "werkzoekende", "bewoner"…
    pub klant_label: String,
    pub max_uren: u8,
    pub evaluatie_na_weken: u16,
    pub contact_na_weken: u16,
    /// The municipality's own paragraphs; empty means the template's standard wording.
    pub teksten: TekstenContext,
    /// Phone, e-mail and visiting address; each empty when not set.
    pub contact: ContactContext,
    /// Width of the text export, `None` for one line per paragraph.
    pub tekstbreedte: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactContext {
    pub telefoon: String,
    pub email: String,
    pub bezoekadres: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TekstenContext {
    pub ondersteuning: String,
    pub verplichtingen: String,
    pub gevolgen: String,
}

impl GemeenteContext {
    pub fn new(g: &Gemeente) -> GemeenteContext {
        let tekst = |t: &str| t.trim().to_string();
        GemeenteContext {
            naam: g.naam.trim().to_string(),
            verplicht: g.verplicht,
            klant_label: match g.klant_label.trim() {
                "" => "klant".to_string(),
                l => l.to_string(),
            },
            max_uren: g.max_uren,
            evaluatie_na_weken: g.evaluatie_na_weken,
            contact_na_weken: g.contact_na_weken,
            teksten: TekstenContext {
                ondersteuning: tekst(&g.teksten.ondersteuning),
                verplichtingen: tekst(&g.teksten.verplichtingen),
                gevolgen: tekst(&g.teksten.gevolgen),
            },
            contact: ContactContext {
                telefoon: tekst(&g.contact.telefoon),
                email: tekst(&g.contact.email),
                bezoekadres: tekst(&g.contact.bezoekadres),
            },
            tekstbreedte: g.tekstbreedte,
        }
    }
}

/// Renders the plan in `format` with the default municipality settings.
pub fn render(
    format: Formaat,
    session: &Session,
    data: &Data,
    templates: &Templates,
) -> Result<String, Problem> {
    render_with(format, session, data, templates, &Gemeente::default())
}

/// Renders the plan in `format` with the municipality's settings.
pub fn render_with(
    format: Formaat,
    session: &Session,
    data: &Data,
    templates: &Templates,
    gemeente: &Gemeente,
) -> Result<String, Problem> {
    render_source(
        format,
        &context_for(session, data, gemeente, templates.praktijk.as_ref()),
        templates.get(format),
    )
}

/// Renders the plan as final (`concept == false`) or as a concept. A concept says so in
/// its heading; an own template that does not use `concept` gets a first line saying
/// it, so a concept can never pass for a final plan.
pub fn render_status(
    format: Formaat,
    session: &Session,
    data: &Data,
    templates: &Templates,
    gemeente: &Gemeente,
    concept: bool,
) -> Result<String, Problem> {
    let mut ctx = context_for(session, data, gemeente, templates.praktijk.as_ref());
    ctx.concept = concept;
    let text = render_source(format, &ctx, templates.get(format))?;
    if concept && !text.to_lowercase().contains("concept") {
        let line = "CONCEPT: nog niet alles is besproken; dit is niet het definitieve plan.";
        let first = match format {
            Formaat::Html => format!("<p><strong>{line}</strong></p>\n"),
            _ => format!("{line}\n\n"),
        };
        return Ok(first + &text);
    }
    Ok(text)
}

/// Renders one template in `format` over a prepared context.
pub fn render_source(
    format: Formaat,
    ctx: &PlanContext,
    template: &Source,
) -> Result<String, Problem> {
    let mut env = environment_for(format);
    env.add_template_owned(template.name.clone(), template.text.clone())
        .map_err(|e| problem(template, &e))?;
    let mut out = Capped(Vec::new());
    env.get_template(&template.name)
        .and_then(|t| t.render_captured_to(Value::from(Serde(ctx)), &mut out))
        .map_err(|e| too_much_text(ctx, &e).unwrap_or_else(|| problem(template, &e)))?;
    // minijinja only ever writes whole `str`s, so this cannot fail; lossy is belt and braces.
    let text = tidy(&String::from_utf8_lossy(&out.0));
    Ok(match format {
        // The text goes into a case system: every paragraph wrapped the same way, and
        // the line ends Windows programs expect on Windows.
        Formaat::Txt => line_ends(
            &rewrap(&text, ctx.gemeente.tekstbreedte.map(usize::from)),
            cfg!(windows),
        ),
        Formaat::Md | Formaat::Html => text,
    })
}

/// A plan that outgrows the cap because the gesprek itself holds that much text (a note
/// of many megabytes) is not the template's fault; say what it is.
fn too_much_text(ctx: &PlanContext, e: &minijinja::Error) -> Option<Problem> {
    if e.kind() != minijinja::ErrorKind::WriteFailure {
        return None;
    }
    let size = serde_json::to_vec(ctx).map(|v| v.len()).unwrap_or(0);
    (size > super::engine::MAX_PLAN / 2).then(|| {
        Problem::new(
            "gesprek",
            0,
            0,
            format!(
                "het gesprek bevat te veel tekst voor een plan (samen meer dan {} MB, meestal \
                 een heel lange notitie); maak de notities korter en sla opnieuw op",
                super::engine::MAX_PLAN / (1024 * 1024)
            ),
        )
    })
}

/// Renders `template` over `ctx` with every undefined variable an error, and throws the
/// text away: the check of a user's own template against sample sessions, so a typo such
/// as `{{ consulnet }}` is found at start-up instead of printing nothing in a plan.
pub fn check_source(format: Formaat, ctx: &PlanContext, template: &Source) -> Result<(), Problem> {
    let mut env = environment_for(format);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template_owned(template.name.clone(), template.text.clone())
        .map_err(|e| problem(template, &e))?;
    let mut out = Capped(Vec::new());
    env.get_template(&template.name)
        .and_then(|t| t.render_captured_to(Value::from(Serde(ctx)), &mut out))
        .map_err(|e| problem(template, &e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_names_and_extensions() {
        assert_eq!(Formaat::parse("md"), Some(Formaat::Md));
        assert_eq!(Formaat::parse(".HTML"), Some(Formaat::Html));
        assert_eq!(Formaat::parse(" txt "), Some(Formaat::Txt));
        assert_eq!(Formaat::parse("pdf"), None);
        assert_eq!("html".parse::<Formaat>(), Ok(Formaat::Html));
        assert!(
            "doc"
                .parse::<Formaat>()
                .unwrap_err()
                .contains("md, html of txt")
        );
        for f in Formaat::ALL {
            assert_eq!(Formaat::parse(f.extension()), Some(f));
            assert_eq!(f.to_string(), f.extension());
        }
    }

    #[test]
    fn every_template_is_checked() {
        let ok = Source::new("ok", "{{ klant }}");
        let t = Templates {
            md: ok.clone(),
            html: Source::new("plan.html.j2", "<p>\n{% if %}"),
            txt: Source::new("plan.txt.j2", "{{ x }"),
            praktijk: None,
        };
        let files: Vec<_> = t.validate().into_iter().map(|p| p.file).collect();
        assert_eq!(files, ["plan.html.j2", "plan.txt.j2"]);
    }

    #[test]
    fn a_concept_says_so_even_in_an_own_template_that_does_not() {
        let data = crate::store::assets::load(None).unwrap();
        let session = Session::new("x".into(), chrono::NaiveDate::MIN, &data.script.id);
        let own = Source::new("plan.md.j2", "Plan voor {{ klant }}");
        let t = Templates {
            md: own.clone(),
            html: Source::new("plan.html.j2", "<p>{{ klant }}</p>"),
            txt: own,
            praktijk: None,
        };
        let g = Gemeente::default();
        let final_ = render_status(Formaat::Md, &session, &data, &t, &g, false).unwrap();
        assert!(!final_.to_lowercase().contains("concept"), "{final_}");
        let concept = render_status(Formaat::Md, &session, &data, &t, &g, true).unwrap();
        assert!(concept.starts_with("CONCEPT: "), "{concept}");
        let html = render_status(Formaat::Html, &session, &data, &t, &g, true).unwrap();
        assert!(html.starts_with("<p><strong>CONCEPT: "), "{html}");
        // The embedded templates say it in their heading, and drop the signatures.
        let t = crate::store::assets::plan_templates(None).unwrap();
        for f in Formaat::ALL {
            let text = render_status(f, &session, &data, &t, &g, true).unwrap();
            assert!(
                text.to_lowercase().contains("plan van aanpak (concept)"),
                "{f}: {text}"
            );
            assert!(!text.contains("Handtekening"), "{f}");
            assert!(!text.starts_with("CONCEPT: "), "{f}");
        }
    }

    #[test]
    fn start_up_checks_only_the_users_own_templates() {
        let broken = "{% if %}";
        let t = Templates {
            md: Source::embedded("plan.md.j2", broken),
            html: Source::new("/home/c/.config/meedoen/templates/plan.html.j2", broken),
            txt: Source::embedded("plan.txt.j2", "{{ klant }}"),
            praktijk: None,
        };
        let own: Vec<_> = t.validate_own().into_iter().map(|p| p.file).collect();
        assert_eq!(own, ["/home/c/.config/meedoen/templates/plan.html.j2"]);
        assert_eq!(t.validate().len(), 2, "controleer still checks all three");
    }

    #[test]
    fn blank_label_falls_back_to_klant() {
        let g = Gemeente {
            klant_label: "  ".into(),
            naam: " Zwolle ".into(),
            ..Gemeente::default()
        };
        let c = GemeenteContext::new(&g);
        assert_eq!(c.klant_label, "klant");
        assert_eq!(c.naam, "Zwolle");
    }
}
