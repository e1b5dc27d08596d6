// The update flow: a new service worker waits until the user agrees to use it, and the page
// reloads only when nobody is typing. The reload can also be triggered by another tab that
// accepted the update; this tab then waits for its own user to stop typing too.

import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { TypingWatch } from './typing';

// A tablet left open on a building site for days still learns about new versions.
const CHECK_EVERY_MS = 60 * 60 * 1000;
// "Works offline now" is good news, not a task: it goes away by itself.
const OFFLINE_READY_SHOWN_MS = 10_000;

function checkForUpdates(registration: ServiceWorkerRegistration): void {
  const check = (): void => {
    if (navigator.onLine && !registration.installing) registration.update().catch(() => undefined);
  };
  setInterval(check, CHECK_EVERY_MS);
  window.addEventListener('online', check);
}

let typingWatch: TypingWatch | null = null;
function watch(): TypingWatch {
  typingWatch ??= new TypingWatch(document);
  return typingWatch;
}

export interface AppUpdate {
  /** A new version is installed and waiting for the user's consent. */
  readonly available: boolean;
  /** The user (here or in another tab) agreed; the reload waits until typing stops. */
  readonly waitingForTyping: boolean;
  /** The app shell was cached for the first time: the app now starts without a network. */
  readonly offlineReady: boolean;
  accept(): void;
  postpone(): void;
  dismissOfflineReady(): void;
}

export function useAppUpdate(): AppUpdate {
  const [waitingForTyping, setWaitingForTyping] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    // Called when the new service worker took control: reload, but never in the middle of typing.
    onNeedReload() {
      const typing = watch();
      if (typing.isTyping()) setWaitingForTyping(true);
      typing.whenNotTyping(() => window.location.reload());
    },
    onRegisteredSW(_url, registration) {
      if (registration) checkForUpdates(registration);
    },
  });

  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);

  return {
    available: needRefresh && !accepted,
    waitingForTyping,
    offlineReady,
    accept() {
      setAccepted(true);
      void updateServiceWorker();
    },
    postpone: () => setNeedRefresh(false),
    dismissOfflineReady: () => setOfflineReady(false),
  };
}
