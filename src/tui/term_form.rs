//! The small form for a new wens, kracht or belemmering, opened from the option form's
//! list of that kind or from "Hele catalogus": which fields it has, what each means in
//! one line of plain Dutch, and how the typed text becomes a taxonomy `Entry`. Plain
//! data, so `update` stays pure and a half-filled form is kept as a draft.

use std::collections::BTreeMap;

use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use serde::{Deserialize, Serialize};

use crate::core::eigen_taxonomie::{Deel, bezwaren, voorstel_id};
use crate::core::taxonomy::{Entry, TagKind, Taxonomy};

use super::optie_form::Veld;

/// One field of the form, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TermVeld {
    Soort,
    Label,
    Id,
    Omschrijving,
    Synoniemen,
    Aanpak,
    AanpakPlan,
}

impl TermVeld {
    pub fn label(self) -> &'static str {
        match self {
            TermVeld::Soort => "Soort",
            TermVeld::Label => "Naam",
            TermVeld::Id => "Id",
            TermVeld::Omschrijving => "Omschrijving",
            TermVeld::Synoniemen => "Andere woorden",
            TermVeld::Aanpak => "Aanpak (consulent)",
            TermVeld::AanpakPlan => "Zin in het plan",
        }
    }

    /// One line of plain Dutch under the field: what it is for.
    pub fn uitleg(self) -> &'static str {
        match self {
            TermVeld::Soort => "Wens, kracht of belemmering; Enter wisselt.",
            TermVeld::Label => "Kort, zoals het in de lijsten en het plan staat.",
            TermVeld::Id => "Vaste korte naam: kleine letters, cijfers en -.",
            TermVeld::Omschrijving => "Een of twee zinnen in gewone woorden.",
            TermVeld::Synoniemen => "Andere zoekwoorden, gescheiden door een komma.",
            TermVeld::Aanpak => "Hoe u dit aanpakt; alleen in de app. {klant} mag.",
            TermVeld::AanpakPlan => "Eén zin voor de klant, met u; komt in het plan.",
        }
    }

    fn deel(self) -> Option<Deel> {
        match self {
            TermVeld::Id => Some(Deel::Id),
            TermVeld::Label => Some(Deel::Label),
            TermVeld::Omschrijving => Some(Deel::Omschrijving),
            TermVeld::Aanpak => Some(Deel::Aanpak),
            TermVeld::AanpakPlan => Some(Deel::AanpakPlan),
            TermVeld::Soort | TermVeld::Synoniemen => None,
        }
    }
}

/// The list of the taxonomy an option-form field picks from, if any.
pub fn soort_van(veld: Veld) -> Option<TagKind> {
    match veld {
        Veld::Wensen => Some(TagKind::Wens),
        Veld::Krachten => Some(TagKind::Kracht),
        Veld::WerktAan | Veld::OngeschiktBij | Veld::LetOpBij => Some(TagKind::Belemmering),
        _ => None,
    }
}

/// The form's state.
#[derive(Serialize, Deserialize)]
pub struct TermForm {
    pub soort: TagKind,
    /// Opened from this field of the option form: the kind is fixed, and the saved entry
    /// is ticked there.
    pub voor: Option<Veld>,
    pub teksten: BTreeMap<TermVeld, String>,
    pub rij: usize,
    /// Why the last save was refused.
    #[serde(skip)]
    pub fouten: Vec<String>,
    #[serde(skip)]
    pub area: Option<TextArea<'static>>,
}

impl TermForm {
    pub fn new(soort: TagKind, voor: Option<Veld>) -> TermForm {
        let mut form = TermForm {
            soort,
            voor,
            teksten: BTreeMap::new(),
            rij: 0,
            fouten: Vec::new(),
            area: None,
        };
        // The kind is asked only when nothing fixed it; the cursor starts on the name.
        form.rij = form
            .velden()
            .iter()
            .position(|v| *v == TermVeld::Label)
            .unwrap_or(0);
        form.bind();
        form
    }

    /// The fields shown: the kind only when it can still change, the aanpak texts only
    /// for a belemmering.
    pub fn velden(&self) -> Vec<TermVeld> {
        let mut out = Vec::new();
        if self.voor.is_none() {
            out.push(TermVeld::Soort);
        }
        out.extend([
            TermVeld::Label,
            TermVeld::Id,
            TermVeld::Omschrijving,
            TermVeld::Synoniemen,
        ]);
        if self.soort == TagKind::Belemmering {
            out.extend([TermVeld::Aanpak, TermVeld::AanpakPlan]);
        }
        out
    }

    pub fn veld(&self) -> TermVeld {
        let v = self.velden();
        v[self.rij.min(v.len() - 1)]
    }

    pub fn tekst(&self, veld: TermVeld) -> &str {
        self.teksten.get(&veld).map_or("", String::as_str)
    }

    /// Moves the cursor by `stap` rows, wrapping.
    pub fn ga(&mut self, stap: isize) {
        let n = self.velden().len() as isize;
        self.rij = (self.rij as isize + stap).rem_euclid(n) as usize;
        self.bind();
    }

    /// The next kind, on the kind row of a form opened from the catalogue.
    pub fn wissel_soort(&mut self) {
        self.soort = match self.soort {
            TagKind::Wens => TagKind::Kracht,
            TagKind::Kracht => TagKind::Belemmering,
            TagKind::Belemmering => TagKind::Wens,
        };
        self.fouten.clear();
    }

    /// Binds the text widget to the field under the cursor (none on the kind row).
    pub fn bind(&mut self) {
        self.area = (self.veld() != TermVeld::Soort).then(|| {
            let mut area = TextArea::new(vec![self.tekst(self.veld()).to_string()]);
            area.set_wrap_mode(WrapMode::None);
            area.set_cursor_line_style(ratatui::style::Style::new());
            area.move_cursor(CursorMove::End);
            area
        });
    }

    /// Copies the widget's text into the form after an edit. The id follows the name
    /// (made unique in its list) until the consultant types an own id.
    pub fn na_edit(&mut self, tax: &Taxonomy) {
        if let Some(area) = &self.area {
            let t = area.lines().join(" ");
            let veld = self.veld();
            if veld == TermVeld::Label
                && self.tekst(TermVeld::Id)
                    == voorstel_id(self.tekst(TermVeld::Label), self.soort, tax)
            {
                self.teksten
                    .insert(TermVeld::Id, voorstel_id(&t, self.soort, tax));
            }
            self.teksten.insert(veld, t);
            self.fouten.clear();
        }
    }

    /// The entry as the form now says it; the aanpak texts only for a belemmering.
    pub fn bouw(&self) -> Entry {
        let t = |v| self.tekst(v).trim().to_string();
        let belemmering = self.soort == TagKind::Belemmering;
        Entry {
            id: t(TermVeld::Id),
            label: t(TermVeld::Label),
            omschrijving: t(TermVeld::Omschrijving),
            synoniemen: self
                .tekst(TermVeld::Synoniemen)
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            aanpak: if belemmering {
                t(TermVeld::Aanpak)
            } else {
                String::new()
            },
            aanpak_plan: if belemmering {
                t(TermVeld::AanpakPlan)
            } else {
                String::new()
            },
            ..Entry::default()
        }
    }

    /// Whether anything was typed.
    pub fn gewijzigd(&self) -> bool {
        self.teksten.values().any(|t| !t.trim().is_empty())
    }

    /// What is wrong with the form as it is now, per field (the writer's own rules).
    pub fn meldingen(&self, tax: &Taxonomy) -> BTreeMap<TermVeld, String> {
        let bezwaren = bezwaren(self.soort, &self.bouw(), true, tax);
        self.velden()
            .into_iter()
            .filter_map(|v| {
                let deel = v.deel()?;
                bezwaren
                    .iter()
                    .find(|(d, _)| *d == deel)
                    .map(|(_, m)| (v, m.clone()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax() -> Taxonomy {
        crate::store::assets::load(None).unwrap().taxonomy
    }

    fn typ(f: &mut TermForm, text: &str, tax: &Taxonomy) {
        f.area.as_mut().unwrap().insert_str(text);
        f.na_edit(tax);
    }

    #[test]
    fn the_id_follows_the_name_until_an_own_id_is_typed() {
        let tax = tax();
        let mut f = TermForm::new(TagKind::Wens, Some(Veld::Wensen));
        assert_eq!(f.velden()[0], TermVeld::Label, "the kind is fixed");
        typ(&mut f, "Imker worden", &tax);
        assert_eq!(f.tekst(TermVeld::Id), "imker-worden");
        f.ga(1);
        typ(&mut f, "-eigen", &tax);
        f.ga(-1);
        typ(&mut f, "!", &tax);
        assert_eq!(f.tekst(TermVeld::Id), "imker-worden-eigen");
        // A name already in the list gets a free id.
        let mut g = TermForm::new(TagKind::Wens, None);
        typ(&mut g, &tax.wensen[0].label, &tax);
        assert_eq!(g.tekst(TermVeld::Id), format!("{}-2", tax.wensen[0].id));
    }

    #[test]
    fn a_belemmering_asks_for_both_aanpak_texts() {
        let tax = tax();
        let mut f = TermForm::new(TagKind::Wens, None);
        assert!(!f.velden().contains(&TermVeld::Aanpak));
        f.rij = 0;
        f.wissel_soort();
        f.wissel_soort();
        assert_eq!(f.soort, TagKind::Belemmering);
        assert!(f.velden().contains(&TermVeld::AanpakPlan));
        let m = f.meldingen(&tax);
        assert!(m.contains_key(&TermVeld::Aanpak) && m.contains_key(&TermVeld::AanpakPlan));
    }
}
