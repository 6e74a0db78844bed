import type { Plugin, Rollup } from 'vite';
export declare function benchOnlyFiles(bundle: Rollup.OutputBundle): Set<string>;
export declare function offline(): Plugin[];
