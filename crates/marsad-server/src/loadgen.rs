//! A small, bounded HTTP/1.1 load generator for loopback benchmarks: `clients` keep-alive
//! connections, each sending GETs from `paths` in turn, until `max_requests` in all or
//! `max_time` have passed. Refuses any address that is not loopback.

use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Debug, Clone)]
pub struct Report {
    pub requests: usize,
    pub errors: usize,
    pub non_200: usize,
    pub secs: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Report {
    pub fn rps(&self) -> f64 {
        self.requests as f64 / self.secs.max(1e-9)
    }
}

async fn one(stream: &mut BufReader<TcpStream>, host: &str, path: &str) -> std::io::Result<u16> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n");
    stream.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status: u16 = line.split(' ').nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut len: Option<usize> = None;
    let mut chunked = false;
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::Error::other("connection closed"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let lower = l.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse().ok();
        } else if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    if chunked {
        loop {
            line.clear();
            stream.read_line(&mut line).await?;
            let n = usize::from_str_radix(line.trim(), 16).map_err(std::io::Error::other)?;
            let mut buf = vec![0u8; n + 2];
            stream.read_exact(&mut buf).await?;
            if n == 0 {
                break;
            }
        }
    } else if let Some(n) = len {
        let mut buf = vec![0u8; n];
        stream.read_exact(&mut buf).await?;
    }
    Ok(status)
}

/// Run the load, closed loop (each client sends its next request when the last answered):
/// measures capacity. `paths` are request targets such as "/api/events?country=IQ".
pub async fn run(addr: SocketAddr, paths: Vec<String>, clients: usize, max_requests: usize, max_time: Duration) -> std::io::Result<Report> {
    run_paced(addr, paths, clients, max_requests, max_time, None).await
}

/// Like [`run`], but when `per_client_rate` is given each client sends on a fixed schedule
/// (open loop) and latency counts from the scheduled send time, so queueing delay is
/// included (no coordinated omission).
pub async fn run_paced(addr: SocketAddr, paths: Vec<String>, clients: usize, max_requests: usize, max_time: Duration, per_client_rate: Option<f64>) -> std::io::Result<Report> {
    if !addr.ip().is_loopback() {
        return Err(std::io::Error::other("loadgen only targets loopback addresses"));
    }
    let paths = std::sync::Arc::new(paths);
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients.max(1) {
        let paths = paths.clone();
        let counter = counter.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let (mut errors, mut non200) = (0usize, 0usize);
            let host = addr.to_string();
            let mut conn: Option<BufReader<TcpStream>> = None;
            let mut i = c;
            let mut sent = 0u32;
            // Spread the clients' schedules over one period.
            let period = per_client_rate.map(|r| Duration::from_secs_f64(1.0 / r.max(1e-3)));
            let offset = period.map(|p| p.mul_f64(c as f64 / clients.max(1) as f64)).unwrap_or_default();
            loop {
                let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n >= max_requests || start.elapsed() > max_time {
                    break;
                }
                if conn.is_none() {
                    match TcpStream::connect(addr).await {
                        Ok(s) => {
                            let _ = s.set_nodelay(true);
                            conn = Some(BufReader::new(s));
                        }
                        Err(_) => {
                            errors += 1;
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            continue;
                        }
                    }
                }
                let path = &paths[i % paths.len()];
                i += clients;
                let t = match period {
                    Some(p) => {
                        let due = start + offset + p * sent;
                        sent += 1;
                        tokio::time::sleep_until(due.into()).await;
                        due
                    }
                    None => Instant::now(),
                };
                match tokio::time::timeout(Duration::from_secs(10), one(conn.as_mut().expect("connected"), &host, path)).await {
                    Ok(Ok(status)) => {
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                        if status != 200 {
                            non200 += 1;
                        }
                    }
                    _ => {
                        errors += 1;
                        conn = None;
                    }
                }
            }
            (lat, errors, non200)
        }));
    }
    let mut all = Vec::new();
    let (mut errors, mut non_200) = (0, 0);
    for t in tasks {
        let (l, e, n) = t.await.map_err(std::io::Error::other)?;
        all.extend(l);
        errors += e;
        non_200 += n;
    }
    let secs = start.elapsed().as_secs_f64();
    all.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let pct = |p: f64| if all.is_empty() { 0.0 } else { all[((all.len() as f64 * p).ceil() as usize).saturating_sub(1).min(all.len() - 1)] };
    Ok(Report { requests: all.len(), errors, non_200, secs, p50_ms: pct(0.50), p90_ms: pct(0.90), p99_ms: pct(0.99), max_ms: all.last().copied().unwrap_or(0.0) })
}
