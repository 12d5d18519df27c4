//! The personal taxonomy writer: a wens and a belemmering added, other entries kept, the
//! refusals, and the wording rules of the client's sentence.

use super::*;

fn builtin() -> Taxonomy {
    crate::store::assets::load(None).unwrap().taxonomy
}

fn wens() -> Entry {
    Entry {
        id: "imker-worden".into(),
        label: "Imker worden".into(),
        omschrijving: "Wil leren bijen houden.".into(),
        synoniemen: vec!["bijen".into(), "honing".into()],
        ..Entry::default()
    }
}

fn belemmering() -> Entry {
    Entry {
        id: "geen-fiets".into(),
        label: "Geen fiets".into(),
        omschrijving: "Heeft geen vervoer naar de plek.".into(),
        aanpak: "Kijk samen met de {klant} naar een fietsenplan of een plek dichtbij.".into(),
        aanpak_plan: "We zoeken een plek die u zonder fiets kunt bereiken.".into(),
        ..Entry::default()
    }
}

#[test]
fn a_new_wens_is_added_on_top_of_the_builtin_taxonomy() {
    let tax = builtin();
    let n = tax.wensen.len();
    let u = wijzig(None, TagKind::Wens, &wens(), true, &tax).unwrap();
    assert_eq!(u.taxonomie.wensen.len(), n + 1);
    assert_eq!(
        u.taxonomie.find(TagKind::Wens, "imker-worden"),
        Some(&wens())
    );
    assert_eq!(u.taxonomie.belemmeringen, tax.belemmeringen);
    // The file holds exactly the own entry, and reads back through the layered merge.
    let laag: Taxonomy = parse_data(BESTAND, &u.tekst).unwrap().value;
    assert_eq!(laag.wensen, vec![wens()]);
    let mut merged = tax.clone();
    layered::merge_taxonomy(&mut merged, &laag);
    assert_eq!(merged, u.taxonomie);
}

#[test]
fn a_belemmering_keeps_both_aanpak_texts_and_the_other_own_entries() {
    let tax = builtin();
    let eerst = wijzig(None, TagKind::Wens, &wens(), true, &tax).unwrap();
    let u = wijzig(
        Some(&eerst.tekst),
        TagKind::Belemmering,
        &belemmering(),
        true,
        &eerst.taxonomie,
    )
    .unwrap();
    let laag: Taxonomy = parse_data(BESTAND, &u.tekst).unwrap().value;
    assert_eq!(laag.wensen, vec![wens()], "the earlier own entry is kept");
    assert_eq!(laag.belemmeringen, vec![belemmering()]);
    let b = u
        .taxonomie
        .find(TagKind::Belemmering, "geen-fiets")
        .unwrap();
    assert!(b.aanpak_voor("inwoner").contains("de inwoner"));
    assert!(b.aanpak_plan.contains(" u "));
    // Saved again (not new), it replaces the own entry in place.
    let mut anders = belemmering();
    anders.label = "Geen fiets of auto".into();
    let u = wijzig(
        Some(&u.tekst),
        TagKind::Belemmering,
        &anders,
        false,
        &u.taxonomie,
    )
    .unwrap();
    let laag: Taxonomy = parse_data(BESTAND, &u.tekst).unwrap().value;
    assert_eq!(laag.belemmeringen, vec![anders]);
}

#[test]
fn an_id_in_use_is_refused_in_dutch() {
    let tax = builtin();
    let bestaand = tax.wensen[0].clone();
    let mut e = wens();
    e.id = bestaand.id.clone();
    let fout = wijzig(None, TagKind::Wens, &e, true, &tax).unwrap_err();
    assert!(fout[0].starts_with("Er is al een wens met id"), "{fout:?}");
    assert!(fout[0].contains(&bestaand.label), "{fout:?}");
    // The same id is free in another list: ids are unique per list.
    assert!(voorstel_id(&bestaand.label, TagKind::Wens, &tax).ends_with("-2"));
    let b = bezwaren(TagKind::Wens, &e, true, &tax);
    assert_eq!(b[0].0, Deel::Id);
}

#[test]
fn a_belemmering_without_a_sentence_for_the_client_is_refused() {
    let tax = builtin();
    let mut b = belemmering();
    b.aanpak_plan = "Verwijs naar het fietsenplan.".into();
    let fout = wijzig(None, TagKind::Belemmering, &b, true, &tax).unwrap_err();
    assert!(fout[0].contains("opdracht aan de consulent"), "{fout:?}");
    b.aanpak_plan = "Er komt een fiets.".into();
    assert!(
        bezwaren(TagKind::Belemmering, &b, true, &tax)[0]
            .1
            .contains("u of uw")
    );
    b.aanpak_plan = "Over een maand kijkt u of het lukt.".into();
    assert!(
        bezwaren(TagKind::Belemmering, &b, true, &tax)[0]
            .1
            .contains("termijn")
    );
    b.aanpak.clear();
    assert_eq!(
        bezwaren(TagKind::Belemmering, &b, true, &tax)[0].0,
        Deel::Aanpak
    );
    let mut w = wens();
    w.id = "Imker Worden".into();
    w.omschrijving.clear();
    let fout = wijzig(None, TagKind::Wens, &w, true, &tax).unwrap_err();
    assert_eq!(fout.len(), 2, "{fout:?}");
}

#[test]
fn an_unreadable_personal_file_is_never_overwritten() {
    let tax = builtin();
    let fout = wijzig(Some("(wensen: [(id: "), TagKind::Wens, &wens(), true, &tax).unwrap_err();
    assert!(fout[0].contains("niets veranderd"), "{fout:?}");
}
