// Browser test of the Marsad dashboard: ingest a real slice of the corpus plus the seed
// gold article and a hostile article, serve it, and drive Debian's Chromium with
// playwright-core. Builds nothing: it runs an existing `marsad` binary (MARSAD_BIN, else
// $CARGO_TARGET_DIR or target/, release before debug).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const shared = process.env.MARSAD_SHARED || path.resolve(root, "../shared");
const SEED = "seed-2015-02-20-alarabiya";
const HOSTILE = "hostile-script-1";

function findBinary() {
  if (process.env.MARSAD_BIN) return process.env.MARSAD_BIN;
  const dirs = [process.env.CARGO_TARGET_DIR, path.join(root, "target")].filter(Boolean);
  for (const d of dirs) for (const p of ["release", "debug"]) {
    const f = path.join(d, p, "marsad");
    if (fs.existsSync(f)) return f;
  }
  throw new Error("no marsad binary: build it first (cargo build --release -p marsad-cli) or set MARSAD_BIN");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let tmp, server, serverLog = "", base, browser, page;
const TOKEN = "browser-test-token-" + process.pid;

before(async () => {
  const bin = findBinary();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "marsad-browser-"));
  const db = path.join(tmp, "marsad.db");
  // A real slice of the corpus: its first 200 lines.
  const corpus = fs.readFileSync(path.join(shared, "corpus/news-sample.jsonl"), "utf8").split("\n").slice(0, 200).join("\n") + "\n";
  fs.writeFileSync(path.join(tmp, "slice.jsonl"), corpus);
  const hostile = {
    id: HOSTILE, date: "2015-07-20", source: "test",
    title: "<script>window.__pwned = 1</script> عنوان <b>عريض</b>",
    text: "قتل ثلاثة مدنيين في الموصل أمس. <script>window.__pwned = 2</script> <img src=x onerror=\"window.__pwned = 3\"> وقال شهود إن الهجوم وقع في بغداد.",
  };
  fs.writeFileSync(path.join(tmp, "hostile.jsonl"), JSON.stringify(hostile) + "\n");
  const ing = spawnSync(bin, ["ingest", "--db", db, path.join(tmp, "slice.jsonl"), path.join(shared, "gold/seed-article.gold.jsonl"), path.join(tmp, "hostile.jsonl")], { encoding: "utf8" });
  assert.equal(ing.status, 0, "ingest failed: " + ing.stderr);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(bin, ["serve", "--db", db, "--addr", `127.0.0.1:${port}`, "--rate", "0"], { env: { ...process.env, MARSAD_TOKEN: TOKEN }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (d) => { serverLog += d; });
  server.stderr.on("data", (d) => { serverLog += d; });
  for (let i = 0; ; i++) {
    try { if ((await fetch(base + "/api/health")).ok) break; } catch (_) { /* not up yet */ }
    if (i > 100 || server.exitCode !== null) throw new Error("server did not start: " + serverLog);
    await sleep(100);
  }
  // A fresh profile directory (Chromium's --user-data-dir) for every run.
  browser = await chromium.launchPersistentContext(path.join(tmp, "chromium-profile"), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] || await browser.newPage();
  page.on("pageerror", (e) => { serverLog += "\npage error: " + e; });
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    for (let i = 0; i < 50 && server.exitCode === null; i++) await sleep(100);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function loaded(prev) {
  await page.waitForFunction((p) => document.body.dataset.loaded && document.body.dataset.loaded !== p, prev, { timeout: 15000 });
  return page.evaluate(() => document.body.dataset.loaded);
}

test("dashboard loads: map borders, event circles, timeline, table", async () => {
  await page.goto(base + "/");
  await loaded(undefined);
  assert.ok(await page.locator("#map path.country").count() > 20, "country borders drawn");
  assert.ok(await page.locator("#map circle.event").count() > 5, "events plotted");
  assert.ok(await page.locator("#timeline rect.bar").count() > 3, "timeline bars");
  assert.ok(await page.locator("#events tbody tr").count() > 5, "event rows");
  assert.equal(await page.locator("#error").textContent(), "");
});

test("filter by country and type narrows the table", async () => {
  const prev = await page.evaluate(() => document.body.dataset.loaded);
  await page.selectOption("#f-country", "SY");
  await page.selectOption("#f-type", "Battles");
  await page.click("#apply");
  await loaded(prev);
  const rows = await page.locator("#events tbody tr").count();
  assert.ok(rows > 0, "some Syrian battles");
  const cells = await page.locator("#events tbody tr td:nth-child(6)").allTextContents();
  for (const c of cells) assert.match(c, /\(SY\)$/, "every row is in Syria: " + c);
  const types = await page.locator("#events tbody tr td:nth-child(2)").allTextContents();
  for (const t of types) assert.equal(t, "Battles");
  await page.screenshot({ path: path.join(here, "screenshots", "dashboard-filtered.png") });
});

// Intervals (in code points) of each highlighted field, read from the DOM.
async function domFieldIntervals() {
  return page.evaluate(() => {
    const out = {};
    let off = 0;
    for (const n of document.getElementById("article-text").childNodes) {
      const len = Array.from(n.textContent).length;
      if (n.nodeType === 1) {
        for (const f of (n.dataset.fields || "").split(" ").filter(Boolean)) {
          const l = (out[f] = out[f] || []);
          if (l.length && l[l.length - 1][1] === off) l[l.length - 1][1] = off + len; else l.push([off, off + len]);
        }
      }
      off += len;
    }
    return out;
  });
}

function merged(spans) {
  const s = spans.map((x) => [x.start, x.end]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [a, b] of s) {
    if (out.length && a <= out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], b);
    else out.push([a, b]);
  }
  return out;
}

test("text filter, open an article: RTL text with highlights on the right spans", async () => {
  const prev = await page.evaluate(() => document.body.dataset.loaded);
  await page.click("#clear-filters");
  await loaded(prev);
  const prev2 = await page.evaluate(() => document.body.dataset.loaded);
  await page.fill("#f-q", "الكساسبة"); // the seed article names Muath al-Kasasbeh
  await page.click("#apply");
  await loaded(prev2);
  const row = page.locator(`#events tbody tr[data-article="${SEED}"]`).first();
  assert.ok(await row.count() === 1, "the seed article's events are found by the Arabic text query");
  const eventId = await row.getAttribute("data-event");
  await row.click();
  await page.waitForSelector("#article:not([hidden]) #article-text mark");
  const text = page.locator("#article-text");
  assert.equal(await text.getAttribute("dir"), "rtl");
  assert.equal(await text.evaluate((e) => getComputedStyle(e).direction), "rtl");

  const api = await (await fetch(`${base}/api/articles/${SEED}`)).json();
  const ev = api.events.find((e) => e.id === eventId);
  assert.ok(ev, "the clicked event is in the article");
  assert.equal(await text.textContent(), api.text, "the whole text is shown, as text");
  const want = { evidence: [ev.evidence] };
  const add = (f, m) => { if (m) (want[f] = want[f] || []).push(m); };
  add("actor1", ev.actor1 && ev.actor1.mention);
  add("actor2", ev.actor2 && ev.actor2.mention);
  add("location", ev.location.mention);
  add("date", ev.date.mention);
  add("count", ev.fatalities && ev.fatalities.mention);
  for (const q of ev.quantities) add("count", q.mention);
  for (const s of ev.sources) add("source", s.mention);
  const got = await domFieldIntervals();
  assert.ok(Object.keys(want).length >= 3, "the event has several fields with spans");
  for (const [f, spans] of Object.entries(want)) {
    assert.deepEqual(got[f], merged(spans), `highlight of ${f} sits on its span`);
  }
  // Each highlighted field has its own colour.
  const colours = new Set();
  for (const f of Object.keys(want)) {
    colours.add(await page.evaluate((f) => getComputedStyle(document.querySelector(`#legend .f-${f}`)).backgroundColor, f));
  }
  assert.ok(colours.size >= Math.min(3, Object.keys(want).length));
  // English fields beside the text.
  const side = await page.locator("#event-fields").textContent();
  assert.ok(side.includes(ev.event_type) && side.includes(ev.sub_event_type));
  await page.screenshot({ path: path.join(here, "screenshots", "article.png") });
});

test("an article containing <script> is shown as text, never run", async () => {
  await page.goto(`${base}/#article=${HOSTILE}`);
  await page.waitForSelector("#article:not([hidden])");
  const api = await (await fetch(`${base}/api/articles/${HOSTILE}`)).json();
  assert.equal(await page.locator("#article-text").textContent(), api.text);
  assert.ok((await page.locator("#article-text").textContent()).includes("<script>window.__pwned = 2</script>"));
  assert.ok((await page.locator("#article-title").textContent()).includes("<script>"));
  assert.equal(await page.locator("#article script, #article img, #article b").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.screenshot({ path: path.join(here, "screenshots", "hostile.png") });
});

test("writes need the token; the server stops cleanly", async () => {
  const body = JSON.stringify({ id: "browser-post-1", text: "اشتباكات في حلب", date: "2015-07-01" });
  assert.equal((await fetch(base + "/api/ingest", { method: "POST", body })).status, 401);
  assert.equal((await fetch(base + "/api/ingest", { method: "POST", body, headers: { Authorization: "Bearer wrong" } })).status, 403);
  const ok = await fetch(base + "/api/ingest", { method: "POST", body, headers: { Authorization: "Bearer " + TOKEN } });
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).inserted, 1);
  server.kill("SIGTERM");
  for (let i = 0; i < 50 && server.exitCode === null; i++) await sleep(100);
  assert.equal(server.exitCode, 0, "marsad serve exits 0 on SIGTERM: " + serverLog);
});
