/**
 * An interactive screen, from the bundle `npm run build` makes (dist/bundle/<name>.js: Ink, React
 * and the screen in one file, loaded in a fraction of the time Ink's many modules take), else
 * from the compiled modules (a checkout without a bundle, the component tests).
 */
export async function loadScreen<T>(name: 'run' | 'reconcile' | 'themes' | 'split', compiled: () => Promise<T>): Promise<T> {
  // React's production build is 20–30 % faster per keypress; it is chosen when React is first loaded.
  process.env.NODE_ENV ??= 'production';
  const bundle = new URL(`../../bundle/${name}.js`, import.meta.url);
  try {
    return (await import(bundle.href)) as T;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(`bundle/${name}.js`);
    if (!missing) throw error;
    return compiled();
  }
}
