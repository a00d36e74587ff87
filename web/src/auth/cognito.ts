// Deployed sign-in: Cognito's managed login with the authorization-code flow and PKCE (S256), as a public client
// (no secret in a browser). No implicit flow, so no token ever travels in a URL; the code that does is useless
// without this tab's verifier. Tokens live in memory only (never localStorage or sessionStorage): a reload signs in
// again, which Cognito's own session cookie makes a redirect without a password. Only the PKCE verifier and the
// state wait in sessionStorage, for the length of the redirect.
import type { CognitoConfig } from '../config';
import { base64UrlEncode, jwtClaims, type Session, SignInRequiredError } from './session';

const PENDING_KEY = 'todo.oauth.pending';
const SCOPES = 'openid email';
/** Refresh the ID token when less than this is left, so that no request goes out with an expiring token. */
const REFRESH_MARGIN_MS = 60_000;

interface TokenResponse {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

function randomText(bytes: number): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** RFC 7636: code_challenge = BASE64URL(SHA-256(ASCII(code_verifier))). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

async function tokenRequest(config: CognitoConfig, form: Record<string, string>): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await fetch(`${config.cognitoDomain}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form),
      cache: 'no-store',
    });
  } catch {
    throw new SignInRequiredError('The sign-in service could not be reached. Check your connection and sign in again.');
  }
  const body: unknown = await response.json().catch(() => null);
  const tokens = body as Partial<TokenResponse> | null;
  if (!response.ok || !tokens || typeof tokens.id_token !== 'string' || typeof tokens.expires_in !== 'number') {
    throw new SignInRequiredError('Sign-in was not accepted. Please sign in again.');
  }
  return tokens as TokenResponse;
}

class CognitoSession implements Session {
  readonly userName: string;
  private idTokenValue: string;
  private refreshToken: string | undefined;
  private expiresAt: number;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly config: CognitoConfig, tokens: TokenResponse) {
    this.idTokenValue = tokens.id_token;
    this.refreshToken = tokens.refresh_token;
    this.expiresAt = Date.now() + tokens.expires_in * 1000;
    const claims = jwtClaims(tokens.id_token);
    this.userName = String(claims.email ?? claims['cognito:username'] ?? 'you');
  }

  async idToken(): Promise<string> {
    if (Date.now() > this.expiresAt - REFRESH_MARGIN_MS) {
      // One refresh at a time, however many requests are waiting for it.
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = null;
      });
      await this.refreshing;
    }
    return this.idTokenValue;
  }

  private async refresh(): Promise<void> {
    if (!this.refreshToken) {
      throw new SignInRequiredError('Your session has expired. Please sign in again.');
    }
    const tokens = await tokenRequest(this.config, {
      grant_type: 'refresh_token',
      client_id: this.config.clientId,
      refresh_token: this.refreshToken,
    });
    this.idTokenValue = tokens.id_token;
    // With refresh-token rotation Cognito answers a new refresh token; the old one then stops working.
    this.refreshToken = tokens.refresh_token ?? this.refreshToken;
    this.expiresAt = Date.now() + tokens.expires_in * 1000;
  }

  async signOut(): Promise<void> {
    const refreshToken = this.refreshToken;
    this.refreshToken = undefined;
    this.idTokenValue = '';
    if (refreshToken) {
      // Revoking the refresh token also revokes the access tokens issued with it; a failure must not keep the
      // person signed in, so sign-out continues either way.
      await fetch(`${this.config.cognitoDomain}/oauth2/revoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: refreshToken, client_id: this.config.clientId }),
        cache: 'no-store',
      }).catch(() => undefined);
    }
    // Ends the managed-login session (its cookie), then Cognito sends the browser back to the app.
    const logout = new URL(`${this.config.cognitoDomain}/logout`);
    logout.search = new URLSearchParams({ client_id: this.config.clientId, logout_uri: this.config.redirectUri })
      .toString();
    window.location.assign(logout.toString());
  }
}

export class CognitoAuth {
  constructor(private readonly config: CognitoConfig) {
  }

  /** Sends the browser to Cognito's managed login; it comes back to redirectUri with ?code=...&state=... */
  async signIn(): Promise<void> {
    const verifier = randomText(32);
    const state = randomText(16);
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
    const authorize = new URL(`${this.config.cognitoDomain}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUri,
      scope: SCOPES,
      state,
      code_challenge: await pkceChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    window.location.assign(authorize.toString());
  }

  /**
   * On the return from Cognito: checks the state, swaps the code (with this tab's verifier) for tokens and removes
   * code and state from the address bar and history. Null when this page load is not such a return.
   */
  async restore(): Promise<Session | null> {
    const params = new URLSearchParams(window.location.search);
    const code = params.get('code');
    const error = params.get('error');
    if (code === null && error === null) {
      return null;
    }
    window.history.replaceState(null, '', window.location.pathname);
    const pendingText = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    if (error !== null) {
      throw new SignInRequiredError(`Sign-in did not complete (${error.slice(0, 64)}). Please try again.`);
    }
    const pending = pendingText ? JSON.parse(pendingText) as { verifier?: string; state?: string } : null;
    if (!pending?.verifier || pending.state !== params.get('state')) {
      throw new SignInRequiredError('This sign-in response does not belong to this tab. Please sign in again.');
    }
    const tokens = await tokenRequest(this.config, {
      grant_type: 'authorization_code',
      client_id: this.config.clientId,
      code: code ?? '',
      redirect_uri: this.config.redirectUri,
      code_verifier: pending.verifier,
    });
    return new CognitoSession(this.config, tokens);
  }
}
