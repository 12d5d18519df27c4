//! The `meedoen` binary.

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args_os().skip(1);
    let mut opts = meedoen::tui::Options::default();
    while let Some(a) = args.next() {
        if a == "--uitvoer" {
            opts.uitvoer = args.next().map(PathBuf::from);
        }
    }
    match meedoen::tui::run(opts) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("meedoen: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
