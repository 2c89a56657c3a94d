/**
 * Benchmark runner: `npm run bench -- <name>` runs `bench/<name>.ts` (e.g. `mapping`); without a name it lists
 * the benchmarks. Each benchmark is a self-contained script that prints its figures.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Helper modules (row generators, the JSONata twin) are not benchmarks of their own.
const HELPERS = new Set(['run', 'contact-rows', 'mapping-jsonata']);
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => !HELPERS.has(name))
  .sort();

const name = process.argv[2];
if (name === undefined || !available.includes(name)) {
  process.stderr.write(`${name === undefined ? '' : `no benchmark "${name}". `}usage: npm run bench -- <${available.join('|')}>\n`);
  process.exitCode = name === undefined ? 0 : 2;
} else {
  process.argv.splice(2, 1);
  await import(pathToFileURL(join(here, `${name}.ts`)).href);
}
