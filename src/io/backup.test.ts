import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupOnce, backupStamp, listBackups, pruneBackups } from './backup.js';

let dir: string;
let backups: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codage-backup-'));
  backups = path.join(dir, '.codage', 'backups');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backupStamp', () => {
  it('is the UTC time without colons or milliseconds', () => {
    expect(backupStamp(new Date('2026-11-02T14:03:11.456Z'))).toBe('2026-11-02T14-03-11Z');
  });

  it('sorts in time order', () => {
    const a = backupStamp(new Date('2026-01-02T09:59:59Z'));
    const b = backupStamp(new Date('2026-01-02T10:00:00Z'));
    expect(a < b).toBe(true);
  });
});

describe('backupOnce', () => {
  it('copies the current file once per process, then does nothing', async () => {
    const file = path.join(dir, 'marie.yaml');
    fs.writeFileSync(file, 'session start');
    const first = await backupOnce(file, backups, '2026-11-02T14-03-11Z');
    expect(first).toBe(path.join(backups, 'marie.yaml.2026-11-02T14-03-11Z'));
    expect(fs.readFileSync(first!, 'utf8')).toBe('session start');
    fs.writeFileSync(file, 'later in the session');
    expect(await backupOnce(file, backups, '2026-11-02T14-09-00Z')).toBeNull();
    expect(fs.readdirSync(backups)).toEqual(['marie.yaml.2026-11-02T14-03-11Z']);
  });

  it('returns null when the file does not exist yet', async () => {
    const file = path.join(dir, 'paul.yaml');
    expect(await backupOnce(file, backups, '2026-11-02T14-03-11Z')).toBeNull();
    expect(fs.readdirSync(backups)).toEqual([]);
  });

  it('keeps only the newest `keep` backups of that file, and leaves others alone', async () => {
    fs.mkdirSync(backups, { recursive: true });
    for (let day = 1; day <= 5; day++) {
      fs.writeFileSync(path.join(backups, `codebook.yaml.2026-03-0${day}T10-00-00Z`), `day ${day}`);
    }
    fs.writeFileSync(path.join(backups, 'codebook.yaml.bak'), 'previous write');
    fs.writeFileSync(path.join(backups, 'paul.yaml.2026-01-01T00-00-00Z'), 'paul');
    const file = path.join(dir, 'codebook.yaml');
    fs.writeFileSync(file, 'now');
    await backupOnce(file, backups, '2026-03-06T10-00-00Z', 3);
    expect(fs.readdirSync(backups).sort()).toEqual([
      'codebook.yaml.2026-03-04T10-00-00Z',
      'codebook.yaml.2026-03-05T10-00-00Z',
      'codebook.yaml.2026-03-06T10-00-00Z',
      'codebook.yaml.bak',
      'paul.yaml.2026-01-01T00-00-00Z',
    ]);
    expect(fs.readFileSync(path.join(backups, 'codebook.yaml.2026-03-06T10-00-00Z'), 'utf8')).toBe('now');
  });

  it('refuses a stamp that could be mistaken for another file', () => {
    const file = path.join(dir, 'x.yaml');
    expect(() => backupOnce(file, backups, 'bak')).toThrow(RangeError);
    expect(() => backupOnce(file, backups, '2026-11-02T14:03:11Z')).toThrow(RangeError);
    expect(() => backupOnce(file, backups, '2026', 0)).toThrow(RangeError);
  });
});

describe('listBackups and pruneBackups', () => {
  it('lists oldest first and ignores other files', async () => {
    fs.mkdirSync(backups, { recursive: true });
    for (const name of ['m.yaml.2026-02-01T00-00-00Z', 'm.yaml.2025-12-31T23-59-59Z', 'm.yaml.bak', 'm.yaml.lock', '.m.yaml.1.ab.tmp']) {
      fs.writeFileSync(path.join(backups, name), '');
    }
    expect(await listBackups(backups, 'm.yaml')).toEqual(['m.yaml.2025-12-31T23-59-59Z', 'm.yaml.2026-02-01T00-00-00Z']);
    await pruneBackups(backups, 'm.yaml', 1);
    expect(await listBackups(backups, 'm.yaml')).toEqual(['m.yaml.2026-02-01T00-00-00Z']);
    expect(await listBackups(path.join(dir, 'none'), 'm.yaml')).toEqual([]);
  });
});
