/**
 * The synthetic study generator (scripts/generate-study.ts) and its PRNG: deterministic, and
 * its output follows the README ("The study folder") (read back with the study's own parsers).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../src/core/codebook/parse.js';
import { parseCoderFile } from '../src/core/codings/parse.js';
import { serializeCoderFile } from '../src/core/codings/serialize.js';
import { parseStudyConfig } from '../src/core/study/config.js';
import { parseParticipantsCsv } from '../src/core/study/participants.js';
import { parseTranscript } from '../src/core/transcript/parse.js';
import type { Problem } from '../src/core/types.js';
import { buildStudy, DEFAULT_PARAMS, parseGeneratorArgs, slug, type StudyParams } from '../scripts/generate-study.js';
import { createRandom, mulberry32 } from '../scripts/random.js';

const SMALL: StudyParams = { ...DEFAULT_PARAMS, transcripts: 12, words: 1500, codes: 20, themes: 4, coders: 2, segments: 600, importRows: 300, seed: 7 };

function filesOf(params: StudyParams): Map<string, string> {
  return new Map(buildStudy(params).files.map((f) => [f.path, f.content]));
}

const serious = (problems: Problem[]) => problems.filter((p) => p.severity !== 'info');

interface SegmentLine {
  id: string;
  participant: string;
  start: number;
  end: number;
  codes: string[];
  text: string;
  memo?: string;
  exemplary?: boolean;
  at: string;
}

describe('random', () => {
  it('mulberry32 gives the same sequence for the same seed, another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('int stays within bounds and reaches both ends; shuffle is a permutation', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = random.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect(shuffled.slice().sort((x, y) => x - y)).toEqual(items);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.int(2, 1)).toThrow(RangeError);
  });
});

describe('generate-study', () => {
  it('is deterministic: same parameters, same bytes; another seed, another study', () => {
    const a = filesOf(SMALL);
    const b = filesOf(SMALL);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [file, content] of a) expect(b.get(file), file).toBe(content);
    const other = filesOf({ ...SMALL, seed: 8 });
    expect(other.get('transcripts/P001.txt')).not.toBe(a.get('transcripts/P001.txt'));
    // Changing the number of coders does not change the transcripts.
    expect(filesOf({ ...SMALL, coders: 3 }).get('transcripts/P005.txt')).toBe(a.get('transcripts/P005.txt'));
  });

  it('writes the files of a study folder', () => {
    const files = filesOf(SMALL);
    expect([...files.keys()]).toEqual([
      'codage.yaml',
      'participants.csv',
      'codebook.yaml',
      ...Array.from({ length: 12 }, (_, i) => `transcripts/P${String(i + 1).padStart(3, '0')}.txt`),
      'codings/coder1.yaml',
      'codings/coder2.yaml',
      'import.csv',
    ]);
  });

  it('writes transcripts, codebook, participants and settings that the study parsers read without problems', () => {
    const files = filesOf(SMALL);
    const config = parseStudyConfig(files.get('codage.yaml')!, 'codage.yaml');
    expect(serious(config.problems)).toEqual([]);
    expect(config.config).toMatchObject({ language: 'fr', coder: 'coder1', quoteLabel: '{id}' });

    const codebook = parseCodebook(files.get('codebook.yaml')!, 'codebook.yaml');
    expect(serious(codebook.problems)).toEqual([]);
    expect(codebook.derivedIds).toEqual([]);
    const codeIds = [...codebook.codebook.byId.values()].filter((n) => n.kind === 'code').map((n) => n.id);
    expect(codeIds).toHaveLength(20);
    expect(codebook.codebook.themes).toHaveLength(4);
    expect(codebook.codebook.ungrouped).toEqual([]);

    const participants = parseParticipantsCsv(files.get('participants.csv')!, 'participants.csv');
    expect(serious(participants.problems)).toEqual([]);
    expect(participants.columns).toEqual(['sexe', 'age', 'milieu', 'annees_exercice', 'group']);
    expect(participants.rows).toHaveLength(12);

    for (const row of participants.rows) {
      const file = `transcripts/${row.id}.txt`;
      const content = files.get(file)!;
      const { transcript, problems } = parseTranscript({ file, bytes: Buffer.from(content, 'utf8'), defaultId: row.id });
      expect(serious(problems), file).toEqual([]);
      expect(transcript.id).toBe(row.id);
      expect(transcript.attributes.group).toBe(row.attributes.group);
      expect(transcript.text).toBe(content.slice(content.indexOf('---\n', 4) + 4));
      const speakers = new Set(transcript.turns.map((t) => t.speaker));
      expect(speakers).toEqual(new Set(['Enquêteur', row.id]));
      expect(transcript.annotations.length).toBeGreaterThan(0);
      expect(transcript.text).toMatch(/[éèàç]/);
      expect(transcript.text).toMatch(/\bM\. |\bDr /);
    }
  });

  it('writes coder files in the canonical form, every segment the exact slice of its transcript', () => {
    const files = filesOf(SMALL);
    const codebook = parseCodebook(files.get('codebook.yaml')!, 'codebook.yaml').codebook;
    const bodies = new Map<string, string[]>();
    for (const [file, content] of files) {
      if (file.startsWith('transcripts/')) {
        const id = file.slice('transcripts/'.length, -'.txt'.length);
        // Offsets count code points: slice an array of code points.
        bodies.set(id, Array.from(content.slice(content.indexOf('---\n', 4) + 4)));
      }
    }
    const spans: Set<string>[] = [];
    for (const coder of ['coder1', 'coder2']) {
      const source = files.get(`codings/${coder}.yaml`)!;
      const lines = source.split('\n');
      expect(lines.slice(0, 4)).toEqual([
        '# codage coder file. One coded segment per line; offsets count Unicode code points',
        '# in the transcript text (see the README, "The text that offsets refer to").',
        'version: 1',
        `coder: ${coder}`,
      ]);
      const segmentLines = lines.slice(lines.indexOf('segments:') + 1, -1);
      expect(segmentLines).toHaveLength(600);
      const data = parseYaml(source) as { version: number; coder: string; memos: Record<string, string>; segments: SegmentLine[] };
      expect(data.coder).toBe(coder);
      const ids = new Set<string>();
      let previous: SegmentLine | null = null;
      const coderSpans = new Set<string>();
      data.segments.forEach((s, i) => {
        // One JSON flow mapping per line, keys in the documented order.
        const line = segmentLines[i]!;
        expect(line.startsWith('  - {"id": ')).toBe(true);
        expect(JSON.parse(line.slice(4))).toEqual(s);
        expect(Object.keys(s)).toEqual(
          ['id', 'participant', 'start', 'end', 'codes', 'text', 'memo', 'exemplary', 'at'].filter((k) => k in s),
        );
        expect(ids.has(s.id)).toBe(false);
        ids.add(s.id);
        expect(s.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        const body = bodies.get(s.participant)!;
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.text).toBe(body.slice(s.start, s.end).join(''));
        expect(s.codes.length === 1 || s.codes.length === 2).toBe(true);
        for (const code of s.codes) expect(codebook.byId.get(code)?.kind).toBe('code');
        if (previous !== null) {
          const order = previous.participant.localeCompare(s.participant, 'en', { numeric: true }) || previous.start - s.start;
          expect(order).toBeLessThanOrEqual(0);
        }
        previous = s;
        coderSpans.add(`${s.participant}:${s.start}:${s.end}`);
      });
      expect(data.segments.some((s) => s.memo !== undefined)).toBe(true);
      expect(data.segments.some((s) => s.exemplary === true)).toBe(true);
      spans.push(coderSpans);
    }
    // Double coding: coder 2 repeats about 70 % of coder 1's spans.
    const shared = [...spans[1]!].filter((span) => spans[0]!.has(span)).length / spans[1]!.size;
    expect(shared).toBeGreaterThan(0.6);
    expect(shared).toBeLessThan(0.8);
  });

  it('writes coder files exactly as codage itself writes them (read, rewrite: same bytes)', () => {
    const files = filesOf(SMALL);
    for (const coder of ['coder1', 'coder2']) {
      const source = files.get(`codings/${coder}.yaml`)!;
      const read = parseCoderFile(source, `codings/${coder}.yaml`, coder);
      expect(serious(read.problems)).toEqual([]);
      expect(read.rewritable).toBe(true);
      expect(read.coderFile.segments).toHaveLength(600);
      expect(serializeCoderFile(read.coderFile)).toBe(source);
    }
  });

  it('writes import.csv as French Excel does, with exact quotes', () => {
    const files = filesOf(SMALL);
    const csv = files.get('import.csv')!;
    expect(csv.startsWith('\ufeffParticipant;Code;Thème;Verbatim;Mémo\r\n')).toBe(true);
    const rows = parseCsv(csv, { delimiter: ';', bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows).toHaveLength(300);
    const codebook = parseCodebook(files.get('codebook.yaml')!, 'codebook.yaml').codebook;
    const names = new Map([...codebook.byId.values()].map((n) => [n.name, n]));
    for (const row of rows) {
      const transcript = files.get(`transcripts/${row.Participant}.txt`)!;
      expect(transcript.includes(row.Verbatim!)).toBe(true);
      expect(names.get(row.Code!)?.kind).toBe('code');
      expect(names.get(row.Thème!)?.kind).toBe('theme');
    }
  });

  it('parses its command line', () => {
    expect(parseGeneratorArgs(['out', '--transcripts', '3', '--import-rows', '0', '--seed', '9'])).toEqual({
      dir: 'out',
      params: { ...DEFAULT_PARAMS, transcripts: 3, importRows: 0, seed: 9 },
    });
    expect(() => parseGeneratorArgs(['out', '--words', 'many'])).toThrow(RangeError);
    expect(() => parseGeneratorArgs([])).toThrow(RangeError);
    expect(() => parseGeneratorArgs(['out', '--themes', '9', '--codes', '3'])).toThrow(RangeError);
  });

  it('slugs names as the codebook does', () => {
    expect(slug('Délais d’accès')).toBe('delais-d-acces');
    expect(slug("Délais d'accès")).toBe('delais-d-acces');
  });

  it('generates a study of the requested size (its speed is measured by npm run bench)', () => {
    const { summary } = buildStudy({ ...DEFAULT_PARAMS, transcripts: 40 });
    expect(summary.words).toBeGreaterThanOrEqual(400_000);
  });
});
