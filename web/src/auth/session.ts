// What the rest of the app knows about signing in: a Session gives the ID token the API wants and signs out. Two
// implementations: local (an unsigned token made from a chosen user name) and Cognito (authorization code + PKCE).

export interface Session {
  /** The name shown as "Signed in as ...". */
  readonly userName: string;
  /** The ID token for `Authorization: Bearer ...`, refreshed first when it is about to expire. */
  idToken(): Promise<string>;
  /** Ends the session (Cognito: revokes the refresh token and ends the managed-login session, which navigates). */
  signOut(): Promise<void>;
}

/** The session cannot give a token any more (refresh refused, or the sign-in response was wrong): sign in again. */
export class SignInRequiredError extends Error {
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The claims of a JWT (not verified: the API verifies tokens; the app only reads the user's name). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) {
    return {};
  }
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(base64UrlDecode(payload)));
    return typeof claims === 'object' && claims !== null ? claims as Record<string, unknown> : {};
  } catch {
    return {};
  }
}
