//! What is wrong with the form as it is now, per field, in plain Dutch: shown beside the
//! field while typing. Saving checks again with the loader's own check
//! (`core::eigen_catalogus`), so nothing the loader would refuse is ever written.

use std::collections::BTreeMap;

use crate::core::catalogue::Catalogue;
use crate::core::taxonomy::Taxonomy;
use crate::core::validate::MAX_UREN;

use super::{Modus, OptieForm, Veld};

/// The problems of the form, at most one per field.
pub fn meldingen(form: &OptieForm, tax: &Taxonomy, cat: &Catalogue) -> BTreeMap<Veld, String> {
    let o = form.bouw();
    let mut out = BTreeMap::new();
    let mut zeg = |veld: Veld, msg: String| {
        out.entry(veld).or_insert(msg);
    };
    if o.id.is_empty() {
        zeg(Veld::Id, "Vul een id in.".into());
    } else if !o
        .id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        zeg(
            Veld::Id,
            "Alleen kleine letters, cijfers en - (geen spaties).".into(),
        );
    } else if form.modus != Modus::Bewerken
        && let Some(bestaand) = cat.find(&o.id)
    {
        zeg(
            Veld::Id,
            format!("Dit id heeft “{}” al; kies een ander.", bestaand.titel),
        );
    }
    if o.titel.is_empty() {
        zeg(Veld::Titel, "Vul een titel in.".into());
    }
    if tax.categorie(&o.categorie).is_none() {
        zeg(Veld::Categorie, "Kies een categorie.".into());
    }
    if o.omschrijving.is_empty() {
        zeg(Veld::Omschrijving, "Vul een omschrijving in.".into());
    }
    if o.uren_min > o.uren_max {
        zeg(
            Veld::UrenMax,
            format!("Minder dan de uren minstens ({}).", o.uren_min),
        );
    }
    if o.uren_max > MAX_UREN {
        zeg(Veld::UrenMax, format!("Meer dan {MAX_UREN} uur per week."));
    }
    if o.ongeschikt_bij
        .iter()
        .any(|b| o.werkt_aan.contains(&b.belemmering))
    {
        zeg(
            Veld::OngeschiktBij,
            "Ook gekozen bij ‘werkt aan’; kies één van beide.".into(),
        );
    }
    for (list, veld) in [
        (&o.ongeschikt_bij, Veld::RedenOngeschikt),
        (&o.let_op_bij, Veld::RedenLetOp),
    ] {
        if list.iter().any(|b| b.reden.trim().is_empty()) {
            zeg(
                veld,
                "Vul de reden in; de consulent moet kunnen zien waarom.".into(),
            );
        }
    }
    let datum = form.tekst(Veld::Gecontroleerd).trim();
    if !datum.is_empty() && o.laatst_gecontroleerd.is_none() {
        zeg(
            Veld::Gecontroleerd,
            "Geen datum die meedoen kent; schrijf d-m-jjjj.".into(),
        );
    }
    out
}
