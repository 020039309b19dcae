// `npm run build`, second step: bundles the coding screen with rolldown (see rolldown.config.mjs),
// printing nothing unless something goes wrong.
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

const { output, ...input } = config;
await build({ ...input, output, logLevel: 'warn' });
