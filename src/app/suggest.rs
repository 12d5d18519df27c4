//! The suggestions for a client, the same in every front-end: the catalogue's ranking
//! (`core::matching`) with the gemeente's filters applied (options of a category that does
//! not count here move to the excluded list, with the reason). The TUI ranks with a
//! compiled `Matcher` it keeps; a command ranks once with `suggest`; both end here.

use crate::core::gemeente;
use crate::core::matching::{Matcher, Profiel, Suggesties, suggest};
use crate::core::session::Session;

use super::Bundle;

/// The suggestions for a profile, ranked once (commands, the line mode).
pub fn for_profile(bundle: &Bundle, profiel: &Profiel) -> Suggesties {
    let mut found = suggest(profiel, &bundle.data.catalogue, &bundle.data.taxonomy);
    gemeente::apply(&bundle.gemeente, &mut found, &bundle.data.catalogue);
    found
}

/// The suggestions for a session, with the filters of its own gemeente profile.
pub fn for_session(bundle: &Bundle, session: &Session) -> Suggesties {
    let (gemeente, _) = bundle.gemeente_voor(session);
    let mut found = suggest(
        &Profiel::from(session),
        &bundle.data.catalogue,
        &bundle.data.taxonomy,
    );
    gemeente::apply(gemeente, &mut found, &bundle.data.catalogue);
    found
}

/// The suggestions for a session with a compiled matcher (the TUI, on every change).
pub fn with_matcher(
    matcher: &Matcher,
    gemeente: &gemeente::Gemeente,
    catalogue: &crate::core::catalogue::Catalogue,
    session: &Session,
) -> Suggesties {
    let mut found = matcher.suggest(&Profiel::from(session));
    gemeente::apply(gemeente, &mut found, catalogue);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::Source;
    use crate::core::problem::Problem;
    use crate::store::assets;
    use crate::store::paths::Paths;

    #[test]
    fn the_gemeente_categories_apply_in_both_ways_of_ranking() {
        fn no_check(_: &Source) -> Vec<Problem> {
            Vec::new()
        }
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::portable(dir.path());
        std::fs::create_dir_all(&paths.config).unwrap();
        let gemeente = assets::DEFAULT_GEMEENTE
            .replace("categorieen: None", "categorieen: [\"vrijwilligerswerk\"]");
        std::fs::write(paths.config.join("gemeente.ron"), gemeente).unwrap();
        let b = Bundle::load_in(paths, None, false, no_check, "nu");
        assert!(b.in_orde(), "{:?}", b.uitgesloten);
        let s = Session {
            wensen: b
                .data
                .taxonomy
                .wensen
                .iter()
                .take(3)
                .map(|w| w.id.clone())
                .collect(),
            ..Session::default()
        };
        let once = for_profile(&b, &Profiel::from(&s));
        let matcher = Matcher::new(&b.data.catalogue, &b.data.taxonomy);
        let compiled = with_matcher(&matcher, &b.gemeente, &b.data.catalogue, &s);
        assert_eq!(once, compiled);
        assert!(!once.suggesties.is_empty());
        for x in &once.suggesties {
            assert_eq!(
                b.data.catalogue.find(&x.id).unwrap().categorie,
                "vrijwilligerswerk"
            );
        }
        assert!(
            once.uitgesloten
                .iter()
                .any(|u| u.reden.iter().any(|r| r.contains("telt")))
        );
    }
}
