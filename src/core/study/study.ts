import type { KeptEntries } from '../codings/serialize.js';
import type { Codebook, CoderFile, Participant, Problem, StudyConfig, Transcript } from '../types.js';
import type { InterviewPlace } from './interview-order.js';

/** One coder's file as read from `codings/<coder>.yaml`. */
export interface CoderEntry {
  coder: string;
  /** Path relative to the study folder. */
  file: string;
  coderFile: CoderFile;
  /** Entries codage could not read as segments, and unknown keys: written back untouched. */
  kept: KeptEntries;
  /** False when the file was not fully understood: it must not be rewritten before it is fixed. */
  rewritable: boolean;
}

/** Everything a study folder holds, read and checked, with nothing yet re-anchored. */
export interface Study {
  root: string;
  config: StudyConfig;
  /** In interview order. */
  transcripts: Transcript[];
  /** The same order explained: each interview's date and what decided its place. */
  interviewOrder: InterviewPlace[];
  transcriptById: Map<string, Transcript>;
  /** Participants' attributes: participants.csv merged with the transcripts' front matter. */
  participants: Map<string, Participant>;
  /** The columns of participants.csv after `id`, in their order, when the study has that file. */
  participantColumns?: string[];
  codebook: Codebook;
  /** The text of codebook.yaml, or null when the study has none yet. */
  codebookSource: string | null;
  coders: CoderEntry[];
  problems: Problem[];
}

export const STUDY_FILES = {
  config: 'codage.yaml',
  participants: 'participants.csv',
  codebook: 'codebook.yaml',
  transcripts: 'transcripts',
  codings: 'codings',
  internal: '.codage',
} as const;

export function coderFilePath(coder: string): string {
  return `${STUDY_FILES.codings}/${coder}.yaml`;
}

/** A coder name is a file name: letters, digits, `.`, `_`, `-`. */
export function isValidCoderName(name: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u.test(name);
}
