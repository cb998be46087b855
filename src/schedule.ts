// When a tracked event leaves: after the browser has painted what the interaction changed (so a click handler that
// tracks never delays the next frame), or at once when the page is being hidden (navigation, tab switch, close),
// where keepalive lets the request finish.
const waiting: (() => void)[] = [];
let listening = false;

const run = () => {
  waiting.splice(0).forEach((fn) => fn());
};

export function afterPaint(fn: () => void): void {
  if (!listening) document.addEventListener('visibilitychange', () => document.hidden && run());
  listening = true;
  // A second call before the frame joins the first.
  if (waiting.push(fn) > 1) return;
  // A hidden page paints no frames: a macrotask is enough there.
  if (document.hidden) setTimeout(run);
  else
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = run;
      channel.port2.postMessage(0);
    });
}
