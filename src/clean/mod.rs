//! Cleaning: raw bytes in, a [`Doc`] out — decoded text, body blocks, and the cruft lines that
//! carry facts.
//!
//! Pages copied from browsers bring navigation ("All news"), font widgets ("A A A"), photo
//! credits, share footers, separators and repeated paragraphs. Cleaning removes them from the body
//! but keeps the ones that carry a fact (an outlet's name on its own line, a date line, a source
//! URL) as [`MetaLine`]s for inference. Every block and meta line keeps the byte span it came from
//! in [`Doc::text`], so evidence can point at the words.

mod blocks;
mod cruft;
mod decode;
mod front;
mod html;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::infer::Span;

pub(crate) use blocks::glued_repeats;
pub(crate) use cruft::INSTITUTION_WORDS;
pub use cruft::{body_name, credit_name, from_line_body, url_in};
pub use decode::{Decoded, decode, looks_like_utf16};
pub use front::{FrontMatter, split_front_matter};
pub use html::{MetaDate, MetaValue, PageMeta, parse_meta_date};

/// What kind of file an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Raw text: cleaned and inferred.
    Text,
    /// Markdown with optional TOML front matter: front matter overrides inference.
    Markdown,
    /// A saved web page: its story is read as raw text, its metadata as evidence.
    Html,
}

/// The role of a body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A short line standing alone: the title or a subheading.
    Heading,
    /// Running text.
    Paragraph,
    /// A block quotation (`>` in Markdown).
    Quote,
    /// An item of a list.
    Item,
}

/// One block of body text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// Its role.
    pub kind: BlockKind,
    /// The cleaned text (markup and cruft stripped, wrapped lines joined).
    pub text: String,
    /// Where it came from in [`Doc::text`] (first to last line).
    pub span: Span,
    /// Markdown heading level, or 0 when the heading was recognised from the layout.
    pub level: u8,
}

/// What a fact-carrying cruft line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetaKind {
    /// A line that is only a date ("22.02.2019", "March 17, 2018", " date 2020-09-01").
    DateLine,
    /// A short credit or byline with a date ("Russian News Agency (22 February 2019)").
    Byline,
    /// A line that is only a URL.
    Url,
    /// A short line before the title that may name the outlet ("The Daily Manila Shimbun").
    NameLine,
    /// A name closing the text ("Jiji Press" after the last sentence).
    Credit,
}

/// A cruft line kept for inference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaLine {
    /// What it is.
    pub kind: MetaKind,
    /// Its text, trimmed.
    pub text: String,
    /// Where it is in [`Doc::text`].
    pub span: Span,
}

/// A line removed as cruft, and why (shown by `check` and `inspect`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Removed {
    /// The rule that removed it.
    pub rule: &'static str,
    /// Where it was.
    pub span: Span,
}

/// A cleaned article, ready for inference.
#[derive(Debug, Clone, Serialize)]
pub struct Doc {
    /// The file stem: the article's stable id.
    pub id: String,
    /// The path under the content folder (for messages).
    pub path: PathBuf,
    /// The file's format.
    pub format: Format,
    /// The decoded, normalised text (NFC-free: as written, `\n` line ends, no BOM). For Markdown,
    /// the body after the front matter. Every span points into it.
    pub text: String,
    /// Body blocks in reading order, cruft and repeats removed.
    pub blocks: Vec<Block>,
    /// Fact-carrying cruft lines, in order.
    pub meta: Vec<MetaLine>,
    /// Cruft removed from the body.
    pub removed: Vec<Removed>,
    /// Front matter values (Markdown, or a raw text opening with a `+++` block).
    pub front: FrontMatter,
    /// Problems found while cleaning (bad bytes, malformed front matter), one sentence each.
    pub warnings: Vec<String>,
    /// What a saved web page's markup says about it (JSON-LD, OpenGraph, `<meta>`, `<time>`).
    pub page: Option<Box<PageMeta>>,
}

impl Doc {
    /// The body paragraphs (not headings).
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind != BlockKind::Heading)
    }

    /// The words at `span`.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// Cleans one article: `bytes` as read from `path` (relative to the content folder).
pub fn clean(path: PathBuf, bytes: &[u8]) -> Doc {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = match path.extension().and_then(|e| e.to_str()) {
        Some("md" | "markdown") => Format::Markdown,
        Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => Format::Html,
        _ => Format::Text,
    };
    if format == Format::Html {
        let page = html::read_page(bytes);
        let mut doc = Doc {
            id,
            path,
            format,
            text: page.text,
            blocks: Vec::new(),
            meta: Vec::new(),
            removed: Vec::new(),
            front: FrontMatter::default(),
            warnings: page.warnings,
            page: Some(Box::new(page.meta)),
        };
        blocks::text_blocks(&mut doc);
        return doc;
    }
    let Decoded { text, warnings, .. } = decode(bytes);
    let mut doc = Doc {
        id,
        path,
        format,
        text,
        blocks: Vec::new(),
        meta: Vec::new(),
        removed: Vec::new(),
        front: FrontMatter::default(),
        warnings,
        page: None,
    };
    // Front matter: Markdown's, and the same `+++` block at the top of a raw text, which lets
    // a user correct a fact without touching the copy.
    if format == Format::Markdown || doc.text.starts_with("+++\n") {
        match split_front_matter(&doc.text) {
            Ok((front, body)) => {
                doc.front = front;
                doc.text = body.to_string();
            }
            Err(message) => doc.warnings.push(message),
        }
    }
    if format == Format::Markdown {
        blocks::markdown_blocks(&mut doc);
    } else {
        blocks::text_blocks(&mut doc);
    }
    doc
}

/// The first full date a line writes with its month in words of the site's language ("5. mai
/// 2023", "11 Ocak 2014", "16 de enero 2022"), read as a saved page's shown date is: the day and
/// its byte range. A page's date line keeps the language its site is written in, though the
/// story was translated.
pub fn date_in_words(line: &str) -> Option<(chrono::NaiveDate, usize, usize)> {
    // Most lines hold no year: skip the patterns for them.
    if !line
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    html::shown::visible_dates(line, true)
        .into_iter()
        .find(|d| line[d.start..d.end].chars().any(char::is_alphabetic))
        .map(|d| (d.day, d.start, d.end))
}

/// Cleans a text given as a string (tests, `inspect` on stdin): as [`clean`] on its UTF-8 bytes.
pub fn clean_str(name: &str, text: &str) -> Doc {
    clean(PathBuf::from(name), text.as_bytes())
}

/// Whether a paragraph is an item of a bulleted list ("- Urgent ceasefire needed."): a page's
/// key points or menu come before its story, and the story's dateline is never one.
pub fn is_list_item(paragraph: &str) -> bool {
    let t = paragraph.trim_start();
    LIST_MARKERS.iter().any(|b| t.starts_with(b))
}

/// The bullets a list item opens with.
const LIST_MARKERS: &[&str] = &["- ", "\u{2022}", "* ", "\u{2013} ", "\u{25aa}", "\u{25cf}"];

/// A list item's words without its bullet ("• Kyodo" → "Kyodo"); any other text as it is.
pub fn list_item_text(paragraph: &str) -> &str {
    let t = paragraph.trim_start();
    LIST_MARKERS
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .map_or(paragraph, str::trim_start)
}

/// Whether a paragraph describes a photo ("A photo of the minister speaking at a meeting on
/// April 19, 2023.", "File photo: …", "Pictured: …"): its date is the picture's, often months
/// before the story, never the page's.
pub fn is_photo_caption(paragraph: &str) -> bool {
    const OPENERS: &[&str] = &[
        "a photo of",
        "a file photo of",
        "a photograph of",
        "an image of",
        "file photo",
        "photo:",
        "photo by",
        "photo credit",
        "image:",
        "pictured",
        "in this photo",
        "in this file photo",
        "this photo",
        "caption:",
    ];
    let head: String = paragraph
        .trim_start()
        .chars()
        .take(20)
        .flat_map(char::to_lowercase)
        .collect();
    OPENERS.iter().any(|o| head.starts_with(o))
}

/// Each whitespace-separated word of `text` with its byte offset, as `split_whitespace` finds
/// them. Cleaning and name finding read every word of every article: ASCII is read byte by
/// byte, and only other characters are decoded to ask whether they are white space.
pub fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    // The ASCII white space of `char::is_whitespace`: tab to carriage return, space.
    let ascii_space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let mut i = 0;
    std::iter::from_fn(move || {
        // The white space before the word.
        loop {
            let b = *bytes.get(i)?;
            if b < 0x80 {
                if !ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next()?;
                if !c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        Some((start, &text[start..i]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_describing_a_photo_is_a_caption() {
        for caption in [
            "A photo of the minister speaking at a meeting on April 19, 2023.",
            "File photo: the envoy arrives in the capital, March 2, 2021",
            "Pictured: the two ministers on Monday",
        ] {
            assert!(is_photo_caption(caption), "{caption}");
        }
        for text in [
            "The photo of the summit was released on Monday.",
            "Photographers waited outside the ministry on April 19, 2023.",
        ] {
            assert!(!is_photo_caption(text), "{text}");
        }
    }

    #[test]
    fn bulleted_lines_are_list_items_and_a_dash_in_a_sentence_is_not() {
        for item in [
            "- Urgent ceasefire needed.",
            "\u{2022} Sat. Jan 18th",
            "  * Menu",
        ] {
            assert!(is_list_item(item), "{item}");
        }
        for text in [
            "Moscow - The minister said",
            "-5 degrees in Kyiv",
            "The talks - all of them",
        ] {
            assert!(!is_list_item(text), "{text}");
        }
    }

    fn texts(doc: &Doc) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn wire_page_furniture_is_removed_and_facts_kept() {
        let doc = clean_str(
            "a.txt",
            "Home\n\nChina urges restraint in the South China Sea\n\nA A A\n\nChinese Foreign Minister Wang Yi\n\u{a9} Li Xueren/Xinhua\n\nBEIJING, May 3 (Xinhua) -- China on Tuesday urged all parties to exercise restraint, Foreign Minister Wang Yi said.\n\nSource:\n",
        );
        assert_eq!(
            texts(&doc),
            vec![
                "China urges restraint in the South China Sea",
                "BEIJING, May 3 (Xinhua) -- China on Tuesday urged all parties to exercise restraint, Foreign Minister Wang Yi said."
            ]
        );
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        let rules: Vec<&str> = doc.removed.iter().map(|r| r.rule).collect();
        assert_eq!(
            rules,
            vec![
                "navigation",
                "font-size-widget",
                "photo-caption",
                "photo-credit",
                "footer"
            ]
        );
    }

    #[test]
    fn a_paragraph_broken_by_a_blank_line_is_joined() {
        let doc = clean_str(
            "b.txt",
            "The minister said the two sides were\n\nclose to an agreement on fisheries.\n\nTalks resume on Monday.\n",
        );
        assert_eq!(
            texts(&doc),
            vec![
                "The minister said the two sides were close to an agreement on fisheries.",
                "Talks resume on Monday."
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let doc = clean_str(
            "c.txt",
            "WASHINGTON (Reuters) - The United States and Japan agreed on Friday to\nexpand their missile defense cooperation, Secretary of State Mike Pompeo\nsaid after talks with his Japanese counterpart in Washington.\n\nThe agreement follows months of talks.\n",
        );
        assert_eq!(doc.blocks.len(), 2, "{:#?}", doc.blocks);
        assert!(doc.blocks[0].text.contains("Friday to expand"));
        assert!(doc.blocks[0].text.ends_with("in Washington."));
    }

    #[test]
    fn an_alt_text_glued_to_the_words_it_repeats_shows_once() {
        let doc = clean_str(
            "r.txt",
            "Senate debates\n\nPhoto of Tom BakerTom Baker (Portville North, Labour) Share this\n\nThe World TodayThe World Today\n\nThe minister said the talks had been useful and would resume next month.\n",
        );
        assert_eq!(
            texts(&doc)[1..3],
            [
                "Photo of Tom Baker (Portville North, Labour) Share this",
                "The World Today"
            ]
        );
        // A word said twice over a space, or a sentence, is left as written.
        let doc = clean_str(
            "s.txt",
            "Talks Talks\n\nThe minister said the talks had been useful and would resume next month.\n",
        );
        assert_eq!(texts(&doc)[0], "Talks Talks");
    }

    #[test]
    fn a_headlines_section_label_and_byline_stay_off_it() {
        // A headline of fifty-odd characters over its section's label and a split byline: no
        // wrapped paragraph's last line is a label without a sentence's end.
        let doc = clean_str(
            "s.txt",
            "Harbour, Portville ministers meet for border talks\nAfrica\nBy\nHarbour Wire\n| Apr 17, 2025\nThe foreign ministers of Harbour and Portville held talks on Wednesday on border security.\n",
        );
        assert_eq!(
            doc.blocks[0].text, "Harbour, Portville ministers meet for border talks",
            "{:#?}",
            doc.blocks
        );
        // A wrapped paragraph's short last line that closes the sentence still joins.
        let doc = clean_str(
            "w.txt",
            "PORTVILLE (Harbour Wire) - The foreign ministers of Harbour and Portville agreed\non Friday to open the border crossing to trade, the ministry said in\na statement.\n",
        );
        assert_eq!(doc.blocks.len(), 1, "{:#?}", doc.blocks);
        // A headline wrapped after a joining word goes on on the short line under it.
        let doc = clean_str(
            "h.txt",
            "Chair's opening statement to the 41st session of the\nStanding Committee\n\nThe chair opened the session on Monday with a call for more funding.\n",
        );
        assert_eq!(
            doc.blocks[0].text,
            "Chair's opening statement to the 41st session of the Standing Committee",
            "{:#?}",
            doc.blocks
        );
        // "by melanin" under a headline is its byline, though it starts in lower case.
        let doc = clean_str(
            "b.txt",
            "Envoy confirms leaders attending the summit\nby melanin\n0 comment\nLeaders of the island states have confirmed they will attend the summit in November.\n",
        );
        assert_eq!(
            doc.blocks[0].text,
            "Envoy confirms leaders attending the summit"
        );
        // A lower-case line that continues a sentence still joins its paragraph.
        let doc = clean_str(
            "c.txt",
            "The agreement was signed in the capital\nby the two ministers on Friday.\n",
        );
        assert_eq!(doc.blocks.len(), 1, "{:#?}", doc.blocks);
    }

    #[test]
    fn an_article_pasted_twice_shows_once() {
        let para = "Officials from both countries met in Geneva on Thursday to discuss the arms control agenda.";
        let other = "The next round is expected in the spring, the ministry said in a statement.";
        let doc = clean_str("d.txt", &format!("{para}\n{other}\n{para}\n{other}\n"));
        assert_eq!(texts(&doc), vec![para, other]);
        assert_eq!(doc.removed.len(), 2);
        assert!(doc.removed.iter().all(|r| r.rule == "repeated-paragraph"));
    }

    #[test]
    fn date_header_and_url_lines_become_meta() {
        let doc = clean_str(
            "e.txt",
            " date 2021-06-02 Leaders met in Brussels.\n\nSecond paragraph here.\n\n(https://example.org/a/1)\n",
        );
        let kinds: Vec<MetaKind> = doc.meta.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, vec![MetaKind::DateLine, MetaKind::Url]);
        assert_eq!(doc.meta[0].text, "date 2021-06-02");
        assert_eq!(doc.slice(doc.meta[0].span), "date 2021-06-02");
        assert_eq!(texts(&doc)[0], "Leaders met in Brussels.");
        assert_eq!(doc.slice(doc.blocks[0].span), "Leaders met in Brussels.");
    }

    #[test]
    fn markdown_heading_in_a_text_file_is_a_heading() {
        let doc = clean_str(
            "f.txt",
            "## **TALKS END WITHOUT DEAL**\n\nThe talks ended.\n",
        );
        assert_eq!(doc.blocks[0].text, "TALKS END WITHOUT DEAL");
        assert_eq!(doc.blocks[0].level, 2);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
    }

    #[test]
    fn markdown_articles_use_front_matter_and_commonmark() {
        let doc = clean_str(
            "g.md",
            "+++\ntitle = \"Summit ends\"\n+++\n# Summit ends\n\nThe leaders *agreed* on a text.\n\n> \"We are satisfied,\" she said.\n",
        );
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(doc.front.title.as_deref(), Some("Summit ends"));
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Heading, BlockKind::Paragraph, BlockKind::Quote]
        );
        assert_eq!(doc.blocks[1].text, "The leaders agreed on a text.");
    }

    #[test]
    fn a_headline_printed_again_glued_to_the_dateline_is_cut_from_the_story() {
        let head = "Statement by the Deputy Minister of Foreign Affairs";
        let doc = clean_str(
            "g.txt",
            &format!(
                "{head}\n\n{head}PORTVILLE, Freedonia, Dec 4 (hna) Below, we reproduce the statement by the deputy minister on the elections.\n"
            ),
        );
        let story = doc
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .unwrap();
        assert!(
            story.text.starts_with("PORTVILLE, Freedonia, Dec 4"),
            "{}",
            story.text
        );
        assert_eq!(doc.slice(story.span), story.text);
        // A story that opens with the headline's words and goes on as a sentence keeps them.
        let doc = clean_str(
            "g.txt",
            "Talks on the border resume\n\nTalks on the border resume today, the minister said on Monday.\n",
        );
        assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Paragraph
            && b.text.starts_with("Talks on the border resume today")));
    }

    #[test]
    fn a_headline_glued_to_its_dateline_is_a_heading_of_its_own() {
        let doc = clean_str(
            "g.txt",
            ". | . |\nNo evidence of arms shipments: foreign minister Portville, Freedonia (HNA) Oct 19, 2007 The foreign minister said Friday there was no evidence of arms shipments.\n",
        );
        let texts: Vec<(&str, BlockKind)> = doc
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.kind))
            .collect();
        assert_eq!(
            texts[0],
            (
                "No evidence of arms shipments: foreign minister",
                BlockKind::Heading
            )
        );
        assert!(
            texts[1]
                .0
                .starts_with("Portville, Freedonia (HNA) Oct 19, 2007 The")
        );
        assert_eq!(doc.slice(doc.blocks[1].span), doc.blocks[1].text);
        // A sentence naming a place and an acronym is not cut, nor a line without the
        // credit's month or dash, nor a story's later paragraph.
        for text in [
            "Talks on the programme resumed in Vienna (IAEA) - officials said on Monday.\n",
            "The minister said the envoys met officials in Portville (HNA) said on Monday.\n",
            "Ministers met on Monday to agree a common position on the ocean treaty and trade routes.\n\nNew round of talks planned for the spring Portville, Freedonia (HNA) Oct 19, 2007 More talks.\n",
        ] {
            let doc = clean_str("g.txt", text);
            assert!(
                doc.blocks.iter().all(|b| b.kind == BlockKind::Paragraph),
                "{text}"
            );
        }
    }

    #[test]
    fn words_at_finds_the_words_split_whitespace_finds() {
        for text in [
            "",
            "  ",
            "one",
            " Foreign\u{a0}Minister  Okafor\tsaid\n",
            "caf\u{e9} \u{2003}na\u{ef}ve\u{3000}end ",
            "a\u{85}b \u{1f600}x\u{2028}y\u{1f600}",
        ] {
            let words: Vec<&str> = words_at(text).map(|(_, w)| w).collect();
            assert_eq!(
                words,
                text.split_whitespace().collect::<Vec<_>>(),
                "{text:?}"
            );
            for (at, w) in words_at(text) {
                assert_eq!(&text[at..at + w.len()], w);
            }
        }
    }

    #[test]
    fn spans_point_at_their_text() {
        let doc = clean_str("h.txt", "Title line here\n\n  Indented paragraph text.  \n");
        for block in &doc.blocks {
            assert_eq!(doc.slice(block.span).trim(), doc.slice(block.span));
            assert!(!doc.slice(block.span).is_empty());
        }
    }
}
