// Builds the web app into one folder (by default target/classes/todo-web, which the module's jar holds):
//   1. type-checks src/ and the generated API client with tsc (no emit);
//   2. bundles and minifies src/main.ts and src/styles.css with esbuild into content-hashed files under assets/;
//   3. writes index.html naming those files;
//   4. measures every file gzipped, prints the sizes, and fails over the budget.
// Nothing is rebuilt when the inputs (sources, generated client, lock file, this script) are unchanged since the
// last build: the run command stays fast. Run by Maven (web/pom.xml) after `npm ci`; by hand: `node build.mjs`.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1024;
/** Budgets of issue 12, gzipped: all JavaScript, and all assets together (HTML, CSS, JS, icon). */
const BUDGET = { javascript: 60 * KB, total: 150 * KB };

const home = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(home, outIndex >= 0 ? args[outIndex + 1] : 'target/classes/todo-web');
const force = args.includes('--force');
// --quiet (the README's run command): nothing to say when the app is already built.
const quiet = args.includes('--quiet');
const generated = join(home, 'target/generated-sources/api');
const stampFile = join(home, 'target/web-build.json');

function log(line) {
  console.log(`[web] ${line}`);
}

function filesUnder(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** One hash over every input's path and content. */
function inputHash() {
  const inputs = [
    ...filesUnder(join(home, 'src')),
    ...filesUnder(generated).filter((path) => !path.includes(`${sep}.openapi-generator`)),
    join(home, 'tsconfig.json'),
    join(home, 'package-lock.json'),
    join(home, 'build.mjs'),
  ];
  const hash = createHash('sha256');
  for (const path of inputs) {
    hash.update(relative(home, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Gzipped size of each file in the output folder, and the two totals the budget limits. */
function measure() {
  const files = filesUnder(out).map((path) => {
    const content = readFileSync(path);
    return { name: relative(out, path).split(sep).join('/'), raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  const javascript = files.filter((file) => file.name.endsWith('.js')).reduce((sum, file) => sum + file.gzip, 0);
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  return { files, javascript, total };
}

function summary(sizes) {
  return `JavaScript ${kb(sizes.javascript)} gzipped (budget ${kb(BUDGET.javascript)}), all assets ${kb(sizes.total)}`
    + ` gzipped (budget ${kb(BUDGET.total)})`;
}

function checkBudget(sizes) {
  const over = [];
  if (sizes.javascript > BUDGET.javascript) {
    over.push(`JavaScript is ${kb(sizes.javascript)} gzipped, over its budget of ${kb(BUDGET.javascript)}`);
  }
  if (sizes.total > BUDGET.total) {
    over.push(`all assets are ${kb(sizes.total)} gzipped, over their budget of ${kb(BUDGET.total)}`);
  }
  if (over.length > 0) {
    console.error(`[web] OVER BUDGET: ${over.join('; ')}`);
    process.exit(1);
  }
}

async function build() {
  if (!existsSync(join(generated, 'index.ts'))) {
    console.error(`[web] ${relative(home, generated)} is missing: generate the API client first`
      + ' (./mvnw -pl web -am compile runs openapi-generator, then this script).');
    process.exit(1);
  }
  const hash = inputHash();
  if (!force && existsSync(stampFile) && existsSync(join(out, 'index.html'))) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.hash === hash && stamp.out === out) {
      if (!quiet) {
        log(`up to date: ${summary(stamp.sizes)}`);
      }
      return;
    }
  }

  const started = Date.now();
  // The native TypeScript compiler: type errors fail the build; esbuild below only strips types.
  try {
    execFileSync(process.execPath, [join(home, 'node_modules/typescript/bin/tsc'), '-p', join(home, 'tsconfig.json')],
      { cwd: home, stdio: 'inherit' });
  } catch {
    console.error('[web] type check failed (tsc): see the errors above');
    process.exit(1);
  }

  const esbuild = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: home,
    entryPoints: { app: 'src/main.ts', styles: 'src/styles.css' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome100', 'firefox100', 'safari16'],
    outdir: join(out, 'assets'),
    entryNames: '[name].[hash]',
    assetNames: '[name].[hash]',
    loader: { '.svg': 'file' },
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs).map(([path, meta]) => ({
    path: relative(out, resolve(home, path)).split(sep).join('/'),
    entry: meta.entryPoint,
  }));
  const script = outputs.find((file) => file.entry === 'src/main.ts').path;
  const styles = outputs.find((file) => file.entry === 'src/styles.css').path;

  // The icon gets a content hash too, so every asset but index.html (and config.json) may be cached forever.
  const icon = readFileSync(join(home, 'src/icon.svg'));
  const iconName = `assets/icon.${createHash('sha256').update(icon).digest('hex').slice(0, 8)}.svg`;
  writeFileSync(join(out, iconName), icon);

  const html = readFileSync(join(home, 'src/index.html'), 'utf8')
    .replace('%APP_SCRIPT%', script)
    .replace('%APP_STYLES%', styles)
    .replace('%APP_ICON%', iconName);
  if (html.includes('%APP_')) {
    console.error('[web] src/index.html has a placeholder build.mjs does not know');
    process.exit(1);
  }
  writeFileSync(join(out, 'index.html'), html);

  const sizes = measure();
  for (const file of sizes.files) {
    log(`  ${file.name.padEnd(36)} ${kb(file.gzip).padStart(9)} gzipped (${kb(file.raw)})`);
  }
  log(`built in ${Date.now() - started} ms: ${summary(sizes)}`);
  checkBudget(sizes);
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify({ hash, out, sizes: { javascript: sizes.javascript, total: sizes.total } }));
}

await build();
