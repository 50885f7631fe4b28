#!/usr/bin/env node
// The CLI runs the TypeScript services directly (no build step), through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
