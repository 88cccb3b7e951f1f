import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { showError } from './lib/errors.svelte';
import { i18n } from './lib/i18n/index.svelte';
import { unsavedWork } from './lib/nav.svelte';

// Nothing may end in a blank screen: anything thrown outside a handler lands in the banner.
window.addEventListener('error', (e) => showError(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => showError(e.reason));
window.addEventListener('beforeunload', (e) => {
  if (unsavedWork()) e.preventDefault();
});

async function start(): Promise<void> {
  // Only the browser test build talks to the test host; the condition is constant at build time.
  if (import.meta.env.MODE === 'host') {
    const { installHostTransport } = await import('./lib/host-transport');
    installHostTransport(new URLSearchParams(window.location.search));
  }
  document.documentElement.lang = i18n.lang;
  mount(App, { target: document.getElementById('app')! });
}

start().catch(showError);
