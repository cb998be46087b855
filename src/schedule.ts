// When a tracked event leaves: after the browser has painted what the interaction changed (so a click handler that
// tracks never delays the next frame), or at once when the page is being hidden (navigation, tab switch, close),
// where keepalive lets the request finish.
import { attempt } from './attempt.js';

const waiting: (() => void)[] = [];

// Each on its own: one that throws never keeps the others from running.
const run = () => {
  waiting.splice(0).forEach(attempt);
};
const onHide = () => document.hidden && run();

export function afterPaint(fn: () => void): void {
  // The same listener added again is ignored by the DOM: one listener however many calls.
  document.addEventListener('visibilitychange', onHide);
  // A second call before the frame joins the first.
  if (waiting.push(fn) > 1) return;
  // A hidden page paints no frames: a macrotask is enough there.
  if (document.hidden) setTimeout(run);
  // The task queued from the frame callback runs once that frame has been painted.
  else requestAnimationFrame(() => setTimeout(run));
}
