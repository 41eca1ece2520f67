// Check every HTML page of a rendered finsam site, as a reader's browser and a validator see it:
//   - axe-core (all rules it runs by default: WCAG 2.x A/AA and best practices) in real headless
//     Chromium, with every request that is not a local file blocked and reported (pages must work
//     without network);
//   - the Nu HTML checker (vnu.jar) for HTML and CSS validity.
// Usage: node check.mjs SITE_DIR   (exit 0: no violation and no error; 1: some; 2: usage/tool failure)
// Environment: CHROMIUM (default /usr/bin/chromium), JAVA (default java).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { launchChromium, sitePages } from "./site.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const axeVersion = require("axe-core/package.json").version;
const vnuJar = String(require("vnu-jar"));  // the package's main export is the path of vnu.jar

const { root, pages, rel } = sitePages(process.argv[2], "check-site", "node check.mjs SITE_DIR");

// ------------------------------------------------------------------ Nu HTML checker
function nuCheck() {
  const java = process.env.JAVA || "java";
  const r = spawnSync(java, ["-Xss4m", "-jar", vnuJar, "--format", "json", "--exit-zero-always", ...pages],
                      { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    console.error(`check-site: the Nu HTML checker did not run (${java} -jar ${vnuJar}): ${r.error || r.stderr}`);
    process.exit(2);
  }
  const messages = JSON.parse(r.stderr || r.stdout).messages || [];
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
  const byPage = new Map();
  for (const m of errors) {
    const file = m.url ? rel(new URL(m.url).pathname) : "?";
    if (!byPage.has(file)) byPage.set(file, []);
    byPage.get(file).push(m);
  }
  return { errors, byPage };
}

// ------------------------------------------------------------------ axe-core in Chromium
async function axeCheck() {
  const browser = await launchChromium();
  const results = [];
  try {
    for (const file of pages) {
      const page = await browser.newPage();
      const external = [];
      await page.setRequestInterception(true);
      page.on("request", (req) => {
        const u = req.url();
        if (u.startsWith("file:") || u.startsWith("data:") || u.startsWith("about:")) req.continue();
        else { external.push(u); req.abort(); }
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      await page.evaluate(axeSource);
      const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
      results.push({ file: rel(file), violations: r.violations, external });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

const nu = nuCheck();
const axe = await axeCheck();

let axeCount = 0, nodeCount = 0, externalCount = 0;
for (const { file, violations, external } of axe) {
  const nuErrors = nu.byPage.get(file) || [];
  if (!violations.length && !external.length && !nuErrors.length) continue;
  console.log(`\n${file}`);
  for (const v of violations) {
    axeCount += 1;
    nodeCount += v.nodes.length;
    console.log(`  axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`);
    for (const n of v.nodes.slice(0, 3)) console.log(`      ${n.target.join(" ")}: ${n.html.slice(0, 160)}`);
    if (v.nodes.length > 3) console.log(`      … and ${v.nodes.length - 3} more`);
  }
  for (const u of external) {
    externalCount += 1;
    console.log(`  network request (pages must work offline): ${u}`);
  }
  const shown = new Map();  // one line per distinct message, with its count and first line number
  for (const m of nuErrors) {
    const key = m.message;
    if (!shown.has(key)) shown.set(key, { line: m.lastLine, n: 0 });
    shown.get(key).n += 1;
  }
  for (const [message, { line, n }] of shown) console.log(`  html line ${line}: ${message}${n > 1 ? ` (×${n})` : ""}`);
}
console.log(`\ncheck-site: ${pages.length} page(s) under ${root}; axe-core ${axeVersion}: ${axeCount} violation(s) `
  + `on ${nodeCount} element(s); Nu HTML checker: ${nu.errors.length} error(s); network requests: ${externalCount}`);
process.exit(axeCount || nu.errors.length || externalCount ? 1 : 0);
