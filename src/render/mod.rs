//! Rendering (being written).

/// Markdown to HTML; raw HTML is escaped unless `unsafe_html`.
pub fn markdown_to_html(text: &str, unsafe_html: bool) -> String {
    use pulldown_cmark::{Event, Options, Parser, html};
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let parser = Parser::new_ext(text, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !unsafe_html => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}
