//! `communique dates --anchor YYYY-MM-DD FILE…`: every date expression the engine finds, one
//! JSON object per line, so that the engine can be inspected and evaluated on any text.
//!
//! Offsets are in characters (not bytes) of the decoded text, as editors and most evaluation
//! tools count them.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;

use crate::clean::decode;
use crate::dates::find;

#[derive(Serialize)]
struct Line<'a> {
    file: String,
    start: usize,
    end: usize,
    text: &'a str,
    value: &'a str,
    rule: &'a str,
    future: bool,
}

/// Prints every date expression in each file, resolved against `anchor` when given.
pub fn run(
    anchor: Option<NaiveDate>,
    files: &[PathBuf],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    for path in files {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let text = decode(&bytes).text;
        let mut chars = 0usize;
        let mut at = 0usize;
        for t in find(&text, anchor) {
            // Offsets only grow: count characters incrementally.
            chars += text[at..t.start].chars().count();
            at = t.start;
            let start = chars;
            let end = start + t.text.chars().count();
            let line = Line {
                file: path.display().to_string(),
                start,
                end,
                text: &t.text,
                value: &t.value,
                rule: t.rule,
                future: t.future,
            };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_char_offsets() {
        let dir = std::env::temp_dir().join(format!("communique-dates-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.txt");
        std::fs::write(&path, "Russia’s minister said on Friday.").unwrap();
        let mut out = Vec::new();
        run(
            NaiveDate::from_ymd_opt(2019, 2, 22),
            std::slice::from_ref(&path),
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let v: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(v["start"], 26);
        assert_eq!(v["end"], 32);
        assert_eq!(v["value"], "2019-02-22");
        assert_eq!(v["rule"], "weekday");
        std::fs::remove_dir_all(&dir).ok();
    }
}
