//! Tightens a rendered page without changing what a browser reads from it: an attribute value
//! that needs no quotes loses them (`href="../x/index.html"` → `href=../x/index.html`), and the
//! quotation marks Tera escapes everywhere are written as themselves where HTML allows it
//! (`&quot;` and `&#39;` in text, `&#39;` inside a double-quoted value). Every page carries
//! dozens of attributes and an article's text many quotation marks, so this is paid back by
//! every page of a large site; it is one pass over the bytes, done while the page is in memory.
//!
//! Comments, end tags, the doctype and the content of `script` and `style` are copied as they
//! are. A value keeps its quotes when it is empty, holds a character that would end or confuse
//! an unquoted value (whitespace, `"`, `'`, `=`, `<`, `>`, `` ` ``), or is followed by `/`
//! (`<br class="x"/>` would otherwise give the value `x/`).

/// Elements whose content is not markup: copied untouched up to their end tag.
const RAW: &[&[u8]] = &[b"script", b"style"];

/// The page `html` with unneeded attribute quotes and escaped quotation marks removed.
pub fn tighten(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len());
    let mut i = 0;
    while i < html.len() {
        let Some(at) = html[i..].iter().position(|&b| b == b'<' || b == b'&') else {
            out.extend_from_slice(&html[i..]);
            break;
        };
        out.extend_from_slice(&html[i..i + at]);
        i += at;
        if html[i] == b'&' {
            i += text_reference(&html[i..], &mut out);
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with(b"<!--") {
            let end = find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            out.extend_from_slice(&rest[..end]);
            i += end;
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let (len, name) = start_tag(rest, &mut out);
            i += len;
            if RAW.iter().any(|r| name.eq_ignore_ascii_case(r)) {
                let end = raw_end(&html[i..], name);
                out.extend_from_slice(&html[i..i + end]);
                i += end;
            }
        } else if rest
            .get(1)
            .is_some_and(|&b| b == b'/' || b == b'!' || b == b'?')
        {
            let end = rest
                .iter()
                .position(|&b| b == b'>')
                .map_or(rest.len(), |e| e + 1);
            out.extend_from_slice(&rest[..end]);
            i += end;
        } else {
            out.push(b'<');
            i += 1;
        }
    }
    out
}

/// Writes the character reference at the start of `s` (in text) as the character where that
/// is safe; returns the bytes read.
fn text_reference(s: &[u8], out: &mut Vec<u8>) -> usize {
    if s.starts_with(b"&quot;") {
        out.push(b'"');
        6
    } else if s.starts_with(b"&#39;") {
        out.push(b'\'');
        5
    } else {
        out.push(b'&');
        1
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Where the content of a raw-text element `name` ends: at its end tag, or the end of `s`.
fn raw_end(s: &[u8], name: &[u8]) -> usize {
    let mut from = 0;
    while let Some(at) = find(&s[from..], b"</") {
        let tag = from + at + 2;
        if s.len() >= tag + name.len() && s[tag..tag + name.len()].eq_ignore_ascii_case(name) {
            return from + at;
        }
        from = tag;
    }
    s.len()
}

/// Copies the start tag at the start of `s` into `out`, tightened; returns the bytes read and
/// the tag's name.
fn start_tag<'a>(s: &'a [u8], out: &mut Vec<u8>) -> (usize, &'a [u8]) {
    let name_end = 1 + s[1..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-'))
        .unwrap_or(s.len() - 1);
    let name = &s[1..name_end];
    out.extend_from_slice(&s[..name_end]);
    let mut i = name_end;
    while i < s.len() {
        match s[i] {
            b'>' => {
                out.push(b'>');
                return (i + 1, name);
            }
            q @ (b'"' | b'\'') => {
                // A quoted run not right after `=` (`a = "x"`): copied as it is.
                let end = s[i + 1..]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(s.len(), |e| i + e + 2);
                out.extend_from_slice(&s[i..end]);
                i = end;
            }
            b'=' => {
                out.push(b'=');
                i += 1;
                i += value(&s[i..], out);
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    (s.len(), name)
}

/// Copies the attribute value at the start of `s` (just after its `=`) into `out`; returns the
/// bytes read.
fn value(s: &[u8], out: &mut Vec<u8>) -> usize {
    match s.first() {
        Some(b'"') => {
            let Some(len) = s[1..].iter().position(|&b| b == b'"') else {
                out.extend_from_slice(s);
                return s.len();
            };
            let raw = &s[1..1 + len];
            let after = s.get(len + 2).copied();
            let bare = !raw.is_empty()
                && after != Some(b'/')
                && !raw.iter().any(|b| {
                    b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'=' | b'<' | b'>' | b'`')
                })
                && find(raw, b"&#39;").is_none();
            if bare {
                out.extend_from_slice(raw);
            } else {
                out.push(b'"');
                let mut j = 0;
                while j < raw.len() {
                    if raw[j..].starts_with(b"&#39;") {
                        out.push(b'\'');
                        j += 5;
                    } else {
                        out.push(raw[j]);
                        j += 1;
                    }
                }
                out.push(b'"');
            }
            len + 2
        }
        Some(b'\'') => {
            let len = s[1..]
                .iter()
                .position(|&b| b == b'\'')
                .map_or(s.len(), |e| e + 2);
            out.extend_from_slice(&s[..len]);
            len
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::tighten;

    fn t(s: &str) -> String {
        String::from_utf8(tighten(s.as_bytes())).unwrap()
    }

    #[test]
    fn values_that_need_no_quotes_lose_them() {
        assert_eq!(
            t(r#"<a href="../x/index.html" class="tag">x</a>"#),
            "<a href=../x/index.html class=tag>x</a>"
        );
        assert_eq!(
            t(r#"<input aria-label="Search the statements" value="">"#),
            r#"<input aria-label="Search the statements" value="">"#
        );
        assert_eq!(t(r#"<br class="x"/>"#), r#"<br class="x"/>"#);
        assert_eq!(
            t(r#"<a title='a b' href="x=y">"#),
            r#"<a title='a b' href="x=y">"#
        );
        assert_eq!(t(r#"<a href="a&amp;b">"#), "<a href=a&amp;b>");
    }

    #[test]
    fn escaped_quotation_marks_are_written_as_themselves_where_allowed() {
        assert_eq!(
            t("<p>&quot;Yes,&quot; Lavrov&#39;s aide said &amp; left &lt;b&gt;</p>"),
            "<p>\"Yes,\" Lavrov's aide said &amp; left &lt;b&gt;</p>"
        );
        assert_eq!(
            t(r#"<meta content="Lavrov&#39;s &quot;no&quot;">"#),
            r#"<meta content="Lavrov's &quot;no&quot;">"#
        );
        assert_eq!(t(r#"<a href="it&#39;s">"#), r#"<a href="it's">"#);
    }

    #[test]
    fn comments_doctype_end_tags_and_raw_text_are_copied() {
        let page = "<!DOCTYPE html><!-- a \"b\" &quot; --><script>let s = \"&quot;<p class=\\\"x\\\">\";</script><style>a[href=\"x\"]{}</style></p>";
        assert_eq!(t(page), page);
        assert_eq!(
            t("<SCRIPT>\"&quot;\"</SCRIPT><p class=\"a\">&quot;"),
            "<SCRIPT>\"&quot;\"</SCRIPT><p class=a>\""
        );
        assert_eq!(t("a < b & c"), "a < b & c");
    }
}
