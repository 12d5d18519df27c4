//! Lists a listener can keep up with: read ten items at a time (`meer` reads on,
//! `opnieuw` repeats), filtered by typing a word the way the full-screen app filters
//! (`core::search`: é = e, typos allowed), and always ending with the list's name and
//! its number of items. Numbers stay the same whatever the filter, so "3" means the same
//! item before and after searching.

use super::prompt::{Ask, Console, Soort, numbers};
use crate::core::search::Searcher;

/// How many items are read at once: about half a minute of listening.
pub const PAGINA: usize = 10;

/// One item of a list as it is read.
#[derive(Debug, Clone)]
pub struct Item {
    pub label: String,
    /// Read after the label on the same line ("past bij wens Koken").
    pub detail: String,
    pub aangevinkt: bool,
}

/// What the listener asked for at a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Antwoord {
    /// Enter on an empty line: done with this list.
    Klaar,
    /// Numbers (zero-based, in list order) to tick or untick.
    Nummers(Vec<usize>),
    /// `uitleg N`: the full explanation of one item (zero-based).
    Uitleg(usize),
}

/// A list being read: the items in view (after a filter) and how far it has been read.
pub struct Lijst<'s> {
    naam: String,
    searcher: &'s Searcher,
    /// Indices of the items in view, in reading order.
    view: Vec<usize>,
    /// How many of the view have been read.
    gelezen: usize,
    /// Whether `uitleg N` is offered.
    met_uitleg: bool,
}

impl<'s> Lijst<'s> {
    pub fn new(naam: &str, searcher: &'s Searcher, met_uitleg: bool) -> Lijst<'s> {
        Lijst {
            naam: naam.to_string(),
            searcher,
            view: (0..searcher.len()).collect(),
            gelezen: 0,
            met_uitleg,
        }
    }

    /// Reads the next page of the view.
    fn lees(&mut self, con: &mut Console, items: &[Item]) -> Ask<()> {
        let start = self.gelezen.min(self.view.len());
        let end = (start + PAGINA).min(self.view.len());
        for &i in &self.view[start..end] {
            let item = &items[i];
            let mark = if item.aangevinkt { ", aangevinkt" } else { "" };
            let detail = if item.detail.is_empty() {
                String::new()
            } else {
                format!(". {}", item.detail)
            };
            con.say(&format!("{}. {}{mark}{detail}", i + 1, item.label))?;
        }
        self.gelezen = end;
        self.einde(con)
    }

    /// The line that closes what was read: the list's name and its size, and whether
    /// there is more.
    fn einde(&self, con: &mut Console) -> Ask<()> {
        let total = self.searcher.len();
        let deel = if self.view.len() == total {
            format!("{total} items")
        } else {
            format!("{} van de {total} items gevonden", self.view.len())
        };
        if self.gelezen < self.view.len() {
            con.say(&format!(
                "{}, {deel}; {} voorgelezen. Typ meer voor de volgende {}.",
                self.naam,
                self.gelezen,
                PAGINA.min(self.view.len() - self.gelezen)
            ))?;
        } else {
            con.say(&format!("Einde van de lijst {}, {deel}.", self.naam))?;
        }
        Ok(())
    }

    /// Reads the first page and then asks until the listener types numbers, `uitleg N`
    /// or Enter. Filtering, `meer`, `opnieuw` and `alles` are handled here.
    pub fn vraag(&mut self, con: &mut Console, items: &[Item], eerste: bool) -> Ask<Antwoord> {
        if eerste {
            self.lees(con, items)?;
        }
        let uitleg = if self.met_uitleg {
            ", uitleg en een nummer voor de redenen"
        } else {
            ""
        };
        let prompt = format!(
            "{}: typ nummers om aan of uit te vinken, een woord om te zoeken, meer, opnieuw{uitleg}. Enter gaat verder.",
            self.naam
        );
        let hulp = "Bij een lijst: nummers, gescheiden door spaties, vinken aan of uit. Een woord zoekt in de lijst; alles toont weer de hele lijst. meer leest de volgende tien, opnieuw leest ze nog eens. Enter op een lege regel gaat verder.";
        loop {
            let line = con.ask_with(&prompt, Soort::Kort, hulp, false)?;
            let t = line.trim().to_lowercase();
            match t.as_str() {
                "" => return Ok(Antwoord::Klaar),
                "meer" if self.gelezen >= self.view.len() => {
                    con.say(&format!(
                        "Er is niet meer. Typ opnieuw om de lijst {} nog eens te horen.",
                        self.naam
                    ))?;
                }
                "meer" => self.lees(con, items)?,
                "opnieuw" => {
                    self.gelezen = self.gelezen.saturating_sub(1) / PAGINA * PAGINA;
                    self.lees(con, items)?;
                }
                "alles" => {
                    self.view = (0..self.searcher.len()).collect();
                    self.gelezen = 0;
                    self.lees(con, items)?;
                }
                _ => {
                    if let Some(n) = t.strip_prefix("uitleg ").filter(|_| self.met_uitleg) {
                        match n.trim().parse::<usize>() {
                            Ok(n) if (1..=items.len()).contains(&n) => {
                                return Ok(Antwoord::Uitleg(n - 1));
                            }
                            _ => con.say(&format!(
                                "Typ uitleg en een nummer van 1 tot en met {}.",
                                items.len()
                            ))?,
                        }
                        continue;
                    }
                    if t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                        match numbers(&t, items.len()) {
                            Ok(n) => return Ok(Antwoord::Nummers(n)),
                            Err(msg) => con.say(&msg)?,
                        }
                        continue;
                    }
                    self.zoek(con, items, line.trim())?;
                }
            }
        }
    }

    /// Filters the list on a word; a word that matches nothing keeps the list as it was.
    fn zoek(&mut self, con: &mut Console, items: &[Item], woord: &str) -> Ask<()> {
        let hits: Vec<usize> = self
            .searcher
            .search(woord)
            .iter()
            .map(|h| h.index)
            .collect();
        if hits.is_empty() {
            con.say(&format!(
                "Niets gevonden voor {woord} in {}. Typ een ander woord, of alles voor de hele lijst.",
                self.naam
            ))?;
            return Ok(());
        }
        con.say(&format!("Gezocht op {woord}:"))?;
        self.view = hits;
        self.gelezen = 0;
        self.lees(con, items)
    }
}

/// The line said after a change: what is ticked now, by name.
pub fn aangevinkt(naam: &str, items: &[Item]) -> String {
    let now: Vec<&str> = items
        .iter()
        .filter(|i| i.aangevinkt)
        .map(|i| i.label.as_str())
        .collect();
    if now.is_empty() {
        format!("{naam}: niets aangevinkt.")
    } else {
        format!("{naam} aangevinkt: {}.", now.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::taxonomy::Entry;
    use std::io::Cursor;

    fn entries(n: usize) -> Vec<Entry> {
        (0..n)
            .map(|i| Entry {
                id: format!("e{i}"),
                label: if i == 12 {
                    "Café helpen".into()
                } else {
                    format!("Optie {i}")
                },
                omschrijving: String::new(),
                groep: String::new(),
                synoniemen: Vec::new(),
                ..Default::default()
            })
            .collect()
    }

    fn run(input: &str, n: usize) -> (Vec<Antwoord>, String) {
        let es = entries(n);
        let searcher = Searcher::for_entries(&es);
        let items: Vec<Item> = es
            .iter()
            .map(|e| Item {
                label: e.label.clone(),
                detail: String::new(),
                aangevinkt: false,
            })
            .collect();
        let mut input = Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        let mut con = Console::new(&mut input, &mut out);
        let mut lijst = Lijst::new("Wensen", &searcher, true);
        let mut got = Vec::new();
        let mut eerste = true;
        while let Ok(a) = lijst.vraag(&mut con, &items, eerste) {
            eerste = false;
            let klaar = a == Antwoord::Klaar;
            got.push(a);
            if klaar {
                break;
            }
        }
        (got, String::from_utf8(out).unwrap())
    }

    #[test]
    fn reads_ten_at_a_time_and_names_the_list_at_the_end() {
        let (got, text) = run("meer\nmeer\nopnieuw\n\n", 25);
        assert_eq!(got, vec![Antwoord::Klaar]);
        assert!(
            text.contains(
                "10. Optie 9\nWensen, 25 items; 10 voorgelezen. Typ meer voor de volgende 10."
            ),
            "{text}"
        );
        assert!(
            text.contains("25. Optie 24\nEinde van de lijst Wensen, 25 items."),
            "{text}"
        );
        assert_eq!(
            text.matches("21. Optie 20").count(),
            2,
            "opnieuw repeats the last page:\n{text}"
        );
        assert!(!text.contains("26."), "{text}");
    }

    #[test]
    fn a_word_filters_with_folding_and_typos_and_numbers_stay() {
        let (got, text) = run("cafe\ncfae\nxyzzy\n13\nuitleg 13\n\n", 30);
        assert!(text.contains("Gezocht op cafe:\n13. Café helpen\nEinde van de lijst Wensen, 1 van de 30 items gevonden."), "{text}");
        assert!(
            text.contains("Niets gevonden voor xyzzy in Wensen."),
            "{text}"
        );
        assert_eq!(
            got,
            vec![
                Antwoord::Nummers(vec![12]),
                Antwoord::Uitleg(12),
                Antwoord::Klaar
            ]
        );
    }

    #[test]
    fn unknown_numbers_are_refused_with_a_sentence() {
        let (got, text) = run("99\nuitleg 0\n\n", 3);
        assert!(text.contains("Onbekend nummer: 99"), "{text}");
        assert!(
            text.contains("Typ uitleg en een nummer van 1 tot en met 3."),
            "{text}"
        );
        assert_eq!(got, vec![Antwoord::Klaar]);
    }
}
