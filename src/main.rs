//! The `communique` command line: parse, dispatch, report. The work lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use communique::commands;
use communique::site::{BuildOptions, build, failed};

/// mimalloc: the build allocates many short strings on every thread (page models, HTML,
/// minified output); the system allocator spent a quarter of a build's CPU time in them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// communique builds a timeline site of diplomatic statements from raw news texts.
///
/// Drop the articles you collected (copied pages, agency wires, transcripts; .txt or .md) into
/// content/, run `communique build`, and publish the public/ folder on any static host. Every
/// date, source and speaker on the site shows how it was inferred.
#[derive(Parser)]
#[command(name = "communique", version, about, long_about)]
struct Cli {
    /// The site folder: where config.toml, content/ and themes/ are.
    #[arg(short = 'r', long, global = true, default_value = ".")]
    root: PathBuf,
    /// Print only errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Print every warning in full and timings per stage.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    ///
    /// The site is written to a staging folder and swapped into place only when every page
    /// rendered, so a failed build leaves the previous output untouched. Articles that cannot
    /// be read are reported and skipped; use --strict to fail on any warning.
    Build {
        /// Write the site here instead of the config's output_dir.
        #[arg(short, long)]
        output_dir: Option<PathBuf>,
        /// Use this base URL instead of the config's (e.g. https://example.org/timeline/).
        #[arg(short = 'u', long)]
        base_url: Option<String>,
        /// Include articles marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Fail (exit status 1) on warnings too.
        #[arg(long)]
        strict: bool,
        /// Build as if today were this day (YYYY-MM-DD); inference never dates a text later.
        #[arg(long, value_parser = parse_day)]
        today: Option<NaiveDate>,
    },
    /// Print everything inferred about articles: title, dates, sources, speakers, quotes, topics
    /// with confidence and evidence.
    Inspect {
        /// Article files (.txt or .md).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per line instead of a readable report.
        #[arg(long)]
        json: bool,
        /// Infer as if today were this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        today: Option<NaiveDate>,
    },
    /// Build, serve on http://127.0.0.1:1111, and rebuild and reload pages as you edit.
    ///
    /// Watches content/, themes/, templates/, static/ and config.toml. A changed article is
    /// re-inferred alone; a template change re-renders without re-inferring; a config change
    /// rebuilds everything. A failed rebuild keeps the last good site and shows the error in
    /// the terminal and over the page.
    Serve {
        /// The address to listen on (loopback by default; 0.0.0.0 exposes the site to your
        /// network).
        #[arg(short, long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// The port (0 picks a free one).
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
        /// Open the site in your browser.
        #[arg(short = 'O', long)]
        open: bool,
        /// Build with this base URL instead of the server's address.
        #[arg(short = 'u', long)]
        base_url: Option<String>,
        /// Include articles marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Run the whole pipeline without publishing and report what needs attention.
    ///
    /// Lists facts that are unknown or below the confidence threshold (with their evidence),
    /// duplicate articles, slug collisions, template errors and broken internal links. Exit
    /// status 0 when clean, 1 on errors (with --strict, also on warnings).
    Check {
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// `text` for people, `json` for scripts.
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// Create a new site: config.toml with comments, the default theme, a sample article and a
    /// .gitignore. Refuses a non-empty folder unless --force; never overwrites a file.
    Init {
        /// Where to create it (default: the current folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Add the files to a non-empty folder (existing files are kept).
        #[arg(long)]
        force: bool,
        /// Also write .github/workflows/pages.yml, a GitHub Actions workflow that builds the
        /// site and publishes it on GitHub Pages (see docs/deploy.md). Fails if that file
        /// exists; with --force it is added to an existing site.
        #[arg(long)]
        github_pages: bool,
    },
    /// Print every date expression found in a text, one JSON object per line: character
    /// offsets, the words, the TIMEX3 value and the rule that fired.
    Dates {
        /// The day relative expressions ("on Monday", "last year") are resolved against;
        /// without it they keep an unresolved value.
        #[arg(long, value_parser = parse_day)]
        anchor: Option<NaiveDate>,
        /// Text files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show what the knowledge base holds, or query it.
    ///
    /// Without arguments: counts by kind. `who OFFICE COUNTRY DATE` names the holder
    /// (`communique knowledge who "foreign minister" Japan 2019-11-23`); `person NAME` lists a
    /// person's offices; `events PHRASE` lists matching meetings; `outlet NAME` shows an outlet.
    Knowledge {
        /// The query: who | person | events | outlet, and its arguments.
        query: Vec<String>,
    },
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date like 2019-02-22"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build {
            output_dir,
            base_url,
            drafts,
            strict,
            today,
        } => {
            let mut options = BuildOptions::new(&cli.root);
            options.output_dir = output_dir;
            options.base_url = base_url;
            options.drafts = drafts;
            if let Some(today) = today {
                options.today = today;
            }
            let bar = commands::progress_bar(cli.quiet);
            if let Some(bar) = bar.clone() {
                options.progress = Some(communique::site::Progress(std::sync::Arc::new(
                    move |done, total| {
                        bar.set_length(total as u64);
                        bar.set_position(done as u64);
                    },
                )));
            }
            if !cli.quiet {
                eprintln!("Building {} …", cli.root.display());
            }
            let report = build(&options);
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            let ok = report.ok;
            commands::print_diagnostics(&report.diagnostics, cli.quiet, cli.verbose);
            if ok {
                if !cli.quiet {
                    commands::print_build_summary(&report, cli.verbose);
                }
            } else {
                eprintln!("Build failed: the previous output was left as it was.");
            }
            Ok(if ok && !failed(&report.diagnostics, strict) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Inspect { files, json, today } => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            commands::inspect::run(
                &cli.root,
                &files,
                json,
                today,
                &mut std::io::stdout().lock(),
            )
            .context("inspect")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            interface,
            port,
            open,
            base_url,
            drafts,
        } => {
            let options = communique::serve::ServeOptions {
                root: cli.root.clone(),
                interface,
                port,
                open,
                base_url,
                drafts,
            };
            let quiet = cli.quiet;
            communique::serve::run(options, &mut |line: &str| {
                if !quiet || line.starts_with("Serving") {
                    println!("{line}");
                }
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { strict, format } => {
            let report = commands::check::run(&BuildOptions::new(&cli.root));
            if format == "json" {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                commands::print_check(&report, cli.verbose);
            }
            Ok(if report.failed(strict) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Init {
            dir,
            force,
            github_pages,
        } => {
            let options = commands::init::Options {
                force,
                github_pages,
            };
            let created = commands::init::run(&dir, options)?;
            for f in &created.files {
                println!("created {}", dir.join(f).display());
            }
            if github_pages {
                println!(
                    "GitHub Pages: set COMMUNIQUE_GIT in {} to the Git URL communique is installed from, and choose \"GitHub Actions\" as the source in the repository's Settings > Pages.",
                    dir.join(commands::init::GITHUB_PAGES_PATH).display()
                );
            }
            println!(
                "Next: put your articles in {}, then run `communique build` there.",
                dir.join("content").display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Dates { anchor, files } => {
            commands::dates::run(anchor, &files, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Knowledge { query } => {
            let ok = commands::knowledge::run(&query, &mut std::io::stdout().lock())?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}
