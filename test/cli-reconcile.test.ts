/**
 * `codage reconcile --strategy` on copies of the demo study: the consensus is a valid coder file,
 * nothing of either coder is lost, decisions already taken stand, and a consensus changed by
 * hand is not overwritten.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

interface RawSegment {
  id: string;
  participant: string;
  start: number;
  end: number;
  codes: string[];
  text: string;
  at?: string;
  memo?: string;
  exemplary?: boolean;
}

function segments(dir: string, coder: string): RawSegment[] {
  return readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('  - {'))
    .map((line) => JSON.parse(line.slice(4)) as RawSegment);
}

const COMPARED = ['MG1', 'MG4', 'MG6', 'A2'];

/** Characters (participant:offset) coded with each code. */
function coverage(list: RawSegment[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of list) {
    for (const code of s.codes) {
      let set = out.get(code);
      if (!set) out.set(code, (set = new Set()));
      for (let i = s.start; i < s.end; i++) set.add(`${s.participant}:${i}`);
    }
  }
  return out;
}

/** A transcript's text after its front matter (the demo's are UTF-8, but MG6: Windows-1252). */
function readTranscript(dir: string, participant: string): string {
  const ext = participant === 'MG4' || participant === 'MG10' ? 'md' : 'txt';
  const bytes = readFileSync(join(dir, `transcripts/${participant}.${ext}`));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  return text.startsWith('---\n') ? text.slice(text.indexOf('\n---\n', 3) + 5) : text;
}

function reconcile(dir: string, ...args: string[]) {
  return runCli(['reconcile', 'marie', 'paul', '--study', dir, '--lang', 'en', ...args]);
}

/** The log's rows by column: the demo is a French study, so its log is in French (--lang is for messages). */
function readLog(dir: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, 'consensus-decisions.csv'), 'utf8'), { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
}

/** Edits the log as a spreadsheet would: rows by column name, written back with `;`. */
function editLog(dir: string, edit: (rows: Record<string, string>[]) => void): void {
  const rows = readLog(dir);
  edit(rows);
  const columns = Object.keys(rows[0]!);
  writeFileSync(join(dir, 'consensus-decisions.csv'), `\ufeff${stringify(rows, { header: true, columns, delimiter: ';', record_delimiter: '\r\n' })}`);
}

describe('codage reconcile --strategy', () => {
  it('union: a valid consensus that keeps every coding of both coders', () => {
    const dir = copyStudy();
    // Tolerance 0: every boundary that differs by a word is a disagreement, and union keeps both.
    const r = reconcile(dir, '--strategy', 'union', '--tolerance', '0');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Reconciliation of marie and paul → codings/consensus.yaml');
    expect(r.stdout).toMatch(/disagreements: (\d+), \1 settled \(\1 by the strategy union now\) and 0 waiting/);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    const consensus = segments(dir, 'consensus');
    const kept = coverage(consensus);
    // Every letter each coder coded with a code is coded with that code in the consensus (the
    // boundaries may differ by spaces and punctuation, which are not a disagreement).
    const letters = new Map(['MG1', 'MG2', 'MG4', 'MG6', 'A2'].map((p) => [p, Array.from(readTranscript(dir, p))]));
    for (const coder of ['marie', 'paul']) {
      for (const [code, chars] of coverage(segments(dir, coder).filter((s) => letters.has(s.participant)))) {
        for (const c of chars) {
          const [p, i] = c.split(':');
          if (!/[\p{L}\p{N}]/u.test(letters.get(p!)![Number(i)]!)) continue;
          expect(kept.get(code)?.has(c), `${coder} ${code} ${c}`).toBe(true);
        }
      }
    }
    // Transcripts only marie coded are copied as they are.
    const marieMG2 = segments(dir, 'marie').filter((s) => s.participant === 'MG2');
    expect(consensus.filter((s) => s.participant === 'MG2')).toEqual(marieMG2);
    // Texts are the transcripts' own, ids unique; `codage stats --coder consensus` reads it.
    expect(new Set(consensus.map((s) => s.id)).size).toBe(consensus.length);
    expect(runCli(['stats', '--study', dir, '--coder', 'consensus']).code).toBe(0);
  });

  it('intersection: only what both coded, and the agreed segments untouched', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'intersection').code).toBe(0);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    const consensus = segments(dir, 'consensus').filter((s) => COMPARED.includes(s.participant));
    const marie = coverage(segments(dir, 'marie'));
    const paul = coverage(segments(dir, 'paul'));
    for (const [code, chars] of coverage(consensus)) {
      // Within the tolerance, marie's boundaries are kept: allow a few characters' slack only there.
      const outside = [...chars].filter((c) => !(marie.get(code)?.has(c) && paul.get(code)?.has(c)));
      expect(outside.length / chars.size, code).toBeLessThan(0.1);
    }
    // A segment both coded identically goes in untouched: same id, text and time as marie's.
    const marieMG4 = segments(dir, 'marie').find((s) => s.id === 'Z5bqm5zn')!;
    expect(consensus.find((s) => s.id === 'Z5bqm5zn')).toEqual(marieMG4);
    // … with paul's memo on the same passage added, each signed.
    const marieA2 = segments(dir, 'marie').find((s) => s.id === '1lxm6ikm')!;
    const paulA2 = segments(dir, 'paul').find((s) => s.id === 'tihqhq2l')!;
    expect(consensus.find((s) => s.id === '1lxm6ikm')).toEqual({ ...marieA2, memo: `marie : ${marieA2.memo} | paul : ${paulA2.memo}` });
  });

  it('union: the consensus keeps every memo and exemplary mark of both coders, on the segments they were united into', () => {
    const dir = copyStudy();
    // paul marks « Les opioïdes… dépendants. » exemplary; marie coded a longer passage: union unites them.
    const file = join(dir, 'codings/marie.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("id": "ohuafj0q"[^\n]*"text": "[^"]*")/, '$1, "memo": "très parlant"'));
    const r = reconcile(dir, '--strategy', 'union');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Not taken');
    const consensus = segments(dir, 'consensus');
    const united = consensus.find((s) => s.participant === 'MG1' && s.start === 3137 && s.codes.includes('prescription-opioides'))!;
    expect(united.text).toBe("Les opioïdes, j'ai vraiment peur. J'ai peur de rendre les gens dépendants. On voit tellement de choses en ce moment, les histoires aux États-Unis, le tramadol…");
    expect(united.memo).toBe('très parlant');
    expect(united.exemplary).toBe(true);
    for (const coder of ['marie', 'paul']) {
      for (const s of segments(dir, coder).filter((x) => COMPARED.includes(x.participant))) {
        const over = consensus.filter((c) => c.participant === s.participant && c.start < s.end && s.start < c.end);
        if (s.memo) expect(over.some((c) => c.memo?.includes(s.memo!)), `${coder} ${s.id} memo`).toBe(true);
        if (s.exemplary) expect(over.some((c) => c.exemplary), `${coder} ${s.id} exemplary`).toBe(true);
      }
    }
  });

  it('prefer-b: says which memos and exemplary marks went with the codings it left out', () => {
    const dir = copyStudy();
    const r = reconcile(dir, '--strategy', 'prefer-b');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Not taken, with the codings the decisions left out: 2 memo(s) and 7 exemplary quote mark(s) — A2 line 32 (marie), MG1 line 32 (marie),');
    const json = JSON.parse(reconcile(dir, '--strategy', 'prefer-b', '--json').stdout) as { notesLeftOut: { coder: string; segment: string; exemplary: boolean; memo?: string }[] };
    expect(json.notesLeftOut).toHaveLength(8);
    expect(json.notesLeftOut.every((n) => n.coder === 'marie' && (n.exemplary || n.memo !== undefined))).toBe(true);
    // Each is still in marie's file, and in no segment of the consensus.
    const marie = new Map(segments(dir, 'marie').map((s) => [s.id, s]));
    const consensusIds = new Set(segments(dir, 'consensus').map((s) => s.id));
    for (const n of json.notesLeftOut) {
      expect(marie.has(n.segment)).toBe(true);
      expect(consensusIds.has(n.segment)).toBe(false);
    }
  });

  it('prefer-b: a quote cited by its id from a listing is the same quote in the consensus, its codes decided', () => {
    const dir = copyStudy();
    // marie's « Le centre antidouleur… » and « on bricole… » (MG1) made one quote of two passages,
    // as an import makes it; paul coded both passages with other codes.
    const file = join(dir, 'codings/marie.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("id": "(?:hmlvksfl|b2pfgaza)"[^\n]*"text": "[^"]*")/g, '$1, "quote": "q8m3zd0a"'));
    const listed = (coder: string) => {
      const r = runCli(['segments', '--study', dir, '--coder', coder, '--format', 'csv']);
      expect(r.code).toBe(0);
      const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
      return [...new Set(rows.filter((row) => row.quote_id === 'q8m3zd0a').map((row) => `${row.segment} ${row.start}-${row.end} ${row.text}`))];
    };
    const cited = listed('marie');
    expect(cited).toHaveLength(2);
    expect(reconcile(dir, '--strategy', 'prefer-b').code).toBe(0);
    expect(listed('consensus')).toEqual(cited);
    const consensus = segments(dir, 'consensus').filter((s) => s.id === 'hmlvksfl' || s.id === 'b2pfgaza');
    expect(consensus.map((s) => s.codes)).toEqual([['delais-d-acces', 'humour'], ['delais-d-acces']]);
    // Still one quote, its passages joined.
    const quotes = JSON.parse(runCli(['quotes', "Délais d'accès", '--study', dir, '--coder', 'consensus', '--json']).stdout) as { groups: { quotes: { segments: string[]; text: string }[] }[] };
    const quote = quotes.groups.flatMap((g) => g.quotes).find((q) => q.segments.includes('hmlvksfl'))!;
    expect(quote.segments).toEqual(['hmlvksfl', 'b2pfgaza']);
    expect(quote.text).toContain('[…]');
  });

  it('keeps the decisions already in the log, and decides the rest', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
    // Row 1: decided by hand as garder B with a note; row 2: decision removed (to decide again).
    editLog(dir, (rows) => {
      rows[0]!.décision = 'garder B';
      rows[0]!.note = '=SOMME(A1:A2)';
      rows[1]!.décision = '';
    });
    // The consensus no longer matches the log: refused without --force.
    const refused = reconcile(dir, '--strategy', 'union');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('codings/consensus.yaml is not what the decisions in consensus-decisions.csv give');
    const r = reconcile(dir, '--strategy', 'union', '--force');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(1 by the strategy union now)');
    const rows = readLog(dir);
    expect(rows[0]!.décision).toBe('garder B');
    expect(rows[0]!.note).toBe("'=SOMME(A1:A2)");
    expect(rows[1]!.décision).toBe('les deux');
    expect(rows[1]!.qui).toBe('codage reconcile --strategy union');
    expect(rows.slice(2).every((x) => x.décision === 'garder A')).toBe(true);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    // Run again: nothing changes, and no --force is needed.
    const before = readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8');
    expect(reconcile(dir, '--strategy', 'prefer-b').code).toBe(0);
    expect(readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8')).toBe(before);
  });

  it('applies the decisions taken after a correction of a transcript moved their passages (check --fix), without --force, from a log an earlier codage wrote too', () => {
    for (const earlier of [false, true]) {
      const dir = copyStudy();
      expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
      // A log an earlier codage wrote: keys without their fingerprint (participant|kind|A|B).
      if (earlier) {
        editLog(dir, (rows) => {
          for (const r of rows) r.désaccord = r.désaccord!.split('|').slice(0, 4).join('|');
        });
      }
      const file = join(dir, 'transcripts/MG1.txt');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Enquêtrice : Bonjour, et merci', 'Enquêtrice : Alors voilà, bonjour, et merci'));
      if (!earlier) {
        // Before check --fix, the consensus file still gives the old places: said, with what to do.
        const unfixed = reconcile(dir, '--strategy', 'prefer-b');
        expect(unfixed.code).toBe(1);
        expect(unfixed.stderr).toContain('fix: the segments of MG1 are no longer where the coder files say (the transcript was corrected): run codage check --fix first');
      }
      expect(runCli(['check', '--fix', '--study', dir]).code).toBe(0);
      const fixed = readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8');
      const r = reconcile(dir, '--strategy', 'prefer-b');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('94 settled (0 by the strategy prefer-b now) and 0 waiting');
      expect(r.stdout).toContain('22 decision(s) follow their passage, moved in its transcript');
      expect(r.stdout).not.toContain('no longer match');
      // The consensus check --fix re-anchored is what the decisions give: rebuilt the same.
      expect(readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8')).toBe(fixed);
      const rows = readLog(dir);
      expect(rows).toHaveLength(94);
      expect(rows.every((x) => x.décision === 'garder A' && x.désaccord!.split('|').length === 5)).toBe(true);
      const mg1 = rows.find((x) => x.participant === 'MG1')!;
      const [, , side] = mg1.désaccord!.split('|');
      const [start, end] = side!.split(':')[0]!.split('-').map(Number);
      expect(Array.from(readTranscript(dir, 'MG1')).slice(start, end).join('')).toBe(/« (.*) » \(/.exec(mg1.codage_a!.replace(/\u00a0/g, ' '))![1]);
      expect(runCli(['check', '--study', dir]).code).toBe(0);
    }
  });

  it('copies again a transcript its only coder coded on since, when the consensus was not touched; else names it in the refusal', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
    // marie codes one more sentence in MG2, which paul never coded.
    const code = (quote: string, id: string) => {
      const text = readTranscript(dir, 'MG2');
      const start = Array.from(text.slice(0, text.indexOf(quote))).length;
      const line = `  - ${JSON.stringify({ id, participant: 'MG2', start, end: start + Array.from(quote).length, codes: ['impuissance'], text: quote })}\n`;
      const file = join(dir, 'codings/marie.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('\nsegments:\n', `\nsegments:\n${line}`));
    };
    code('J’en ai… j’en ai des dizaines.', 'newseg01');
    // A copy with its .codage/ (where reconcile records the consensus it wrote).
    const twin = join(tempDir(), 'twin');
    cpSync(dir, twin, { recursive: true });
    const againJson = (JSON.parse(reconcile(twin, '--strategy', 'prefer-a', '--json').stdout) as { copiedAgain: unknown[] }).copiedAgain;
    const r = reconcile(dir, '--strategy', 'prefer-a');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Copied again as they are today (their coder coded on since): MG2');
    // Listed in --json too (run before the one that copies it, on a copy of the study as it was then).
    expect(againJson).toEqual([{ participant: 'MG2', from: 'marie' }]);
    expect((JSON.parse(reconcile(dir, '--strategy', 'prefer-a', '--json').stdout) as { copiedAgain: unknown[] }).copiedAgain).toEqual([]);
    const mg2 = (coder: string) => segments(dir, coder).filter((s) => s.participant === 'MG2').sort((x, y) => x.start - y.start || x.end - y.end);
    expect(mg2('consensus')).toEqual(mg2('marie'));
    expect(mg2('consensus').some((s) => s.id === 'newseg01')).toBe(true);
    // The consensus edited by hand since, and marie codes on: refused, naming MG2, until --force.
    const file = join(dir, 'codings/consensus.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {2}- \{"id": "newseg01"[^\n]*\n/, '\n'));
    code('Bon.', 'newseg02');
    const refused = reconcile(dir, '--strategy', 'prefer-a');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('codings/consensus.yaml is not what the decisions in consensus-decisions.csv give, in MG2 (copied as is from marie):');
    expect(refused.stderr).toContain('add --force to rebuild it from the decisions in the log, which are all kept');
    expect(reconcile(dir, '--strategy', 'prefer-a', '--force').code).toBe(0);
    expect(mg2('consensus')).toEqual(mg2('marie'));
    expect(readLog(dir).every((x) => x.décision === 'garder A')).toBe(true);
  });

  it('keeps the places confirmed in the consensus (codage confirm --coder consensus) without --force, and says segment by segment what a hand edit would lose', () => {
    const dir = copyStudy();
    // An import left two of marie's segments among several places: MG1 (compared), MG2 (copied).
    const marie = join(dir, 'codings/marie.yaml');
    let text = readFileSync(marie, 'utf8');
    for (const id of ['xpqdrvhy', '0s1esoow']) text = text.replace(new RegExp(`(\\{"id": "${id}"[^\\n]*), "at": `), '$1, "ambiguous": true, "at": ');
    writeFileSync(marie, text);
    expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
    const marked = () => segments(dir, 'consensus').filter((s) => s.id === 'xpqdrvhy' || s.id === '0s1esoow') as (RawSegment & { ambiguous?: boolean })[];
    expect(marked().map((s) => s.ambiguous)).toEqual([true, true]);
    // The consensus checks both places: confirmed there, not in marie's file.
    expect(runCli(['confirm', 'xpqdrvhy', '0s1esoow', '--coder', 'consensus', '--study', dir]).code).toBe(0);
    const confirmed = readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8');
    expect(marked().map((s) => s.ambiguous)).toEqual([undefined, undefined]);
    const again = reconcile(dir, '--strategy', 'prefer-a');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    // Rebuilt as it was: the confirmations stand, with their time.
    expect(readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8')).toBe(confirmed);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    // Edited by hand: a code added, a segment deleted. Refused, saying what --force would do to each.
    const file = join(dir, 'codings/consensus.yaml');
    writeFileSync(
      file,
      confirmed.replace('"id": "z5bqm5zn", "participant": "MG1", "start": 595, "end": 698, "codes": ["impuissance"]', '"id": "z5bqm5zn", "participant": "MG1", "start": 595, "end": 698, "codes": ["impuissance", "humour"]').replace(/\n {2}- \{"id": "xpqdrvhy"[^\n]*\n/, '\n'),
    );
    const refused = reconcile(dir, '--strategy', 'prefer-a');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("reconciling would overwrite it\n  - MG1, segment z5bqm5zn: codes (impuissance, humour → impuissance) changed (--force sets them as the decisions and the coders' files give them)\n  - MG1, segment xpqdrvhy: missing from the file (--force puts it back)\n");
  });

  it('copies again a transcript its only coder coded on since, after a place was confirmed in the consensus (still reconcile\'s own file)', () => {
    const dir = copyStudy();
    const marie = join(dir, 'codings/marie.yaml');
    writeFileSync(marie, readFileSync(marie, 'utf8').replace(/(\{"id": "0s1esoow"[^\n]*), "at": /, '$1, "ambiguous": true, "at": '));
    expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
    expect(runCli(['confirm', '0s1esoow', '--coder', 'consensus', '--study', dir]).code).toBe(0);
    // marie codes one more sentence in MG2, which paul never coded.
    const quote = 'J’en ai… j’en ai des dizaines.';
    const text = readTranscript(dir, 'MG2');
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const line = `  - ${JSON.stringify({ id: 'newseg01', participant: 'MG2', start, end: start + Array.from(quote).length, codes: ['impuissance'], text: quote })}\n`;
    writeFileSync(marie, readFileSync(marie, 'utf8').replace('\nsegments:\n', `\nsegments:\n${line}`));
    const r = reconcile(dir, '--strategy', 'prefer-a');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Copied again as they are today (their coder coded on since): MG2');
    const consensus = segments(dir, 'consensus') as (RawSegment & { ambiguous?: boolean })[];
    expect(consensus.some((s) => s.id === 'newseg01')).toBe(true);
    expect(consensus.find((s) => s.id === '0s1esoow')!.ambiguous).toBeUndefined();
  });

  it('keeps saying the mise en commun is unfinished once check --fix re-anchored the consensus after a transcript was edited', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
    const transcript = join(dir, 'transcripts/MG1.txt');
    writeFileSync(transcript, readFileSync(transcript, 'utf8').replace('Enquêtrice : Bonjour, et merci', 'Enquêtrice : Bonjour Docteur, et merci'));
    // As a session in the reconcile screen would leave it: 5 disagreements still waiting.
    const stateFile = join(dir, '.codage/reconcile/consensus.json');
    writeFileSync(stateFile, JSON.stringify({ ...JSON.parse(readFileSync(stateFile, 'utf8')), pending: 5 }));
    const fixed = runCli(['check', '--fix', '--study', dir, '--lang', 'en']);
    expect(fixed.stdout).toContain('codings/consensus.yaml');
    // Re-anchoring decided nothing: the mise en commun is still said unfinished.
    expect(runCli(['check', '--study', dir, '--lang', 'en']).stdout).toContain('leaves 5 of');
    const before = segments(dir, 'consensus');
    const r = reconcile(dir, '--strategy', 'prefer-a');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(segments(dir, 'consensus').map((s) => [s.id, s.start, s.end])).toEqual(before.map((s) => [s.id, s.start, s.end]));
  });

  it('takes without --force a place a coder confirmed since in their own file (codage confirm --coder marie)', () => {
    const dir = copyStudy();
    const marie = join(dir, 'codings/marie.yaml');
    let text = readFileSync(marie, 'utf8');
    for (const id of ['xpqdrvhy', '0s1esoow']) text = text.replace(new RegExp(`(\\{"id": "${id}"[^\\n]*), "at": `), '$1, "ambiguous": true, "at": ');
    writeFileSync(marie, text);
    expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
    expect(runCli(['confirm', 'xpqdrvhy', '0s1esoow', '--coder', 'marie', '--study', dir]).code).toBe(0);
    const r = reconcile(dir, '--strategy', 'prefer-a');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pick = (coder: string) => segments(dir, coder).filter((s) => s.id === 'xpqdrvhy' || s.id === '0s1esoow');
    expect(pick('consensus')).toEqual(pick('marie'));
    expect(pick('consensus').every((s) => !('ambiguous' in s))).toBe(true);
  });

  it('does not overwrite a consensus changed by hand, unless --force (the old one kept in backups)', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'union').code).toBe(0);
    const file = join(dir, 'codings/consensus.yaml');
    const changed = readFileSync(file, 'utf8').replace(/\n {2}- \{[^\n]*\n/, '\n');
    writeFileSync(file, changed);
    const r = reconcile(dir, '--strategy', 'union');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe(changed);
    expect(reconcile(dir, '--strategy', 'union', '--force').code).toBe(0);
    expect(readFileSync(join(dir, '.codage/backups/codings/consensus.yaml.bak'), 'utf8')).toBe(changed);
  });

  it('writes the decisions log of a French study in French, headers and values, whatever --lang', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'union', '--tolerance', '0').code).toBe(0);
    const text = readFileSync(join(dir, 'consensus-decisions.csv'), 'utf8');
    expect(text.slice(0, text.indexOf('\r\n'))).toBe('\ufeffdésaccord;participant;ligne;type;codeur_a;codage_a;codeur_b;codage_b;décision;résultat;codage_modifié;note;qui;quand');
    const rows = readLog(dir);
    expect(new Set(rows.map((r) => r.décision))).toEqual(new Set(['les deux']));
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['code appliqué par un seul codeur', 'codes différents sur le même texte', 'même code, limites différentes']));
  });

  it('reads a log an earlier codage wrote (English headers, keep-a) as its own, and writes it back in French', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'prefer-a').code).toBe(0);
    const consensus = readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8');
    const words: Record<string, string> = { 'garder A': 'keep-a', 'garder B': 'keep-b', 'les deux': 'both', aucun: 'neither', commun: 'common', modifié: 'edit' };
    const english = ['disagreement', 'participant', 'line', 'kind', 'coder_a', 'coding_a', 'coder_b', 'coding_b', 'decision', 'outcome', 'edited', 'note', 'who', 'when'];
    const rows = readLog(dir).map((r) => Object.values(r));
    for (const r of rows) r[8] = words[r[8]!] ?? r[8]!;
    writeFileSync(join(dir, 'consensus-decisions.csv'), `\ufeff${stringify([english, ...rows], { delimiter: ';', record_delimiter: '\r\n' })}`);
    const r = reconcile(dir, '--strategy', 'union');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('94 settled (0 by the strategy union now)');
    expect(readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8')).toBe(consensus);
    expect(readLog(dir).every((x) => x.décision === 'garder A')).toBe(true);
  });

  it('refuses a log it cannot read, naming the line, and writes nothing', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--strategy', 'union').code).toBe(0);
    editLog(dir, (rows) => {
      rows[2]!.décision = 'garder';
    });
    const consensus = readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8');
    const r = reconcile(dir, '--strategy', 'union');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('consensus-decisions.csv:4: error: unknown decision "garder"');
    expect(readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8')).toBe(consensus);
  });

  it.each([
    ['a key written twice on a segment line', (line: string) => line.replace('"start": ', '"start": 0, "start": ')],
    ['a segment without a code', (line: string) => line.replace(/"codes": \[[^\]]*\]/, '"codes": []')],
  ])('refuses a coder file it cannot read completely (%s), naming the line, and writes nothing', (_what, edit) => {
    const dir = copyStudy();
    const file = join(dir, 'codings/paul.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.startsWith('  - {') && line.includes('"participant": "MG1"'));
    lines[at] = edit(lines[at]!);
    writeFileSync(file, lines.join('\n'));
    const r = reconcile(dir, '--strategy', 'union');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`codings/paul.yaml:${at + 1}:`);
    expect(r.stderr).toMatch(/not read completely|n’est pas lu entièrement/);
    expect(existsSync(join(dir, 'codings/consensus.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'consensus-decisions.csv'))).toBe(false);
  });

  it('warns when a coder has not read a reconciled transcript to its end in the coding screen', () => {
    const dir = copyStudy();
    mkdirSync(join(dir, '.codage/state'), { recursive: true });
    const state = { version: 1, recentCodes: [], transcripts: { MG1: { cursor: 0, furthest: 1500, at: '2026-12-01T10:00:00Z', read: [[0, 1500]] } } };
    writeFileSync(join(dir, '.codage/state/paul.json'), JSON.stringify(state));
    const r = reconcile(dir, '--strategy', 'union');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: paul has read MG1 to \d+% in the coding screen: what follows counts as not coded by paul/);
    expect(r.stderr).not.toContain('marie has read');
  });

  it('refuses wrong usage with exit code 2', () => {
    const dir = copyStudy();
    expect(reconcile(dir, '--into', 'marie', '--strategy', 'union').code).toBe(2);
    expect(runCli(['reconcile', 'marie', 'marie', '--study', dir, '--strategy', 'union']).code).toBe(2);
    expect(reconcile(dir, '--strategy', 'majority').code).toBe(2);
    const piped = reconcile(dir);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--strategy union|intersection|prefer-a|prefer-b');
  });
});
