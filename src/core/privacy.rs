//! Keeping the BSN out of plans. A plan identifies the client by initials or a pseudonym
//! only (research §8: contracts with BSNs lie around at small organisations), but a BSN
//! is easily typed into a note out of habit. This module finds numbers that look like a
//! BSN anywhere in a session, so the app can warn before a plan leaves the laptop and
//! offer to remove them.

use std::ops::Range;

use super::fields;
use super::session::Session;

/// What a removed BSN is replaced with, so the reader sees that something was there.
pub const BSN_VERWIJDERD: &str = "[BSN verwijderd]";

/// The elfproef for a BSN: nine digits d1..d9, weighted 9, 8, …, 2 and −1; the sum must
/// be divisible by 11. Old numbers (sofinummers) are often written with eight digits
/// because the leading zero was dropped, so eight digits count as "0" plus those eight.
/// All zeros passes the sum but is never issued, so it is rejected.
pub fn elfproef(digits: &str) -> bool {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let padded = match digits.len() {
        9 => digits.to_string(),
        8 => format!("0{digits}"),
        _ => return false,
    };
    if padded.bytes().all(|b| b == b'0') {
        return false;
    }
    let sum: i64 = padded
        .bytes()
        .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
        .map(|(b, w)| i64::from(b - b'0') * w)
        .sum();
    sum % 11 == 0
}

/// Byte ranges of the BSNs in `text`: nine digits that pass the elfproef, written
/// together (`123456782`) or in groups split by single spaces, dots or dashes, the same
/// one throughout (`123 456 782`, `1234.56.782`, `111-222-333`). Digits that belong to a longer number
/// (an IBAN, a phone number) are not a BSN. Eight-digit numbers are not searched for:
/// too many dates (`20261123`) pass the elfproef.
pub fn find_bsns(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A chain of digit groups joined by single separators, e.g. "12 34.5-6".
        let mut groups: Vec<(Range<usize>, u8)> = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            let sep = bytes.get(j).copied().unwrap_or(0);
            groups.push((start..j, sep));
            let continues = matches!(sep, b' ' | b'.' | b'-')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
            if !continues {
                break;
            }
            j += 1;
        }
        found.extend(bsns_in_chain(text, &groups));
        i = j;
    }
    found
}

/// Windows of whole groups in one chain that hold exactly nine digits with one kind of
/// separator and pass the elfproef; overlapping windows count once.
fn bsns_in_chain(text: &str, groups: &[(Range<usize>, u8)]) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for start in 0..groups.len() {
        if found.last().is_some_and(|f| groups[start].0.start < f.end) {
            continue;
        }
        let mut digits = String::new();
        for end in start..groups.len() {
            if end > start && groups[end - 1].1 != groups[start].1 {
                break;
            }
            digits.push_str(&text[groups[end].0.clone()]);
            if digits.len() >= 9 {
                if digits.len() == 9 && elfproef(&digits) {
                    found.push(groups[start].0.start..groups[end].0.end);
                }
                break;
            }
        }
    }
    found
}

/// A BSN found in one field of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where, in Dutch: "klant", "notitie bij stap welzijn", "afspraak 2 (wie)"…
    pub veld: String,
    /// Byte range within that field's text.
    pub range: Range<usize>,
    /// The number as written.
    pub tekst: String,
}

/// Every BSN in the session's text fields, in field order.
pub fn session_bsn_findings(session: &Session) -> Vec<Finding> {
    fields::text_fields(session)
        .into_iter()
        .flat_map(|(field, text)| {
            let veld = field.place();
            find_bsns(text).into_iter().map(move |range| Finding {
                veld: veld.clone(),
                tekst: text[range.clone()].to_string(),
                range,
            })
        })
        .collect()
}

/// Replaces every BSN in the session with `[BSN verwijderd]`; returns how many.
pub fn remove_bsns(session: &mut Session) -> usize {
    let mut count = 0;
    fields::rewrite_texts(session, |_, text| {
        let found = find_bsns(text);
        if found.is_empty() {
            return None;
        }
        let mut out = text.to_string();
        // Back to front, so earlier ranges stay valid.
        for range in found.into_iter().rev() {
            out.replace_range(range, BSN_VERWIJDERD);
            count += 1;
        }
        Some(out)
    });
    count
}

/// A Dutch warning listing where BSNs were found, or `None` when there are none.
pub fn describe_findings(findings: &[Finding]) -> Option<String> {
    if findings.is_empty() {
        return None;
    }
    let mut out = String::from(
        "Er staat iets dat op een BSN lijkt in dit gesprek. Een BSN hoort niet in het plan van aanpak.\n",
    );
    for f in findings {
        out.push_str(&format!("- {}: {}\n", f.veld, f.tekst));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Afspraak;

    #[test]
    fn elfproef_known_numbers() {
        assert!(elfproef("111222333"));
        assert!(elfproef("123456782"));
        assert!(!elfproef("123456789"));
        assert!(!elfproef("111222334"));
        // Eight digits: a dropped leading zero. 012345672: 0+8+14+18+20+20+18+14-2 = 110.
        assert!(elfproef("12345672"));
        assert!(elfproef("012345672"));
        assert!(!elfproef("000000000"));
        assert!(!elfproef("1234567"));
        assert!(!elfproef("1234567820"));
        assert!(!elfproef("12345678a"));
        assert!(!elfproef("１２３４５６７８２"));
    }

    fn found(text: &str) -> Vec<&str> {
        find_bsns(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_plain_and_grouped_numbers() {
        assert_eq!(found("BSN 123456782."), ["123456782"]);
        assert_eq!(found("bsn: 1234.56.782, ok"), ["1234.56.782"]);
        assert_eq!(
            found("nummer 123 456 782 en 111222333"),
            ["123 456 782", "111222333"]
        );
        assert_eq!(found("123.456.782"), ["123.456.782"]);
        assert_eq!(found("x123456782y"), ["123456782"]);
        assert_eq!(found("bsn 111-222-333."), ["111-222-333"]);
        assert_eq!(found("111 222 333"), ["111 222 333"]);
        assert_eq!(found("111.222.333"), ["111.222.333"]);
        assert_eq!(found("(1234-56-782)"), ["1234-56-782"]);
        assert_eq!(found("é 123456782 🙂"), ["123456782"]);
    }

    #[test]
    fn ignores_other_numbers() {
        assert!(found("123456789").is_empty(), "fails the elfproef");
        assert!(found("1234567820").is_empty(), "ten digits");
        assert!(found("01234567820").is_empty());
        assert!(found("IBAN NL91ABNA0417164300").is_empty());
        assert!(found("bel 06 12345678").is_empty());
        assert!(found("op 20261123 om 10.30").is_empty(), "eight digits");
        assert!(found("123.456 782").is_empty(), "mixed separators");
        assert!(found("111-222.333").is_empty(), "mixed separators");
        assert!(found("111-222-334").is_empty(), "fails the elfproef");
        assert!(found("op 2026-11-23").is_empty(), "a date");
        assert!(found("bel 06-123-45678").is_empty(), "a phone number");
        assert!(found("111--222--333").is_empty(), "double dashes");
        assert!(found("€ 1.234.567,82").is_empty());
        assert!(found("").is_empty());
    }

    #[test]
    fn a_number_next_to_other_groups_is_still_found() {
        assert_eq!(found("123456782 2 keer"), ["123456782"]);
        assert_eq!(found("om 9 123 456 782"), ["123 456 782"]);
    }

    fn session() -> Session {
        let mut s = Session::new(
            "s".into(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            "intake",
        );
        s.klant = "A.B. 111222333".into();
        s.set_note(
            "welzijn",
            "Haar BSN is 1234.56.782; dochter 123 456 782".into(),
        );
        s.aanpak
            .insert("schulden".into(), "Bewind, 111222333".into());
        s.afspraken.push(Afspraak {
            wat: "Bellen".into(),
            wie: "consulent".into(),
            wanneer: "123456782".into(),
        });
        s.akkoord_toelichting = "geen nummer: 123456789".into();
        s
    }

    #[test]
    fn findings_name_the_field() {
        let f = session_bsn_findings(&session());
        let where_: Vec<_> = f
            .iter()
            .map(|f| (f.veld.as_str(), f.tekst.as_str()))
            .collect();
        assert_eq!(
            where_,
            [
                ("klant", "111222333"),
                ("notitie bij stap welzijn", "1234.56.782"),
                ("notitie bij stap welzijn", "123 456 782"),
                ("afspraak 1 (wanneer)", "123456782"),
                ("aanpak bij schulden", "111222333"),
            ]
        );
        assert_eq!(f[0].range, 5..14);
        let msg = describe_findings(&f).unwrap();
        assert!(msg.contains("- klant: 111222333"), "{msg}");
        assert!(describe_findings(&[]).is_none());
    }

    #[test]
    fn remove_replaces_every_bsn_and_nothing_else() {
        let mut s = session();
        assert_eq!(remove_bsns(&mut s), 5);
        assert_eq!(s.klant, "A.B. [BSN verwijderd]");
        assert_eq!(
            s.note("welzijn"),
            "Haar BSN is [BSN verwijderd]; dochter [BSN verwijderd]"
        );
        assert_eq!(s.afspraken[0].wanneer, "[BSN verwijderd]");
        assert_eq!(s.akkoord_toelichting, "geen nummer: 123456789");
        assert!(session_bsn_findings(&s).is_empty());
        assert_eq!(remove_bsns(&mut s), 0);
    }

    #[test]
    fn the_terugblik_of_a_vervolg_is_scanned_and_cleaned_too() {
        use crate::core::vervolg::{AfspraakEvaluatie, Status};
        let mut s = Session::default();
        s.evaluaties.push(AfspraakEvaluatie {
            afspraak: Afspraak::default(),
            status: Status::Deels,
            hielp: "de buurvrouw".into(),
            lastig: "brief met 111222333 kwijt".into(),
            ..AfspraakEvaluatie::default()
        });
        let f = session_bsn_findings(&s);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].veld, "terugblik afspraak 1 (wat zat in de weg)");
        assert_eq!(remove_bsns(&mut s), 1);
        assert_eq!(s.evaluaties[0].lastig, "brief met [BSN verwijderd] kwijt");
    }
}
