/*
 * The player app's service worker: shows each Web Push the room sends (protocol/push.ts
 * PushPayload, decrypted by the browser) and opens the screen it names when tapped. The push id is
 * the notification's tag, so a push delivered twice replaces itself instead of showing twice.
 */
self.addEventListener('push', (event) => {
  let push;
  try {
    push = event.data ? event.data.json() : null;
  } catch {
    push = null;
  }
  if (!push || typeof push.title !== 'string') return;
  event.waitUntil(
    self.registration.showNotification(push.title, {
      body: push.body,
      tag: push.id,
      data: { url: typeof push.url === 'string' && push.url.startsWith('/') ? push.url : '/play' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/play', self.location.origin).href;
  event.waitUntil(
    (async () => {
      // An open tab of the app goes to the screen; otherwise a new one opens there.
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).pathname.startsWith('/play'));
      if (open) {
        await open.navigate(url);
        return open.focus();
      }
      return self.clients.openWindow(url);
    })(),
  );
});
