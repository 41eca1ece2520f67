// Read every page of a rendered finsam site as a phone (390 px) and a laptop (1366 px) show it, in
// real headless Chromium, and fail when something is cut off:
//   - a table cell whose text is wider than the cell (a number cut mid-digit: "651" read as "65");
//   - a heading, caption or summary wider than its box (a title clipped at its edges);
//   - a page that scrolls sideways (something sticks out of the screen) — tables and charts may
//     scroll inside their own box, never the page;
//   - at 1366 px, a table that needs scrolling to show its columns.
// Usage: node layout.mjs SITE_DIR [SHOTS_DIR]  (exit 0: nothing cut; 1: something; 2: usage/tool failure)
// With SHOTS_DIR, full-page screenshots of the pages named in $SHOTS (comma-separated paths relative
// to SITE_DIR) are written there as <name>-<width>.png.
// Environment: CHROMIUM (default /usr/bin/chromium).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium, sitePages } from "./site.mjs";

const shots = process.argv[3];
const { root, pages } = sitePages(process.argv[2], "layout", "node layout.mjs SITE_DIR [SHOTS_DIR]");
const wanted = new Set((process.env.SHOTS || "").split(",").filter(Boolean));
const WIDTHS = [390, 1366];

// runs in the page: every problem as a short line
function measure(width) {
  const problems = [];
  const label = (el) => {
    const t = (el.innerText || el.getAttribute("alt") || "").replace(/\s+/g, " ").trim();
    return `${el.tagName.toLowerCase()} "${t.slice(0, 60)}"`;
  };
  // the width of an element's text as laid out (a Range measures the glyphs, not the box)
  const textWidth = (el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    let right = -Infinity, left = Infinity;
    for (const b of r.getClientRects()) { if (b.width) { left = Math.min(left, b.left); right = Math.max(right, b.right); } }
    return { left, right };
  };
  const within = (el, slack = 1) => {
    const box = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const inner = { left: box.left + parseFloat(cs.paddingLeft) * 0 + parseFloat(cs.borderLeftWidth),
                    right: box.right - parseFloat(cs.borderRightWidth) };
    const t = textWidth(el);
    return !(t.left < inner.left - slack || t.right > inner.right + slack);
  };
  for (const cell of document.querySelectorAll("main td, main th")) {
    if (!cell.innerText.trim()) continue;
    if (!within(cell)) problems.push(`cell text wider than its cell: ${label(cell)}`);
  }
  for (const h of document.querySelectorAll("h1, h2, h3, h4, caption, summary, figcaption")) {
    if (!h.innerText.trim() || h.offsetParent === null) continue;
    if (h.scrollWidth > h.clientWidth + 1 || !within(h)) problems.push(`heading wider than its box: ${label(h)}`);
  }
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) {
    // name what sticks out
    const out = [...document.querySelectorAll("main *")].filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.right <= window.innerWidth + 1) return false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") return false;
      }
      return true;
    }).slice(0, 3).map(label);
    problems.push(`page scrolls sideways (${doc.scrollWidth} px at ${window.innerWidth} px): ${out.join("; ")}`);
  }
  if (width >= 1366) {
    for (const w of document.querySelectorAll(".table-wrap")) {
      if (w.scrollWidth > w.clientWidth + 1) problems.push(`table scrolls at ${width} px (${w.scrollWidth} px in ${w.clientWidth}): ${label(w.querySelector("caption") || w)}`);
    }
  }
  return problems;
}

const browser = await launchChromium(["--font-render-hinting=none"]);
let failures = 0;
try {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on("request", (r) => (r.url().startsWith("file:") ? r.continue() : r.abort()));
  for (const width of WIDTHS) {
    await page.setViewport({ width, height: 900 });
    for (const p of pages) {
      const rel = path.relative(root, p);
      await page.goto(pathToFileURL(p).href, { waitUntil: "load" });
      const problems = await page.evaluate(measure, width);
      for (const x of problems) console.log(`${rel} @${width}px: ${x}`);
      failures += problems.length;
      if (shots && wanted.has(rel)) {
        fs.mkdirSync(shots, { recursive: true });
        const name = rel.replace(/\.html$/, "").replaceAll("/", "_");
        await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
      }
    }
  }
} finally {
  await browser.close();
}
console.log(`layout: ${pages.length} page(s) at ${WIDTHS.join(" and ")} px: ${failures} problem(s)`);
process.exit(failures ? 1 : 0);
