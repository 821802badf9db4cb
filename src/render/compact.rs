//! Minifies a theme's HTML templates once, when the theme loads, so that pages come out of Tera
//! already without the indentation, line breaks and comments the templates hold for their
//! readers: minifying ten thousand rendered pages one by one cost as much as rendering them.
//!
//! Only whitespace in text and inside tags, and comments, are touched; Tera tags, attribute
//! values and the content of `pre`, `textarea`, `script` and `style` are copied as they are. A
//! whitespace run becomes one space, or nothing where a block-level tag is right beside it: a
//! browser shows neither. A Tera statement beside a run keeps its space, since a loop or a
//! condition decides what ends up next to it.

/// Elements whose content is copied untouched: whitespace in them is content.
const RAW: &[&str] = &["pre", "textarea", "script", "style"];

/// Elements laid out as blocks (or not rendered at all): whitespace next to their tags shows
/// nothing. Public so that tests can hold pages to the same list.
pub const BLOCK: &[&str] = &[
    "!doctype",
    "address",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "meta",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// One piece of a template, as the compactor sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    /// A run of whitespace in text.
    Space,
    /// Text without whitespace, an expression (`{{ }}`) or anything else that may show.
    Shown,
    /// An HTML tag; `true` for block-level elements.
    Tag(bool),
    /// A Tera statement or comment (`{% %}`, `{# #}`).
    Statement,
    /// Copied as it is (raw element content, `{% raw %}` blocks, kept comments).
    Verbatim,
    /// A comment to drop.
    Dropped,
}

/// The template with its whitespace collapsed and its comments dropped, or `None` when it could
/// not be read with confidence (an unclosed tag or Tera tag): then it is used as written, and
/// Tera reports any error against the file as the user wrote it.
pub fn compact_template(source: &str) -> Option<String> {
    let pieces = split(source)?;
    let mut out = String::with_capacity(source.len());
    for (i, &(kind, start, end)) in pieces.iter().enumerate() {
        let text = &source[start..end];
        match kind {
            Piece::Space => {
                // Only a block tag right beside the run (comments aside) decides: a Tera
                // statement between may loop back or skip what follows it.
                let block =
                    |p: Option<&(Piece, usize, usize)>| matches!(p, Some((Piece::Tag(true), _, _)));
                let before = pieces[..i].iter().rev().find(|p| p.0 != Piece::Dropped);
                // Runs parted only by a dropped comment are one run.
                if before.is_some_and(|p| p.0 == Piece::Space) {
                    continue;
                }
                let after = pieces[i + 1..].iter().find(|p| p.0 != Piece::Dropped);
                if !block(before) && !block(after) {
                    out.push(' ');
                }
            }
            Piece::Tag(_) => compact_tag(text, &mut out),
            Piece::Dropped => {}
            Piece::Shown | Piece::Statement | Piece::Verbatim => out.push_str(text),
        }
    }
    Some(out)
}

/// Splits a template into pieces: (kind, start, end) byte ranges covering all of it.
fn split(source: &str) -> Option<Vec<(Piece, usize, usize)>> {
    let bytes = source.as_bytes();
    let mut pieces = Vec::new();
    let mut i = 0;
    // Where the current run of text began.
    let mut text_start = 0;
    let flush_text = |pieces: &mut Vec<(Piece, usize, usize)>, from: usize, to: usize| {
        let mut at = from;
        while at < to {
            let space = bytes[at].is_ascii_whitespace();
            let mut end = at;
            while end < to && bytes[end].is_ascii_whitespace() == space {
                end += 1;
            }
            pieces.push((if space { Piece::Space } else { Piece::Shown }, at, end));
            at = end;
        }
    };
    while i < bytes.len() {
        let rest = &bytes[i..];
        let piece = if rest.starts_with(b"{{") || rest.starts_with(b"{%") || rest.starts_with(b"{#")
        {
            let end = tera_tag_end(source, i)?;
            let inner =
                source[i + 2..end - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
            if rest[1] == b'%' && inner == "raw" {
                let close = raw_block_end(source, end)?;
                Some((Piece::Verbatim, close))
            } else if rest[1] == b'{' {
                Some((Piece::Shown, end))
            } else {
                Some((Piece::Statement, end))
            }
        } else if rest.starts_with(b"<!--") {
            let end = i + 4 + source[i + 4..].find("-->")? + 3;
            let body = &source[i..end];
            // Comments holding Tera tags or conditional comments are kept.
            let kept = body.contains("{{")
                || body.contains("{%")
                || body.contains("{#")
                || body.starts_with("<!--[");
            Some((
                if kept {
                    Piece::Verbatim
                } else {
                    Piece::Dropped
                },
                end,
            ))
        } else if rest[0] == b'<'
            && rest.len() > 1
            && (rest[1].is_ascii_alphabetic()
                || rest[1] == b'!'
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            let end = html_tag_end(source, i)?;
            let closing = rest[1] == b'/';
            let name: String = source[i + 1 + usize::from(closing)..end]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            let block = BLOCK.contains(&name.as_str());
            if !closing && RAW.contains(&name.as_str()) {
                // The tag, then its content up to the closing tag, untouched.
                flush_text(&mut pieces, text_start, i);
                pieces.push((Piece::Tag(block), i, end));
                let close = find_closing(source, end, &name)?;
                pieces.push((Piece::Verbatim, end, close));
                i = close;
                text_start = i;
                continue;
            }
            Some((Piece::Tag(block), end))
        } else {
            None
        };
        match piece {
            Some((kind, end)) => {
                flush_text(&mut pieces, text_start, i);
                pieces.push((kind, i, end));
                i = end;
                text_start = i;
            }
            None => i += 1,
        }
    }
    flush_text(&mut pieces, text_start, bytes.len());
    Some(pieces)
}

/// Copies an HTML tag with each whitespace run outside quotes and Tera tags made one space, and
/// none before the closing `>` or `/>`.
fn compact_tag(tag: &str, out: &mut String) {
    let bytes = tag.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            i += 1;
        } else if b == b'{' && matches!(bytes.get(i + 1), Some(b'{' | b'%' | b'#')) {
            i = tera_tag_end(tag, i).unwrap_or(bytes.len());
        } else if b == b'"' || b == b'\'' {
            quote = Some(b);
            i += 1;
        } else if b.is_ascii_whitespace() {
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_whitespace() {
                end += 1;
            }
            out.push_str(&tag[copied..i]);
            let rest = &tag[end..];
            if !(rest.starts_with('>') || rest.starts_with("/>")) {
                out.push(' ');
            }
            i = end;
            copied = end;
        } else {
            i += 1;
        }
    }
    out.push_str(&tag[copied..]);
}

/// The end (exclusive) of the Tera tag opening at `start`, skipping string literals in it.
fn tera_tag_end(source: &str, start: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let close = match bytes[start + 1] {
        b'{' => b'}',
        b'%' => b'%',
        _ => b'#',
    };
    let mut quote: Option<u8> = None;
    let mut i = start + 2;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if close != b'#' && matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
            None if b == close && bytes.get(i + 1) == Some(&b'}') => return Some(i + 2),
            None => {}
        }
        i += 1;
    }
    None
}

/// The end of the `{% endraw %}` tag closing a raw block whose opening tag ends at `from`.
fn raw_block_end(source: &str, from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let open = at + source[at..].find("{%")?;
        let end = tera_tag_end(source, open)?;
        let inner = source[open + 2..end - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inner == "endraw" {
            return Some(end);
        }
        at = end;
    }
}

/// The end (exclusive) of the HTML tag opening at `start`: its `>` outside quotes and Tera tags.
fn html_tag_end(source: &str, start: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == b'{' && matches!(bytes.get(i + 1), Some(b'{' | b'%' | b'#')) {
            i = tera_tag_end(source, i)?;
            continue;
        } else if b == b'"' || b == b'\'' {
            quote = Some(b);
        } else if b == b'>' {
            return Some(i + 1);
        } else if b == b'<' {
            // A tag never holds `<` outside quotes: this was text after all.
            return None;
        }
        i += 1;
    }
    None
}

/// Where the closing tag `</name` of a raw element begins, searching from `from`.
fn find_closing(source: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut at = from;
    loop {
        let open = at + source[at..].find("</")?;
        let candidate = &bytes[open + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && !candidate
                .get(name.len())
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            return Some(open);
        }
        at = open + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::compact_template;

    fn compact(s: &str) -> String {
        compact_template(s).expect("readable template")
    }

    #[test]
    fn indentation_between_blocks_goes_and_spaces_between_words_stay() {
        let t = "<ul>\n  <li><a href=\"{{ root }}x\">A</a> and\n    <a>B</a></li>\n</ul>\n";
        assert_eq!(
            compact(t),
            "<ul><li><a href=\"{{ root }}x\">A</a> and <a>B</a></li></ul>"
        );
    }

    #[test]
    fn runs_beside_block_tags_go_even_inside_loops() {
        let t = "<ul>\n{% for a in list %}\n  <li>{{ a }}</li>\n{% endfor %}\n</ul>";
        assert_eq!(
            compact(t),
            "<ul>{% for a in list %}<li>{{ a }}</li>{% endfor %}</ul>"
        );
        // Between two expressions the space is a word space.
        assert_eq!(
            compact("<p>{{ a }}\n  {{ b }}</p>"),
            "<p>{{ a }} {{ b }}</p>"
        );
    }

    #[test]
    fn runs_beside_statements_keep_a_space() {
        // The space before `endfor` separates one link from the next one.
        assert_eq!(
            compact("<p>{% for t in tags %}<a>{{ t }}</a> {% endfor %}</p>"),
            "<p>{% for t in tags %}<a>{{ t }}</a> {% endfor %}</p>"
        );
        // When `x` is false, "a" and "b" still need their space.
        assert_eq!(
            compact("a\n{% if x %}<div>x</div>{% endif %}\nb"),
            "a {% if x %}<div>x</div>{% endif %} b"
        );
        assert_eq!(
            compact("<span>a</span>\n{% if x %}\n<span>b</span>{% endif %}"),
            "<span>a</span> {% if x %} <span>b</span>{% endif %}"
        );
    }

    #[test]
    fn raw_elements_and_raw_blocks_are_untouched() {
        let t = "<div>\n<pre>\n  a\n    b\n</pre>\n<script>\n let x = 1;\n// {{ y }}\n</script>\n{% raw %}\n  {{ not }}   parsed\n{% endraw %}\n</div>";
        assert_eq!(
            compact(t),
            "<div><pre>\n  a\n    b\n</pre><script>\n let x = 1;\n// {{ y }}\n</script> {% raw %}\n  {{ not }}   parsed\n{% endraw %}</div>"
        );
        assert_eq!(
            compact("<textarea name=q>\n x \n</TEXTAREA>"),
            "<textarea name=q>\n x \n</TEXTAREA>"
        );
    }

    #[test]
    fn comments_go_unless_they_hold_template_tags() {
        assert_eq!(compact("<p>a<!-- note -->b</p>"), "<p>ab</p>");
        assert_eq!(
            compact("<p>a <!-- {{ x }} --> b</p>"),
            "<p>a <!-- {{ x }} --> b</p>"
        );
        // A dropped comment between words leaves the space it stood between.
        assert_eq!(compact("<p>a <!-- note --> b</p>"), "<p>a b</p>");
    }

    #[test]
    fn tags_lose_line_breaks_but_not_quoted_values_or_template_tags() {
        let t = "<a class=\"x  y\"\n   href=\"{{ root }}a b\"\n   {% if c %}aria-current=\"page\"{% endif %}\n>x</a>";
        assert_eq!(
            compact(t),
            "<a class=\"x  y\" href=\"{{ root }}a b\" {% if c %}aria-current=\"page\"{% endif %}>x</a>"
        );
        assert_eq!(compact("<br />"), "<br/>");
    }

    #[test]
    fn text_that_only_looks_like_markup_is_text() {
        assert_eq!(
            compact("<p>1 < 2\n and 3 > 2</p>"),
            "<p>1 < 2 and 3 > 2</p>"
        );
        assert_eq!(compact("<p>{{ a < b }}</p>"), "<p>{{ a < b }}</p>");
    }

    #[test]
    fn strings_in_tera_tags_may_hold_closing_marks() {
        let t = "<p>\n{{ \"}}\" ~ x }}\n</p>";
        assert_eq!(compact(t), "<p>{{ \"}}\" ~ x }}</p>");
    }

    #[test]
    fn unclosed_tags_leave_the_template_as_written() {
        assert_eq!(compact_template("<p>{% if x </p>"), None);
        assert_eq!(compact_template("<p><!-- never closed"), None);
        assert_eq!(compact_template("<pre>never closed"), None);
    }
}
