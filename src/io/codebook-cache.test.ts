import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCodebook } from '../core/codebook/parse.js';
import { parseCodebookCached } from './codebook-cache.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

function study(): string {
  const root = mkdtempSync(join(tmpdir(), 'codage-codebook-cache-'));
  dirs.push(root);
  return root;
}

// Each test reads its own text: a text read once in the process is remembered (parseCodebook).
let tests = 0;
let SOURCE = '';
beforeEach(() => {
  SOURCE = `themes:\n  - name: Vécu\n    codes:\n      - name: Impuissance\n      - name: Épuisement\ncodes:\n  - name: Délais\n# ${++tests}\n`;
});
const cachePath = (root: string) => join(root, '.codage/cache/codebook.json');

describe('parseCodebookCached', () => {
  it('reads the YAML once, then the cache; a changed codebook is read again', () => {
    const root = study();
    const first = parseCodebookCached(root, SOURCE, 'codebook.yaml', true);
    expect(first).toEqual(parseCodebook(SOURCE, 'codebook.yaml'));
    // The cache is what the next run reads: a name changed in it (and only there) shows.
    const cache = JSON.parse(readFileSync(cachePath(root), 'utf8'));
    cache.parse.nodes[0].name = 'from the cache';
    writeFileSync(cachePath(root), JSON.stringify(cache));
    expect(parseCodebookCached(root, SOURCE, 'codebook.yaml', true).codebook.themes[0]!.name).toBe('from the cache');
    // Another text: the YAML is read, and the cache made anew.
    const changed = SOURCE.replace('Vécu', 'Vécu du médecin');
    expect(parseCodebookCached(root, changed, 'codebook.yaml', true).codebook.themes[0]!.name).toBe('Vécu du médecin');
    expect(JSON.parse(readFileSync(cachePath(root), 'utf8')).parse.nodes[0].name).toBe('Vécu du médecin');
  });

  it('never trusts an entry made by other rules, or a damaged file', () => {
    const root = study();
    parseCodebookCached(root, SOURCE, 'codebook.yaml', true);
    const cache = JSON.parse(readFileSync(cachePath(root), 'utf8'));
    cache.parse.nodes[0].name = 'stale';
    writeFileSync(cachePath(root), JSON.stringify({ ...cache, rules: 'an earlier codage' }));
    expect(parseCodebookCached(root, SOURCE, 'codebook.yaml', true).codebook.themes[0]!.name).toBe('Vécu');
    writeFileSync(cachePath(root), '{"rules": "x", "par');
    expect(parseCodebookCached(root, SOURCE, 'codebook.yaml', true).codebook.themes[0]!.name).toBe('Vécu');
    writeFileSync(cachePath(root), JSON.stringify({ ...cache, parse: { nodes: 'no' } }));
    expect(parseCodebookCached(root, SOURCE, 'codebook.yaml', true)).toEqual(parseCodebook(SOURCE, 'codebook.yaml'));
  });

  it('writes nothing unless asked to keep what it read (a --dry-run)', () => {
    const root = study();
    expect(parseCodebookCached(root, SOURCE, 'codebook.yaml', false)).toEqual(parseCodebook(SOURCE, 'codebook.yaml'));
    expect(existsSync(join(root, '.codage'))).toBe(false);
  });

  it('reads a study it may not write to', () => {
    const root = study();
    chmodSync(root, 0o555);
    expect(parseCodebookCached(root, SOURCE, 'codebook.yaml', true)).toEqual(parseCodebook(SOURCE, 'codebook.yaml'));
  });
});
