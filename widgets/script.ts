// Script-tag entry (dist/datacue-storefront.js): fills the page's placeholders from datacue.js's responses. It may
// load before datacue.js: calls then go to the queue of ensureDatacue's stub, which datacue.js runs when it loads.
import { ensureDatacue } from '../src/stub.js';
import { safely } from '../src/log.js';
import { mount } from './mount.js';

// Under Node (server-side rendering, a test importing it) there is no page: do nothing, say nothing.
if (typeof document != 'undefined') safely(() => {
  // Looked up at each call, not once: datacue.js replaces the stub with the real tracker when it arrives.
  const datacue = () => ensureDatacue(window as Parameters<typeof ensureDatacue>[0]);
  // A store with a nonce-based Content-Security-Policy puts its nonce on this script tag; the styles reuse it.
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce;
  mount(
    { onRecommendations: (listener) => datacue().onRecommendations(listener), track: (event, defer) => datacue().track(event, defer) },
    { styles: nonce ? { nonce } : true },
  );
});
