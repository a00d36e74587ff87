// Local sign-in (local-api): the person picks a user name and the app makes the unsigned ID token local-api's
// authorizer accepts (it reads the claims and checks no signature). The name stays in sessionStorage, so a reload
// keeps this tab signed in; two browser profiles (or two names) are two users with separate lists.
import type { LocalConfig } from '../config';
import { base64UrlEncode, type Session } from './session';

const USER_KEY = 'todo.localUser';
export const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

function encodeJson(value: unknown): string {
  return base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)));
}

/** An unsigned JWT ("alg": "none", empty signature) whose claims look like a Cognito ID token of `userName`. */
export function localToken(userName: string, clientId: string): string {
  const header = encodeJson({ alg: 'none', typ: 'JWT' });
  const payload = encodeJson({ sub: userName, aud: clientId, token_use: 'id', 'cognito:username': userName });
  return `${header}.${payload}.`;
}

class LocalSession implements Session {
  private readonly token: string;

  constructor(readonly userName: string, clientId: string) {
    this.token = localToken(userName, clientId);
  }

  async idToken(): Promise<string> {
    return this.token;
  }

  async signOut(): Promise<void> {
    sessionStorage.removeItem(USER_KEY);
  }
}

export class LocalAuth {
  constructor(private readonly config: LocalConfig) {
  }

  /** The session of this tab, if it signed in before a reload. */
  restore(): Session | null {
    const name = sessionStorage.getItem(USER_KEY);
    return name !== null && USER_NAME.test(name) ? new LocalSession(name, this.config.clientId) : null;
  }

  signIn(userName: string): Session {
    if (!USER_NAME.test(userName)) {
      throw new Error('invalid user name');
    }
    sessionStorage.setItem(USER_KEY, userName);
    return new LocalSession(userName, this.config.clientId);
  }
}
