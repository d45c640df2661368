//! marsad-server: the JSON API and the dashboard over a Marsad store. See README.md.

pub mod loadgen;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use marsad_core::engine::Engine;
use marsad_store::ingest::{parse_value, prepare_chunk, Input};
use marsad_store::query::{parse_bbox, COUNT_CAP};
use marsad_store::{BatchStats, Filter, Page, Store};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

/// Largest request body.
pub const BODY_LIMIT: usize = 10 * 1024 * 1024;
pub const MAX_PER_PAGE: usize = 500;
/// Deepest row reachable by paging (page * per_page).
pub const MAX_OFFSET: usize = 100_000;

#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    /// Bearer token for writes; None disables writes.
    pub token: Option<String>,
    /// Requests per second per client IP; 0 disables the limit.
    pub rate: f64,
    pub burst: f64,
    /// Read connections kept open.
    pub readers: usize,
    /// Engine version recorded for articles ingested through the API.
    pub engine_version: String,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config { db: db.into(), token: None, rate: 50.0, burst: 100.0, readers: 4, engine_version: marsad_store::ingest::default_engine_version(None) }
    }
}

/// A small pool of read-only connections. At most `max_idle` queries run at once (a
/// semaphore in front of `spawn_blocking`); the rest wait without holding a thread.
struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    max_idle: usize,
    permits: Arc<tokio::sync::Semaphore>,
}

impl Pool {
    fn with<R>(&self, f: impl FnOnce(&Store) -> marsad_store::Result<R>) -> marsad_store::Result<R> {
        let conn = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match conn {
            Some(c) => c,
            None => Store::open_read(&self.path)?,
        };
        let r = f(&conn);
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < self.max_idle {
            idle.push(conn);
        }
        r
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

struct Inner {
    cfg: Config,
    pool: Pool,
    writer: Mutex<Store>,
    engine: OnceLock<Engine>,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
    agg_cache: Mutex<HashMap<String, (i64, Value)>>,
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

/// An API error: a status and a message, sent as `{"error": message}`.
#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub String);

impl ApiError {
    fn bad(msg: impl Into<String>) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, msg.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

impl From<marsad_store::Error> for ApiError {
    fn from(e: marsad_store::Error) -> ApiError {
        match e {
            marsad_store::Error::Invalid(m) => ApiError::bad(m),
            other => ApiError(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

type ApiResult<T> = Result<T, ApiError>;

impl AppState {
    /// Open (creating and migrating if needed) the store.
    pub fn open(cfg: Config) -> marsad_store::Result<AppState> {
        let writer = Store::open(&cfg.db)?;
        let pool = Pool { path: cfg.db.clone(), idle: Mutex::new(Vec::new()), max_idle: cfg.readers.max(1), permits: Arc::new(tokio::sync::Semaphore::new(cfg.readers.max(1))) };
        Ok(AppState(Arc::new(Inner {
            cfg,
            pool,
            writer: Mutex::new(writer),
            engine: OnceLock::new(),
            buckets: Mutex::new(HashMap::new()),
            agg_cache: Mutex::new(HashMap::new()),
        })))
    }

    async fn read<R: Send + 'static>(&self, f: impl FnOnce(&Store) -> marsad_store::Result<R> + Send + 'static) -> ApiResult<R> {
        let s = self.clone();
        let permit = self.0.pool.permits.clone().acquire_owned().await.map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let r = s.0.pool.with(f);
            drop(permit);
            r
        })
            .await
            .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("worker failed: {e}")))?
            .map_err(ApiError::from)
    }
}

/// The application: API, dashboard, limits.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/events", get(events))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/aggregates", get(aggregates))
        .route("/api/ingest", post(ingest))
        .route("/api/openapi.json", get(openapi))
        .route("/", get(|| async { asset("index.html") }))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/assets/{name}", get(|Path(name): Path<String>| async move { asset(&name) }))
        .fallback(|| async { ApiError(StatusCode::NOT_FOUND, "no such endpoint".into()) })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    );
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    r
}

async fn rate_limit(State(s): State<AppState>, ConnectInfo(addr): ConnectInfo<SocketAddr>, req: Request, next: Next) -> Response {
    let cfg = &s.0.cfg;
    if cfg.rate > 0.0 {
        let now = Instant::now();
        let allowed = {
            let mut b = s.0.buckets.lock().unwrap_or_else(|e| e.into_inner());
            if b.len() > 10_000 {
                b.retain(|_, v| now.duration_since(v.at).as_secs_f64() * cfg.rate + v.tokens < cfg.burst);
            }
            let e = b.entry(addr.ip()).or_insert(Bucket { tokens: cfg.burst, at: now });
            e.tokens = (e.tokens + now.duration_since(e.at).as_secs_f64() * cfg.rate).min(cfg.burst);
            e.at = now;
            if e.tokens >= 1.0 {
                e.tokens -= 1.0;
                true
            } else {
                false
            }
        };
        if !allowed {
            let mut r = ApiError(StatusCode::TOO_MANY_REQUESTS, "rate limit exceeded; slow down".into()).into_response();
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return r;
        }
    }
    next.run(req).await
}

// ---------------------------------------------------------------- static assets

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const STYLE_CSS: &str = include_str!("../assets/style.css");
const MENA_GEOJSON: &str = include_str!("../assets/mena.geojson");
const OPENAPI: &str = include_str!("openapi.json");

fn asset(name: &str) -> Response {
    let (body, ctype) = match name {
        "index.html" => (INDEX_HTML, "text/html; charset=utf-8"),
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "style.css" => (STYLE_CSS, "text/css; charset=utf-8"),
        "mena.geojson" => (MENA_GEOJSON, "application/geo+json"),
        _ => return ApiError(StatusCode::NOT_FOUND, "no such asset".into()).into_response(),
    };
    ([(header::CONTENT_TYPE, ctype), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

// ---------------------------------------------------------------- handlers

async fn health(State(s): State<AppState>) -> ApiResult<Json<Value>> {
    let gen = s.read(|st| st.generation()).await?;
    Ok(Json(json!({
        "status": "ok",
        "schema_version": marsad_store::schema::VERSION,
        "generation": gen,
        "engine_version": s.0.cfg.engine_version,
        "writes_enabled": s.0.cfg.token.is_some(),
    })))
}

type Params = Query<HashMap<String, String>>;

const FILTER_KEYS: &[&str] = &["q", "type", "subtype", "mode", "actor", "place", "country", "from", "to", "bbox", "article"];

fn filter_from(p: &HashMap<String, String>, extra: &[&str]) -> ApiResult<Filter> {
    for k in p.keys() {
        if !FILTER_KEYS.contains(&k.as_str()) && !extra.contains(&k.as_str()) {
            return Err(ApiError::bad(format!("unknown parameter {k:?}")));
        }
    }
    let g = |k: &str| p.get(k).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let mut f = Filter {
        text: g("q"),
        event_type: g("type"),
        sub_event_type: g("subtype"),
        mode: g("mode"),
        actor: g("actor"),
        place: g("place"),
        country: g("country"),
        from: g("from"),
        to: g("to"),
        bbox: g("bbox").as_deref().map(parse_bbox).transpose()?,
        article: g("article"),
    };
    f.validate()?;
    Ok(f)
}

fn paging(p: &HashMap<String, String>) -> ApiResult<(usize, usize)> {
    let num = |k: &str, d: usize| -> ApiResult<usize> {
        match p.get(k).map(|s| s.trim()) {
            None | Some("") => Ok(d),
            Some(s) => s.parse::<usize>().map_err(|_| ApiError::bad(format!("{k}: {s:?} is not a positive integer"))),
        }
    };
    let page = num("page", 1)?;
    let per_page = num("per_page", 50)?;
    if page == 0 {
        return Err(ApiError::bad("page: pages start at 1"));
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(ApiError::bad(format!("per_page: must be between 1 and {MAX_PER_PAGE}")));
    }
    if (page - 1).saturating_mul(per_page) > MAX_OFFSET {
        return Err(ApiError::bad(format!("page: too deep (at most {MAX_OFFSET} rows can be skipped); narrow the filters")));
    }
    Ok((page, per_page))
}

async fn events(State(s): State<AppState>, q: Result<Params, axum::extract::rejection::QueryRejection>) -> ApiResult<Json<EventsPage>> {
    let Query(p) = q.map_err(|e| ApiError::bad(e.body_text()))?;
    let f = filter_from(&p, &["page", "per_page"])?;
    let (page, per_page) = paging(&p)?;
    let (rows, total) = s
        .read(move |st| {
            let rows = st.events(&f, Page { limit: per_page, offset: (page - 1) * per_page })?;
            let total = if page == 1 && rows.len() < per_page { rows.len() } else { st.count_events(&f)? };
            Ok((rows, total))
        })
        .await?;
    let capped = total > COUNT_CAP;
    Ok(Json(EventsPage { page, per_page, total: total.min(COUNT_CAP), total_is_lower_bound: capped, events: rows }))
}

/// Typed (not `Value`) so that events keep the field order of the spec.
#[derive(serde::Serialize)]
struct EventsPage {
    page: usize,
    per_page: usize,
    total: usize,
    total_is_lower_bound: bool,
    events: Vec<marsad_store::EventRow>,
}

async fn articles(State(s): State<AppState>, q: Result<Params, axum::extract::rejection::QueryRejection>) -> ApiResult<Json<Value>> {
    let Query(p) = q.map_err(|e| ApiError::bad(e.body_text()))?;
    for k in p.keys() {
        if !["q", "page", "per_page"].contains(&k.as_str()) {
            return Err(ApiError::bad(format!("unknown parameter {k:?}")));
        }
    }
    let query = p.get("q").cloned().unwrap_or_default();
    if query.trim().is_empty() {
        return Err(ApiError::bad("q: a text query is required"));
    }
    if query.len() > 500 {
        return Err(ApiError::bad("q: longer than 500 bytes"));
    }
    let (page, per_page) = paging(&p)?;
    let hits = s.read(move |st| st.search_articles(&query, Page { limit: per_page, offset: (page - 1) * per_page })).await?;
    Ok(Json(json!({ "page": page, "per_page": per_page, "articles": hits })))
}

async fn article(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<Json<marsad_store::ArticleRow>> {
    let row = s.read(move |st| st.article(&id)).await?;
    match row {
        Some(r) => Ok(Json(r)),
        None => Err(ApiError(StatusCode::NOT_FOUND, "no such article".into())),
    }
}

async fn aggregates(State(s): State<AppState>, q: Result<Params, axum::extract::rejection::QueryRejection>) -> ApiResult<Json<Value>> {
    let Query(p) = q.map_err(|e| ApiError::bad(e.body_text()))?;
    let f = filter_from(&p, &["by", "limit"])?;
    let by = p.get("by").map(|s| s.trim().to_string()).unwrap_or_else(|| "day".into());
    if !["day", "type", "country", "actor"].contains(&by.as_str()) {
        return Err(ApiError::bad(format!("by: {by:?} is not one of day, type, country, actor")));
    }
    let limit = match p.get("limit").map(|s| s.trim()) {
        None | Some("") => if by == "day" { 10_000 } else { 50 },
        Some(x) => match x.parse::<usize>() {
            Ok(n) if (1..=10_000).contains(&n) => n,
            _ => return Err(ApiError::bad(format!("limit: {x:?} is not an integer between 1 and 10000"))),
        },
    };
    // Cache by the canonical parameters, invalidated by the store's write generation.
    let mut keys: Vec<_> = p.iter().collect();
    keys.sort();
    let cache_key = serde_json::to_string(&keys).unwrap_or_default();
    let s2 = s.clone();
    let v = s
        .read(move |st| {
            let gen = st.generation()?;
            if let Some((g, v)) = s2.0.agg_cache.lock().unwrap_or_else(|e| e.into_inner()).get(&cache_key) {
                if *g == gen {
                    return Ok(v.clone());
                }
            }
            let buckets = st.aggregate(&by, &f, limit)?;
            let v = json!({ "by": by, "buckets": buckets });
            let mut c = s2.0.agg_cache.lock().unwrap_or_else(|e| e.into_inner());
            if c.len() > 1000 {
                c.clear();
            }
            c.insert(cache_key, (gen, v.clone()));
            Ok(v)
        })
        .await?;
    Ok(Json(v))
}

fn authorize(s: &AppState, h: &HeaderMap) -> ApiResult<()> {
    let Some(token) = s.0.cfg.token.as_deref() else {
        return Err(ApiError(StatusCode::FORBIDDEN, "writes are disabled: the server has no token configured (MARSAD_TOKEN or --token-file)".into()));
    };
    let Some(given) = h.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")) else {
        return Err(ApiError(StatusCode::UNAUTHORIZED, "missing Authorization: Bearer token".into()));
    };
    // Constant-time comparison.
    let (a, b) = (given.trim().as_bytes(), token.as_bytes());
    let mut diff = (a.len() != b.len()) as u8;
    for i in 0..a.len().max(b.len()) {
        diff |= a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0);
    }
    if diff != 0 {
        return Err(ApiError(StatusCode::FORBIDDEN, "wrong token".into()));
    }
    Ok(())
}

/// Parse an ingest body: a JSON array of articles/records, one object, or JSON Lines.
fn parse_body(body: &[u8]) -> ApiResult<(Vec<Input>, Vec<Value>)> {
    let text = std::str::from_utf8(body).map_err(|e| ApiError::bad(format!("body is not UTF-8: {e}")))?;
    let t = text.trim_start_matches('\u{feff}').trim();
    let mut inputs = Vec::new();
    let mut rejected = Vec::new();
    if t.starts_with('[') {
        let arr: Vec<Value> = serde_json::from_str(t).map_err(|e| ApiError::bad(format!("body: malformed JSON array: {e}")))?;
        for (i, v) in arr.into_iter().enumerate() {
            match parse_value(v) {
                Ok(x) => inputs.push(x),
                Err(e) => rejected.push(json!({"item": i, "error": e})),
            }
        }
    } else {
        for (i, line) in t.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match marsad_store::ingest::parse_line(line) {
                Ok(x) => inputs.push(x),
                Err(e) => rejected.push(json!({"line": i + 1, "error": e})),
            }
        }
    }
    if inputs.is_empty() && rejected.is_empty() {
        return Err(ApiError::bad("body: no articles"));
    }
    Ok((inputs, rejected))
}

async fn ingest(State(s): State<AppState>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> ApiResult<Json<Value>> {
    authorize(&s, &headers)?;
    let body = body.map_err(|e| ApiError(e.status(), e.body_text()))?;
    let (inputs, rejected) = parse_body(&body)?;
    let s2 = s.clone();
    let stats = tokio::task::spawn_blocking(move || -> marsad_store::Result<BatchStats> {
        let inner = &s2.0;
        let engine = inner.engine.get_or_init(Engine::default);
        let mut total = BatchStats::default();
        let mut it = inputs.into_iter().peekable();
        while it.peek().is_some() {
            let chunk: Vec<Input> = it.by_ref().take(1000).collect();
            let (prepared, skipped) = prepare_chunk(engine, &inner.cfg.engine_version, None, chunk)?;
            let mut w = inner.writer.lock().unwrap_or_else(|e| e.into_inner());
            let mut st = w.write_batch(&prepared)?;
            st.unchanged += skipped;
            total.add(st);
        }
        Ok(total)
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("worker failed: {e}")))??;
    Ok(Json(json!({
        "inserted": stats.inserted,
        "replaced": stats.replaced,
        "unchanged": stats.unchanged,
        "events": stats.events,
        "rejected": rejected,
    })))
}

/// Serve until `shutdown` completes.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
    axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(shutdown).await
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
