//! Reading a user's file safely: only regular files, and never more than a limit. A
//! FIFO named `catalogus.ron` would make a plain read wait forever, `/dev/zero` would
//! fill the memory, and a folder gives an English error; each is refused here with a
//! Dutch sentence. Every loader, `controleer` and `suggesties` read through this.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use super::files::describe_io_error;

/// Why a file was not read.
#[derive(Debug)]
pub enum LeesFout {
    /// There is nothing by that name (callers often fall back to a default).
    Ontbreekt,
    /// Something other than a regular file: what it is, in Dutch.
    GeenBestand(&'static str),
    /// Larger than the limit (bytes).
    TeGroot(u64),
    /// The file system refused.
    Io(io::Error),
}

impl LeesFout {
    /// A Dutch sentence about `path`.
    pub fn melding(&self, path: &Path, limit: u64) -> String {
        match self {
            LeesFout::Ontbreekt => format!("{} bestaat niet", path.display()),
            LeesFout::GeenBestand(wat) => format!(
                "dit is geen gewoon bestand maar {wat}; meedoen leest alleen gewone bestanden"
            ),
            LeesFout::TeGroot(size) => format!(
                "het bestand is te groot ({} MB; maximaal {} MB); meedoen leest het niet",
                size / (1024 * 1024),
                (limit / (1024 * 1024)).max(1)
            ),
            LeesFout::Io(e) => describe_io_error(e, path),
        }
    }
}

/// What a non-regular file is, for the message.
fn soort(meta: &fs::Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("een map");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("een pijp (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("een apparaat");
        }
        if t.is_socket() {
            return Some("een socket");
        }
    }
    Some("geen gewoon bestand")
}

/// Reads `path` whole when it is a regular file (a symlink to one is fine) of at most
/// `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, LeesFout> {
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(LeesFout::Ontbreekt),
        Err(e) => return Err(LeesFout::Io(e)),
    };
    if let Some(wat) = soort(&meta) {
        return Err(LeesFout::GeenBestand(wat));
    }
    if meta.len() > limit {
        return Err(LeesFout::TeGroot(meta.len()));
    }
    let file = File::open(path).map_err(LeesFout::Io)?;
    // Checked again on the open file, in case the name was swapped in between.
    let meta = file.metadata().map_err(LeesFout::Io)?;
    if let Some(wat) = soort(&meta) {
        return Err(LeesFout::GeenBestand(wat));
    }
    // The size on disk can lie (a file that grows while read, /proc): cap the read.
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(LeesFout::Io)?;
    if bytes.len() as u64 > limit {
        return Err(LeesFout::TeGroot(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        fs::write(&p, "é").unwrap();
        assert_eq!(read_regular(&p, 10).unwrap(), "é".as_bytes());
    }

    #[test]
    fn missing_folder_and_too_big_are_refused_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        assert!(matches!(read_regular(&p, 10), Err(LeesFout::Ontbreekt)));
        let e = read_regular(dir.path(), 10).unwrap_err();
        assert!(e.melding(dir.path(), 10).contains("een map"));
        fs::write(&p, "12345678901").unwrap();
        let e = read_regular(&p, 10).unwrap_err();
        assert!(matches!(e, LeesFout::TeGroot(_)));
        assert!(e.melding(&p, 10).contains("te groot"));
    }

    #[cfg(unix)]
    #[test]
    fn fifo_device_and_symlinks_to_them_never_hang() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("catalogus.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let e = read_regular(&fifo, 1024).unwrap_err();
            assert!(e.melding(&fifo, 1024).contains("pijp"), "{e:?}");
        } else {
            eprintln!("mkfifo ontbreekt: de FIFO-test is overgeslagen");
        }
        let link = dir.path().join("nul.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let e = read_regular(&link, 1024).unwrap_err();
        assert!(e.melding(&link, 1024).contains("apparaat"), "{e:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_lies_about_its_size_is_capped() {
        // /proc files report size 0 but have content.
        let e = read_regular(Path::new("/proc/self/maps"), 16);
        assert!(matches!(e, Err(LeesFout::TeGroot(_))), "{e:?}");
    }
}
