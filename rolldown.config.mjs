// Bundles the coding screen (dist/src/tui/run.js with Ink, React and their dependencies) into
// dist/bundle/run.js, the reconciliation screen into dist/bundle/reconcile.js, the themes screen
// into dist/bundle/themes.js, the split screen (codage codebook split) into dist/bundle/split.js.
// Node 20 loads
// Ink's ~300 small modules in about 550 ms; one file loads in about 125 ms, which is what lets
// `codage code` open a transcript in under half a second. Batch commands never load it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const inkOutput = join(dirname(createRequire(import.meta.url).resolve('ink')), 'output.js');

export default {
  // The coding, reconciliation, themes and split screens; what they share goes into common chunks.
  input: {
    run: join(root, 'dist/src/tui/run.js'),
    reconcile: join(root, 'dist/src/tui/reconcile/run.js'),
    themes: join(root, 'dist/src/tui/themes/run.js'),
    split: join(root, 'dist/src/tui/split/run.js'),
  },
  platform: 'node',
  // Loaded by Ink only when DEV=true (React DevTools); not a dependency of codage.
  external: ['react-devtools-core'],
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  plugins: [
    {
      // Yoga's WebAssembly loader (emscripten) calls `fetch` on its own data: URL whenever a global
      // fetch exists, as in Node ≥ 18: that loads Node's HTTP client (~55 ms of the coding screen's
      // opening) for nothing. Shown no fetch, it decodes the same bytes itself. The screens never
      // fetch anything (bundle.test.ts checks no call is left).
      name: 'codage-yoga-without-fetch',
      transform(code, id) {
        if (!/[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/.test(id)) return null;
        const patched = code.replaceAll('"function"!=typeof fetch', '"function"!=typeof undefined');
        if (patched === code) throw new Error('codage-yoga-without-fetch: yoga-layout no longer tests `typeof fetch`: check its loader');
        return { code: patched, map: null };
      },
    },
    {
      // Ink, wrap-ansi, widest-line and cli-truncate measure text with string-width (two versions):
      // they get codage's measure instead, string-width 8 with a fast path for Latin text
      // (src/tui/ink-string-width.ts), so that the screens lay out and Ink draws with one measure.
      name: 'codage-string-width',
      resolveId(source, importer) {
        if (source !== 'string-width' || !importer || !/[\\/]node_modules[\\/]/.test(importer)) return null;
        return join(root, 'dist/src/tui/ink-string-width.js');
      },
    },
    {
      name: 'codage-ink-output',
      resolveId(source, importer) {
        if (source === 'ink/build/output.js') return inkOutput;
        if (source === './ink-output.js' && importer && importer.endsWith(join('dist', 'src', 'tui', 'ink-row-cache.js'))) {
          return join(root, 'bundle/ink-output.js');
        }
        return null;
      },
    },
  ],
  output: { dir: join(root, 'dist/bundle'), format: 'esm', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
};
