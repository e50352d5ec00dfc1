// A static file server for bench/search_browser.mjs, run as its own process: serves the
// built site at argv[2] on a free loopback port and prints the port. Files as they are on
// disk (no compression: bytes are weighed gzip by the caller). H2=1 serves HTTP/2 over TLS
// with a throwaway self-signed certificate, as most hosting serves HTTPS today (one
// connection, no queue of six).
import fs from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

const root = path.resolve(process.argv[2]);
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json" };
function tlsOptions() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vv-h2-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
    "-days", "1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
  const o = { key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")), allowHTTP1: true };
  fs.rmSync(dir, { recursive: true, force: true });
  return o;
}
function handler(req, res) {
  let p = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!p.startsWith(root)) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, "index.html");
  if (!fs.existsSync(p)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { "content-type": TYPES[path.extname(p)] || "application/octet-stream" });
  res.end(fs.readFileSync(p));
}
const server = process.env.H2 === "1" ? http2.createSecureServer(tlsOptions(), handler) : http.createServer(handler);
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
