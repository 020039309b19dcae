import { mkdir } from 'node:fs/promises';

/** Creates a folder (and its parents); true when it did not exist before. */
export async function ensureDir(path: string): Promise<boolean> {
  return (await mkdir(path, { recursive: true })) !== undefined;
}
