/**
 * Loaded with `node --import` before electronegativity's CLI (CommonJS). The scanner fetches
 * updated translations with `got` at start (and the Electron release list for its "security fixes
 * available" check, which the test leaves out); the build machines have no network, so each such
 * request is refused here at once instead of being attempted. The scan itself is entirely local,
 * and the bundled English texts are used.
 */
import Module from 'node:module';

const load = Module._load;
Module._load = function loadOffline(request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('AVG Desk test: no network for electronegativity'));
  return load.call(this, request, ...rest);
};
