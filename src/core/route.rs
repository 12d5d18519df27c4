//! The pages of a gesprek in order: the details, the script's steps that are visible for
//! the session's tags, and the review of the plan. Derived from the script and the session
//! every time (ticking `crisis` shows the crisis step at once), and shared by the TUI and
//! the line mode so both walk the same gesprek and resume a draft on the same page.

use super::script::Script;
use super::session::Session;

/// One page of a gesprek.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Gegevens,
    Step(String),
    Review,
}

impl Page {
    /// The value of `Session::huidige_stap` for this page.
    pub fn key(&self) -> &str {
        match self {
            Page::Gegevens => "gegevens",
            Page::Step(id) => id,
            Page::Review => "controle",
        }
    }

    /// The page a saved `huidige_stap` names; an unknown step (a changed script) starts
    /// at the details rather than failing.
    pub fn from_key(key: &str, script: &Script) -> Page {
        match key {
            "" | "gegevens" => Page::Gegevens,
            "controle" => Page::Review,
            id if script.step(id).is_some() => Page::Step(id.to_string()),
            _ => Page::Gegevens,
        }
    }
}

/// The pages in order for the session's current tags.
pub fn pages(script: &Script, session: &Session) -> Vec<Page> {
    let tags = session.tag_set();
    std::iter::once(Page::Gegevens)
        .chain(
            script
                .visible_steps(&tags)
                .into_iter()
                .map(|id| Page::Step(id.to_string())),
        )
        .chain(std::iter::once(Page::Review))
        .collect()
}

/// A page's place in script order, also for steps hidden by their condition.
fn order(script: &Script, page: &Page) -> usize {
    match page {
        Page::Gegevens => 0,
        Page::Step(id) => 1 + script.steps().position(|s| s.stap.id == *id).unwrap_or(0),
        Page::Review => usize::MAX,
    }
}

/// Position of `page` in `pages`; a step hidden by its condition (reached by a jump)
/// counts as the position of the next visible page.
pub fn index(script: &Script, pages: &[Page], page: &Page) -> usize {
    if let Some(i) = pages.iter().position(|p| p == page) {
        return i;
    }
    let mine = order(script, page);
    pages
        .iter()
        .position(|p| order(script, p) > mine)
        .unwrap_or(pages.len().saturating_sub(1))
}

/// The visible page before or after `page`. Tags change while answering, so the sequence
/// is recomputed each time; a step that became hidden still has a place in script order.
pub fn neighbour(script: &Script, session: &Session, page: &Page, forward: bool) -> Page {
    let pages = pages(script, session);
    let mine = order(script, page);
    let found = if forward {
        pages.iter().find(|p| order(script, p) > mine)
    } else {
        pages.iter().rev().find(|p| order(script, p) < mine)
    };
    found.cloned().unwrap_or(if forward {
        Page::Review
    } else {
        Page::Gegevens
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script() -> Script {
        crate::store::assets::load(None).unwrap().script
    }

    #[test]
    fn pages_follow_the_tags_and_keys_round_trip() {
        let script = script();
        let mut session = Session::default();
        let plain = pages(&script, &session);
        assert_eq!(plain.first(), Some(&Page::Gegevens));
        assert_eq!(plain.last(), Some(&Page::Review));
        session.belemmeringen.push("crisis".into());
        let with_crisis = pages(&script, &session);
        assert!(with_crisis.len() > plain.len(), "a crisis shows its step");
        for p in &with_crisis {
            assert_eq!(&Page::from_key(p.key(), &script), p);
        }
        assert_eq!(Page::from_key("verdwenen-stap", &script), Page::Gegevens);
    }

    #[test]
    fn a_hidden_step_still_has_neighbours_in_script_order() {
        let script = script();
        let session = Session::default();
        let visible = pages(&script, &session);
        let hidden = script
            .steps()
            .map(|s| Page::Step(s.stap.id.clone()))
            .find(|p| !visible.contains(p))
            .expect("the intake has a conditional step");
        let next = neighbour(&script, &session, &hidden, true);
        let prev = neighbour(&script, &session, &hidden, false);
        assert!(visible.contains(&next) && visible.contains(&prev));
        assert_eq!(
            index(&script, &visible, &hidden),
            index(&script, &visible, &next)
        );
        assert_eq!(
            neighbour(&script, &session, &Page::Review, true),
            Page::Review
        );
        assert_eq!(
            neighbour(&script, &session, &Page::Gegevens, false),
            Page::Gegevens
        );
    }
}
