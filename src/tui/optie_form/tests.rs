//! The option form's own rules: the id follows the title, picks set the option, the
//! typed text becomes the option, and the form survives as a draft.

use super::*;
use crate::core::catalogue::{Begeleiding, Bij};

fn tax() -> Taxonomy {
    crate::store::assets::load(None).unwrap().taxonomy
}

fn typ(f: &mut OptieForm, veld: Veld, tekst: &str) {
    f.rij = Veld::ALL.iter().position(|v| *v == veld).unwrap();
    f.bind();
    f.area.as_mut().unwrap().insert_str(tekst);
    f.na_edit();
}

#[test]
fn the_id_follows_the_title_until_typed_itself() {
    let mut f = OptieForm::new(Modus::Nieuw, Optie::default());
    typ(&mut f, Veld::Titel, "Kookgroep Dé Linde");
    assert_eq!(f.tekst(Veld::Id), "kookgroep-de-linde");
    typ(&mut f, Veld::Id, "-2");
    typ(&mut f, Veld::Titel, "!");
    assert_eq!(f.tekst(Veld::Id), "kookgroep-de-linde-2");
}

#[test]
fn picks_and_text_make_the_option() {
    let tax = tax();
    let mut f = OptieForm::new(Modus::Nieuw, Optie::default());
    let cat = tax.categorieen[0].id.clone();
    let bel = tax.belemmeringen[0].id.clone();
    f.kies(Veld::Categorie, &cat, &tax);
    f.kies(Veld::UrenMax, "6", &tax);
    f.kies(Veld::Begeleiding, "Persoonlijk", &tax);
    f.kies(Veld::OngeschiktBij, &bel, &tax);
    typ(&mut f, Veld::RedenOngeschikt, "te druk");
    typ(&mut f, Veld::Taken, "koken; afwassen ;");
    let o = f.bouw();
    assert_eq!(o.categorie, cat);
    assert_eq!(o.uren_max, 6);
    assert_eq!(o.begeleiding, Begeleiding::Persoonlijk);
    assert_eq!(o.taken, ["koken", "afwassen"]);
    assert_eq!(
        o.ongeschikt_bij,
        [Bij {
            belemmering: bel.clone(),
            reden: "te druk".into()
        }]
    );
    // Ticking again unticks.
    f.kies(Veld::OngeschiktBij, &bel, &tax);
    assert!(f.bouw().ongeschikt_bij.is_empty());
    assert!(f.gewijzigd());
}

#[test]
fn problems_are_said_per_field_while_typing() {
    let tax = tax();
    let cat = crate::store::assets::load(None).unwrap().catalogue;
    let mut f = OptieForm::new(Modus::Nieuw, Optie::default());
    let m = meldingen(&f, &tax, &cat);
    assert_eq!(m[&Veld::Titel], "Vul een titel in.");
    assert_eq!(m[&Veld::Categorie], "Kies een categorie.");
    typ(&mut f, Veld::Id, &cat.opties[0].id);
    f.kies(Veld::UrenMin, "5", &tax);
    typ(&mut f, Veld::Gecontroleerd, "31-2-20");
    let m = meldingen(&f, &tax, &cat);
    assert!(m[&Veld::Id].contains(&cat.opties[0].titel), "{m:?}");
    assert_eq!(m[&Veld::UrenMax], "Minder dan de uren minstens (5).");
    assert!(m[&Veld::Gecontroleerd].contains("d-m-jjjj"));
    // The typed date that does not parse is kept as typed.
    assert_eq!(f.tekst(Veld::Gecontroleerd), "31-2-20");
}

#[test]
fn the_form_round_trips_as_a_draft() {
    let tax = tax();
    let mut f = OptieForm::new(Modus::Kopie, Optie::default());
    typ(&mut f, Veld::Titel, "Half ingevuld");
    f.kies(Veld::Wensen, &tax.wensen[1].id, &tax);
    let text = ron::ser::to_string_pretty(&f, ron::ser::PrettyConfig::new()).unwrap();
    let back: OptieForm = ron::from_str(&text).unwrap();
    assert_eq!(back.bouw(), f.bouw());
    assert_eq!(back.modus, Modus::Kopie);
    assert_eq!(back.begin, f.begin);
    assert_eq!(back.rij, f.rij);
}
