// What a store page would load to use Snowplow's browser tracker: the npm package bundled into one script.
import { newTracker, trackPageView, trackStructEvent } from '@snowplow/browser-tracker';
window.snowplow = { newTracker, trackPageView, trackStructEvent };
