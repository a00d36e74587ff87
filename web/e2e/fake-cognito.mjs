// A stand-in for Cognito's managed login and OAuth 2.0 endpoints, strict where the app could go wrong: it accepts
// only the authorization-code flow with a PKCE S256 challenge, checks the verifier against the challenge, the
// client id and the redirect URI, issues single-use codes, refreshes and revokes refresh tokens, and ends the
// "managed login session" at /logout only for the registered sign-out URL. Everything it saw is in `events`, and
// anything it refused is in `problems`, for the browser tests to assert on. Listens on 127.0.0.1 only.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

function base64Url(buffer) {
  return Buffer.from(buffer).toString('base64url');
}

/** An unsigned JWT with `claims` (local-api's authorizer reads claims without checking signatures). */
function jwt(claims) {
  return `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.`;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Starts the fake. `clientId` and `redirectUri` are the app client's settings (its one callback and sign-out URL);
 * `firstTokenLifetime` is the expires_in (seconds) of the tokens a code buys; refreshed tokens last an hour.
 */
export async function startFakeCognito({ clientId, redirectUri, firstTokenLifetime = 3600 }) {
  const events = [];
  const problems = [];
  const pendingLogins = new Map(); // login form id -> authorize request
  const codes = new Map(); // code -> { challenge, redirectUri, email }
  const refreshTokens = new Map(); // refresh token -> { email, revoked }
  const issuedIdTokens = [];

  function refuse(response, status, error, why) {
    problems.push(why);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    response.end(JSON.stringify({ error }));
  }

  function tokens(email, lifetime, refreshToken) {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: `sub-${createHash('sha256').update(email).digest('hex').slice(0, 12)}`,
      aud: clientId,
      token_use: 'id',
      email,
      'cognito:username': email,
      iat: now,
      exp: now + lifetime,
      jti: randomUUID(),
    };
    const idToken = jwt(claims);
    issuedIdTokens.push(idToken);
    const body = {
      id_token: idToken,
      access_token: jwt({ ...claims, token_use: 'access', aud: undefined, client_id: clientId, jti: randomUUID() }),
      expires_in: lifetime,
      token_type: 'Bearer',
    };
    if (refreshToken) {
      body.refresh_token = refreshToken;
    }
    return body;
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const cors = { 'Access-Control-Allow-Origin': request.headers.origin ?? '*', Vary: 'Origin' };
    try {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type' });
        response.end();
        return;
      }
      if (request.method === 'GET' && url.pathname === '/oauth2/authorize') {
        const query = Object.fromEntries(url.searchParams);
        events.push({ type: 'authorize', query });
        if (query.response_type !== 'code') {
          refuse(response, 400, 'unsupported_response_type', `authorize: response_type=${query.response_type}`);
          return;
        }
        if (query.client_id !== clientId || query.redirect_uri !== redirectUri) {
          refuse(response, 400, 'invalid_request', `authorize: client ${query.client_id}, redirect ${query.redirect_uri}`);
          return;
        }
        if (query.code_challenge_method !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(query.code_challenge ?? '')) {
          refuse(response, 400, 'invalid_request', `authorize: PKCE ${query.code_challenge_method}`);
          return;
        }
        if (!(query.scope ?? '').split(' ').includes('openid') || !query.state) {
          refuse(response, 400, 'invalid_request', `authorize: scope ${query.scope}, state ${query.state}`);
          return;
        }
        const login = randomUUID();
        pendingLogins.set(login, query);
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in (fake Cognito)</title>
</head><body><main><h1>Sign in</h1><form method="post" action="../login">
<input type="hidden" name="login" value="${escapeHtml(login)}">
<label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username">
<button type="submit">Sign in</button></form></main></body></html>`);
        return;
      }
      if (request.method === 'POST' && url.pathname === '/login') {
        const form = new URLSearchParams(await readBody(request));
        const authorize = pendingLogins.get(form.get('login'));
        pendingLogins.delete(form.get('login'));
        if (!authorize) {
          refuse(response, 400, 'invalid_request', 'login: unknown login form');
          return;
        }
        const code = base64Url(randomBytes(24));
        codes.set(code, { challenge: authorize.code_challenge, redirectUri: authorize.redirect_uri,
          email: form.get('email') || 'someone@example.com' });
        const back = new URL(authorize.redirect_uri);
        back.searchParams.set('code', code);
        back.searchParams.set('state', authorize.state);
        response.writeHead(302, { Location: back.toString() });
        response.end();
        return;
      }
      if (request.method === 'POST' && url.pathname === '/oauth2/token') {
        const form = Object.fromEntries(new URLSearchParams(await readBody(request)));
        events.push({ type: 'token', grant_type: form.grant_type, form });
        if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
          refuse(response, 400, 'invalid_request', `token: content type ${request.headers['content-type']}`);
          return;
        }
        if (form.client_id !== clientId) {
          refuse(response, 400, 'invalid_client', `token: client ${form.client_id}`);
          return;
        }
        if (form.grant_type === 'authorization_code') {
          const issued = codes.get(form.code);
          codes.delete(form.code); // single use
          if (!issued || issued.redirectUri !== form.redirect_uri) {
            refuse(response, 400, 'invalid_grant', 'token: unknown code or other redirect_uri');
            return;
          }
          const challenge = base64Url(createHash('sha256').update(form.code_verifier ?? '').digest());
          if (challenge !== issued.challenge) {
            refuse(response, 400, 'invalid_grant', 'token: code_verifier does not match the code_challenge');
            return;
          }
          const refreshToken = base64Url(randomBytes(32));
          refreshTokens.set(refreshToken, { email: issued.email, revoked: false });
          response.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          response.end(JSON.stringify(tokens(issued.email, firstTokenLifetime, refreshToken)));
          return;
        }
        if (form.grant_type === 'refresh_token') {
          const known = refreshTokens.get(form.refresh_token);
          if (!known || known.revoked) {
            refuse(response, 400, 'invalid_grant', 'token: unknown or revoked refresh token');
            return;
          }
          response.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          response.end(JSON.stringify(tokens(known.email, 3600, null)));
          return;
        }
        refuse(response, 400, 'unsupported_grant_type', `token: grant_type ${form.grant_type}`);
        return;
      }
      if (request.method === 'POST' && url.pathname === '/oauth2/revoke') {
        const form = Object.fromEntries(new URLSearchParams(await readBody(request)));
        events.push({ type: 'revoke', form });
        const known = refreshTokens.get(form.token);
        if (!known || form.client_id !== clientId) {
          refuse(response, 400, 'invalid_request', 'revoke: unknown token or client');
          return;
        }
        known.revoked = true;
        response.writeHead(200, cors);
        response.end();
        return;
      }
      if (request.method === 'GET' && url.pathname === '/logout') {
        const query = Object.fromEntries(url.searchParams);
        events.push({ type: 'logout', query });
        if (query.client_id !== clientId || query.logout_uri !== redirectUri) {
          refuse(response, 400, 'invalid_request', `logout: client ${query.client_id}, logout_uri ${query.logout_uri}`);
          return;
        }
        response.writeHead(302, { Location: query.logout_uri });
        response.end();
        return;
      }
      response.writeHead(404);
      response.end();
    } catch (error) {
      problems.push(`fake Cognito failed: ${error}`);
      response.writeHead(500);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    events,
    problems,
    issuedIdTokens,
    refreshTokens,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
