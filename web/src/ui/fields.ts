// Labelled form fields whose error message sits next to them (aria-invalid + aria-describedby), and the words the
// app uses for each kind of failure.
import type { ApiError } from '../api';
import { h, uniqueId } from '../dom';

export class Field<T extends HTMLInputElement | HTMLTextAreaElement> {
  readonly element: HTMLDivElement;
  private readonly error: HTMLParagraphElement;
  private readonly hintId: string | null;

  constructor(label: string, readonly control: T, hint?: string) {
    const id = uniqueId('field');
    control.id = id;
    this.hintId = hint ? `${id}-hint` : null;
    this.error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    this.element = h('div', { class: 'field' },
      h('label', { for: id }, label),
      hint ? h('p', { class: 'field-hint', id: this.hintId }, hint) : null,
      control,
      this.error);
    this.describe();
  }

  get value(): string {
    return this.control.value;
  }

  set value(value: string) {
    this.control.value = value;
  }

  setError(message: string | null): void {
    this.error.hidden = message === null;
    this.error.textContent = message ?? '';
    if (message === null) {
      this.control.removeAttribute('aria-invalid');
    } else {
      this.control.setAttribute('aria-invalid', 'true');
    }
    this.describe();
  }

  private describe(): void {
    const ids = [this.hintId, this.error.hidden ? null : this.error.id].filter((id) => id !== null);
    if (ids.length > 0) {
      this.control.setAttribute('aria-describedby', ids.join(' '));
    } else {
      this.control.removeAttribute('aria-describedby');
    }
  }
}

/** Shows each of the problem's `errors` next to its field; true when at least one field took an error. */
export function showFieldErrors(error: ApiError, fields: Record<string, Field<HTMLInputElement | HTMLTextAreaElement>>): boolean {
  let shown = false;
  for (const [name, field] of Object.entries(fields)) {
    const message = error.fieldErrors.get(name);
    field.setError(message ? capitalize(message) : null);
    shown ||= message !== undefined;
  }
  return shown;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What to tell the person about a failed call (401 is handled by going back to sign-in). */
export function describeError(error: ApiError): string {
  switch (error.status) {
    case 0:
      return error.message;
    case 503:
    case 429:
      return `The service is busy right now. Try again ${error.retryAfter !== null ? `in ${Math.max(1, error.retryAfter)}`
        + ` second${error.retryAfter === 1 ? '' : 's'}` : 'in a moment'}.`;
    case 413:
      return 'That is too much text for one todo.';
    default:
      return error.status >= 500
        ? 'The service had a problem. Try again in a moment.'
        : error.message;
  }
}
