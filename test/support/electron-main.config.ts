import { defineConfig, type UserConfig } from 'electron-vite';
import config from '../../electron.vite.config.js';

/** The desktop build's main process alone (main and the redaction worker), for electron-build.spec. */
const { main } = config as UserConfig;
if (!main) throw new Error('electron.vite.config.ts has no main build');
export default defineConfig({ main });
