//! The `meedoen` binary.

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
