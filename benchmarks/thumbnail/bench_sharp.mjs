// sharp (libvips): rotate by EXIF, resize inside edge x edge; median ms per image in a warm process.
// One libvips thread, like the single-threaded Pillow and Java pipelines it is compared with.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const sharp = require('./node/node_modules/sharp');
sharp.concurrency(1);
const [directory, iterationsText, ...names] = process.argv.slice(2);
const iterations = Number(iterationsText);

async function thumbnail(data) {
  const pipeline = sharp(data).rotate().resize(256, 256, { fit: 'inside' });
  const { hasAlpha } = await sharp(data).metadata();
  return hasAlpha ? pipeline.png().toBuffer() : pipeline.jpeg({ quality: 85 }).toBuffer();
}

for (const name of names) {
  const data = readFileSync(`${directory}/${name}`);
  let result;
  for (let i = 0; i < 3; i++) result = await thumbnail(data);
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    result = await thumbnail(data);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const extension = result[0] === 0x89 ? 'png' : 'jpg';
  writeFileSync(`${directory}/out-sharp-${name}.${extension}`, result);
  console.log(JSON.stringify({ tool: 'sharp', image: name, medianMs: times[Math.floor(times.length / 2)] }));
}
