//! The `meedoen` binary.

/// Matching and search build many small strings per keystroke; mimalloc frees and reuses
/// them several times faster than the platform allocators (glibc's consolidation of freed
/// chunks was half the time of ranking a large catalogue).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    match meedoen::store::assets::load(None) {
        Ok(data) => println!("{} stappen", data.script.steps().count()),
        Err(ps) => {
            for p in ps {
                eprintln!("{p}");
            }
            std::process::exit(2);
        }
    }
}
