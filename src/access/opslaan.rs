//! The last page of the line mode: a six-line summary and the warnings, then the
//! question what to do. The plan itself is read only on `/plan`, as plain text; `n` saves
//! nothing yet and does not quit. The checks and the files are the app layer's, the same
//! as in the full-screen app, and "Opgeslagen" is said only once the files are on disk.

use super::prompt::{self, Ask, Console};
use super::{Done, Gesprek, Page, overzicht, steps};
use crate::app::export::{self, Keuzes, Tegenhouder};
use crate::core::plan::{self, Formaat};
use crate::core::privacy;

/// The last page: a six-line summary and the warnings, then the question what to do.
/// The plan itself is read only on `/plan`, in the plain-text format. The checks and
/// the files are the app layer's, the same as in the full-screen app.
pub(super) fn plan(g: &mut Gesprek, con: &mut Console) -> Ask<Done> {
    if g.session.klant.trim().is_empty() && !g.session.oefenen {
        con.say(&Tegenhouder::GeenKlant.melding())?;
        return Ok(Done::GoTo(Page::Gegevens));
    }
    // The same gate as in the app: an afspraak not kept, or only partly, is decided on
    // before the new plan is written.
    let open = crate::core::vervolg::onbesloten(&g.session);
    if !open.is_empty() {
        con.say("Eerst beslissen bij de terugblik, met een reden:")?;
        for o in &open {
            con.say(o)?;
        }
        let terugblik = g
            .data
            .script
            .steps()
            .find(|s| s.stap.soort == crate::core::script::StapSoort::Evaluatie)
            .map(|s| Page::Step(s.stap.id.clone()));
        if let Some(page) = terugblik {
            return Ok(Done::GoTo(page));
        }
    }
    let (gemeente, notice) = g.bundle.gemeente_voor(&g.session);
    if let Some(notice) = notice {
        con.say(&notice)?;
    }
    let rendered = plan::render_with(
        Formaat::Md,
        &g.session,
        &g.data,
        &g.bundle.templates,
        gemeente,
    );
    if let Err(p) = rendered {
        con.say(&Tegenhouder::Sjabloon(p).melding())?;
        con.say("Het concept blijft bewaard. Herstel het sjabloon en start opnieuw.")?;
        return Ok(Done::Finished);
    }
    con.blank()?;
    let (nr, total) = steps::plaats(g, &Page::Review);
    con.say(&format!(
        "Stap {nr} van {total}: Plan opslaan. Het plan in het kort:"
    ))?;
    for line in overzicht::samenvatting(&g.data, &g.session) {
        con.say(&line)?;
    }
    for w in crate::core::gemeente::session_warnings(g.bron().gemeente, &g.session) {
        con.say(&format!("Let op: {w}"))?;
    }
    // Special categories (AVG art. 9), as the full-screen app asks about them: said
    // before the question, so the consultant can change the note first with /ga.
    let bijzonder =
        crate::core::bijzonder::vondsten_in_plan(&g.session, &g.data, &g.bundle.bijzonder);
    for v in &bijzonder {
        con.say(&format!(
            "Let op, bijzondere persoonsgegevens (AVG art. 9): {}. Zet in het plan alleen wat de afspraken nodig hebben.",
            v.beschrijving()
        ))?;
    }
    if g.session.oefenen {
        con.say("Dit was een oefengesprek met een fictieve klant; er wordt niets opgeslagen.")?;
        return Ok(Done::Finished);
    }
    let hulp = "Typ j om het plan op te slaan als Markdown, of de vormen die u wilt: md voor Markdown, html om te printen, txt voor het klantsysteem. Typ tekst om een deel van het plan in eigen woorden voor de klant te zetten; de notities blijven dan zoals ze zijn. Typ /plan om het hele plan te horen, /ga en een nummer om iets te wijzigen, n als u nog niet wilt opslaan.";
    let formats = loop {
        let answer = con.ask_with(
            "Opslaan? Typ j voor ja, of de vormen md, html, txt. tekst past een deel van het plan aan, /plan leest het voor, n slaat nog niet op:",
            prompt::Soort::Kort,
            hulp,
            false,
        )?;
        if answer.trim().eq_ignore_ascii_case("tekst") {
            match plantekst(g, con) {
                // `/terug` in the middle: back to the question, nothing changed.
                Err(prompt::Stop::Back) => {}
                other => other?,
            }
            continue;
        }
        match parse_formats(answer.trim()) {
            Ok(Some(f)) => break f,
            Ok(None) => con.say(
                "Niet opgeslagen; het concept blijft bewaard. Typ /ga en een nummer om iets te wijzigen, /stop om te stoppen en later verder te gaan, of j om toch op te slaan.",
            )?,
            Err(msg) => con.say(&msg)?,
        }
    };
    let mut keuzes = Keuzes::default();
    let set = loop {
        match export::prepare(g.bron(), &g.session, &formats, None, keuzes) {
            Ok(set) => break set,
            Err(Tegenhouder::Bsn(text)) => {
                for line in text.lines() {
                    con.say(line)?;
                }
                let keuze = con.ask_valid(
                    "Typ weghalen om elk nummer te vervangen door [BSN verwijderd], toch om zo op te slaan, of terug.",
                    |t| match t.to_lowercase().as_str() {
                        "weghalen" => Ok(true),
                        "toch" => Ok(false),
                        _ => Err("Typ weghalen, toch of terug.".to_string()),
                    },
                )?;
                if keuze {
                    let n = privacy::remove_bsns(&mut g.session);
                    g.save(con)?;
                    con.say(&format!("{n} nummer(s) vervangen door [BSN verwijderd]."))?;
                } else {
                    keuzes.bsn_toch = true;
                }
            }
            Err(Tegenhouder::Onaf(found)) => {
                // The same gate as the full-screen app: a concept only when asked for.
                con.say("Dit plan is nog niet af:")?;
                for f in &found {
                    con.say(&format!("- {f}"))?;
                }
                con.ask_valid(
                    "Typ concept om het als concept op te slaan (de bestandsnaam en de kop zeggen concept), of /ga en een nummer om het eerst af te maken.",
                    |t| match t.trim().to_lowercase().as_str() {
                        "concept" => Ok(()),
                        _ => Err("Typ concept, of /ga en een nummer.".to_string()),
                    },
                )?;
                keuzes.als_concept = true;
            }
            Err(other) => {
                con.say(&other.melding())?;
                return Ok(Done::GoTo(Page::Review));
            }
        }
    };
    match export::write(&g.bundle.paths, &set) {
        Ok(written) => {
            con.say("Opgeslagen, de bestanden staan op de schijf:")?;
            for path in &written {
                con.say(&path.display().to_string())?;
            }
            // The session beside the plan is now the record; the draft is no longer needed.
            let _ = match &g.lock {
                Some(lock) => g.drafts.remove_held(lock),
                None => g.drafts.remove(&g.session.id),
            };
            Ok(Done::Finished)
        }
        Err(msg) => {
            con.say(&format!(
                "Opslaan is mislukt: {msg}. Het concept blijft bewaard; probeer het opnieuw."
            ))?;
            Ok(Done::GoTo(Page::Review))
        }
    }
}

/// The plan's own text, one section at a time, as `Ctrl+E` on the full-screen review
/// screen (`core::sectie`): each section starts from the notes that feed it; what is
/// typed is what the plan says, and the notes stay the consultant's.
fn plantekst(g: &mut Gesprek, con: &mut Console) -> Ask<()> {
    use crate::core::sectie;
    let delen = sectie::BEWERKBAAR;
    con.say("De delen van het plan die u kunt aanpassen:")?;
    for (i, deel) in delen.iter().enumerate() {
        let stand = if sectie::bewerkt(&g.session, *deel) {
            "door u aangepast"
        } else if sectie::tekst(&g.session, &g.data, *deel).trim().is_empty() {
            "leeg"
        } else {
            "uit de notities"
        };
        con.say(&format!(
            "{}. {}, {stand}.",
            i + 1,
            deel.plan_kop().unwrap_or_default()
        ))?;
    }
    let deel = delen[con.choose("Typ het nummer van een deel:", delen.len())?];
    let kop = deel.plan_kop().unwrap_or_default();
    let voor = sectie::tekst(&g.session, &g.data, deel);
    let mut tekst = voor.replace("\n\n", " ").replace('\n', " ");
    steps::text(con, &format!("Tekst voor {kop}"), &mut tekst)?;
    if tekst != voor.replace("\n\n", " ").replace('\n', " ") {
        g.session
            .plan_teksten
            .insert(sectie::id(deel).to_string(), tekst);
        g.save(con)?;
        con.say(&format!(
            "{kop} is aangepast. Zo komt het in het plan; de notities blijven zoals ze waren."
        ))?;
    } else {
        con.say(&format!("{kop} blijft zoals het was."))?;
    }
    Ok(())
}

/// The answer to "Opslaan?": `j` saves Markdown, `n` saves nothing yet (`None`), or the
/// formats typed. Enter alone never saves: it is what a listener presses to hear more.
fn parse_formats(t: &str) -> Result<Option<Vec<Formaat>>, String> {
    let t = t.to_lowercase();
    match t.as_str() {
        "j" | "ja" => return Ok(Some(vec![Formaat::Md])),
        "n" | "nee" => return Ok(None),
        "" => return Err("Typ j, n, of de vormen md, html, txt.".to_string()),
        _ => {}
    }
    let mut out = Vec::new();
    for word in t.split([' ', ',']).filter(|w| !w.is_empty()) {
        match Formaat::parse(word) {
            Some(f) if !out.contains(&f) => out.push(f),
            Some(_) => {}
            None => {
                return Err(format!(
                    "Typ j, n, of vormen als md html txt (niet: {word})."
                ));
            }
        }
    }
    Ok(Some(out))
}

/// The plain-text plan as it is read aloud: a line to sign on (`______`) is said as what
/// it is, not as a row of underscores.
pub(super) fn spreekbaar(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut underscores = 0;
    for c in text.chars() {
        if c == '_' {
            underscores += 1;
            continue;
        }
        match underscores {
            0 => {}
            1 | 2 => out.push_str(&"_".repeat(underscores)),
            _ => out.push_str("ruimte om te tekenen"),
        }
        underscores = 0;
        out.push(c);
    }
    match underscores {
        0 => {}
        1 | 2 => out.push_str(&"_".repeat(underscores)),
        _ => out.push_str("ruimte om te tekenen"),
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn signature_lines_are_said_in_words() {
        assert_eq!(
            super::spreekbaar("Handtekening klant: ______\nmijn_naam"),
            "Handtekening klant: ruimte om te tekenen\nmijn_naam"
        );
    }
}
