// The preview server's error page, in headless Chromium: break an entry while `vejviser
// serve` runs, see the errors with file and line, fix it, see the page again.
// Usage: node tests/js/serve_overlay.mjs <port> <site-root>
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [port, root] = process.argv.slice(2);
const origin = `http://127.0.0.1:${port}`;
const file = path.join(root, "content/praksis/temadage.md");
const good = fs.readFileSync(file, "utf8");
const failures = [];
function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? " — " + detail : ""}`);
  if (!ok) failures.push(what);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.goto(origin + "/praksis/temadage/");
  check((await page.textContent("h1")).includes("Temadage"), "the page shows before the edit");
  // An unknown key on line 10.
  const lines = good.split("\n");
  lines.splice(9, 0, "municipalites: [Køge]");
  fs.writeFileSync(file, lines.join("\n"));
  await page.waitForSelector("[data-vejviser-errors]", { timeout: 10000 }).catch(() => {});
  const overlay = (await page.textContent("body")) || "";
  check(overlay.includes("content/praksis/temadage.md:10") && overlay.includes("ukendt felt `municipalites`"),
    "a broken entry shows its file, line and message in the browser", overlay.replace(/\s+/g, " ").slice(0, 200));
  fs.writeFileSync(file, good);
  await page.waitForSelector("h1:has-text('Temadage')", { timeout: 10000 }).catch(() => {});
  const after = (await page.textContent("h1")) || "";
  check(after.includes("Temadage") && !(await page.$("[data-vejviser-errors]")), "fixing it brings the page back", after);
} finally {
  fs.writeFileSync(file, good);
  await browser.close();
}
if (failures.length) process.exit(1);
