//! Fuzz target: arbitrary bytes as a draft on disk. Loading must never panic; a draft
//! that cannot be read is a problem to show, and the file stays where it is.

#![no_main]

use libfuzzer_sys::fuzz_target;
use meedoen::store::drafts::load_session;

fuzz_target!(|bytes: &[u8]| {
    let dir = tempfile_dir();
    let path = dir.join("concept.ron");
    std::fs::write(&path, bytes).expect("write the input");
    let _ = load_session(&path);
    assert!(path.exists(), "a draft that fails to load is never removed");
});

/// One folder per process, reused for every input: creating folders per input would
/// make the fuzzer measure the file system instead of the parser.
fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("meedoen-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create the fuzz folder");
    dir
}
