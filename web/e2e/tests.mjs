// The browser tests of the web app, run by e2e/run.mjs against a running local-api (and the app it serves). Each
// test gets fresh browser contexts (separate profiles), new user names, and fails on any console error it did not
// provoke on purpose.
import { startFakeCognito } from './fake-cognito.mjs';
import {
  addTodo, check, equal, eventually, focused, item, listLoaded, shownTitles, signIn, tabTo, uniqueUser,
} from './harness.mjs';

const CONFLICT = 'This todo was changed elsewhere';

export const tests = [
  {
    name: 'two users, in two browser profiles, each see only their own todos',
    async run(t) {
      const alice = uniqueUser('alice');
      const bob = uniqueUser('bob');
      const alicePage = await t.newPage(await t.newContext());
      const bobPage = await t.newPage(await t.newContext());
      await signIn(alicePage, t.baseUrl, alice);
      await t.axe(alicePage, 'empty list');
      await t.screenshot(alicePage, 'empty-list');
      await signIn(bobPage, t.baseUrl, bob);
      await addTodo(alicePage, 'Alice: water the plants');
      await addTodo(bobPage, 'Bob: call the plumber');
      await alicePage.reload();
      await listLoaded(alicePage);
      await bobPage.reload();
      await listLoaded(bobPage);
      equal(await shownTitles(alicePage), ['Alice: water the plants'], "Alice's list");
      equal(await shownTitles(bobPage), ['Bob: call the plumber'], "Bob's list");
      equal((await t.allTodos(alice)).map((todo) => todo.title), ['Alice: water the plants'], "Alice's todos in the API");
      check(await alicePage.getByText(`Signed in as ${alice}`).isVisible(), 'the header names the signed-in user');
    },
  },
  {
    name: 'add, edit, complete, reopen and delete a todo',
    async run(t) {
      const { user, page } = await t.signedIn('carol');
      await addTodo(page, 'File the tax return', { description: 'Forms are in the blue folder.', dueDate: '2026-12-31' });
      await addTodo(page, 'Buy milk');
      const tax = item(page, 'File the tax return');
      check(await tax.locator('.todo-description').textContent() === 'Forms are in the blue folder.', 'description shown');
      equal(await tax.locator('time').getAttribute('datetime'), '2026-12-31', 'due date');
      await t.axe(page, 'list with todos');
      await t.screenshot(page, 'list');

      // Edit: title, description removed, due date changed.
      await tax.getByRole('button', { name: 'Edit' }).click();
      const form = page.locator('form.todo-edit');
      await t.axe(page, 'edit form');
      await t.screenshot(page, 'edit');
      await form.getByLabel('Title').fill('File the 2026 tax return');
      await form.getByLabel('Description (optional)').fill('');
      await form.getByLabel('Due date (optional)').fill('2027-01-15');
      await form.getByRole('button', { name: 'Save' }).click();
      const edited = item(page, 'File the 2026 tax return');
      await edited.waitFor();
      equal(await edited.locator('.todo-description').count(), 0, 'description removed');
      equal(await edited.locator('time').getAttribute('datetime'), '2027-01-15', 'new due date');
      let saved = (await t.allTodos(user)).find((todo) => todo.title === 'File the 2026 tax return');
      equal([saved.description, saved.dueDate, saved.version], [undefined, '2027-01-15', 2], 'the API has the edit');

      // Complete, then reopen.
      await edited.getByRole('checkbox').check();
      await eventually('the todo shows as done', () => edited.getAttribute('class'), (value) => value.includes('done'));
      saved = (await t.allTodos(user)).find((todo) => todo.id === saved.id);
      equal([saved.completed, saved.version], [true, 3], 'completed in the API');
      await edited.getByRole('checkbox').uncheck();
      await eventually('the todo shows as open', () => edited.getAttribute('class'), (value) => !value.includes('done'));
      saved = (await t.allTodos(user)).find((todo) => todo.id === saved.id);
      equal([saved.completed, saved.version], [false, 4], 'reopened in the API');

      // Delete: cancel first, then confirm.
      await edited.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this todo?' });
      await dialog.waitFor();
      await t.axe(page, 'delete confirmation');
      await t.screenshot(page, 'delete-dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      equal(await shownTitles(page), ['File the 2026 tax return', 'Buy milk'], 'nothing deleted after Cancel');
      await edited.getByRole('button', { name: 'Delete' }).click();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await eventually('the todo leaves the list', () => shownTitles(page),
        (titles) => JSON.stringify(titles) === JSON.stringify(['Buy milk']));
      equal((await t.allTodos(user)).map((todo) => todo.title), ['Buy milk'], 'the API has one todo left');
      equal(await page.locator('.list-status').textContent(), '1 todo, 0 done.', 'the count line');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('User name').waitFor();
      check(await page.getByText('You are signed out.').isVisible(), 'sign-out says so');
      await t.axe(page, 'sign-in screen');
      await t.screenshot(page, 'sign-in');
    },
  },
  {
    name: 'paging: the first 20 todos, then "Load more" fetches the rest',
    async run(t) {
      const user = uniqueUser('dave');
      const titles = Array.from({ length: 25 }, (_, index) => `Todo ${String(index + 1).padStart(2, '0')}`);
      for (const title of titles) {
        const created = await t.api(user, 'POST', '/todos', { title });
        check(created.status === 201, `seeding: POST /todos answered ${created.status}`);
      }
      const page = await t.newPage();
      await signIn(page, t.baseUrl, user);
      equal(await shownTitles(page), titles.slice(0, 20), 'the first page');
      equal(await page.locator('.list-status').textContent(), '20 todos shown; more to load, 0 done.', 'count line');
      const more = page.getByRole('button', { name: 'Load more' });
      await t.axe(page, 'list with more to load');
      await more.click();
      await eventually('25 todos shown', () => page.locator('li.todo').count(), (count) => count === 25);
      equal(await shownTitles(page), titles, 'all todos in creation order');
      equal(await more.count(), 0, 'no "Load more" after the last page');
      check((await focused(page)).includes('input#done-'), `focus moves to the first new todo, not ${await focused(page)}`);
      equal(await page.locator('.list-status').textContent(), '25 todos, 0 done.', 'count line');
    },
  },
  {
    name: 'a conflicting edit from a second tab gives the 412 message and shows the current version',
    async run(t) {
      t.allowHttpErrors(412);
      const user = uniqueUser('erin');
      const context = await t.newContext();
      const tabA = await t.newPage(context);
      const tabB = await t.newPage(context);
      await signIn(tabA, t.baseUrl, user);
      await addTodo(tabA, 'Plan the trip');
      await signIn(tabB, t.baseUrl, user);
      await item(tabB, 'Plan the trip').getByRole('button', { name: 'Edit' }).click();

      await item(tabA, 'Plan the trip').getByRole('button', { name: 'Edit' }).click();
      await tabA.locator('form.todo-edit').getByLabel('Title').fill('Plan the trip to Lisbon');
      await tabA.locator('form.todo-edit').getByRole('button', { name: 'Save' }).click();
      await item(tabA, 'Plan the trip to Lisbon').waitFor();

      const formB = tabB.locator('form.todo-edit');
      await formB.getByLabel('Title').fill('Plan the trip to Porto');
      const answer = tabB.waitForResponse((response) => response.request().method() === 'PATCH');
      await formB.getByRole('button', { name: 'Save' }).click();
      equal((await answer).status(), 412, 'the stale PATCH status');
      const conflict = tabB.locator('.conflict');
      await conflict.waitFor();
      check((await conflict.textContent()).includes(CONFLICT), 'the 412 message says the todo changed elsewhere');
      equal(await conflict.locator('dd').first().textContent(), 'Plan the trip to Lisbon', 'the current title is shown');
      equal(await formB.getByLabel('Title').inputValue(), 'Plan the trip to Porto', "the person's change is kept");
      check(await tabB.evaluate(() => document.activeElement?.classList.contains('conflict')), 'focus moves to the message');
      await t.axe(tabB, 'conflict (412) message');
      await t.screenshot(tabB, 'conflict');

      // Saving again applies the change on top of the current version.
      await formB.getByRole('button', { name: 'Save' }).click();
      await item(tabB, 'Plan the trip to Porto').waitFor();
      const [todo] = await t.allTodos(user);
      equal([todo.title, todo.version], ['Plan the trip to Porto', 3], 'the API after the second save');
    },
  },
  {
    name: 'a validation error (201-character title) is shown next to the Title field',
    async run(t) {
      t.allowHttpErrors(400);
      const { user, page } = await t.signedIn('frank');
      await addTodo(page, 'Short title');
      await item(page, 'Short title').getByRole('button', { name: 'Edit' }).click();
      const form = page.locator('form.todo-edit');
      await form.getByLabel('Title').fill('x'.repeat(201));
      const answer = page.waitForResponse((response) => response.request().method() === 'PATCH');
      await form.getByRole('button', { name: 'Save' }).click();
      const response = await answer;
      equal(response.status(), 400, 'PATCH status');
      const problem = await response.json();
      equal(problem.errors[0].pointer, '#/title', 'the problem names the title');
      const title = form.getByLabel('Title');
      await eventually('the title field is marked invalid', () => title.getAttribute('aria-invalid'), (value) => value === 'true');
      const describedBy = await title.getAttribute('aria-describedby');
      const message = await page.locator(`[id="${describedBy}"]`).textContent();
      const detail = problem.errors[0].detail;
      equal(message, detail.charAt(0).toUpperCase() + detail.slice(1), 'the message next to Title (its aria-describedby)');
      check(await title.evaluate((element) => element === document.activeElement), 'focus moves to the invalid field');
      equal(await form.getByLabel('Description (optional)').getAttribute('aria-invalid'), null, 'other fields are not marked');
      await t.axe(page, 'validation error');
      await t.screenshot(page, 'validation-error');
      equal((await t.allTodos(user))[0].title, 'Short title', 'nothing changed in the API');
    },
  },
  {
    name: 'a script-injection title is shown literally, never as HTML',
    async run(t) {
      const { page } = await t.signedIn('grace');
      const title = '<img src=x onerror=alert(1)>';
      const description = '<script>alert(2)</script><b>bold?</b>';
      await addTodo(page, title, { description });
      await page.reload();
      await listLoaded(page);
      equal(await shownTitles(page), [title], 'the title as text');
      equal(await page.locator('li.todo .todo-description').textContent(), description, 'the description as text');
      equal(await page.locator('li.todo img, li.todo script, li.todo b').count(), 0, 'no element made from the text');
      await item(page, title).getByRole('button', { name: 'Delete' }).click();
      check((await page.locator('#delete-dialog-text').textContent()).includes(title), 'the dialog quotes it as text');
      equal(await page.locator('dialog img').count(), 0, 'no element in the dialog either');
      // t.newPage fails the test on any JavaScript dialog (alert) and on console errors.
    },
  },
  {
    name: 'keyboard only: sign in, add, complete, reopen, edit, delete and sign out without a mouse',
    async run(t) {
      const user = uniqueUser('heidi');
      const page = await t.newPage();
      await page.goto(t.baseUrl);
      await page.getByLabel('User name').waitFor();
      check((await focused(page)).startsWith('input#'), `the user-name field has the focus, not ${await focused(page)}`);
      await page.keyboard.type(user);
      await page.keyboard.press('Enter');
      await listLoaded(page);

      await tabTo(page, 'the Title field', 'form.add-form input[name="title"]');
      await page.keyboard.type('Keyboard todo');
      await tabTo(page, 'the Description field', 'form.add-form textarea');
      await page.keyboard.type('Added without a mouse');
      await tabTo(page, 'the Add button', 'form.add-form button[type="submit"]');
      await page.keyboard.press('Enter');
      await item(page, 'Keyboard todo').waitFor();
      check((await focused(page)).includes('input#field-'), `after adding, focus is back in Title, not ${await focused(page)}`);

      await tabTo(page, 'the done checkbox', 'li.todo input[type="checkbox"]');
      await page.keyboard.press('Space');
      await eventually('done', () => item(page, 'Keyboard todo').getAttribute('class'), (value) => value.includes('done'));
      check((await focused(page)).includes('input#done-'), 'focus stays on the checkbox');
      await page.keyboard.press('Space');
      await eventually('open again', () => item(page, 'Keyboard todo').getAttribute('class'), (value) => !value.includes('done'));

      await tabTo(page, 'the Edit button', 'li.todo button', { text: 'Edit' });
      await page.keyboard.press('Enter');
      check((await focused(page)).startsWith('input#field-'), `the edit form's Title has the focus, not ${await focused(page)}`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Keyboard todo, edited');
      await page.keyboard.press('Enter');
      await item(page, 'Keyboard todo, edited').waitFor();
      check((await focused(page)).includes('Edit'), `after saving, focus is on Edit, not ${await focused(page)}`);

      // Escape leaves the edit form without saving.
      await page.keyboard.press('Enter');
      await page.keyboard.type(' and more');
      await page.keyboard.press('Escape');
      await item(page, 'Keyboard todo, edited').locator('.todo-actions').waitFor();
      equal((await t.allTodos(user))[0].title, 'Keyboard todo, edited', 'Escape did not save');

      await tabTo(page, 'the Delete button', 'li.todo button', { text: 'Delete' });
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      check((await focused(page)).includes('Cancel'), `the dialog opens on Cancel, not ${await focused(page)}`);
      await page.keyboard.press('Escape');
      await eventually('Escape closes the dialog', () => dialog.count(), (count) => count === 0);
      check((await focused(page)).includes('Delete'), `focus returns to Delete, not ${await focused(page)}`);
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await tabTo(page, "the dialog's Delete button", 'dialog button', { text: 'Delete', backwards: true, max: 3 });
      await page.keyboard.press('Enter');
      await eventually('the todo is deleted', () => page.locator('li.todo').count(), (count) => count === 0);
      check((await focused(page)).startsWith('h2#list-heading'), `focus moves to the list heading, not ${await focused(page)}`);
      equal((await t.allTodos(user)).length, 0, 'deleted in the API');

      await tabTo(page, 'Sign out', 'header button', { text: 'Sign out', backwards: true });
      await page.keyboard.press('Enter');
      await page.getByLabel('User name').waitFor();
    },
  },
  {
    name: 'a create retried after a lost response sends the same Idempotency-Key: one todo, not two',
    async run(t) {
      t.allowConsoleError(/^Failed to load resource: net::ERR_/);
      const { user, page } = await t.signedIn('ivan');
      const keys = [];
      let lost = false;
      await page.route(`${t.config.apiUrl}/todos`, async (route) => {
        const request = route.request();
        if (request.method() !== 'POST') {
          await route.fallback();
          return;
        }
        keys.push(request.headers()['idempotency-key']);
        if (!lost) {
          // The API creates the todo, but its answer never reaches the app (a dropped connection).
          lost = true;
          const response = await route.fetch();
          check(response.status() === 201, `the first POST reached the API (${response.status()})`);
          await route.abort('connectionreset');
          return;
        }
        await route.fallback();
      });
      const form = page.locator('form.add-form');
      await form.getByLabel('Title').fill('Pay the rent');
      await form.getByRole('button', { name: 'Add' }).click();
      const error = form.locator('.form-error');
      await eventually('the lost answer is reported', () => error.textContent(), (text) => text.includes('could not be reached'));
      await t.axe(page, 'network error on add');
      await form.getByRole('button', { name: 'Add' }).click();
      await item(page, 'Pay the rent').waitFor();
      equal(keys.length, 2, 'two POSTs');
      check(/^[A-Za-z0-9_-]{1,128}$/.test(keys[0]), `a valid Idempotency-Key (${keys[0]})`);
      equal(keys[1], keys[0], 'the retry reuses the key');
      equal((await t.allTodos(user)).map((todo) => todo.title), ['Pay the rent'], 'one todo in the API');

      // A new draft gets a new key.
      await addTodo(page, 'Pay the bills');
      check(keys[2] && keys[2] !== keys[0], 'the next todo has its own key');
    },
  },
  {
    name: 'loading, empty and error states: a 503 says when to retry, and retrying works',
    async run(t) {
      t.allowHttpErrors(503);
      const user = uniqueUser('judy');
      const page = await t.newPage();
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      let failNext = true;
      await page.route(`${t.config.apiUrl}/todos?*`, async (route) => {
        if (route.request().method() !== 'GET') {
          await route.fallback();
          return;
        }
        await held;
        if (failNext) {
          failNext = false;
          await route.fulfill({
            status: 503,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '3', 'Access-Control-Allow-Origin': '*',
              'Access-Control-Expose-Headers': 'ETag, Location, Retry-After' },
            body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503,
              detail: 'The service is temporarily unavailable; retry shortly.' }),
          });
          return;
        }
        await route.fallback();
      });
      await page.goto(t.baseUrl);
      await page.getByLabel('User name').fill(user);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const status = page.locator('.list-status');
      await eventually('the loading state', () => status.textContent(), (text) => text === 'Loading your todos…');
      equal(await page.locator('ul.todo-list').getAttribute('aria-busy'), 'true', 'the list is marked busy');
      await t.axe(page, 'loading');
      release();
      await eventually('the 503 state', () => status.textContent(), (text) => text.includes('Try again in 3 seconds'));
      check((await status.textContent()).startsWith('Your todos could not be loaded. The service is busy right now.'),
        `the error says what happened: ${await status.textContent()}`);
      await t.axe(page, 'list error (503)');
      await t.screenshot(page, 'error-503');
      await page.getByRole('button', { name: 'Try again' }).click();
      await eventually('the empty state', () => status.textContent(), (text) => text === 'Nothing to do yet. Add your first todo above.');
    },
  },
  {
    name: 'a 401 from the API leads back to sign-in',
    async run(t) {
      t.allowHttpErrors(401);
      const { page } = await t.signedIn('ken');
      await page.route(`${t.config.apiUrl}/todos`, (route) => route.fulfill({
        status: 401,
        headers: { 'Content-Type': 'application/problem+json', 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The incoming token has expired' }),
      }));
      const form = page.locator('form.add-form');
      await form.getByLabel('Title').fill('Too late');
      await form.getByRole('button', { name: 'Add' }).click();
      await page.getByLabel('User name').waitFor();
      check(await page.getByText('Your session has ended. Please sign in again.').isVisible(), 'the sign-in screen says why');
      await t.axe(page, 'sign-in after 401');
    },
  },
  {
    name: 'responsive: at 320 px wide everything fits without sideways scrolling',
    async run(t) {
      const user = uniqueUser('liz');
      const page = await t.newPage(await t.newContext({ viewport: { width: 320, height: 720 }, isMobile: true, hasTouch: true }));
      await signIn(page, t.baseUrl, user);
      await addTodo(page, 'A rather long title that has to wrap on a small phone screen', {
        description: 'Andalsoaverylongwordwithoutspacesthatmustnotpushthelayoutsideways', dueDate: '2026-12-24' });
      await addTodo(page, 'Second todo');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await t.axe(page, 'list at phone width');
      await t.screenshot(page, 'phone');
    },
  },
  {
    name: 'Cognito sign-in: authorization code + PKCE (S256), tokens only in memory, refresh, sign-out revokes and ends the session',
    async run(t) {
      const redirectUri = new URL(t.baseUrl).toString();
      // The first ID token is about to expire, so the first API call has to refresh it.
      const cognito = await startFakeCognito({ clientId: t.config.clientId, redirectUri, firstTokenLifetime: 30 });
      try {
        const page = await t.newPage();
        // The fake answers under the app's own origin (the browser never sees its port), so the test does not
        // depend on the site's Content-Security-Policy allowing one more origin.
        const cognitoDomain = `${new URL(t.baseUrl).origin}/fake-cognito`;
        await page.route(`${cognitoDomain}/**`, async (route) => {
          const response = await route.fetch({ url: route.request().url().replace(cognitoDomain, cognito.origin),
            maxRedirects: 0 });
          await route.fulfill({ response });
        });
        await page.route('**/config.json', (route) => route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ auth: 'cognito', apiUrl: t.config.apiUrl, clientId: t.config.clientId,
            cognitoDomain, redirectUri }),
        }));
        const urls = [];
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) {
            urls.push(frame.url());
          }
        });
        const authorizations = [];
        page.on('request', (request) => {
          if (request.url().startsWith(`${t.config.apiUrl}/todos`)) {
            authorizations.push(request.headers().authorization);
          }
        });

        // A new user each run: the same email would be the same `sub`, with the todos of an earlier run.
        const email = `${uniqueUser('mallory')}@example.com`;
        await page.goto(t.baseUrl);
        await t.axe(page, 'sign-in screen (Cognito)');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByLabel('Email').fill(email);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await listLoaded(page);
        check(await page.getByText(`Signed in as ${email}`).isVisible(), 'signed in with the email from the ID token');

        const authorize = cognito.events.find((event) => event.type === 'authorize').query;
        equal([authorize.response_type, authorize.code_challenge_method, authorize.scope, authorize.redirect_uri],
          ['code', 'S256', 'openid email', redirectUri], 'the authorize request');
        equal(cognito.events.filter((event) => event.type === 'token').map((event) => event.grant_type),
          ['authorization_code', 'refresh_token'], 'token requests: the code exchange, then a refresh');
        equal(cognito.problems, [], 'everything the fake checked (PKCE verifier, client, redirect URI)');
        equal(page.url(), redirectUri, 'code and state are gone from the address bar');
        equal(authorizations.at(-1), `Bearer ${cognito.issuedIdTokens[1]}`, 'the API gets the refreshed ID token');

        await addTodo(page, 'Signed in through Cognito');
        const [refreshToken] = [...cognito.refreshTokens.keys()];
        const secrets = [...cognito.issuedIdTokens, refreshToken];
        const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
        check(secrets.every((secret) => !storage.includes(secret)), 'no token in localStorage or sessionStorage');
        equal(await page.evaluate(() => localStorage.length), 0, 'localStorage is empty');
        check(urls.every((url) => secrets.every((secret) => !url.includes(secret)) && !/token=/.test(url)),
          `no token in any URL: ${urls.join(' ')}`);

        // Tokens live in memory: a reload is signed out.
        await page.reload();
        await page.getByRole('button', { name: 'Sign in' }).waitFor();

        // Sign in again, then sign out: the refresh token is revoked and the managed-login session ended.
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByLabel('Email').fill(email);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await listLoaded(page);
        equal(await shownTitles(page), ['Signed in through Cognito'], 'the same user sees the same list');
        const current = [...cognito.refreshTokens.keys()].at(-1);
        await page.getByRole('button', { name: 'Sign out' }).click();
        await eventually('back on the sign-in screen after /logout', () => page.url(), (url) => url === redirectUri);
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        const revoke = cognito.events.find((event) => event.type === 'revoke');
        equal(revoke?.form, { token: current, client_id: t.config.clientId }, 'the revoke request');
        check(cognito.refreshTokens.get(current).revoked, 'the refresh token is revoked');
        equal(cognito.events.filter((event) => event.type === 'logout').map((event) => event.query),
          [{ client_id: t.config.clientId, logout_uri: redirectUri }], 'the /logout request');
        equal(cognito.problems, [], 'the fake refused nothing');
      } finally {
        await cognito.close();
      }
    },
  },
];
