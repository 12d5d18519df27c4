//! What each NORBS technique is for, with one good and one poor phrasing and, in one
//! line, why the poor one is poor: the trainer's help panel, the presentation and the
//! line mode all show these. They follow the MITI 4.2.1 standard (research §2): a
//! reflection is a statement, not a question; an affirmation names a specific strength
//! or effort of the client, not general praise; a summary ends with a check; informing
//! asks first, offers, and asks again (ask–offer–ask).

use crate::core::script::Techniek;

/// The explanation of one technique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uitleg {
    /// What the technique is for.
    pub wat: &'static str,
    pub goed: &'static str,
    pub slecht: &'static str,
    /// Why the poor phrasing is poor, in one line.
    pub waarom: &'static str,
}

/// The explanation of a technique. The good phrasings build on the real ones from the
/// research (§2), rewritten where MITI would code them otherwise: the research's
/// reflection ends in "klopt dat?" and its affirmation is praise ("Dan is dat toch een
/// succes!"), so they are given here as a statement and as a named effort.
pub fn techniek_uitleg(t: Techniek) -> Uitleg {
    match t {
        Techniek::NeutraalInformeren => Uitleg {
            wat: "Eerst vragen wat de klant al weet of wil weten, dan kort en zonder oordeel informeren, dan vragen wat de klant ervan vindt.",
            goed: "Wat weet u al over wat de gemeente vraagt? … Het gaat om iets doen voor de buurt, naar wat u kunt; dat kan van alles zijn. Wat denkt u daarvan?",
            slecht: "U moet iets terugdoen voor uw uitkering, anders wordt u gekort.",
            waarom: "Informatie als dreigement, zonder te vragen wat de klant al weet of ervan vindt.",
        },
        Techniek::OpenVragen => Uitleg {
            wat: "Vragen waar geen ja of nee op past, zodat de klant zelf vertelt wat belangrijk is.",
            goed: "Wat zou u kunnen of willen?",
            slecht: "U wilt toch ook wel iets doen, of niet?",
            waarom: "Een gesloten, sturende vraag: er past alleen ja of nee op, en het antwoord zit er al in.",
        },
        Techniek::Reflecteren => Uitleg {
            wat: "Teruggeven wat u hoort, als een uitspraak; bij een complexe reflectie ook wat eronder ligt.",
            goed: "Als u daarover praat, komt de onderzoeker in u weer boven.",
            slecht: "Dat valt vast wel mee.",
            waarom: "Geruststellen wuift weg wat de klant voelt; een reflectie geeft het terug.",
        },
        Techniek::Bekrachtigen => Uitleg {
            wat: "Een concrete inzet of kracht van de klant benoemen; geen algemene lof en geen oordeel.",
            goed: "U bent gaan kijken, terwijl u daar erg tegen opzag. Dat vroeg moed.",
            slecht: "Goed zo, zo hoort het ook.",
            waarom: "Algemene lof met een oordeel erin; het noemt niets van wat de klant zelf deed.",
        },
        Techniek::Samenvatten => Uitleg {
            wat: "Kort bundelen wat de klant zei, met de eigen woorden, en eindigen met de vraag of het klopt.",
            goed: "U hebt een droom, en u zet er al stapjes voor: eerst rustig kijken, dan verder. Heb ik dat goed begrepen?",
            slecht: "Dus we spreken af dat u twintig uur gaat doen.",
            waarom: "Dat is een besluit van de consulent, geen samenvatting, en er is geen check of het klopt.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_technique_has_a_good_a_poor_and_why() {
        for t in Techniek::ALL {
            let u = techniek_uitleg(t);
            for text in [u.wat, u.goed, u.slecht, u.waarom] {
                assert!(!text.trim().is_empty(), "{t:?}");
            }
            assert_ne!(u.goed, u.slecht);
            assert!(!u.waarom.contains('\n'), "one line: {t:?}");
        }
    }

    #[test]
    fn the_good_examples_meet_the_miti_standard() {
        let refl = techniek_uitleg(Techniek::Reflecteren).goed;
        assert!(
            !refl.trim_end().ends_with('?'),
            "a reflection is a statement"
        );
        let sam = techniek_uitleg(Techniek::Samenvatten).goed;
        assert!(sam.trim_end().ends_with('?'), "a summary ends with a check");
        let inf = techniek_uitleg(Techniek::NeutraalInformeren).goed;
        assert!(
            inf.matches('?').count() >= 2,
            "ask, offer, ask: a question before and after"
        );
        let bekr = techniek_uitleg(Techniek::Bekrachtigen).goed;
        assert!(bekr.starts_with("U "), "names what the client did");
    }
}
