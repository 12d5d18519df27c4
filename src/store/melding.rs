//! Dutch sentences for failed file operations. People who use meedoen do not know what
//! "os error 28" means, and an English fragment in a Dutch sentence reads as a crash, so
//! every `io::ErrorKind` that a file operation meets in practice has its own sentence
//! that says what happened and what to do; the rest gets a neutral sentence with the
//! system's number, never the system's English text.

use std::io::{self, ErrorKind as K};
use std::path::Path;

/// A Dutch sentence for a failed file operation on `path`, naming the folder.
pub fn describe_io_error(e: &io::Error, path: &Path) -> String {
    let folder = if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(path)
    };
    let folder = folder.display();
    let file = path.display();
    let raw = e.raw_os_error();
    let disk_full = if cfg!(windows) {
        matches!(raw, Some(39 | 112))
    } else {
        raw == Some(28)
    };
    // Windows: another program (Word, a virus scanner) holds the file open.
    let in_use = cfg!(windows) && matches!(raw, Some(32 | 33));
    if disk_full || e.kind() == K::StorageFull {
        return format!(
            "De schijf is vol: er is geen ruimte om op te slaan in de map {folder}. Maak ruimte vrij of kies een andere map."
        );
    }
    if in_use {
        return format!(
            "Het bestand {file} is geopend in een ander programma. Sluit dat programma en probeer het opnieuw."
        );
    }
    // Errors meedoen makes itself carry a Dutch sentence; those are shown as they are.
    let own = || {
        e.get_ref()
            .map(ToString::to_string)
            .filter(|m| raw.is_none() && !m.is_empty())
    };
    match e.kind() {
        K::NotFound => format!(
            "De map {folder} of het bestand {file} bestaat niet (meer). Is een USB-stick of netwerkschijf losgekoppeld?"
        ),
        K::PermissionDenied => format!(
            "U heeft geen toestemming om de map {folder} te gebruiken. Kies een andere map of vraag uw beheerder om schrijfrechten."
        ),
        K::ReadOnlyFilesystem => format!(
            "De map {folder} staat op een schijf waarop alleen gelezen kan worden. Kies een andere map."
        ),
        K::QuotaExceeded => format!(
            "Uw opslagruimte is op: er kan niets meer bij in de map {folder}. Maak ruimte vrij of kies een andere map."
        ),
        K::FileTooLarge => {
            format!("Het bestand {file} wordt te groot voor deze schijf. Kies een andere map.")
        }
        K::AlreadyExists => format!(
            "Het bestand {file} bestaat al. meedoen overschrijft nooit een bestaand bestand."
        ),
        K::NotADirectory => match own() {
            Some(m) => format!("{m}. Kies een map om in op te slaan, of haal het bestand weg."),
            None => format!("{folder} is geen map. Kies een map om in op te slaan."),
        },
        K::IsADirectory => format!("{file} is een map, geen bestand."),
        K::DirectoryNotEmpty => format!("De map {file} is niet leeg."),
        K::InvalidFilename => format!("De naam {file} is niet geldig als bestandsnaam."),
        K::InvalidData => format!("Het bestand {file} bevat geen leesbare tekst."),
        K::ResourceBusy | K::ExecutableFileBusy => own().unwrap_or_else(|| {
            format!("Het bestand {file} is in gebruik. Probeer het over een ogenblik opnieuw.")
        }),
        K::Interrupted | K::WouldBlock | K::TimedOut => format!(
            "Het lezen of schrijven van {file} duurde te lang of werd onderbroken. Probeer het opnieuw."
        ),
        K::UnexpectedEof => format!("Het bestand {file} houdt onverwacht op; is het beschadigd?"),
        K::CrossesDevices => {
            format!(
                "{file} kan niet naar een andere schijf worden verplaatst. Kies een map op dezelfde schijf."
            )
        }
        K::StaleNetworkFileHandle | K::NetworkUnreachable | K::HostUnreachable => format!(
            "De netwerkschijf met de map {folder} is niet bereikbaar. Controleer de verbinding of kies een map op deze computer."
        ),
        K::OutOfMemory => {
            "Er is niet genoeg werkgeheugen. Sluit andere programma's en probeer het opnieuw."
                .to_string()
        }
        K::Unsupported => format!(
            "Deze schijf ondersteunt wat meedoen met {file} wilde doen niet. Kies een map op een andere schijf."
        ),
        K::InvalidInput => own().unwrap_or_else(|| format!("{file} is geen geldige naam of map.")),
        _ => match raw {
            Some(code) => format!(
                "Er ging iets mis met {file} in de map {folder} (systeemfoutcode {code}). Probeer het opnieuw of kies een andere map."
            ),
            None => format!(
                "Er ging iets mis met {file} in de map {folder}. Probeer het opnieuw of kies een andere map."
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_names_the_folder_in_dutch() {
        let e = io::Error::from(K::PermissionDenied);
        let msg = describe_io_error(&e, Path::new("/nergens/plan.md"));
        assert!(msg.contains("/nergens"), "{msg}");
        assert!(msg.contains("toestemming"), "{msg}");
    }

    #[test]
    fn common_kinds_have_their_own_sentence_and_no_english() {
        let p = Path::new("/x/y.md");
        let cases = [
            (K::StorageFull, "vol"),
            (K::ReadOnlyFilesystem, "alleen gelezen"),
            (K::PermissionDenied, "toestemming"),
            (K::NotFound, "bestaat niet"),
            (K::AlreadyExists, "bestaat al"),
            (K::IsADirectory, "is een map"),
            (K::NotADirectory, "geen map"),
            (K::QuotaExceeded, "opslagruimte"),
            (K::FileTooLarge, "te groot"),
            (K::ResourceBusy, "in gebruik"),
            (K::TimedOut, "te lang"),
            (K::UnexpectedEof, "onverwacht"),
            (K::Other, "Er ging iets mis"),
        ];
        for (kind, want) in cases {
            let msg = describe_io_error(&io::Error::from(kind), p);
            assert!(msg.contains(want), "{kind:?}: {msg}");
            assert!(!msg.contains("os error"), "{kind:?}: {msg}");
        }
    }

    #[test]
    fn raw_os_errors_never_show_their_english_text() {
        for code in [5, 13, 16, 22, 28, 30, 36, 95, 122] {
            let msg = describe_io_error(&io::Error::from_raw_os_error(code), Path::new("/x/y"));
            assert!(!msg.contains("os error"), "{code}: {msg}");
            assert!(!msg.to_lowercase().contains("error"), "{code}: {msg}");
        }
        #[cfg(unix)]
        assert!(
            describe_io_error(&io::Error::from_raw_os_error(28), Path::new("/x/y.md"))
                .contains("vol")
        );
    }

    #[test]
    fn own_dutch_messages_are_kept() {
        let e = io::Error::new(K::ResourceBusy, "Dit gesprek is al geopend.");
        assert_eq!(
            describe_io_error(&e, Path::new("/x")),
            "Dit gesprek is al geopend."
        );
    }
}
