//! The commands besides build, through the binary: check, init, inspect, knowledge, dates.

mod common;

use std::process::Command;

use common::TestSite;

/// Runs the binary: success, stdout (what scripts parse).
fn communique(args: &[&str]) -> (bool, String) {
    let (ok, out, _) = communique_all(args);
    (ok, out)
}

/// Runs the binary: success, stdout, stderr (where diagnostics go).
fn communique_all(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_communique"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_reports_uncertain_facts_and_passes_a_clean_site() {
    let site = TestSite::seeds();
    let root = site.root().to_str().unwrap();
    let (ok, json) = communique(&["--root", root, "check", "--format", "json"]);
    assert!(ok, "{json}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["articles"], 5);
    let findings = report["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["file"] == "003_b7eeda2ccdf38b88.txt" && f["fact"] == "publication_date"),
        "seed 003 has no publication date: {findings:?}"
    );
    assert!(
        !Path::new(root).join("public").exists(),
        "check writes nothing"
    );
}

use std::path::Path;

#[test]
fn check_fails_on_a_broken_link_and_strict_fails_on_warnings() {
    let site = TestSite::seeds();
    let root = site.root().to_str().unwrap();
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"{{ root }}nowhere/index.html\">x</a>{% endblock content %}",
    );
    site.write(
        "templates/topics.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"{{ root }}missing-page.html\">x</a>{% endblock content %}",
    );
    let (ok, _, err) = communique_all(&["--root", root, "check"]);
    assert!(!ok, "a broken link fails the check: {err}");
    assert!(
        err.contains("topics/index.html") && err.contains("missing-page.html"),
        "{err}"
    );

    let clean = TestSite::seeds();
    clean.write(
        "content/copy.txt",
        &std::fs::read_to_string(clean.root().join("content/000_bb0cd01395c66a6d.txt")).unwrap(),
    );
    let root = clean.root().to_str().unwrap();
    assert!(
        communique(&["--root", root, "check"]).0,
        "a duplicate is only a warning"
    );
    assert!(
        !communique(&["--root", root, "check", "--strict"]).0,
        "--strict fails on it"
    );
}

#[test]
fn init_then_build_works_and_init_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mysite");
    let site_str = site.to_str().unwrap();
    assert!(communique(&["init", site_str]).0);
    assert!(
        site.join("config.toml").is_file()
            && site.join("content/sample.txt").is_file()
            && site.join(".gitignore").is_file()
    );
    assert!(communique(&["--root", site_str, "--quiet", "build"]).0);
    assert!(site.join("public/index.html").is_file());
    assert!(
        !communique(&["init", site_str]).0,
        "a non-empty folder is refused"
    );
}

#[test]
fn inspect_json_has_the_documented_keys() {
    let site = TestSite::seeds();
    let file = site.root().join("content/001_2137f8a269427b0b.txt");
    let (ok, out) = communique(&[
        "--root",
        site.root().to_str().unwrap(),
        "inspect",
        "--json",
        "--today",
        "2026-11-22",
        file.to_str().unwrap(),
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    for key in [
        "id",
        "title",
        "publication_date",
        "statement_date",
        "outlet",
        "agency",
        "url",
        "dateline",
        "speakers",
        "topics",
        "quotes",
    ] {
        assert!(v.get(key).is_some(), "inspect lacks {key}");
    }
    assert_eq!(v["id"], "001_2137f8a269427b0b");
    assert_eq!(v["statement_date"], "2019-02-21");
    assert_eq!(v["publication_date"], "2019-02-22");
    assert_eq!(v["agency"], "TASS");
    assert!(v["outlet"].is_null());
    assert!(
        !v["facts"]["statement_date"]["evidence"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn knowledge_answers_who_held_an_office() {
    let (ok, out) = communique(&[
        "knowledge",
        "who",
        "foreign minister",
        "Japan",
        "2019-11-23",
    ]);
    assert!(ok, "{out}");
    assert!(out.contains("Toshimitsu Motegi"), "{out}");
    let (ok, out) = communique(&["knowledge"]);
    assert!(ok && out.contains("people"), "{out}");
}

#[test]
fn knowledge_who_takes_the_words_people_use() {
    // An abbreviation, a bare job word and a gendered form all find the office.
    let (ok, out) = communique(&["knowledge", "who", "FM", "Japan", "2019-11-23"]);
    assert!(ok && out.contains("Toshimitsu Motegi"), "{out}");
    let (ok, out) = communique(&["knowledge", "who", "spokeswoman", "China", "2019-07-25"]);
    assert!(ok && out.contains("Hua Chunying"), "{out}");
    let (ok, out) = communique(&["knowledge", "who", "PM", "Japan", "2019-11-23"]);
    assert!(ok && out.contains("Shinzo Abe"), "{out}");
    // A phrase naming no office says so and lists the offices the base knows.
    let (ok, out) = communique(&["knowledge", "who", "astronaut", "Japan", "2019-11-23"]);
    assert!(!ok && out.contains("foreign-minister"), "{out}");
}

#[test]
fn dates_prints_offsets_values_and_rules() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.txt");
    std::fs::write(
        &file,
        "Épée talks: the minister said on Thursday that the deal of 22 February 2019 holds.",
    )
    .unwrap();
    let (ok, out) = communique(&["dates", "--anchor", "2019-02-22", file.to_str().unwrap()]);
    assert!(ok);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let thursday = rows
        .iter()
        .find(|r| r["text"] == "Thursday")
        .expect("Thursday found");
    assert_eq!(thursday["value"], "2019-02-21");
    // Character offsets, not bytes: "É" is one character.
    let text: Vec<char> = std::fs::read_to_string(&file).unwrap().chars().collect();
    let (s, e) = (
        thursday["start"].as_u64().unwrap() as usize,
        thursday["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "Thursday");
    assert!(rows.iter().any(|r| r["value"] == "2019-02-22"));
}

#[test]
fn check_prints_the_front_matter_line_that_settles_a_fact_and_a_text_takes_it() {
    let site = TestSite::empty();
    let copy = "Envoys meet again over the river dispute\n\nThe two delegations met in the border town and agreed to keep talking, the mediator told reporters after the session.\n";
    site.write("content/river.txt", copy);
    let root = site.root().to_str().unwrap();
    let (_, out) = communique(&["--root", root, "check"]);
    assert!(
        out.contains("river.txt: publication_date is unknown")
            && out.contains("add to the front matter: date = YYYY-MM-DD"),
        "{out}"
    );
    // The user pastes the suggested lines above the raw copy; the copy stays as it was.
    site.write(
        "content/river.txt",
        &format!("+++\ndate = 2021-06-04\nspeakers = [\"Amina Diallo\"]\n+++\n{copy}"),
    );
    let (_, out) = communique(&["--root", root, "check"]);
    assert!(!out.contains("publication_date is unknown"), "{out}");
    let file = site.root().join("content/river.txt");
    let (ok, json) = communique(&["inspect", "--json", file.to_str().unwrap()]);
    assert!(ok, "{json}");
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(v["publication_date"], "2021-06-04");
    assert_eq!(v["speakers"][0], "Amina Diallo");
    // The rest is still read as raw copy: the heading is the title.
    assert_eq!(v["title"], "Envoys meet again over the river dispute");
}

#[test]
fn init_github_pages_writes_the_workflow_of_docs_deploy_md() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mysite");
    let site_str = site.to_str().unwrap();
    let (ok, out, err) = communique_all(&["init", "--github-pages", site_str]);
    assert!(ok, "{err}");
    assert!(out.contains("COMMUNIQUE_GIT"), "says what to set: {out}");
    let workflow = std::fs::read_to_string(site.join(".github/workflows/pages.yml")).unwrap();
    for step in [
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "communique build --base-url \"${{ steps.pages.outputs.base_url }}\"",
        "path: public/",
    ] {
        assert!(workflow.contains(step), "the workflow lacks {step}");
    }
    // One text: docs/deploy.md shows the very file init writes.
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/deploy.md"))
            .unwrap();
    assert!(
        docs.contains(&format!("```yaml\n{workflow}```\n")),
        "docs/deploy.md must show src/commands/github-pages.yml as it is"
    );
    // The site it wrote still builds.
    assert!(communique(&["--root", site_str, "--quiet", "build"]).0);
}

#[test]
fn init_github_pages_refuses_to_overwrite_a_workflow_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    let workflow = site.join(".github/workflows/pages.yml");
    std::fs::create_dir_all(workflow.parent().unwrap()).unwrap();
    std::fs::write(&workflow, "name: mine\n").unwrap();
    let site_str = site.to_str().unwrap();
    let (ok, _, err) = communique_all(&["init", "--force", "--github-pages", site_str]);
    assert!(!ok, "an existing workflow is refused");
    assert!(
        err.contains(&workflow.display().to_string()) && err.contains("move it aside"),
        "names the file and what to do: {err}"
    );
    assert_eq!(std::fs::read_to_string(&workflow).unwrap(), "name: mine\n");
    assert!(
        !site.join("config.toml").exists(),
        "nothing is written when init fails"
    );
    // Without --github-pages the same folder takes the site and keeps the workflow.
    assert!(communique(&["init", "--force", site_str]).0);
    assert!(site.join("config.toml").is_file());
    assert_eq!(std::fs::read_to_string(&workflow).unwrap(), "name: mine\n");
}
