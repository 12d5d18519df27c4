//! Styles by meaning, not by colour. Every piece of information that a colour carries is
//! also carried by a symbol or a modifier, so the `NO_COLOR` theme (bold, reverse,
//! underline only) loses nothing. We build that theme ourselves: crossterm's own NO_COLOR
//! handling would also drop bold and reverse.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Standard,
    /// Only modifiers, no colours (`NO_COLOR`).
    Monochrome,
    /// Strong contrast for low vision and bright rooms.
    HighContrast,
}

/// The styles every screen draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub kind: ThemeKind,
    pub base: Style,
    pub title: Style,
    pub muted: Style,
    pub emphasis: Style,
    /// The row under the cursor in a list.
    pub selected: Style,
    /// The focused panel's border.
    pub focus: Style,
    pub border: Style,
    pub warning: Style,
    pub error: Style,
    pub ok: Style,
    /// Matched characters in search results.
    pub matched: Style,
    /// NORBS technique badge.
    pub badge: Style,
    /// Key names in hints.
    pub key: Style,
}

impl ThemeKind {
    /// Parses the names used on the command line and in `MEEDOEN_THEMA`.
    pub fn parse(name: &str) -> Option<ThemeKind> {
        match name.trim().to_lowercase().as_str() {
            "standaard" | "kleur" => Some(ThemeKind::Standard),
            "zwartwit" | "geen-kleur" | "monochroom" => Some(ThemeKind::Monochrome),
            "hoog-contrast" | "contrast" => Some(ThemeKind::HighContrast),
            _ => None,
        }
    }
}

impl Theme {
    /// Picks the theme: an explicit choice (`--thema`) first, then `NO_COLOR` (any
    /// non-empty value), then `MEEDOEN_THEMA`, else the standard theme.
    pub fn choose(explicit: Option<ThemeKind>) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let from_env = std::env::var("MEEDOEN_THEMA")
            .ok()
            .and_then(|v| ThemeKind::parse(&v));
        let kind = explicit
            .or(no_color.then_some(ThemeKind::Monochrome))
            .or(from_env)
            .unwrap_or(ThemeKind::Standard);
        Theme::new(kind)
    }

    pub fn new(kind: ThemeKind) -> Theme {
        let bold = Modifier::BOLD;
        match kind {
            ThemeKind::Standard => Theme {
                kind,
                base: Style::new(),
                title: Style::new().add_modifier(bold).fg(Color::Cyan),
                muted: Style::new().fg(Color::Gray),
                emphasis: Style::new().add_modifier(bold),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                focus: Style::new().fg(Color::Cyan).add_modifier(bold),
                border: Style::new().fg(Color::DarkGray),
                warning: Style::new().fg(Color::Yellow).add_modifier(bold),
                error: Style::new().fg(Color::LightRed).add_modifier(bold),
                ok: Style::new().fg(Color::Green),
                matched: Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(bold | Modifier::UNDERLINED),
                badge: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(bold),
                key: Style::new().fg(Color::Cyan).add_modifier(bold),
            },
            ThemeKind::Monochrome => Theme {
                kind,
                base: Style::new(),
                title: Style::new().add_modifier(bold),
                muted: Style::new(),
                emphasis: Style::new().add_modifier(bold),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                focus: Style::new().add_modifier(bold),
                border: Style::new(),
                warning: Style::new().add_modifier(bold),
                error: Style::new().add_modifier(bold | Modifier::UNDERLINED),
                ok: Style::new(),
                matched: Style::new().add_modifier(bold | Modifier::UNDERLINED),
                badge: Style::new().add_modifier(Modifier::REVERSED | bold),
                key: Style::new().add_modifier(bold),
            },
            ThemeKind::HighContrast => Theme {
                kind,
                base: Style::new().fg(Color::White).bg(Color::Black),
                title: Style::new()
                    .fg(Color::White)
                    .add_modifier(bold | Modifier::UNDERLINED),
                muted: Style::new().fg(Color::White),
                emphasis: Style::new().fg(Color::White).add_modifier(bold),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(bold),
                focus: Style::new().fg(Color::Yellow).add_modifier(bold),
                border: Style::new().fg(Color::White),
                warning: Style::new().fg(Color::Yellow).add_modifier(bold),
                error: Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(bold | Modifier::UNDERLINED),
                ok: Style::new().fg(Color::White),
                matched: Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(bold | Modifier::UNDERLINED),
                badge: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold),
                key: Style::new().fg(Color::Yellow).add_modifier(bold),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_names_parse() {
        assert_eq!(
            ThemeKind::parse("Hoog-Contrast"),
            Some(ThemeKind::HighContrast)
        );
        assert_eq!(ThemeKind::parse("zwartwit"), Some(ThemeKind::Monochrome));
        assert_eq!(ThemeKind::parse("paars"), None);
        assert_eq!(
            Theme::choose(Some(ThemeKind::HighContrast)).kind,
            ThemeKind::HighContrast
        );
    }

    #[test]
    fn high_contrast_carries_selection_without_relying_on_hue() {
        let t = Theme::new(ThemeKind::HighContrast);
        assert!(t.selected.add_modifier.contains(Modifier::BOLD));
        assert!(t.matched.add_modifier.contains(Modifier::UNDERLINED));
    }

    #[test]
    fn monochrome_theme_uses_no_colours() {
        let t = Theme::new(ThemeKind::Monochrome);
        for s in [
            t.base, t.title, t.muted, t.emphasis, t.selected, t.focus, t.border, t.warning,
            t.error, t.ok, t.matched, t.badge, t.key,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        // Selection and matches stay visible without colour.
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.matched.add_modifier.contains(Modifier::BOLD));
    }
}
