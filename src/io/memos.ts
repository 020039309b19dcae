/** Reads the memos of a study (see core/memo/memo.ts): every memo file under `memos/`. */
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MEMO_DIR, type Memo, type Memos, subjectOfFile } from '../core/memo/memo.js';
import { decodeStudyText } from './study-text.js';

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/** Every memo of the study, by file (an empty map when there is no `memos/` folder). */
export async function readMemos(root: string): Promise<Memos> {
  const base = path.join(root, MEMO_DIR);
  const files = [
    ...(await names(base)).map((n) => `${MEMO_DIR}/${n}`),
    ...(await Promise.all(['transcripts', 'codes', 'themes'].map(async (sub) => (await names(path.join(base, sub))).map((n) => `${MEMO_DIR}/${sub}/${n}`)))).flat(),
  ];
  const memos = new Map<string, Memo>();
  for (const file of files.sort()) {
    const subject = subjectOfFile(file);
    if (subject === null) continue;
    memos.set(file, { subject, file, text: decodeStudyText(await readFile(path.join(root, file))) });
  }
  return memos;
}
