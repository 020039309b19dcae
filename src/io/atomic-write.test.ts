import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPathFor, READ_ONLY_FILE, tempPathFor, TEMP_FILE, writeFileAtomic, writeFileAtomicSync, writeTemp, writeTempUnsynced } from './atomic-write.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codage-atomic-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Files in `dir` other than the expected ones: leftover temporary files. */
function leftovers(folder: string, expected: string[]): string[] {
  return fs.readdirSync(folder).filter((name) => !expected.includes(name));
}

const variants = [
  ['writeFileAtomic', (file: string, data: string | Uint8Array, backupDir?: string) => writeFileAtomic(file, data, { backupDir })],
  [
    'writeFileAtomicSync',
    async (file: string, data: string | Uint8Array, backupDir?: string) => writeFileAtomicSync(file, data, { backupDir }),
  ],
] as const;

describe.each(variants)('%s', (_name, write) => {
  it('creates a new file with the content, and no backup when there was nothing before', async () => {
    const file = path.join(dir, 'marie.yaml');
    const backups = path.join(dir, '.codage', 'backups');
    await write(file, 'version: 1\ncoder: marie\n', backups);
    expect(fs.readFileSync(file, 'utf8')).toBe('version: 1\ncoder: marie\n');
    expect(fs.existsSync(backups)).toBe(false);
    expect(leftovers(dir, ['marie.yaml'])).toEqual([]);
  });

  it('replaces the content and keeps the previous version as <name>.bak', async () => {
    const file = path.join(dir, 'marie.yaml');
    const backups = path.join(dir, '.codage', 'backups');
    fs.writeFileSync(file, 'old « é »\n');
    await write(file, 'new « é »\n', backups);
    expect(fs.readFileSync(file, 'utf8')).toBe('new « é »\n');
    expect(fs.readFileSync(backupPathFor(file, backups), 'utf8')).toBe('old « é »\n');
    await write(file, 'newer\n', backups);
    expect(fs.readFileSync(file, 'utf8')).toBe('newer\n');
    expect(fs.readFileSync(path.join(backups, 'marie.yaml.bak'), 'utf8')).toBe('new « é »\n');
    expect(leftovers(dir, ['marie.yaml', '.codage'])).toEqual([]);
    expect(fs.readdirSync(backups)).toEqual(['marie.yaml.bak']);
  });

  it('leaves no stray file when the backup already is a hard link of the target (crash before rename)', async () => {
    const file = path.join(dir, 'marie.yaml');
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    fs.writeFileSync(file, 'old');
    fs.linkSync(file, path.join(backups, 'marie.yaml.bak'));
    await write(file, 'new', backups);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(backups)).toEqual(['marie.yaml.bak']);
    expect(fs.readFileSync(path.join(backups, 'marie.yaml.bak'), 'utf8')).toBe('old');
  });

  it('writes bytes as given', async () => {
    const file = path.join(dir, 'data.bin');
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x00, 0xff]);
    await write(file, bytes);
    expect(Uint8Array.from(fs.readFileSync(file))).toEqual(bytes);
  });

  it.skipIf(process.platform === 'win32')('keeps the permissions of the original file', async () => {
    const file = path.join(dir, 'marie.yaml');
    fs.writeFileSync(file, 'old');
    // 0o660 would lose its group write bit to a 022 umask if only open() set the mode.
    fs.chmodSync(file, 0o660);
    await write(file, 'new');
    expect(fs.statSync(file).mode & 0o777).toBe(0o660);
    fs.chmodSync(file, 0o600);
    await write(file, 'newer');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('replaces the file a symbolic link points to, and keeps the link', async () => {
    const real = path.join(dir, 'real.yaml');
    const link = path.join(dir, 'link.yaml');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    await write(link, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
  });

  it('removes the temporary file and leaves the target untouched when the rename fails', async () => {
    // The target is a non-empty folder: rename(file → folder) fails after the temp file is written.
    const target = path.join(dir, 'codings');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'x');
    await expect(write(target, 'data')).rejects.toThrow();
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('x');
    expect(leftovers(dir, ['codings'])).toEqual([]);
  });

  it('removes the temporary file when the backup cannot be made, and keeps the old content', async () => {
    const file = path.join(dir, 'marie.yaml');
    fs.writeFileSync(file, 'old');
    // The backup folder is a file: mkdir fails.
    const backups = path.join(dir, 'backups');
    fs.writeFileSync(backups, 'not a folder');
    await expect(write(file, 'new', backups)).rejects.toThrow();
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(leftovers(dir, ['marie.yaml', 'backups'])).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('never replaces a file nobody may write (chmod 0444), even as root', async () => {
    const file = path.join(dir, 'marie.yaml');
    const backups = path.join(dir, 'backups');
    fs.writeFileSync(file, 'protected');
    fs.chmodSync(file, 0o444);
    await expect(write(file, 'new', backups)).rejects.toMatchObject({ code: READ_ONLY_FILE, path: file });
    expect(fs.readFileSync(file, 'utf8')).toBe('protected');
    expect(leftovers(dir, ['marie.yaml'])).toEqual([]);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    const file = path.join(dir, 'missing', 'marie.yaml');
    await expect(write(file, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('writeTemp', () => {
  it('writes text, bytes, or bytes in pieces one after the other', () => {
    const target = path.join(dir, 'coder.yaml');
    const pieces = [Buffer.from('segments:\n'), new Uint8Array(0), Buffer.from('  - {"text": "« é »"}\n'), Buffer.from('x'.repeat(70_000))];
    const expected = Buffer.concat(pieces);
    for (const write of [writeTemp, writeTempUnsynced]) {
      for (const data of [pieces, expected, expected.toString('utf8')]) {
        const temp = write(target, data, null);
        expect(fs.readFileSync(temp).equals(expected)).toBe(true);
        fs.rmSync(temp);
      }
    }
    expect(leftovers(dir, [])).toEqual([]);
  });
});

describe('tempPathFor', () => {
  it('names a hidden file in the same folder with the pid', () => {
    const temp = tempPathFor(path.join('study', 'codings', 'marie.yaml'));
    expect(path.dirname(temp)).toBe(path.join('study', 'codings'));
    expect(path.basename(temp)).toMatch(new RegExp(`^\\.marie\\.yaml\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(tempPathFor('a.yaml')).not.toBe(tempPathFor('a.yaml'));
    expect(TEMP_FILE.exec(path.basename(temp))?.slice(1)).toEqual(['marie.yaml', String(process.pid)]);
  });
});
