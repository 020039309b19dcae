/**
 * The user's computer says no: a folder they may not write, a read-only disk, a full disk, a file
 * size limit, a quota. Each is produced for real where this machine allows it (another user for
 * permissions; a private mount namespace for a read-only disk and a full tmpfs; `ulimit -f` for the
 * size limit), else through the write path's test hook. codage must exit 1 saying what failed,
 * where, and that nothing was changed — and nothing must have changed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, CLI, copyStudy, runCli, smallSheet, snapshot, tempDir, type CliResult } from './helpers.js';

afterAll(cleanTemps);

const SHEET = smallSheet();
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', NO_COLOR: '1', TZ: 'UTC' };

/** Whether this machine lets an ordinary process make a private mount namespace (unshare -rm). */
const canUnshare = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs /tmp'], { encoding: 'utf8' }).status === 0;
const isRoot = process.getuid?.() === 0;

/** Runs codage through a shell script (`$CODAGE` stands for the command), e.g. after `ulimit -f` or a mount. */
function runInShell(script: string, options: { unshare?: boolean } = {}): CliResult {
  const codage = `"${process.execPath}" "${CLI}"`;
  const full = script.replaceAll('$CODAGE', codage);
  const args = options.unshare ? ['unshare', '-rm', 'sh', '-c', full] : ['sh', '-c', full];
  const result = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', env: ENV });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The folders from the system's temporary folder down to `dir` made traversable by another user
 * (the commands below run as `nobody` when the tests run as root). The temporary folder itself is
 * never touched: it is the machine's (world-writable, sticky), not the test's.
 */
function openPathTo(dir: string): void {
  const top = realpathSync(tmpdir());
  for (let d = realpathSync(dir); d !== top && d.startsWith(`${top}${sep}`); d = dirname(d)) chmodSync(d, 0o755);
}

describe('a folder the user may not write (EACCES)', () => {
  it.skipIf(process.platform === 'win32')('import-codings exits 1, names the file and says nothing was changed', () => {
    const dir = copyStudy();
    // The study folder open to everyone, its codings/ folder writable by nobody.
    openPathTo(dir);
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'codings'), 0o555);
    chmodSync(dirname(SHEET), 0o755);
    const before = snapshot(dir);
    // root may write anywhere: run as another user then.
    const result = spawnSync(process.execPath, [CLI, 'import-codings', SHEET, '--coder', 'marie', '--append', '--study', dir], {
      encoding: 'utf8',
      env: ENV,
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(join(dir, 'codings'), 0o755);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'erreur\u00a0: Impossible de verrouiller codings/marie.yaml pour l’écrire\u00a0: permission refusée (EACCES). Rien n’a été modifié.\n' +
        '  à faire\u00a0: vérifiez que vous avez le droit d’écrire dans codings/\u00a0: le dossier ou le fichier est peut-être en lecture seule, ou appartient à un autre utilisateur\n',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it.skipIf(process.platform === 'win32')('segments -o into a read-only folder says the file was not written', () => {
    const dir = copyStudy();
    const out = tempDir();
    openPathTo(out);
    openPathTo(dir);
    chmodSync(out, 0o555);
    const result = spawnSync(process.execPath, [CLI, 'segments', '--study', dir, '-o', join(out, 'segments.csv'), '--lang', 'en'], {
      encoding: 'utf8',
      env: ENV,
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(out, 0o755);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: Could not write .*segments\.csv: permission denied \(EACCES\)\. The file was not written \(an older version, if any, is intact\)\.\n/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a read-only disk (EROFS)', () => {
  it.skipIf(!canUnshare)('import-codings exits 1, in the study’s language, and the study is as it was', () => {
    const dir = copyStudy();
    const before = snapshot(dir);
    const r = runInShell(`mount --bind "${dir}" "${dir}" && mount -o remount,ro,bind "${dir}" && exec $CODAGE import-codings "${SHEET}" --coder nouveau --study "${dir}"`, {
      unshare: true,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Impossible de verrouiller codebook.yaml pour l’écrire\u00a0: le disque est en lecture seule (EROFS). Rien n’a été modifié.');
    expect(snapshot(dir)).toEqual(before);
    // Reading still works on a read-only disk.
    const check = runInShell(`mount --bind "${dir}" "${dir}" && mount -o remount,ro,bind "${dir}" && exec $CODAGE check --study "${dir}"`, { unshare: true });
    expect(check.code).toBe(0);
  });
});

describe('a full disk (ENOSPC)', () => {
  it.skipIf(!canUnshare)('import-codings exits 1 and the study is as it was (a real full tmpfs)', () => {
    const dir = copyStudy();
    const mount = tempDir();
    // In a private namespace: a 1 MB tmpfs holding the study, then filled up; hashes before and after.
    const hashes = `(cd "${mount}/study" && find . -type f ! -path './.codage/*' | sort | xargs sha256sum)`;
    const script = [
      `mount -t tmpfs -o size=1m tmpfs "${mount}"`,
      `cp -r "${dir}" "${mount}/study"`,
      `${hashes} > "${mount}/before"`,
      `dd if=/dev/zero of="${mount}/fill" bs=4k 2>/dev/null; true`,
      `$CODAGE import-codings "${SHEET}" --coder marie --append --study "${mount}/study" --lang en; echo "exit $?"`,
      `rm "${mount}/fill"; ${hashes} > "${mount}/after"`,
      `diff "${mount}/before" "${mount}/after" && echo unchanged`,
    ].join(' && ');
    const r = runInShell(script, { unshare: true });
    expect(r.stdout).toContain('exit 1');
    expect(r.stderr).toMatch(/Could not (write|lock) [^:]+: the disk is full \(ENOSPC\)\. Nothing was changed\./);
    expect(r.stderr).toContain('free some space on this disk, then run the command again');
    expect(r.stdout).toContain('unchanged');
  });

  it('import-codings exits 1 and the study is as it was (the failure injected at the second temporary file)', () => {
    const dir = copyStudy();
    const before = snapshot(dir);
    const r = runCli(['import-codings', SHEET, '--coder', 'marie', '--append', '--study', dir, '--lang', 'en'], { env: { CODAGE_TEST_FAIL_AT: 'temp-write#2:ENOSPC' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Could not write codings/marie.yaml: the disk is full (ENOSPC). Nothing was changed.');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a file size limit (EFBIG)', () => {
  it.skipIf(process.platform === 'win32')('import-codings exits 1 under ulimit -f, and the study is as it was', () => {
    const dir = copyStudy();
    const before = snapshot(dir);
    // 50 blocks of 512 bytes: the codebook fits, the coder file (about 100 KB) does not.
    const r = runInShell(`ulimit -f 50 && exec $CODAGE import-codings "${SHEET}" --coder marie --append --study "${dir}" --lang en`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Could not write codings/marie.yaml: the file would be larger than the file size limit allows (EFBIG). Nothing was changed.');
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(join(dir, 'codings/marie.yaml')).size).toBeGreaterThan(25_600);
  });
});

describe('a disk quota (EDQUOT)', () => {
  it('check --fix exits 1 and no coder file is saved', () => {
    const dir = copyStudy();
    const transcript = join(dir, 'transcripts/MG1.txt');
    spawnSync('sed', ['-i', "s/Bonjour, et merci d'avoir accepté/Bonjour, et merci beaucoup d'avoir accepté/", transcript]);
    const before = snapshot(dir);
    const r = runCli(['check', '--fix', '--study', dir], { env: { CODAGE_TEST_FAIL_AT: 'rename#2:EDQUOT' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('votre quota disque est atteint (EDQUOT). Rien n’a été modifié.');
    expect(snapshot(dir)).toEqual(before);
  });
});
