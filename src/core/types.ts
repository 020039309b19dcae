/**
 * The study's vocabulary, shared by every module of `codage`.
 *
 * Offsets: inside the program every `start`/`end` is a UTF-16 code unit index into
 * `Transcript.text` (what JavaScript strings use). Coder files on disk store Unicode
 * code points instead; `core/text/offsets.ts` converts at the file boundary.
 * Ranges are half-open: [start, end).
 */

export type Language = 'fr' | 'en';

/** A message in both languages the tool speaks. */
export interface Localized {
  en: string;
  fr: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** One thing wrong (or worth saying) about a file of the study. */
export interface Problem {
  severity: Severity;
  /** Path relative to the study folder, with forward slashes. */
  file: string;
  /** 1-based line and column in that file, when known. */
  line?: number;
  column?: number;
  /** Stable machine-readable kind, e.g. `yaml-syntax`, `unknown-code`, `text-mismatch`. */
  kind: string;
  message: Localized;
  /** How to fix it. */
  hint?: Localized;
}

export interface Span {
  start: number;
  end: number;
}

export type AttributeValue = string | number | boolean | null;
export type Attributes = Record<string, AttributeValue>;

export type SpeakerRole = 'interviewer' | 'participant' | 'unknown';

/** A speaker turn: `P3 : blah blah` up to the next label. */
export interface Turn extends Span {
  /** The label as written (`P3`, `Interviewer`, `**Q**` → `Q`), or null for unlabelled text. */
  speaker: string | null;
  role: SpeakerRole;
  /** Where the spoken text starts (after the label and its colon and spaces). */
  textStart: number;
  /** Timestamp written before the label, e.g. `00:01:23`, if any. */
  time?: string;
}

export type AnnotationKind =
  | 'laughter'
  | 'silence'
  | 'inaudible'
  | 'hesitation'
  | 'nonverbal'
  | 'editorial';

/** `*rire*`, `(silence)`, `[inaudible]`: kept in the text, recognisable. */
export interface Annotation extends Span {
  kind: AnnotationKind;
}

/** A sentence, the default unit of coding and of agreement. */
export interface Sentence extends Span {
  /** Index of the turn it belongs to. */
  turn: number;
}

/** How the bytes of a transcript were read. */
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface Transcript {
  /** Participant id: front matter `id`, else the file name without extension. */
  id: string;
  /** Where the front matter writes `id` (1-based), when it does: the id's messages point there. */
  idPosition?: { line: number; column: number };
  /** Path relative to the study folder. */
  file: string;
  /** Body text after the front matter: BOM removed, LF line endings, Unicode NFC. Offsets refer to it. */
  text: string;
  /** 1-based line of the file on which `text` begins (after the front matter). */
  bodyLine: number;
  encoding: TextEncoding;
  /** Front matter attributes other than `id`. */
  attributes: Attributes;
  /** Where each front matter attribute's value is written in the file (1-based), when known. */
  attributePositions?: Record<string, { line: number; column: number }>;
  turns: Turn[];
  annotations: Annotation[];
}

export interface Participant {
  id: string;
  attributes: Attributes;
}

export type CodebookNodeKind = 'theme' | 'code';

export interface CodebookNode {
  kind: CodebookNodeKind;
  /** Stable id: codings refer to codes by id, so renaming never breaks them. */
  id: string;
  name: string;
  description?: string;
  definition?: string;
  include?: string;
  exclude?: string;
  example?: string;
  color?: string;
  /** Id of the enclosing theme, or null at top level / not yet grouped. */
  parent: string | null;
  /** Sub-themes then codes (themes only; empty for codes). */
  children: CodebookNode[];
  /** Where the node is written in codebook.yaml (1-based), when read from a file. */
  line?: number;
  column?: number;
}

export interface Codebook {
  /** Top-level themes, in file order. */
  themes: CodebookNode[];
  /** Codes outside any theme ("not yet grouped"), in file order. */
  ungrouped: CodebookNode[];
  /** Every node by id. */
  byId: Map<string, CodebookNode>;
}

/** A coded segment as stored in a coder file (offsets in code points). */
export interface Segment {
  id: string;
  participant: string;
  /** Code point offsets into the transcript text, half-open. */
  start: number;
  end: number;
  /** The exact transcript text of [start, end). */
  text: string;
  /** Code ids. */
  codes: string[];
  memo?: string;
  exemplary?: boolean;
  /**
   * Id shared by the segments one quote became (a quote compiled from several passages):
   * exports show them as one quote joined by `[…]`.
   */
  quote?: string;
  /** Placed among several equally good places (by an import): `check` lists it until the coder confirms it. */
  ambiguous?: boolean;
  /**
   * The coder confirmed this place (`codage confirm`) after an import marked it ambiguous: an
   * import that replaces the file and finds the quote again at this very place (same offsets,
   * same text, same text around it) keeps the confirmation instead of asking again. With
   * `ambiguous` too: a place confirmed once, to confirm again (`codage check --fix` found the
   * words around it changed since); an earlier codage reads it as ambiguous.
   */
  confirmed?: boolean;
  /** ISO 8601 time of the last change. */
  at?: string;
  /** Transcript text just before and after the segment when it was placed, to find it again after the transcript changes. */
  prefix?: string;
  suffix?: string;
  /** 1-based line in the coder file, when read from disk. */
  line?: number;
  /**
   * Keys this version of codage does not know, as read (a newer codage wrote them, or a script):
   * written back as they were, after the others, so that rewriting the file never drops them.
   */
  otherKeys?: Record<string, unknown>;
}

export interface CoderFile {
  /** The coder's id: the file's name (`codings/<coder>.yaml`), which commands take after `--coder`. */
  coder: string;
  /**
   * The coder's name as people write it, when it is not the id: `coder: Marie Dupont` in
   * codings/marie-dupont.yaml (a project from NVivo or MAXQDA names its users so). Written back as
   * `coder:`, and as the user's name in a REFI-QDA export.
   */
  name?: string;
  /** Memos on whole transcripts, by participant id. */
  memos: Record<string, string>;
  segments: Segment[];
}

export interface StudyConfig {
  title?: string;
  language?: Language;
  /** Label template for quotes: `{id}`, `participant {n}`, `{id}, {sexe}, {age} ans`. */
  quoteLabel?: string;
  /** Where `quote_label`'s value is written in codage.yaml (1-based), for messages about it. */
  quoteLabelAt?: { line: number; column: number };
  /** Interview order, by participant id. */
  order?: string[];
  /** Where each id of `order` is written in codage.yaml (1-based), for messages about it. */
  orderPositions?: { line: number; column: number }[];
  /** Default coder name. */
  coder?: string;
  /** Participant attribute linking the two sides of a pair (doctor–patient dyads). */
  pair?: string;
  /** Code suggestions in the coding screen, from the coder's own coding (default: on). */
  suggestions?: boolean;
}
