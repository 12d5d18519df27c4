//! The vervolggesprek: opening a saved plan, looking back on each afspraak, and making the
//! next plan version that refers to the previous one. Follow-up after the plan is signed is
//! the admitted weak spot in every city (research §3, `001:L1149–1151`, `001:L1401–1403`),
//! so this module also says which clients' next contact is due.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::gemeente::Gemeente;
use super::session::{Afspraak, Akkoord, Session};

/// The plan a vervolggesprek follows up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VorigPlan {
    /// Id of the previous session.
    pub id: String,
    pub datum: NaiveDate,
    pub versie: u32,
    /// The options chosen in that plan: what the client has started since, which the new
    /// plan names under "wat u al doet" while they stay chosen.
    #[serde(default)]
    pub gekozen: Vec<String>,
}

/// How an afspraak went, in the client's and consultant's judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    Nagekomen,
    Deels,
    Niet,
    #[default]
    NogNietBesproken,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Nagekomen,
        Status::Deels,
        Status::Niet,
        Status::NogNietBesproken,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::Nagekomen => "nagekomen",
            Status::Deels => "deels",
            Status::Niet => "niet gelukt",
            Status::NogNietBesproken => "nog niet besproken",
        }
    }

    /// Cycles through the values, for a single-key toggle (like `Akkoord::next`).
    pub fn next(self) -> Status {
        match self {
            Status::NogNietBesproken => Status::Nagekomen,
            Status::Nagekomen => Status::Deels,
            Status::Deels => Status::Niet,
            Status::Niet => Status::NogNietBesproken,
        }
    }
}

impl Status {
    /// Whether an afspraak with this status needs a decision on how to go on: one not
    /// kept, or kept only partly, must not silently drop out of the new plan.
    pub fn vraagt_besluit(self) -> bool {
        matches!(self, Status::Deels | Status::Niet)
    }
}

/// What happens next with an afspraak that was not kept, or only partly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Besluit {
    /// The afspraak stays as it is.
    Doorgaan,
    /// The afspraak changes; the new plan has the changed version.
    Aanpassen,
    /// The afspraak ends.
    Stoppen,
}

impl Besluit {
    /// Short label for the form.
    pub fn label(self) -> &'static str {
        match self {
            Besluit::Doorgaan => "doorgaan",
            Besluit::Aanpassen => "aanpassen",
            Besluit::Stoppen => "stoppen",
        }
    }

    /// The sentence for the client's plan.
    pub fn plan_tekst(self) -> &'static str {
        match self {
            Besluit::Doorgaan => "We gaan ermee door.",
            Besluit::Aanpassen => {
                "We passen de afspraak aan. De nieuwe afspraak staat bij uw afspraken."
            }
            Besluit::Stoppen => "We stoppen met deze afspraak.",
        }
    }

    /// Cycles not decided → doorgaan → aanpassen → stoppen → not decided, for one key.
    pub fn next(current: Option<Besluit>) -> Option<Besluit> {
        match current {
            None => Some(Besluit::Doorgaan),
            Some(Besluit::Doorgaan) => Some(Besluit::Aanpassen),
            Some(Besluit::Aanpassen) => Some(Besluit::Stoppen),
            Some(Besluit::Stoppen) => None,
        }
    }
}

/// One afspraak of the previous plan, looked back on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AfspraakEvaluatie {
    pub afspraak: Afspraak,
    pub status: Status,
    /// What helped, preferably in the client's words.
    pub hielp: String,
    /// What got in the way ("niet willen" may be "niet kunnen": `001:L944`).
    pub lastig: String,
    /// For an afspraak not kept or partly kept: how to go on.
    pub besluit: Option<Besluit>,
    /// Why, in words the client reads in the plan.
    pub reden: String,
}

/// Afspraken of the previous plan still waiting for a decision (not kept or partly kept,
/// and no decision with a reason yet), as Dutch lines for a message.
pub fn onbesloten(session: &Session) -> Vec<String> {
    session
        .evaluaties
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.status.vraagt_besluit() && (e.besluit.is_none() || e.reden.trim().is_empty())
        })
        .map(|(i, e)| {
            format!(
                "afspraak {} ‘{}’ ({}): {}",
                i + 1,
                e.afspraak.wat.trim(),
                e.status.label(),
                if e.besluit.is_none() {
                    "doorgaan, aanpassen of stoppen?"
                } else {
                    "waarom?"
                }
            )
        })
        .collect()
}

/// The session for a vervolggesprek on `previous`: the same client, tags, choices and
/// hours, the previous afspraken turned into evaluations (all not discussed yet), no
/// afspraken of its own yet (those are made in the gesprek), the next plan version, and
/// dates proposed afresh from the vervolg date and the municipality's intervals (the old
/// start date lies in the past). Notes, agreement and the tally start empty: this is a
/// new gesprek.
pub fn start_vervolg(
    previous: &Session,
    new_id: String,
    today: NaiveDate,
    script_id: &str,
    gemeente: &Gemeente,
) -> Session {
    let mut s = Session::new(new_id, today, script_id);
    s.klant = previous.klant.clone();
    s.consulent = previous.consulent.clone();
    s.plaats = previous.plaats.clone();
    // The same gemeente's rules as the plan it follows up.
    s.gemeente = previous.gemeente.clone();
    s.leeftijd = previous.leeftijd;
    s.wensen = previous.wensen.clone();
    s.krachten = previous.krachten.clone();
    s.belemmeringen = previous.belemmeringen.clone();
    s.aanpak = previous.aanpak.clone();
    s.eerder = previous.eerder.clone();
    s.actief = previous.actief.clone();
    s.doet_al = previous.doet_al.clone();
    s.hoofdwens = previous.hoofdwens.clone();
    s.zorguren = previous.zorguren;
    s.uren_kan = previous.uren_kan;
    s.gekozen = previous.gekozen.clone();
    s.uren_per_week = previous.uren_per_week;
    s.uren_toelichting = previous.uren_toelichting.clone();
    s.startdatum = Some(today);
    s.evaluaties = previous
        .afspraken
        .iter()
        .filter(|a| !a.is_empty())
        .map(|a| AfspraakEvaluatie {
            afspraak: a.clone(),
            ..AfspraakEvaluatie::default()
        })
        .collect();
    s.vervolg_op = Some(VorigPlan {
        id: previous.id.clone(),
        datum: previous.datum,
        versie: previous.plan_versie,
        gekozen: previous.gekozen.clone(),
    });
    s.plan_versie = previous.plan_versie.saturating_add(1);
    s.akkoord = Akkoord::Onbekend;
    // A practice vervolg stays practice, so it can never turn into a real client's file.
    s.oefenen = previous.oefenen;
    s.volgend_contact = Some(gemeente.volgend_contact(today));
    s.evaluatiedatum = Some(gemeente.evaluatiedatum(today));
    s
}

/// Evaluations that still need a status, for a "nog te bespreken" hint.
pub fn open_evaluaties(session: &Session) -> usize {
    session
        .evaluaties
        .iter()
        .filter(|e| e.status == Status::NogNietBesproken)
        .count()
}

/// A saved plan's next contact, as the start screen knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gepland {
    /// Session id, to open it.
    pub id: String,
    pub klant: String,
    pub volgend_contact: Option<NaiveDate>,
}

impl Gepland {
    /// The entry for a saved session; `None` for a practice gesprek, which has no real
    /// client to contact.
    pub fn from_session(s: &Session) -> Option<Gepland> {
        (!s.oefenen).then(|| Gepland {
            id: s.id.clone(),
            klant: s.klant.clone(),
            volgend_contact: s.volgend_contact,
        })
    }
}

/// How urgent a contact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Wanneer {
    /// Past the date by this many days (at least 1).
    TeLaat(u64),
    Vandaag,
    /// In this many days (1 to [`BINNENKORT_DAGEN`]).
    Binnenkort(u64),
}

impl Wanneer {
    /// Dutch wording for a list ("3 dagen te laat", "vandaag", "over 1 dag").
    pub fn label(self) -> String {
        let dagen = |n: u64| {
            if n == 1 {
                "1 dag".to_string()
            } else {
                format!("{n} dagen")
            }
        };
        match self {
            Wanneer::TeLaat(n) => format!("{} te laat", dagen(n)),
            Wanneer::Vandaag => "vandaag".to_string(),
            Wanneer::Binnenkort(n) => format!("over {}", dagen(n)),
        }
    }
}

/// How far ahead "binnenkort" reaches.
pub const BINNENKORT_DAGEN: u64 = 7;

/// A client whose next contact is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opvolging {
    pub id: String,
    pub klant: String,
    pub datum: NaiveDate,
    pub wanneer: Wanneer,
}

/// The clients whose next contact is overdue, today or within [`BINNENKORT_DAGEN`] days:
/// most overdue first, then today, then soonest. Plans without a date are left out; when a
/// client has several plans only the newest should be passed in (the caller knows which).
pub fn due(plannen: &[Gepland], today: NaiveDate) -> Vec<Opvolging> {
    let mut out: Vec<Opvolging> = plannen
        .iter()
        .filter_map(|p| {
            let datum = p.volgend_contact?;
            let days = (datum - today).num_days();
            let wanneer = match days {
                d if d < 0 => Wanneer::TeLaat(d.unsigned_abs()),
                0 => Wanneer::Vandaag,
                d if d as u64 <= BINNENKORT_DAGEN => Wanneer::Binnenkort(d as u64),
                _ => return None,
            };
            Some(Opvolging {
                id: p.id.clone(),
                klant: p.klant.clone(),
                datum,
                wanneer,
            })
        })
        .collect();
    // Sorting by date puts the most overdue first and the furthest ahead last.
    out.sort_by(|a, b| a.datum.cmp(&b.datum).then_with(|| a.klant.cmp(&b.klant)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn afspraak(wat: &str) -> Afspraak {
        Afspraak {
            wat: wat.into(),
            wie: "klant".into(),
            wanneer: "december".into(),
        }
    }

    fn previous() -> Session {
        let mut p = Session::new("p1".into(), date(2026, 11, 2), "intake");
        p.klant = "A.B.".into();
        p.afspraken = vec![afspraak("Kennismaken"), Afspraak::default()];
        p.volgend_contact = Some(date(2026, 11, 30));
        p.evaluatiedatum = Some(date(2027, 2, 1));
        p.akkoord = Akkoord::Ja;
        p.set_note("welkom", "privé".into());
        p
    }

    #[test]
    fn vervolg_refers_to_the_previous_plan_and_evaluates_its_afspraken() {
        let p = previous();
        let s = start_vervolg(
            &p,
            "v1".into(),
            date(2026, 12, 1),
            "vervolg",
            &Gemeente::default(),
        );
        assert_eq!(s.plan_versie, 2);
        assert_eq!(
            s.vervolg_op,
            Some(VorigPlan {
                id: "p1".into(),
                datum: date(2026, 11, 2),
                versie: 1,
                gekozen: Vec::new(),
            })
        );
        assert_eq!(s.evaluaties.len(), 1, "the empty afspraak is dropped");
        assert_eq!(s.evaluaties[0].afspraak.wat, "Kennismaken");
        assert_eq!(s.evaluaties[0].status, Status::NogNietBesproken);
        assert!(s.afspraken.is_empty() && s.notities.is_empty());
        assert_eq!(
            (s.akkoord, s.script.as_str()),
            (Akkoord::Onbekend, "vervolg")
        );
        assert_eq!(open_evaluaties(&s), 1);
    }

    #[test]
    fn dates_are_proposed_afresh_from_the_vervolg_date_and_the_gemeente() {
        let p = previous();
        let g = Gemeente {
            contact_na_weken: 4,
            evaluatie_na_weken: 10,
            ..Gemeente::default()
        };
        let s = start_vervolg(&p, "v".into(), date(2026, 12, 1), "vervolg", &g);
        assert_eq!(
            s.startdatum,
            Some(date(2026, 12, 1)),
            "not the old start date"
        );
        assert_eq!(s.volgend_contact, Some(date(2026, 12, 29)));
        assert_ne!(s.volgend_contact, Some(s.datum));
        assert_eq!(s.evaluatiedatum, Some(date(2027, 2, 9)));
    }

    #[test]
    fn afspraken_not_kept_wait_for_a_decision_with_a_reason() {
        let mut p = previous();
        p.afspraken.push(afspraak("Bellen"));
        p.gekozen = vec!["buurtrestaurant".into()];
        let mut s = start_vervolg(
            &p,
            "v".into(),
            date(2026, 12, 1),
            "vervolg",
            &Gemeente::default(),
        );
        assert_eq!(s.vervolg_op.as_ref().unwrap().gekozen, ["buurtrestaurant"]);
        assert!(onbesloten(&s).is_empty(), "nothing discussed yet");
        s.evaluaties[0].status = Status::Nagekomen;
        s.evaluaties[1].status = Status::Niet;
        assert_eq!(
            onbesloten(&s),
            ["afspraak 2 ‘Bellen’ (niet gelukt): doorgaan, aanpassen of stoppen?"]
        );
        s.evaluaties[1].besluit = Besluit::next(None);
        assert_eq!(
            onbesloten(&s),
            ["afspraak 2 ‘Bellen’ (niet gelukt): waarom?"]
        );
        s.evaluaties[1].reden = "Het telefoonnummer klopte niet.".into();
        assert!(onbesloten(&s).is_empty());
        s.evaluaties[0].status = Status::Deels;
        assert_eq!(onbesloten(&s).len(), 1);
    }

    #[test]
    fn decisions_cycle_back_to_undecided() {
        let mut b = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            b = Besluit::next(b);
            seen.push(b);
        }
        assert_eq!(
            seen,
            [
                Some(Besluit::Doorgaan),
                Some(Besluit::Aanpassen),
                Some(Besluit::Stoppen),
                None
            ]
        );
    }

    #[test]
    fn practice_sessions_are_never_due() {
        let mut p = previous();
        assert_eq!(
            Gepland::from_session(&p).unwrap().volgend_contact,
            p.volgend_contact
        );
        p.oefenen = true;
        assert_eq!(Gepland::from_session(&p), None);
    }

    #[test]
    fn status_cycles_through_all_values() {
        let mut s = Status::default();
        for _ in 0..Status::ALL.len() {
            s = s.next();
        }
        assert_eq!(s, Status::NogNietBesproken);
    }

    #[test]
    fn due_lists_overdue_today_and_soon_in_order() {
        let today = date(2026, 11, 23);
        let p = |id: &str, d: Option<NaiveDate>| Gepland {
            id: id.into(),
            klant: id.to_uppercase(),
            volgend_contact: d,
        };
        let plannen = [
            p("soon", Some(date(2026, 11, 30))),
            p("later", Some(date(2026, 12, 1))),
            p("none", None),
            p("today", Some(today)),
            p("late", Some(date(2026, 11, 20))),
            p("tomorrow", Some(date(2026, 11, 24))),
        ];
        let list = due(&plannen, today);
        let got: Vec<(&str, Wanneer)> = list.iter().map(|o| (o.id.as_str(), o.wanneer)).collect();
        let ids: Vec<&str> = got.iter().map(|(i, _)| *i).collect();
        assert_eq!(ids, ["late", "today", "tomorrow", "soon"]);
        assert_eq!(got[0].1, Wanneer::TeLaat(3));
        assert_eq!(got[3].1, Wanneer::Binnenkort(7));
        assert_eq!(Wanneer::TeLaat(3).label(), "3 dagen te laat");
        assert_eq!(Wanneer::Binnenkort(1).label(), "over 1 dag");
        assert_eq!(Wanneer::Vandaag.label(), "vandaag");
    }
}
