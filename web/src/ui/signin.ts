// The sign-in screen. Locally: a user name (each name is its own list). Deployed: one button to Cognito's managed
// login. `message` says why the person is here again (signed out, session ended, sign-in failed).
import { CognitoAuth } from '../auth/cognito';
import { LocalAuth, USER_NAME } from '../auth/local';
import type { Session } from '../auth/session';
import { h, replaceChildren } from '../dom';
import { Field } from './fields';

export function showSignIn(root: HTMLElement, auth: LocalAuth | CognitoAuth, message: string | null,
  onSignedIn: (session: Session) => void): void {
  document.title = 'Sign in – Todos';
  const notice = message ? h('p', { class: 'notice', role: 'alert' }, message) : null;
  const heading = h('h1', { tabindex: '-1' }, 'Todos');
  let form: HTMLFormElement;
  let focusTarget: HTMLElement;

  if (auth instanceof LocalAuth) {
    const name = new Field('User name', h('input', {
      type: 'text', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false',
      required: true, maxlength: '64',
    }), 'Local mode: any name signs you in; each name has its own list. Letters, digits, . _ @ and -.');
    form = h('form', {
      class: 'signin-form', novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const userName = name.value.trim();
        if (!USER_NAME.test(userName)) {
          name.setError(userName === '' ? 'Enter a user name.' : 'Use 1 to 64 letters, digits, . _ @ or -.');
          name.control.focus();
          return;
        }
        onSignedIn(auth.signIn(userName));
      },
    }, name.element, h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
    focusTarget = name.control;
  } else {
    const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
    form = h('form', {
      class: 'signin-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        button.textContent = 'Opening sign-in…';
        void auth.signIn();
      },
    }, h('p', null, 'Sign in with your account to see your todos.'), button);
    focusTarget = button;
  }

  replaceChildren(root, h('main', { id: 'main', class: 'signin' }, heading, notice, form));
  focusTarget.focus();
}
