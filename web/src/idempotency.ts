// One Idempotency-Key per draft of a new todo. A retry of the same draft (after no answer, a 5xx or a 429) sends the
// same key, so the API answers the todo the first attempt may already have created instead of making a second one.
// A changed draft gets a new key: the same key with another body would be refused (422).
import type { NewTodo } from './api';
import { base64UrlEncode } from './auth/session';

export class DraftKey {
  private key: string | null = null;
  private body: string | null = null;

  /** The key for sending `draft`: the previous one while the draft is unchanged and unsettled. */
  keyFor(draft: NewTodo): string {
    const body = JSON.stringify(draft);
    if (this.key === null || this.body !== body) {
      this.key = base64UrlEncode(crypto.getRandomValues(new Uint8Array(18)));
      this.body = body;
    }
    return this.key;
  }

  /** The API gave a final answer for this draft (created, or refused it): the next draft gets a new key. */
  settle(): void {
    this.key = null;
    this.body = null;
  }

  /** Whether an answer with this status is final; no answer (0), 429 and 5xx may be retried with the same key. */
  static isFinal(status: number): boolean {
    return status !== 0 && status !== 429 && status < 500;
  }
}
