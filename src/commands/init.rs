//! `communique init [DIR]`: a new site with a commented config, the default theme, a sample
//! article and a .gitignore. It refuses a non-empty folder unless forced, and never overwrites.

use std::path::{Path, PathBuf};

use crate::render::theme::BUILTIN_THEME;

const CONFIG: &str = include_str!("../../config.toml");

const SAMPLE: &str = "Leaders agree to resume talks on fisheries

TOKYO, April 13 (Kyodo) -- Japan and Russia agreed on Tuesday to resume talks on fishing quotas, Japanese Foreign Minister Yoko Kamikawa said after meeting her counterpart.

\"We have agreed to meet again before the summer,\" Kamikawa told reporters.

Delete this file and put your own articles in content/: copied news pages, agency wires or ministry transcripts, as .txt, or .md with TOML front matter.
";

const GITIGNORE: &str = "/public\n/.communique-cache\n";

/// What `init` wrote.
pub struct Created {
    /// Files written, relative to the site folder.
    pub files: Vec<PathBuf>,
}

/// Creates a site in `dir`. Errors say what to do (use --force, choose another folder).
pub fn run(dir: &Path, force: bool) -> anyhow::Result<Created> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)?;
        if entries.next().is_some() && !force {
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
        let created = run(&site, false).unwrap();
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
        assert!(run(dir.path(), false).is_err());
        let created = run(dir.path(), true).unwrap();
        assert!(!created.files.contains(&PathBuf::from("config.toml")));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("config.toml")).unwrap(),
            "title = \"mine\""
        );
    }
}
