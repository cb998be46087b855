// The server-rendered store's behaviour, recorded through the script-tag tracker (window.datacue).
import { bindStore } from './actions.js';
import { bindConsentBanner } from './consent-banner.js';

bindStore(document, window.datacue);
bindConsentBanner(document, window.datacue);
