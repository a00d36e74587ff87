// The app's API layer: the typescript-fetch client generated from openapi.yaml at build time (never a hand-written
// copy), with the ID token of the session, the ETag preconditions, and every failure turned into an ApiError the
// screens can explain: the problem+json `errors` by field, 401, 404, 412, 503 with Retry-After, or no answer.
import {
  Configuration,
  FetchError,
  type NewTodo,
  ResponseError,
  type Todo,
  type TodoPatch,
  TodosApi,
} from '@api';
import { type Session, SignInRequiredError } from './auth/session';

export type { NewTodo, Todo, TodoPatch };

/** Items per page (the API's default; "Load more" fetches the next page). */
export const PAGE_SIZE = 20;

export interface Page {
  readonly items: Todo[];
  readonly nextToken?: string;
}

/** Why a call failed, in terms a screen can act on. `status` 0 means the server did not answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The problem's `errors`, by body member: "#/title" becomes "title". */
    readonly fieldErrors: ReadonlyMap<string, string> = new Map(),
    /** Seconds from Retry-After (503, 429). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

/** "#/title" -> "title"; the whole body ("#") or a nested pointer is not a form field. */
function fieldOf(pointer: string): string | null {
  const match = /^#\/([A-Za-z]+)$/.exec(pointer);
  return match ? match[1]! : null;
}

async function toApiError(error: unknown): Promise<ApiError> {
  if (error instanceof ApiError) {
    return error;
  }
  if (error instanceof SignInRequiredError) {
    return new ApiError(401, error.message);
  }
  if (error instanceof FetchError || error instanceof TypeError) {
    return new ApiError(0, 'The server could not be reached. Check your connection and try again.');
  }
  if (!(error instanceof ResponseError)) {
    return new ApiError(0, 'Something went wrong in the app. Reload the page and try again.');
  }
  const response = error.response;
  let problem: ProblemBody = {};
  if (/json/i.test(response.headers.get('Content-Type') ?? '')) {
    problem = await response.json().catch(() => ({})) as ProblemBody;
  }
  const fieldErrors = new Map<string, string>();
  const otherErrors: string[] = [];
  if (Array.isArray(problem.errors)) {
    for (const entry of problem.errors as Array<Record<string, unknown>>) {
      const detail = typeof entry.detail === 'string' ? entry.detail : 'is not valid';
      const field = typeof entry.pointer === 'string' ? fieldOf(entry.pointer) : null;
      if (field && !fieldErrors.has(field)) {
        fieldErrors.set(field, detail);
      } else {
        const where = entry.pointer ?? entry.parameter ?? entry.header ?? 'request';
        otherErrors.push(`${String(where).replace(/^#\/?/, '') || 'request'}: ${detail}`);
      }
    }
  }
  const retryHeader = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const retryAfter = Number.isFinite(retryHeader) && retryHeader >= 0 ? retryHeader : null;
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const message = [detail || (typeof problem.title === 'string' ? problem.title : `HTTP ${response.status}`),
    ...otherErrors].join(' ');
  return new ApiError(response.status, message, fieldErrors, retryAfter);
}

/** The If-Match value for the version the app shows (a todo's ETag is its version in quotes). */
function etag(todo: Todo): string {
  return `"${todo.version}"`;
}

export class TodoClient {
  private readonly api: TodosApi;

  constructor(apiUrl: string, session: Session) {
    this.api = new TodosApi(new Configuration({
      basePath: apiUrl,
      apiKey: async () => `Bearer ${await session.idToken()}`,
    }));
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw await toApiError(error);
    }
  }

  list(nextToken?: string): Promise<Page> {
    return this.call(() => this.api.listTodos({ limit: PAGE_SIZE, nextToken }));
  }

  get(todoId: string): Promise<Todo> {
    return this.call(() => this.api.getTodo({ todoId }));
  }

  /** Sends `idempotencyKey` as Idempotency-Key: the same key and body again answer the same todo, never a second. */
  create(newTodo: NewTodo, idempotencyKey: string): Promise<Todo> {
    return this.call(() => this.api.createTodo({ newTodo, idempotencyKey }));
  }

  /** A merge patch of the version `todo` is, with If-Match: 412 when it changed since. */
  update(todo: Todo, todoPatch: TodoPatch): Promise<Todo> {
    return this.call(() => this.api.updateTodo({ todoId: todo.id, todoPatch, ifMatch: etag(todo) }));
  }

  /** Deletes the version `todo` is, with If-Match: 412 when it changed since. */
  remove(todo: Todo): Promise<void> {
    return this.call(() => this.api.deleteTodo({ todoId: todo.id, ifMatch: etag(todo) }));
  }
}
