/**
 * REFI-QDA projects written by hand in the shapes NVivo, MAXQDA, ATLAS.ti and QualCoder export,
 * each with the quirks of that tool, to test the import against what the world sends.
 * The expected quotes are the texts a researcher selected; the positions are computed here the
 * way each tool counts them (not the way codage does).
 */
import { zipSync } from 'fflate';

/** The interview, as the researcher typed it (LF). Accents, guillemets, emoji. */
export const INTERVIEW = [
  'Enquêtrice : Comment vivez-vous ces consultations ?',
  "P1 : Franchement, je me sens démuni 😔 face à eux. Le centre antidouleur, c'est huit mois d'attente !",
  "Enquêtrice : Et l'entourage ?",
  'P1 : Ma femme dit « tu rentres épuisé ». C\'est vrai 💯. Je ne dors plus.',
  '',
].join('\n');

export const QUOTES = {
  demuni: 'je me sens démuni 😔 face à eux',
  attente: "Le centre antidouleur, c'est huit mois d'attente !",
  femme: 'Ma femme dit « tu rentres épuisé »',
  epuise: 'tu rentres épuisé',
  dors: 'Je ne dors plus.',
  vrai: "C'est vrai 💯.",
};

export type Counting = 'code-points' | 'utf16';

/** [start, end) of `quote` in `text` counted one way. */
export function positions(text: string, quote: string, counting: Counting): [number, number] {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`not in the text: ${quote}`);
  if (counting === 'utf16') return [at, at + quote.length];
  const start = [...text.slice(0, at)].length;
  return [start, start + [...quote].length];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** A GUID for a fixture element (fixed per name, in the form the tool writes). */
export function guid(name: string, form: 'lower' | 'upper' | 'braced' = 'lower'): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  const hex = (`${h.toString(16).padStart(8, '0')}abcdef0123456789abcdef01`).slice(0, 32);
  const g = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return form === 'upper' ? g.toUpperCase() : form === 'braced' ? `{${g.toUpperCase()}}` : g;
}

export interface Sel {
  quote: string;
  /** Where the quote is in the text when it occurs more than once (its index among occurrences). */
  positions: [number, number];
  name?: string;
  user: string;
  codes: { code: string; user?: string }[];
  description?: string;
  notes?: string[];
}

function selection(s: Sel, g: (n: string) => string): string {
  const attrs = [`guid="${g(`sel-${s.positions[0]}-${s.user}-${s.quote}`)}"`, s.name !== undefined ? `name="${esc(s.name)}"` : '', `startPosition="${s.positions[0]}"`, `endPosition="${s.positions[1]}"`, `creatingUser="${g(`user-${s.user}`)}"`, 'creationDateTime="2024-03-01T10:00:00Z"']
    .filter(Boolean)
    .join(' ');
  return `<PlainTextSelection ${attrs}>${s.description !== undefined ? `<Description>${esc(s.description)}</Description>` : ''}${s.codes
    .map((c) => `<Coding guid="${g(`coding-${s.quote}-${c.code}-${c.user ?? s.user}`)}" creatingUser="${g(`user-${c.user ?? s.user}`)}"><CodeRef targetGUID="${g(`code-${c.code}`)}"/></Coding>`)
    .join('')}${(s.notes ?? []).map((n) => `<NoteRef targetGUID="${g(`note-${n}`)}"/>`).join('')}</PlainTextSelection>`;
}

export interface CodeSpec {
  name: string;
  codable?: boolean;
  color?: string;
  description?: string;
  children?: CodeSpec[];
}

function code(c: CodeSpec, g: (n: string) => string): string {
  const inner = `${c.description !== undefined ? `<Description>${esc(c.description)}</Description>` : ''}${(c.children ?? []).map((x) => code(x, g)).join('')}`;
  return `<Code guid="${g(`code-${c.name}`)}" name="${esc(c.name)}" isCodable="${c.codable === false ? 'false' : 'true'}"${c.color ? ` color="${c.color}"` : ''}>${inner}</Code>`;
}

export interface ProjectSpec {
  form: 'lower' | 'upper' | 'braced';
  users: string[];
  codes: CodeSpec[];
  variables?: { name: string; type: string; values: Record<string, string> }[];
  sources: { name: string; bytes: Uint8Array; selections: Sel[]; notes?: string[] }[];
  notes?: { key: string; user: string; text: string }[];
  /** Extra elements after Notes (Links, Sets…), in schema order. */
  extra?: string;
  extraSources?: string;
  projectName?: string;
}

/** A `.qdpx` archive of the spec. */
export function qdpx(spec: ProjectSpec): Uint8Array {
  const g = (n: string) => guid(n, spec.form);
  const sourceGuid = (name: string) => g(`source-${name}`);
  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="utf-8"?>');
  parts.push(`<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(spec.projectName ?? 'Projet')}" origin="fixture">`);
  parts.push(`<Users>${spec.users.map((u) => `<User guid="${g(`user-${u}`)}" name="${esc(u)}"/>`).join('')}</Users>`);
  parts.push(`<CodeBook><Codes>${spec.codes.map((c) => code(c, g)).join('')}</Codes></CodeBook>`);
  if (spec.variables) {
    parts.push(`<Variables>${spec.variables.map((v) => `<Variable guid="${g(`var-${v.name}`)}" name="${esc(v.name)}" typeOfVariable="${v.type}"/>`).join('')}</Variables>`);
    parts.push(
      `<Cases>${spec.sources
        .map(
          (s) =>
            `<Case guid="${g(`case-${s.name}`)}" name="${esc(s.name)}">${spec
              .variables!.filter((v) => v.values[s.name] !== undefined)
              .map((v) => `<VariableValue><VariableRef targetGUID="${g(`var-${v.name}`)}"/><${v.type}Value>${esc(v.values[s.name]!)}</${v.type}Value></VariableValue>`)
              .join('')}<SourceRef targetGUID="${sourceGuid(s.name)}"/></Case>`,
        )
        .join('')}</Cases>`,
    );
  }
  parts.push(
    `<Sources>${spec.sources
      .map(
        (s) =>
          `<TextSource guid="${sourceGuid(s.name)}" name="${esc(s.name)}" plainTextPath="internal://${sourceGuid(s.name).replace(/[{}]/g, '')}.txt">${s.selections
            .map((x) => selection(x, g))
            .join('')}${(s.notes ?? []).map((n) => `<NoteRef targetGUID="${g(`note-${n}`)}"/>`).join('')}</TextSource>`,
      )
      .join('')}${spec.extraSources ?? ''}</Sources>`,
  );
  if (spec.notes) {
    parts.push(`<Notes>${spec.notes.map((n) => `<Note guid="${g(`note-${n.key}`)}" name="${esc(n.key)}" creatingUser="${g(`user-${n.user}`)}"><PlainTextContent>${esc(n.text)}</PlainTextContent></Note>`).join('')}</Notes>`);
  }
  if (spec.extra) parts.push(spec.extra);
  parts.push('</Project>');
  const files: Record<string, Uint8Array> = { 'project.qde': Buffer.from(parts.join('\n'), 'utf8') };
  for (const s of spec.sources) files[`sources/${sourceGuid(s.name).replace(/[{}]/g, '')}.txt`] = s.bytes;
  return zipSync(files);
}
