// Where the first help line sits on each audience page on a 375 x 667 phone, and how long
// the page is, with and without JavaScript. For before/after comparisons of the help pages.
// Usage: node bench/help_pages.mjs <public-dir> [port]
// The first help line is the first tel: link in <main> that is not 112, 114 or a link marked
// data-switchboard (the municipality's switchboard); EXCLUDE=tel:a,tel:b adds more hrefs to
// skip (e.g. the switchboard of a build made before the marker existed).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

const [publicDir, portArg = "8137"] = process.argv.slice(2);
const port = Number(portArg);
const origin = `http://127.0.0.1:${port}`;
const exclude = ["tel:112", "tel:114", ...(process.env.EXCLUDE || "").split(",").filter(Boolean)];
const server = http.createServer((req, res) => {
  let p = path.join(publicDir, decodeURIComponent(new URL(req.url, origin).pathname));
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, "index.html");
  if (!fs.existsSync(p)) { res.writeHead(404); return res.end(); }
  const type = p.endsWith(".html") ? "text/html; charset=utf-8" : p.endsWith(".css") ? "text/css" : "text/javascript";
  res.writeHead(200, { "content-type": type });
  res.end(fs.readFileSync(p));
});
await new Promise((r) => server.listen(port, "127.0.0.1", r));
const sitemap = fs.readFileSync(path.join(publicDir, "sitemap.xml"), "utf8");
const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname)
  .filter((p) => /^\/hjaelp\/(?!voldsform)[^/]+\/$/.test(p));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
console.log("page\tjs\tfirst help line\tends at px\tscreens (667 px)");
for (const js of [true, false]) {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 667 }, javaScriptEnabled: js });
  const page = await ctx.newPage();
  for (const p of pages) {
    await page.goto(origin + p);
    const r = await page.evaluate((exclude) => {
      const a = [...document.querySelectorAll("main a[href^='tel:']")]
        .find((a) => !exclude.includes(a.getAttribute("href")) && !a.hasAttribute("data-switchboard"));
      return { href: a ? a.getAttribute("href") : "none", bottom: a ? a.getBoundingClientRect().bottom + scrollY : -1,
        height: document.documentElement.scrollHeight };
    }, exclude);
    console.log(`${p}\t${js ? "yes" : "no"}\t${r.href}\t${Math.round(r.bottom)}\t${(r.height / 667).toFixed(1)}`);
  }
  await ctx.close();
}
await browser.close();
server.close();
