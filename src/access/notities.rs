//! Notes at a step in the line mode: typed a line at a time, each line saved as soon as
//! it is typed; every line is text (also "stop" or "terug"), only `/` lines are
//! commands. `/wijzig` replaces or clears a note, after reading it back; a long note is
//! read back only in part, but always kept whole.

use super::Gesprek;
use super::prompt::{Ask, Console, Soort, Stop};
use crate::core::script::Stap;

/// Above this many characters a note is not read back whole: a pasted page would cost
/// minutes of listening. It is kept whole, in the draft and in the plan.
const VOORLEZEN_MAX: usize = 400;

/// Reads a note back, or its beginning if it is long.
fn lees_notitie(con: &mut Console, label: &str, note: &str) -> Ask<()> {
    let chars = note.chars().count();
    if chars <= VOORLEZEN_MAX {
        con.say(&format!("{label}, wat er staat:"))?;
        con.say(note)?;
    } else {
        let begin: String = note.chars().take(VOORLEZEN_MAX).collect();
        con.say(&format!(
            "{label}, de eerste {VOORLEZEN_MAX} van {chars} tekens:"
        ))?;
        con.say(&begin)?;
    }
    Ok(())
}

/// Multi-line notes: lines until an empty line. Each line is added and saved as soon as
/// it is typed, so even a note cut off halfway is on disk. `/wijzig` replaces or clears
/// the note.
pub(super) fn notes(g: &mut Gesprek, con: &mut Console, stap: &Stap) -> Ask<()> {
    let label = stap.notitie_label.clone();
    // The Samenvatten step starts with a draft summary to read back, as in the app.
    if let Some(concept) = crate::core::sectie::voorzet(&g.session, &g.data, &stap.id) {
        g.session.set_note(&stap.id, concept);
        g.save(con)?;
        con.say("Een voorzet om voor te lezen staat al in de notitie; /wijzig past hem aan.")?;
    }
    let existing = g.session.note(&stap.id).to_string();
    if !existing.is_empty() {
        lees_notitie(con, &label, &existing)?;
    }
    let hulp = format!(
        "{label}: elke regel die u typt wordt toegevoegd, ook een regel als stop of terug. Een lege regel gaat verder. /wijzig vervangt of wist de notitie."
    );
    loop {
        let has_note = !g.session.note(&stap.id).is_empty();
        let prompt = if has_note {
            format!("{label}, volgende regel. Enter op een lege regel gaat verder:")
        } else {
            format!("{label}. Typ uw notitie; Enter op een lege regel slaat over:")
        };
        let line = match con.ask_with(&prompt, Soort::Tekst, &hulp, true) {
            Ok(line) => line,
            Err(Stop::Wijzig) if !has_note => {
                con.say("Bij deze stap staat nog geen notitie. Typ gewoon uw tekst.")?;
                continue;
            }
            Err(Stop::Wijzig) => {
                wijzig_notitie(g, con, stap)?;
                continue;
            }
            Err(e) => return Err(e),
        };
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
        if line.chars().count() > VOORLEZEN_MAX * 10 {
            con.say(&format!(
                "Die regel is erg lang ({} tekens). Hij is helemaal bewaard.",
                line.chars().count()
            ))?;
        }
    }
}

/// `/wijzig` at a note: the note is read back, then replaced by what is typed next, or
/// cleared after confirmation.
fn wijzig_notitie(g: &mut Gesprek, con: &mut Console, stap: &Stap) -> Ask<()> {
    let label = stap.notitie_label.clone();
    lees_notitie(con, &label, g.session.note(&stap.id))?;
    let nieuw = con.ask_text(
        &format!("Nieuwe tekst voor {label}; die vervangt alles wat er stond. Typ /terug om niets te veranderen, of wis om de notitie te wissen:"),
        "Wat u nu typt vervangt de hele notitie. Daarna kunt u regels toevoegen.",
    );
    match nieuw {
        Err(Stop::Back) => con.say("Er is niets veranderd.")?,
        Ok(t) if t.trim().eq_ignore_ascii_case("wis") => {
            let zeker = con.ask_valid(
                &format!("Weet u zeker dat {label} helemaal weg moet? Typ ja om te wissen, nee om te houden:"),
                |t| match t.to_lowercase().as_str() {
                    "ja" | "j" => Ok(true),
                    "nee" | "n" | "" => Ok(false),
                    _ => Err("Typ ja of nee.".to_string()),
                },
            )?;
            if zeker {
                g.session.set_note(&stap.id, String::new());
                g.save(con)?;
                con.say(&format!("{label} is gewist."))?;
            } else {
                con.say("Er is niets veranderd.")?;
            }
        }
        Ok(t) if t.trim().is_empty() => con.say("Er is niets veranderd.")?,
        Ok(t) => {
            g.session.set_note(&stap.id, t);
            g.save(con)?;
            con.say(&format!("{label} is vervangen."))?;
        }
        Err(e) => return Err(e),
    }
    Ok(())
}
