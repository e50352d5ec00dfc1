#!/usr/bin/env python3
"""Edit-to-reload latency of `vejviser serve`.

    python3 bench/serve.py [--entries 1000] [--runs 10]

Generates a synthetic site, starts the release binary's preview server on a free loopback
port, then repeatedly changes one entry's body and measures the time from writing the file
to (a) the server's reload version changing (what the open page polls) and (b) the changed
page having been fetched with the new text. Prints median and max of both.
"""
import argparse, os, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("--entries", type=int, default=1000)
ap.add_argument("--runs", type=int, default=10)
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/vejviser-target"))
binary = os.path.join(target, "release", "vejviser")
work = tempfile.mkdtemp()
site = os.path.join(work, "site")
subprocess.run([sys.executable, os.path.join(root, "bench", "gensite.py"), "--entries", str(a.entries), "--out", site], check=True)
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
proc = subprocess.Popen([binary, "serve", "--root", site, "--port", str(port)], stderr=subprocess.PIPE, text=True)
base = f"http://127.0.0.1:{port}"

def get(path):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return r.read().decode("utf-8")

try:
    for _ in range(600):
        try:
            get("/__vejviser/version"); break
        except Exception:
            time.sleep(0.05)
    time.sleep(1.0)  # let the first full build settle
    entry = os.path.join(site, "content", "praksis", "praksis-00007.md")
    original = open(entry, encoding="utf-8").read()
    to_version, to_page = [], []
    for i in range(a.runs):
        before = get("/__vejviser/version")
        marker = f"Ændring nummer {i} {time.time()}"
        t0 = time.perf_counter()
        with open(entry, "w", encoding="utf-8") as f:
            f.write(original + f"\n{marker}\n")
        while get("/__vejviser/version") == before:
            time.sleep(0.001)
        t1 = time.perf_counter()
        page = get("/praksis/praksis-00007/")
        t2 = time.perf_counter()
        assert marker in page, "reloaded page does not show the change"
        to_version.append((t1 - t0) * 1000); to_page.append((t2 - t0) * 1000)
        time.sleep(0.3)
    print(f"serve at {a.entries} entries, {a.runs} edits:")
    print(f"  file written -> reload signalled: median {statistics.median(to_version):.0f} ms, max {max(to_version):.0f} ms")
    print(f"  file written -> changed page fetched: median {statistics.median(to_page):.0f} ms, max {max(to_page):.0f} ms")
finally:
    proc.terminate(); proc.wait()
    shutil.rmtree(work, ignore_errors=True)
