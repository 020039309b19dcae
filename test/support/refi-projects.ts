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
  /** The Description of a source's case, by source name. */
  caseDescriptions?: Record<string, string>;
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
  if (spec.variables) parts.push(`<Variables>${spec.variables.map((v) => `<Variable guid="${g(`var-${v.name}`)}" name="${esc(v.name)}" typeOfVariable="${v.type}"/>`).join('')}</Variables>`);
  if (spec.variables || spec.caseDescriptions) {
    const description = (name: string) => (spec.caseDescriptions?.[name] === undefined ? '' : `<Description>${esc(spec.caseDescriptions[name])}</Description>`);
    parts.push(
      `<Cases>${spec.sources
        .map(
          (s) =>
            `<Case guid="${g(`case-${s.name}`)}" name="${esc(s.name)}">${description(s.name)}${(spec.variables ?? [])
              .filter((v) => v.values[s.name] !== undefined)
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

// --- Projects in the shape NVivo and MAXQDA write (also the inputs of import-refi's help examples) ---

const CRLF = INTERVIEW.replace(/\n/g, '\r\n');

/** NVivo: CRLF sources, positions counted over the text with a line break as one character, upper-case GUIDs, a code applied and also parent of others, Cases with variables, a Link. */
export function nvivo(): ProjectSpec {
  const lf = INTERVIEW; // NVivo counts over the text as shown: one character per line break
  const sel = (quote: string, user: string, code: string) => ({ quote, positions: positions(lf, quote, 'code-points'), name: quote, user, codes: [{ code }] });
  return {
    form: 'upper',
    projectName: 'Thèse NVivo',
    users: ['Marie Dupont', 'Paul Martin'],
    codes: [
      { name: 'Vécu du médecin', description: 'Ce que ressent le médecin.', children: [{ name: 'Émotions', codable: false, children: [{ name: 'Impuissance', color: '#C0392B' }, { name: 'Épuisement' }] }] },
      { name: 'Organisation des soins', codable: false, children: [{ name: "Délais d'accès", description: "Attente.\r\nInclude: délais\r\nExclude: coût" }] },
    ],
    variables: [
      { name: 'Âge', type: 'Integer', values: { 'Entretien P1.docx': '41' } },
      { name: 'Sexe', type: 'Text', values: { 'Entretien P1.docx': 'H' } },
    ],
    sources: [
      {
        name: 'Entretien P1.docx',
        bytes: Buffer.from(CRLF, 'utf8'),
        selections: [
          sel(QUOTES.demuni, 'Marie Dupont', 'Impuissance'),
          sel(QUOTES.attente, 'Marie Dupont', "Délais d'accès"),
          sel(QUOTES.femme, 'Paul Martin', 'Épuisement'),
          sel(QUOTES.epuise, 'Marie Dupont', 'Épuisement'),
          sel(QUOTES.dors, 'Paul Martin', 'Vécu du médecin'),
        ],
        notes: ['n1'],
      },
    ],
    notes: [{ key: 'n1', user: 'Marie Dupont', text: 'Entretien au cabinet, le soir.' }],
    extra: `<Links><Link guid="0AAAAAAA-0000-4000-8000-000000000001" name="cause" direction="OneWay"/></Links>`,
  };
}

/** MAXQDA: UTF-8 with BOM, standard positions, long selection names cut with "…", memos as Notes, code sets, a PDF source. */
export function maxqda(): ProjectSpec {
  const text = INTERVIEW;
  return {
    form: 'lower',
    users: ['MAXQDA Nutzer', 'Léa'],
    codes: [{ name: 'Ressenti', color: '#e67e22', children: [{ name: 'Démuni' }, { name: 'Fatigue' }] }, { name: 'Attente' }],
    sources: [
      {
        name: 'P1',
        bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
        selections: [
          { quote: QUOTES.attente, positions: positions(text, QUOTES.attente, 'code-points'), name: "Le centre antidouleur, c'est huit…", user: 'MAXQDA Nutzer', codes: [{ code: 'Attente' }], notes: ['m1'] },
          { quote: QUOTES.demuni, positions: positions(text, QUOTES.demuni, 'code-points'), name: QUOTES.demuni, user: 'Léa', codes: [{ code: 'Démuni' }, { code: 'Ressenti' }] },
          { quote: QUOTES.vrai, positions: positions(text, QUOTES.vrai, 'code-points'), name: QUOTES.vrai, user: 'Léa', codes: [{ code: 'Fatigue' }] },
        ],
      },
    ],
    notes: [{ key: 'm1', user: 'MAXQDA Nutzer', text: 'Délai cité par tous les MG.' }],
    extraSources: '<PDFSource guid="0aaaaaaa-0000-4000-8000-000000000002" name="article.pdf" path="internal://article.pdf"/>',
    extra: `<Sets><Set guid="0aaaaaaa-0000-4000-8000-000000000003" name="Ensemble"><MemberCode targetGUID="0aaaaaaa-0000-4000-8000-000000000004"/></Set></Sets>`,
  };
}

/** A codebook alone (.qdc) as NVivo writes it: a code the demo study has (Impuissance), and a theme with a new code. */
export const SUPERVISOR_QDC = `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14"><Codes><Code guid="{11111111-2222-4333-8444-555555555555}" name="Impuissance" isCodable="true"/><Code guid="11111111-2222-4333-8444-555555555556" name="Nouvelles pistes" isCodable="false"><Code guid="11111111-2222-4333-8444-555555555557" name="Télé-expertise" isCodable="true"><Description>Avis à distance.</Description></Code></Code></Codes></CodeBook>\n`;
