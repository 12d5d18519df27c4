//! The two steps where the gesprek turns into a plan: the suggestions from the catalogue
//! (numbered, with score, reasons and warnings, and the options left out with why) and
//! the afspraken with hours, dates and the client's agreement. As everywhere in the
//! accessible mode, each answer is saved the moment it is given.

use super::Gesprek;
use super::prompt::{Ask, Console, numbers};
use super::steps::{number, optional_date, text};
use crate::app;
use crate::core::session::{Afspraak, Akkoord};
use crate::core::vervolg::Status;

/// The suggestions from the catalogue, with score, reasons and warnings, then the
/// options left out and why. Both are numbered: an excluded option can still be chosen
/// (the consultant decides), with a warning to note why.
pub fn suggestions(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    con.blank()?;
    number(
        con,
        "Hoeveel uur per week kan de klant nu aan",
        40,
        &mut g.session.uren_kan,
    )?;
    g.save(con)?;
    // With the gemeente's filters, as everywhere.
    let result = app::suggest::for_session(&g.bundle, &g.session);
    // A copy, so the session can be changed and saved while titles are looked up.
    let cat = g.data.catalogue.clone();
    let titel = |id: &str| cat.find(id).map_or(id.to_string(), |o| o.titel.clone());
    let mut ids: Vec<String> = Vec::new();
    con.blank()?;
    if result.suggesties.is_empty() {
        con.say("Er zijn geen suggesties.")?;
    } else {
        con.say(&format!(
            "Suggesties ({}), de best passende eerst:",
            result.suggesties.len()
        ))?;
    }
    for s in &result.suggesties {
        ids.push(s.id.to_string());
        let gekozen = if g.session.is_chosen(&s.id) {
            ", gekozen"
        } else {
            ""
        };
        con.say(&format!(
            "{}. {} (score {}{gekozen})",
            ids.len(),
            titel(&s.id),
            s.score
        ))?;
        if let Some(o) = cat.find(&s.id) {
            con.say(&format!(
                "   {} tot {} uur per week, {}.",
                o.uren_min,
                o.uren_max,
                o.begeleiding.label()
            ))?;
        }
        for f in s.waarom() {
            con.say(&format!("   Waarom: {f}"))?;
        }
        for l in s.let_op() {
            con.say(&format!("   Let op: {l}"))?;
        }
    }
    if !result.uitgesloten.is_empty() {
        con.blank()?;
        con.say(&format!("Niet voorgesteld ({}):", result.uitgesloten.len()))?;
    }
    for u in &result.uitgesloten {
        ids.push(u.id.to_string());
        let gekozen = if g.session.is_chosen(&u.id) {
            ", toch gekozen"
        } else {
            ""
        };
        con.say(&format!("{}. {}{gekozen}", ids.len(), titel(&u.id)))?;
        for r in &u.reden {
            con.say(&format!("   Reden: {r}"))?;
        }
    }
    if ids.is_empty() {
        return Ok(());
    }
    let excluded_from = result.suggesties.len();
    let mut prompt = "Typ de nummers om te kiezen of niet meer te kiezen, gescheiden door spaties; Enter = niets.";
    loop {
        let picked = con.ask_valid(prompt, |t| numbers(t, ids.len()))?;
        if picked.is_empty() {
            return Ok(());
        }
        for i in picked {
            let now = g.session.toggle_chosen(&ids[i]);
            if now && i >= excluded_from {
                con.say(&format!(
                    "Let op: {} is niet voorgesteld. Leg in de notities vast waarom het toch past.",
                    titel(&ids[i])
                ))?;
            }
        }
        g.save(con)?;
        let chosen: Vec<String> = g.session.gekozen.iter().map(|id| titel(id)).collect();
        if chosen.is_empty() {
            con.say("Nog niets gekozen.")?;
        } else {
            con.say(&format!("Gekozen: {}.", chosen.join(", ")))?;
        }
        prompt = "Nog meer nummers, of Enter om verder te gaan.";
    }
}

/// Afspraken (wat, wie, wanneer) until an empty wat, then hours, dates and agreement.
pub fn afspraken(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    con.blank()?;
    let bestaand: Vec<Afspraak> = g
        .session
        .afspraken
        .iter()
        .filter(|a| !a.is_empty())
        .cloned()
        .collect();
    if !bestaand.is_empty() {
        con.say("Afspraken tot nu toe:")?;
        for (i, a) in bestaand.iter().enumerate() {
            con.say(&format!("{}. {}", i + 1, beschrijf(a)))?;
        }
    }
    g.session.afspraken = bestaand;
    con.say("Nieuwe afspraken: wat, wie en wanneer. Een lege 'wat' sluit af.")?;
    loop {
        let nr = g.session.afspraken.len() + 1;
        let wat = con.ask(&format!(
            "Afspraak {nr}, wat (Enter = geen afspraken meer):"
        ))?;
        if wat.trim().is_empty() {
            break;
        }
        g.session.afspraken.push(Afspraak {
            wat: wat.trim().to_string(),
            ..Afspraak::default()
        });
        g.save(con)?;
        let i = nr - 1;
        let wie = con.ask(&format!("Afspraak {nr}, wie:"))?;
        g.session.afspraken[i].wie = wie.trim().to_string();
        g.save(con)?;
        let wanneer = con.ask(&format!("Afspraak {nr}, wanneer:"))?;
        g.session.afspraken[i].wanneer = wanneer.trim().to_string();
        g.save(con)?;
    }
    con.blank()?;
    number(
        con,
        "Uren per week bij de start",
        40,
        &mut g.session.uren_per_week,
    )?;
    g.save(con)?;
    text(
        con,
        "Waarom deze uren en hoe ze opbouwen",
        &mut g.session.uren_toelichting,
    )?;
    g.save(con)?;
    optional_date(con, "Startdatum", &mut g.session.startdatum)?;
    g.save(con)?;
    optional_date(con, "Evaluatiedatum", &mut g.session.evaluatiedatum)?;
    g.save(con)?;
    optional_date(con, "Volgend contact", &mut g.session.volgend_contact)?;
    g.save(con)?;
    con.blank()?;
    con.say(&format!(
        "Is de klant het eens met het plan? Nu: {}.",
        g.session.akkoord.label()
    ))?;
    con.say("1. ja")?;
    con.say("2. nee")?;
    con.say("3. nog niet besproken")?;
    let keuze = con.ask_valid("Typ 1, 2 of 3 (Enter = houden):", |t| match t {
        "" => Ok(None),
        "1" => Ok(Some(Akkoord::Ja)),
        "2" => Ok(Some(Akkoord::Nee)),
        "3" => Ok(Some(Akkoord::Onbekend)),
        _ => Err("Typ 1, 2 of 3.".to_string()),
    })?;
    if let Some(a) = keuze {
        g.session.akkoord = a;
    }
    g.save(con)?;
    text(
        con,
        "Toelichting bij het akkoord",
        &mut g.session.akkoord_toelichting,
    )?;
    g.save(con)?;
    Ok(())
}

/// The previous plan's afspraken, one by one: how it went, what helped and what got in
/// the way. Each answer is saved at once; Enter keeps what is there, so the step can be
/// walked again after `terug`.
pub(super) fn evaluaties(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    let n = g.session.evaluaties.len();
    con.blank()?;
    match n {
        0 => {
            con.say("Er staan geen afspraken uit een vorig plan open.")?;
            return Ok(());
        }
        1 => con.say("De afspraak uit het vorige plan:")?,
        _ => con.say(&format!(
            "De {n} afspraken uit het vorige plan, een voor een:"
        ))?,
    }
    for i in 0..n {
        let e = &g.session.evaluaties[i];
        con.blank()?;
        con.say(&format!(
            "Afspraak {} van {n}: {}",
            i + 1,
            beschrijf(&e.afspraak)
        ))?;
        con.say("Hoe ging het?")?;
        for (j, status) in Status::ALL.iter().enumerate() {
            con.say(&format!("{}. {}", j + 1, status.label()))?;
        }
        let nu = e.status;
        let count = Status::ALL.len();
        let status = con.ask_valid(
            &format!("Typ een nummer (nu: {}; Enter = houden):", nu.label()),
            |t| match t.parse::<usize>() {
                _ if t.is_empty() => Ok(nu),
                Ok(k) if (1..=count).contains(&k) => Ok(Status::ALL[k - 1]),
                _ => Err(format!("Typ een nummer van 1 tot en met {count}.")),
            },
        )?;
        g.session.evaluaties[i].status = status;
        g.save(con)?;
        let mut hielp = g.session.evaluaties[i].hielp.clone();
        text(con, "Wat hielp", &mut hielp)?;
        g.session.evaluaties[i].hielp = hielp;
        g.save(con)?;
        let mut lastig = g.session.evaluaties[i].lastig.clone();
        text(con, "Wat zat in de weg", &mut lastig)?;
        g.session.evaluaties[i].lastig = lastig;
        g.save(con)?;
    }
    Ok(())
}

/// An afspraak as one line, "wat (wie, wanneer)", leaving out what is empty: a screen
/// reader then reads no empty labels. Used for the afspraken made now and for those
/// looked back on.
fn beschrijf(a: &Afspraak) -> String {
    let extra: Vec<&str> = [a.wie.trim(), a.wanneer.trim()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    if extra.is_empty() {
        a.wat.trim().to_string()
    } else {
        format!("{} ({})", a.wat.trim(), extra.join(", "))
    }
}
