//! The pages of the accessible mode: the gesprek details, and each script step with its
//! guidance, notes and pickers (suggestions and afspraken are in `keuze`). Every answer is written into the
//! session and saved at once, so a killed window or a pipe that runs dry loses nothing
//! that was already typed.

use chrono::NaiveDate;

use super::keuze;
use super::prompt::{Ask, Console, Oefenhulp, numbers};
use super::{Done, Gesprek};
use crate::core::datum::{format as format_date, parse as parse_date};
use crate::core::oefen::{self, Oefenklant};
use crate::core::script::{Lijst, Stap, StapSoort};

/// A change to one field: keep what is there, empty it, or set a new value.
pub(super) enum Edit<T> {
    Keep,
    Clear,
    Set(T),
}

/// Asks for one field, showing its current value. Enter keeps it, `wis` empties it; an
/// answer that does not parse is asked again with the parser's message, so a typo in one
/// field never costs any other answer.
pub(super) fn field<T>(
    con: &mut Console,
    label: &str,
    current: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Ask<Edit<T>> {
    let hint = if current.trim().is_empty() {
        "Enter = overslaan".to_string()
    } else {
        format!("nu: {current}; Enter = houden, wis = leegmaken")
    };
    con.ask_valid(&format!("{label} ({hint}):"), |t| {
        if t.is_empty() {
            Ok(Edit::Keep)
        } else if t.eq_ignore_ascii_case("wis") {
            Ok(Edit::Clear)
        } else {
            parse(t).map(Edit::Set)
        }
    })
}

pub(super) fn text(con: &mut Console, label: &str, value: &mut String) -> Ask<()> {
    match field(con, label, value, |t| Ok(t.to_string()))? {
        Edit::Keep => {}
        Edit::Clear => value.clear(),
        Edit::Set(t) => *value = t,
    }
    Ok(())
}

fn date(t: &str) -> Result<NaiveDate, String> {
    parse_date(t).ok_or_else(|| {
        "Dat is geen geldige datum. Typ een datum als 1-12-2026; de andere antwoorden blijven bewaard."
            .to_string()
    })
}

pub(super) fn optional_date(
    con: &mut Console,
    label: &str,
    value: &mut Option<NaiveDate>,
) -> Ask<()> {
    let current = value.map(format_date).unwrap_or_default();
    match field(
        con,
        &format!("{label}, bijvoorbeeld 1-12-2026"),
        &current,
        date,
    )? {
        Edit::Keep => {}
        Edit::Clear => *value = None,
        Edit::Set(d) => *value = Some(d),
    }
    Ok(())
}

pub(super) fn number(con: &mut Console, label: &str, max: u8, value: &mut Option<u8>) -> Ask<()> {
    let current = value.map(|n| n.to_string()).unwrap_or_default();
    let parse = |t: &str| match t.parse::<u8>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!("Typ een heel getal van 0 tot en met {max}.")),
    };
    match field(con, label, &current, parse)? {
        Edit::Keep => {}
        Edit::Clear => *value = None,
        Edit::Set(n) => *value = Some(n),
    }
    Ok(())
}

/// Whether the text holds what the BSN check before export would flag (nine digits that
/// pass the elfproef): the plan identifies the client by initials or a pseudonym only
/// (research §8), and one check decides what counts as a BSN everywhere.
fn looks_like_bsn(text: &str) -> bool {
    !crate::core::privacy::find_bsns(text).is_empty()
}

/// The details of the gesprek. Only the client's initials or pseudonym are required:
/// they name the plan's file.
pub fn gegevens(g: &mut Gesprek, con: &mut Console) -> Ask<Done> {
    con.blank()?;
    con.say("Gegevens van het gesprek")?;
    let current = g.session.klant.clone();
    let klant = con.ask_valid(
        &if current.is_empty() {
            "Klant: initialen of schuilnaam, nooit een BSN:".to_string()
        } else {
            format!("Klant: initialen of schuilnaam (nu: {current}; Enter = houden):")
        },
        |t| {
            if looks_like_bsn(t) {
                Err("Dit lijkt op een BSN. Gebruik initialen of een schuilnaam.".to_string())
            } else if t.is_empty() && current.trim().is_empty() {
                Err(
                    "De klant is nodig: de initialen komen in de bestandsnaam van het plan."
                        .to_string(),
                )
            } else if t.is_empty() {
                Ok(current.clone())
            } else {
                Ok(t.to_string())
            }
        },
    )?;
    g.session.klant = klant;
    g.save(con)?;
    text(con, "Consulent", &mut g.session.consulent)?;
    g.save(con)?;
    text(con, "Plaats", &mut g.session.plaats)?;
    g.save(con)?;
    let mut datum = Some(g.session.datum);
    optional_date(con, "Datum van het gesprek", &mut datum)?;
    // The gesprek always has a date; "wis" leaves the previous one.
    g.session.datum = datum.unwrap_or(g.session.datum);
    g.save(con)?;
    number(
        con,
        "Leeftijd, alleen als die ertoe doet",
        120,
        &mut g.session.leeftijd,
    )?;
    g.save(con)?;
    Ok(Done::Next)
}

/// Prints a step's guidance: where it is, the NORBS techniques, the doel, the phrases
/// and the pitfalls, one plain line each.
fn guidance(con: &mut Console, fase: &str, stap: &Stap, nr: usize, total: usize) -> Ask<()> {
    con.blank()?;
    con.say(&format!("Stap {nr} van {total}: {fase} › {}", stap.titel))?;
    let technieken: Vec<&str> = stap.technieken.iter().map(|t| t.label()).collect();
    if !technieken.is_empty() {
        con.say(&format!("Techniek: {}", technieken.join(", ")))?;
    }
    con.say(&format!("Doel: {}", stap.doel))?;
    for zin in &stap.voorbeeldzinnen {
        con.say(&format!("Voorbeeldzin: {zin}"))?;
    }
    for valkuil in &stap.valkuilen {
        con.say(&format!("Valkuil: {valkuil}"))?;
    }
    Ok(())
}

/// What `antwoord` and `uitleg` print at this step of a practice gesprek: the demo
/// client's answer, and per technique what it is for with a good and a poor example
/// (the client's own examples too, where it has them).
fn oefenhulp(klant: &Oefenklant, stap: &Stap) -> Oefenhulp {
    let antwoord = match klant.antwoord(&stap.id) {
        Some(a) => format!("{} zegt: “{a}”", klant.naam),
        None => format!("{} heeft bij deze stap geen antwoord.", klant.naam),
    };
    let mut uitleg = Vec::new();
    for &t in &stap.technieken {
        let u = oefen::techniek_uitleg(t);
        uitleg.push(format!("{}: {}", t.label(), u.wat));
        uitleg.push(format!("  Goed: “{}”", u.goed));
        uitleg.push(format!("  Minder goed: “{}”", u.slecht));
        uitleg.push(format!("  Waarom: {}", u.waarom));
        for v in klant.voorbeelden(t) {
            uitleg.push(format!("  Bij deze klant goed: “{}”", v.goed));
            uitleg.push(format!("  Bij deze klant minder goed: “{}”", v.slecht));
            uitleg.push(format!("  Waarom: {}", v.waarom));
        }
    }
    if uitleg.is_empty() {
        uitleg.push("Deze stap noemt geen technieken.".to_string());
    }
    Oefenhulp {
        antwoord,
        uitleg: uitleg.join("\n"),
        klant: Some((klant.clone(), stap.id.clone())),
    }
}

/// One script step.
pub fn step(g: &mut Gesprek, con: &mut Console, id: &str) -> Ask<Done> {
    let Some(r) = g.data.script.step(id) else {
        return Ok(Done::Next);
    };
    let (fase, stap) = (r.fase.titel.clone(), r.stap.clone());
    let visible = g.data.script.visible_steps(&g.session.tag_set());
    let total = visible.len();
    let nr = visible
        .iter()
        .position(|s| *s == id)
        .map_or(total, |i| i + 1);
    guidance(con, &fase, &stap, nr, total)?;
    if let Some(klant) = &g.oefenklant {
        con.say(&format!(
            "Oefenklant {}: typ antwoord om te horen wat de klant hier zegt, uitleg voor de technieken.",
            klant.naam
        ))?;
        con.oefenhulp = Some(oefenhulp(klant, &stap));
    }
    match stap.soort {
        StapSoort::Gesprek => {
            notes(g, con, &stap)?;
            for lijst in &stap.kiezen {
                picker(g, con, *lijst)?;
            }
        }
        StapSoort::Suggesties => {
            keuze::suggestions(g, con)?;
            notes(g, con, &stap)?;
        }
        StapSoort::Afspraken => {
            keuze::afspraken(g, con)?;
            notes(g, con, &stap)?;
        }
        StapSoort::Evaluatie => {
            keuze::evaluaties(g, con)?;
            notes(g, con, &stap)?;
        }
    }
    Ok(Done::Next)
}

/// Multi-line notes: lines until an empty line. Each line is added and saved as soon as
/// it is typed, so even a note cut off halfway is on disk.
fn notes(g: &mut Gesprek, con: &mut Console, stap: &Stap) -> Ask<()> {
    con.blank()?;
    let existing = g.session.note(&stap.id).to_string();
    if existing.is_empty() {
        con.say(&format!(
            "{}: typ uw notities. Meerdere regels mogen; een lege regel sluit af.",
            stap.notitie_label
        ))?;
    } else {
        con.say(&format!("{} tot nu toe:", stap.notitie_label))?;
        con.say(&existing)?;
        con.say("Typ regels om toe te voegen; een lege regel sluit af.")?;
    }
    loop {
        let line = con.ask("Regel:")?;
        if line.trim().is_empty() {
            return Ok(());
        }
        let mut note = g.session.note(&stap.id).to_string();
        if !note.is_empty() {
            note.push('\n');
        }
        note.push_str(&line);
        g.session.set_note(&stap.id, note);
        g.save(con)?;
    }
}

/// The ids and labels a picker offers, with whether each is ticked.
fn picker_items(g: &Gesprek, lijst: Lijst) -> Vec<(String, String, bool)> {
    let s = &g.session;
    let tax = &g.data.taxonomy;
    match lijst {
        Lijst::AlActief => tax
            .categorieen
            .iter()
            .map(|e| (e.id.clone(), e.label.clone(), s.actief.contains(&e.id)))
            .collect(),
        Lijst::Eerder => g
            .data
            .catalogue
            .opties
            .iter()
            .map(|o| (o.id.clone(), o.titel.clone(), s.eerder.contains(&o.id)))
            .collect(),
        _ => {
            let kind = lijst.tag_kind().expect("a tag list");
            tax.list(kind)
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), s.has_tag(kind, &e.id)))
                .collect()
        }
    }
}

fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(id.to_string()),
    }
}

/// A numbered list to tick and untick; asked again until Enter, so a mistake can be
/// undone at once by typing the same number.
fn picker(g: &mut Gesprek, con: &mut Console, lijst: Lijst) -> Ask<()> {
    let items = picker_items(g, lijst);
    con.blank()?;
    if items.is_empty() {
        con.say(&format!("{}: deze lijst is leeg.", lijst.label()))?;
        return Ok(());
    }
    con.say(&format!("{}:", lijst.label()))?;
    for (i, (_, label, checked)) in items.iter().enumerate() {
        let mark = if *checked { " (aangevinkt)" } else { "" };
        con.say(&format!("{}. {label}{mark}", i + 1))?;
    }
    let mut prompt =
        "Typ de nummers, gescheiden door spaties, om aan of uit te vinken; Enter = niets.";
    loop {
        let picked = con.ask_valid(prompt, |t| numbers(t, items.len()))?;
        if picked.is_empty() {
            return Ok(());
        }
        for i in picked {
            let id = &items[i].0;
            let s = &mut g.session;
            match lijst.tag_kind() {
                Some(kind) => {
                    s.toggle_tag(kind, id);
                }
                None if lijst == Lijst::AlActief => toggle(&mut s.actief, id),
                None => toggle(&mut s.eerder, id),
            }
        }
        g.save(con)?;
        let now: Vec<String> = picker_items(g, lijst)
            .into_iter()
            .filter(|(_, _, checked)| *checked)
            .map(|(_, label, _)| label)
            .collect();
        if now.is_empty() {
            con.say(&format!("{}: niets aangevinkt.", lijst.label()))?;
        } else {
            con.say(&format!(
                "{} aangevinkt: {}.",
                lijst.label(),
                now.join(", ")
            ))?;
        }
        prompt = "Nog meer nummers, of Enter om verder te gaan.";
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_bsn;

    #[test]
    fn bsn_like_numbers_are_recognised() {
        assert!(looks_like_bsn("123456782"));
        assert!(looks_like_bsn("1234.56.782"));
        assert!(!looks_like_bsn("A.B."));
        assert!(!looks_like_bsn("Jan 1985"));
    }
}
