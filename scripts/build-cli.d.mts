/** Types of build-cli.mjs, for the tests (TypeScript) that import it. */
export declare const CLI_STAMP: string;
export declare const CLI_DIR: string;
export declare const CLI_INPUTS: readonly string[];
export declare const CLI_OUTPUTS: readonly string[];
export declare const HOLIDAY_YEARS: { from: number; to: number };
export declare function cliIsFresh(): boolean;
export declare function buildCli(): Promise<void>;
