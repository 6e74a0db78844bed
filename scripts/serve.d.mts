/** Types for serve.mjs, so TypeScript files (e.g. Playwright specs) can import it. */
export declare function startServer(options?: { dir?: string; port?: number }): Promise<{
  url: string;
  port: number;
  close: () => Promise<void>;
}>;
