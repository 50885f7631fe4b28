/** Types of build-stamp.mjs, for the tests (TypeScript) that import it. */
export declare const ROOT: string;
export declare function fingerprint(inputs: readonly string[], root?: string): string;
export declare function isFresh(name: string, print: string, outputs: readonly string[], root?: string): boolean;
export declare function writeStamp(name: string, print: string, outputs: readonly string[], root?: string): void;
