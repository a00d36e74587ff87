// The todo list screen: add, list with "Load more", edit, complete or reopen, delete with confirmation. Every change
// is conditional on the version shown (If-Match); a 412 brings the current version in and says so.
import { parseDate, serializeDate } from '@api';
import { ApiError, type NewTodo, type Todo, type TodoClient, type TodoPatch } from '../api';
import type { Session } from '../auth/session';
import { h, hidden, replaceChildren } from '../dom';
import { DraftKey } from '../idempotency';
import { describeError, Field, showFieldErrors } from './fields';

export interface TodoScreenContext {
  readonly root: HTMLElement;
  readonly session: Session;
  readonly client: TodoClient;
  /** Back to the sign-in screen, saying why. */
  signedOut(message: string | null): void;
  /** Says `text` to screen readers (a polite live region). */
  announce(text: string): void;
}

const CONFLICT = 'This todo was changed elsewhere (for example in another tab or on another device). '
  + 'It now shows the current version.';

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function quoted(title: string): string {
  return `“${title}”`;
}

function dueText(todo: Todo): string {
  return todo.dueDate ? DATE_FORMAT.format(todo.dueDate) : '';
}

/** The three text fields of a todo, for the add and the edit form. */
class TodoFields {
  readonly title = new Field('Title', h('input', { type: 'text', name: 'title', required: true, autocomplete: 'off' }));
  readonly description = new Field('Description (optional)', h('textarea', { name: 'description', rows: '2' }));
  readonly dueDate = new Field('Due date (optional)', h('input', { type: 'date', name: 'dueDate' }));

  constructor(todo?: Todo) {
    if (todo) {
      this.title.value = todo.title;
      this.description.value = todo.description ?? '';
      this.dueDate.value = todo.dueDate ? serializeDate(todo.dueDate) : '';
    }
  }

  get all(): Record<string, Field<HTMLInputElement | HTMLTextAreaElement>> {
    return { title: this.title, description: this.description, dueDate: this.dueDate };
  }

  elements(): HTMLElement[] {
    return [this.title.element, this.description.element, this.dueDate.element];
  }

  clearErrors(): void {
    Object.values(this.all).forEach((field) => field.setError(null));
  }

  /** A blank title is caught here; everything else (lengths, dates) is the API's to judge. */
  checkTitle(): boolean {
    if (this.title.value.trim() === '') {
      this.title.setError('Enter a title.');
      this.title.control.focus();
      return false;
    }
    return true;
  }

  /** Moves focus to the first field that shows an error. */
  focusFirstError(): void {
    Object.values(this.all).find((field) => field.control.getAttribute('aria-invalid') === 'true')?.control.focus();
  }

  /** The fields that differ from `todo`, as a JSON Merge Patch (empty text removes an optional field). */
  patchFrom(todo: Todo): TodoPatch {
    const patch: TodoPatch = {};
    if (this.title.value !== todo.title) {
      patch.title = this.title.value;
    }
    if (this.description.value !== (todo.description ?? '')) {
      patch.description = this.description.value === '' ? null : this.description.value;
    }
    if (this.dueDate.value !== (todo.dueDate ? serializeDate(todo.dueDate) : '')) {
      patch.dueDate = this.dueDate.value === '' ? null : parseDate(this.dueDate.value);
    }
    return patch;
  }

  newTodo(): NewTodo {
    const draft: NewTodo = { title: this.title.value };
    if (this.description.value !== '') {
      draft.description = this.description.value;
    }
    if (this.dueDate.value !== '') {
      draft.dueDate = parseDate(this.dueDate.value);
    }
    return draft;
  }
}

/** One todo in the list: shown, or being edited; with an optional message about the last thing that happened. */
class TodoItem {
  readonly element: HTMLLIElement = h('li', { class: 'todo' });
  private editing: TodoFields | null = null;
  private busy = false;

  constructor(public todo: Todo, private readonly screen: TodoScreen) {
    this.element.dataset.id = todo.id;
    this.show();
  }

  /** Shows the todo (not the edit form); `message` explains what just happened to it. */
  show(message: string | null = null, focus: 'toggle' | 'edit' | 'delete' | null = null): void {
    this.editing = null;
    const todo = this.todo;
    const checkboxId = `done-${todo.id}`;
    const toggle = h('input', {
      type: 'checkbox', id: checkboxId, class: 'todo-toggle', checked: todo.completed,
      onchange: () => void this.toggle(toggle),
    });
    const titleId = `title-${todo.id}`;
    const editButton = h('button', { type: 'button', class: 'secondary', onclick: () => this.edit() },
      'Edit', hidden(` ${quoted(todo.title)}`));
    const deleteButton = h('button', {
      type: 'button', class: 'danger', onclick: () => this.screen.confirmDelete(this),
    }, 'Delete', hidden(` ${quoted(todo.title)}`));
    this.element.classList.toggle('done', todo.completed);
    replaceChildren(this.element,
      h('div', { class: 'todo-line' },
        toggle,
        h('label', { for: checkboxId, id: titleId, class: 'todo-title' },
          todo.title, hidden(todo.completed ? ' (done)' : ''))),
      todo.description ? h('p', { class: 'todo-description' }, todo.description) : null,
      todo.dueDate ? h('p', { class: 'todo-due' }, 'Due ',
        h('time', { datetime: serializeDate(todo.dueDate) }, dueText(todo))) : null,
      h('div', { class: 'todo-actions' }, editButton, deleteButton),
      message ? h('p', { class: 'todo-message', role: 'alert' }, message) : null);
    const target = { toggle, edit: editButton, delete: deleteButton }[focus ?? 'edit'];
    if (focus) {
      target.focus();
    }
  }

  /** The checkbox: the element the list focuses when it moves focus to this todo. */
  focus(): void {
    this.element.querySelector<HTMLElement>('.todo-toggle, input')?.focus();
  }

  private async toggle(checkbox: HTMLInputElement): Promise<void> {
    if (this.busy) {
      checkbox.checked = this.todo.completed;
      return;
    }
    this.busy = true;
    this.element.setAttribute('aria-busy', 'true');
    try {
      this.todo = await this.screen.client.update(this.todo, { completed: checkbox.checked });
      this.show(null, 'toggle');
      this.screen.announce(`${quoted(this.todo.title)} ${this.todo.completed ? 'is done' : 'is open again'}.`);
    } catch (error) {
      checkbox.checked = this.todo.completed;
      await this.screen.failed(this, error, 'Your change was not saved.', 'toggle');
    } finally {
      this.busy = false;
      this.element.removeAttribute('aria-busy');
    }
  }

  private edit(): void {
    this.renderEdit(new TodoFields(this.todo), null);
    this.editing?.title.control.focus();
  }

  /** The edit form; `conflict` shows the current version next to the person's unsaved changes after a 412. */
  private renderEdit(fields: TodoFields, conflict: HTMLElement | null): void {
    this.editing = fields;
    const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
    const form = h('form', {
      class: 'todo-edit', novalidate: true, 'aria-label': `Edit ${quoted(this.todo.title)}`,
      onsubmit: (event: Event) => {
        event.preventDefault();
        void this.save(fields, formError, save);
      },
      onkeydown: (event: Event) => {
        if ((event as KeyboardEvent).key === 'Escape') {
          event.preventDefault();
          this.show(null, 'edit');
        }
      },
    },
    conflict,
    ...fields.elements(),
    formError,
    h('div', { class: 'form-actions' },
      save,
      h('button', { type: 'button', class: 'secondary', onclick: () => this.show(null, 'edit') }, 'Cancel')));
    this.element.classList.remove('done');
    replaceChildren(this.element, form);
  }

  private async save(fields: TodoFields, formError: HTMLParagraphElement, save: HTMLButtonElement): Promise<void> {
    if (this.busy) {
      return;
    }
    fields.clearErrors();
    formError.hidden = true;
    if (!fields.checkTitle()) {
      return;
    }
    const patch = fields.patchFrom(this.todo);
    if (Object.keys(patch).length === 0) {
      this.show(null, 'edit');
      this.screen.announce('Nothing changed.');
      return;
    }
    this.busy = true;
    save.setAttribute('aria-disabled', 'true');
    save.textContent = 'Saving…';
    try {
      this.todo = await this.screen.client.update(this.todo, patch);
      this.show(null, 'edit');
      this.screen.announce(`Saved ${quoted(this.todo.title)}.`);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, String(error));
      if (apiError.status === 412) {
        // Keep the person's changes in the form; show what the todo is now. Saving again applies them on top.
        const current = await this.screen.current(this);
        if (current) {
          this.todo = current;
          this.renderEdit(fields, this.conflictNotice(current));
          this.element.querySelector<HTMLElement>('.conflict')?.focus();
        }
        return;
      }
      save.removeAttribute('aria-disabled');
      save.textContent = 'Save';
      if (apiError.status === 400 && showFieldErrors(apiError, fields.all)) {
        fields.focusFirstError();
        return;
      }
      await this.screen.failed(this, apiError, null, null, formError);
    } finally {
      this.busy = false;
    }
  }

  private conflictNotice(current: Todo): HTMLElement {
    const rows: Array<[string, string]> = [
      ['Title', current.title],
      ['Description', current.description ?? '(none)'],
      ['Due date', current.dueDate ? dueText(current) : '(none)'],
      ['Done', current.completed ? 'yes' : 'no'],
    ];
    return h('div', { class: 'conflict', role: 'alert', tabindex: '-1' },
      h('p', null, `${CONFLICT} Your changes are not saved yet: they are still in the form below. Save to apply them`
        + ' to the current version, or Cancel to keep it as it is.'),
      h('p', { class: 'conflict-heading' }, 'Current version:'),
      h('dl', null, ...rows.flatMap(([name, value]) => [h('dt', null, name), h('dd', null, value)])));
  }

  get isEditing(): boolean {
    return this.editing !== null;
  }
}

export class TodoScreen {
  readonly client: TodoClient;
  private items: TodoItem[] = [];
  private nextToken: string | undefined;
  private readonly list = h('ul', { class: 'todo-list', 'aria-labelledby': 'list-heading' });
  private readonly listStatus = h('div', { class: 'list-status' });
  private readonly more = h('div', { class: 'more' });
  private readonly listHeading = h('h2', { id: 'list-heading', tabindex: '-1' }, 'Your list');
  private readonly dialog: HTMLDialogElement;
  private readonly dialogText = h('p', { id: 'delete-dialog-text' });
  private readonly dialogError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  private readonly dialogCancel = h('button', { type: 'button', class: 'secondary', onclick: () => this.dialog.close() },
    'Cancel');
  private pendingDelete: TodoItem | null = null;

  constructor(private readonly context: TodoScreenContext) {
    this.client = context.client;
    const confirm = h('button', { type: 'button', class: 'danger', onclick: () => void this.deleteConfirmed() }, 'Delete');
    this.dialog = h('dialog', {
      class: 'confirm', 'aria-labelledby': 'delete-dialog-title', 'aria-describedby': 'delete-dialog-text',
      onclose: () => {
        // The close event comes a task later: after Escape and a quick reopen it must not forget the new todo.
        if (!this.dialog.open) {
          this.pendingDelete = null;
        }
      },
    },
    h('h2', { id: 'delete-dialog-title' }, 'Delete this todo?'),
    this.dialogText,
    this.dialogError,
    h('div', { class: 'form-actions' },
      confirm,
      this.dialogCancel));
  }

  announce(text: string): void {
    this.context.announce(text);
  }

  show(): void {
    document.title = 'Todos';
    const heading = h('h1', { tabindex: '-1' }, 'Todos');
    replaceChildren(this.context.root,
      h('header', { class: 'app-header' },
        h('p', { class: 'app-name' }, 'Todos'),
        h('div', { class: 'account' },
          h('span', null, 'Signed in as ', h('strong', null, this.context.session.userName)),
          h('button', { type: 'button', class: 'secondary', onclick: () => void this.signOut() }, 'Sign out'))),
      h('main', { id: 'main' },
        heading,
        this.addForm(),
        h('section', { class: 'list-section', 'aria-labelledby': 'list-heading' },
          this.listHeading, this.listStatus, this.list, this.more)),
      this.dialog);
    heading.focus();
    void this.loadFirstPage();
  }

  private async signOut(): Promise<void> {
    await this.context.session.signOut();
    this.context.signedOut('You are signed out.');
  }

  private addForm(): HTMLElement {
    const fields = new TodoFields();
    const draftKey = new DraftKey();
    const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const add = h('button', { type: 'submit', class: 'primary' }, 'Add');
    let busy = false;
    const form = h('form', {
      class: 'add-form', novalidate: true, 'aria-labelledby': 'add-heading',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        if (busy) {
          return;
        }
        fields.clearErrors();
        formError.hidden = true;
        if (!fields.checkTitle()) {
          return;
        }
        const draft = fields.newTodo();
        busy = true;
        add.setAttribute('aria-disabled', 'true');
        add.textContent = 'Adding…';
        try {
          const created = await this.client.create(draft, draftKey.keyFor(draft));
          draftKey.settle();
          form.reset();
          this.insert(created);
          this.announce(`Added ${quoted(created.title)}.`);
          fields.title.control.focus();
        } catch (error) {
          const apiError = error instanceof ApiError ? error : new ApiError(0, String(error));
          if (DraftKey.isFinal(apiError.status)) {
            draftKey.settle();
          }
          if (apiError.status === 400 && showFieldErrors(apiError, fields.all)) {
            fields.focusFirstError();
          } else if (apiError.status === 401) {
            this.context.signedOut('Your session has ended. Please sign in again.');
          } else {
            formError.textContent = `Not added. ${describeError(apiError)}`;
            formError.hidden = false;
          }
        } finally {
          busy = false;
          add.removeAttribute('aria-disabled');
          add.textContent = 'Add';
        }
      },
    },
    h('h2', { id: 'add-heading' }, 'Add a todo'),
    ...fields.elements(),
    formError,
    h('div', { class: 'form-actions' }, add));
    return form;
  }

  private async loadFirstPage(): Promise<void> {
    this.items = [];
    this.nextToken = undefined;
    replaceChildren(this.list);
    replaceChildren(this.more);
    this.list.setAttribute('aria-busy', 'true');
    replaceChildren(this.listStatus, h('p', { class: 'loading', role: 'status' }, 'Loading your todos…'));
    try {
      const page = await this.client.list();
      this.list.removeAttribute('aria-busy');
      page.items.forEach((todo) => this.insert(todo));
      this.nextToken = page.nextToken;
      this.renderMore(null);
      this.renderStatus();
    } catch (error) {
      this.list.removeAttribute('aria-busy');
      const apiError = error as ApiError;
      if (apiError.status === 401) {
        this.context.signedOut('Your session has ended. Please sign in again.');
        return;
      }
      replaceChildren(this.listStatus, h('div', { class: 'load-error', role: 'alert' },
        h('p', null, `Your todos could not be loaded. ${describeError(apiError)}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => void this.loadFirstPage() }, 'Try again')));
    }
  }

  private async loadMore(button: HTMLButtonElement): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') {
      return;
    }
    button.setAttribute('aria-disabled', 'true');
    button.textContent = 'Loading…';
    try {
      const page = await this.client.list(this.nextToken);
      const added = page.items.filter((todo) => !this.items.some((item) => item.todo.id === todo.id))
        .map((todo) => this.insert(todo));
      this.nextToken = page.nextToken;
      this.renderMore(null);
      this.renderStatus();
      this.announce(`${added.length} more todo${added.length === 1 ? '' : 's'} loaded.`);
      // Focus moves to the first todo that just arrived: where a keyboard user continues reading.
      added[0]?.focus();
    } catch (error) {
      const apiError = error as ApiError;
      if (apiError.status === 401) {
        this.context.signedOut('Your session has ended. Please sign in again.');
        return;
      }
      this.renderMore(`More todos could not be loaded. ${describeError(apiError)}`);
    }
  }

  /** The "Load more" button while the API says more pages follow. */
  private renderMore(error: string | null): void {
    if (this.nextToken === undefined) {
      replaceChildren(this.more);
      return;
    }
    const focused = this.more.contains(document.activeElement);
    const button = h('button', { type: 'button', class: 'secondary', onclick: () => void this.loadMore(button) },
      'Load more');
    replaceChildren(this.more, button, error ? h('p', { class: 'form-error', role: 'alert' }, error) : null);
    if (focused) {
      button.focus();
    }
  }

  private renderStatus(): void {
    if (this.items.length === 0) {
      replaceChildren(this.listStatus, h('p', { class: 'empty' }, 'Nothing to do yet. Add your first todo above.'));
    } else {
      const count = `${this.items.length} todo${this.items.length === 1 ? '' : 's'}`
        + (this.nextToken === undefined ? '' : ' shown; more to load');
      const done = this.items.filter((item) => item.todo.completed).length;
      replaceChildren(this.listStatus, h('p', { class: 'count' }, `${count}, ${done} done.`));
    }
  }

  /** Adds a todo where it belongs: ids are UUIDv7, so their order is the creation order the API lists in. */
  private insert(todo: Todo): TodoItem {
    const item = new TodoItem(todo, this);
    const index = this.items.findIndex((other) => other.todo.id > todo.id);
    if (index < 0) {
      this.items.push(item);
      this.list.appendChild(item.element);
    } else {
      this.list.insertBefore(item.element, this.items[index]!.element);
      this.items.splice(index, 0, item);
    }
    this.renderStatus();
    return item;
  }

  private removeItem(item: TodoItem): void {
    const index = this.items.indexOf(item);
    if (index < 0) {
      return;
    }
    this.items.splice(index, 1);
    item.element.remove();
    this.renderStatus();
    const next = this.items[index] ?? this.items[index - 1];
    if (next) {
      next.focus();
    } else {
      this.listHeading.focus();
    }
  }

  confirmDelete(item: TodoItem): void {
    this.pendingDelete = item;
    this.dialogText.textContent = `${quoted(item.todo.title)} will be deleted. This cannot be undone.`;
    this.dialogError.hidden = true;
    this.dialog.showModal();
    // The safe choice has the focus: Enter or Escape right away keeps the todo.
    this.dialogCancel.focus();
  }

  private async deleteConfirmed(): Promise<void> {
    const item = this.pendingDelete;
    if (!item) {
      return;
    }
    try {
      await this.client.remove(item.todo);
      this.pendingDelete = null;
      this.dialog.close();
      this.announce(`Deleted ${quoted(item.todo.title)}.`);
      this.removeItem(item);
    } catch (error) {
      const apiError = error as ApiError;
      if (apiError.status === 412 || apiError.status === 404 || apiError.status === 401) {
        this.dialog.close();
        await this.failed(item, apiError, 'It was not deleted; delete it again if you still want to.', 'delete');
      } else {
        this.dialogError.textContent = `Not deleted. ${describeError(apiError)}`;
        this.dialogError.hidden = false;
      }
    }
  }

  /** The todo as it is now; null (and the item gone) when it was deleted elsewhere. */
  async current(item: TodoItem): Promise<Todo | null> {
    try {
      return await this.client.get(item.todo.id);
    } catch (error) {
      const apiError = error as ApiError;
      if (apiError.status === 404) {
        this.announce(`${quoted(item.todo.title)} was deleted elsewhere.`);
        this.removeItem(item);
      } else if (apiError.status === 401) {
        this.context.signedOut('Your session has ended. Please sign in again.');
      } else {
        item.show(`${CONFLICT.split('.')[0]}. Reload the page to see it. ${describeError(apiError)}`, 'edit');
      }
      return null;
    }
  }

  /**
   * A change of `item` failed: 401 goes back to sign-in, 404 removes it, 412 shows the current version, anything else
   * is said next to it (or in `formError`, for the edit form).
   */
  async failed(item: TodoItem, error: unknown, notSaved: string | null, focus: 'toggle' | 'edit' | 'delete' | null,
    formError?: HTMLParagraphElement): Promise<void> {
    const apiError = error instanceof ApiError ? error : new ApiError(0, String(error));
    if (apiError.status === 401) {
      this.context.signedOut('Your session has ended. Please sign in again.');
    } else if (apiError.status === 404) {
      this.announce(`${quoted(item.todo.title)} no longer exists: it was deleted elsewhere.`);
      this.removeItem(item);
    } else if (apiError.status === 412) {
      const current = await this.current(item);
      if (current) {
        item.todo = current;
        item.show(`${CONFLICT} ${notSaved ?? ''}`.trim(), focus);
      }
    } else if (formError && item.isEditing) {
      formError.textContent = `Not saved. ${describeError(apiError)}`;
      formError.hidden = false;
    } else {
      item.show(`${notSaved ?? 'Not saved.'} ${describeError(apiError)}`, focus);
    }
  }
}
