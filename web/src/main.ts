// Starts the app: reads config.json, restores or completes sign-in, then shows the sign-in or the todo screen.
import { TodoClient } from './api';
import { CognitoAuth } from './auth/cognito';
import { LocalAuth } from './auth/local';
import { type Session, SignInRequiredError } from './auth/session';
import { loadConfig } from './config';
import { h, replaceChildren } from './dom';
import { showSignIn } from './ui/signin';
import { TodoScreen } from './ui/todos';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`index.html has no #${id}`);
  }
  return found;
}

/** Says `text` through the page's polite live region (cleared first, so the same text is said again). */
function announcer(region: HTMLElement): (text: string) => void {
  let timer: number | undefined;
  return (text) => {
    region.textContent = '';
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      region.textContent = text;
    }, 50);
  };
}

async function start(): Promise<void> {
  const root = element('app');
  const announce = announcer(element('announcer'));
  let config;
  try {
    config = await loadConfig();
  } catch (error) {
    replaceChildren(root, h('main', { id: 'main', class: 'signin' },
      h('h1', null, 'Todos'),
      h('p', { class: 'notice', role: 'alert' },
        `The app could not start: ${error instanceof Error ? error.message : String(error)}.`)));
    return;
  }
  const auth = config.auth === 'local' ? new LocalAuth(config) : new CognitoAuth(config);
  const apiUrl = config.apiUrl;
  const signedIn = (session: Session): void => {
    new TodoScreen({
      root,
      session,
      client: new TodoClient(apiUrl, session),
      announce,
      signedOut: (message) => showSignIn(root, auth, message, signedIn),
    }).show();
  };
  try {
    const session = await auth.restore();
    if (session) {
      signedIn(session);
    } else {
      showSignIn(root, auth, null, signedIn);
    }
  } catch (error) {
    showSignIn(root, auth, error instanceof SignInRequiredError ? error.message : 'Sign-in failed. Please try again.',
      signedIn);
  }
}

void start();
