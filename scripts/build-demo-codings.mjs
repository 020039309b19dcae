#!/usr/bin/env node
// Builds the demo study's coder files (fixtures/demo/codings/<coder>.yaml) from the
// hand-written sources in fixtures/demo/.source/<coder>.csv.
//
// Each source row is `participant;code_id;quote;memo;exemplary`. The quote is copied exactly
// from the transcript; this script finds it in the transcript text and computes the offsets,
// so that nobody has to count characters by hand. A row with no code and no quote carries a
// memo on the whole transcript.
//
// Usage: node scripts/build-demo-codings.mjs [study-folder]   (default: fixtures/demo)
//
// Plain Node ESM on purpose (no build step); `yaml` is the only dependency.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname, basename, extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STUDY = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, 'fixtures', 'demo');
const SOURCE_HEADER = ['participant', 'code_id', 'quote', 'memo', 'exemplary'];
const FIRST_DAY = Date.UTC(2026, 9, 1, 9, 0, 0); // 2026-10-01T09:00:00Z
const HEADER_COMMENT = [
  '# codage coder file. One coded segment per line; offsets count Unicode code points',
  '# in the transcript text (see the README, "The text that offsets refer to").',
];

class DemoError extends Error {}

// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder('windows-1252')
// decodes these as C1 control characters (Latin-1), so the table is spelled out here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes) {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b);
  return out;
}

/** Bytes → text: UTF-8 if valid, else Windows-1252; BOM removed, LF endings, NFC. */
export function decodeTranscript(bytes) {
  let text;
  let encoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    encoding = 'windows-1252';
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  return { text, encoding };
}

/** Splits the optional front matter off: the body starts on the line after the closing `---`. */
export function splitFrontMatter(text, file) {
  if (!text.startsWith('---\n')) return { attributes: {}, body: text };
  const close = text.indexOf('\n---\n', 3);
  const closeAtEnd = text.endsWith('\n---') ? text.length - 4 : -1;
  const at = close >= 0 ? close : closeAtEnd;
  if (at < 0) throw new DemoError(`${file}: front matter opened with --- but never closed`);
  const attributes = YAML.parse(text.slice(4, at + 1)) ?? {};
  return { attributes, body: close >= 0 ? text.slice(close + 5) : '' };
}

/** `;`-separated CSV with "quoted" cells (doubled quotes inside), as spreadsheets write it. */
export function parseCsv(text, file) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i++; continue; }
    if (ch === ';') { row.push(cell); cell = ''; i++; continue; }
    if (ch === '\n' || ch === '\r') {
      row.push(cell); rows.push(row); row = []; cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch; i++;
  }
  if (quoted) throw new DemoError(`${file}: a quoted cell is never closed`);
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Natural order of participant ids: MG2 < MG10, A1 < MG1. */
export function compareIds(a, b) {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(pa.length, pb.length); k++) {
    const x = pa[k];
    const y = pb[k];
    const nx = /^\d/.test(x) && /^\d/.test(y);
    const d = nx ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

/** Number of Unicode code points in text[0, index) (index in UTF-16 code units). */
export function codePointOffset(text, index) {
  let n = 0;
  for (let k = 0; k < index; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < index) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) k++;
    }
    n++;
  }
  return n;
}

/** Deterministic 8-character [a-z0-9] id. */
export function segmentId(coder, participant, start, salt = '') {
  const hex = createHash('sha256').update(`${coder}\u0000${participant}\u0000${start}${salt}`).digest('hex');
  return BigInt(`0x${hex.slice(0, 16)}`).toString(36).padStart(8, '0').slice(-8);
}

const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
function yamlKey(key) {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !YAML_WORDS.test(key) ? key : JSON.stringify(key);
}

/** One segment on one line, keys in the canonical order. */
export function segmentLine(s) {
  const parts = [
    `"id": ${JSON.stringify(s.id)}`,
    `"participant": ${JSON.stringify(s.participant)}`,
    `"start": ${s.start}`,
    `"end": ${s.end}`,
    `"codes": [${s.codes.map((c) => JSON.stringify(c)).join(', ')}]`,
    `"text": ${JSON.stringify(s.text)}`,
  ];
  if (s.memo) parts.push(`"memo": ${JSON.stringify(s.memo)}`);
  if (s.exemplary) parts.push(`"exemplary": true`);
  if (s.at) parts.push(`"at": ${JSON.stringify(s.at)}`);
  return `  - {${parts.join(', ')}}`;
}

export function coderFileText(coder, memos, segments) {
  const lines = [...HEADER_COMMENT, 'version: 1', `coder: ${yamlKey(coder)}`];
  const memoIds = Object.keys(memos).sort(compareIds);
  if (memoIds.length === 0) lines.push('memos: {}');
  else {
    lines.push('memos:');
    for (const id of memoIds) lines.push(`  ${yamlKey(id)}: ${JSON.stringify(memos[id])}`);
  }
  if (segments.length === 0) lines.push('segments: []');
  else lines.push('segments:', ...segments.map(segmentLine));
  return `${lines.join('\n')}\n`;
}

function readTranscripts() {
  const dir = join(STUDY, 'transcripts');
  if (!existsSync(dir)) throw new DemoError(`${dir}: no transcripts folder (is ${STUDY} a study folder?)`);
  const transcripts = new Map();
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(txt|md)$/i.test(name)) continue;
    const file = relative(STUDY, join(dir, name));
    const { text } = decodeTranscript(readFileSync(join(dir, name)));
    const { attributes, body } = splitFrontMatter(text, file);
    const id = attributes.id != null ? String(attributes.id) : basename(name, extname(name));
    if (transcripts.has(id)) throw new DemoError(`${file}: participant ${id} already has a transcript`);
    transcripts.set(id, { file, body });
  }
  return transcripts;
}

function readOrder(ids) {
  const configFile = join(STUDY, 'codage.yaml');
  const config = existsSync(configFile) ? YAML.parse(readFileSync(configFile, 'utf8')) ?? {} : {};
  const order = Array.isArray(config.order) ? config.order.map(String) : [];
  const rest = [...ids].filter((id) => !order.includes(id)).sort(compareIds);
  return [...order, ...rest];
}

function buildCoder(coder, sourceFile, transcripts, order, coderIndex) {
  const rows = parseCsv(readFileSync(sourceFile, 'utf8').replace(/^\uFEFF/, ''), sourceFile);
  const header = rows.shift() ?? [];
  if (header.join(';') !== SOURCE_HEADER.join(';')) {
    throw new DemoError(`${sourceFile}: header must be ${SOURCE_HEADER.join(';')}`);
  }
  const memos = {};
  const bySpan = new Map();
  const lastStart = new Map();
  rows.forEach((row, k) => {
    const line = k + 2;
    const [participant = '', code = '', quote = '', memo = '', exemplary = ''] = row;
    const where = `${relative(ROOT, sourceFile)}:${line}`;
    const transcript = transcripts.get(participant);
    if (!transcript) throw new DemoError(`${where}: no transcript for participant "${participant}"`);
    if (code === '' && quote === '') {
      if (!memo) throw new DemoError(`${where}: empty row`);
      memos[participant] = memos[participant] ? `${memos[participant]} ${memo}` : memo;
      return;
    }
    if (code === '' || quote === '') throw new DemoError(`${where}: a coded row needs both code_id and quote`);
    const text = transcript.body;
    const from = lastStart.get(participant) ?? 0;
    let at = text.indexOf(quote, from);
    if (at < 0) at = text.indexOf(quote);
    if (at < 0) {
      throw new DemoError(`${where}: quote not found in ${transcript.file}:\n  ${JSON.stringify(quote)}`);
    }
    lastStart.set(participant, at);
    const key = `${participant}\u0000${at}\u0000${at + quote.length}`;
    let seg = bySpan.get(key);
    if (!seg) {
      seg = {
        participant,
        start16: at,
        end16: at + quote.length,
        start: codePointOffset(text, at),
        end: codePointOffset(text, at + quote.length),
        codes: [],
        text: quote,
        memos: [],
        exemplary: false,
      };
      bySpan.set(key, seg);
    }
    if (!seg.codes.includes(code)) seg.codes.push(code);
    if (memo && !seg.memos.includes(memo)) seg.memos.push(memo);
    if (/^(true|oui|x|1)$/i.test(exemplary.trim())) seg.exemplary = true;
  });

  const segments = [...bySpan.values()].sort(
    (a, b) => compareIds(a.participant, b.participant) || a.start - b.start || a.end - b.end,
  );
  const used = new Set();
  const perParticipant = new Map();
  for (const s of segments) {
    let id = segmentId(coder, s.participant, s.start);
    for (let salt = 1; used.has(id); salt++) id = segmentId(coder, s.participant, s.start, `#${salt}`);
    used.add(id);
    s.id = id;
    if (s.memos.length > 0) s.memo = s.memos.join(' ; ');
    const n = perParticipant.get(s.participant) ?? 0;
    perParticipant.set(s.participant, n + 1);
    const day = Math.max(0, order.indexOf(s.participant)) + 14 * coderIndex;
    s.at = new Date(FIRST_DAY + day * 86_400_000 + n * 97_000).toISOString().replace('.000Z', 'Z');
  }
  return { memos, segments };
}

/** Reads the written file back and checks every segment against its transcript. */
function verify(file, transcripts) {
  const doc = YAML.parse(readFileSync(file, 'utf8'));
  for (const s of doc.segments) {
    const points = [...transcripts.get(s.participant).body];
    const slice = points.slice(s.start, s.end).join('');
    if (slice !== s.text) throw new DemoError(`${file}: segment ${s.id} text does not match its offsets`);
  }
  return doc.segments.length;
}

function main() {
  const transcripts = readTranscripts();
  const order = readOrder(transcripts.keys());
  const sourceDir = join(STUDY, '.source');
  const sources = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.csv'))
    .filter((name) => readFileSync(join(sourceDir, name), 'utf8').replace(/^\uFEFF/, '').startsWith(SOURCE_HEADER.join(';')))
    .sort();
  if (sources.length === 0) throw new DemoError(`${sourceDir}: no coder source (*.csv with header ${SOURCE_HEADER.join(';')})`);
  mkdirSync(join(STUDY, 'codings'), { recursive: true });
  sources.forEach((name, coderIndex) => {
    const coder = basename(name, '.csv');
    const { memos, segments } = buildCoder(coder, join(sourceDir, name), transcripts, order, coderIndex);
    const out = join(STUDY, 'codings', `${coder}.yaml`);
    writeFileSync(out, coderFileText(coder, memos, segments));
    const n = verify(out, transcripts);
    const participants = new Set(segments.map((s) => s.participant)).size;
    console.log(`${relative(ROOT, out)}: ${n} segments in ${participants} transcripts, ${Object.keys(memos).length} transcript memos`);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    if (error instanceof DemoError) {
      console.error(`build-demo-codings: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
