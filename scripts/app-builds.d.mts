/** Types of app-builds.mjs, for the benchmarks (TypeScript) that import it. */
export declare function staleBuild(name: 'web' | 'electron'): { command: [string, string[]]; done: () => void } | null;
export declare function ensureBuilt(name: 'web' | 'electron'): number;
