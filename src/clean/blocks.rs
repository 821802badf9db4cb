//! Splitting a text into body blocks, meta lines and removed cruft.
//!
//! Plain text arrives in every layout: one paragraph a line, blank lines between paragraphs,
//! hard-wrapped columns, paragraphs broken by a stray blank line mid-sentence. The rules here
//! read the layout the way a person does: a line that does not end a sentence and is followed by
//! one starting in lower case continues it.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::cruft::{
    JOINING_WORDS, LineClass, classify, could_be_caption, date_header_len, ends_sentence,
    glued_headline_len, is_footer_label, script_statements_len,
};
use super::{Block, BlockKind, Doc, MetaKind, MetaLine, Removed};
use crate::infer::Span;

/// One line of the text with its class.
#[derive(Debug, Clone)]
struct Line {
    start: usize,
    end: usize,
    class: LineClass,
}

/// Headings are short; a longer line without a sentence end is a standfirst paragraph.
const HEADING_MAX: usize = 100;

/// Splits a plain-text article into body blocks and meta lines.
pub(super) fn text_blocks(doc: &mut Doc) {
    let mut lines = split_lines(&doc.text);
    classify_neighbours(&doc.text, &mut lines);

    let text = &doc.text;
    let mut blocks: Vec<Block> = Vec::new();
    // Whether the previous block may be continued by the next line (no sentence end, and no
    // cruft or meta line came between).
    let mut open = false;
    let mut wrapped = false;
    for (i, line) in lines.iter().enumerate() {
        let raw = &text[line.start..line.end];
        match line.class {
            LineClass::Blank => {
                wrapped = false;
                continue;
            }
            LineClass::Cruft(rule) => {
                doc.removed.push(Removed {
                    rule,
                    span: Span::new(line.start, line.end),
                });
                open = false;
                continue;
            }
            LineClass::Meta(kind) => {
                doc.meta.push(MetaLine {
                    kind,
                    text: raw.trim().to_string(),
                    span: trimmed_span(text, line.start, line.end),
                });
                open = false;
                continue;
            }
            LineClass::Body => {}
        }
        let (mut start, end) = (line.start, line.end);
        if let Some(len) = script_statements_len(raw) {
            doc.removed.push(Removed {
                rule: "page-settings",
                span: Span::new(start, start + len),
            });
            start += len;
        }
        if let Some(len) = date_header_len(&text[start..end]) {
            let header = trimmed_span(text, start, start + len);
            doc.meta.push(MetaLine {
                kind: MetaKind::DateLine,
                text: text[header.start..header.end].to_string(),
                span: header,
            });
            start += len;
        }
        // A headline glued to the story's dateline, at the top of the text: a heading of its
        // own, and the story opens with its dateline.
        // (Fewer than 15 words: the fifteenth is not there; counted no further.)
        let at_top = blocks
            .iter()
            .all(|b| b.kind == BlockKind::Heading || b.text.split_whitespace().nth(14).is_none());
        if at_top
            && !open
            && let Some(len) = glued_headline_len(&text[start..end])
        {
            let (head, _) = strip_markup(&text[start..start + len]);
            blocks.push(Block {
                kind: BlockKind::Heading,
                text: squeeze(head),
                span: trimmed_span(text, start, start + len),
                level: 0,
            });
            start += len;
            start += text[start..end].len() - text[start..end].trim_start().len();
        }
        let (content, level) = strip_markup(&text[start..end]);
        let content = squeeze(content);
        let span = trimmed_span(text, start, end);
        let starts_lower = content.chars().next().is_some_and(char::is_lowercase);
        let next_is_body = lines.get(i + 1).is_some_and(|l| l.class == LineClass::Body);
        // "Harbour Khabar English" over "kathmandu, Nepal": a masthead of capitalised words
        // is a line of its own, whatever case the line under it starts in. Asked only of a
        // line that would join for its lower case.
        let after_masthead = || {
            blocks.last().is_some_and(|b| {
                (1..=4).contains(&b.text.split_whitespace().take(5).count())
                    && b.text
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                    && content.split_whitespace().nth(6).is_none()
            })
        };
        let joins = open
            && level == 0
            && blocks.last().is_some_and(|b| b.level == 0)
            && (starts_lower
                && !after_masthead()
                && !(blocks.last().is_some_and(|b| b.kind == BlockKind::Heading)
                    && is_byline_start(&content))
                || (wrapped && next_is_body)
                || wrapped_pair(&lines, i, text)
                || blocks.last().is_some_and(|b| dateline_alone(&b.text)));
        if joins {
            let last = blocks.last_mut().expect("checked above");
            last.text.push(' ');
            last.text.push_str(&content);
            last.span.end = span.end;
            last.kind = BlockKind::Paragraph;
            wrapped = wrapped || !starts_lower;
        } else {
            let kind = if level > 0 || looks_like_heading(&content) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            blocks.push(Block {
                kind,
                text: content,
                span,
                level,
            });
            wrapped = false;
        }
        open = !ends_sentence(&blocks.last().expect("just pushed").text) && level == 0;
    }
    for b in &mut blocks {
        if let Some(t) = unglue_repeat(&b.text) {
            b.text = t;
        }
    }
    unglue_heading_repeat(&doc.text, &mut blocks);
    doc.blocks = blocks;
    drop_repeats(doc);
}

/// "Statement by the Deputy MinisterHAVANA, Cuba, Dec 4 (acn) Below, …": a page prints its
/// headline again at the head of the story, glued to the dateline. The paragraph opens after
/// the repeat, where the story does. Only a heading of three words or more above it, among
/// the first blocks, and only when a capital follows the repeat at once.
fn unglue_heading_repeat(text: &str, blocks: &mut [Block]) {
    const TOP: usize = 15;
    for j in 1..blocks.len().min(TOP) {
        if blocks[j].kind != BlockKind::Paragraph {
            continue;
        }
        let cut = blocks[..j]
            .iter()
            .filter(|h| h.kind == BlockKind::Heading && h.text.split_whitespace().nth(2).is_some())
            .map(|h| h.text.as_str())
            .find(|h| {
                let b = &blocks[j];
                b.text.starts_with(h)
                    && b.text[h.len()..].starts_with(char::is_uppercase)
                    && text
                        .get(b.span.start..)
                        .is_some_and(|raw| raw.starts_with(h))
            })
            .map(str::len);
        if let Some(len) = cut {
            let b = &mut blocks[j];
            b.text = b.text[len..].to_string();
            b.span.start += len;
        }
    }
}

/// Where `t` repeats its opening run of two words or more with nothing between ("Ann LeeAnn
/// Lee …"): the byte length of each such run within sixty bytes, shortest first. An image's
/// alternative text glued to the caption or link that repeats it.
pub(crate) fn glued_repeats(t: &str) -> impl Iterator<Item = usize> + '_ {
    t.char_indices()
        .skip(1)
        .take_while(|&(i, _)| i <= 60)
        .filter(move |&(i, c)| {
            c.is_uppercase()
                && t[..i].contains(' ')
                && !t[..i].ends_with(' ')
                && t[i..].starts_with(&t[..i])
        })
        .map(|(i, _)| i)
}

/// "Photo of Penny WongPenny Wong (SA, …)", "The World TodayThe World Today": an image's alt
/// text glued to the caption or link that repeats it. The words once, when a run of two
/// words or more opening at a word's start is followed at once by itself and then by the
/// line's end, a bracket or a bar; only in short blocks (a name's line, a masthead), within
/// their first eighty bytes.
fn unglue_repeat(text: &str) -> Option<String> {
    if text.split_whitespace().nth(40).is_some() {
        return None;
    }
    let starts = std::iter::once(0).chain(text.match_indices(' ').map(|(i, _)| i + 1));
    for p in starts.take_while(|&p| p < 80) {
        let rest = &text[p..];
        let found = glued_repeats(rest).find(|&i| {
            let run = &rest[..i];
            // The words repeated end the line or come before a bracket or a bar: a name's
            // line or a masthead. A bio glued to its photo's alt text ("Ann LeeAnn Lee
            // presents …") stays as it is, which tells it for furniture.
            let after = rest[2 * i..].trim_start();
            run.starts_with(char::is_uppercase)
                && run.ends_with(char::is_alphabetic)
                && (after.is_empty() || after.starts_with(['(', '|']))
        });
        if let Some(i) = found {
            return Some(format!("{}{}", &text[..p], &rest[i..]));
        }
    }
    None
}

/// A dateline on a line of its own, closed by its dash ("May 18. (AGENCY) –", "MOSCOW, Jan
/// 5 -"): it opens the story's first paragraph, the line after it.
fn dateline_alone(block: &str) -> bool {
    let t = block.trim_end();
    t.ends_with(['-', '\u{2013}', '\u{2014}'])
        && t.split_whitespace().count() <= 8
        && t.chars()
            .any(|c| c.is_ascii_digit() || c == '(' || c == '/')
        && t.chars().next().is_some_and(char::is_uppercase)
}

/// Whether line `i` continues line `i - 1` as hard-wrapped text: both long, similar widths.
fn wrapped_pair(lines: &[Line], i: usize, text: &str) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| lines.get(p)) else {
        return false;
    };
    if prev.class != LineClass::Body {
        return false;
    }
    let width = |l: &Line| text[l.start..l.end].trim_end().chars().count();
    let (a, b) = (width(prev), width(&lines[i]));
    // A line under half the width above it is a wrapped paragraph's last only when it closes
    // a sentence, or the line above breaks off after a joining word ("… session of the" over
    // "Executive Committee"): under a headline of fifty characters, "Africa" is the section's
    // label.
    let above = text[prev.start..prev.end].trim_end();
    let breaks_off = above
        .rsplit(' ')
        .next()
        .is_some_and(|w| JOINING_WORDS.contains(&w));
    (50..=100).contains(&a)
        && b <= a + 10
        && (2 * b >= a || breaks_off || ends_sentence(&text[lines[i].start..lines[i].end]))
}

/// "by melanin", "by Staff Reporter": a short line of the byline's own shape, which no
/// headline above it continues.
fn is_byline_start(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (2..=4).contains(&words)
        && (t.starts_with("by ") || t.starts_with("By "))
        && !ends_sentence(t)
        && !t.contains([',', ';', ':'])
}

/// Lines with byte offsets and their stand-alone class.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.trim_end_matches('\n').len();
        lines.push(Line {
            start,
            end,
            class: classify(&text[start..end]),
        });
        start += piece.len();
    }
    lines
}

/// Rules that need the neighbours: photo captions (a short line next to a credit), page footers
/// (labels closing the text) and the lines after the last sentence.
fn classify_neighbours(text: &str, lines: &mut [Line]) {
    let body = |l: &Line| &text[l.start..l.end];
    let credit = |l: &Line| l.class == LineClass::Cruft("photo-credit");
    for i in 0..lines.len() {
        if lines[i].class != LineClass::Body || !could_be_caption(body(&lines[i])) {
            continue;
        }
        let next = lines[i + 1..].iter().find(|l| l.class != LineClass::Blank);
        let prev = lines[..i]
            .iter()
            .rev()
            .find(|l| l.class != LineClass::Blank);
        let touches_credit = lines.get(i + 1).is_some_and(credit)
            || i.checked_sub(1)
                .and_then(|p| lines.get(p))
                .is_some_and(credit);
        let between_credits = next.is_some_and(credit) && prev.is_some_and(credit);
        let this = body(&lines[i]).trim();
        let repeated_in_credit = lines
            .iter()
            .any(|l| credit(l) && body(l).trim().starts_with(this));
        if touches_credit && (between_credits || repeated_in_credit || next.is_some_and(credit)) {
            lines[i].class = LineClass::Cruft("photo-caption");
        }
    }
    // Footer labels: from the end, skip blanks, URLs and other cruft; labels there are cruft.
    for line in lines.iter_mut().rev() {
        match line.class {
            LineClass::Blank | LineClass::Cruft(_) | LineClass::Meta(_) => continue,
            LineClass::Body if is_footer_label(&text[line.start..line.end]) => {
                line.class = LineClass::Cruft("footer");
            }
            LineClass::Body => break,
        }
    }
}

/// Markdown-ish markup in a text line: `## **TITLE**` → (`TITLE`, 2).
fn strip_markup(line: &str) -> (&str, u8) {
    let t = line.trim();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    let (t, level) = if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        (t[hashes..].trim(), hashes as u8)
    } else {
        (t, 0)
    };
    let mut t = t;
    for mark in ["**", "__", "*", "_"] {
        if t.len() > 2 * mark.len() && t.starts_with(mark) && t.ends_with(mark) {
            t = t[mark.len()..t.len() - mark.len()].trim();
        }
    }
    (t, level)
}

/// Runs of white space (including no-break spaces) folded to one space.
pub(super) fn squeeze(s: &str) -> String {
    // Most paragraphs are in single spaces already: copied as they are.
    if is_squeezed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (_, word) in super::words_at(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `s` is what [`squeeze`] makes of it: no white space but single ASCII spaces
/// between words. ASCII is read byte by byte, other characters decoded.
fn is_squeezed(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut space_before = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' if space_before => return false,
            b' ' => space_before = true,
            b'\t'..=b'\r' => return false,
            0xC0.. if s[i..].chars().next().is_some_and(char::is_whitespace) => return false,
            _ => space_before = false,
        }
    }
    true
}

/// The span of `text[start..end]` without surrounding white space.
fn trimmed_span(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(start + lead, (end - trail).max(start + lead))
}

/// A short line standing alone that does not end a sentence: a title or a subheading.
fn looks_like_heading(t: &str) -> bool {
    let first = t.chars().next();
    t.len() <= HEADING_MAX
        && !ends_sentence(t)
        && !t.ends_with([',', ';', ':'])
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"' || c == '\u{201c}')
}

/// Each ASCII byte as [`drop_repeats`] keys a paragraph: a letter lower-cased, a digit as it
/// is, anything else 0 (left out).
const ASCII_KEY: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Removes paragraphs that repeat an earlier one (pages that print the article twice).
fn drop_repeats(doc: &mut Doc) {
    let mut seen = HashSet::new();
    let mut kept = Vec::with_capacity(doc.blocks.len());
    // The paragraph's letters and digits, lower-cased, then hashed in one pass. Written at a
    // cursor into a buffer that fits them (a character's lower case takes at most half as
    // many bytes again: "\u{130}" to "i\u{307}"), ASCII through a table, without a branch.
    let mut buffer: Vec<u8> = Vec::new();
    for block in std::mem::take(&mut doc.blocks) {
        let (text, bytes) = (&block.text, block.text.as_bytes());
        buffer.clear();
        buffer.resize(bytes.len() * 2, 0);
        let mut n = 0;
        let mut i = 0;
        while i < bytes.len() {
            // ASCII byte by byte; other characters decoded.
            let b = bytes[i];
            if b < 0x80 {
                let key = ASCII_KEY[usize::from(b)];
                buffer[n] = key;
                n += usize::from(key != 0);
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    n += l.encode_utf8(&mut buffer[n..]).len();
                }
            }
        }
        let letters = &buffer[..n];
        let long_enough = letters.len() >= 24;
        if long_enough && !seen.insert(seahash::hash(letters)) {
            doc.removed.push(Removed {
                rule: "repeated-paragraph",
                span: block.span,
            });
        } else {
            kept.push(block);
        }
    }
    doc.blocks = kept;
}

/// Splits a Markdown body into blocks of plain text for inference (the page renders the
/// Markdown itself).
pub(super) fn markdown_blocks(doc: &mut Doc) {
    let mut blocks = Vec::new();
    let mut current: Option<(BlockKind, u8, usize, String)> = None;
    let mut quote_depth = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(&doc.text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((
                    BlockKind::Heading,
                    heading_level(level),
                    range.start,
                    String::new(),
                ));
            }
            Event::Start(Tag::Paragraph) if current.is_none() => {
                let kind = if quote_depth > 0 {
                    BlockKind::Quote
                } else {
                    BlockKind::Paragraph
                };
                current = Some((kind, 0, range.start, String::new()));
            }
            Event::Start(Tag::Item) => {
                current = Some((BlockKind::Item, 0, range.start, String::new()));
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, _, s)) = current.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, _, s)) = current.as_mut() {
                    s.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item) => {
                if let Some((kind, level, start, s)) = current.take() {
                    let text = squeeze(&s);
                    if !text.is_empty() {
                        blocks.push(Block {
                            kind,
                            text,
                            span: trimmed_span(&doc.text, start, range.end),
                            level,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    doc.blocks = blocks;
    drop_repeats(doc);
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_alone_on_its_line_opens_the_paragraph_after_it() {
        let doc = crate::clean::clean_str(
            "d.txt",
            "President calls for dialogue\n\nMay 18. (HARBOUR PRESS) \u{2013}\n\nThe president called this Friday for a dialogue with the neighbours.\n",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "President calls for dialogue",
                "May 18. (HARBOUR PRESS) \u{2013} The president called this Friday for a dialogue with the neighbours."
            ]
        );
        // A headline ending in a dash is no dateline.
        assert!(!dateline_alone("Talks resume -"));
        assert!(dateline_alone("MOSCOW, Jan 5 -"));
    }

    #[test]
    fn a_masthead_stays_apart_from_a_lower_case_line_under_it() {
        let doc = crate::clean::clean_str(
            "m.txt",
            "Harbour Khabar English\n\nkathmandu, Nepal\n\nRelations with neighbours improving: Minister\n\nThe foreign minister said relations with friendly countries were improving.\n",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "Harbour Khabar English");
        // A sentence broken over a blank line still joins.
        let doc = crate::clean::clean_str(
            "w.txt",
            "Talks resume\n\nThe foreign minister said that the talks\n\nwould resume in the capital next week.\n",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Talks resume",
                "The foreign minister said that the talks would resume in the capital next week."
            ]
        );
    }

    #[test]
    fn the_ascii_key_keeps_letters_lower_cased_and_digits() {
        for b in 0..128u8 {
            let expected = if b.is_ascii_alphanumeric() {
                b.to_ascii_lowercase()
            } else {
                0
            };
            assert_eq!(ASCII_KEY[usize::from(b)], expected);
        }
    }

    #[test]
    fn squeeze_folds_white_space_and_copies_text_in_single_spaces() {
        for s in [
            "",
            "one",
            "Foreign Minister Okafor said",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "no\u{a0}break",
            "caf\u{e9} \u{201c}quoted\u{201d}",
            "ideographic\u{3000}space",
        ] {
            let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squeeze(s), folded, "{s:?}");
            assert_eq!(is_squeezed(s), folded == s, "{s:?}");
        }
    }
}
