#!/usr/bin/env bash
# Thumbnail speed and quality, the suite's Java pipeline against Pillow and sharp in the same run.
# Called by `./suite bench-thumbnails`, which has selected JDK 25, created .venv and built the modules.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=benchmarks/thumbnail
ITERATIONS=${ITERATIONS:-15}
WORK=$HERE/work
mkdir -p "$WORK"

.venv/bin/python -c "import PIL" 2>/dev/null || .venv/bin/pip install --quiet --disable-pip-version-check pillow==13.0.0
if [ ! -d "$HERE/node/node_modules/sharp" ]; then
  mkdir -p "$HERE/node"
  (cd "$HERE/node" && npm install --silent --no-audit --no-fund --no-save sharp@0.35.5 >/dev/null)
fi

IMAGES=(photo-2mp.jpg photo-12mp.jpg photo-24mp.jpg photo-12mp-orientation-6.jpg photo-12mp-progressive.jpg alpha-4mp.png)
[ -f "$WORK/photo-24mp.jpg" ] || .venv/bin/python "$HERE/make_images.py" "$WORK"
[ -f "$WORK/photo-12mp-progressive.jpg" ] || .venv/bin/python "$HERE/make_images.py" "$WORK" progressive

CP="$ROOT/benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*"
RESULTS=$WORK/results.jsonl
: > "$RESULTS"
# The tools take turns, ROUNDS times: on a shared machine the load drifts within minutes, and a
# tool measured only while it was high would look slower than it is. Each round is a warm process.
ROUNDS=${ROUNDS:-3}
for round in $(seq "$ROUNDS"); do
  "$JAVA_HOME/bin/java" -cp "$CP" dev.patterns.benchmarks.ThumbnailBenchmark "$WORK" "$ITERATIONS" "${IMAGES[@]}" >> "$RESULTS"
  .venv/bin/python "$HERE/bench_pillow.py" "$WORK" "$ITERATIONS" "${IMAGES[@]}" >> "$RESULTS"
  node "$HERE/bench_sharp.mjs" "$WORK" "$ITERATIONS" "${IMAGES[@]}" >> "$RESULTS"
done
.venv/bin/python "$HERE/quality.py" "$WORK" "${IMAGES[@]}" >> "$RESULTS"

# Peak RSS of a one-shot process on the 24 MP photo (Java with Lambda's JIT flags).
rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
echo "{\"tool\": \"java\", \"oneShotRssKb\": $(rss "$JAVA_HOME/bin/java" -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$CP" dev.patterns.benchmarks.ThumbnailBenchmark --once "$WORK/photo-24mp.jpg")}" >> "$RESULTS"
echo "{\"tool\": \"pillow\", \"oneShotRssKb\": $(rss .venv/bin/python -c "import sys; sys.path.insert(0, '$HERE'); import bench_pillow; bench_pillow.thumbnail(open('$WORK/photo-24mp.jpg','rb').read(), 256, 85)")}" >> "$RESULTS"
echo "{\"tool\": \"sharp\", \"oneShotRssKb\": $(rss node -e "const s=require('./$HERE/node/node_modules/sharp'); s.concurrency(1); s('$WORK/photo-24mp.jpg').rotate().resize(256,256,{fit:'inside'}).jpeg({quality:85}).toBuffer()")}" >> "$RESULTS"

.venv/bin/python - "$RESULTS" "$ITERATIONS" "$ROUNDS" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
rounds = {}
for r in rows:
    if "medianMs" in r:
        rounds.setdefault((r["tool"], r["image"]), []).append(r["medianMs"])
# Per round, Java against Pillow measured minutes apart at most; the table gives the median round.
speed = {key: statistics.median(values) for key, values in rounds.items()}
ratios = {image: statistics.median(j / p for j, p in zip(rounds[("java", image)], rounds[("pillow", image)]))
          for (tool, image) in rounds if tool == "java" and ("pillow", image) in rounds}
psnr = {(r["tool"], r["image"]): r["psnr"] for r in rows if "psnr" in r}
rss = {r["tool"]: r["oneShotRssKb"] for r in rows if "oneShotRssKb" in r}
images = sorted({image for _, image in speed}, key=lambda n: ["photo-2mp.jpg", "photo-12mp.jpg", "photo-24mp.jpg", "photo-12mp-orientation-6.jpg", "photo-12mp-progressive.jpg", "alpha-4mp.png"].index(n))
print(f"\nThumbnails, longest edge 256, JPEG quality 85; median of {sys.argv[2]} runs in a warm process, {sys.argv[3]} rounds taken in turns, "
      f"median round shown (sharp with one libvips thread)")
print(f"{'image':32} {'java ms':>9} {'pillow ms':>10} {'sharp ms':>9} {'java/pillow':>12} {'per round':>20} {'PSNR java':>10} {'pillow':>8} {'sharp':>8}")
for image in images:
    j, p, s = speed.get(("java", image)), speed.get(("pillow", image)), speed.get(("sharp", image))
    each = " ".join(f"{a / b:.2f}" for a, b in zip(rounds[("java", image)], rounds[("pillow", image)]))
    print(f"{image:32} {j:9.1f} {p:10.1f} {s:9.1f} {ratios[image]:12.2f} {each:>20} {psnr.get(('java', image), float('nan')):10.2f} "
          f"{psnr.get(('pillow', image), float('nan')):8.2f} {psnr.get(('sharp', image), float('nan')):8.2f}")
print("peak RSS, one-shot process on photo-24mp.jpg: " + ", ".join(f"{tool} {kb / 1024:.0f} MB" for tool, kb in rss.items()))
PY
