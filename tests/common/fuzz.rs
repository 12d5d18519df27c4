//! The proptest settings every property test shares, so a long pass is one environment
//! variable for all of them (see docs/fuzzing.md).

use proptest::test_runner::Config;

/// Cases per property: 64 unless `PROPTEST_CASES` says otherwise.
pub fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        // Failures print their minimal input; no regression files appear in the tree.
        failure_persistence: None,
        ..Config::default()
    }
}
