//! Embeds every TOML file under `knowledge/` into the binary, so the knowledge base needs no
//! files at run time and a new data file needs no code change.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let root = manifest.join("knowledge");
    println!("cargo:rerun-if-changed=knowledge");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code =
        String::from("/// Every knowledge file, as (path under knowledge/, contents).\n");
    code.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let rel = file.strip_prefix(&root).expect("under root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets this")).join("knowledge_files.rs");
    fs::write(out, code).expect("write generated knowledge index");

    // The inference engine's identity: a hash of the code and data that decide what an article
    // infers to. The inference cache is keyed by it, so any change there invalidates the cache.
    let mut engine = Vec::new();
    for dir in [
        "src/clean",
        "src/infer",
        "src/dates",
        "src/knowledge",
        "knowledge",
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files = Vec::new();
        collect_all(&manifest.join(dir), &mut files);
        files.sort();
        engine.extend(files);
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &engine {
        let rel = file.strip_prefix(&manifest).unwrap_or(file);
        for b in rel
            .to_string_lossy()
            .bytes()
            .chain(fs::read(file).unwrap_or_default())
        {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=COMMUNIQUE_ENGINE_HASH={hash:016x}");
}

/// Every file under `dir`.
fn collect_all(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_all(&path, out);
        } else {
            out.push(path);
        }
    }
}
