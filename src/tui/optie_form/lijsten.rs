//! The lists a form field is picked from: the categories, wensen, krachten and
//! belemmeringen of the taxonomy in use, and the fixed choices (hours, begeleiding,
//! vorm, drempels, verdringing, trede). A value is the id the catalogue file stores.

use crate::core::catalogue::{Begeleiding, Bij, Drempel, Niveau, Vorm};
use crate::core::taxonomy::Taxonomy;

use super::{OptieForm, Veld};

impl OptieForm {
    /// The choices of a list field: (value, label).
    pub fn keuzes(veld: Veld, tax: &Taxonomy) -> Vec<(String, String)> {
        let entries = |l: &[crate::core::taxonomy::Entry]| {
            l.iter()
                .map(|e| (e.id.clone(), e.label.clone()))
                .collect::<Vec<_>>()
        };
        let uren = || (0..=40u8).map(|n| (n.to_string(), format!("{n} uur per week")));
        match veld {
            Veld::Categorie => entries(&tax.categorieen),
            Veld::Wensen => entries(&tax.wensen),
            Veld::Krachten => entries(&tax.krachten),
            Veld::WerktAan | Veld::OngeschiktBij | Veld::LetOpBij => entries(&tax.belemmeringen),
            Veld::UrenMin | Veld::UrenMax => uren().collect(),
            Veld::Begeleiding => [
                Begeleiding::Geen,
                Begeleiding::Taakgericht,
                Begeleiding::Persoonlijk,
                Begeleiding::Intensief,
            ]
            .map(|b| (format!("{b:?}"), b.label().to_string()))
            .to_vec(),
            Veld::Vorm => std::iter::once((String::new(), "geen (een route)".to_string()))
                .chain(
                    [
                        Vorm::Klassikaal,
                        Vorm::Groep,
                        Vorm::EenOpEen,
                        Vorm::Zelfstandig,
                        Vorm::Praktijk,
                    ]
                    .map(|v| (format!("{v:?}"), v.label().to_string())),
                )
                .collect(),
            Veld::Drempels => [
                Drempel::Vog,
                Drempel::Reiskosten,
                Drempel::Kinderopvang,
                Drempel::Kosten,
            ]
            .map(|d| (format!("{d:?}"), d.label().to_string()))
            .to_vec(),
            Veld::Verdringing => [Niveau::Laag, Niveau::Midden, Niveau::Hoog]
                .map(|n| (format!("{n:?}"), n.label().to_string()))
                .to_vec(),
            Veld::Trede => (1..=6u8)
                .map(|n| (n.to_string(), format!("trede {n}")))
                .collect(),
            Veld::ErkentBestaand => vec![("ja".into(), "ja".into()), ("nee".into(), "nee".into())],
            _ => Vec::new(),
        }
    }

    /// The values now picked in a list field.
    pub fn gekozen(&self, veld: Veld) -> Vec<String> {
        let o = &self.optie;
        let bij = |l: &[Bij]| l.iter().map(|b| b.belemmering.clone()).collect();
        match veld {
            Veld::Categorie => vec![o.categorie.clone()],
            Veld::UrenMin => vec![o.uren_min.to_string()],
            Veld::UrenMax => vec![o.uren_max.to_string()],
            Veld::Begeleiding => vec![format!("{:?}", o.begeleiding)],
            Veld::Vorm => vec![o.vorm.map(|v| format!("{v:?}")).unwrap_or_default()],
            Veld::Wensen => o.wensen.clone(),
            Veld::Krachten => o.krachten.clone(),
            Veld::WerktAan => o.werkt_aan.clone(),
            Veld::OngeschiktBij => bij(&o.ongeschikt_bij),
            Veld::LetOpBij => bij(&o.let_op_bij),
            Veld::Drempels => o.drempels.iter().map(|d| format!("{d:?}")).collect(),
            Veld::Verdringing => vec![format!("{:?}", o.verdringing.risico)],
            Veld::Trede => vec![o.trede.to_string()],
            Veld::ErkentBestaand => vec![if o.erkent_bestaand { "ja" } else { "nee" }.into()],
            _ => Vec::new(),
        }
    }

    /// Picks `waarde` in a list field: sets a single value, ticks or unticks one of many.
    pub fn kies(&mut self, veld: Veld, waarde: &str, tax: &Taxonomy) {
        let keuzes = Self::keuzes(veld, tax);
        let find = |w: &str| keuzes.iter().position(|(v, _)| v == w);
        let o = &mut self.optie;
        let toggle = |list: &mut Vec<String>| match list.iter().position(|x| x == waarde) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(waarde.to_string()),
        };
        let toggle_bij =
            |list: &mut Vec<Bij>| match list.iter().position(|b| b.belemmering == waarde) {
                Some(i) => {
                    list.remove(i);
                }
                None => list.push(Bij {
                    belemmering: waarde.to_string(),
                    reden: String::new(),
                }),
            };
        let n = waarde.parse::<u8>().unwrap_or(0);
        self.fouten.clear();
        match veld {
            Veld::Categorie => o.categorie = waarde.to_string(),
            Veld::UrenMin => o.uren_min = n,
            Veld::UrenMax => o.uren_max = n,
            Veld::Trede => o.trede = n,
            Veld::ErkentBestaand => o.erkent_bestaand = waarde == "ja",
            Veld::Begeleiding => {
                o.begeleiding = [
                    Begeleiding::Geen,
                    Begeleiding::Taakgericht,
                    Begeleiding::Persoonlijk,
                    Begeleiding::Intensief,
                ][find(waarde).unwrap_or(0).min(3)];
            }
            Veld::Vorm => {
                o.vorm = match find(waarde) {
                    Some(i @ 1..=5) => Some(
                        [
                            Vorm::Klassikaal,
                            Vorm::Groep,
                            Vorm::EenOpEen,
                            Vorm::Zelfstandig,
                            Vorm::Praktijk,
                        ][i - 1],
                    ),
                    _ => None,
                };
            }
            Veld::Verdringing => {
                o.verdringing.risico =
                    [Niveau::Laag, Niveau::Midden, Niveau::Hoog][find(waarde).unwrap_or(0).min(2)];
            }
            Veld::Wensen => toggle(&mut o.wensen),
            Veld::Krachten => toggle(&mut o.krachten),
            Veld::WerktAan => toggle(&mut o.werkt_aan),
            Veld::OngeschiktBij => toggle_bij(&mut o.ongeschikt_bij),
            Veld::LetOpBij => toggle_bij(&mut o.let_op_bij),
            Veld::Drempels => {
                let d = [
                    Drempel::Vog,
                    Drempel::Reiskosten,
                    Drempel::Kinderopvang,
                    Drempel::Kosten,
                ][find(waarde).unwrap_or(0).min(3)];
                match o.drempels.iter().position(|x| *x == d) {
                    Some(i) => {
                        o.drempels.remove(i);
                    }
                    None => o.drempels.push(d),
                }
            }
            _ => {}
        }
    }
}
