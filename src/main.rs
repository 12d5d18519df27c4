//! The `meedoen` binary: everything happens in `meedoen::cli`, so the library's tests
//! cover it too.
//!
//! The platform allocator is kept on purpose: mimalloc ranked a large catalogue faster,
//! but doubled the time to the first frame and tripled the peak memory, which every
//! consultant pays at every start. Ranking was made fast by allocating less instead.

fn main() -> std::process::ExitCode {
    meedoen::cli::main()
}
