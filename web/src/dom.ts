// The only way the app puts anything on the page: elements from document.createElement, text from text nodes and
// textContent. Nothing here (or anywhere in src/) assigns innerHTML, so a todo titled <img src=x onerror=...> is
// shown as those characters.

export type Child = Node | string | null | undefined | false;
type Listener = (event: Event) => void;
export type Props = Record<string, string | number | boolean | Listener | null | undefined>;

/** An element with attributes (`on*` keys are event listeners; false/null/undefined leave an attribute out). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null,
  ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = String(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Text that screen readers read but the page does not show (e.g. which todo an "Edit" button is for). */
export function hidden(text: string): HTMLSpanElement {
  return h('span', { class: 'visually-hidden' }, text);
}

let uniqueIds = 0;

/** An id for label/aria references, unique in this page. */
export function uniqueId(prefix: string): string {
  uniqueIds += 1;
  return `${prefix}-${uniqueIds}`;
}
