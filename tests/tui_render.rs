//! Every screen drawn into ratatui's `TestBackend`, at 80×24 (the smallest supported
//! size) and at a larger size, asserting on what a person would read.

mod common;

use meedoen::core::taxonomy::TagKind;
use meedoen::tui::action::{Action, ClientEntry, Command, DraftEntry};
use meedoen::tui::app::{App, Page};
use meedoen::tui::screens::view;
use meedoen::tui::theme::{Theme, ThemeKind};
use meedoen::tui::update::{enter_page, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Snapshots of a screen at the smallest supported size and at a wide one, so overlap,
/// truncation and wasted room show up in review (`tests/snapshots/`).
fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 40)] {
        update(
            app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        insta::assert_snapshot!(format!("{name}-{w}x{h}"), draw(app, w, h));
    }
}

/// An app in a gesprek with the clock times in the header set.
fn gesprek() -> App {
    let mut app = common::app_in_gesprek();
    update(
        &mut app,
        Action::StapTijd {
            vorige: None,
            sinds: "10:00".into(),
        },
    );
    update(
        &mut app,
        Action::StapTijd {
            vorige: None,
            sinds: "10:12".into(),
        },
    );
    app
}

fn start_app() -> App {
    let mut app = common::app();
    update(
        &mut app,
        Action::DraftsLoaded {
            drafts: vec![DraftEntry {
                id: "1".into(),
                klant: "J.V.".into(),
                datum: "23-11-2026".into(),
                gewijzigd: "23-11 10:02".into(),
                noodkopie: None,
            }],
            problems: vec!["x.ron:1:1: kapot".into()],
        },
    );
    update(
        &mut app,
        Action::ClientsLoaded {
            clients: vec![ClientEntry {
                klant: "E.F.".into(),
                laatste: "2-11-2026".into(),
                volgend_contact: Some("11-11-2026".into()),
                opvolgen: Some("12 dagen te laat".into()),
                te_laat: true,
                plan_versie: 2,
                sessie: "ef.sessie.ron".into(),
                gemeente: None,
                datum: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            }],
            problems: Vec::new(),
        },
    );
    app
}

#[test]
fn start_screen() {
    let mut app = start_app();
    snap("start", &mut app);
    update(&mut app, Action::Filter('e'));
    snap("start-zoeken", &mut app);
    let mut app = start_app();
    app.start.selected = 1;
    update(&mut app, Action::Cmd(Command::Verwijderen));
    snap("start-verwijderen", &mut app);
}

#[test]
fn details_page() {
    let mut app = gesprek();
    app.gemeente.klant_label = "werkzoekende".into();
    snap("gegevens-leeg", &mut app);
    for c in "Mevrouw A. van den Berg-Oudshoorn (schuilnaam Asinds)".chars() {
        update(
            &mut app,
            Action::Edit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    snap("gegevens-lange-naam", &mut app);
}

#[test]
fn step_page_with_notes_and_pickers() {
    let mut app = gesprek();
    enter_page(&mut app, Page::Step("welkom".into()));
    app.session
        .set_note("welkom", "Gaat redelijk, zegt ze. é ë".into());
    enter_page(&mut app, Page::Step("welkom".into()));
    snap("stap-notities", &mut app);
    app.session.toggle_tag(TagKind::Wens, "koken");
    enter_page(&mut app, Page::Step("wensen".into()));
    update(&mut app, Action::Cmd(Command::FocusVolgende));
    update(&mut app, Action::Filter('k'));
    snap("stap-kiezen", &mut app);
    update(&mut app, Action::Cmd(Command::Terug));
    update(&mut app, Action::Cmd(Command::Terug));
    update(&mut app, Action::Cmd(Command::Toelichting));
    snap("toelichting", &mut app);
    update(&mut app, Action::Cmd(Command::NaarEinde));
    snap("toelichting-einde", &mut app);
    update(&mut app, Action::Cmd(Command::Terug));
    update(&mut app, Action::Cmd(Command::Help));
    snap("help-notities", &mut app);
    update(&mut app, Action::Cmd(Command::Terug));
    update(&mut app, Action::Cmd(Command::Turven));
    update(
        &mut app,
        Action::Turf(meedoen::core::tally::Gedrag::OpenVraag),
    );
    snap("turven", &mut app);
    update(&mut app, Action::Cmd(Command::Turven));
    update(&mut app, Action::Cmd(Command::Presentatie));
    snap("presentatie", &mut app);
}

#[test]
fn suggestions_page() {
    let mut app = gesprek();
    app.session.toggle_tag(TagKind::Wens, "buiten");
    app.session.toggle_tag(TagKind::Belemmering, "fysiek");
    enter_page(&mut app, Page::Step("opties".into()));
    snap("mogelijkheden", &mut app);
    update(&mut app, Action::Cmd(Command::TabVolgende));
    snap("mogelijkheden-uitgesloten", &mut app);
    update(&mut app, Action::Cmd(Command::TabVorige));
    update(&mut app, Action::Filter('m'));
    update(&mut app, Action::Filter('o'));
    snap("mogelijkheden-zoeken", &mut app);
}

#[test]
fn afspraken_page() {
    let mut app = gesprek();
    app.session.gekozen.push("moestuin".into());
    app.session.toggle_tag(TagKind::Belemmering, "fysiek");
    app.session.afspraken.push(meedoen::core::session::Afspraak {
        wat: "Kennismaken bij de moestuin aan de Vogelweg, samen met de begeleider en een buurvrouw die er al werkt".into(),
        wie: "klant".into(),
        wanneer: "vóór 1 december".into(),
    });
    enter_page(&mut app, Page::Step("afspraken".into()));
    snap("afspraken", &mut app);
    update(&mut app, Action::Cmd(Command::Springen));
    snap("naar-stap", &mut app);
}

#[test]
fn review_page_with_the_gate() {
    let mut app = gesprek();
    app.session.klant = "AB".into();
    app.output_dir = "/home/consulent/Documents/meedoen/gemeente-voorbeeldstad/plannen-2026".into();
    enter_page(&mut app, Page::Review);
    snap("controleren", &mut app);
    update(&mut app, Action::Cmd(Command::Exporteren));
    snap("controleren-concept", &mut app);
    update(&mut app, Action::Cmd(Command::Nee));
    app.session
        .set_note("welkom", "Haar nummer is 123456782, zei ze.".into());
    update(&mut app, Action::Cmd(Command::Exporteren));
    snap("bsn", &mut app);
}

#[test]
fn terugblik_of_a_vervolg() {
    let mut app = common::real_app();
    let mut prev =
        meedoen::core::session::Session::new("p".into(), common::today(), &app.intake.id);
    prev.klant = "E.F.".into();
    prev.afspraken.push(meedoen::core::session::Afspraak {
        wat: "Twee ochtenden per week meehelpen in de moestuin aan de Vogelweg, met de begeleider"
            .into(),
        wie: "E.F.".into(),
        wanneer: "vanaf 1 december".into(),
    });
    let s = meedoen::core::vervolg::start_vervolg(
        &prev,
        "v".into(),
        common::today(),
        &app.vervolg.id,
        &app.gemeente,
    );
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    while app.page_kind() != meedoen::tui::app::PageKind::Evaluatie {
        update(&mut app, Action::Cmd(Command::Volgende));
    }
    snap("terugblik", &mut app);
}

#[test]
fn a_too_small_terminal_gets_a_message_not_a_broken_layout() {
    let app = common::app_in_gesprek();
    let screen = draw(&app, 60, 15);
    assert!(screen.contains("te klein"), "{screen}");
    assert!(screen.contains("80×24"), "{screen}");
}

#[test]
fn monochrome_theme_draws_without_any_colour() {
    let mut app = common::app_in_gesprek();
    app.theme = Theme::new(ThemeKind::Monochrome);
    app.session.toggle_tag(TagKind::Wens, "koken");
    enter_page(&mut app, Page::Step("wensen".into()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert!(matches!(cell.fg, Color::Reset), "{cell:?}");
        assert!(matches!(cell.bg, Color::Reset), "{cell:?}");
    }
}

#[test]
fn resizing_while_typing_keeps_the_text_and_redraws_at_every_size() {
    use meedoen::tui::keymap::map_key;
    let mut app = common::app_in_gesprek();
    enter_page(&mut app, Page::Step("welkom".into()));
    let mut typed = String::new();
    for (i, (w, h)) in [(80, 24), (120, 40), (60, 15), (100, 30), (80, 24)]
        .into_iter()
        .enumerate()
    {
        for c in format!("deel{i} é ").chars() {
            let a = map_key(&app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).unwrap();
            update(&mut app, a);
            typed.push(c);
        }
        let screen = draw(&app, w, h);
        if w >= 80 && h >= 24 {
            assert!(screen.contains(&format!("deel{i} é")), "{w}×{h}:\n{screen}");
        } else {
            assert!(screen.contains("te klein"), "{w}×{h}:\n{screen}");
        }
    }
    assert_eq!(app.session.note("welkom"), typed);
}

#[test]
fn the_whole_toelichting_can_be_read_at_80x24() {
    let mut app = common::real_app();
    let s =
        meedoen::tui::run::new_session("x".into(), common::today(), &app.intake.id, &app.gemeente);
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let steps: Vec<String> = app.data.script.steps().map(|s| s.stap.id.clone()).collect();
    let mut overflowing = 0;
    for id in steps {
        enter_page(&mut app, Page::Step(id.clone()));
        if app.page_kind() != meedoen::tui::app::PageKind::Step {
            continue;
        }
        update(&mut app, Action::Cmd(Command::Toelichting));
        let top = draw(&app, 80, 24);
        let max = meedoen::tui::screens::overlays::max_scroll(&app);
        if max == 0 {
            assert!(
                !top.contains("meer hieronder"),
                "{id}: promises more\n{top}"
            );
        } else {
            overflowing += 1;
            assert!(
                top.contains("meer hieronder"),
                "{id}: does not say there is more\n{top}"
            );
            update(&mut app, Action::Cmd(Command::NaarEinde));
            let end = draw(&app, 80, 24);
            // The last line of the toelichting: why the last technique's poor example
            // is poor. The sources stay in the data, out of the consultant's view.
            let stap = app.current_step().unwrap().stap;
            let tech = *stap
                .technieken
                .last()
                .expect("an overflowing step has techniques");
            let waarom = meedoen::core::oefen::techniek_uitleg(tech).waarom;
            let last = waarom.split_whitespace().last().unwrap();
            assert!(end.contains(last), "{id}: {last:?} not reached\n{end}");
            assert!(!end.contains("Bron:"), "{id}\n{end}");
            assert!(end.contains("einde"), "{id}\n{end}");
        }
        update(&mut app, Action::Cmd(Command::Terug));
    }
    assert!(
        overflowing > 0,
        "no step is longer than 80×24; the test proves nothing"
    );
}

#[test]
fn a_wide_screen_gives_the_columns_room() {
    let mut app = gesprek();
    app.session.toggle_tag(TagKind::Wens, "buiten");
    enter_page(&mut app, Page::Step("opties".into()));
    let column = |screen: &str, title: &str| {
        let line = screen.lines().find(|l| l.contains(title)).unwrap();
        let start = line.find(title).unwrap();
        line[..start].chars().count()
    };
    // The Waarom panel takes two fifths of a wide screen, not a fixed 36 columns.
    let narrow = draw(&app, 80, 24);
    let wide = draw(&app, 160, 45);
    assert_eq!(80 - column(&narrow, "┌ Waarom"), 36, "{narrow}");
    assert_eq!(160 - column(&wide, "┌ Waarom"), 64, "{wide}");
    // The pickers a third.
    enter_page(&mut app, Page::Step("wensen".into()));
    let wide = draw(&app, 160, 45);
    assert_eq!(160 - column(&wide, "┌ Wensen"), 53, "{wide}");
}

/// Feeds a key through the keymap and update, as the event loop does.
fn press(app: &mut App, code: KeyCode) -> Vec<meedoen::tui::effect::Effect> {
    let k = ratatui::crossterm::event::KeyEvent::new(code, KeyModifiers::NONE);
    match meedoen::tui::keymap::map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// An app on the embedded data with a new intake open.
fn real_app_in_gesprek() -> App {
    let mut app = common::real_app();
    let s = meedoen::tui::run::new_session(
        "20261123-100000-abcd".into(),
        common::today(),
        "intake",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    app
}

#[test]
fn doet_al_lists_the_concrete_things_and_f7_marks_the_main_aim() {
    let mut app = real_app_in_gesprek();
    enter_page(&mut app, Page::Step("wat-u-al-doet".into()));
    let shown = draw(&app, 100, 30);
    // The picker column is narrow: titles are cut at its edge.
    for titel in [
        "[ ] Bestaand vrijwilligerswerk v",
        "[ ] Hulp aan een buur vastleggen",
        "[ ] Opleiding of cursus die al l",
    ] {
        assert!(shown.contains(titel), "{shown}");
    }
    // No category names: the list is of things the client does.
    assert!(!shown.contains("[ ] Ontmoeting"), "{shown}");
    // Ticking one records the option itself.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "vrijwilligerswerk vastleggen");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.session.doet_al, ["vrijwilligerswerk-formaliseren"]);
    assert!(app.session.actief.is_empty());
    assert!(draw(&app, 100, 30).contains("[x] Bestaand vrijwilligerswerk v"));

    // Wensen: tick two, then mark the second as the main aim with F9.
    enter_page(&mut app, Page::Step("wensen-en-krachten".into()));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "koken");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "buiten");
    let effects = press(&mut app, KeyCode::F(9));
    assert_eq!(effects, vec![meedoen::tui::effect::Effect::SaveDraft]);
    assert_eq!(app.session.wensen, ["koken", "buiten"]);
    assert_eq!(app.session.hoofdwens.as_deref(), Some("buiten"));
    let shown = draw(&app, 100, 30);
    assert!(shown.contains("Buiten werken ★ hoofddoel"), "{shown}");
    assert!(!shown.contains("Koken ★"), "{shown}");
    // The suggestions weigh it.
    enter_page(&mut app, Page::Step("mogelijkheden".into()));
    let eerste = &app.suggesties.suggesties[0];
    assert!(
        eerste
            .waarom()
            .iter()
            .any(|f| f.to_string() == "+10 de klant doet dit al: eerst erkennen en vastleggen"),
        "{:?}",
        eerste.waarom()
    );
    assert!(app.suggesties.suggesties.iter().any(|s| {
        s.waarom()
            .iter()
            .any(|f| f.tekst.contains("hoofddoel van de klant: 'Buiten werken'"))
    }));
}

#[test]
fn an_unfocused_afspraak_is_read_whole_over_a_few_lines() {
    let mut app = gesprek();
    app.session.afspraken.push(meedoen::core::session::Afspraak {
        wat: "Kennismaken bij de moestuin aan de Vogelweg, samen met de begeleider en een buurvrouw die er al werkt".into(),
        wie: "klant".into(),
        wanneer: "vóór 1 december".into(),
    });
    enter_page(&mut app, Page::Step("afspraken".into()));
    // Focus on the next row: the afspraak's text is no longer in the editor.
    update(&mut app, Action::Cmd(Command::FocusVolgende));
    for (w, h) in [(80, 24), (120, 40)] {
        let s = draw(&app, w, h);
        let words: Vec<&str> = s
            .lines()
            .flat_map(|l| l.split(|c: char| c == '│' || c.is_whitespace()))
            .filter(|w| !w.is_empty())
            .collect();
        let text = words.join(" ");
        assert!(
            text.contains("samen met de begeleider en een buurvrouw die er al werkt"),
            "{w}x{h}:\n{s}"
        );
        assert!(text.contains("Afspraak 1 · wie klant"), "{w}x{h}:\n{s}");
    }
}

#[test]
fn the_care_hours_fit_the_tab_line_at_80_columns() {
    let mut app = gesprek();
    app.session.belemmeringen.push("mantelzorg".into());
    enter_page(&mut app, Page::Step("opties".into()));
    let s = draw(&app, 80, 24);
    let line = s.lines().find(|l| l.contains("zorg ")).unwrap();
    assert!(line.contains("zorg ? u (Alt+↑/Alt+↓)"), "{line}");
    let s = draw(&app, 120, 40);
    assert!(s.contains("zorg ? u/week (Alt+↑/Alt+↓)"), "{s}");
}
