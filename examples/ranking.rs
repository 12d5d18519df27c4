//! Prints each written client profile of `tests/ranking/profielen.ron` with its top 10
//! suggestions and their reasons, and what the consultant's expectations say of them,
//! for a person who knows the work to review: `cargo run --example ranking`, or
//! `cargo run --example ranking -- NAAM` for the profiles whose name contains NAAM.

#[path = "../tests/ranking/profiel.rs"]
mod profiel;

use meedoen::core::matching::Matcher;

fn main() {
    let data = meedoen::store::assets::load(None).expect("embedded data loads");
    let m = Matcher::new(&data.catalogue, &data.taxonomy);
    let filter = std::env::args().nth(1).unwrap_or_default();
    let mut goed = 0;
    let mut totaal = 0;
    for k in profiel::klanten()
        .into_iter()
        .filter(|k| k.naam.contains(&filter))
    {
        totaal += 1;
        let s = m.suggest(&k.profiel());
        println!("═══ {} ═══", k.naam);
        println!("{}  (bron: {})", k.wie, k.bron.join(", "));
        if let Some(reden) = s.leeg_reden() {
            println!("{reden}");
        }
        for (n, x) in s.suggesties.iter().take(10).enumerate() {
            let titel = data.catalogue.find(&x.id).map_or("", |o| o.titel.as_str());
            println!("{:>3}. {titel}  [{}]  score {}", n + 1, x.id, x.score);
            let waarom: Vec<String> = x.waarom().iter().map(ToString::to_string).collect();
            println!("       {}", waarom.join("; "));
        }
        println!(
            "     ({} voorgesteld, {} uitgesloten, {} in de hele catalogus)",
            s.suggesties.len(),
            s.uitgesloten.len(),
            s.overig.len()
        );
        let fouten = k.check(&s);
        if fouten.is_empty() {
            goed += 1;
            println!("  ✓ verwachting van de consulent gehaald");
        }
        for f in fouten {
            println!("  ✗ {f}");
        }
        println!();
    }
    println!("{goed} van {totaal} profielen halen de verwachting.");
}
