/**
 * Renames a participant id in every file of the study that holds it (see
 * core/study/participant-rename.ts for where that is), as one change of the study (`changeStudy`):
 * every file locked, read, planned, then written all or nothing, each previous version kept in
 * `.codage/backups/`. A transcript or memo renamed is created under its new name and removed
 * under its old one in that same change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coderFileHeaderLanguage } from '../core/codings/serialize.js';
import { ParticipantRenameError, planParticipantRename, renamedTranscriptFile, type RenamedFile, transcriptMemoFile } from '../core/study/participant-rename.js';
import { coderFilePath, STUDY_FILES } from '../core/study/study.js';
import type { Language, Localized } from '../core/types.js';
import { decisionLogOf, keepReconcileState, reconcileStateAsWritten, type ReconcileState } from './reconcile-state.js';
import { changeStudy } from './study-change.js';

export interface ParticipantRenameRequest {
  root: string;
  from: string;
  to: string;
  /** The transcript of `from`, relative to the study (`transcripts/MG3.txt`). */
  transcriptFile: string;
  /** The study's coders (`codings/<coder>.yaml`). */
  coders: readonly string[];
  /** The command as typed, for the locks. */
  command: string;
  dryRun?: boolean;
  language?: Language;
  onNotice?: (notice: Localized) => void;
}

/** The beginning of a file as text ('' when it cannot be read): enough for a coder file's header. */
function firstBytes(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(512);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether two paths name one file (a case-insensitive file system). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

function exists(root: string, file: string): boolean {
  try {
    fs.lstatSync(path.join(root, file));
    return true;
  } catch {
    return false;
  }
}

/** The `.codage/state/*.json` files of the study. */
function readingStateFiles(root: string): string[] {
  try {
    return fs
      .readdirSync(path.join(root, STUDY_FILES.internal, 'state'))
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .sort()
      .map((name) => `${STUDY_FILES.internal}/state/${name}`);
  } catch {
    return [];
  }
}

/** Every file the rename may change: read under its lock, written only when it names the id. */
function filesOfRename(request: ParticipantRenameRequest): { files: string[]; logs: string[]; states: string[]; memo: boolean } {
  const { root, from, to } = request;
  const renamedTo = renamedTranscriptFile(request.transcriptFile, from, to);
  const logs = [...new Set(request.coders.map((coder) => decisionLogOf(root, coder)))].filter((file) => exists(root, file)).sort();
  const states = readingStateFiles(root);
  const memo = transcriptMemoFile(from) !== transcriptMemoFile(to) && exists(root, transcriptMemoFile(from));
  const files = [
    request.transcriptFile,
    ...(renamedTo === null ? [] : [renamedTo]),
    STUDY_FILES.participants,
    STUDY_FILES.config,
    ...request.coders.map(coderFilePath),
    ...logs,
    // Only when there is a memo: a lock would make the folder.
    ...(memo ? [transcriptMemoFile(from), transcriptMemoFile(to)] : []),
    ...states,
  ];
  return { files, logs, states, memo };
}

/**
 * Renames `from` into `to` (or, with `dryRun`, says what it would change, writing nothing). Returns
 * every file changed. Throws what refuses the rename (nothing written): a file codage cannot read
 * whole, `to` already used somewhere, a file locked by another codage.
 */
export function renameParticipant(request: ParticipantRenameRequest): RenamedFile[] {
  const { root, from, to } = request;
  const { files, logs, states, memo: hasMemo } = filesOfRename(request);
  const renamedTo = renamedTranscriptFile(request.transcriptFile, from, to);
  if (renamedTo !== null && renamedTo !== request.transcriptFile && sameFile(path.join(root, renamedTo), path.join(root, request.transcriptFile))) {
    // `mg3` → `MG3` where names differing only in case are one file (Windows, macOS).
    throw new ParticipantRenameError(
      { en: `on this disk, ${renamedTo} and ${request.transcriptFile} are the same file: a change of case alone cannot rename it`, fr: `sur ce disque, ${renamedTo} et ${request.transcriptFile} sont le même fichier\u00a0: un simple changement de casse ne peut pas le renommer` },
      {
        en: `rename in two steps: codage participant rename ${from} ${from}-tmp, then codage participant rename ${from}-tmp ${to}. Nothing was changed.`,
        fr: `renommer en deux fois\u00a0: codage participant rename ${from} ${from}-tmp, puis codage participant rename ${from}-tmp ${to}. Rien n’a été modifié.`,
      },
      request.transcriptFile,
    );
  }
  const headers = new Map<string, Language>();
  for (const coder of request.coders) {
    const language = coderFileHeaderLanguage(firstBytes(path.join(root, coderFilePath(coder))));
    if (language !== null) headers.set(coder, language);
  }
  // A consensus as reconcile wrote it stays reconcile's own once only the id changed in it.
  const asWritten = new Map<string, ReconcileState>();
  for (const coder of request.coders) {
    const state = reconcileStateAsWritten(root, coder);
    if (state !== null) asWritten.set(coder, state);
  }
  const planned = changeStudy(
    root,
    {
      command: request.command,
      files,
      ...(request.dryRun ? { dryRun: true } : {}),
      ...(request.language ? { language: request.language } : {}),
      ...(request.onNotice ? { onNotice: request.onNotice } : {}),
    },
    (change) => {
      const transcript = change.bytes(request.transcriptFile);
      if (transcript === null) throw new Error(`renameParticipant: ${request.transcriptFile} is gone`);
      const read = (file: string) => {
        const bytes = change.bytes(file);
        return bytes === null ? null : { file, bytes };
      };
      const memoFrom = transcriptMemoFile(from);
      const memoTo = transcriptMemoFile(to);
      const memo = hasMemo ? change.bytes(memoFrom) : null;
      const memoTaken = hasMemo && change.bytes(memoTo) !== null;
      const plan = planParticipantRename({
        from,
        to,
        transcript: { file: request.transcriptFile, bytes: transcript },
        participants: read(STUDY_FILES.participants),
        config: read(STUDY_FILES.config),
        // A coder file codage cannot read whole is refused: it may code the participant.
        coders: request.coders.flatMap((coder) => {
          const entry = change.coder(coder);
          return entry === null ? [] : [{ coder, file: entry.file, coderFile: entry.coderFile, kept: entry.kept }];
        }),
        logs: logs.flatMap((file) => read(file) ?? []),
        memo: memo === null ? null : { file: memoFrom },
        memoTaken,
        readingStates: states.flatMap((file) => {
          const bytes = change.bytes(file);
          return bytes === null ? [] : [{ file, text: new TextDecoder().decode(bytes) }];
        }),
      });
      for (const file of plan) {
        switch (file.kind) {
          case 'transcript':
            if (file.renamedTo !== null) {
              change.createFile(file.renamedTo, file.bytes ?? transcript);
              change.removeFile(file.file);
            } else if (file.bytes !== null) change.writeBytes(file.file, file.bytes);
            break;
          case 'memo':
            change.createFile(file.renamedTo, memo as Uint8Array);
            change.removeFile(file.file);
            break;
          case 'coder': {
            // Its header comment stays in the language it is written in: only the id changes.
            const language = headers.get(file.coder);
            change.writeCoder({ coder: file.coder, coderFile: file.coderFile, kept: file.kept, ...(language ? { language } : {}) });
            break;
          }
          case 'reading':
            change.writeBytes(file.file, new TextEncoder().encode(file.text));
            break;
          default:
            change.writeBytes(file.file, file.bytes);
        }
      }
      return plan;
    },
  );
  if (!request.dryRun) {
    for (const file of planned) {
      const state = file.kind === 'coder' ? asWritten.get(file.coder) : undefined;
      if (state !== undefined && file.kind === 'coder') keepReconcileState(root, file.coder, state);
    }
  }
  return planned;
}
