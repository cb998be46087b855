// RudderStack's v3 SDK from npm (its "bundled" build, plugins included), bundled into one script.
import { RudderAnalytics } from '@rudderstack/analytics-js/bundled';
window.RudderAnalytics = RudderAnalytics;
