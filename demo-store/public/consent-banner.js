// The demo's plain cookie banner (switched on from /qa or DEMO_CONSENT_BANNER=1), wired as the README's "Plain cookie
// banner" lines: the page's config says `consent: 'pending'` until the shopper answers, and the answer goes to
// `datacue.consent(...)`. The answer is kept in the store's own first-party cookie, so the server puts it in the
// config of every later page.
import { CONSENT_COOKIE } from '/shared/settings.mjs';

const SIX_MONTHS = 182 * 24 * 60 * 60;

/** Binds the banner's buttons and the footer's "Cookie settings" (which shows the banner again). */
export function bindConsentBanner(root, datacue) {
  const banner = root.querySelector('[data-consent-banner]');
  if (!banner) return;
  root.addEventListener('click', (e) => {
    if (e.target.closest('[data-consent-reopen]')) {
      banner.hidden = false;
      banner.querySelector('[data-consent="granted"]').focus();
      return;
    }
    const button = e.target.closest('[data-consent]');
    if (!button) return;
    const state = button.dataset.consent; // 'granted' or 'denied'
    document.cookie = `${CONSENT_COOKIE}=${state}; path=/; max-age=${SIX_MONTHS}; samesite=lax`;
    banner.hidden = true;
    // The focused button is gone: the keyboard goes on from the page's content.
    document.getElementById('main')?.focus({ preventScroll: true });
    datacue.consent(state);
  });
}
