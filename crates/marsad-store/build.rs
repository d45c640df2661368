//! Hash the lexicon files the engine embeds (data/actors.toml, data/*.toml,
//! data/gazetteer/*.tsv) at build time, so the stored engine version changes whenever
//! they do and `marsad ingest` re-codes articles coded under older lexicons.

use std::path::Path;

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= b as u64;
        *h = h.wrapping_mul(0x100000001b3);
    }
}

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    for dir in [data.clone(), data.join("gazetteer")] {
        println!("cargo:rerun-if-changed={}", dir.display());
        if let Ok(rd) = std::fs::read_dir(&dir) {
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().map_or(false, |x| x == "toml" || x == "tsv" || x == "txt") {
                    println!("cargo:rerun-if-changed={}", p.display());
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    let mut h: u64 = 0xcbf29ce484222325;
    for f in &files {
        fnv(&mut h, f.file_name().unwrap().to_string_lossy().as_bytes());
        if let Ok(b) = std::fs::read(f) {
            fnv(&mut h, &b);
        }
    }
    let hash = if files.is_empty() { String::new() } else { format!("{:08x}", h as u32) };
    println!("cargo:rustc-env=MARSAD_LEXICON_HASH={hash}");
}
