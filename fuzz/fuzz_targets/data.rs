//! Fuzz target: script, taxonomy and catalogue from one input (split on U+0001, missing
//! parts are the embedded defaults). Parsing must never panic, and every problem must
//! point at a line and column inside the file it names.

#![no_main]

use libfuzzer_sys::fuzz_target;
use meedoen::core::data::{Data, Source};
use meedoen::store::assets;

fuzz_target!(|input: &str| {
    let mut sources = assets::embedded();
    let mut parts = input.split('\u{1}');
    for slot in [
        &mut sources.script,
        &mut sources.taxonomy,
        &mut sources.catalogue,
    ] {
        if let Some(text) = parts.next() {
            *slot = Source::new(slot.name.clone(), text);
        }
    }
    if let Err(problems) = Data::parse(&sources) {
        for p in problems {
            let text = [&sources.script, &sources.taxonomy, &sources.catalogue]
                .into_iter()
                .find(|s| s.name == p.file)
                .map(|s| s.text.as_str())
                .expect("a problem names one of the files");
            if p.line > 0 {
                let line = text
                    .split('\n')
                    .nth(p.line - 1)
                    .expect("line inside the file");
                assert!(p.col >= 1 && p.col <= line.chars().count() + 1, "{p}");
            }
        }
    }
});
