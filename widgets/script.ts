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
  // A single-page store sends each route's event with window.datacue.page(): as with mountWidgets, the route's
  // placeholders first hold their boxes.
  let page: unknown;
  const follow = () => {
    const dc = datacue();
    if (dc.page != page) page = dc.page = widgets.routing(dc.page);
  };
  const widgets = mount(
    {
      onRecommendations: (listener) => {
        const stop = datacue().onRecommendations(listener);
        // Made through the stub, it returns a promise that settles once datacue.js has replaced the stub with itself:
        // its page() is wrapped then (also while consent is pending and no answer comes).
        void Promise.resolve(stop).then(() => safely(follow));
        return stop;
      },
      track: (event, defer) => datacue().track(event, defer),
    },
    { styles: nonce ? { nonce } : true },
  );
  follow();
});
