// `node --import ./test/support/trace-imports.mjs …`: writes every module the program loads (one
// URL per line) to the file named by CODAGE_TRACE_IMPORTS. Used by test/startup.test.ts to check
// that a command loads only what it needs.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file: process.env.CODAGE_TRACE_IMPORTS } });
