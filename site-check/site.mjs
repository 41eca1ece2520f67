// What check.mjs and layout.mjs share: the pages of a rendered site named on the command line, and
// a headless Chromium (CHROMIUM, default /usr/bin/chromium) with a profile of its own that is
// removed when the browser is closed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

function htmlFiles(dir) {
  const found = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...htmlFiles(p));
    else if (e.isFile() && e.name.endsWith(".html") && !e.name.startsWith(".")) found.push(p);
  }
  return found.sort();
}

// The site folder `site` and its HTML pages, sorted; exits 2 with `usage` when `site` is not a
// folder, and with "<tool>: no HTML pages" when it holds none.
export function sitePages(site, tool, usage) {
  if (!site || !fs.statSync(site, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`usage: ${usage} (a folder written by \`finsam render\`)`);
    process.exit(2);
  }
  const root = path.resolve(site);
  const pages = htmlFiles(root);
  if (pages.length === 0) {
    console.error(`${tool}: no HTML pages under ${root}`);
    process.exit(2);
  }
  return { root, pages, rel: (p) => path.relative(root, p) };
}

// A headless Chromium with nothing running in the background (no updates, sync or networking of
// its own); `args` are added to these. close() also removes its profile folder.
export async function launchChromium(args = []) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "finsam-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", `--user-data-dir=${profile}`,
           ...args],
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    try { await close(); } finally { fs.rmSync(profile, { recursive: true, force: true }); }
  };
  return browser;
}
