// The server-rendered store's behaviour, recorded through the script-tag tracker (window.datacue).
import { bindStore } from './actions.js';

bindStore(document, window.datacue);
