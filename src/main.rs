//! The `meedoen` binary: everything happens in `meedoen::cli`, so the library's tests
//! cover it too.
//!
//! The platform allocator is kept on purpose: mimalloc halved the time to rank a
//! 10,000-option catalogue, but doubled the time to the first frame and tripled the peak
//! memory, which every consultant pays at every start, while real catalogues have a few
//! hundred options and rank in well under a millisecond either way.

fn main() -> std::process::ExitCode {
    meedoen::cli::main()
}
