//! The API over loopback: token on writes, parameter errors, hostile values, limits.

use marsad_server::{serve, AppState, Config};
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn shared(p: &str) -> String {
    let base = std::env::var("MARSAD_SHARED").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    std::fs::read_to_string(format!("{base}/{p}")).unwrap()
}

struct Srv {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    dir: std::path::PathBuf,
}

impl Drop for Srv {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn start(name: &str, token: Option<&str>, rate: f64, burst: f64) -> Srv {
    let dir = std::env::temp_dir().join(format!("marsad-api-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut cfg = Config::new(dir.join("m.db"));
    cfg.token = token.map(str::to_string);
    cfg.rate = rate;
    cfg.burst = burst;
    cfg.engine_version = "test".into();
    let state = AppState::open(cfg).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(state, listener, async move {
        let _ = rx.await;
    }));
    Srv { addr, stop: Some(tx), dir }
}

/// One HTTP/1.1 request (Connection: close). Returns (status, body).
async fn req(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).await.unwrap();
    s.write_all(body).await.unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    let text = String::from_utf8_lossy(&buf).to_string();
    let status: u16 = text.split(' ').nth(1).unwrap().parse().unwrap();
    let (h, b) = text.split_once("\r\n\r\n").unwrap();
    let b = if h.to_ascii_lowercase().contains("transfer-encoding: chunked") { dechunk(b) } else { b.to_string() };
    (status, b)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    loop {
        let Some((n, rest)) = s.split_once("\r\n") else { break };
        let n = usize::from_str_radix(n.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

async fn get(addr: SocketAddr, path: &str) -> (u16, serde_json::Value) {
    let (st, b) = req(addr, "GET", path, &[], b"").await;
    (st, serde_json::from_str(&b).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {b}")))
}

fn enc(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_need_the_token() {
    let srv = start("token", Some("s3cret-token"), 0.0, 1.0).await;
    let body = shared("gold/dev.jsonl");
    let (st, b) = req(srv.addr, "POST", "/api/ingest", &[], body.as_bytes()).await;
    assert_eq!(st, 401, "{b}");
    assert!(b.contains("\"error\""));
    let (st, _) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer wrong")], body.as_bytes()).await;
    assert_eq!(st, 403);
    let (st, _) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer s3cret-token-and-more")], body.as_bytes()).await;
    assert_eq!(st, 403);
    let (st, _) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Basic s3cret-token")], body.as_bytes()).await;
    assert_eq!(st, 401);
    let (st, b) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer s3cret-token")], body.as_bytes()).await;
    assert_eq!(st, 200, "{b}");
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!(v["inserted"], 30);
    assert_eq!(v["events"], 215);
    // Again: unchanged, as a JSON array of the same records.
    let arr = format!("[{}]", body.trim().lines().collect::<Vec<_>>().join(","));
    let (st, b) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer s3cret-token")], arr.as_bytes()).await;
    assert_eq!(st, 200);
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!((v["inserted"].as_u64(), v["unchanged"].as_u64()), (Some(0), Some(30)));
    let (st, v) = get(srv.addr, "/api/events?per_page=500").await;
    assert_eq!(st, 200);
    assert_eq!(v["total"], 215);
    // Malformed lines are reported, the rest stored.
    let mixed = "{\"id\":\"p1\",\"text\":\"قتل جندي في درعا\",\"date\":\"2015-07-01\"}\nnot json\n{\"id\":\"p2\"}\n";
    let (st, b) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer s3cret-token")], mixed.as_bytes()).await;
    assert_eq!(st, 200);
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!(v["inserted"], 1);
    assert_eq!(v["rejected"].as_array().unwrap().len(), 2);
    let (st, b) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer s3cret-token")], b"[1,2").await;
    assert_eq!(st, 400, "{b}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_disabled_without_a_token() {
    let srv = start("notoken", None, 0.0, 1.0).await;
    let (st, b) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer anything")], b"{\"id\":\"a\",\"text\":\"x\"}").await;
    assert_eq!(st, 403);
    assert!(b.contains("disabled"));
    let (st, v) = get(srv.addr, "/api/health").await;
    assert_eq!(st, 200);
    assert_eq!(v["writes_enabled"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parameter_errors_are_400_json() {
    let srv = start("params", Some("t"), 0.0, 1.0).await;
    let body = shared("gold/dev.jsonl") + &shared("gold/seed-article.gold.jsonl");
    assert_eq!(req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer t")], body.as_bytes()).await.0, 200);
    for path in [
        "/api/events?from=2015-02-30",
        "/api/events?to=yesterday",
        "/api/events?from=2015-08-01&to=2015-07-01",
        "/api/events?bbox=1,2,3",
        "/api/events?bbox=0,0,500,10",
        "/api/events?bbox=10,0,0,10",
        "/api/events?per_page=0",
        "/api/events?per_page=501",
        "/api/events?per_page=-1",
        "/api/events?page=0",
        "/api/events?page=abc",
        "/api/events?page=100000&per_page=500",
        "/api/events?colour=red",
        "/api/aggregates?by=week",
        "/api/aggregates?by=day&limit=0",
        "/api/articles",
    ] {
        let (st, v) = get(srv.addr, path).await;
        assert_eq!(st, 400, "{path}: {v}");
        assert!(v["error"].as_str().map_or(false, |e| !e.is_empty()), "{path}: {v}");
    }
    let (st, v) = get(srv.addr, "/api/articles/no-such-article").await;
    assert_eq!(st, 404);
    assert!(v["error"].is_string());
    let (st, _) = get(srv.addr, "/api/nothing-here").await;
    assert_eq!(st, 404);
    // Good parameters work.
    let (st, v) = get(srv.addr, "/api/events?country=SY&from=2015-01-01&to=2015-12-31&per_page=5&page=1").await;
    assert_eq!(st, 200);
    assert!(v["events"].as_array().unwrap().len() <= 5);
    for e in v["events"].as_array().unwrap() {
        assert_eq!(e["event"]["location"]["country"], "SY");
    }
    let (st, v) = get(srv.addr, &format!("/api/events?q={}", enc("الموصل"))).await;
    assert_eq!(st, 200);
    assert!(v["total"].as_u64().unwrap() > 0);
    for by in ["day", "type", "country", "actor"] {
        let (st, v) = get(srv.addr, &format!("/api/aggregates?by={by}")).await;
        assert_eq!(st, 200);
        assert!(!v["buckets"].as_array().unwrap().is_empty(), "{by}");
    }
    let (st, v) = get(srv.addr, "/api/articles/seed-2015-02-20-alarabiya").await;
    assert_eq!(st, 200);
    let text = v["text"].as_str().unwrap();
    let ev = &v["events"][0]["evidence"];
    let chars: Vec<char> = text.chars().collect();
    let (s, e) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
    assert_eq!(chars[s..e].iter().collect::<String>(), ev["text"].as_str().unwrap(), "spans point into the text");
    let (st, v) = get(srv.addr, "/api/openapi.json").await;
    assert_eq!(st, 200);
    assert_eq!(v["openapi"], "3.0.3");
    assert!(v["paths"]["/api/events"].is_object());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_values_are_just_values() {
    let srv = start("hostile", Some("t"), 0.0, 1.0).await;
    let body = shared("gold/dev.jsonl");
    assert_eq!(req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer t")], body.as_bytes()).await.0, 200);
    let text = "قتل ثلاثة مدنيين في الموصل <script>alert(1)</script>";
    let art = serde_json::json!({"id": "x<script>", "text": text, "title": "<img src=x onerror=alert(1)>", "date": "2015-07-01"});
    assert_eq!(req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer t")], art.to_string().as_bytes()).await.0, 200);
    for h in ["' OR 1=1 --", "x'); DROP TABLE events; --", "\" OR \"\"=\"", "%", "NEAR(a b)"] {
        for k in ["actor", "place", "country", "type", "subtype", "mode"] {
            let (st, v) = get(srv.addr, &format!("/api/events?{k}={}", enc(h))).await;
            assert_eq!(st, 200, "{k}={h}: {v}");
            assert_eq!(v["total"], 0, "{k}={h}");
        }
        let (st, _) = get(srv.addr, &format!("/api/events?q={}", enc(h))).await;
        assert_eq!(st, 200);
    }
    let (st, v) = get(srv.addr, "/api/events?per_page=1").await;
    assert_eq!(st, 200);
    assert!(v["total"].as_u64().unwrap() >= 215, "nothing dropped");
    let (st, v) = get(srv.addr, &format!("/api/articles/{}", enc("x<script>"))).await;
    assert_eq!(st, 200);
    assert_eq!(v["text"], text, "HTML in text round-trips as text");
    assert_eq!(v["article"]["title"], "<img src=x onerror=alert(1)>");
    // The dashboard is served with a CSP that forbids inline script.
    let (st, _) = req(srv.addr, "GET", "/", &[], b"").await;
    assert_eq!(st, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn body_and_rate_limits() {
    let srv = start("limits", Some("t"), 1.0, 5.0).await;
    let mut codes = Vec::new();
    for _ in 0..8 {
        codes.push(get(srv.addr, "/api/health").await.0);
    }
    assert_eq!(&codes[..5], &[200; 5]);
    assert!(codes[5..].contains(&429), "{codes:?}");
    let (st, b) = req(srv.addr, "GET", "/api/health", &[], b"").await;
    assert_eq!(st, 429);
    assert!(b.contains("\"error\""));
    let srv = start("body", Some("t"), 0.0, 1.0).await;
    let big = vec![b' '; marsad_server::BODY_LIMIT + 10];
    let (st, b) = req(srv.addr, "POST", "/api/ingest", &[("Authorization", "Bearer t")], &big).await;
    assert_eq!(st, 413, "{b}");
    assert!(b.contains("\"error\""));
}
