import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

/** A spreadsheet whose rows follow MG1 in reading order; `lombalgie` is said in two answers of MG1. */
const SHEET = `Participant;Code;Verbatim
MG1;Incertitude diagnostique;moi j'ai toujours peur de passer à côté de quelque chose
MG1;Lombalgie;lombalgie
MG1;Examens complémentaires;Je pense que je fais trop d'examens, honnêtement
MG1;Délais d'accès;C'est huit mois d'attente. Huit mois.....on bricole en attendant
`;

/** A coder file's segments as written, one JSON line each. */
interface WrittenSegment {
  id: string;
  text: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  confirmed?: boolean;
  ambiguous?: boolean;
}

function writtenSegments(dir: string, coder: string): WrittenSegment[] {
  return readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('  - {'))
    .map((l) => JSON.parse(l.slice(4)) as WrittenSegment);
}

/** A copy of the demo where lea imported `sheet` (`lombalgie` alone by default), and the sheet's path. */
function leaImported(sheet = 'Participant;Code;Verbatim\nMG1;Lombalgie;lombalgie\n'): { dir: string; sheet: string } {
  const dir = copyStudy();
  const file = join(tempDir(), 'codage.csv');
  writeFileSync(file, sheet);
  expect(runCli(['import-codings', file, '--coder', 'lea', '--study', dir, '--lang', 'en']).code).toBe(0);
  return { dir, sheet: file };
}

interface JsonProblem {
  kind: string;
  file: string;
  line: number | null;
  message: string;
  hint: string | null;
}

describe('import → check → confirm', () => {
  const dir = copyStudy();
  const sheet = join(tempDir(), 'codage.csv');
  writeFileSync(sheet, SHEET);
  const review = join(tempDir(), 'review.csv');
  const imported = runCli(['import-codings', sheet, '--coder', 'lea', '--study', dir, '--review', review, '--lang', 'en']);

  it('imports a repeated quote at the place its neighbours single out, marked ambiguous, and ties passages by a quote id', () => {
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('To confirm: 1 segment(s) placed among several possible places (by context, else nearest the neighbouring rows)');
    const lines = readFileSync(join(dir, 'codings/lea.yaml'), 'utf8').split('\n').filter((l) => l.startsWith('  - {'));
    const segments = lines.map((l) => JSON.parse(l.slice(4)) as Record<string, unknown>);
    const lombalgie = segments.find((s) => s.text === 'lombalgie')!;
    expect(lombalgie.ambiguous).toBe(true);
    expect(lombalgie.prefix).toBe('quelque chose. Vous voyez, la ');
    const delais = segments.filter((s) => s.quote !== undefined);
    expect(delais.map((s) => s.text)).toEqual(["C'est huit mois d'attente. Huit mois", 'On bricole en attendant']);
    expect(delais[0]!.quote).toBe(delais[1]!.quote);
    const rows = parse(readFileSync(review, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[1]!.status).toBe('exact, ambiguous');
    expect(rows[1]!.segment).toBe(lombalgie.id);
    expect(rows[3]!.status).toBe('several passages');
    expect(rows[3]!.segment.split(' ; ')).toEqual(delais.map((s) => s.id));
  });

  it('has check list the ambiguous segment until it is confirmed, then not', () => {
    const before = runCli(['check', '--study', dir, '--json', '--lang', 'en']);
    expect(before.code).toBe(0);
    const problems = (JSON.parse(before.stdout) as { problems: JsonProblem[] }).problems.filter((p) => p.kind === 'segment-ambiguous');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('codings/lea.yaml');
    expect(problems[0]!.message).toMatch(/^segment (\w+) \(transcripts\/MG1\.txt, line 24\) was placed by an import at one of several places/);
    const id = /^segment (\w+)/.exec(problems[0]!.message)![1]!;
    expect(problems[0]!.hint).toContain(`codage confirm ${id} --coder lea`);

    const unknown = runCli(['confirm', 'nope1234', '--coder', 'lea', '--study', dir, '--lang', 'en']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no segment or quote "nope1234" in codings/lea.yaml; nothing was changed');
    expect(runCli(['confirm', '--coder', 'lea', '--study', dir]).code).toBe(2);

    const confirmed = runCli(['confirm', id, '--coder', 'lea', '--study', dir, '--lang', 'en']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toBe(`✓ 1 segment(s) confirmed in codings/lea.yaml: ${id}\nAmbiguous segments left: 0\n`);
    const after = JSON.parse(runCli(['check', '--study', dir, '--json']).stdout) as { problems: JsonProblem[] };
    expect(after.problems.filter((p) => p.kind === 'segment-ambiguous')).toEqual([]);
    expect(readFileSync(join(dir, 'codings/lea.yaml'), 'utf8')).not.toContain('"ambiguous"');
    // The confirmation is recorded: a confirmed place is told from one never ambiguous.
    const lines = readFileSync(join(dir, 'codings/lea.yaml'), 'utf8').split('\n').filter((l) => l.startsWith('  - {'));
    const marks = lines.map((l) => JSON.parse(l.slice(4)) as { id: string; confirmed?: boolean });
    expect(marks.filter((s) => s.confirmed).map((s) => s.id)).toEqual([id]);
    const again = runCli(['confirm', '--all', '--coder', 'lea', '--study', dir, '--lang', 'fr']);
    expect(again.stdout).toBe('Aucun segment à confirmer dans codings/lea.yaml.\nSegments ambigus restants\u00a0: 0\n');
    const other = marks.find((s) => s.id !== id)!.id;
    const named = runCli(['confirm', id, other, '--coder', 'lea', '--study', dir, '--lang', 'en']);
    expect(named.stdout).toBe(`No segment to confirm in codings/lea.yaml.\nAlready confirmed: ${id}\nNot marked ambiguous, nothing to confirm: ${other}\nAmbiguous segments left: 0\n`);
  });

  it('keeps the ids of the rows imported again where they were when a corrected spreadsheet replaces the file', () => {
    const segmentsOf = () =>
      readFileSync(join(dir, 'codings/lea.yaml'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('  - {'))
        .map((l) => JSON.parse(l.slice(4)) as { id: string; text: string; quote?: string });
    const before = segmentsOf();
    // Row 4 corrected (a longer quote); the others as they were.
    writeFileSync(sheet, SHEET.replace("Je pense que je fais trop d'examens, honnêtement", "Je pense que je fais trop d'examens, honnêtement. Des IRM, des bilans"));
    const again = runCli(['import-codings', sheet, '--coder', 'lea', '--study', dir, '--review', review, '--replace', '--lang', 'en']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const after = segmentsOf();
    const idOf = (list: { id: string; text: string }[], text: string) => list.find((s) => s.text === text)?.id;
    for (const text of ['lombalgie', "C'est huit mois d'attente. Huit mois", 'On bricole en attendant']) expect(idOf(after, text), text).toBe(idOf(before, text));
    expect(after.find((s) => s.text === 'On bricole en attendant')!.quote).toBe(before.find((s) => s.text === 'On bricole en attendant')!.quote);
    const corrected = after.find((s) => s.text.startsWith("Je pense que je fais trop d'examens"))!;
    expect(corrected.text).toBe("Je pense que je fais trop d'examens, honnêtement. Des IRM, des bilans");
    expect(before.map((s) => s.id)).not.toContain(corrected.id);
    const rows = parse(readFileSync(review, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[1]!.segment).toBe(idOf(before, 'lombalgie'));
  });

  it('keeps the place confirmed before the spreadsheet replaced the file, where the quote is placed again: check does not ask again', () => {
    const replaced = runCli(['import-codings', sheet, '--coder', 'lea', '--study', dir, '--review', review, '--replace', '--json', '--lang', 'en']);
    expect(replaced.code).toBe(0);
    const lombalgie = readFileSync(join(dir, 'codings/lea.yaml'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('  - {'))
      .map((l) => JSON.parse(l.slice(4)) as { id: string; text: string; ambiguous?: boolean; confirmed?: boolean })
      .find((s) => s.text === 'lombalgie')!;
    expect(lombalgie).toMatchObject({ confirmed: true });
    expect(lombalgie.ambiguous).toBeUndefined();
    expect(JSON.parse(replaced.stdout)).toMatchObject({ ambiguousSegments: 0, stillConfirmed: [lombalgie.id], confirmAgain: [] });
    const check = JSON.parse(runCli(['check', '--study', dir, '--json']).stdout) as { problems: JsonProblem[] };
    expect(check.problems.filter((p) => p.kind === 'segment-ambiguous')).toEqual([]);
    const rows = parse(readFileSync(review, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[1]!.reason).toContain(`Confirmed before (codage confirm) at this place, in the same text: still confirmed (${lombalgie.id}).`);
    // The sheet now lists the row where its neighbours put it at the other place: to confirm again, and said so.
    writeFileSync(sheet, SHEET.replace('MG1;Lombalgie;lombalgie\n', '').replace(/\n$/, '\nMG1;Lombalgie;lombalgie\n'));
    const moved = runCli(['import-codings', sheet, '--coder', 'lea', '--study', dir, '--review', review, '--replace', '--lang', 'en']);
    expect(moved.code).toBe(0);
    const again = readFileSync(join(dir, 'codings/lea.yaml'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('  - {'))
      .map((l) => JSON.parse(l.slice(4)) as { id: string; text: string; start: number; ambiguous?: boolean; confirmed?: boolean })
      .find((s) => s.text === 'lombalgie')!;
    // Marked as check --fix marks a place to confirm again: ambiguous, its `confirmed` mark kept.
    expect(again.ambiguous).toBe(true);
    expect(again.confirmed).toBe(true);
    expect(moved.stdout).toContain(`To confirm again: 1 segment(s) you had confirmed (codage confirm), now placed at another place, or where the transcript text around them changed: ${again.id}\n`);
    // Counted once: under « to confirm again », not also among the places an import chose among several.
    expect(moved.stdout).not.toContain('To confirm: ');
    // check says « to confirm again », not « placed by an import »; confirm counts it as confirmed again.
    const asked = JSON.parse(runCli(['check', '--study', dir, '--json', '--lang', 'en']).stdout) as { problems: JsonProblem[] };
    const ambiguous = asked.problems.filter((p) => p.kind === 'segment-ambiguous');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.message).toContain(`segment ${again.id} (transcripts/MG1.txt, line`);
    expect(ambiguous[0]!.message).toContain('is to confirm again: its place or the words around it changed since it was confirmed');
    expect(ambiguous[0]!.message).not.toContain('placed by an import');
    const fr = runCli(['check', '--study', dir, '--lang', 'fr']);
    expect(fr.stdout).toContain(`le segment ${again.id} (transcripts/MG1.txt, ligne`);
    expect(fr.stdout).toContain('est à confirmer de nouveau\u00a0: son endroit ou les mots autour ont changé depuis sa confirmation');
    const confirmed = runCli(['confirm', again.id, '--coder', 'lea', '--study', dir, '--json']);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ confirmed: [again.id], confirmedAgain: [again.id], ambiguousLeft: 0 });
  });
});

describe('a transcript edited above a confirmed place, then the spreadsheet imported again (check --fix not run)', () => {
  it('keeps every segment id and the place confirmed: nothing to confirm again', () => {
    const { dir, sheet } = leaImported(SHEET);
    expect(runCli(['confirm', '--all', '--coder', 'lea', '--study', dir, '--lang', 'en']).code).toBe(0);
    const segments = () => writtenSegments(dir, 'lea');
    const before = segments();
    // The transcriber's correction at the top of MG1: every offset after it moves by a few characters.
    const file = join(dir, 'transcripts/MG1.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Bonjour, et merci', 'Bonjour docteur, et merci'));
    const replaced = runCli(['import-codings', sheet, '--coder', 'lea', '--study', dir, '--replace', '--json', '--lang', 'en']);
    expect(replaced.code).toBe(0);
    const after = segments();
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    const lombalgie = after.find((s) => s.text === 'lombalgie')!;
    expect(lombalgie).toMatchObject({ confirmed: true, start: before.find((s) => s.text === 'lombalgie')!.start + ' docteur'.length });
    expect(JSON.parse(replaced.stdout)).toMatchObject({ stillConfirmed: [lombalgie.id], confirmAgain: [] });
  });
});

describe('a quote said again above the place the coder confirmed, then the spreadsheet imported again', () => {
  it('goes back to the place confirmed when nothing in the sheet tells, still confirmed', () => {
    const { dir, sheet } = leaImported();
    expect(runCli(['confirm', '--all', '--coder', 'lea', '--study', dir, '--lang', 'en']).code).toBe(0);
    const lombalgie = () => writtenSegments(dir, 'lea').find((s) => s.text === 'lombalgie')!;
    const before = lombalgie();
    expect(before.confirmed).toBe(true);
    // The transcriber's correction: MG1 says « lombalgie » in her first answer too, above the place confirmed.
    const file = join(dir, 'transcripts/MG1.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Alors euh… le dernier', 'Alors euh… une lombalgie, le dernier'));
    const replaced = runCli(['import-codings', sheet, '--coder', 'lea', '--study', dir, '--replace', '--json', '--lang', 'en']);
    expect(replaced.code).toBe(0);
    const after = lombalgie();
    expect(after).toMatchObject({ id: before.id, prefix: before.prefix, confirmed: true, start: before.start + ' une lombalgie,'.length });
    expect(after.ambiguous).toBeUndefined();
    expect(JSON.parse(replaced.stdout)).toMatchObject({ stillConfirmed: [before.id], confirmAgain: [] });
    const rows = parse(readFileSync(join(dir, 'import-review-lea.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]!.reason).toBe(`Found at 3 equally good places (also lines 12, 64): placed at line 24, where you had confirmed it (codage confirm). | Confirmed before (codage confirm) at this place, in the same text: still confirmed (${before.id}).`);
  });
});

describe('a transcript corrected just next to a place the coder confirmed, the quote itself unchanged', () => {
  it('is reported by check, made a place to confirm again by check --fix (same place, same text), then confirmed again', () => {
    const { dir } = leaImported();
    expect(runCli(['confirm', '--all', '--coder', 'lea', '--study', dir, '--lang', 'en']).code).toBe(0);
    const lombalgie = () => writtenSegments(dir, 'lea').find((s) => s.text === 'lombalgie')!;
    const before = lombalgie();
    expect(before.confirmed).toBe(true);
    // The transcriber's correction right after the place confirmed, as long as what it replaces: the offsets stay.
    // (marie's segment over these words is re-anchored by check --fix as before.)
    const file = join(dir, 'transcripts/MG1.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('la lombalgie chronique, bon,', 'la lombalgie chronique, bah,'));
    const check = runCli(['check', '--study', dir, '--json', '--lang', 'fr']);
    expect(check.code).toBe(0);
    const asked = (JSON.parse(check.stdout) as { problems: JsonProblem[] }).problems.filter((p) => p.kind.startsWith('segment-') && p.file === 'codings/lea.yaml');
    expect(asked).toEqual([expect.objectContaining({ kind: 'segment-confirm-again', file: 'codings/lea.yaml' })]);
    expect(asked[0]!.message).toBe(
      `le segment ${before.id} (transcripts/MG1.txt, ligne 24) a été confirmé à son endroit (codage confirm), mais la transcription a changé là depuis (les mots juste avant ou après, ou la citation elle-même)\u00a0: «\u00a0lombalgie\u00a0»`,
    );
    expect(asked[0]!.hint).toContain(`codage confirm ${before.id} --coder lea`);
    const fix = runCli(['check', '--fix', '--study', dir, '--lang', 'en']);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain(`✓ codings/lea.yaml: 1 confirmed segment(s) where the transcript changed, to confirm again (codage confirm): ${before.id}\n`);
    const after = lombalgie();
    expect(after).toMatchObject({ id: before.id, start: before.start, end: before.end, ambiguous: true, suffix: before.suffix.replace('bon,', 'bah,') });
    // Still marked confirmed once: a place to confirm again, said so (not « placed by an import »).
    expect(after.confirmed).toBe(true);
    const lea = () =>
      (JSON.parse(runCli(['check', '--study', dir, '--json', '--lang', 'en']).stdout) as { problems: JsonProblem[] }).problems
        .filter((p) => p.file === 'codings/lea.yaml' && p.kind.startsWith('segment-'))
        .map((p) => [p.kind, p.message]);
    expect(lea()).toEqual([['segment-ambiguous', `segment ${before.id} (transcripts/MG1.txt, line 24) is to confirm again: its place or the words around it changed since it was confirmed — “lombalgie”`]]);
    const confirmed = runCli(['confirm', before.id, '--coder', 'lea', '--study', dir, '--lang', 'fr']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain(`Dont confirmé(s) de nouveau (les mots autour avaient changé depuis la confirmation)\u00a0: ${before.id}\n`);
    expect(lea()).toEqual([]);
    expect(lombalgie()).toMatchObject({ confirmed: true, start: before.start });
  });
});

describe('a transcript corrected next to an imported place before the coder confirms it', () => {
  it('confirms the place with the words around it now: check does not ask again at once', () => {
    const { dir } = leaImported();
    const lombalgie = () => writtenSegments(dir, 'lea').find((s) => s.text === 'lombalgie')!;
    const imported = lombalgie();
    expect(imported.ambiguous).toBe(true);
    // Corrected after the import, before the confirmation (as long as what it replaces: the place stays).
    const file = join(dir, 'transcripts/MG1.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('la lombalgie chronique, bon,', 'la lombalgie chronique, bah,'));
    expect(runCli(['confirm', '--all', '--coder', 'lea', '--study', dir, '--lang', 'en']).code).toBe(0);
    expect(lombalgie()).toMatchObject({ id: imported.id, start: imported.start, confirmed: true, suffix: imported.suffix.replace('bon,', 'bah,') });
    const check = JSON.parse(runCli(['check', '--study', dir, '--json', '--lang', 'en']).stdout) as { problems: JsonProblem[] };
    expect(check.problems.filter((p) => p.file === 'codings/lea.yaml' && p.kind.startsWith('segment-'))).toEqual([]);
  });
});

describe('what confirm reads', () => {
  it('reads whole only the transcripts of the segments it confirms, the others no further than their front matter', () => {
    const { dir } = leaImported();
    const ambiguous = writtenSegments(dir, 'lea').find((s) => s.ambiguous === true)!;
    const trace = join(tempDir(), 'reads.txt');
    writeFileSync(trace, '');
    const env = { NODE_OPTIONS: `--import ${pathToFileURL(join(import.meta.dirname, 'support/trace-reads.mjs')).href}`, CODAGE_TRACE_READS: trace };
    const run = runCli(['confirm', ambiguous.id, '--coder', 'lea', '--study', dir, '--json'], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).confirmed).toEqual([ambiguous.id]);
    const read = readFileSync(trace, 'utf8').split('\n').filter((l) => l !== '').map((file) => relative(dir, file).split(sep).join('/'));
    expect(new Set(read)).toEqual(new Set(['transcripts/MG1.txt']));
    // Confirmed with the words around it in MG1 as it reads today, as before.
    const confirmed = writtenSegments(dir, 'lea').find((s) => s.id === ambiguous.id)!;
    const text = readFileSync(join(dir, 'transcripts/MG1.txt'), 'utf8');
    expect(text).toContain(`${confirmed.prefix}${confirmed.text}${confirmed.suffix}`);
    // Nothing to confirm: no transcript read at all.
    writeFileSync(trace, '');
    expect(runCli(['confirm', '--all', '--coder', 'lea', '--study', dir], { env }).code).toBe(0);
    expect(readFileSync(trace, 'utf8')).toBe('');
  });
});
