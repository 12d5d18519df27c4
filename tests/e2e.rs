//! End-to-end: the real binary in a pseudo-terminal, driven with keystrokes as a
//! consultant would, checked on screen and on disk.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

mod common;

const PGDN: &str = "\x1b[6~";
const ENTER: &str = "\r";
const CTRL_Q: &str = "\x11";
const CTRL_S: &str = "\x13";
const ALT_C: &str = "\x1bc";
const ALT_J: &str = "\x1bj";

/// A running meedoen in an 80×24 pseudo-terminal.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
}

struct Dirs {
    _root: tempfile::TempDir,
    home: PathBuf,
    out: PathBuf,
}

impl Dirs {
    fn new() -> Dirs {
        let root = tempfile::tempdir().unwrap();
        let home = root.path().join("home");
        let out = root.path().join("uitvoer");
        std::fs::create_dir_all(&home).unwrap();
        Dirs {
            home,
            out,
            _root: root,
        }
    }

    fn drafts(&self) -> PathBuf {
        self.home.join("data").join("meedoen").join("concepten")
    }
}

impl Session {
    fn start(dirs: &Dirs) -> Session {
        Session::start_with(dirs, &[])
    }

    fn start_with(dirs: &Dirs, env: &[(&str, &str)]) -> Session {
        Session::start_args(dirs, &[], env)
    }

    fn start_args(dirs: &Dirs, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_meedoen"));
        cmd.args(args);
        cmd.arg("--uitvoer");
        cmd.arg(&dirs.out);
        cmd.env("HOME", &dirs.home);
        cmd.env("XDG_CONFIG_HOME", dirs.home.join("config"));
        cmd.env("XDG_DATA_HOME", dirs.home.join("data"));
        cmd.env("TERM", "xterm-256color");
        // Emergency copies go to the temp folder: each test has its own.
        let tmp = dirs.home.join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        cmd.env("TMPDIR", &tmp);
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(&dirs.home);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        // Keep the master alive as long as the session: dropping it hangs up the child.
        std::mem::forget(pair.master);
        Session {
            child,
            writer,
            screen,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} did not appear; screen:\n{}", self.contents());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types text one key at a time, as a person does.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Presses PgDn until `text` is on screen.
    fn page_until(&mut self, text: &str) {
        for _ in 0..40 {
            if self.contents().contains(text) {
                return;
            }
            self.send(PGDN);
            std::thread::sleep(Duration::from_millis(80));
        }
        self.wait_for(text);
    }

    fn wait_exit(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("meedoen did not exit; screen:\n{}", self.contents());
    }

    fn sigkill(&mut self) {
        let pid = self.child.process_id().unwrap();
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.wait_exit();
    }
}

fn files_with(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.to_string_lossy().ends_with(ext));
    v.sort();
    v
}

const NOTE: &str = "Zij zegt: ‘ik kook graag’ – café, reünie 🙂";

#[test]
fn a_whole_gesprek_ends_in_a_plan_on_disk() {
    let dirs = Dirs::new();
    let mut s = Session::start(&dirs);
    s.wait_for("Nieuw gesprek");
    s.send(ENTER);
    s.wait_for("Klant (initialen");
    s.type_text("AB");
    s.wait_for("klant AB");
    // The wensen step: the client's own words, with non-ASCII text.
    s.page_until("In de woorden van de klant");
    s.type_text(NOTE);
    s.wait_for("reünie");
    // Tick the wish, so something fits: only options with a positive fit are suggested.
    s.send("\t");
    s.type_text("koken");
    s.send(ENTER);
    s.wait_for("[x] Koken");
    // On to the suggestions; choose the option under the cursor.
    s.page_until("Hele catalogus");
    s.send(" ");
    s.wait_for("Gekozen:");
    let screen = s.contents();
    let chosen = screen
        .lines()
        .find_map(|l| l.split("Gekozen: ").nth(1))
        .and_then(|rest| rest.split("  ").next())
        .unwrap()
        .trim()
        .to_string();
    // The afspraken form: first field is "wat".
    s.page_until("Afspraak 1 · wat");
    s.type_text("Kennismaken op de plek");
    s.page_until("Plan controleren");
    // Typed letters save nothing; the plan is not complete, so Ctrl+S asks first.
    s.type_text("e");
    s.send(CTRL_S);
    s.wait_for("Dit plan is nog niet af");
    s.send(ALT_C);
    s.wait_for("Opgeslagen als");
    s.send(CTRL_Q);
    s.wait_exit();

    let plans = files_with(&dirs.out, ".md");
    assert_eq!(plans.len(), 1, "{plans:?}");
    assert!(
        plans[0].to_string_lossy().ends_with("-concept.md"),
        "{plans:?}"
    );
    let plan = std::fs::read_to_string(&plans[0]).unwrap();
    assert!(plan.contains("# Plan van aanpak (concept)"), "{plan}");
    assert!(plan.contains(NOTE), "note missing from plan:\n{plan}");
    assert!(
        plan.contains(&chosen),
        "chosen option {chosen:?} missing:\n{plan}"
    );
    assert!(plan.contains("Kennismaken op de plek"), "{plan}");
    assert!(plan.contains("valuatie"), "{plan}");
    let sessions = files_with(&dirs.out, ".sessie.ron");
    assert_eq!(sessions.len(), 1);
    assert!(
        std::fs::read_to_string(&sessions[0])
            .unwrap()
            .contains(NOTE)
    );
    // Exported and unchanged: the draft is cleaned up.
    assert!(files_with(&dirs.drafts(), ".ron").is_empty());
}

#[test]
fn after_sigkill_the_draft_is_offered_with_the_note_intact() {
    let dirs = Dirs::new();
    let mut s = Session::start(&dirs);
    s.wait_for("Nieuw gesprek");
    s.send(ENTER);
    s.wait_for("Klant (initialen");
    s.type_text("KL");
    s.send(PGDN);
    s.wait_for("Doel:");
    s.type_text("Halverwege een zin é");
    s.wait_for("Halverwege een zin é");
    s.sigkill();

    let drafts = files_with(&dirs.drafts(), ".ron");
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert!(
        std::fs::read_to_string(&drafts[0])
            .unwrap()
            .contains("Halverwege een zin é")
    );

    let mut s = Session::start(&dirs);
    s.wait_for("Verder met KL");
    s.send("\x1b[B"); // down to the draft
    s.send(ENTER);
    s.wait_for("Halverwege een zin é");
    s.send(CTRL_Q);
    s.wait_exit();
}

#[test]
fn a_second_window_cannot_open_the_same_draft() {
    let dirs = Dirs::new();
    let mut first = Session::start(&dirs);
    first.wait_for("Nieuw gesprek");
    first.send(ENTER);
    first.wait_for("Klant (initialen");
    first.type_text("DU");
    first.wait_for("klant DU");

    let mut second = Session::start(&dirs);
    second.wait_for("Verder met DU");
    second.send("\x1b[B");
    second.send(ENTER);
    second.wait_for("al geopend");
    second.send(CTRL_Q);
    second.wait_exit();

    // The first window still works and saves.
    first.send(PGDN);
    first.wait_for("Doel:");
    first.send(CTRL_Q);
    first.wait_exit();
}

#[test]
fn no_color_draws_without_colour_but_keeps_the_selection_visible() {
    let dirs = Dirs::new();
    let mut s = Session::start_with(&dirs, &[("NO_COLOR", "1")]);
    // The loading screen shows the list without a selection; the practice entry appears
    // once the data is read.
    s.wait_for("Oefenen met een oefenklant");
    {
        let parser = s.screen.lock().unwrap();
        let screen = parser.screen();
        let mut reversed = 0;
        for row in 0..24 {
            for col in 0..80 {
                let cell = screen.cell(row, col).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "({row},{col})");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row},{col})");
                reversed += usize::from(cell.inverse());
            }
        }
        assert!(
            reversed > 0,
            "the selected row must still stand out:\n{}",
            screen.contents()
        );
    }
    s.send(CTRL_Q);
    s.wait_exit();
}

/// The drafts folder on a tiny tmpfs (root, Linux), so the disk really runs full; or,
/// where mounting is not permitted, a file where the folder should be, which fails
/// every save the same way. Unmounts when dropped.
struct FullDisk {
    mounted: Option<PathBuf>,
}

impl FullDisk {
    fn under(dirs: &Dirs) -> FullDisk {
        let data = dirs.home.join("data");
        std::fs::create_dir_all(&data).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(&data)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!(
                "OVERGESLAGEN: geen tmpfs te koppelen (geen root?); de volle schijf wordt \
                 nagebootst met een bestand op de plaats van de map met concepten"
            );
        }
        FullDisk {
            mounted: mounted.then_some(data),
        }
    }

    /// Makes every following save fail.
    fn fill(&self, dirs: &Dirs) {
        match &self.mounted {
            Some(data) => {
                let mut f = std::fs::File::create(data.join("vulling")).unwrap();
                let block = vec![0u8; 4096];
                while f.write_all(&block).is_ok() {}
                let _ = f.sync_all();
            }
            None => {
                let drafts = dirs.drafts();
                let _ = std::fs::remove_dir_all(&drafts);
                std::fs::write(&drafts, b"geen map").unwrap();
            }
        }
    }
}

impl Drop for FullDisk {
    fn drop(&mut self) {
        if let Some(data) = &self.mounted {
            let _ = std::process::Command::new("umount").arg(data).status();
        }
    }
}

const F10: &str = "\x1b[21~";

#[test]
fn on_a_full_disk_ctrl_q_asks_and_only_f10_stops() {
    let dirs = Dirs::new();
    let disk = FullDisk::under(&dirs);
    let tmp = dirs.home.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut s = Session::start_with(&dirs, &[("TMPDIR", tmp.to_str().unwrap())]);
    s.wait_for("Nieuw gesprek");
    s.send(ENTER);
    s.wait_for("Klant (initialen");
    s.type_text("AB");
    s.wait_for("klant AB");
    disk.fill(&dirs);
    s.type_text("CD");
    s.wait_for("niet opgeslagen");
    s.send(CTRL_Q);
    s.wait_for("Niet opgeslagen");
    s.wait_for("F10");
    // Letters and Enter-less keys choose nothing; the app stays.
    s.type_text("jq ");
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "{}", s.contents());
    s.send(F10);
    s.wait_exit();
    let copies = files_with(&tmp.join("meedoen-noodkopie"), ".ron");
    assert_eq!(copies.len(), 1, "no emergency copy");
    assert!(
        std::fs::read_to_string(&copies[0])
            .unwrap()
            .contains("ABCD")
    );
}

#[test]
fn sigterm_saves_before_the_app_goes() {
    let dirs = Dirs::new();
    let tmp = dirs.home.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut s = Session::start_with(&dirs, &[("TMPDIR", tmp.to_str().unwrap())]);
    s.wait_for("Nieuw gesprek");
    s.send(ENTER);
    s.wait_for("Klant (initialen");
    s.type_text("EF");
    s.wait_for("klant EF");
    // From here on the drafts folder fails; what is typed lives only in memory.
    let drafts = dirs.drafts();
    std::fs::remove_dir_all(&drafts).unwrap();
    std::fs::write(&drafts, b"geen map").unwrap();
    s.type_text("GH");
    s.wait_for("niet opgeslagen");
    let pid = s.child.process_id().unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    s.wait_exit();
    let copies = files_with(&tmp.join("meedoen-noodkopie"), ".ron");
    assert_eq!(copies.len(), 1);
    assert!(
        std::fs::read_to_string(&copies[0])
            .unwrap()
            .contains("EFGH")
    );
}

#[test]
fn term_dumb_starts_the_line_mode() {
    let dirs = Dirs::new();
    let mut s = Session::start_with(&dirs, &[("TERM", "dumb")]);
    s.wait_for("toegankelijke modus");
    s.send("stop\r");
    s.wait_exit();
}

#[test]
fn esc_arriving_apart_from_the_rest_of_pgdn_types_nothing() {
    // Over a remote desktop the bytes of one key can come in two reads.
    let dirs = Dirs::new();
    let mut s = Session::start(&dirs);
    s.wait_for("Nieuw gesprek");
    s.send(ENTER);
    s.wait_for("Klant (initialen");
    s.type_text("AB");
    s.wait_for("klant AB");
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(5));
    s.send("[6~");
    s.wait_for("●◉○");
    let screen = s.contents();
    assert!(!screen.contains("AB[6~"), "{screen}");
    assert!(screen.contains("klant AB "), "{screen}");
    s.send(CTRL_Q);
    s.wait_exit();
}

/// The line mode, driven in a terminal, and the full-screen app's export write the same
/// bytes for the same session: both go through the one export of the app layer.
#[test]
fn the_line_mode_writes_the_same_plan_as_the_full_screen_app() {
    use meedoen::app::Bundle;
    use meedoen::core::plan::Formaat;
    use meedoen::tui::action::{Action, Command};
    use meedoen::tui::effect::Effect;
    use meedoen::tui::update::{enter_page, update};

    let dirs = Dirs::new();
    let config = dirs.home.join("config").join("meedoen");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("script.ron"), common::SCRIPT).unwrap();
    std::fs::write(config.join("taxonomie.ron"), common::TAXONOMY).unwrap();
    std::fs::write(config.join("catalogus.ron"), common::CATALOGUE).unwrap();
    let mut s = Session::start_args(&dirs, &["--toegankelijk"], &[]);
    s.wait_for("toegankelijke modus");
    let answers = [
        "A.B.",
        "Jan de Vries",
        "Utrecht",
        "",
        "",
        "Zij zegt: ‘ik wil graag koken’, é ë 🙂",
        "",
        "Iets met eten.",
        "",
        "1",
        "",
        "",
        "6",
        "1",
        "",
        "",
        "Kennismaken in het buurthuis",
        "klant",
        "volgende week",
        "",
        "4",
        "We beginnen met 4 uur.",
        "1-12-2026",
        "",
        "",
        "1",
        "Akkoord.",
        "",
        "md html txt",
        // The start date lies before the gesprek: the gate asks, and it becomes a concept.
        "concept",
    ];
    for a in answers {
        s.send(&format!("{a}\r"));
        std::thread::sleep(Duration::from_millis(30));
    }
    s.wait_for("Opgeslagen, de bestanden staan op de schijf:");
    s.wait_exit();

    let written: Vec<PathBuf> = std::fs::read_dir(&dirs.out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let by_ext = |ext: &str| {
        written
            .iter()
            .find(|p| p.to_string_lossy().ends_with(&format!(".{ext}")))
            .unwrap_or_else(|| panic!("no .{ext} in {written:?}"))
            .clone()
    };
    let session = meedoen::store::drafts::load_session(&by_ext("sessie.ron")).unwrap();
    assert_eq!(session.klant, "A.B.");

    // The full-screen app on the same folders, exporting the same session.
    let mut paths = meedoen::store::paths::Paths::portable(&dirs.home.join("tui"));
    paths.config = config.clone();
    let bundle = Bundle::load_in(paths, None, true, meedoen::tui::keymap::check, "nu");
    assert!(bundle.in_orde(), "{:?}", bundle.uitgesloten);
    let opts = meedoen::tui::Options::default();
    let theme = meedoen::tui::theme::Theme::new(meedoen::tui::theme::ThemeKind::Standard);
    let (mut app, _) = meedoen::tui::load_app(bundle, &opts, theme);
    update(&mut app, Action::SessionLoaded(Box::new(session)));
    app.formats = Formaat::ALL.to_vec();
    enter_page(&mut app, meedoen::tui::app::Page::Review);
    let mut effects = update(&mut app, Action::Cmd(Command::Exporteren));
    if matches!(app.overlay, Some(meedoen::tui::app::Overlay::Gate(_))) {
        effects = update(&mut app, Action::Cmd(Command::AlsConcept));
    }
    let [Effect::Export(set)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    for ext in ["md", "html", "txt"] {
        let tui = &set.files.iter().find(|(e, _)| e == ext).unwrap().1;
        let line_mode = std::fs::read_to_string(by_ext(ext)).unwrap();
        assert_eq!(&line_mode, tui, "{ext} differs");
        assert!(line_mode.contains("Kennismaken in het buurthuis"), "{ext}");
    }
}

#[test]
fn a_class_round_counts_down_and_ctrl_q_saves_it_before_stopping() {
    let dirs = Dirs::new();
    let mut s = Session::start_args(
        &dirs,
        &[
            "oefenen",
            "--klas",
            "Groep A",
            "--deelnemer",
            "Anna",
            "--minuten",
            "1",
        ],
        &[],
    );
    s.wait_for("Klassessie: Groep A");
    s.wait_for("Volgende ronde: Anna");
    s.send(ENTER);
    s.wait_for("nog te gaan");
    s.wait_for("TURVEN");
    s.send("2");
    s.wait_for("Open 1");
    // The countdown redraws by itself, without a key.
    let before = s.contents();
    let deadline = Instant::now() + Duration::from_secs(5);
    while s.contents() == before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_ne!(s.contents(), before, "the countdown did not move");
    // Letters type nothing while tallying.
    s.send("abc");
    s.send(CTRL_Q);
    s.wait_for("Deze ronde is nog niet opgeslagen");
    // Enter and typing on answer nothing; the question's own key does.
    s.send(ENTER);
    s.type_text("ja");
    std::thread::sleep(Duration::from_millis(200));
    assert!(s.contents().contains("Deze ronde is nog niet opgeslagen"));
    s.send(ALT_J);
    s.wait_exit();
    let trainer = dirs.home.join("data").join("meedoen").join("trainer");
    let mut names: Vec<String> = std::fs::read_dir(&trainer)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names[0].ends_with("-Groep-A-klasoverzicht.md"), "{names:?}");
    let csv = std::fs::read_to_string(trainer.join(&names[1])).unwrap();
    assert!(csv.contains(",Open vraag,consulent"), "{csv}");
    assert!(!dirs.out.exists() || std::fs::read_dir(&dirs.out).unwrap().count() == 0);
}
