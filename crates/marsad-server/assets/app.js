// Marsad dashboard. Every value from the API is put in the page with textContent or
// createTextNode, never as HTML.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const VIEW = { lon0: -20, lon1: 65, lat0: 8, lat1: 44, k: 10 }; // equirectangular window
const FIELDS = [
  ["evidence", "Evidence"], ["actor1", "Actor 1"], ["actor2", "Actor 2"], ["location", "Location"],
  ["date", "Date"], ["count", "Counts"], ["source", "Sources"],
];
const state = { page: 1, perPage: 25, total: 0, borders: null, article: null, eventIndex: 0 };

const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  }
  for (const c of children) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return e;
}
function svg(tag, attrs) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function filters() {
  const p = new URLSearchParams();
  for (const name of ["q", "type", "country", "actor", "from", "to"]) {
    const v = $("f-" + name).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function api(path, params) {
  const url = params && [...params].length ? path + "?" + params.toString() : path;
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await r.json(); } catch (_) { /* not JSON */ }
  if (!r.ok) throw new Error((body && body.error) || ("HTTP " + r.status));
  return body;
}

function showError(e) { $("error").textContent = e ? String(e.message || e) : ""; }

// ------------------------------------------------------------------ map
function project(lon, lat) {
  return [(lon - VIEW.lon0) * VIEW.k, (VIEW.lat1 - lat) * VIEW.k];
}
function ringPath(ring) {
  let d = "";
  ring.forEach(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    d += (i ? "L" : "M") + x.toFixed(1) + " " + y.toFixed(1);
  });
  return d + "Z";
}
function drawBorders() {
  const m = $("map");
  const w = (VIEW.lon1 - VIEW.lon0) * VIEW.k, h = (VIEW.lat1 - VIEW.lat0) * VIEW.k;
  m.setAttribute("viewBox", `0 0 ${w} ${h}`);
  clear(m);
  const g = svg("g", { id: "borders" });
  for (const f of (state.borders && state.borders.features) || []) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    let d = "";
    for (const p of polys) for (const r of p) d += ringPath(r);
    const path = svg("path", { d, class: "country" });
    const t = svg("title", {});
    t.textContent = f.properties.name;
    path.appendChild(t);
    g.appendChild(path);
  }
  m.appendChild(g);
  m.appendChild(svg("g", { id: "points" }));
}
function drawPoints(rows) {
  const g = $("points");
  if (!g) return;
  clear(g);
  const by = new Map();
  for (const r of rows) {
    const l = r.event.location;
    if (l.lat === null || l.lon === null || l.lat === undefined) continue;
    const key = l.lat.toFixed(2) + "," + l.lon.toFixed(2);
    if (!by.has(key)) by.set(key, { l, rows: [] });
    by.get(key).rows.push(r);
  }
  for (const { l, rows: rs } of by.values()) {
    const [x, y] = project(l.lon, l.lat);
    const c = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (2.5 + 2.2 * Math.sqrt(rs.length)).toFixed(1), class: "event" });
    const t = svg("title", {});
    t.textContent = `${l.name || "?"}: ${rs.length} event(s)`;
    c.appendChild(t);
    c.addEventListener("click", () => openArticle(rs[0].article.id, rs[0].event.id));
    g.appendChild(c);
  }
  $("map-note").textContent = `${by.size} places, latest ${rows.length} events`;
}

// ------------------------------------------------------------------ timeline
const DAY = 86400000;
function drawTimeline(buckets) {
  const t = $("timeline");
  clear(t);
  const W = 600, H = 120, pad = 18;
  t.setAttribute("viewBox", `0 0 ${W} ${H}`);
  t.setAttribute("preserveAspectRatio", "none");
  const all = buckets.filter((b) => b.key && !isNaN(Date.parse(b.key)));
  if (!all.length) { $("timeline-note").textContent = "no dated events"; return; }
  // A time axis over at most the last two years of data (unless "From" asks for more):
  // stray old dates would otherwise squash everything into one bar.
  const last = Date.parse(all[all.length - 1].key);
  const fromFilter = $("f-from").value ? Date.parse($("f-from").value) : null;
  const first = Math.max(Date.parse(all[0].key), fromFilter !== null ? fromFilter : last - 730 * DAY);
  const days = all.filter((b) => Date.parse(b.key) >= first);
  const hidden = all.length - days.length;
  const span = Math.max(1, Math.round((last - first) / DAY) + 1);
  const max = Math.max(...days.map((b) => b.events));
  const bw = (W - 2) / span;
  for (const b of days) {
    const i = Math.round((Date.parse(b.key) - first) / DAY);
    const h = Math.max(1, (H - pad - 4) * b.events / max);
    const r = svg("rect", { x: (1 + i * bw).toFixed(2), y: (H - pad - h).toFixed(2), width: Math.max(0.8, bw - 0.3).toFixed(2), height: h.toFixed(2), class: "bar", "data-day": b.key });
    const tt = svg("title", {});
    tt.textContent = `${b.key}: ${b.events} events, ${b.fatalities} dead (click to filter)`;
    r.appendChild(tt);
    r.addEventListener("click", () => { $("f-from").value = b.key; $("f-to").value = b.key; refresh(true); });
    t.appendChild(r);
  }
  const a = svg("text", { x: 2, y: H - 4, class: "axis" });
  a.textContent = new Date(first).toISOString().slice(0, 10);
  const z = svg("text", { x: W - 2, y: H - 4, class: "axis", "text-anchor": "end" });
  z.textContent = all[all.length - 1].key;
  t.appendChild(a);
  t.appendChild(z);
  $("timeline-note").textContent = `${days.length} days with events, max ${max}/day` + (hidden ? ` · ${hidden} earlier days not shown` : "");
}

// ------------------------------------------------------------------ table
function cell(text) { return el("td", {}, text === null || text === undefined ? "–" : String(text)); }
function drawTable(data) {
  const tb = $("events").querySelector("tbody");
  clear(tb);
  for (const r of data.events) {
    const e = r.event;
    const loc = e.location.name ? e.location.name + (e.location.country ? ` (${e.location.country})` : "") : null;
    const tr = el("tr", { "data-article": r.article.id, "data-event": e.id },
      cell(e.date.start), cell(e.event_type), cell(e.sub_event_type),
      cell(e.actor1 && e.actor1.name), cell(e.actor2 && e.actor2.name), cell(loc),
      cell(e.fatalities ? e.fatalities.min : null));
    tr.addEventListener("click", () => openArticle(r.article.id, e.id));
    tb.appendChild(tr);
  }
  state.total = data.total;
  const pages = Math.max(1, Math.ceil(data.total / state.perPage));
  $("count").textContent = `${data.total}${data.total_is_lower_bound ? "+" : ""} matching`;
  $("pageinfo").textContent = `page ${state.page} of ${pages}${data.total_is_lower_bound ? "+" : ""}`;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = state.page >= pages && !data.total_is_lower_bound;
}

async function refresh(resetPage) {
  if (resetPage) state.page = 1;
  showError(null);
  const f = filters();
  try {
    const p = new URLSearchParams(f);
    p.set("page", state.page);
    p.set("per_page", state.perPage);
    const mp = new URLSearchParams(f);
    mp.set("per_page", 500);
    const tp = new URLSearchParams(f);
    tp.set("by", "day");
    const [table, mapRows, timeline] = await Promise.all([api("/api/events", p), api("/api/events", mp), api("/api/aggregates", tp)]);
    drawTable(table);
    drawPoints(mapRows.events);
    drawTimeline(timeline.buckets);
    document.body.setAttribute("data-loaded", String(Date.now()));
  } catch (e) {
    showError(e);
  }
}

async function fillSelects() {
  const [types, countries] = await Promise.all([
    api("/api/aggregates", new URLSearchParams({ by: "type" })),
    api("/api/aggregates", new URLSearchParams({ by: "country" })),
  ]);
  for (const b of types.buckets) if (b.key) $("f-type").appendChild(el("option", { value: b.key }, `${b.key} (${b.events})`));
  for (const b of countries.buckets) if (b.key) $("f-country").appendChild(el("option", { value: b.key }, `${b.key} (${b.events})`));
}

// ------------------------------------------------------------------ article view
function spansOf(e) {
  const out = [];
  const add = (field, m) => { if (m && Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start) out.push({ field, start: m.start, end: m.end }); };
  add("evidence", e.evidence);
  if (e.actor1) add("actor1", e.actor1.mention);
  if (e.actor2) add("actor2", e.actor2.mention);
  add("location", e.location && e.location.mention);
  add("date", e.date && e.date.mention);
  if (e.fatalities) add("count", e.fatalities.mention);
  for (const q of e.quantities || []) add("count", q.mention);
  for (const s of e.sources || []) add("source", s.mention);
  return out;
}

// Render the text (as code points: span offsets count Unicode scalar values) in runs of
// equal field sets; each highlighted run is a <mark> with data-fields.
function renderText(container, text, spans) {
  clear(container);
  const cps = Array.from(text || "");
  const n = cps.length;
  const bounds = new Set([0, n]);
  for (const s of spans) { bounds.add(Math.min(s.start, n)); bounds.add(Math.min(s.end, n)); }
  const cuts = [...bounds].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1];
    if (a >= b) continue;
    const piece = cps.slice(a, b).join("");
    const fields = [];
    for (const [f] of FIELDS) if (spans.some((s) => s.field === f && s.start <= a && s.end >= b)) fields.push(f);
    if (!fields.length) { container.appendChild(document.createTextNode(piece)); continue; }
    const m = el("mark", { class: "hl " + fields.map((f) => "f-" + f).join(" "), "data-fields": fields.join(" ") });
    m.textContent = piece;
    container.appendChild(m);
  }
}

function fmtCount(c) {
  if (!c) return null;
  let s = c.max === null || c.max === undefined ? `${c.min}+` : (c.max === c.min ? `${c.min}` : `${c.min}–${c.max}`);
  return (c.approximate ? "~" : "") + s;
}
function fmtActor(a) { return a ? `${a.name} (${a.kind}${a.country ? ", " + a.country : ""})` : null; }

function renderEvent() {
  const a = state.article;
  const e = a.events[state.eventIndex];
  const tabs = $("event-tabs");
  clear(tabs);
  a.events.forEach((ev, i) => {
    const b = el("button", { type: "button", class: i === state.eventIndex ? "active" : "", "data-index": i }, `#${i + 1} ${ev.sub_event_type}`);
    b.addEventListener("click", () => { state.eventIndex = i; renderEvent(); });
    tabs.appendChild(b);
  });
  renderText($("article-text"), a.text, e ? spansOf(e) : []);
  const first = $("article-text").querySelector("mark");
  if (first) first.scrollIntoView({ block: "center" });
  const dl = $("event-fields");
  clear(dl);
  if (!e) { dl.appendChild(el("dd", {}, "No events were coded in this article.")); return; }
  const row = (label, value, field) => {
    const dt = el("dt", {});
    if (field) dt.appendChild(el("span", { class: "sw f-" + field }, label)); else dt.appendChild(document.createTextNode(label));
    dl.appendChild(dt);
    dl.appendChild(el("dd", {}, value === null || value === undefined || value === "" ? "–" : String(value)));
  };
  row("Event", `${e.event_type} / ${e.sub_event_type}`, "evidence");
  row("Mode", e.mode);
  row("Status", e.status);
  row("Actor 1", fmtActor(e.actor1), "actor1");
  row("Actor 2", fmtActor(e.actor2), "actor2");
  const l = e.location;
  row("Location", l.name ? `${l.name}${l.admin1 && l.admin1 !== l.name ? ", " + l.admin1 : ""}${l.country ? " (" + l.country + ")" : ""} · ${l.precision}${l.lat !== null && l.lat !== undefined ? ` · ${l.lat.toFixed(3)}, ${l.lon.toFixed(3)}` : ""}` : l.precision, "location");
  row("Date", e.date.start ? `${e.date.start}${e.date.end && e.date.end !== e.date.start ? " – " + e.date.end : ""} (${e.date.precision})` : e.date.precision, "date");
  row("Fatalities", fmtCount(e.fatalities), "count");
  row("Quantities", (e.quantities || []).map((q) => `${q.what}: ${fmtCount(q)}`).join("; "), "count");
  row("Sources", (e.sources || []).map((s) => `${s.name} (${s.kind})`).join(" → "), "source");
  row("Confidence", typeof e.confidence === "number" ? e.confidence.toFixed(2) : null);
}

async function openArticle(id, eventId) {
  showError(null);
  try {
    const a = await api("/api/articles/" + encodeURIComponent(id));
    state.article = a;
    const i = a.events.findIndex((e) => e.id === eventId);
    state.eventIndex = i >= 0 ? i : 0;
    $("article-title").textContent = a.article.title || a.article.id;
    $("article-meta").textContent = [a.article.id, a.article.date, a.article.source, a.article.url].filter(Boolean).join(" · ");
    $("article").hidden = false; // visible first, so that renderEvent can scroll to the evidence
    renderEvent();
    location.hash = "article=" + encodeURIComponent(id) + (eventId ? "&event=" + encodeURIComponent(eventId) : "");
  } catch (e) {
    showError(e);
  }
}
function closeArticle() {
  $("article").hidden = true;
  history.replaceState(null, "", location.pathname + location.search);
}

function legend() {
  const lg = $("legend");
  clear(lg);
  for (const [f, label] of FIELDS) lg.appendChild(el("span", { class: "f-" + f }, label));
}

async function main() {
  legend();
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(true); });
  $("clear-filters").addEventListener("click", () => { document.getElementById("filters").reset(); refresh(true); });
  $("prev").addEventListener("click", () => { if (state.page > 1) { state.page--; refresh(false); } });
  $("next").addEventListener("click", () => { state.page++; refresh(false); });
  $("close").addEventListener("click", closeArticle);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeArticle(); });
  try {
    const [borders, health] = await Promise.all([api("/assets/mena.geojson"), api("/api/health")]);
    state.borders = borders;
    $("status").textContent = `store generation ${health.generation} · ${health.engine_version}`;
  } catch (e) { showError(e); }
  drawBorders();
  try { await fillSelects(); } catch (e) { showError(e); }
  await refresh(true);
  fromHash();
  window.addEventListener("hashchange", fromHash);
}

// Deep links: #article=ID&event=EVENT-ID
function fromHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  const id = h.get("article");
  if (!id) return;
  const open = !$("article").hidden && state.article && state.article.article.id === id;
  const ev = open ? state.article.events[state.eventIndex] : null;
  if (open && (!h.get("event") || (ev && ev.id === h.get("event")))) return;
  openArticle(id, h.get("event"));
}

document.addEventListener("DOMContentLoaded", main);
