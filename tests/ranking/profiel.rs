//! The written client profiles of `profielen.ron` and the checks a seasoned consultant
//! expects of their suggestions. Shared by the ranking test and `cargo run --example
//! ranking`, so the test and what a person reviews are the same profiles and checks.

use meedoen::core::matching::{Profiel, Suggesties};
use serde::Deserialize;

/// The profiles as written; parsed on each use so an edit needs no rebuild of the rest.
pub const PROFIELEN: &str = include_str!("profielen.ron");

/// An option that must not be suggested, and a word its reason must contain.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NietVoorgesteld {
    pub id: String,
    pub reden: String,
}

/// One written profile with its expectations.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Klant {
    pub naam: String,
    pub wie: String,
    #[serde(default)]
    pub wensen: Vec<String>,
    #[serde(default)]
    pub hoofddoel: Option<String>,
    #[serde(default)]
    pub krachten: Vec<String>,
    #[serde(default)]
    pub belemmeringen: Vec<String>,
    #[serde(default)]
    pub uren: Option<u8>,
    #[serde(default)]
    pub zorguren: Option<u8>,
    #[serde(default)]
    pub eerder: Vec<String>,
    #[serde(default)]
    pub doet_al: Vec<String>,
    #[serde(default)]
    pub leeftijd: Option<u8>,
    #[serde(default)]
    pub indicatie: bool,
    #[serde(default)]
    pub top5: Vec<String>,
    #[serde(default)]
    pub eerste: Vec<String>,
    #[serde(default)]
    pub niet_top5: Vec<String>,
    #[serde(default)]
    pub niet_top10: Vec<String>,
    #[serde(default)]
    pub uitgesloten: Vec<NietVoorgesteld>,
    #[serde(default)]
    pub bron: Vec<String>,
}

impl Klant {
    pub fn profiel(&self) -> Profiel {
        Profiel {
            wensen: self.wensen.clone(),
            hoofddoel: self.hoofddoel.clone(),
            krachten: self.krachten.clone(),
            belemmeringen: self.belemmeringen.clone(),
            uren_kan: self.uren,
            zorguren: self.zorguren,
            eerder: self.eerder.clone(),
            doet_al: self.doet_al.clone(),
            actief: Vec::new(),
            leeftijd: self.leeftijd,
            indicatie: self.indicatie,
        }
    }

    /// What the suggestions get wrong against this profile's expectations; empty when
    /// they meet every one.
    pub fn check(&self, s: &Suggesties) -> Vec<String> {
        let ids: Vec<&str> = s.suggesties.iter().map(|x| &*x.id).collect();
        let plaats = |id: &str| ids.iter().position(|x| *x == id);
        let mut fout = Vec::new();
        for id in &self.top5 {
            match plaats(id) {
                Some(p) if p < 5 => {}
                Some(p) => fout.push(format!("{id} hoort in de top 5, staat op {}", p + 1)),
                None => fout.push(format!("{id} hoort in de top 5, wordt niet voorgesteld")),
            }
        }
        if !self.eerste.is_empty()
            && !ids
                .first()
                .is_some_and(|f| self.eerste.iter().any(|e| e == f))
        {
            fout.push(format!(
                "eerst hoort een van {:?}, maar eerst staat {:?}",
                self.eerste,
                ids.first()
            ));
        }
        for (n, lijst) in [(5, &self.niet_top5), (10, &self.niet_top10)] {
            for id in lijst {
                if let Some(p) = plaats(id).filter(|&p| p < n) {
                    fout.push(format!("{id} hoort niet in de top {n}, staat op {}", p + 1));
                }
            }
        }
        for n in &self.uitgesloten {
            let reden = s
                .uitgesloten
                .iter()
                .find(|u| *u.id == n.id)
                .map(|u| u.reden.join("; "))
                .or_else(|| s.overig.iter().find(|o| *o.id == n.id).map(|o| o.tekst()));
            match reden {
                None => fout.push(format!("{} hoort niet voorgesteld te worden", n.id)),
                Some(r) if !r.to_lowercase().contains(&n.reden.to_lowercase()) => {
                    fout.push(format!("{}: reden noemt '{}' niet: {r}", n.id, n.reden))
                }
                Some(_) => {}
            }
        }
        fout
    }
}

pub fn klanten() -> Vec<Klant> {
    ron::from_str(PROFIELEN).unwrap_or_else(|e| panic!("profielen.ron: {e}"))
}
