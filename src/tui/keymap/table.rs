//! The key table for people: every command with its keys and where they work, made
//! from the active keymap. The README's table is this table (a test compares them), so
//! the documentation cannot drift from the keys.

use super::super::action::Command;
use super::{ALL_CTX, Ctx, GESPREK, Keymap, SCREENS};

/// Where a context is, in the words of the screens.
fn ctx_name(ctx: Ctx) -> &'static str {
    match ctx {
        Ctx::Start => "start",
        Ctx::StartFilter => "start (zoeken)",
        Ctx::Notes => "notities",
        Ctx::Picker => "keuzelijst",
        Ctx::Form => "formulier",
        Ctx::Suggestions => "mogelijkheden",
        Ctx::Search => "catalogus zoeken",
        Ctx::Review => "plan controleren",
        Ctx::Help => "toetsenlijst",
        Ctx::Jump => "naar stap",
        Ctx::Toelichting => "toelichting, plan lezen",
        Ctx::Confirm => "vraag: concept verwijderen",
        Ctx::Bsn => "vraag: BSN",
        Ctx::Gate => "vraag: als concept opslaan",
        Ctx::Bijzonder => "vraag: bijzondere gegevens",
        Ctx::PlanTekst => "tekst van het plan",
        Ctx::Gemeente => "nieuw gesprek: gemeente",
        Ctx::Tally => "turven",
        Ctx::Onbewaard => "vraag: niet opgeslagen",
        Ctx::Bewaartermijn => "bewaartermijn verstreken",
        Ctx::Globals => "globale scores",
        Ctx::Presentatie => "projector",
        Ctx::OefenStoppen => "vraag: oefening stoppen",
        Ctx::OefenVerlaten => "vraag: oefenen verlaten",
        Ctx::OptieForm => "catalogusformulier",
        Ctx::OptieLijst => "catalogusformulier (lijst)",
        Ctx::OptieVraag => "vraag: catalogus",
        Ctx::TermForm => "nieuwe wens of belemmering",
        Ctx::Verborgen => "verborgen opties",
    }
}

/// One row: the keys (as written in `toetsen.ron`), the command, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub keys: Vec<String>,
    pub cmd: Command,
    pub waar: String,
}

/// The rows, one per command and set of keys, in the keymap's order.
pub fn rows(map: &Keymap) -> Vec<Row> {
    let mut out: Vec<(Vec<String>, Command, Vec<Ctx>)> = Vec::new();
    for b in &map.bindings {
        if b.keys.is_empty() {
            continue;
        }
        match out
            .iter_mut()
            .find(|(keys, cmd, _)| *cmd == b.cmd && *keys == b.keys)
        {
            Some((_, _, ctxs)) => {
                for c in b.ctx {
                    if !ctxs.contains(c) {
                        ctxs.push(*c);
                    }
                }
            }
            None => out.push((b.keys.clone(), b.cmd, b.ctx.to_vec())),
        }
    }
    out.into_iter()
        .map(|(keys, cmd, mut ctxs)| {
            ctxs.sort_by_key(|c| ALL_CTX.iter().position(|x| x == c));
            let has = |set: &[Ctx]| set.iter().all(|c| ctxs.contains(c));
            let waar = if has(SCREENS) {
                "overal".to_string()
            } else if has(GESPREK) && ctxs.len() == GESPREK.len() {
                "in een gesprek".to_string()
            } else {
                ctxs.iter()
                    .map(|c| ctx_name(*c))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            Row { keys, cmd, waar }
        })
        .collect()
}

/// The table in Markdown, as the README has it.
pub fn markdown(map: &Keymap) -> String {
    let mut out = String::from("| toets | wat het doet | waar |\n|---|---|---|\n");
    for r in rows(map) {
        let keys: Vec<String> = r.keys.iter().map(|k| format!("`{k}`")).collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            keys.join(" / "),
            r.cmd.label(),
            r.waar
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's key table is the default keymap's: rewrite it with
    /// `MEEDOEN_GOLDEN=bless cargo test readme` after changing a key.
    #[test]
    fn the_readme_key_table_matches_the_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (start, end) = ("<!-- toetsen: begin -->\n", "<!-- toetsen: einde -->");
        let from = readme
            .find(start)
            .expect("README has the key table markers")
            + start.len();
        let to = readme.find(end).expect("README has the end marker");
        let table = markdown(&Keymap::default());
        if std::env::var("MEEDOEN_GOLDEN").as_deref() == Ok("bless") {
            let new = format!("{}{table}{}", &readme[..from], &readme[to..]);
            std::fs::write(path, new).unwrap();
            return;
        }
        assert_eq!(
            readme[from..to],
            table,
            "the README's key table differs from the keymap; bless it after checking"
        );
    }

    #[test]
    fn a_remapped_key_shows_in_the_table() {
        let src = crate::core::data::Source::new(
            "toetsen.ron",
            "(toetsen: [(opdracht: Exporteren, toetsen: [\"F9\"])])",
        );
        let map = Keymap::from_source(&src).unwrap().value;
        let row = rows(&map)
            .into_iter()
            .find(|r| r.cmd == Command::Exporteren)
            .unwrap();
        assert_eq!(row.keys, ["F9"]);
        assert_eq!(row.waar, "plan controleren");
    }
}
