//! `marsad ingest` killed mid-way loses nothing committed, and a rerun completes the rest:
//! the result equals a clean ingest, with no duplicate events. Spawns the built binary on
//! the 3,000 articles of shared/corpus, three times over with ids rewritten (9,000 real
//! articles), plus the gold records.

use marsad_store::Store;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn shared(p: &str) -> String {
    let base = std::env::var("MARSAD_SHARED").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    format!("{base}/{p}")
}

fn snapshot(db: &std::path::Path) -> Vec<(String, String, String, Vec<String>)> {
    let s = Store::open(db).unwrap();
    let mut st = s.conn.prepare("SELECT aid, id, text_hash, engine_version FROM articles ORDER BY id").unwrap();
    let rows: Vec<(i64, String, String, String)> = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(|x| x.unwrap()).collect();
    let mut ev = s.conn.prepare("SELECT json FROM events WHERE aid = ?1 ORDER BY seq").unwrap();
    rows.into_iter()
        .map(|(aid, id, h, v)| {
            let e: Vec<String> = ev.query_map([aid], |r| r.get(0)).unwrap().map(|x| x.unwrap()).collect();
            (id, h, v, e)
        })
        .collect()
}

fn ingest(db: &std::path::Path, inputs: &[String]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(["--batch", "100", "--quiet", "--threads", "1", "--engine-version", "kill-test"])
        .args(inputs)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn marsad")
}

#[test]
fn kill_mid_ingest_then_rerun_equals_clean_ingest() {
    let dir = std::env::temp_dir().join(format!("marsad-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut corpus = String::new();
    for copy in 0..3 {
        for l in std::fs::read_to_string(shared("corpus/news-sample.jsonl")).unwrap().lines().take(3000) {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let id = format!("{}~{copy}", v["id"].as_str().unwrap());
            v["id"] = serde_json::Value::String(id);
            corpus.push_str(&v.to_string());
            corpus.push('\n');
        }
    }
    let n_articles = corpus.lines().count();
    assert!(n_articles >= 9000);
    let input = dir.join("articles.jsonl");
    std::fs::write(&input, corpus).unwrap();
    let inputs = vec![input.to_string_lossy().to_string(), shared("gold/dev.jsonl"), shared("gold/seed-article.gold.jsonl")];

    // Clean ingest.
    let clean = dir.join("clean.db");
    let out = ingest(&clean, &inputs).wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let want = snapshot(&clean);
    assert_eq!(want.len(), n_articles + 31);

    // Killed ingest: SIGKILL as soon as some batches are committed.
    let db = dir.join("killed.db");
    let mut child = ingest(&db, &inputs);
    let start = Instant::now();
    let mut at_kill = 0i64;
    loop {
        if let Ok(s) = Store::open_read(&db) {
            if let Ok((a, _)) = s.counts() {
                if a >= 200 {
                    at_kill = a;
                    break;
                }
            }
        }
        assert!(child.try_wait().unwrap().is_none(), "ingest finished before it could be killed");
        assert!(start.elapsed() < Duration::from_secs(300), "no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    {
        let s = Store::open(&db).unwrap();
        let ok: String = s.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
        let (a, e) = s.counts().unwrap();
        assert!(a >= at_kill, "committed batches survive the kill ({a} < {at_kill})");
        assert!((a as usize) < want.len(), "killed mid-way ({a} of {})", want.len());
        assert_eq!(a % 100, 0, "only whole batches are committed ({a})");
        let bad: i64 = s.conn.query_row("SELECT count(*) FROM articles a WHERE n_events != (SELECT count(*) FROM events e WHERE e.aid = a.aid)", [], |r| r.get(0)).unwrap();
        assert_eq!(bad, 0, "no half-written article ({e} events)");
    }
    // Rerun completes the rest; a second rerun changes nothing.
    for _ in 0..2 {
        let out = ingest(&db, &inputs).wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let got = snapshot(&db);
    assert_eq!(got.len(), want.len());
    assert!(got == want, "rerun after a kill equals a clean ingest");
    let s = Store::open(&db).unwrap();
    let dup: i64 = s.conn.query_row("SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1)", [], |r| r.get(0)).unwrap();
    assert_eq!(dup, 0, "no duplicate events");
    drop(s);
    std::fs::remove_dir_all(&dir).ok();
}
