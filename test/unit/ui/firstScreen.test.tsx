// The screen the app opens on is drawn without suspending once its code is in (src/ui/firstScreen.tsx):
// React holds a suspended boundary's content back for 300 ms after its fallback, which on a cold
// open kept the read model's rows off the screen.

import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { firstScreen, screenOpenedFirst } from '../../../src/ui/firstScreen';

const Scherm = () => <p>rijen</p>;
const load = () => Promise.resolve({ default: Scherm });
const draw = (Screen: React.ComponentType) =>
  renderToString(
    <Suspense fallback={<p>laden</p>}>
      <Screen />
    </Suspense>,
  );

describe('firstScreen', () => {
  it('draws the screen itself, not the fallback, once its code has arrived', async () => {
    const Screen = firstScreen(load);
    await load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(draw(Screen)).toContain('rijen');
  });

  it('shows the fallback while the code is still on its way', () => {
    const Screen = firstScreen(() => new Promise(() => undefined));
    expect(draw(Screen)).toContain('laden');
  });

  it('leaves a screen the app does not open on to load on first use', async () => {
    let loads = 0;
    const Screen = screenOpenedFirst(/^\/tafel\/[^/]+\/planmonitor\/?$/, () => (loads++, load()), '/tafel/t1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toBe(0);
    // React.lazy: the first draw suspends, whatever the state of the code.
    expect(draw(Screen)).toContain('laden');
  });

  it('starts loading the screen the app opens on at once', () => {
    let loads = 0;
    screenOpenedFirst(/^\/tafel\/[^/]+\/planmonitor\/?$/, () => (loads++, load()), '/tafel/t1/planmonitor');
    expect(loads).toBe(1);
  });
});
