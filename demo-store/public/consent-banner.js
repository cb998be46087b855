// The demo's plain cookie banner (switched on from /qa or DEMO_CONSENT_BANNER=1), wired as the README's "Plain cookie
// banner" lines: the answer goes to `datacue.consent(...)` and into the store's own first-party cookie for six
// months. One difference: where the README's lines read that cookie on each page and call `datacue.consent(saved)`,
// here the server reads it and writes the answer into the page's `datacueConfig` (`consent: 'pending'` until there
// is one), so a page never starts pending once the shopper has answered.
import { CONSENT_COOKIE } from '/shared/settings.mjs';

const SIX_MONTHS = 15552000; // seconds, as the README's lines

/**
 * Binds the banner's buttons and the footer's "Cookie settings" (which shows the banner again). The answer reaches the
 * store's other open tabs at once, as the README's lines do: a refusal in one tab stops the others too.
 */
export function bindConsentBanner(root, datacue) {
  const banner = root.querySelector('[data-consent-banner]');
  if (!banner) return;
  // While it shows, the page ends above it and keyboard focus scrolls clear of it: nothing of the store stays under it.
  // The space stays when it goes: taking it back would move a page scrolled to its end down by the banner's height.
  // (Browsers without ResizeObserver or BroadcastChannel, Safari before 13.1 and 15.4, go without: the banner works.)
  if (window.ResizeObserver) {
    new ResizeObserver(() => {
      if (banner.hidden) return;
      const height = `${banner.offsetHeight}px`;
      document.body.style.paddingBottom = height;
      document.documentElement.style.scrollPaddingBottom = height;
    }).observe(banner);
  }
  const tabs = window.BroadcastChannel ? new BroadcastChannel(CONSENT_COOKIE) : { postMessage() {} };
  tabs.onmessage = (e) => {
    banner.hidden = true;
    datacue.consent(e.data);
  };
  root.addEventListener('click', (e) => {
    if (e.target.closest('[data-consent-reopen]')) {
      banner.hidden = false;
      banner.querySelector('[data-consent="granted"]').focus();
      return;
    }
    const button = e.target.closest('[data-consent]');
    if (!button) return;
    const state = button.dataset.consent; // 'granted' or 'denied'
    document.cookie = `${CONSENT_COOKIE}=${state}; path=/; max-age=${SIX_MONTHS}; SameSite=Lax`;
    banner.hidden = true;
    // The focused button is gone: the keyboard goes on from the page's content.
    document.getElementById('main')?.focus({ preventScroll: true });
    datacue.consent(state);
    tabs.postMessage(state);
  });
}
