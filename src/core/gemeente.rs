//! Municipality settings: the policy that differs per gemeente (research §7). Whether
//! taking part is mandatory or voluntary, what the client is called, the hour cap, how
//! soon to evaluate and meet again, which catalogue categories count, and the wording of
//! the art. 44a paragraphs. Policy changes more often than code, so it lives in an
//! editable `gemeente.ron`; this module parses and checks it.

use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::data::Source;
use super::matching::{Suggesties, Uitgesloten};
use super::parse::{Parsed, parse_data};
use super::problem::Problem;
use super::session::Session;
use super::taxonomy::Taxonomy;

/// Hours per week above which unpaid participation is disproportional; a court found
/// 20 hours too much already (research §7), so 40 is a hard ceiling, not a target.
pub const MAX_UREN_GRENS: u8 = 40;

/// Longest interval that still makes sense, in weeks: beyond a year, "follow-up" is not
/// follow-up, and follow-up is exactly where practice is weakest (research §3).
pub const MAX_WEKEN: u16 = 52;

/// The settings of one municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gemeente {
    /// Shown in the plan when set; empty keeps the plan neutral.
    pub naam: String,
    /// Mandatory participation (with consequences for the uitkering) or voluntary.
    pub verplicht: bool,
    /// Most hours per week the tool suggests or accepts without a warning.
    pub max_uren: u8,
    /// Default evaluation date: this many weeks after the gesprek.
    pub evaluatie_na_weken: u16,
    /// Default next contact: this many weeks after the gesprek.
    pub contact_na_weken: u16,
    /// What the plan calls the client: "klant", "werkzoekende", "bewoner"…
    pub klant_label: String,
    /// Where plans are written, when the municipality prescribes a folder.
    #[serde(default)]
    pub uitvoermap: Option<String>,
    /// The team folder (in the personal `gemeente.ron` only): a shared folder whose files
    /// sit between the built-in data and the personal ones.
    #[serde(default)]
    pub teammap: Option<String>,
    /// Catalogue categories that count in this municipality; `None` means all.
    #[serde(default)]
    pub categorieen: Option<Vec<String>>,
    /// The municipality's own wording of the art. 44a paragraphs.
    #[serde(default)]
    pub teksten: Teksten,
    /// How long client files may stay on the laptop (AVG art. 5(1)(e)).
    #[serde(default)]
    pub bewaartermijn: Bewaartermijn,
    /// How the client reaches the municipality, printed in the plan when set.
    #[serde(default)]
    pub contact: Contact,
    /// Width the text export wraps every paragraph at, for a case system that needs
    /// it; `None` puts each paragraph on one line, which most case systems wrap
    /// themselves.
    #[serde(default)]
    pub tekstbreedte: Option<u16>,
}

/// Storage limitation, in months; `None` sets no term (nothing is offered for erasure).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Bewaartermijn {
    /// Drafts: counted from the last change.
    pub concepten: Option<u16>,
    /// Saved sessions and the plans beside them: counted from the date of the gesprek.
    pub gesprekken: Option<u16>,
}

/// The longest term that still limits anything: ten years.
pub const MAX_MAANDEN: u16 = 120;

impl Bewaartermijn {
    /// Whether something dated `datum` has passed a term of `maanden` on `today`.
    pub fn verlopen(maanden: u16, datum: chrono::NaiveDate, today: chrono::NaiveDate) -> bool {
        datum
            .checked_add_months(chrono::Months::new(u32::from(maanden)))
            .is_some_and(|eind| eind <= today)
    }

    /// One Dutch line saying which terms are set, for `meedoen paden`.
    pub fn beschrijving(&self) -> String {
        let deel = |m: Option<u16>| match m {
            Some(1) => "1 maand".to_string(),
            Some(n) => format!("{n} maanden"),
            None => "geen termijn".to_string(),
        };
        format!(
            "concepten: {}; gesprekken en plannen: {}",
            deel(self.concepten),
            deel(self.gesprekken)
        )
    }
}

/// The municipality's contact details for the plan; every field is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Contact {
    pub telefoon: String,
    pub email: String,
    pub bezoekadres: String,
}

/// Longest `klant_label` accepted: it is a word in running text ("Handtekening
/// inwoner"), so anything longer is a mistake.
pub const MAX_KLANT_LABEL: usize = 30;

/// Narrowest and widest `tekstbreedte` accepted.
pub const TEKSTBREEDTE: std::ops::RangeInclusive<u16> = 40..=200;

/// Optional replacements for the standard paragraphs. An empty text keeps the standard
/// wording, so a municipality overrides only what it must.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Teksten {
    pub ondersteuning: String,
    pub verplichtingen: String,
    pub gevolgen: String,
}

impl Default for Gemeente {
    /// Neutral settings that fit most municipalities: voluntary-leaning wording, at most
    /// 20 hours (the upper norm in research §7), evaluation after a quarter, and a first
    /// contact soon, because contact after signing is where plans fail (research §3).
    /// Kept equal to `assets/gemeente.ron` by a test in `store::assets`.
    fn default() -> Self {
        Gemeente {
            naam: String::new(),
            verplicht: false,
            max_uren: 20,
            evaluatie_na_weken: 13,
            contact_na_weken: 3,
            klant_label: "klant".to_string(),
            uitvoermap: None,
            teammap: None,
            categorieen: None,
            teksten: Teksten::default(),
            bewaartermijn: Bewaartermijn::default(),
            contact: Contact::default(),
            tekstbreedte: None,
        }
    }
}

impl Gemeente {
    /// Parses a `gemeente.ron`, with Dutch errors pointing at a line and column and
    /// warnings for what is ignored.
    pub fn parse(source: &Source) -> Result<Parsed<Gemeente>, Problem> {
        parse_data(&source.name, &source.text)
    }

    /// Whether options of this catalogue category count here.
    pub fn telt_mee(&self, categorie: &str) -> bool {
        self.categorieen
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|c| c == categorie))
    }

    /// The default evaluation date for a gesprek on `datum`.
    pub fn evaluatiedatum(&self, datum: chrono::NaiveDate) -> chrono::NaiveDate {
        datum + chrono::Duration::weeks(i64::from(self.evaluatie_na_weken))
    }

    /// The default next contact for a gesprek on `datum`.
    pub fn volgend_contact(&self, datum: chrono::NaiveDate) -> chrono::NaiveDate {
        datum + chrono::Duration::weeks(i64::from(self.contact_na_weken))
    }
}

/// A fresh session with the follow-up dates already proposed from the municipality's
/// intervals: follow-up is where plans fail in practice, so the consultant starts from a
/// date rather than from nothing. Every front-end starts a gesprek with this.
pub fn new_session(
    id: String,
    today: chrono::NaiveDate,
    script: &str,
    gemeente: &Gemeente,
) -> Session {
    let mut s = Session::new(id, today, script);
    s.volgend_contact = Some(gemeente.volgend_contact(today));
    s.evaluatiedatum = Some(gemeente.evaluatiedatum(today));
    s
}

/// Moves options whose category does not count in this municipality from the
/// suggestions to the excluded list, with the reason, so the consultant still sees them
/// (and why) instead of wondering where they went.
pub fn apply(g: &Gemeente, found: &mut Suggesties, catalogue: &Catalogue) {
    if g.categorieen.is_none() {
        return;
    }
    let counts = |id: &str| catalogue.find(id).is_none_or(|o| g.telt_mee(&o.categorie));
    let (keep, drop): (Vec<_>, Vec<_>) = std::mem::take(&mut found.suggesties)
        .into_iter()
        .partition(|s| counts(&s.id));
    found.suggesties = keep;
    // Not fitting now is a weaker reason than not counting here at all.
    let (overig, niet): (Vec<_>, Vec<_>) = std::mem::take(&mut found.overig)
        .into_iter()
        .partition(|o| counts(&o.id));
    found.overig = overig;
    let drop = drop
        .into_iter()
        .map(|s| s.id)
        .chain(niet.into_iter().map(|o| o.id));
    let plaats = if g.naam.trim().is_empty() {
        "deze gemeente".to_string()
    } else {
        format!("gemeente {}", g.naam.trim())
    };
    for id in drop {
        found.uitgesloten.push(Uitgesloten {
            id,
            reden: vec![format!("deze soort activiteit telt in {plaats} niet mee")],
        });
    }
}

/// Dutch warnings about a session under these settings, for the review screen before a
/// plan is saved: more hours than the municipality's cap, and no date for follow-up
/// (the step where practice most often fails, research §3). Warnings, not errors: the
/// consultant may have good reasons, and then says so in the plan.
pub fn session_warnings(g: &Gemeente, session: &Session) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(uren) = session.uren_per_week.filter(|&u| u > g.max_uren) {
        out.push(format!(
            "{uren} uur per week is meer dan de {} uur die de gemeente als grens aanhoudt. Leg in de toelichting uit waarom.",
            g.max_uren
        ));
    }
    if session.volgend_contact.is_none() {
        out.push(format!(
            "Er is nog geen datum voor het volgende contact (gebruikelijk: {}).",
            super::plan::lange_datum(g.volgend_contact(session.datum))
        ));
    }
    if session.evaluatiedatum.is_none() {
        out.push(format!(
            "Er is nog geen evaluatiedatum (gebruikelijk: {}).",
            super::plan::lange_datum(g.evaluatiedatum(session.datum))
        ));
    }
    out
}

/// Checks the settings against the taxonomy. Every problem is placed on the offending
/// field in the source, so the user can go straight to it.
pub fn validate(g: &Gemeente, tax: &Taxonomy, src: &Source) -> Vec<Problem> {
    let mut problems = Vec::new();
    let at = |needle: &str, msg: String| Problem::at(&src.name, &src.text, 0, needle, msg);
    if g.klant_label.trim().is_empty() {
        problems.push(at(
            "klant_label",
            "`klant_label` is leeg; kies bijvoorbeeld \"klant\", \"werkzoekende\" of \"bewoner\""
                .into(),
        ));
    }
    if g.klant_label.trim().chars().count() > MAX_KLANT_LABEL {
        problems.push(at(
            "klant_label",
            format!(
                "`klant_label` is {} tekens lang; het is één woord in een zin, gebruik hooguit {MAX_KLANT_LABEL} tekens",
                g.klant_label.trim().chars().count()
            ),
        ));
    }
    if let Some(b) = g.tekstbreedte.filter(|b| !TEKSTBREEDTE.contains(b)) {
        problems.push(at(
            "tekstbreedte",
            format!(
                "`tekstbreedte` is {b}; kies {} tot en met {} tekens, of `None` voor één regel per alinea",
                TEKSTBREEDTE.start(),
                TEKSTBREEDTE.end()
            ),
        ));
    }
    if g.max_uren == 0 || g.max_uren > MAX_UREN_GRENS {
        problems.push(at(
            "max_uren",
            format!(
                "`max_uren` is {}; kies 1 tot en met {MAX_UREN_GRENS} (gebruikelijk is hooguit 20)",
                g.max_uren
            ),
        ));
    }
    for (field, weeks) in [
        ("evaluatie_na_weken", g.evaluatie_na_weken),
        ("contact_na_weken", g.contact_na_weken),
    ] {
        if weeks == 0 || weeks > MAX_WEKEN {
            problems.push(at(
                field,
                format!("`{field}` is {weeks}; kies 1 tot en met {MAX_WEKEN} weken"),
            ));
        }
    }
    for (field, maanden) in [
        ("concepten", g.bewaartermijn.concepten),
        ("gesprekken", g.bewaartermijn.gesprekken),
    ] {
        if let Some(m) = maanden.filter(|&m| m == 0 || m > MAX_MAANDEN) {
            problems.push(at(
                field,
                format!(
                    "`bewaartermijn.{field}` is {m}; kies 1 tot en met {MAX_MAANDEN} maanden, of None voor geen termijn"
                ),
            ));
        }
    }
    if g.contact_na_weken > g.evaluatie_na_weken && problems.is_empty() {
        problems.push(at(
            "contact_na_weken",
            "het volgende contact valt na de evaluatie; is `contact_na_weken` te groot?".into(),
        ));
    }
    if let Some(ids) = &g.categorieen {
        if ids.is_empty() {
            problems.push(at(
                "categorieen",
                "`categorieen` is een lege lijst, dan telt niets mee; gebruik `None` voor alle categorieën"
                    .into(),
            ));
        }
        let offset = src.text.find("categorieen").unwrap_or(0);
        for id in ids.iter().filter(|id| tax.categorie(id).is_none()) {
            problems.push(Problem::at(
                &src.name,
                &src.text,
                offset,
                &format!("\"{id}\""),
                format!(
                    "onbekende categorie `{id}`; die staat niet in de taxonomie{}",
                    super::problem::bedoelt_u(id, tax.categorieen.iter().map(|e| e.id.as_str()))
                ),
            ));
        }
    }
    if g.uitvoermap.as_deref().is_some_and(|m| m.trim().is_empty()) {
        problems.push(at(
            "uitvoermap",
            "`uitvoermap` is leeg; gebruik `None` voor de standaardmap".into(),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax() -> Taxonomy {
        let entry = |id: &str| crate::core::taxonomy::Entry {
            id: id.into(),
            label: id.into(),
            omschrijving: String::new(),
            groep: String::new(),
            synoniemen: Vec::new(),
            aanpak: String::new(),
            aanpak_plan: String::new(),
            bron: Vec::new(),
            ..Default::default()
        };
        Taxonomy {
            wensen: Vec::new(),
            krachten: Vec::new(),
            belemmeringen: Vec::new(),
            categorieen: vec![entry("vrijwilligerswerk"), entry("mantelzorg")],
            ..Default::default()
        }
    }

    const GOED: &str = r#"(
    naam: "Zwolle",
    verplicht: true,
    max_uren: 16,
    evaluatie_na_weken: 26,
    contact_na_weken: 4,
    klant_label: "werkzoekende",
    categorieen: Some(["vrijwilligerswerk"]),
    teksten: (gevolgen: "Eigen tekst."),
)"#;

    #[test]
    fn a_full_file_parses_and_is_valid() {
        let src = Source::new("gemeente.ron", GOED);
        let g = Gemeente::parse(&src).unwrap().value;
        assert_eq!(g.klant_label, "werkzoekende");
        assert_eq!(g.teksten.gevolgen, "Eigen tekst.");
        assert!(g.teksten.ondersteuning.is_empty());
        assert!(g.telt_mee("vrijwilligerswerk"));
        assert!(!g.telt_mee("mantelzorg"));
        assert!(validate(&g, &tax(), &src).is_empty());
        assert!(Gemeente::default().telt_mee("mantelzorg"));
    }

    #[test]
    fn unknown_fields_are_warnings_and_a_misspelt_required_one_an_error() {
        let text = GOED.replace("max_uren", "max_uur");
        let p = Gemeente::parse(&Source::new("gemeente.ron", text)).unwrap_err();
        assert_eq!(p.line, 4, "{p}");
        assert!(p.msg.contains("`max_uur`, bedoelt u `max_uren`?"), "{p}");
        let text = GOED.replace("naam:", "versie: 1,\n    teammapp: \"T:/x\",\n    naam:");
        let p = Gemeente::parse(&Source::new("gemeente.ron", text)).unwrap();
        assert_eq!(p.value.naam, "Zwolle");
        let w: Vec<String> = p.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("gemeente.ron:3:5: waarschuwing: onbekend veld `teammapp`"),
            "{w:?}"
        );
    }

    #[test]
    fn a_windows_path_with_single_backslashes_is_an_error_not_a_tab() {
        let text = GOED.replace(
            "naam:",
            "uitvoermap: Some(\"H:\\team\\plannen\"),\n    naam:",
        );
        let p = Gemeente::parse(&Source::new("gemeente.ron", text)).unwrap_err();
        assert_eq!((p.line, p.col), (2, 25), "{p}");
        assert!(p.msg.contains("wordt een tab"), "{p}");
        let text = GOED.replace("naam:", "uitvoermap: Some(\"H:\\\\team\"),\n    naam:");
        let g = Gemeente::parse(&Source::new("gemeente.ron", text))
            .unwrap()
            .value;
        assert_eq!(g.uitvoermap.as_deref(), Some("H:\\team"));
    }

    #[test]
    fn impossible_values_are_reported_on_their_line() {
        let text = GOED
            .replace("16", "0")
            .replace("26", "900")
            .replace("\"werkzoekende\"", "\" \"")
            .replace(
                "[\"vrijwilligerswerk\"]",
                "[\"vrijwilligerswerk\", \"sport\"]",
            );
        let src = Source::new("gemeente.ron", text);
        let g = Gemeente::parse(&src).unwrap().value;
        let problems = validate(&g, &tax(), &src);
        let lines: Vec<_> = problems.iter().map(|p| (p.line, p.msg.as_str())).collect();
        assert_eq!(problems.len(), 4, "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 7 && m.contains("klant_label"))
        );
        assert!(lines.iter().any(|(l, m)| *l == 4 && m.contains("max_uren")));
        assert!(lines.iter().any(|(l, m)| *l == 5 && m.contains("900")));
        assert!(lines.iter().any(|(l, m)| *l == 8 && m.contains("`sport`")));
    }

    #[test]
    fn contact_details_and_a_text_width_parse_and_bad_ones_are_reported() {
        let text = GOED.replace(
            "teksten:",
            "contact: (telefoon: \"14 038\", email: \"werk@zwolle.nl\"),\n    tekstbreedte: Some(20),\n    teksten:",
        );
        let text = text.replace("\"werkzoekende\"", &format!("\"{}\"", "x".repeat(200)));
        let src = Source::new("gemeente.ron", text);
        let g = Gemeente::parse(&src).unwrap().value;
        assert_eq!(g.contact.telefoon, "14 038");
        assert!(g.contact.bezoekadres.is_empty());
        let p = validate(&g, &tax(), &src);
        let lines: Vec<_> = p.iter().map(|p| (p.line, p.msg.as_str())).collect();
        assert_eq!(p.len(), 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 7 && m.contains("200 tekens"))
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 10 && m.contains("`tekstbreedte` is 20"))
        );
    }

    #[test]
    fn too_many_hours_and_a_late_contact_are_reported() {
        let g = Gemeente {
            max_uren: 41,
            ..Gemeente::default()
        };
        let src = Source::new("g", "");
        assert_eq!(validate(&g, &tax(), &src).len(), 1);
        let g = Gemeente {
            contact_na_weken: 20,
            ..Gemeente::default()
        };
        let p = validate(&g, &tax(), &src);
        assert!(p[0].msg.contains("na de evaluatie"), "{p:?}");
    }

    #[test]
    fn session_warnings_name_hours_and_missing_dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut s = Session::new("s".into(), d, "intake");
        let g = Gemeente::default();
        let w = session_warnings(&g, &s);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].contains("14 december 2026"), "{w:?}");
        assert!(w[1].contains("22 februari 2027"), "{w:?}");
        s.volgend_contact = Some(g.volgend_contact(d));
        s.evaluatiedatum = Some(g.evaluatiedatum(d));
        s.uren_per_week = Some(20);
        assert!(session_warnings(&g, &s).is_empty());
        s.uren_per_week = Some(24);
        let w = session_warnings(&g, &s);
        assert!(
            w[0].starts_with("24 uur per week is meer dan de 20 uur"),
            "{w:?}"
        );
    }

    #[test]
    fn default_dates_follow_the_intervals() {
        let g = Gemeente::default();
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(g.volgend_contact(d).to_string(), "2026-12-14");
        assert_eq!(g.evaluatiedatum(d).to_string(), "2027-02-22");
    }
}
