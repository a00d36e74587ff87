// The app's configuration, read at start from config.json beside index.html. It is not part of the build: locally
// local-api generates it, deployed `make deploy-web` writes it from the stack's outputs, so one build runs anywhere.

export interface LocalConfig {
  readonly auth: 'local';
  /** The API's base URL, without a trailing slash. */
  readonly apiUrl: string;
  /** The `aud` of the local tokens: the functions accept only ID tokens of this app client. */
  readonly clientId: string;
}

export interface CognitoConfig {
  readonly auth: 'cognito';
  readonly apiUrl: string;
  readonly clientId: string;
  /** Base URL of the user pool's managed login, e.g. https://todo-1a2b3c4d.auth.eu-west-1.amazoncognito.com. */
  readonly cognitoDomain: string;
  /** Where Cognito sends the browser back to: this page's URL, one of the app client's callback URLs. */
  readonly redirectUri: string;
}

export type AppConfig = LocalConfig | CognitoConfig;

export class ConfigError extends Error {
}

function url(json: Record<string, unknown>, name: string): string {
  const value = json[name];
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(value)) {
    throw new ConfigError(`config.json: "${name}" must be an http(s) URL`);
  }
  return value;
}

function text(json: Record<string, unknown>, name: string): string {
  const value = json[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`config.json: "${name}" must be a non-empty string`);
  }
  return value;
}

/** Checks the parsed config.json; throws ConfigError naming the first bad member. */
export function parseConfig(json: unknown): AppConfig {
  if (typeof json !== 'object' || json === null) {
    throw new ConfigError('config.json must hold a JSON object');
  }
  const record = json as Record<string, unknown>;
  const apiUrl = url(record, 'apiUrl').replace(/\/+$/, '');
  const clientId = text(record, 'clientId');
  if (record.auth === 'local') {
    return { auth: 'local', apiUrl, clientId };
  }
  if (record.auth === 'cognito') {
    return {
      auth: 'cognito',
      apiUrl,
      clientId,
      cognitoDomain: url(record, 'cognitoDomain').replace(/\/+$/, ''),
      redirectUri: url(record, 'redirectUri'),
    };
  }
  throw new ConfigError('config.json: "auth" must be "local" or "cognito"');
}

export async function loadConfig(): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetch('config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    throw new ConfigError('config.json could not be loaded: the server did not answer');
  }
  if (!response.ok) {
    throw new ConfigError(`config.json could not be loaded (HTTP ${response.status})`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ConfigError('config.json is not valid JSON');
  }
  return parseConfig(json);
}
