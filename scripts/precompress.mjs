// Writes `file.br` (brotli, quality 11) and `file.gz` (gzip -9) beside every JS, WASM, CSS and SVG
// file of a folder, so the server sends them already compressed (Node's zlib: no extra tool).
//     node scripts/precompress.mjs target/site/pkg
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const folder = process.argv[2] ?? 'target/site/pkg';
for (const name of readdirSync(folder)) {
  if (!/\.(js|wasm|css|svg)$/.test(name)) continue;
  const path = join(folder, name);
  // Files named by their content are already compressed from an earlier build.
  if (existsSync(`${path}.br`) && statSync(`${path}.br`).mtimeMs >= statSync(path).mtimeMs) continue;
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
  console.log(`${name}: ${raw.length} B, brotli ${br.length} B`);
}
