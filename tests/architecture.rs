//! The dependency rule, read from the source: `core` is pure and knows only itself;
//! `store` knows `core`; `app` knows `store` and `core`; the front-ends (`tui`, `access`,
//! `cli`) call `app` and never each other. The one meeting point is `cli/mod.rs`, which
//! starts the front-ends and hands the full-screen app's keymap check to the loader.

use std::path::Path;

/// The non-test code of every `.rs` file under `dir`: files named `tests.rs` and
/// everything after `#[cfg(test)]` are left out (tests may use the embedded data).
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap().to_string();
            // Forward slashes on every system, so the exceptions below read the same on
            // Windows, where the path would otherwise say `cli\mod.rs`.
            out.push((path.display().to_string().replace('\\', "/"), code));
        }
    }
    out
}

fn uses(code: &str, module: &str) -> bool {
    code.contains(&format!("crate::{module}::"))
        || code.contains(&format!("crate::{module};"))
        || code.contains(&format!("crate::{module}}}"))
}

fn assert_never(layer: &str, forbidden: &[&str], except: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut wrong = Vec::new();
    for (file, code) in sources(&root) {
        if except.iter().any(|e| file.ends_with(e)) {
            continue;
        }
        for m in forbidden {
            if uses(&code, m) {
                wrong.push(format!("{file} uses crate::{m}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn core_is_pure() {
    assert_never("core", &["store", "app", "tui", "access", "cli"], &[]);
}

#[test]
fn store_knows_only_core() {
    assert_never("store", &["app", "tui", "access", "cli"], &[]);
}

#[test]
fn the_app_layer_knows_no_front_end() {
    assert_never("app", &["tui", "access", "cli"], &[]);
}

#[test]
fn front_ends_never_call_each_other() {
    assert_never("access", &["tui", "cli"], &[]);
    assert_never("tui", &["access", "cli"], &[]);
    assert_never("cli", &["access", "tui"], &["cli/mod.rs"]);
}
