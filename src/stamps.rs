//! File stamps: what each article file looked like when its bytes were last hashed, kept in
//! `.communique-cache/stamps.bin`, so a rebuild trusts the hash of a file that has not changed
//! instead of reading it again (ten thousand reads are a tenth of a warm build).
//!
//! A stamp is the file's size, modification and status-change times and inode, as version
//! control tells unchanged files. The change time cannot be set back by any tool, so a file
//! rewritten with its old size and modification time still differs. A file modified within a
//! file system's clock tick before the scan that hashed it is not trusted (its next change could
//! fall in the same tick): it is read again. Like every cache here, the stamps are only speed: a
//! missing or damaged file means every article is read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cache::{hash_parts, load_checked, save_checked};

const MAGIC: &[u8; 8] = b"CQSTM\x00\x00\x01";

/// What a file looked like: size, modification and change times (ns since the epoch), inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified: i128,
    changed: i128,
    inode: u64,
}

impl Stamp {
    /// The stamp of a file's metadata; `None` where the platform does not give change times
    /// and inodes (there every file is read).
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Some(Stamp {
                len: meta.len(),
                modified: ns(meta.mtime(), meta.mtime_nsec()),
                changed: ns(meta.ctime(), meta.ctime_nsec()),
                inode: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

/// A file's stamp and the hash of its bytes, with when they were taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hashed {
    /// The file as it was.
    pub stamp: Stamp,
    /// [`content_hash`] of its bytes.
    pub content: u64,
    /// When the scan that read it began (ns since the epoch).
    pub scanned: i128,
}

/// A 64-bit hash of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> u64 {
    hash_parts(&[bytes])
}

/// Now, in ns since the epoch (0 if the clock is before it: then nothing is trusted).
pub fn now() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

/// The stamps of the last scan, by path under the content folder.
#[derive(Debug, Default)]
pub struct Stamps {
    files: HashMap<PathBuf, Hashed>,
}

fn path(root: &Path) -> PathBuf {
    root.join(".communique-cache").join("stamps.bin")
}

impl Stamps {
    /// The stamps kept for the site at `root`; empty if there are none or they do not read.
    pub fn load(root: &Path) -> Stamps {
        let files = load_checked(&path(root), MAGIC)
            .and_then(|body| postcard::from_bytes::<Vec<(PathBuf, Hashed)>>(&body).ok())
            .unwrap_or_default();
        Stamps {
            files: files.into_iter().collect(),
        }
    }

    /// The hash of `rel`'s bytes if the file still looks as it did when they were hashed, and
    /// had not been modified within two seconds before that (the coarsest clock tick of a
    /// file system in use, FAT's).
    pub fn trusted(&self, rel: &Path, stamp: &Stamp) -> Option<&Hashed> {
        const MARGIN: i128 = 2_000_000_000;
        self.files.get(rel).filter(|h| {
            h.stamp == *stamp
                && stamp.modified < h.scanned - MARGIN
                && stamp.changed < h.scanned - MARGIN
        })
    }

    /// Whether `files` are exactly the stamps loaded (then there is nothing to save).
    pub fn same_as(&self, files: &[(PathBuf, Hashed)]) -> bool {
        files.len() == self.files.len()
            && files.iter().all(|(rel, h)| self.files.get(rel) == Some(h))
    }

    /// Saves `files` as the site's stamps. Failing to save costs speed only.
    pub fn save(root: &Path, files: &[(PathBuf, Hashed)]) -> std::io::Result<()> {
        let body = postcard::to_allocvec(files).map_err(std::io::Error::other)?;
        save_checked(&path(root), MAGIC, &body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(len: u64, modified: i128, changed: i128) -> Stamp {
        Stamp {
            len,
            modified,
            changed,
            inode: 7,
        }
    }

    #[test]
    fn a_stamp_is_trusted_only_unchanged_and_older_than_its_scan_by_two_seconds() {
        let s = 10_000_000_000;
        let old = stamp(100, s - 5_000_000_000, s - 5_000_000_000);
        let hashed = Hashed {
            stamp: old,
            content: 42,
            scanned: s,
        };
        let stamps = Stamps {
            files: [(PathBuf::from("a.txt"), hashed)].into(),
        };
        let rel = Path::new("a.txt");
        assert_eq!(stamps.trusted(rel, &old).map(|h| h.content), Some(42));
        // Any difference: size, either time, the inode, the path.
        assert!(
            stamps
                .trusted(rel, &stamp(101, old.modified, old.changed))
                .is_none()
        );
        assert!(
            stamps
                .trusted(rel, &stamp(100, old.modified, old.changed + 1))
                .is_none()
        );
        assert!(stamps.trusted(rel, &Stamp { inode: 8, ..old }).is_none());
        assert!(stamps.trusted(Path::new("b.txt"), &old).is_none());
        // Modified within two seconds before its scan: read again.
        let racy = stamp(100, s - 1_500_000_000, s - 1_500_000_000);
        let stamps = Stamps {
            files: [(
                PathBuf::from("a.txt"),
                Hashed {
                    stamp: racy,
                    ..hashed
                },
            )]
            .into(),
        };
        assert!(stamps.trusted(rel, &racy).is_none());
    }

    #[test]
    fn stamps_round_trip_and_a_damaged_file_is_ignored() {
        let dir = std::env::temp_dir().join(format!("cq-stamps-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let files = vec![(
            PathBuf::from("x/a.txt"),
            Hashed {
                stamp: stamp(3, 1, 2),
                content: 9,
                scanned: 5,
            },
        )];
        Stamps::save(&dir, &files).unwrap();
        assert!(Stamps::load(&dir).same_as(&files));
        let file = path(&dir);
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        std::fs::write(&file, bytes).unwrap();
        assert!(Stamps::load(&dir).files.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
