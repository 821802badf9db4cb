//! `communique init [DIR] [--github-pages]`: a new site with a commented config, the default
//! theme, a sample article and a .gitignore, and on request the GitHub Actions workflow that
//! publishes it on GitHub Pages. It refuses a non-empty folder unless forced, and never
//! overwrites: an existing workflow file is an error rather than a file silently kept, since
//! the user asked for that workflow.

use std::path::{Path, PathBuf};

use crate::render::theme::BUILTIN_THEME;

const CONFIG: &str = include_str!("../../config.toml");

const SAMPLE: &str = "Leaders agree to resume talks on fisheries

TOKYO, April 13 (Kyodo) -- Japan and Russia agreed on Tuesday to resume talks on fishing quotas, Japanese Foreign Minister Yoko Kamikawa said after meeting her counterpart.

\"We have agreed to meet again before the summer,\" Kamikawa told reporters.

Delete this file and put your own articles in content/: copied news pages, agency wires or ministry transcripts, as .txt, or .md with TOML front matter.
";

const GITIGNORE: &str = "/public\n/.communique-cache\n";

/// The GitHub Actions workflow that builds a site and publishes it on GitHub Pages. One copy of
/// the text: `docs/deploy.md` shows it, and a test holds the two the same.
pub const GITHUB_PAGES_WORKFLOW: &str = include_str!("github-pages.yml");

/// Where `--github-pages` writes the workflow, relative to the site folder (GitHub runs the
/// workflows under `.github/workflows/`).
pub const GITHUB_PAGES_PATH: &str = ".github/workflows/pages.yml";

/// What `init` writes besides the site itself, and whether it may add to a non-empty folder.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Add the site's files to a non-empty folder (existing files are kept).
    pub force: bool,
    /// Also write the GitHub Pages workflow (`GITHUB_PAGES_PATH`).
    pub github_pages: bool,
}

/// What `init` wrote.
pub struct Created {
    /// Files written, relative to the site folder.
    pub files: Vec<PathBuf>,
}

/// Creates a site in `dir`. Errors say what to do (use --force, choose another folder, move
/// an existing workflow aside); nothing is written when one is returned.
pub fn run(dir: &Path, options: Options) -> anyhow::Result<Created> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)?;
        if entries.next().is_some() && !options.force {
            anyhow::bail!(
                "{} is not empty: choose an empty or new folder, or pass --force to add the site's files beside what is there (nothing is overwritten)",
                dir.display()
            );
        }
    }
    let mut files: Vec<(PathBuf, &str)> = vec![
        (PathBuf::from("config.toml"), CONFIG),
        (PathBuf::from("content/sample.txt"), SAMPLE),
        (PathBuf::from(".gitignore"), GITIGNORE),
    ];
    for (path, text) in BUILTIN_THEME {
        files.push((Path::new("themes/default").join(path), text));
    }
    if options.github_pages {
        let workflow = dir.join(GITHUB_PAGES_PATH);
        // symlink_metadata: a dangling link is a file in the way too.
        if workflow.symlink_metadata().is_ok() {
            anyhow::bail!(
                "{} already exists and init never overwrites a file: move it aside and run `communique init --force --github-pages` again to get the current workflow, or compare yours with the one in communique's docs/deploy.md",
                workflow.display()
            );
        }
        files.push((PathBuf::from(GITHUB_PAGES_PATH), GITHUB_PAGES_WORKFLOW));
    }
    let mut created = Vec::new();
    for (rel, text) in files {
        let path = dir.join(&rel);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        created.push(rel);
    }
    Ok(Created { files: created })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_a_buildable_site() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("new");
        let created = run(&site, Options::default()).unwrap();
        assert!(created.files.contains(&PathBuf::from("config.toml")));
        assert!(site.join("themes/default/templates/article.html").is_file());
        let mut options = crate::site::BuildOptions::new(&site);
        options.today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let report = crate::site::build(&options);
        assert!(report.ok, "{:?}", report.diagnostics);
        assert_eq!(report.articles, 1);
    }

    #[test]
    fn init_refuses_a_non_empty_folder_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "title = \"mine\"").unwrap();
        assert!(run(dir.path(), Options::default()).is_err());
        let force = Options {
            force: true,
            ..Options::default()
        };
        let created = run(dir.path(), force).unwrap();
        assert!(!created.files.contains(&PathBuf::from("config.toml")));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("config.toml")).unwrap(),
            "title = \"mine\""
        );
    }
}
