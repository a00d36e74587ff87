// What every browser test gets: pages that record console errors, axe-core checks, keyboard helpers, users signed
// in through the app's own sign-in screen, and direct API calls (with the same unsigned local token) to set up data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export class TestFailure extends Error {
  name = 'TestFailure';
}

export function check(condition, message) {
  if (!condition) {
    throw new TestFailure(message);
  }
}

export function equal(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new TestFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Polls `probe` (async, returns a value) until `accept(value)`; fails with `what` and the last value. */
export async function eventually(what, probe, accept = Boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (accept(last)) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new TestFailure(`${what} (last value: ${JSON.stringify(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function base64Url(text) {
  return Buffer.from(text).toString('base64url');
}

/** The token the app makes for a local user (see src/auth/local.ts): the API sees the same caller. */
export function localToken(userName, clientId) {
  return `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(
    { sub: userName, aud: clientId, token_use: 'id', 'cognito:username': userName }))}.`;
}

let userCounter = 0;

/** A user name no other test uses, so that every test starts with an empty list. */
export function uniqueUser(prefix) {
  userCounter += 1;
  return `${prefix}-${(Date.now() % 1_679_616).toString(36)}${userCounter}`;
}

/** One test's view of the world: its browser contexts, pages, console errors, axe results and screenshots. */
export class TestContext {
  constructor({ browser, baseUrl, config, screenshots, report }) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.config = config;
    this.screenshotDir = screenshots;
    this.report = report;
    this.contexts = [];
    this.consoleErrors = [];
    this.allowedConsoleErrors = [];
  }

  /** A fresh browser context: its own cookies and storage, like a separate browser profile. */
  async newContext(options = {}) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    this.contexts.push(context);
    return context;
  }

  /** A page (tab) whose console errors and uncaught exceptions fail the test unless allowed. */
  async newPage(context) {
    const page = await (context ?? await this.newContext()).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') {
        this.consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
    page.on('dialog', (dialog) => {
      this.consoleErrors.push(`unexpected JavaScript dialog: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    return page;
  }

  /**
   * Chromium logs every HTTP error a fetch gets ("Failed to load resource: the server responded with a status of
   * 412"); a test that provokes a status on purpose allows exactly those.
   */
  allowHttpErrors(...statuses) {
    for (const status of statuses) {
      this.allowedConsoleErrors.push(new RegExp(`^Failed to load resource: the server responded with a status of ${status} `));
    }
  }

  allowConsoleError(pattern) {
    this.allowedConsoleErrors.push(pattern);
  }

  unexpectedConsoleErrors() {
    return this.consoleErrors.filter((text) => !this.allowedConsoleErrors.some((pattern) => pattern.test(text)));
  }

  /** Runs axe-core on the page; any serious or critical violation fails the test. */
  async axe(page, screen) {
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
    this.report.axe.push({ screen, violations: results.violations.length, seriousOrCritical: serious.length,
      minor: results.violations.filter((violation) => !serious.includes(violation)).map((violation) => violation.id) });
    check(serious.length === 0, `axe-core on "${screen}": ${serious.map((violation) =>
      `${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.map((node) =>
        node.target.join(' ')).join(', ')}`).join('; ')}`);
  }

  async screenshot(page, name) {
    if (this.screenshotDir) {
      await page.screenshot({ path: join(this.screenshotDir, `${name}.png`), fullPage: true });
    }
  }

  /** A new user, signed in through the app's sign-in screen in a page of its own. */
  async signedIn(prefix) {
    const user = uniqueUser(prefix);
    const page = await this.newPage();
    await signIn(page, this.baseUrl, user);
    return { user, page };
  }

  /** Calls the API directly as `user` (to set up or check data the way another client would). */
  async api(user, method, path, body) {
    const response = await fetch(`${this.config.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${localToken(user, this.config.clientId)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  /** Every todo of `user`, all pages. */
  async allTodos(user) {
    const items = [];
    let nextToken;
    do {
      const page = await this.api(user, 'GET', `/todos?limit=100${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`);
      check(page.status === 200, `GET /todos answered ${page.status}`);
      items.push(...page.body.items);
      nextToken = page.body.nextToken;
    } while (nextToken);
    return items;
  }

  async close() {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => undefined)));
  }
}

/** Opens the app and signs in as `user` with the mouse; resolves when the list has loaded. */
export async function signIn(page, baseUrl, user) {
  await page.goto(baseUrl);
  await page.getByLabel('User name').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await listLoaded(page);
}

/** Resolves when the first page of the list has loaded (the count line or the empty message is shown). */
export async function listLoaded(page) {
  await page.locator('.list-status .count, .list-status .empty').first().waitFor();
}

export async function addTodo(page, title, { description, dueDate } = {}) {
  const form = page.locator('form.add-form');
  await form.getByLabel('Title').fill(title);
  if (description !== undefined) {
    await form.getByLabel('Description (optional)').fill(description);
  }
  if (dueDate !== undefined) {
    await form.getByLabel('Due date (optional)').fill(dueDate);
  }
  const before = await page.locator('li.todo').count();
  await form.getByRole('button', { name: 'Add' }).click();
  await eventually(`"${title}" appears in the list`, () => page.locator('li.todo').count(), (count) => count === before + 1);
}

/** The titles shown in the list, in order. */
export async function shownTitles(page) {
  return page.locator('li.todo .todo-title').evaluateAll((labels) => labels.map((label) =>
    label.firstChild?.textContent ?? ''));
}

export function item(page, title) {
  return page.locator('li.todo').filter({ has: page.locator('.todo-title', { hasText: title }) });
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until the focused element satisfies `selector` (and has `text` in its
 * accessible text, if given); fails when it is not reached in `max` presses. Checks that focus is visible there.
 */
export async function tabTo(page, what, selector, { text, backwards = false, max = 40 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const reached = await page.evaluate(([wanted, wantedText]) => {
      const active = document.activeElement;
      if (!active || !active.matches(wanted)) {
        return false;
      }
      return !wantedText || (active.textContent ?? '').includes(wantedText)
        || (active.getAttribute('aria-label') ?? '').includes(wantedText);
    }, [selector, text ?? null]);
    if (reached) {
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      check(outline.style !== 'none' && outline.width >= 2, `${what} has no visible focus outline: ${JSON.stringify(outline)}`);
      return;
    }
  }
  throw new TestFailure(`Tab never reached ${what} (${selector}) in ${max} presses`);
}

/** A description of the focused element, for assertions. */
export async function focused(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${active.className
      ? `.${String(active.className).split(' ').join('.')}` : ''}: ${(active.textContent ?? '').trim().slice(0, 60)}`
      : 'nothing';
  });
}
