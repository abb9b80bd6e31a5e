//! The fetch cache: every raw answer, kept as it came, with one manifest line each (time, method,
//! URL, request body, HTTP status, content type, byte count and SHA-256), so that a fetched run
//! can be replayed offline (`fetch --from-cache`) and checked byte for byte.
//!
//! ```text
//! data/cache/manifest.jsonl
//! data/cache/answers/3f2a….body
//! ```

use super::request::Request;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

const MANIFEST: &str = "manifest.jsonl";

/// One manifest line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub time: String,
    pub method: String,
    pub url: String,
    pub body: Option<String>,
    pub status: u16,
    pub content_type: String,
    pub bytes: usize,
    pub sha256: String,
}

/// An answer as the server gave it, or as the cache holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    /// When it was received (RFC 3339, UTC).
    pub time: String,
}

pub struct Cache {
    dir: PathBuf,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    /// Keeps an answer and appends its manifest line. The body is written before the line, so a
    /// line always names a file that is there.
    pub fn keep(&self, req: &Request, answer: &Answer) -> Result<(), String> {
        let answers = self.dir.join("answers");
        std::fs::create_dir_all(&answers)
            .map_err(|e| format!("cache {}: {e}", answers.display()))?;
        let sha = sha256_hex(&answer.body);
        let file = answers.join(format!("{sha}.body"));
        if !file.exists() {
            let tmp = answers.join(format!("{sha}.tmp"));
            std::fs::write(&tmp, &answer.body)
                .and_then(|_| std::fs::rename(&tmp, &file))
                .map_err(|e| format!("cache {}: {e}", file.display()))?;
        }
        let entry = Entry {
            time: answer.time.clone(),
            method: req.method.as_str().to_string(),
            url: req.url.clone(),
            body: req.body.clone(),
            status: answer.status,
            content_type: answer.content_type.clone(),
            bytes: answer.body.len(),
            sha256: sha,
        };
        let line = serde_json::to_string(&entry).map_err(|e| e.to_string())? + "\n";
        let path = self.dir.join(MANIFEST);
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .map_err(|e| format!("cache {}: {e}", path.display()))
    }

    /// The manifest's lines, oldest first; a line that cannot be read is an error naming it.
    pub fn entries(&self) -> Result<Vec<Entry>, String> {
        let path = self.dir.join(MANIFEST);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
            })
            .collect()
    }

    /// The newest successful answer to exactly this request, checked against its SHA-256.
    pub fn replay(&self, req: &Request) -> Result<Answer, String> {
        let entry = self
            .entries()?
            .into_iter()
            .rev()
            .find(|e| {
                e.status == 200
                    && e.method == req.method.as_str()
                    && e.url == req.url
                    && e.body == req.body
            })
            .ok_or_else(|| {
                format!(
                    "no cached answer to {} {} in {}; run `oppvekst-data fetch` with a network first",
                    req.method.as_str(),
                    req.url,
                    self.dir.display()
                )
            })?;
        let file = self
            .dir
            .join("answers")
            .join(format!("{}.body", entry.sha256));
        let body = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if sha256_hex(&body) != entry.sha256 {
            return Err(format!(
                "{}: its SHA-256 is not the manifest's {}; the cache was changed",
                file.display(),
                entry.sha256
            ));
        }
        Ok(Answer {
            status: entry.status,
            content_type: entry.content_type,
            body,
            time: entry.time,
        })
    }
}
