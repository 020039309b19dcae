/**
 * Opening the researcher's own text editor on a draft ($VISUAL, else $EDITOR, else vi — notepad on
 * Windows), as git does for a commit message. The draft is kept in the study's `.codage/drafts/`
 * (never in the system's temporary folder: memos may hold health data) until it is saved.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STUDY_FILES } from '../core/study/study.js';
import { decodeStudyText } from './study-text.js';

export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = (env.VISUAL ?? '').trim() || (env.EDITOR ?? '').trim();
  return chosen || (process.platform === 'win32' ? 'notepad' : 'vi');
}

function shellQuote(file: string): string {
  return process.platform === 'win32' ? `"${file}"` : `'${file.replace(/'/g, `'\\''`)}'`;
}

export interface Drafted {
  /** The text as the editor left it (LF, NFC). */
  text: string;
  /** Where the draft is, relative to the study folder (removed by `discardDraft` once saved). */
  draft: string;
}

/**
 * Writes `initial` to a draft, opens the editor on it and waits for it to close; returns the text.
 * Throws when the editor cannot be started or fails (the draft is kept, and named).
 */
export function editDraft(root: string, name: string, initial: string): Drafted {
  const dir = path.join(root, STUDY_FILES.internal, 'drafts');
  fs.mkdirSync(dir, { recursive: true });
  const draft = `${STUDY_FILES.internal}/drafts/${name}`;
  const abs = path.join(root, draft);
  fs.writeFileSync(abs, initial);
  const editor = editorCommand();
  const result = spawnSync(`${editor} ${shellQuote(abs)}`, { shell: true, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw Object.assign(new Error(`the editor (${editor}) failed: ${why}`), { draft, editor });
  }
  return { text: decodeStudyText(fs.readFileSync(abs)), draft };
}

export function discardDraft(root: string, draft: string): void {
  fs.rmSync(path.join(root, draft), { force: true });
}
