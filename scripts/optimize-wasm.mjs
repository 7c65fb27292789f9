// Optimizes for size (wasm-opt -Oz) every WASM file of a folder changed since a marker file, with
// npm's binaryen loaded once per core instead of once per file (Makefile, `build`):
//     node scripts/optimize-wasm.mjs target/site/pkg target/.build-started
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);

if (process.argv[2] === '--worker') {
  const { default: binaryen } = await import(
    pathToFileURL(resolve(here, '../../end2end/node_modules/binaryen/index.js')).href
  );
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  const F = binaryen.Features;
  // What rustc's wasm32 target emits by default (and what wasm-opt's command line enables).
  const features = F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt
    | F.SignExt | F.ReferenceTypes | F.Multivalue | F.CallIndirectOverlong;
  for (const file of process.argv.slice(3)) {
    const module = binaryen.readBinary(readFileSync(file));
    module.setFeatures(features);
    module.optimize();
    writeFileSync(file, module.emitBinary());
    module.dispose();
  }
} else {
  const [folder = 'target/site/pkg', marker] = process.argv.slice(2);
  const since = marker ? statSync(marker).mtimeMs : 0;
  const built = readdirSync(folder)
    .filter((name) => name.endsWith('.wasm'))
    .map((name) => join(folder, name))
    .map((file) => { const { size, mtimeMs } = statSync(file); return { file, size, mtimeMs }; })
    .filter(({ mtimeMs }) => mtimeMs >= since)
    .sort((a, b) => b.size - a.size);
  const files = built.map(({ file }) => file);
  const before = built.reduce((sum, { size }) => sum + size, 0);
  // Largest first, dealt in turn: the shares come out even.
  const workers = Math.min(availableParallelism(), files.length);
  const shares = Array.from({ length: workers }, (_, i) => files.filter((_, j) => j % workers === i));
  const started = Date.now();
  await Promise.all(shares.map((share) => new Promise((done, failed) => {
    const worker = fork(here, ['--worker', ...share], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    // Binaryen warns about every file's extended name section, which it does not read: the rest
    // (an error) is passed on.
    worker.stderr.setEncoding('utf8').on('data', (text) => process.stderr.write(
      text.split('\n').filter((line) => line && !line.startsWith('warning: unknown name subsection')).map((l) => `${l}\n`).join(''),
    ));
    worker.on('exit', (code) => (code === 0 ? done() : failed(new Error(`wasm-opt worker exited ${code}`))));
  })));
  const after = files.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`wasm-opt -Oz: ${files.length} files, ${before} B to ${after} B, in ${Date.now() - started} ms`);
}
