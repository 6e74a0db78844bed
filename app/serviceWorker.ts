/**
 * Registers the offline service worker that the production build writes next to index.html (scripts/offline.mjs).
 * Not in `vite dev` (only the build writes the worker, and it would cache modules being edited) and never in
 * Node. The URL and scope are relative to the page, so the course works offline from any sub-path.
 *
 * A new version installs in the background and waits until every tab of the course is closed, so a page in the
 * middle of a lesson keeps the chunks it started with.
 *
 * @example
 * registerServiceWorker(); // in app/main.tsx
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((err: unknown) => {
      // Offline use is a bonus: the course works without it, so say why once and carry on.
      console.info('The course cannot be kept for offline use here:', err);
    });
  };
  // After the page's own loading, so the precache downloads do not compete with the first lesson.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
