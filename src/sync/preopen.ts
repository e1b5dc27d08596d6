// Imported first by the browser entry (src/main.tsx), for its effect: the tafel in the URL starts
// opening from IndexedDB while the rest of the app's modules are still being evaluated and React
// renders its first screens (see Device.preopenTafelSession). On a large tafel that reading and
// applying is most of a cold start.

import { preopenTafelSession } from './index';

const tafelInUrl = /^\/tafel\/([^/]+)/.exec(location.pathname);
if (tafelInUrl) preopenTafelSession(decodeURIComponent(tafelInUrl[1]!));
