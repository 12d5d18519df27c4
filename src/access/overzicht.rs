//! What the line mode reads instead of a whole plan: the six-line summary before saving,
//! `/overzicht` (the summary with every afspraak), and the step titles `/ga` offers. Pure
//! functions of the session and its data, so they are tested without a console.

use chrono::NaiveDate;

use crate::core::data::Data;
use crate::core::datum::in_words;
use crate::core::route::{self, Page};
use crate::core::session::Session;
use crate::core::taxonomy::TagKind;

/// Labels of the ticked tags of one kind, in the order they were ticked.
fn labels(data: &Data, session: &Session, kind: TagKind) -> Vec<String> {
    let ids = match kind {
        TagKind::Wens => &session.wensen,
        TagKind::Kracht => &session.krachten,
        TagKind::Belemmering => &session.belemmeringen,
    };
    ids.iter()
        .map(|id| {
            data.taxonomy
                .list(kind)
                .iter()
                .find(|e| &e.id == id)
                .map_or(id.clone(), |e| e.label.clone())
        })
        .collect()
}

/// "Koken, Buiten werken" or "geen".
fn opsomming(items: &[String]) -> String {
    if items.is_empty() {
        "geen".to_string()
    } else {
        items.join(", ")
    }
}

fn datum(d: Option<NaiveDate>) -> String {
    d.map_or("niet ingevuld".to_string(), in_words)
}

/// Six lines: who and when, the tags, what was chosen, the afspraken and hours, the
/// dates, and the agreement. Read before the question whether to save.
pub fn samenvatting(data: &Data, session: &Session) -> Vec<String> {
    let gekozen: Vec<String> = session
        .gekozen
        .iter()
        .map(|id| {
            data.catalogue.find(id).map_or_else(
                || session.titels.get(id).cloned().unwrap_or(id.clone()),
                |o| o.titel.clone(),
            )
        })
        .collect();
    let afspraken = session.afspraken.iter().filter(|a| !a.is_empty()).count();
    let uren = session
        .uren_per_week
        .map_or("geen uren ingevuld".to_string(), |u| {
            format!("{u} uur per week")
        });
    vec![
        format!(
            "Gesprek met {} op {}.",
            if session.klant.trim().is_empty() {
                "een klant zonder naam"
            } else {
                session.klant.trim()
            },
            in_words(session.datum)
        ),
        format!(
            "Wensen: {}. Krachten: {}. Belemmeringen: {}.",
            opsomming(&labels(data, session, TagKind::Wens)),
            opsomming(&labels(data, session, TagKind::Kracht)),
            opsomming(&labels(data, session, TagKind::Belemmering)),
        ),
        format!("Gekozen: {}.", opsomming(&gekozen)),
        format!(
            "{} {}, {uren}.",
            afspraken,
            if afspraken == 1 {
                "afspraak"
            } else {
                "afspraken"
            }
        ),
        format!(
            "Start {}, evaluatie {}, volgend contact {}.",
            datum(session.startdatum),
            datum(session.evaluatiedatum),
            datum(session.volgend_contact)
        ),
        format!("Akkoord van de klant: {}.", session.akkoord.label()),
    ]
}

/// `/overzicht`: the summary, with every afspraak on its own line.
pub fn overzicht(data: &Data, session: &Session) -> String {
    let mut lines = vec!["Overzicht van wat er is ingevuld.".to_string()];
    lines.extend(samenvatting(data, session));
    for (i, a) in session
        .afspraken
        .iter()
        .filter(|a| !a.is_empty())
        .enumerate()
    {
        lines.push(format!(
            "Afspraak {}: {}.",
            i + 1,
            super::keuze::beschrijf(a)
        ));
    }
    lines.push("Einde van het overzicht.".to_string());
    lines.join("\n")
}

/// The title of every page `/ga` can reach, in order: the details, the visible steps,
/// and the plan.
pub fn stappen(data: &Data, session: &Session) -> Vec<String> {
    route::pages(&data.script, session)
        .iter()
        .map(|p| match p {
            Page::Gegevens => "Gegevens".to_string(),
            Page::Step(id) => data
                .script
                .step(id)
                .map_or(id.clone(), |r| r.stap.titel.clone()),
            Page::Review => "Plan opslaan".to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Afspraak;

    fn data() -> Data {
        crate::store::assets::load(None).unwrap()
    }

    #[test]
    fn the_summary_is_six_lines_with_labels_and_dates_in_words() {
        let data = data();
        let mut s = Session::new(
            "x".into(),
            NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
            "intake",
        );
        s.klant = "A.B.".into();
        s.wensen.push(data.taxonomy.wensen[0].id.clone());
        s.gekozen.push(data.catalogue.opties[0].id.clone());
        s.evaluatiedatum = NaiveDate::from_ymd_opt(2027, 3, 1);
        s.afspraken.push(Afspraak {
            wat: "Bellen".into(),
            wie: "klant".into(),
            ..Afspraak::default()
        });
        let lines = samenvatting(&data, &s);
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[0], "Gesprek met A.B. op 10 december 2026.");
        assert!(
            lines[1].contains(&data.taxonomy.wensen[0].label),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("Belemmeringen: geen."), "{}", lines[1]);
        assert_eq!(
            lines[2],
            format!("Gekozen: {}.", data.catalogue.opties[0].titel)
        );
        assert_eq!(lines[3], "1 afspraak, geen uren ingevuld.");
        assert_eq!(
            lines[4],
            "Start niet ingevuld, evaluatie 1 maart 2027, volgend contact niet ingevuld."
        );
        let o = overzicht(&data, &s);
        assert!(o.contains("Afspraak 1: Bellen (klant)."), "{o}");
        let st = stappen(&data, &s);
        assert_eq!(st.first().map(String::as_str), Some("Gegevens"));
        assert_eq!(st.last().map(String::as_str), Some("Plan opslaan"));
    }
}
