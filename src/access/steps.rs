//! The pages of the accessible mode: the gesprek details, and each script step with its
//! guidance, notes and pickers (suggestions and afspraken are in `keuze`). Every answer is written into the
//! session and saved at once, so a killed window or a pipe that runs dry loses nothing
//! that was already typed.

use chrono::NaiveDate;

use super::keuze;
use super::lijst::{self, Antwoord, Item};
use super::notities;
use super::prompt::{Ask, Console, Oefenhulp, Soort, Stop};
use super::{Done, Gesprek};
use crate::core::datum::{in_words, parse as parse_date};
use crate::core::oefen::{self, Oefenklant};
use crate::core::script::{Lijst, Stap, StapSoort};
use crate::core::search::Searcher;

/// Text as the body of a sentence that the caller ends with a full stop: without its own
/// closing full stop, so a screen reader does not pause twice.
pub(super) fn zin(text: &str) -> &str {
    let t = text.trim();
    t.strip_suffix(['.', '?', '!']).unwrap_or(t)
}

/// A change to one field: keep what is there, empty it, or set a new value.
pub(super) enum Edit<T> {
    Keep,
    Clear,
    Set(T),
}

/// Asks for one short field (a number, a date), showing its current value. Enter keeps
/// it, `wis` empties it; an answer that does not parse is asked again with the parser's
/// message, so a typo in one field never costs any other answer.
pub(super) fn field<T>(
    con: &mut Console,
    label: &str,
    current: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Ask<Edit<T>> {
    let hint = if current.trim().is_empty() {
        "Enter slaat over".to_string()
    } else {
        format!("Ingevuld: {current}. Enter houdt dit, wis maakt het leeg")
    };
    con.ask_valid(&format!("{label}. {hint}:"), |t| {
        if t.is_empty() {
            Ok(Edit::Keep)
        } else if t.eq_ignore_ascii_case("wis") {
            Ok(Edit::Clear)
        } else {
            parse(t).map(Edit::Set)
        }
    })
}

/// A free-text field of one line: what is typed is the text (also "wis" or "stop");
/// Enter keeps what is there, `/wijzig` replaces or clears it.
pub(super) fn text(con: &mut Console, label: &str, value: &mut String) -> Ask<()> {
    let (prompt, wijzig) = if value.trim().is_empty() {
        (format!("{label}. Enter slaat over:"), false)
    } else {
        (
            format!(
                "{label}. Ingevuld: {}. Enter houdt dit, /wijzig om te vervangen of te wissen:",
                zin(value)
            ),
            true,
        )
    };
    let hulp = format!("Typ de tekst voor {label} en druk op Enter.");
    match con.ask_with(&prompt, Soort::Tekst, &hulp, wijzig) {
        Ok(t) if t.trim().is_empty() => {}
        Ok(t) => *value = t.trim().to_string(),
        Err(Stop::Wijzig) => {
            let t = con.ask_text(
                &format!("Nieuwe tekst voor {label}. Enter op een lege regel maakt het leeg:"),
                &hulp,
            )?;
            *value = t.trim().to_string();
            if value.is_empty() {
                con.say(&format!("{label} is leeggemaakt."))?;
            }
        }
        Err(e) => return Err(e),
    }
    Ok(())
}

fn date(t: &str) -> Result<NaiveDate, String> {
    parse_date(t).ok_or_else(|| {
        "Dat is geen geldige datum. Typ een datum als 1-12-2026; de andere antwoorden blijven bewaard."
            .to_string()
    })
}

/// Asks a date and reads back what was understood, in words, so "2/12/26" is heard as
/// "2 december 2026"; a date before `niet_voor` (the day of the gesprek) gets a warning.
pub(super) fn optional_date(
    con: &mut Console,
    label: &str,
    value: &mut Option<NaiveDate>,
    niet_voor: Option<NaiveDate>,
) -> Ask<()> {
    let current = value.map(in_words).unwrap_or_default();
    match field(con, &format!("{label}, als 1-12-2026"), &current, date)? {
        Edit::Keep => {}
        Edit::Clear => {
            *value = None;
            con.say(&format!("{label} is leeggemaakt."))?;
        }
        Edit::Set(d) => {
            *value = Some(d);
            let eerder = niet_voor
                .filter(|&n| d < n)
                .map(|_| " Let op: die datum ligt voor de dag van het gesprek. Typ /terug en dan de juiste datum als dit niet klopt.")
                .unwrap_or_default();
            con.say(&format!("{label}: {}.{eerder}", in_words(d)))?;
        }
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
    let (nr, total) = plaats(g, &crate::core::route::Page::Gegevens);
    con.say(&format!("Stap {nr} van {total}: Gegevens van het gesprek."))?;
    let current = g.session.klant.clone();
    let klant = con.ask_valid(
        &if current.is_empty() {
            "Klant: initialen of schuilnaam, nooit een BSN:".to_string()
        } else {
            format!(
                "Klant: initialen of schuilnaam. Ingevuld: {}. Enter houdt dit:",
                zin(&current)
            )
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
    optional_date(con, "Datum van het gesprek", &mut datum, None)?;
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

/// Prints a step's guidance: where it is, the NORBS techniques and the doel, and unless
/// the consultant chose `/kort`, the phrases and pitfalls. A step heard before (after
/// `/terug` or `/ga`) reads only its title: the guidance is one `/uitleg` away.
fn guidance(con: &mut Console, stap: &Stap, nr: usize, total: usize, eerder: bool) -> Ask<()> {
    con.blank()?;
    let einde = if stap.titel.trim().ends_with(['.', '?', '!']) {
        ""
    } else {
        "."
    };
    con.say(&format!(
        "Stap {nr} van {total}: {}{einde}",
        stap.titel.trim()
    ))?;
    if eerder {
        return Ok(());
    }
    let technieken: Vec<&str> = stap.technieken.iter().map(|t| t.label()).collect();
    if !technieken.is_empty() {
        con.say(&format!("Techniek: {}.", technieken.join(", ")))?;
    }
    con.say(&format!("Doel: {}", stap.doel))?;
    if con.kort {
        return Ok(());
    }
    for zin in &stap.voorbeeldzinnen {
        con.say(&format!("Voorbeeldzin: {zin}"))?;
    }
    for valkuil in &stap.valkuilen {
        con.say(&format!("Valkuil: {valkuil}"))?;
    }
    Ok(())
}

/// What `/uitleg` reads at a step: the full explanation the full-screen app shows on F2:
/// doel, phrases, pitfalls, and per technique what it is for with a good and a poor
/// example (in practice the demo client's own examples too).
pub(super) fn uitleg(stap: &Stap, klant: Option<&Oefenklant>) -> String {
    let mut out = vec![format!("Uitleg bij {}. Doel: {}", stap.titel, stap.doel)];
    for zin in &stap.voorbeeldzinnen {
        out.push(format!("Voorbeeldzin: {zin}"));
    }
    for valkuil in &stap.valkuilen {
        out.push(format!("Valkuil: {valkuil}"));
    }
    for &t in &stap.technieken {
        let u = oefen::techniek_uitleg(t);
        out.push(format!("{}: {}", t.label(), u.wat));
        out.push(format!("Goed: “{}”", u.goed));
        out.push(format!("Minder goed: “{}”", u.slecht));
        out.push(format!("Waarom: {}", u.waarom));
        for v in klant.into_iter().flat_map(|k| k.voorbeelden(t)) {
            out.push(format!("Bij deze klant goed: “{}”", v.goed));
            out.push(format!("Bij deze klant minder goed: “{}”", v.slecht));
            out.push(format!("Waarom: {}", v.waarom));
        }
    }
    if stap.technieken.is_empty() {
        out.push("Deze stap noemt geen technieken.".to_string());
    }
    out.push("Einde van de uitleg.".to_string());
    out.join("\n")
}

/// What `antwoord` prints at this step of a practice gesprek: the demo client's answer.
fn oefenhulp(klant: &Oefenklant, stap: &Stap) -> Oefenhulp {
    let antwoord = match klant.antwoord(&stap.id) {
        Some(a) => format!("{} zegt: “{a}”", klant.naam),
        None => format!("{} heeft bij deze stap geen antwoord.", klant.naam),
    };
    Oefenhulp {
        antwoord,
        klant: Some((klant.clone(), stap.id.clone())),
    }
}

/// The page's number and the number of pages, as `/ga` counts them.
pub(super) fn plaats(g: &Gesprek, page: &crate::core::route::Page) -> (usize, usize) {
    let pages = crate::core::route::pages(&g.data.script, &g.session);
    let i = crate::core::route::index(&g.data.script, &pages, page);
    (i + 1, pages.len())
}

/// One script step. `eerder`: the step was read before, so only its title is repeated.
pub fn step(g: &mut Gesprek, con: &mut Console, id: &str, eerder: bool) -> Ask<Done> {
    let Some(r) = g.data.script.step(id) else {
        return Ok(Done::Next);
    };
    let stap = r.stap.clone();
    // Numbered as `/ga` numbers them: the details are step 1, the plan the last.
    let (nr, total) = plaats(g, &crate::core::route::Page::Step(id.to_string()));
    con.kennis.uitleg = uitleg(&stap, g.oefenklant.as_ref());
    guidance(con, &stap, nr, total, eerder)?;
    if let Some(klant) = &g.oefenklant {
        if !eerder {
            con.say(&format!(
                "Oefenklant {}: typ antwoord om te horen wat de klant hier zegt, uitleg voor de technieken.",
                klant.naam
            ))?;
        }
        con.oefenhulp = Some(oefenhulp(klant, &stap));
    }
    match stap.soort {
        StapSoort::Gesprek => {
            notities::notes(g, con, &stap)?;
            for lijst in &stap.kiezen {
                picker(g, con, *lijst)?;
                if *lijst == Lijst::Wensen {
                    hoofddoel(g, con)?;
                }
            }
        }
        StapSoort::Suggesties => {
            keuze::suggestions(g, con)?;
            notities::notes(g, con, &stap)?;
        }
        StapSoort::Afspraken => {
            keuze::afspraken(g, con)?;
            notities::notes(g, con, &stap)?;
        }
        StapSoort::Evaluatie => {
            keuze::evaluaties(g, con)?;
            notities::notes(g, con, &stap)?;
        }
    }
    Ok(Done::Next)
}

/// The items a picker offers, with whether each is ticked, its ids, and what the
/// search matches on (labels and synonyms, as in the full-screen app).
fn picker_items(g: &Gesprek, lijst: Lijst) -> (Vec<String>, Vec<Item>) {
    let s = &g.session;
    let tax = &g.data.taxonomy;
    let item = |label: &str, aangevinkt: bool| Item {
        label: label.to_string(),
        detail: String::new(),
        aangevinkt,
    };
    match lijst {
        Lijst::AlActief => g
            .data
            .catalogue
            .erkenningen()
            .map(|o| (o.id.clone(), item(&o.titel, s.doet_al.contains(&o.id))))
            .unzip(),
        Lijst::Eerder => g
            .data
            .catalogue
            .opties
            .iter()
            .map(|o| (o.id.clone(), item(&o.titel, s.eerder.contains(&o.id))))
            .unzip(),
        _ => {
            let kind = lijst.tag_kind().expect("a tag list");
            tax.list(kind)
                .iter()
                .map(|e| (e.id.clone(), item(&e.label, s.has_tag(kind, &e.id))))
                .unzip()
        }
    }
}

fn searcher_for(g: &Gesprek, lijst: Lijst) -> Searcher {
    let tax = &g.data.taxonomy;
    match lijst {
        // The same options in the same order as the list, so a hit's number is the item's.
        Lijst::AlActief => Searcher::new(&crate::core::catalogue::Catalogue {
            opties: g.data.catalogue.erkenningen().cloned().collect(),
            ..Default::default()
        }),
        Lijst::Eerder => Searcher::new(&g.data.catalogue),
        _ => Searcher::for_entries(tax.list(lijst.tag_kind().expect("a tag list"))),
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

/// A list to tick and untick, read ten at a time and searchable; asked again until
/// Enter, so a mistake can be undone at once by typing the same number. A list that
/// was already answered reads only what is ticked, not the whole list again.
fn picker(g: &mut Gesprek, con: &mut Console, lijst: Lijst) -> Ask<()> {
    let (ids, mut items) = picker_items(g, lijst);
    let naam = lijst.label();
    con.blank()?;
    if items.is_empty() {
        con.say(&format!("{naam}: deze lijst is leeg."))?;
        return Ok(());
    }
    let searcher = searcher_for(g, lijst);
    let mut view = lijst::Lijst::new(naam, &searcher, false);
    // A long list of which something is ticked starts with what is ticked: that is
    // what the listener needs to hear again, not 94 titles.
    let ticked = items.iter().any(|i| i.aangevinkt);
    if ticked {
        con.say(&lijst::aangevinkt(naam, &items))?;
    }
    let mut eerste = !ticked;
    loop {
        match view.vraag(con, &items, eerste)? {
            Antwoord::Klaar => return Ok(()),
            Antwoord::Uitleg(_) => {}
            Antwoord::Nummers(picked) => {
                for i in picked {
                    let id = &ids[i];
                    let s = &mut g.session;
                    match lijst.tag_kind() {
                        Some(kind) => {
                            s.toggle_tag(kind, id);
                        }
                        None if lijst == Lijst::AlActief => toggle(&mut s.doet_al, id),
                        None => toggle(&mut s.eerder, id),
                    }
                }
                g.save(con)?;
                items = picker_items(g, lijst).1;
                con.say(&lijst::aangevinkt(naam, &items))?;
            }
        }
        eerste = false;
    }
}

/// With two wensen or more, asks which one the client finds most important: it weighs
/// more in the suggestions. Enter keeps the current one (the first, unless marked).
fn hoofddoel(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    let wensen = g.session.wensen.clone();
    if wensen.len() < 2 {
        return Ok(());
    }
    let tax = &g.data.taxonomy;
    let labels: Vec<String> = wensen
        .iter()
        .map(|w| {
            tax.label(crate::core::taxonomy::TagKind::Wens, w)
                .to_string()
        })
        .collect();
    let nu = crate::core::matching::Profiel::from(&g.session)
        .hoofddoel()
        .and_then(|h| wensen.iter().position(|w| w == h))
        .unwrap_or(0);
    con.say("Welke wens is het belangrijkst voor de klant?")?;
    for (i, label) in labels.iter().enumerate() {
        con.say(&format!("{}. {label}", i + 1))?;
    }
    let n = wensen.len();
    let prompt = format!("Typ het nummer; Enter = {}.", labels[nu]);
    let keuze = con.ask_valid(&prompt, |t| {
        if t.is_empty() {
            return Ok(None);
        }
        t.parse::<usize>()
            .ok()
            .filter(|k| (1..=n).contains(k))
            .map(|k| Some(k - 1))
            .ok_or_else(|| format!("Typ een nummer van 1 tot en met {n}, of Enter."))
    })?;
    if let Some(i) = keuze {
        g.session.hoofdwens = Some(wensen[i].clone());
        g.save(con)?;
        con.say(&format!("Hoofddoel: {}.", labels[i]))?;
    }
    Ok(())
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
