import type { Page } from '@playwright/test';

// Waits until every image that has started loading is decoded, so a screenshot or a layout reading sees them drawn.
// A lazy image that never came near the viewport (a carousel's later pages) has no currentSrc yet and never starts:
// waiting for its decode() would wait for ever.
export const imagesDecoded = (page: Page): Promise<unknown> =>
  page.evaluate(() => Promise.all([...document.images].filter((i) => i.currentSrc).map((i) => i.decode().catch(() => null))));
