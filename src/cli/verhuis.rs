//! `meedoen verhuis-naar MAP` and `meedoen verhuis-van MAP`: moving one's own settings,
//! saved gesprekken, plans and preferences (and drafts, when asked) to another computer
//! through one folder, and back in, never overwriting. Both list every file. The work is
//! `app::verhuis`; this module prints it and maps failures to exit codes: 2 for a folder
//! that cannot be used, 3 for a disk error (full, read-only, a file where the folder
//! should be).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Cli, Fout, terminal_safe};
use crate::app::verhuis;
use crate::store::verhuis::{Fout as VerhuisFout, Uitkomst};

#[derive(Debug, clap::Args)]
pub struct NaarArgs {
    /// Nieuwe of lege map waarin alles komt (bijvoorbeeld op een USB-stick)
    #[arg(value_name = "MAP", help_heading = "Argumenten")]
    pub map: PathBuf,
    /// Ook de concepten meenemen (gesprekken die nog niet af zijn)
    #[arg(long)]
    pub met_concepten: bool,
}

#[derive(Debug, clap::Args)]
pub struct VanArgs {
    /// Verhuismap die met `meedoen verhuis-naar` is gemaakt
    #[arg(value_name = "MAP", help_heading = "Argumenten")]
    pub map: PathBuf,
}

fn fout(f: VerhuisFout, extra: &str) -> Fout {
    match f {
        VerhuisFout::Gebruik(m) => Fout::Gebruik(terminal_safe(&m)),
        VerhuisFout::Schijf(m) => Fout::Bestand(format!("{}\n{extra}", terminal_safe(&m))),
    }
}

pub fn run_naar(cli: &Cli, args: &NaarArgs, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let bundle = super::bundle(cli)?;
    if let Some(w) = verhuis::cloud_waarschuwing(&args.map) {
        writeln!(out, "{}", terminal_safe(&w))?;
    }
    let regels = verhuis::naar(&bundle, &args.map, args.met_concepten).map_err(|f| {
        fout(
            f,
            "Er is niets gekopieerd: wat al geschreven was, is weer weggehaald. Kies een andere map of maak ruimte vrij.",
        )
    })?;
    for r in &regels {
        writeln!(out, "{}", terminal_safe(&verhuis::beschrijf(r)))?;
    }
    let map = terminal_safe(&args.map.display().to_string());
    writeln!(
        out,
        "{} bestand(en) gekopieerd naar {map}, met een README.txt die zegt wat erin staat.",
        regels.len()
    )?;
    if !args.met_concepten {
        writeln!(
            out,
            "Concepten zijn niet meegenomen; gebruik --met-concepten om ze mee te nemen."
        )?;
    }
    writeln!(
        out,
        "Let op: deze map bevat gegevens van klanten. Zet hem over met `meedoen verhuis-van {map}` en wis hem daarna."
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_van(cli: &Cli, args: &VanArgs, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let bundle = super::bundle(cli)?;
    let (regels, stopped) = match verhuis::van(&bundle, &args.map) {
        Ok(r) => (r, None),
        Err((r, f)) => (r, Some(f)),
    };
    for r in &regels {
        writeln!(out, "{}", terminal_safe(&verhuis::beschrijf(r)))?;
    }
    if let Some(f) = stopped {
        return Err(fout(
            f,
            "Gestopt. De bestanden hierboven zijn helemaal overgezet, de rest nog niet. Los het op en start `meedoen verhuis-van` opnieuw: wat er al staat, wordt overgeslagen.",
        ));
    }
    let tel = |f: fn(&Uitkomst) -> bool| regels.iter().filter(|r| f(&r.uitkomst)).count();
    writeln!(
        out,
        "{} gekopieerd, {} al aanwezig en overgeslagen, {} naast een ander bestand bewaard, {} niet overgenomen. Er is niets overschreven.",
        tel(|u| *u == Uitkomst::Gekopieerd),
        tel(|u| *u == Uitkomst::Gelijk),
        tel(|u| matches!(u, Uitkomst::BeideBewaard(_))),
        tel(|u| *u == Uitkomst::NietOvergenomen),
    )?;
    if tel(|u| matches!(u, Uitkomst::BeideBewaard(_))) > 0 {
        writeln!(
            out,
            "Vergelijk de bestanden met \"(van verhuismap)\" in de naam en haal weg wat u niet nodig heeft."
        )?;
    }
    writeln!(out, "Controleer de instellingen met `meedoen controleer`.")?;
    Ok(ExitCode::SUCCESS)
}
