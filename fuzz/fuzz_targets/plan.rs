//! Fuzz target: a session (as RON text) rendered into a plan with the embedded data and
//! template. Rendering must never panic and always gives valid UTF-8; a refusal (the
//! output cap, say) is a problem, not a crash.

#![no_main]

use libfuzzer_sys::fuzz_target;
use meedoen::core::plan::render_markdown;
use meedoen::core::session::Session;
use meedoen::store::assets;

fuzz_target!(|input: &str| {
    let Ok(session) = ron::from_str::<Session>(input) else {
        return;
    };
    let data = assets::load(None).expect("embedded data is valid");
    let template = assets::plan_template(None).expect("embedded template reads");
    if let Ok(plan) = render_markdown(&session, &data, &template) {
        assert!(std::str::from_utf8(plan.as_bytes()).is_ok());
    }
});
