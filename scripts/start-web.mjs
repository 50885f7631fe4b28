// `npm run start:web` (after build:web): the browser-mode server, running the TypeScript services through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../main/server/start.ts');
