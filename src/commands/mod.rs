//! The commands other than `build` itself, and the shared terminal output.

pub mod inspect;
pub mod knowledge;

use crate::diagnostics::{Diagnostic, Severity};
use crate::site::BuildReport;

/// Prints diagnostics to stderr: errors always, warnings unless quiet (grouped past ten unless
/// verbose).
pub fn print_diagnostics(diagnostics: &[Diagnostic], quiet: bool, verbose: bool) {
    let mut warnings = 0;
    for d in diagnostics {
        match d.severity {
            Severity::Error => eprintln!("{d}"),
            Severity::Warning if quiet => {}
            Severity::Warning => {
                warnings += 1;
                if verbose || warnings <= 10 {
                    eprintln!("{d}");
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
