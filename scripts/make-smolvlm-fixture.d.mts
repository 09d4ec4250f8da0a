// Types for the parts of make-smolvlm-fixture.mjs that TypeScript code (unit tests) imports.
export const SMOLVLM_FIXTURE_ID: string;
export function smolvlmFiles(): Record<string, Record<string, unknown>>;
export function writeSmolvlmFixture(outDir?: string): string;
