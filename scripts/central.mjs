// `npm run central`: an embedded central database (PGlite on 127.0.0.1) for demos; see main/sync/central/embedded.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/sync/central/embedded.ts');
await main(process.argv.slice(2));
