//! The two steps where the gesprek turns into a plan: the suggestions from the catalogue
//! (numbered, with score, reasons and warnings, and the options left out with why) and
//! the afspraken with hours, dates and the client's agreement. As everywhere in the
//! accessible mode, each answer is saved the moment it is given.

use super::Gesprek;
use super::lijst::{Antwoord, Item, Lijst};
use super::prompt::{Ask, Console, Stop};
use super::steps::{number, optional_date, text};
use crate::app;
use crate::core::catalogue::Catalogue;
use crate::core::search::Searcher;
use crate::core::session::{Afspraak, Akkoord};
use crate::core::vervolg::Status;

/// The suggestions from the catalogue, best first, each with its hours and one reason,
/// then the options left out with why; read ten at a time like every list, searchable,
/// and `uitleg N` reads all reasons of one. An excluded option can still be chosen (the
/// consultant decides), with a warning to note why.
pub fn suggestions(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    con.blank()?;
    number(
        con,
        "Hoeveel uur per week kan de klant nu aan",
        40,
        &mut g.session.uren_kan,
    )?;
    if g.session
        .belemmeringen
        .iter()
        .any(|b| crate::core::matching::ZORGTAKEN.contains(&b.as_str()))
    {
        number(
            con,
            "Hoeveel uur per week zorgt de klant voor een naaste of (klein)kinderen",
            168,
            &mut g.session.zorguren,
        )?;
    }
    g.save(con)?;
    // With the gemeente's filters, as everywhere.
    let result = app::suggest::for_session(&g.bundle, &g.session);
    // A copy, so the session can be changed and saved while titles are looked up.
    let cat = g.data.catalogue.clone();
    let titel = |id: &str| cat.find(id).map_or(id.to_string(), |o| o.titel.clone());
    let mut ids: Vec<String> = Vec::new();
    let mut uitleg: Vec<String> = Vec::new();
    for s in &result.suggesties {
        ids.push(s.id.to_string());
        let mut lines = vec![format!("{}, score {}.", titel(&s.id), s.score)];
        if let Some(o) = cat.find(&s.id) {
            lines.push(format!(
                "{} tot {} uur per week, {}.",
                o.uren_min,
                o.uren_max,
                o.begeleiding.label()
            ));
        }
        lines.extend(s.waarom().iter().map(|f| format!("Waarom: {f}")));
        lines.extend(s.let_op().map(|l| format!("Let op: {l}")));
        uitleg.push(lines.join("\n"));
    }
    for u in &result.uitgesloten {
        ids.push(u.id.to_string());
        let mut lines = vec![format!("{} wordt niet voorgesteld.", titel(&u.id))];
        lines.extend(u.reden.iter().map(|r| format!("Reden: {r}")));
        uitleg.push(lines.join("\n"));
    }
    con.blank()?;
    let excluded_from = result.suggesties.len();
    // Why the list is empty, when it is, before anything else.
    if let Some(reden) = result.leeg_reden() {
        con.say(&reden)?;
    }
    if ids.is_empty() {
        return Ok(());
    }
    con.say(&format!(
        "{} suggesties, de best passende eerst, en {} niet voorgesteld, met de reden.",
        result.suggesties.len(),
        result.uitgesloten.len()
    ))?;
    if !result.overig.is_empty() {
        con.say(&format!(
            "Hele catalogus: nog {} mogelijkheden passen nu niet bij deze klant.",
            result.overig.len()
        ))?;
    }
    let items = |g: &Gesprek| -> Vec<Item> {
        let mut out = Vec::new();
        for s in &result.suggesties {
            let uren = cat
                .find(&s.id)
                .map(|o| format!("{} tot {} uur", o.uren_min, o.uren_max))
                .unwrap_or_default();
            let reden = s
                .waarom()
                .first()
                .map(|f| format!(", {f}"))
                .unwrap_or_default();
            out.push(Item {
                label: titel(&s.id),
                detail: format!("{uren}{reden}"),
                aangevinkt: g.session.is_chosen(&s.id),
            });
        }
        for u in &result.uitgesloten {
            out.push(Item {
                label: titel(&u.id),
                detail: format!(
                    "Niet voorgesteld: {}",
                    u.reden.first().map_or("", String::as_str)
                ),
                aangevinkt: g.session.is_chosen(&u.id),
            });
        }
        out
    };
    // Searched the way the catalogue is searched in the full-screen app, in this order.
    let in_order = Catalogue {
        opties: ids.iter().filter_map(|id| cat.find(id).cloned()).collect(),
        ..Catalogue::default()
    };
    let searcher = Searcher::new(&in_order);
    let mut lijst = Lijst::new("Mogelijkheden", &searcher, true);
    let mut eerste = true;
    loop {
        let nu = items(g);
        let antwoord = lijst.vraag(con, &nu, eerste)?;
        eerste = false;
        match antwoord {
            Antwoord::Klaar => return Ok(()),
            Antwoord::Uitleg(i) => con.say(&uitleg[i])?,
            Antwoord::Nummers(picked) => {
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
            }
        }
    }
}

/// The afspraken made so far can be changed or deleted first; then new ones (wat, wie,
/// wanneer) until an empty wat; then the aanpak per belemmering, hours, dates and
/// agreement.
pub fn afspraken(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    con.blank()?;
    g.session.afspraken.retain(|a| !a.is_empty());
    bestaande(g, con)?;
    loop {
        let nr = g.session.afspraken.len() + 1;
        let wat = con.ask_text(
            &format!("Nieuwe afspraak {nr}, wat wordt er gedaan? Enter op een lege regel: geen afspraken meer:"),
            "Een afspraak is wat, wie en wanneer. Typ eerst wat er gedaan wordt.",
        )?;
        if wat.trim().is_empty() {
            break;
        }
        g.session.afspraken.push(Afspraak {
            wat: wat.trim().to_string(),
            ..Afspraak::default()
        });
        g.save(con)?;
        let i = nr - 1;
        // `/terug` halfway leaves no half afspraak: the wat is read back so the listener
        // knows what was not kept.
        match wie_wanneer(g, con, i) {
            Err(Stop::Back) => {
                let a = g.session.afspraken.remove(i);
                g.save(con)?;
                con.say(&format!(
                    "Afspraak {nr} ({}) is niet bewaard, omdat wie en wanneer nog ontbraken.",
                    a.wat
                ))?;
            }
            other => other?,
        }
    }
    aanpak(g, con)?;
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
    let dag = Some(g.session.datum);
    optional_date(con, "Startdatum", &mut g.session.startdatum, dag)?;
    g.save(con)?;
    optional_date(con, "Evaluatiedatum", &mut g.session.evaluatiedatum, dag)?;
    g.save(con)?;
    optional_date(con, "Volgend contact", &mut g.session.volgend_contact, dag)?;
    g.save(con)?;
    con.blank()?;
    let keuze = con.ask_valid(
        &format!(
            "Is de klant het eens met het plan? Ingevuld: {}. Typ 1 voor ja, 2 voor nee, 3 voor nog niet besproken. Enter houdt dit:",
            g.session.akkoord.label()
        ),
        |t| match t {
            "" => Ok(None),
            "1" | "ja" => Ok(Some(Akkoord::Ja)),
            "2" | "nee" => Ok(Some(Akkoord::Nee)),
            "3" => Ok(Some(Akkoord::Onbekend)),
            _ => Err("Typ 1, 2 of 3.".to_string()),
        },
    )?;
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

fn wie_wanneer(g: &mut Gesprek, con: &mut Console, i: usize) -> Ask<()> {
    let nr = i + 1;
    let mut wie = g.session.afspraken[i].wie.clone();
    text(con, &format!("Afspraak {nr}, wie doet het"), &mut wie)?;
    g.session.afspraken[i].wie = wie;
    g.save(con)?;
    let mut wanneer = g.session.afspraken[i].wanneer.clone();
    text(con, &format!("Afspraak {nr}, wanneer"), &mut wanneer)?;
    g.session.afspraken[i].wanneer = wanneer;
    g.save(con)?;
    Ok(())
}

/// The afspraken made so far, read once; a number opens one to change or delete (after
/// confirmation).
fn bestaande(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    loop {
        let n = g.session.afspraken.len();
        if n == 0 {
            return Ok(());
        }
        con.say(&format!("Afspraken tot nu toe, {n}:"))?;
        for (i, a) in g.session.afspraken.iter().enumerate() {
            con.say(&format!("{}. {}", i + 1, beschrijf(a)))?;
        }
        let gekozen = con.ask_valid(
            "Typ het nummer van een afspraak om die te wijzigen of te verwijderen. Enter gaat verder naar nieuwe afspraken:",
            |t| match t.parse::<usize>() {
                _ if t.is_empty() => Ok(None),
                Ok(k) if (1..=n).contains(&k) => Ok(Some(k - 1)),
                _ => Err(format!("Typ een nummer van 1 tot en met {n}, of Enter.")),
            },
        )?;
        let Some(i) = gekozen else {
            return Ok(());
        };
        let wat_nu = con.ask_valid(
            &format!(
                "Afspraak {}: {}. Typ wijzig om te wijzigen, verwijder om te verwijderen. Enter laat de afspraak zo:",
                i + 1,
                beschrijf(&g.session.afspraken[i])
            ),
            |t| match t.to_lowercase().as_str() {
                "" => Ok(0),
                "wijzig" | "wijzigen" => Ok(1),
                "verwijder" | "verwijderen" => Ok(2),
                _ => Err("Typ wijzig, verwijder, of Enter.".to_string()),
            },
        )?;
        match wat_nu {
            1 => {
                let mut wat = g.session.afspraken[i].wat.clone();
                text(con, &format!("Afspraak {}, wat", i + 1), &mut wat)?;
                if !wat.trim().is_empty() {
                    g.session.afspraken[i].wat = wat;
                }
                g.save(con)?;
                wie_wanneer(g, con, i)?;
                con.say(&format!(
                    "Afspraak {} is nu: {}.",
                    i + 1,
                    beschrijf(&g.session.afspraken[i])
                ))?;
            }
            2 => {
                let zeker = con.ask_valid(
                    &format!(
                        "Afspraak {} echt verwijderen? Typ ja om te verwijderen, nee om te houden:",
                        i + 1
                    ),
                    |t| match t.to_lowercase().as_str() {
                        "ja" | "j" => Ok(true),
                        "nee" | "n" | "" => Ok(false),
                        _ => Err("Typ ja of nee.".to_string()),
                    },
                )?;
                if zeker {
                    let a = g.session.afspraken.remove(i);
                    g.save(con)?;
                    con.say(&format!("Verwijderd: {}.", beschrijf(&a)))?;
                } else {
                    con.say("De afspraak blijft staan.")?;
                }
            }
            _ => {}
        }
    }
}

/// Per belemmering the aanpak, as on the full-screen app's Afspraken page: it starts as
/// the taxonomy's sentence for the client (`aanpak_plan`), which the consultant keeps
/// with Enter or replaces. The guidance meant for the consultant is read first, unless
/// the short mode is on, and never lands in the plan.
pub(super) fn aanpak(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    let klant_label = g.bron().gemeente.klant_label.clone();
    let belemmeringen: Vec<(String, String, String, String)> = g
        .session
        .belemmeringen
        .iter()
        .filter_map(|id| {
            g.data
                .taxonomy
                .belemmeringen
                .iter()
                .find(|e| &e.id == id)
                .map(|e| {
                    (
                        e.id.clone(),
                        e.label.clone(),
                        crate::core::taxonomy::met_klant_label(&e.aanpak_plan, &klant_label),
                        e.aanpak_voor(&klant_label),
                    )
                })
        })
        .collect();
    if belemmeringen.is_empty() {
        return Ok(());
    }
    con.blank()?;
    con.say("De aanpak per belemmering.")?;
    for (id, label, gangbaar, voor_u) in belemmeringen {
        if !con.kort && !voor_u.trim().is_empty() {
            con.say(&format!("Voor u, niet in het plan: {voor_u}"))?;
        }
        let mut tekst = g
            .session
            .aanpak
            .get(&id)
            .cloned()
            .unwrap_or(gangbaar.clone());
        text(con, &format!("Aanpak bij {label}"), &mut tekst)?;
        if tekst.trim().is_empty() || tekst == gangbaar {
            g.session.aanpak.remove(&id);
        } else {
            g.session.aanpak.insert(id, tekst);
        }
        g.save(con)?;
    }
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
            &format!("Typ een nummer. Ingevuld: {}. Enter houdt dit:", nu.label()),
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
        if status.vraagt_besluit() {
            besluit(g, con, i)?;
        }
    }
    Ok(())
}

/// For an afspraak not kept, or only partly: go on, change or stop, and why.
fn besluit(g: &mut Gesprek, con: &mut Console, i: usize) -> Ask<()> {
    use crate::core::vervolg::Besluit;
    const KEUZES: [Besluit; 3] = [Besluit::Doorgaan, Besluit::Aanpassen, Besluit::Stoppen];
    con.say("Hoe gaat u verder met deze afspraak?")?;
    for (j, b) in KEUZES.iter().enumerate() {
        con.say(&format!("{}. {}", j + 1, b.label()))?;
    }
    let nu = g.session.evaluaties[i].besluit;
    let keuze = con.ask_valid(
        &match nu {
            Some(b) => format!("Typ een nummer. Ingevuld: {}. Enter houdt dit:", b.label()),
            None => "Typ een nummer:".to_string(),
        },
        |t| match t.parse::<usize>() {
            _ if t.is_empty() && nu.is_some() => Ok(nu),
            Ok(k) if (1..=KEUZES.len()).contains(&k) => Ok(Some(KEUZES[k - 1])),
            _ => Err(format!("Typ een nummer van 1 tot en met {}.", KEUZES.len())),
        },
    )?;
    g.session.evaluaties[i].besluit = keuze;
    g.save(con)?;
    let mut reden = g.session.evaluaties[i].reden.clone();
    text(con, "Waarom zo verder (komt in het plan)", &mut reden)?;
    g.session.evaluaties[i].reden = reden;
    g.save(con)?;
    Ok(())
}

/// An afspraak as one line, "wat (wie, wanneer)", leaving out what is empty: a screen
/// reader then reads no empty labels. Used for the afspraken made now and for those
/// looked back on.
pub(super) fn beschrijf(a: &Afspraak) -> String {
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
