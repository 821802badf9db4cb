//! Bytes to text: whatever encoding a saved page or an archive export used.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and what went wrong on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text with `\n` line ends, no BOM, no NUL or other control characters but tab/newline.
    pub text: String,
    /// Problems, one sentence each (the file name is added by the caller).
    pub warnings: Vec<String>,
    /// Whether the encoding was guessed by the detector (no BOM, not UTF-8).
    pub detected: bool,
}

/// Decodes bytes: a BOM decides when present; valid UTF-8 is taken as UTF-8; anything else goes
/// to an encoding detector (Windows-1252, Windows-1251, KOI8-R, …). Invalid sequences become
/// U+FFFD and are reported, never a failure.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let mut detected = false;
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom_len..])
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, bytes)
    } else if looks_like_utf16(bytes).is_some() {
        (looks_like_utf16(bytes).unwrap_or(UTF_16LE), bytes)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
        detected = true;
        if enc != UTF_8 {
            warnings.push(format!(
                "not UTF-8: decoded as {} (detected); save the file as UTF-8 to be sure",
                enc.name()
            ));
        }
        (enc, bytes)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        warnings.push(format!(
            "invalid {} byte sequences were replaced with U+FFFD",
            encoding.name()
        ));
    }
    let text = normalise(&text, &mut warnings);
    Decoded {
        text,
        warnings,
        detected,
    }
}

/// Decodes bytes in an encoding the file declares (a saved page's `<meta charset>`).
pub fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let mut warnings = Vec::new();
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "invalid {} byte sequences were replaced with U+FFFD (the page declares {0}; \
             is the declaration right?)",
            encoding.name()
        ));
    }
    let text = normalise(&text, &mut warnings);
    Decoded {
        text,
        warnings,
        detected: false,
    }
}

/// UTF-16 without a BOM: many NULs in alternate positions.
pub fn looks_like_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(512)];
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    if odd_nuls * 10 > half * 8 && even_nuls * 10 < half {
        Some(UTF_16LE)
    } else if even_nuls * 10 > half * 8 && odd_nuls * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// `\r\n` and `\r` to `\n`; control characters other than tab and newline dropped (reported).
fn normalise(text: &str, warnings: &mut Vec<String>) -> String {
    // Runs of ordinary characters are copied whole; only line ends, controls (C0, DEL, C1)
    // and byte order marks are looked at one by one.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut controls = 0usize;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next byte that may need a look.
        match bytes[i..]
            .iter()
            .position(|&b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xef)
        {
            Some(k) => i += k,
            None => break,
        }
        let (keep, skip) = match bytes[i] {
            b'\n' | b'\t' => (None, 0),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => (Some('\n'), 2),
            b'\r' => (Some('\n'), 1),
            0..=0x1f | 0x7f => (None, 1),
            // U+0080..U+009F, the C1 controls.
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => (None, 2),
            0xef if bytes[i..].starts_with("\u{feff}".as_bytes()) => (None, 3),
            _ => (None, 0),
        };
        if skip == 0 {
            i += 1;
            continue;
        }
        out.push_str(&text[run..i]);
        match keep {
            Some(c) => out.push(c),
            None if bytes[i] != 0xef => controls += 1,
            None => {}
        }
        i += skip;
        run = i;
    }
    out.push_str(&text[run..]);
    if controls > 0 {
        warnings.push(format!(
            "{controls} control characters (NUL and the like) were removed"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_loses_the_bom() {
        let d = decode(b"\xef\xbb\xbfMOSCOW, January 14");
        assert_eq!(d.text, "MOSCOW, January 14");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_le_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Tokyo — ok".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).text, "Tokyo — ok");
    }

    #[test]
    fn utf16_be_with_bom() {
        let mut bytes = vec![0xfe, 0xff];
        for u in "Lavrov said".encode_utf16() {
            bytes.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&bytes).text, "Lavrov said");
    }

    #[test]
    fn windows_1252_quotes_are_detected() {
        // "It’s a “deal”," said the minister — in Windows-1252 bytes.
        let bytes = b"\x93It\x92s a deal,\x94 the minister said on Monday in Paris.";
        let d = decode(bytes);
        assert!(d.text.starts_with("\u{201c}It\u{2019}s"), "{}", d.text);
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn windows_1251_russian_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Министр иностранных дел России Сергей Лавров заявил в понедельник.");
        let d = decode(&bytes);
        assert!(d.text.contains("Лавров"), "{}", d.text);
    }

    #[test]
    fn crlf_and_cr_become_newlines_and_nul_is_dropped() {
        let d = decode(b"one\r\ntwo\rthree\0four");
        assert_eq!(d.text, "one\ntwo\nthreefour");
        assert_eq!(d.warnings.len(), 1);
    }
}
