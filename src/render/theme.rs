//! Visual themes: Tera template sets in `themes/<name>/`, chosen in `config.toml`.
//!
//! Lookup order, as in Zola: the site's own `templates/` first, then each configured theme in
//! order, then the built-in default theme compiled into the binary. A theme's template stays
//! reachable as `<theme>/<name>` so a site template can extend it block by block:
//! `{% extends "default/article.html" %}` in the site's `templates/article.html`.
//!
//! Tera knows templates by name only; [`Theme::files`] remembers which file each name came
//! from, so that a template error names the real file (`templates/article.html`,
//! `themes/default/templates/article.html`), its line and column, and what Tera expected.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use super::compact::compact_template;
use crate::diagnostics::Diagnostic;

/// The default theme's files, compiled in so a site without a `themes/` folder still builds.
pub const BUILTIN_THEME: &[(&str, &str)] = &[
    (
        "templates/base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "templates/index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "templates/year.html",
        include_str!("../../themes/default/templates/year.html"),
    ),
    (
        "templates/article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "templates/topics.html",
        include_str!("../../themes/default/templates/topics.html"),
    ),
    (
        "templates/topic.html",
        include_str!("../../themes/default/templates/topic.html"),
    ),
    (
        "templates/speakers.html",
        include_str!("../../themes/default/templates/speakers.html"),
    ),
    (
        "templates/speaker.html",
        include_str!("../../themes/default/templates/speaker.html"),
    ),
    (
        "templates/sources.html",
        include_str!("../../themes/default/templates/sources.html"),
    ),
    (
        "templates/source.html",
        include_str!("../../themes/default/templates/source.html"),
    ),
    (
        "templates/statements.html",
        include_str!("../../themes/default/templates/statements.html"),
    ),
    (
        "templates/404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "templates/search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "templates/partials/entry.html",
        include_str!("../../themes/default/templates/partials/entry.html"),
    ),
    (
        "templates/partials/group_years.html",
        include_str!("../../themes/default/templates/partials/group_years.html"),
    ),
    (
        "templates/partials/pages.html",
        include_str!("../../themes/default/templates/partials/pages.html"),
    ),
    (
        "templates/partials/timeline.html",
        include_str!("../../themes/default/templates/partials/timeline.html"),
    ),
    (
        "static/style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "static/search.js",
        include_str!("../../themes/default/static/search.js"),
    ),
    (
        "theme.toml",
        include_str!("../../themes/default/theme.toml"),
    ),
];

/// The templates every theme must provide (alone or through the themes after it).
pub const REQUIRED: &[&str] = &[
    "index.html",
    "year.html",
    "article.html",
    "topics.html",
    "topic.html",
    "speakers.html",
    "speaker.html",
    "sources.html",
    "source.html",
    "statements.html",
    "search.html",
    "404.html",
];

/// A loaded theme chain: parsed templates and the static files to copy.
pub struct Theme {
    /// The templates, parsed once (minified when the config asks for it).
    tera: Tera,
    /// The templates as written, when `tera` holds them minified: a render error is reported
    /// from these, so its line and excerpt are the user's.
    as_written: Option<Tera>,
    /// Static files: (path under `static/`, where to read it), later entries override earlier.
    pub statics: Vec<(PathBuf, StaticSource)>,
    /// Template name → the file it was read from, relative to the site root, for messages.
    pub files: HashMap<String, PathBuf>,
    /// The themes of the chain, in lookup order, as their `theme.toml` describes them.
    pub info: Vec<ThemeInfo>,
    /// A hash of every template's name and text.
    pub templates_digest: u64,
}

/// What a theme's `theme.toml` says about it; templates receive it as `themes`.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ThemeInfo {
    /// The theme's name (its folder name when `theme.toml` does not say).
    pub name: String,
    /// One sentence about the look.
    pub description: String,
    /// The theme's version.
    pub version: String,
}

/// Where a static file comes from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    /// A file on disk.
    File(PathBuf),
    /// A built-in file.
    Builtin(&'static str),
}

/// One template to add: (Tera name, text, file it came from).
type Source = (String, String, PathBuf);

/// Loads the site's templates and the theme chain named in the config; `minify` strips the HTML
/// templates' indentation, line breaks and comments ([`compact_template`]).
pub fn load_theme(root: &Path, themes: &[String], minify: bool) -> Result<Theme, Vec<Diagnostic>> {
    let mut templates: Vec<Source> = Vec::new();
    let mut statics: Vec<(PathBuf, StaticSource)> = Vec::new();
    let mut problems = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();
    let mut info = Vec::new();
    let themes_dir = root.join("themes");

    // Built-in default last: it fills whatever the chain lacks.
    let mut chain: Vec<String> = Vec::new();
    for t in themes.iter().chain(std::iter::once(&"default".to_string())) {
        if !chain.contains(t) {
            chain.push(t.clone());
        }
    }
    for name in &chain {
        let dir = themes_dir.join(name);
        prefixes.push(format!("{name}/"));
        if dir.is_dir() {
            collect_dir(
                root,
                &dir.join("templates"),
                &format!("{name}/"),
                &mut templates,
                &mut problems,
            );
            info.push(read_info(root, &dir, name, &mut problems));
        } else if name == "default" {
            for (path, text) in BUILTIN_THEME {
                if let Some(t) = path.strip_prefix("templates/") {
                    templates.push((
                        format!("default/{t}"),
                        text.to_string(),
                        Path::new("themes/default").join(path),
                    ));
                }
            }
            info.push(ThemeInfo {
                name: "default".into(),
                ..toml::from_str(builtin("theme.toml")).unwrap_or_default()
            });
        } else {
            let present: Vec<String> = std::fs::read_dir(&themes_dir)
                .map(|rd| {
                    let mut v: Vec<String> = rd
                        .flatten()
                        .filter(|e| e.path().is_dir())
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect();
                    v.sort();
                    v
                })
                .unwrap_or_default();
            problems.push(Diagnostic::error(
                "config.toml",
                format!(
                    "theme {name:?} is not in themes/: the themes present are {}",
                    if present.is_empty() {
                        "none (only the built-in \"default\")".to_string()
                    } else {
                        present.join(", ")
                    }
                ),
            ));
        }
    }
    // Static files: lowest priority first, so later copies override.
    for name in chain.iter().rev() {
        let dir = themes_dir.join(name).join("static");
        if dir.is_dir() {
            collect_statics(&dir, &mut statics);
        } else if name == "default" && !themes_dir.join("default").is_dir() {
            for (path, text) in BUILTIN_THEME {
                if let Some(p) = path.strip_prefix("static/") {
                    statics.push((PathBuf::from(p), StaticSource::Builtin(text)));
                }
            }
        }
    }
    collect_statics(&root.join("static"), &mut statics);
    // The site's own templates: no prefix, so they win.
    collect_dir(
        root,
        &root.join("templates"),
        "",
        &mut templates,
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(problems);
    }

    let files: HashMap<String, PathBuf> = templates
        .iter()
        .map(|(name, _, file)| (name.clone(), file.clone()))
        .collect();
    let tera = parse_templates(
        templates.iter().map(|(n, t, _)| (n.as_str(), t.as_str())),
        &prefixes,
    )
    .map_err(|e| {
        let mut d = template_error(&files, &e);
        // Tera reports an unclosed `{% if %}` as an unknown tag where the parser gave up (the
        // `{% endblock %}` after it): say which tag is open and what would close it.
        if let tera::ErrorKind::SyntaxError(r) = e.kind()
            && let Some((_, text, _)) = templates.iter().find(|(n, _, _)| n == r.filename())
            && let Some(hint) = unclosed_hint(text, r.span().range.start)
        {
            let (first, rest) = d.message.split_once('\n').unwrap_or((&d.message, ""));
            d.message = format!("{first}: {hint}\n{rest}");
        }
        vec![d]
    })?;
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|t| !tera.contains_template(t))
        .collect();
    if !missing.is_empty() {
        return Err(vec![Diagnostic::error(
            "templates",
            format!(
                "the theme chain lacks {}: add them to a theme or to templates/",
                missing.join(", ")
            ),
        )]);
    }
    let templates_digest = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        templates.hash(&mut h);
        h.finish()
    };
    // Minified templates replace the ones as written only if they parse too (they always should:
    // only whitespace and comments outside Tera tags change).
    let (tera, as_written) = match minify.then(|| {
        let compacted: Vec<(&str, String)> = templates
            .iter()
            .map(|(n, t, _)| {
                let html = n.ends_with(".html") || n.ends_with(".htm");
                let text = html.then(|| compact_template(t)).flatten();
                (n.as_str(), text.unwrap_or_else(|| t.clone()))
            })
            .collect();
        parse_templates(compacted.iter().map(|(n, t)| (*n, t.as_str())), &prefixes)
    }) {
        Some(Ok(compacted)) => (compacted, Some(tera)),
        _ => (tera, None),
    };
    Ok(Theme {
        tera,
        as_written,
        statics,
        files,
        info,
        templates_digest,
    })
}

/// Parses templates into a Tera set with the site's escaping and the theme chain's prefixes.
fn parse_templates<'a>(
    templates: impl IntoIterator<Item = (&'a str, &'a str)>,
    prefixes: &[String],
) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    tera.set_fallback_prefixes(prefixes.to_vec())?;
    tera.add_raw_templates(templates)?;
    Ok(tera)
}

/// Block tags that need an end tag, as Tera 2 spells them.
const PAIRED: &[&str] = &["if", "for", "block", "macro", "filter", "raw", "component"];

/// When a syntax error at byte `at` happens inside a block tag left open (an `{% if %}` with no
/// `{% endif %}`), what was expected: "expected {% endif %} to close the {% if %} at line 3,
/// column 3". `None` when every tag before `at` is closed.
pub fn unclosed_hint(source: &str, at: usize) -> Option<String> {
    let mut stack: Vec<(&str, usize)> = Vec::new();
    let mut from = 0;
    while let Some(i) = source[from..].find("{%") {
        let start = from + i;
        // The tag the error is in is not counted: it is the one that failed.
        let end = source[start..]
            .find("%}")
            .map_or(source.len(), |e| start + e);
        if end >= at.min(source.len().saturating_sub(1)) && start <= at {
            break;
        }
        if start > at {
            break;
        }
        let rest = source[start + 2..]
            .trim_start_matches(['-', '~'])
            .trim_start();
        let word: &str = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        if PAIRED.contains(&word) {
            stack.push((word, start));
        } else if let Some(closed) = word.strip_prefix("end")
            && let Some(pos) = stack.iter().rposition(|(w, _)| *w == closed)
        {
            stack.truncate(pos);
        }
        from = start + 2;
    }
    let (tag, pos) = stack.last()?;
    // Only an error at an end tag (or at the end) means "this tag was never closed".
    let here = source[at.min(source.len())..].trim_start_matches(['{', '%', '-', '~', ' ']);
    if !(here.starts_with("end") || at >= source.len()) {
        return None;
    }
    let line = source[..*pos].matches('\n').count() + 1;
    let column = pos - source[..*pos].rfind('\n').map_or(0, |n| n + 1) + 1;
    let alternatives = match *tag {
        "if" => " (or {% elif %} / {% else %} before it)",
        "for" => " (or {% else %} before it)",
        _ => "",
    };
    Some(format!(
        "expected {{% end{tag} %}}{alternatives} to close the {{% {tag} %}} at line {line}, column {column}"
    ))
}

fn builtin(path: &str) -> &'static str {
    BUILTIN_THEME
        .iter()
        .find(|(p, _)| *p == path)
        .map_or("", |(_, t)| t)
}

fn read_info(root: &Path, dir: &Path, name: &str, problems: &mut Vec<Diagnostic>) -> ThemeInfo {
    let file = dir.join("theme.toml");
    let shown = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
    let mut info = match std::fs::read_to_string(&file) {
        Ok(text) => match toml::from_str::<ThemeInfo>(&text) {
            Ok(info) => info,
            Err(e) => {
                let mut d = Diagnostic::error(&shown, e.message().to_string());
                if let Some(span) = e.span() {
                    d.line = Some(text[..span.start].matches('\n').count() + 1);
                }
                problems.push(d);
                ThemeInfo::default()
            }
        },
        // A theme without theme.toml still works; it is only undocumented.
        Err(_) => ThemeInfo::default(),
    };
    if info.name.is_empty() {
        info.name = name.to_string();
    }
    info
}

impl Theme {
    /// A hash of the templates and static files (names, contents, and for files on disk their
    /// size and modification time), so a build knows when the theme changed.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let mut names: Vec<(&String, &PathBuf)> = self.files.iter().collect();
        names.sort();
        for (name, path) in names {
            name.hash(&mut h);
            path.hash(&mut h);
        }
        for (rel, source) in &self.statics {
            rel.hash(&mut h);
            match source {
                StaticSource::File(p) => {
                    if let Ok(m) = std::fs::metadata(p) {
                        m.len().hash(&mut h);
                        m.modified().ok().hash(&mut h);
                    }
                }
                StaticSource::Builtin(text) => text.hash(&mut h),
            }
        }
        self.templates_digest.hash(&mut h);
        h.finish()
    }

    /// Renders `template`, turning a Tera error into a diagnostic that names the real file.
    /// With minified templates, the error is the one the templates as written give, so that
    /// its line and excerpt are those of the user's file.
    pub fn render(&self, template: &str, cx: &tera::Context) -> Result<String, Diagnostic> {
        self.tera.render(template, cx).map_err(|e| {
            let written = self
                .as_written
                .as_ref()
                .and_then(|t| t.render(template, cx).err());
            template_error(&self.files, written.as_ref().unwrap_or(&e))
        })
    }
}

/// A template error as a diagnostic naming the file the template came from (relative to the
/// site root), the line and column, and what went wrong with the offending line underlined.
pub fn template_error(files: &HashMap<String, PathBuf>, e: &tera::Error) -> Diagnostic {
    let file_of = |name: &str| {
        files
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(name))
    };
    let mut d = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            let file = file_of(r.filename());
            // Tera's report: "error: …", "--> name:line:col", then the line, underlined.
            // Keep the underlined line, drop the location that names the template, not the file.
            let report = e.to_string();
            let snippet: Vec<&str> = report
                .lines()
                .skip(1)
                .filter(|l| !l.trim_start().starts_with("-->"))
                .collect();
            let mut d = Diagnostic::error(file, format!("{}\n{}", r.message(), snippet.join("\n")));
            d.line = Some(span.start_line);
            d.column = Some(span.start_col + 1);
            d
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            file_of(current),
            format!(
                "extends {parent:?}, which no theme provides: use a template name \
                 (\"base.html\") or a theme's (\"default/base.html\")"
            ),
        ),
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => Diagnostic::error(
            file_of(tpl),
            format!(
                "extends itself through {}: to extend the theme's template of the same name, \
                 name the theme (\"default/{tpl}\")",
                inheritance_chain.join(" → ")
            ),
        ),
        // Unknown filters, functions and includes come as a message holding Tera's reports.
        _ => {
            let text = e.to_string();
            match locate(&text) {
                Some((name, line, column)) => {
                    let file = file_of(&name);
                    let message = text
                        .trim_start_matches("error: ")
                        .replace(&format!("--> {name}:"), &format!("--> {}:", file.display()));
                    let mut d = Diagnostic::error(file, message);
                    d.line = Some(line);
                    d.column = Some(column);
                    d
                }
                None => Diagnostic::error("templates", text),
            }
        }
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        d.message.push_str(&format!(": {s}"));
        source = s.source();
    }
    d
}

/// The first `--> name:line:column` of a Tera report.
fn locate(report: &str) -> Option<(String, usize, usize)> {
    let at = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = at.rsplitn(3, ':');
    let column = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_string(), line, column))
}

fn collect_dir(
    root: &Path,
    dir: &Path,
    prefix: &str,
    out: &mut Vec<Source>,
    problems: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        match std::fs::read_to_string(path) {
            Ok(text) => out.push((format!("{prefix}{rel}"), text, shown)),
            Err(e) => problems.push(Diagnostic::error(
                shown,
                format!("cannot read template: {e}"),
            )),
        }
    }
}

fn collect_statics(dir: &Path, out: &mut Vec<(PathBuf, StaticSource)>) {
    if !dir.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_path_buf();
            out.push((rel, StaticSource::File(entry.path().to_path_buf())));
        }
    }
}

/// Escapes text for HTML exactly as tera's own escaper does (`&`, `<`, `>`, `"` and `'`), but
/// writes the runs between those characters whole instead of one byte at a time: escaping was a
/// tenth of a build's instructions.
pub fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut run = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[run..i])?;
        out.write_all(entity)?;
        run = i + 1;
    }
    out.write_all(&bytes[run..])
}

#[cfg(test)]
mod tests {

    #[test]
    fn escaping_matches_teras_own_on_every_special_character_and_plain_text() {
        for text in [
            "",
            "plain words, no specials",
            "Lavrov & Motegi <b>said</b> \"we 'will'\" — ok",
            "&&<<>>\"\"''",
            "ends with &",
            "Тест & 日本 <x>",
        ] {
            let (mut ours, mut teras) = (Vec::new(), Vec::new());
            super::escape_html(text, &mut ours).unwrap();
            tera::escape_html(text, &mut teras).unwrap();
            assert_eq!(ours, teras, "{text}");
        }
    }
    use super::*;

    #[test]
    fn an_unclosed_if_is_named_with_its_position() {
        let src = "{% block a %}\n  {% if x %}y\n{% endblock a %}";
        let at = src.find("{% endblock").unwrap();
        let hint = unclosed_hint(src, at).unwrap();
        assert!(hint.starts_with("expected {% endif %}"), "{hint}");
        assert!(hint.ends_with("at line 2, column 3"), "{hint}");
    }

    #[test]
    fn closed_tags_give_no_hint() {
        let src = "{% if x %}y{% endif %}{% for a in b %}{{ a }";
        assert_eq!(unclosed_hint(src, src.find("{{ a").unwrap()), None);
    }

    #[test]
    fn reports_are_located() {
        let r = "error: Unknown filter `x`\n --> topics.html:2:13\n  |";
        assert_eq!(locate(r), Some(("topics.html".into(), 2, 13)));
    }
}
