//! The form for one catalogue option, kept from "Hele catalogus": which fields it has,
//! what each means in plain Dutch, which are typed and which are picked from a list, and
//! how the typed text and the picks become an `Optie`. Plain data, so `update` stays pure
//! and the half-filled form can be written as a draft and restored after a restart.

use std::collections::BTreeMap;

use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use serde::{Deserialize, Serialize};

use crate::core::catalogue::{Bij, Optie};
use crate::core::taxonomy::Taxonomy;

/// One field of the form, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Veld {
    Id,
    Titel,
    Categorie,
    Omschrijving,
    Taken,
    UrenMin,
    UrenMax,
    Duur,
    Begeleiding,
    Vorm,
    Wensen,
    Krachten,
    WerktAan,
    OngeschiktBij,
    RedenOngeschikt,
    LetOpBij,
    RedenLetOp,
    Drempels,
    Verdringing,
    RedenVerdringing,
    Trede,
    ErkentBestaand,
    Gecontroleerd,
    Bron,
}

/// How a field is filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Tekst,
    /// One value picked from a list.
    Een,
    /// Several values ticked in a list.
    Meer,
}

impl Veld {
    pub const ALL: [Veld; 24] = [
        Veld::Id,
        Veld::Titel,
        Veld::Categorie,
        Veld::Omschrijving,
        Veld::Taken,
        Veld::UrenMin,
        Veld::UrenMax,
        Veld::Duur,
        Veld::Begeleiding,
        Veld::Vorm,
        Veld::Wensen,
        Veld::Krachten,
        Veld::WerktAan,
        Veld::OngeschiktBij,
        Veld::RedenOngeschikt,
        Veld::LetOpBij,
        Veld::RedenLetOp,
        Veld::Drempels,
        Veld::Verdringing,
        Veld::RedenVerdringing,
        Veld::Trede,
        Veld::ErkentBestaand,
        Veld::Gecontroleerd,
        Veld::Bron,
    ];

    pub fn soort(self) -> Soort {
        use Veld::*;
        match self {
            Categorie | UrenMin | UrenMax | Begeleiding | Vorm | Verdringing | Trede
            | ErkentBestaand => Soort::Een,
            Wensen | Krachten | WerktAan | OngeschiktBij | LetOpBij | Drempels => Soort::Meer,
            _ => Soort::Tekst,
        }
    }

    pub fn label(self) -> &'static str {
        use Veld::*;
        match self {
            Id => "Id",
            Titel => "Titel",
            Categorie => "Categorie",
            Omschrijving => "Omschrijving",
            Taken => "Taken",
            UrenMin => "Uren, minstens",
            UrenMax => "Uren, hoogstens",
            Duur => "Duur",
            Begeleiding => "Begeleiding",
            Vorm => "Vorm",
            Wensen => "Past bij (wensen)",
            Krachten => "Gebruikt krachten",
            WerktAan => "Werkt aan",
            OngeschiktBij => "Niet geschikt bij",
            RedenOngeschikt => "Waarom niet",
            LetOpBij => "Let op bij",
            RedenLetOp => "Waarop letten",
            Drempels => "Drempels",
            Verdringing => "Verdringing",
            RedenVerdringing => "Waarom dit risico",
            Trede => "Trede",
            ErkentBestaand => "Erkent wat er al is",
            Gecontroleerd => "Laatst nagevraagd",
            Bron => "Bron",
        }
    }

    /// One line of plain Dutch under the field: what it is for.
    pub fn uitleg(self) -> &'static str {
        use Veld::*;
        match self {
            Id => "Vaste korte naam: kleine letters, cijfers en -.",
            Titel => "Zoals de klant en u de plek noemen.",
            Categorie => "Het soort mogelijkheid; kies uit de lijst.",
            Omschrijving => "Wat de klant er doet en waar, in gewone woorden.",
            Taken => "Wat er te doen is, gescheiden door ;",
            UrenMin => "Minste uren per week die de plek vraagt.",
            UrenMax => "Meeste uren per week die kunnen.",
            Duur => "Hoe lang het meestal duurt, in woorden (een half jaar).",
            Begeleiding => "Hoeveel begeleiding de plek geeft.",
            Vorm => "Hoe de klant meedoet: in een groep, één-op-één, …",
            Wensen => "Voor welke wensen van de klant dit past.",
            Krachten => "Welke krachten van de klant hier van pas komen.",
            WerktAan => "Aan welke belemmeringen dit juist werkt.",
            OngeschiktBij => "Bij welke belemmeringen dit niet geschikt is.",
            RedenOngeschikt => "Waarom niet geschikt; geldt voor elke belemmering.",
            LetOpBij => "Belemmeringen waarbij het kan, maar met aandacht.",
            RedenLetOp => "Waarop u dan let; geldt voor elke gekozen belemmering.",
            Drempels => "Wat vooraf geregeld moet worden (VOG, reiskosten, …).",
            Verdringing => "Kans dat dit betaald werk verdringt.",
            RedenVerdringing => "Waarom u dat risico zo inschat.",
            Trede => "Stap op de participatieladder (1 tot en met 6).",
            ErkentBestaand => "Ja als dit iets erkent wat de klant al doet.",
            Gecontroleerd => "Wanneer u naging of het aanbod er nog is (d-m-jjjj).",
            Bron => "Waar u dit van weet, gescheiden door ;",
        }
    }
}

/// Why the form is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Modus {
    Nieuw,
    Bewerken,
    Kopie,
}

/// The list open over a field: its filter and highlighted row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kies {
    pub filter: String,
    pub selected: usize,
}

/// The form's state. `optie` holds the picks; the typed text lives in `teksten` as
/// typed (a date that does not parse yet is kept, never dropped).
#[derive(Serialize, Deserialize)]
pub struct OptieForm {
    pub modus: Modus,
    /// The option as built when the form opened: unsaved changes are differences from it.
    pub begin: Optie,
    pub optie: Optie,
    pub teksten: BTreeMap<Veld, String>,
    pub rij: usize,
    #[serde(skip)]
    pub kies: Option<Kies>,
    /// Why the last save was refused.
    #[serde(skip)]
    pub fouten: Vec<String>,
    #[serde(skip)]
    pub area: Option<TextArea<'static>>,
}

fn join(list: &[String]) -> String {
    list.join("; ")
}

fn split(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The reason shared by all entries, or empty when they differ (each keeps its own).
fn gedeelde_reden(list: &[Bij]) -> String {
    match list.first() {
        Some(first) if list.iter().all(|b| b.reden == first.reden) => first.reden.clone(),
        _ => String::new(),
    }
}

/// A lower-case id from a title: "Kookgroep De Linde" → "kookgroep-de-linde".
pub fn id_uit(titel: &str) -> String {
    let folded = crate::core::search::fold(titel);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

impl OptieForm {
    /// A form holding `optie`.
    pub fn new(modus: Modus, optie: Optie) -> OptieForm {
        let mut teksten = BTreeMap::new();
        let o = &optie;
        for (veld, t) in [
            (Veld::Id, o.id.clone()),
            (Veld::Titel, o.titel.clone()),
            (Veld::Omschrijving, o.omschrijving.clone()),
            (Veld::Taken, join(&o.taken)),
            (Veld::Duur, o.duur.clone()),
            (Veld::RedenOngeschikt, gedeelde_reden(&o.ongeschikt_bij)),
            (Veld::RedenLetOp, gedeelde_reden(&o.let_op_bij)),
            (Veld::RedenVerdringing, o.verdringing.reden.clone()),
            (
                Veld::Gecontroleerd,
                o.laatst_gecontroleerd
                    .map(crate::core::datum::format)
                    .unwrap_or_default(),
            ),
            (Veld::Bron, join(&o.bron)),
        ] {
            teksten.insert(veld, t);
        }
        let mut form = OptieForm {
            modus,
            begin: optie.clone(),
            optie,
            teksten,
            rij: 0,
            kies: None,
            fouten: Vec::new(),
            area: None,
        };
        form.begin = form.bouw();
        form.rij = usize::from(modus == Modus::Bewerken);
        form.bind();
        form
    }

    pub fn veld(&self) -> Veld {
        Veld::ALL[self.rij.min(Veld::ALL.len() - 1)]
    }

    pub fn tekst(&self, veld: Veld) -> &str {
        self.teksten.get(&veld).map_or("", String::as_str)
    }

    /// Whether the field can be typed in now: the id is fixed once the option exists.
    pub fn bewerkbaar(&self, veld: Veld) -> bool {
        veld.soort() == Soort::Tekst && !(veld == Veld::Id && self.modus == Modus::Bewerken)
    }

    /// Binds the text widget to the field under the cursor.
    pub fn bind(&mut self) {
        self.area = self.bewerkbaar(self.veld()).then(|| {
            let mut area = TextArea::new(vec![self.tekst(self.veld()).to_string()]);
            area.set_wrap_mode(WrapMode::None);
            area.set_cursor_line_style(ratatui::style::Style::new());
            area.move_cursor(CursorMove::End);
            area
        });
    }

    /// Copies the widget's text into the form after an edit.
    pub fn na_edit(&mut self) {
        if let Some(area) = &self.area {
            let t = area.lines().join(" ");
            let veld = self.veld();
            if veld == Veld::Titel
                && self.modus != Modus::Bewerken
                && self.tekst(Veld::Id) == id_uit(self.tekst(Veld::Titel))
            {
                // The id follows the title until the consultant types an own id.
                self.teksten.insert(Veld::Id, id_uit(&t));
            }
            self.teksten.insert(veld, t);
            // The refusal was about the form as it was; it is checked again as typed.
            self.fouten.clear();
        }
    }

    /// The option as the form now says it.
    pub fn bouw(&self) -> Optie {
        let mut o = self.optie.clone();
        let t = |v| self.tekst(v).trim().to_string();
        o.id = t(Veld::Id);
        o.titel = t(Veld::Titel);
        o.omschrijving = t(Veld::Omschrijving);
        o.taken = split(self.tekst(Veld::Taken));
        o.duur = t(Veld::Duur);
        o.verdringing.reden = t(Veld::RedenVerdringing);
        o.laatst_gecontroleerd = crate::core::datum::parse(self.tekst(Veld::Gecontroleerd));
        o.bron = split(self.tekst(Veld::Bron));
        for (list, veld) in [
            (&mut o.ongeschikt_bij, Veld::RedenOngeschikt),
            (&mut o.let_op_bij, Veld::RedenLetOp),
        ] {
            let reden = self.tekst(veld).trim();
            if !reden.is_empty() {
                for b in list.iter_mut() {
                    b.reden = reden.to_string();
                }
            }
        }
        o
    }

    /// Whether anything differs from the opened option.
    pub fn gewijzigd(&self) -> bool {
        self.bouw() != self.begin
    }

    /// What the field shows when it is not being typed in.
    pub fn waarde(&self, veld: Veld, tax: &Taxonomy) -> String {
        if veld.soort() == Soort::Tekst {
            return self.tekst(veld).to_string();
        }
        let keuzes = Self::keuzes(veld, tax);
        let labels: Vec<String> = self
            .gekozen(veld)
            .iter()
            .map(|v| {
                keuzes
                    .iter()
                    .find(|(k, _)| k == v)
                    .map_or_else(|| v.clone(), |(_, l)| l.clone())
            })
            .collect();
        if labels.is_empty() || labels == [""] {
            "(niets gekozen)".to_string()
        } else {
            labels.join(", ")
        }
    }
}

mod lijsten;
mod meldingen;

pub use meldingen::meldingen;

#[cfg(test)]
mod tests;
