import { serveBrowserMode } from './serve-web.js';

/** `npm run start:web`: browser mode on 127.0.0.1, port from PORT (default 5170), argon2id at its production cost. */
await serveBrowserMode({});
