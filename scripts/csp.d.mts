/** Types for scripts/csp.mjs (imported by vite.config.ts and src/pwa/*.ts). */
export declare const CSP_HEADER: string;
export declare const CSP_META: string;
