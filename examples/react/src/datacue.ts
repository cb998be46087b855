// DataCue in a React storefront. The same file works in a Next.js client component module ('use client'): during
// server rendering createDatacue() and mountWidgets() do nothing, and effects only run in the browser.
import { useEffect, useRef } from 'react';
import { createDatacue, type PageConfig } from '@datacue/storefront';
import { mountWidgets } from '@datacue/storefront/widgets';

/** One tracker for the whole app. */
export const datacue = createDatacue({ api_key: 'your-api-key', user_id: null });

/**
 * Fills every `data-dc-*` placeholder on the page, and again after each page(). An effect, so it runs after
 * hydration; its cleanup unmounts the widgets, so StrictMode's mount, unmount, mount leaves one set.
 */
export function useDatacueWidgets(): void {
  useEffect(() => mountWidgets(datacue), []);
}

/** Sends the route's page event once per route (StrictMode runs effects twice: the second run is skipped). */
export function useDatacuePage(config: PageConfig): void {
  const key = JSON.stringify(config);
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === key) return;
    sent.current = key;
    void datacue.page(config);
  }, [key]);
}
