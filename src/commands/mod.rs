//! The commands other than `build` itself, and the shared terminal output.

pub mod check;
pub mod dates;
pub mod init;
pub mod inspect;
pub mod knowledge;

use crate::diagnostics::{Diagnostic, Severity};
use crate::site::BuildReport;

/// A progress bar on stderr when it is a terminal (and not quiet); plain output otherwise. It
/// stays hidden for builds that finish within a moment.
pub fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(0),
        indicatif::ProgressDrawTarget::stderr_with_hz(8),
    );
    let style = indicatif::ProgressStyle::with_template(
        "{prefix} [{bar:30}] {pos}/{len} articles ({eta} left)",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix("Reading");
    Some(bar)
}

/// Whether to colour terminal output: a terminal, and no `NO_COLOR` (https://no-color.org).
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn paint(d: &Diagnostic) -> String {
    let text = d.to_string();
    if !use_color() {
        return text;
    }
    let (prefix, code) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
    };
    match text.strip_prefix(prefix) {
        Some(rest) => format!("\x1b[{code}m{prefix}\x1b[0m{rest}"),
        None => text,
    }
}

/// Prints diagnostics to stderr: errors always, warnings unless quiet (grouped past ten unless
/// verbose).
pub fn print_diagnostics(diagnostics: &[Diagnostic], quiet: bool, verbose: bool) {
    let mut warnings = 0;
    for d in diagnostics {
        match d.severity {
            Severity::Error => eprintln!("{}", paint(d)),
            Severity::Warning if quiet => {}
            Severity::Warning => {
                warnings += 1;
                if verbose || warnings <= 10 {
                    eprintln!("{}", paint(d));
                }
            }
        }
    }
    if warnings > 10 && !verbose {
        eprintln!(
            "… and {} more warnings (use --verbose to see all)",
            warnings - 10
        );
    }
}

/// The one-line summary of a finished build.
pub fn print_build_summary(r: &BuildReport, verbose: bool) {
    if r.up_to_date {
        eprintln!(
            "Up to date: {} articles and the theme are as at the last build; the output was left as it was ({} ms)",
            r.articles,
            r.total.as_millis()
        );
        return;
    }
    eprintln!(
        "Built {} articles ({} found, {} skipped) into {} pages and {} files, {:.1} MB, in {} ms",
        r.articles,
        r.found,
        r.skipped,
        r.render.pages,
        r.render.files,
        r.render.bytes as f64 / 1e6,
        r.total.as_millis()
    );
    if verbose {
        eprintln!(
            "  inferred {} of {} article files (not taken from the inference cache) · reused {} of {} pages",
            r.inferred, r.found, r.render.reused, r.render.pages
        );
        eprintln!(
            "  read+clean+infer {} ms · order {} ms · render+write {} ms",
            r.infer_time.as_millis(),
            r.order_time.as_millis(),
            r.render_time.as_millis()
        );
        let per_stage: Vec<String> = r
            .timings
            .stages()
            .iter()
            .filter(|(_, d)| !d.is_zero())
            .map(|(name, d)| format!("{name} {} ms", d.as_millis()))
            .collect();
        eprintln!("  CPU time per stage: {}", per_stage.join(" · "));
    }
}

/// The report of `check` for people.
pub fn print_check(report: &check::CheckReport, verbose: bool) {
    for f in &report.findings {
        let value = f.value.clone().unwrap_or_else(|| "unknown".into());
        println!(
            "{}: {} is {value} ({:.0}% confidence)",
            f.file,
            f.fact,
            f.confidence * 100.0
        );
        println!("    to settle it, add to the front matter: {}", f.fix);
        if verbose {
            for e in &f.evidence {
                println!("    {}: {}", e.rule, e.note);
            }
        }
    }
    print_diagnostics(&report.diagnostics, false, verbose);
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    println!(
        "Checked {} articles: {} uncertain or unknown facts, {errors} errors, {warnings} warnings",
        report.articles,
        report.findings.len()
    );
}
