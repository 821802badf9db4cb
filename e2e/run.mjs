// Browser checks of built communique sites, run by scripts/e2e.sh (which builds the sites,
// serves them on a loopback port and passes their addresses here).
//
//   node e2e/run.mjs --base http://127.0.0.1:PORT --site target/e2e-site --themes default,ledger \
//                    --shots target/e2e-screenshots
//
// For each theme, served at BASE/<theme>/ from SITE/<theme>/: no console error and no request to
// another host on the timeline, an article, a topic, a speaker and the search page; axe-core finds
// no serious or critical violation on them (light and dark schemes); the search finds "Nagoya"
// and leads to seed 003's page, and its filters narrow; the skip link is the first Tab stop;
// the Nu HTML Checker finds no error in any page. Screenshots at 390 px and 1280 px go to
// SHOTS/<theme>/. Prints one line per check and a final "N passed, N failed"; exits 1 on failure.

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const BASE = args.base;
const SITE = args.site;
const SHOTS = args.shots;
const THEMES = (args.themes || "default").split(",");
const SEED = "003_b7eeda2ccdf38b88.txt";
const TIMEOUT = 15000;
const AXE = require.resolve("axe-core/axe.min.js");
const VNU = require.resolve("vnu-jar/build/dist/vnu.jar");

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}${detail ? "\n    " + String(detail).split("\n").join("\n    ") : ""}`);
  }
}
async function attempt(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, e && e.stack ? e.stack : e);
  }
}

/** The pages every theme is checked on, from the site's own articles.json. */
function pagesOf(theme) {
  // A row per article, its fields named by the head; a fact is [value, confidence, rules],
  // a person or topic [id, name].
  const json = JSON.parse(fs.readFileSync(path.join(SITE, theme, "articles.json"), "utf8"));
  const articles = json.articles.map((row) => Object.fromEntries(json.fields.map((f, i) => [f, row[i]])));
  const seed = articles.find((a) => a.path === SEED || String(a.path).endsWith(SEED));
  if (!seed) throw new Error(`no article for ${SEED} in articles.json`);
  const speaker = (seed.speakers[0] || [])[0];
  const topic = (seed.topics[0] || [])[0];
  return {
    seedSlug: seed.slug,
    pages: {
      timeline: "index.html",
      article: `articles/${seed.slug}/index.html`,
      topic: `topics/${topic[0]}/index.html`,
      speaker: `speakers/${speaker[0]}/index.html`,
      search: "search/index.html",
    },
  };
}

/** Opens a page and records console errors, page errors, failed and foreign requests. */
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText || ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== "127.0.0.1" && u.protocol !== "data:") {
      problems.push(`request to another host: ${u.href}`);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(url, { waitUntil: "load", timeout: TIMEOUT });
  return { page, problems };
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return result;
}

async function checkTheme(browser, theme) {
  const root = `${BASE}/${theme}/`;
  const { pages, seedSlug } = pagesOf(theme);
  const shots = path.join(SHOTS, theme);
  fs.mkdirSync(shots, { recursive: true });

  for (const scheme of ["light", "dark"]) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const [name, rel] of Object.entries(pages)) {
        const label = `${theme}: ${name} at ${width}px, ${scheme}`;
        await attempt(label, async () => {
          const { page, problems } = await open(context, root + rel);
          if (name === "search") {
            await page.waitForFunction(() => !/Loading/.test(document.getElementById("search-status").textContent), null, { timeout: TIMEOUT });
          }
          if (scheme === "light" || width === 1280) {
            await page.screenshot({ path: path.join(shots, `${name}-${width}${scheme === "dark" ? "-dark" : ""}.png`), fullPage: true });
          }
          check(`${label}: no console error or foreign request`, problems.length === 0, problems.join("\n"));
          if (width === 1280 && name !== "search" || name === "search" && width === 390) {
            const serious = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
            check(`${label}: axe finds no serious or critical violation`, serious.length === 0, JSON.stringify(serious, null, 2));
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          check(`${label}: no horizontal scrolling`, overflow <= 1, `${overflow}px too wide`);
          await page.close();
        });
      }
      await context.close();
    }
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await attempt(`${theme}: the header search finds Nagoya and leads to seed 003`, async () => {
    const { page, problems } = await open(context, root + "index.html");
    await page.fill("header input[name=q]", "Nagoya");
    await Promise.all([page.waitForURL(/search\/index\.html\?q=Nagoya/, { timeout: TIMEOUT }), page.press("header input[name=q]", "Enter")]);
    const first = page.locator("#search-results li a").first();
    await first.waitFor({ timeout: TIMEOUT });
    const count = await page.locator("#search-results li").count();
    await Promise.all([page.waitForURL(new RegExp(`articles/${seedSlug}/`), { timeout: TIMEOUT }), first.click()]);
    const html = await page.content();
    check(`${theme}: the header search finds Nagoya and leads to seed 003`, html.includes(SEED) && count >= 1 && problems.length === 0, `${count} results; ${problems.join("; ")}`);
    await page.close();
  });
  await attempt(`${theme}: search filters narrow the results`, async () => {
    const { page, problems } = await open(context, root + "search/index.html");
    await page.fill("#q", "lavrov");
    const results = page.locator("#search-results li");
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 1, null, { timeout: TIMEOUT });
    const all = await results.count();
    await page.check("#topic-missile-defense");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results li").length < n, all, { timeout: TIMEOUT });
    const narrowed = await results.count();
    const url = page.url();
    check(`${theme}: search filters narrow the results`, narrowed >= 1 && narrowed < all && url.includes("topic=missile-defense") && problems.length === 0, `${all} → ${narrowed}, ${url}; ${problems.join("; ")}`);
    await page.close();
  });
  await attempt(`${theme}: the skip link is the first Tab stop and reaches the content`, async () => {
    const { page } = await open(context, root + pages.article);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => [document.activeElement.className, document.activeElement.getAttribute("href")]);
    await page.keyboard.press("Enter");
    const hash = await page.evaluate(() => location.hash);
    check(`${theme}: the skip link is the first Tab stop and reaches the content`, first[1] === "#main" && hash === "#main", JSON.stringify(first));
    await page.close();
  });
  await context.close();

  // Nu HTML Checker over every page of the theme's site.
  await attempt(`${theme}: the Nu HTML Checker finds no error`, async () => {
    let out = "";
    let ok = true;
    try {
      out = execFileSync("java", ["-jar", VNU, "--errors-only", "--skip-non-html", "--format", "text", path.join(SITE, theme)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      ok = false;
      out = `${e.stdout || ""}${e.stderr || ""}`;
    }
    check(`${theme}: the Nu HTML Checker finds no error`, ok, out.split("\n").slice(0, 40).join("\n"));
  });
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  timeout: 60000,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const theme of THEMES) {
    await attempt(`${theme}: checks ran`, () => checkTheme(browser, theme));
  }
} finally {
  await browser.close();
}
console.log(`Screenshots: ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
