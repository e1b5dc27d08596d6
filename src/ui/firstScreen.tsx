// The screen the app opens on: its code starts loading with the app, beside the local copy and its
// read model (docs/sync.md, "Open instantly"), and it is drawn without suspending once the code is
// in. A lazy screen always suspends on its first render, and React then holds the content back
// until 300 ms after it showed the fallback (its throttle for revealing Suspense boundaries): on a
// cold open that held the read model's rows back long after they were ready.

import { lazy, type ComponentType } from 'react';

export type ScreenModule = Promise<{ default: ComponentType }>;

/** A screen whose code loads now; drawn at once when it is in, through React.lazy until then. */
export function firstScreen(load: () => ScreenModule): ComponentType {
  let loaded: ComponentType | null = null;
  const module = load().then((m) => {
    loaded = m.default;
    return m;
  });
  const Lazy = lazy(() => module);
  return function FirstScreen() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
}

/** The screen for `pattern` as the first screen when the app opens on it, else loaded on first use. */
export function screenOpenedFirst(pattern: RegExp, load: () => ScreenModule, pathname: string = location.pathname): ComponentType {
  return pattern.test(pathname) ? firstScreen(load) : lazy(load);
}
