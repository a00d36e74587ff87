// Runs the web app's browser tests (e2e/tests.mjs) in headless Chromium from the OS packages, driven by the pinned
// playwright-core (it never downloads a browser).
//
//   node e2e/run.mjs --base-url http://127.0.0.1:3000/ [--chromium /usr/bin/chromium] [--screenshots DIR]
//                    [--report FILE] [--only TEXT]
//
// The base URL serves the app and its config.json (auth "local"); the API it names must be local-api (unsigned
// local tokens). Prints one line per test and "N passed, N failed"; exits 1 when a test failed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { TestContext } from './harness.mjs';
import { tests } from './tests.mjs';

// The flags the project uses for headless Chromium everywhere (Playwright adds --headless and a fresh profile).
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TEST_TIMEOUT_MS = 90_000;

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const baseUrl = option('base-url');
if (!baseUrl) {
  console.error('usage: node e2e/run.mjs --base-url http://127.0.0.1:PORT/ [--chromium PATH] [--screenshots DIR] [--report FILE]');
  process.exit(2);
}
const executablePath = option('chromium', process.env.CHROMIUM ?? '/usr/bin/chromium');
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: install it (Debian/Ubuntu: apt-get install -y chromium) or`
    + ' pass --chromium PATH (or set CHROMIUM).');
  process.exit(2);
}
const screenshots = option('screenshots') ? resolve(option('screenshots')) : null;
if (screenshots) {
  mkdirSync(screenshots, { recursive: true });
}
const reportFile = option('report') ? resolve(option('report')) : null;
const only = option('only');

const configResponse = await fetch(new URL('config.json', baseUrl));
if (!configResponse.ok) {
  console.error(`${new URL('config.json', baseUrl)} answered ${configResponse.status}`);
  process.exit(2);
}
const config = await configResponse.json();

const browser = await chromium.launch({ executablePath, headless: true, chromiumSandbox: false, args: CHROMIUM_FLAGS });
const report = { baseUrl, browser: `Chromium ${browser.version()}`, tests: [], axe: [] };
console.log(`Browser tests: ${report.browser} at ${baseUrl} (API ${config.apiUrl})`);
const selected = tests.filter((test) => !only || test.name.includes(only));
for (const [index, test] of selected.entries()) {
  const t = new TestContext({ browser, baseUrl, config, screenshots, report });
  const started = Date.now();
  let error = null;
  try {
    let timer;
    await Promise.race([
      test.run(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const unexpected = t.unexpectedConsoleErrors();
    if (unexpected.length > 0) {
      error = `console errors: ${unexpected.join(' | ')}`;
    }
  } catch (caught) {
    error = caught?.stack && !(caught.name === 'TestFailure') ? caught.stack.split('\n').slice(0, 4).join('\n')
      : String(caught?.message ?? caught);
  } finally {
    await t.close();
  }
  const ms = Date.now() - started;
  report.tests.push({ name: test.name, ok: error === null, ms, error });
  console.log(`${error === null ? 'ok' : 'not ok'} ${index + 1} - ${test.name} (${ms} ms)`);
  if (error !== null) {
    console.log(`  ${error.replace(/\n/g, '\n  ')}`);
  }
}
await browser.close();

const passed = report.tests.filter((test) => test.ok).length;
const failed = report.tests.length - passed;
const seriousOrCritical = report.axe.reduce((sum, run) => sum + run.seriousOrCritical, 0);
report.summary = { run: report.tests.length, passed, failed, axeScreens: report.axe.length, axeSeriousOrCritical: seriousOrCritical };
console.log(`axe-core: ${report.axe.length} screen${report.axe.length === 1 ? "" : "s"} checked, ${seriousOrCritical} serious or critical violations`);
if (reportFile) {
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, JSON.stringify(report, null, 2));
}
console.log(`browser tests: ${report.tests.length} run, ${passed} passed, ${failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && report.tests.length > 0 ? 0 : 1);
