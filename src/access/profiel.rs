//! Choosing the gemeente profile for a new gesprek in the line mode, for a practice that
//! works for several gemeenten (`gemeenten/<naam>.ron`). The default is the profile of
//! the newest saved gesprek, or the only one; with no profiles nothing is asked.

use std::path::PathBuf;

use super::prompt::{Ask, Console};
use crate::app::bundle::Profiel;
use crate::app::gesprek::{self, profiel_naam as naam};
use crate::core::session::Session;

/// Asks which gemeente applies; Enter takes the default. `None` when there are no
/// profiles (the single `gemeente.ron` applies).
pub fn kies<'p>(
    con: &mut Console,
    profielen: &'p [Profiel],
    klanten: &[(PathBuf, Session)],
) -> Ask<Option<&'p Profiel>> {
    let standaard = gesprek::standaard_profiel(
        profielen,
        klanten
            .iter()
            .map(|(_, s)| (s.datum, s.gemeente.as_deref())),
    );
    let Some(standaard) = standaard else {
        return Ok(None);
    };
    if profielen.len() == 1 {
        con.say(&format!("Gemeente: {}.", naam(standaard)))?;
        return Ok(Some(standaard));
    }
    con.say("Voor welke gemeente is dit gesprek?")?;
    for (i, p) in profielen.iter().enumerate() {
        con.say(&format!("{}. {}", i + 1, naam(p)))?;
    }
    let count = profielen.len();
    let prompt = format!(
        "Typ een nummer. Enter: {} ({}).",
        naam(standaard),
        profielen.iter().position(|p| p == standaard).unwrap_or(0) + 1
    );
    let keuze = con.ask_valid(&prompt, |t| {
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(Some(n - 1)),
            _ => Err(format!(
                "Typ een nummer van 1 tot en met {count}, of alleen Enter."
            )),
        }
    })?;
    let gekozen = keuze.map_or(standaard, |i| &profielen[i]);
    con.say(&format!("Gemeente: {}.", naam(gekozen)))?;
    Ok(Some(gekozen))
}
