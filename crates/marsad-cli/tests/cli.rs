//! The `marsad` command end to end, on real Arabic text, including bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn marsad(args: &[&str], stdin: &[u8]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(stdin).unwrap();
    c.wait_with_output().unwrap()
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const ALRIYADH: &str = "اعلن الجيش التركي مقتل ثلاثة جنود اتراك امس حين فتح عناصر من حزب العمال الكردستاني النار على قافلة عسكرية في محافظة شرناق في جنوب شرق البلاد.";

#[test]
fn extract_seed_gives_valid_marsad1() {
    let o = marsad(&["extract", "examples/seed-article.jsonl"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r = records(&o);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["format"], "marsad/1");
    assert_eq!(r[0]["article"]["id"], "seed-2015-02-20-alarabiya");
    let text: Vec<char> = include_str!("../../../examples/seed-article.jsonl").lines().next().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().chars().collect()).unwrap();
    let events = r[0]["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        for k in ["id", "event_type", "sub_event_type", "mode", "status", "actor1", "actor2", "location", "date", "fatalities", "quantities", "sources", "evidence", "confidence"] {
            assert!(e.get(k).is_some(), "missing {k}");
        }
        let ev = &e["evidence"];
        let (s, t) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
        assert_eq!(text[s..t].iter().collect::<String>(), ev["text"].as_str().unwrap());
    }
}

#[test]
fn malformed_lines_are_skipped_reported_and_set_the_exit_status() {
    let input = format!(
        "{}\n{{\"id\": \"b\", \"text\": \n{}\n",
        serde_json::json!({"id": "a", "date": "2015-07-31", "text": ALRIYADH}),
        serde_json::json!({"id": "c", "date": "2015-07-31", "text": "قتل 15 شخصا بينهم نساء وأطفال أمس، عندما فجر انتحاري نفسه في سوق مزدحمة بشمال أفغانستان."})
    );
    let o = marsad(&["extract"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("<stdin>:2") && err.contains("malformed JSON"), "{err}");
    assert!(err.contains("1 input lines rejected"), "{err}");
    let r = records(&o);
    assert_eq!(r.iter().map(|x| x["article"]["id"].as_str().unwrap()).collect::<Vec<_>>(), vec!["a", "c"]);
    // The Turkish soldiers' deaths are coded, with Turkey as the country.
    let e = &r[0]["events"][0];
    assert_eq!(e["fatalities"]["min"], 3);
    assert_eq!(e["location"]["country"], "TR");
    let suicide = r[1]["events"].as_array().unwrap().iter().find(|e| e["sub_event_type"] == "Suicide bomb").expect("suicide bombing");
    assert_eq!(suicide["fatalities"]["min"], 15);
    assert_eq!(suicide["date"]["start"], "2015-07-30");
}

#[test]
fn invalid_utf8_empty_and_huge_articles_warn_without_stopping_the_batch() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"bad\",\"date\":\"2015-07-31\",\"text\":\"\xd9\x82\xd8\xaa\xd9\x84 \xff\xfe \"}\n");
    input.extend_from_slice(b"{\"id\":\"empty\",\"text\":\"   \"}\n");
    let huge = ALRIYADH.repeat(200);
    input.extend_from_slice(serde_json::json!({"id": "huge", "date": "2015-07-31", "text": huge}).to_string().as_bytes());
    input.push(b'\n');
    // Bidi controls and zero-width characters inside words: spans stay on the original.
    let bidi = ALRIYADH.replace("الجيش", "\u{202B}الجيش\u{202C}").replace("شرناق", "شر\u{200C}ناق");
    input.extend_from_slice(serde_json::json!({"id": "bidi", "date": "2015-07-31", "text": bidi}).to_string().as_bytes());
    input.push(b'\n');
    let o = marsad(&["extract", "--max-bytes", "20000"], &input);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r = records(&o);
    assert_eq!(r.len(), 4);
    assert!(r[0]["warnings"][0].as_str().unwrap().contains("invalid UTF-8"));
    assert!(r[1]["warnings"].as_array().unwrap().iter().any(|w| w == "empty text"));
    assert_eq!(r[1]["events"].as_array().unwrap().len(), 0);
    assert!(r[2]["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("exceeds the limit")));
    assert_eq!(r[2]["events"].as_array().unwrap().len(), 0);
    let chars: Vec<char> = bidi.chars().collect();
    let e = &r[3]["events"][0];
    let m = &e["location"]["mention"];
    let (s, t) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
    assert_eq!(chars[s..t].iter().collect::<String>(), m["text"].as_str().unwrap());
    assert!(m["text"].as_str().unwrap().contains('\u{200C}'));
    assert_eq!(e["location"]["country"], "TR");
}

#[test]
fn html_and_text_files_become_articles() {
    let dir = std::env::temp_dir().join(format!("marsad-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("report.html");
    std::fs::write(&html, format!("<html><head><title>مقتل ثلاثة جنود</title><script>var x = 'اشتباكات';</script></head><body><p>{ALRIYADH}</p></body></html>")).unwrap();
    let txt = dir.join("note.txt");
    std::fs::write(&txt, "قال المرصد السوري لحقوق الإنسان إن اشتباكات عنيفة دارت أمس بين قوات النظام وتنظيم داعش في مدينة تدمر.").unwrap();
    let o = marsad(&["extract", "--date", "2015-07-31", html.to_str().unwrap(), txt.to_str().unwrap()], b"");
    assert!(o.status.success());
    let r = records(&o);
    assert_eq!(r[0]["article"]["id"], "report");
    assert_eq!(r[0]["article"]["title"], "مقتل ثلاثة جنود");
    assert_eq!(r[0]["article"]["date"], "2015-07-31");
    assert!(!r[0]["events"].as_array().unwrap().iter().any(|e| e["evidence"]["text"].as_str().unwrap().contains("var x")));
    let e = r[1]["events"].as_array().unwrap().iter().find(|e| e["event_type"] == "Battles").expect("the clash in Palmyra");
    assert_eq!(e["location"]["country"], "SY");
    assert_eq!(e["sources"][0]["kind"], "activists");
    let bad = marsad(&["extract", "--date", "2015-13-45", txt.to_str().unwrap()], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--date"));
}

#[test]
fn annotate_prints_the_text_layer() {
    let o = marsad(&["annotate", "--date", "2015-02-20", "انشق أيضا بين 11 و13 عنصرا من داعش أمس الخميس وبالموصل"], b"");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["numbers"][0]["min"], 11);
    assert_eq!(v["numbers"][0]["max"], 13);
    assert_eq!(v["dates"][0]["start"], "2015-02-19");
    let t = v["tokens"].as_array().unwrap().iter().find(|t| t["span"]["text"] == "وبالموصل").unwrap();
    assert_eq!(t["prefix"], "وبال");
    assert_eq!(t["stem"], "موصل");
}

/// `marsad eval` and shared/eval/score.py agree, on perfect and on imperfect output.
#[test]
fn eval_agrees_with_the_reference_scorer() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let gold = format!("{root}/../shared/gold/dev.jsonl");
    let scorer = format!("{root}/../shared/eval/score.py");
    let dir = std::env::temp_dir().join(format!("marsad-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Engine output on the dev articles is deliberately imperfect system output.
    let input = Command::new("python3").args([&format!("{root}/../shared/eval/gold_to_input.py"), &gold]).output().expect("python3");
    let sys_out = marsad(&["extract"], &input.stdout);
    let sys = dir.join("sys.jsonl");
    std::fs::write(&sys, &sys_out.stdout).unwrap();
    // And a hand-damaged gold: every other event dropped, one line broken.
    let damaged: String = std::fs::read_to_string(&gold)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 3 {
                return "{broken".to_string();
            }
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let evs: Vec<serde_json::Value> = v["events"].as_array().unwrap().iter().step_by(2).cloned().collect();
            v["events"] = serde_json::Value::Array(evs);
            v.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    let dmg = dir.join("damaged.jsonl");
    std::fs::write(&dmg, damaged).unwrap();
    for s in [gold.clone(), sys.to_str().unwrap().to_string(), dmg.to_str().unwrap().to_string()] {
        let py = Command::new("python3").args([&scorer, &gold, &s, "--json"]).output().expect("python3 runs the reference scorer");
        let rs = marsad(&["eval", &gold, &s, "--json"], b"");
        let a: serde_json::Value = serde_json::from_slice(&py.stdout).unwrap();
        let b: serde_json::Value = serde_json::from_slice(&rs.stdout).unwrap();
        for (k, va) in a.as_object().unwrap() {
            let vb = &b[k];
            match (va.as_f64(), vb.as_f64()) {
                (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{s}: {k}: python {x} rust {y}"),
                _ => assert_eq!(va, vb, "{s}: {k}"),
            }
        }
    }
}
