/**
 * REFI-QDA (NVivo, MAXQDA, ATLAS.ti, QualCoder): exports checked against the published schemas
 * by xmllint, the demo study brought back whole from its own export, and projects written by
 * hand in each tool's shape (with its quirks) imported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { memoFile } from '../src/core/memo/memo.js';
import { loadStudy } from '../src/io/study.js';
import type { Study } from '../src/core/study/study.js';
import type { CodebookNode } from '../src/core/types.js';
import { cleanTemps, copyStudy, DEMO, ROOT, runCli, snapshot, tempDir } from './helpers.js';
import { INTERVIEW, maxqda, nvivo, positions, qdpx, QUOTES, SUPERVISOR_QDC, type ProjectSpec } from './support/refi-projects.js';

afterAll(cleanTemps);

/** The schemas of REFI-QDA 1.5 (QDA-XML 1.0), as published by the REFI group. */
const schemaDir = join(ROOT, 'test/support/refi-qda');
const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).status === 0;
if (!hasXmllint) console.warn('skipped: validating the REFI-QDA exports needs xmllint (sudo apt-get install libxml2-utils; .ci/run installs it)');

function validate(file: string, schema: 'Project.xsd' | 'Codebook.xsd'): void {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(schemaDir!, schema), file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

function unzip(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(file)))) out[name] = Buffer.from(bytes).toString('utf8');
  return out;
}

/** Everything a researcher would call the study's content, by names (ids may be derived anew). */
function content(study: Study) {
  const nodes = (list: CodebookNode[]): unknown[] =>
    list.map((n) => ({ kind: n.kind, name: n.name, description: n.description, definition: n.definition, include: n.include, exclude: n.exclude, example: n.example, color: n.color, children: nodes(n.children) }));
  const codeName = (id: string) => study.codebook.byId.get(id)?.name ?? `?${id}`;
  return {
    codebook: { themes: nodes(study.codebook.themes), ungrouped: nodes(study.codebook.ungrouped) },
    transcripts: study.transcripts.map((t) => ({ id: t.id, text: t.text })),
    attributes: Object.fromEntries([...study.participants].map(([id, p]) => [id, p.attributes])),
    coders: study.coders.map((c) => ({
      coder: c.coder,
      memos: c.coderFile.memos,
      segments: c.coderFile.segments
        .map((s) => ({ participant: s.participant, start: s.start, end: s.end, text: s.text, codes: s.codes.map(codeName).sort(), memo: s.memo, exemplary: s.exemplary, at: s.at }))
        .sort((a, b) => a.participant.localeCompare(b.participant) || a.start - b.start || a.end - b.end || a.codes.join().localeCompare(b.codes.join())),
    })),
  };
}

/** The quote at [start, end) in code points of the transcript text, as codage reads it. */
function quoteAt(study: Study, participant: string, start: number, end: number): string {
  return [...study.transcriptById.get(participant)!.text].slice(start, end).join('');
}

describe('export project --format qdpx / export codebook --format qdc', () => {
  it('writes the demo study as a project valid against the schema, with sources named by GUID and UTF-8 without BOM', () => {
    const dir = tempDir();
    const out = join(dir, 'demo.qdpx');
    const r = runCli(['export', 'project', '--format', 'qdpx', '-o', out, '--study', DEMO, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('12 transcript(s), 2 coder(s), 439 segment(s)');
    const files = unzip(out);
    const names = Object.keys(files);
    expect(names[0]).toBe('project.qde');
    const xml = files['project.qde']!;
    const sources = names.filter((n) => n !== 'project.qde');
    expect(sources).toHaveLength(12);
    for (const name of sources) {
      expect(name).toMatch(/^sources\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.txt$/);
      expect(xml).toContain(`plainTextPath="internal://${name.slice('sources/'.length)}"`);
      expect(files[name]!.charCodeAt(0)).not.toBe(0xfeff);
      expect(files[name]).not.toContain('\r');
    }
    // Schema order of the Project's children.
    const order = ['<Users>', '<CodeBook>', '<Variables>', '<Cases>', '<Sources>', '<Notes>'].map((tag) => xml.indexOf(tag));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Themes are not codable; memos are Notes, not descriptions.
    expect(xml).toMatch(/<Code guid="[^"]+" name="Vécu du médecin" isCodable="false">/);
    expect(xml).toContain('<PlainTextContent>Premier entretien. Cabinet de groupe');
    expect(xml).not.toMatch(/<Description>Premier entretien/);
    if (hasXmllint) {
      const qde = join(dir, 'project.qde');
      writeFileSync(qde, xml);
      validate(qde, 'Project.xsd');
    }
  });

  it('gives the same bytes, and so the same GUIDs, at every export; a new segment leaves the other GUIDs as they were', () => {
    const dir = tempDir();
    const study = copyStudy();
    const a = join(dir, 'a.qdpx');
    const b = join(dir, 'b.qdpx');
    expect(runCli(['export', 'project', '-o', a, '--study', study]).code).toBe(0);
    expect(runCli(['export', 'project', '-o', b, '--study', study]).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const guids = (file: string) => new Set(unzip(file)['project.qde']!.match(/guid="[^"]+"/g));
    const before = guids(a);
    const paul = join(study, 'codings/paul.yaml');
    const text = readFileSync(join(study, 'transcripts/A2.txt'), 'utf8');
    const body = text.slice(text.indexOf('\n---\n') + 5);
    const quote = 'Fondamental.';
    const start = [...body.slice(0, body.indexOf(quote))].length;
    writeFileSync(paul, `${readFileSync(paul, 'utf8')}  - {"id": "zzzz0001", "participant": "A2", "start": ${start}, "end": ${start + quote.length}, "codes": ["humour"], "text": "${quote}"}\n`);
    const c = join(dir, 'c.qdpx');
    expect(runCli(['export', 'project', '-o', c, '--study', study]).code).toBe(0);
    const after = guids(c);
    for (const g of before) expect(after.has(g)).toBe(true);
    expect(after.size).toBe(before.size + 2); // the selection and its coding
  });

  it('writes the codebook as a .qdc valid against the schema, every code with its texts', () => {
    const dir = tempDir();
    const out = join(dir, 'codes.qdc');
    const r = runCli(['export', 'codebook', '--format', 'qdc', '-o', out, '--study', DEMO]);
    expect(r.code, r.stderr).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
    expect(xml).toContain('Exclure\u00a0: manque de temps');
    if (hasXmllint) validate(out, 'Codebook.xsd');
  });

  it('refuses a project without -o, and project as another format (exit 2)', () => {
    expect(runCli(['export', 'project', '--study', DEMO]).code).toBe(2);
    expect(runCli(['export', 'themes', '--format', 'qdpx', '-o', join(tempDir(), 'x.qdpx'), '--study', DEMO]).code).toBe(2);
  });
});

describe('round trip: demo → qdpx → a fresh study', () => {
  it('brings back every segment, code, theme, memo and attribute identical', async () => {
    const dir = tempDir();
    const out = join(dir, 'demo.qdpx');
    expect(runCli(['export', 'project', '-o', out, '--study', DEMO]).code).toBe(0);
    const fresh = join(dir, 'fresh');
    const r = runCli(['import-refi', out, '--study', fresh, '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('12 créée(s)');
    expect(r.stderr).toBe('');
    const original = await loadStudy(DEMO);
    const imported = await loadStudy(fresh);
    expect(imported.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(content(imported)).toEqual(content(original));
    expect(runCli(['check', '--study', fresh]).code).toBe(0);
  }, 60_000);
});

describe('round trip: what codage knows of a segment, a code and the study comes back', () => {
  /**
   * The demo with two passages of one imported quote (`quote`), one of them still to confirm
   * (`ambiguous`), a third confirmed with `codage confirm` (`confirmed`), exported, then imported
   * into a new folder with messages in English (`--lang en`): what check, confirm, the import
   * review and the reconcile log name must still be there.
   */
  let trip: { study: string; fresh: string; out: string; stderr: string } | undefined;
  function roundTrip() {
    if (trip !== undefined) return trip;
    const study = copyStudy();
    const marie = join(study, 'codings/marie.yaml');
    let n = 0;
    const lines = readFileSync(marie, 'utf8')
      .split('\n')
      .map((line) => {
        if (!line.includes('"participant": "MG1"') || n >= 3) return line;
        n++;
        if (n === 3) return line.replace(', "at": ', ', "ambiguous": true, "at": ');
        return line.replace(', "at": ', n === 1 ? ', "quote": "q8m3zd0a", "at": ' : ', "quote": "q8m3zd0a", "ambiguous": true, "at": ');
      });
    writeFileSync(marie, lines.join('\n'));
    expect(readFileSync(marie, 'utf8').match(/"quote": "q8m3zd0a"/g)).toHaveLength(2);
    expect(runCli(['confirm', '125aa7dg', '--coder', 'marie', '--study', study]).code).toBe(0);
    expect(readFileSync(marie, 'utf8')).toMatch(/"id": "125aa7dg".*"confirmed": true/);
    const dir = tempDir();
    const out = join(dir, 'demo.qdpx');
    expect(runCli(['export', 'project', '-o', out, '--study', study]).code).toBe(0);
    const fresh = join(dir, 'fresh');
    const r = runCli(['import-refi', out, '--study', fresh, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    trip = { study, fresh, out, stderr: r.stderr };
    return trip;
  }
  const segmentsOf = async (root: string) => {
    const study = await loadStudy(root);
    return study.coders.map((c) => ({ coder: c.coder, segments: c.coderFile.segments.map(({ line: _line, ...s }) => s) }));
  };

  it('keeps the segments’ ids and the quotes’ ids (what check, confirm and the reconcile log name)', async () => {
    const { study, fresh } = roundTrip();
    const ids = async (root: string) => (await segmentsOf(root)).map((c) => ({ coder: c.coder, ids: c.segments.map((s) => `${s.id} ${s.quote ?? ''}`).sort() }));
    expect(await ids(fresh)).toEqual(await ids(study));
  }, 60_000);

  it('keeps a segment still to confirm: check lists it, and confirm finds it by its id', async () => {
    const { study, fresh } = roundTrip();
    const ambiguous = async (root: string) => (await segmentsOf(root)).flatMap((c) => c.segments.filter((s) => s.ambiguous).map((s) => `${c.coder} ${s.id}`));
    const before = await ambiguous(study);
    expect(before).toHaveLength(1);
    expect(await ambiguous(fresh)).toEqual(before);
    const id = before[0]!.split(' ')[1]!;
    const copy = copyStudy(fresh, 'confirmed'); // the other tests read the study as imported
    expect(runCli(['check', '--study', copy, '--lang', 'en']).stdout).toContain(`codage confirm ${id} --coder marie`);
    expect(runCli(['confirm', id, '--coder', 'marie', '--study', copy]).code).toBe(0);
    expect(await ambiguous(copy)).toEqual([]);
  }, 60_000);

  it('keeps a place the coder confirmed (codage confirm), as a line of the selection’s Description', async () => {
    const { study, fresh, out } = roundTrip();
    const confirmed = async (root: string) => (await segmentsOf(root)).flatMap((c) => c.segments.filter((s) => s.confirmed).map((s) => `${c.coder} ${s.id} ${s.start}-${s.end}`));
    const before = await confirmed(study);
    expect(before).toEqual(['marie 125aa7dg 1084-1128']);
    expect(await confirmed(fresh)).toEqual(before);
    expect(unzip(out)['project.qde']).toContain('<Description>Emplacement confirmé (codage confirm)\nSegment codage\u00a0: 125aa7dg</Description>');
    // Confirmed, it is not to confirm again.
    expect(runCli(['confirm', '125aa7dg', '--coder', 'marie', '--study', copyStudy(fresh, 'again'), '--lang', 'en']).stdout).toContain('Already confirmed: 125aa7dg');
  }, 60_000);

  it('keeps the codes’ and themes’ ids, also of codes renamed since they were created', async () => {
    const { study, fresh } = roundTrip();
    const ids = async (root: string) => [...(await loadStudy(root)).codebook.byId.values()].map((n) => `${n.kind} ${n.id} ${n.name}`);
    const original = await ids(study);
    expect(original).toContain("code entourage Place de l'entourage");
    expect(await ids(fresh)).toEqual(original);
    // Coder files name codes by id: every segment keeps its codes.
    const codes = async (root: string) => (await segmentsOf(root)).map((c) => c.segments.map((s) => `${s.id} ${s.codes.join(',')}`).sort());
    expect(await codes(fresh)).toEqual(await codes(study));
  }, 60_000);

  it('keeps the study’s language, whatever language the messages are in', () => {
    const { fresh } = roundTrip();
    expect(readFileSync(join(fresh, 'codage.yaml'), 'utf8')).toMatch(/^language: fr\b/m);
  }, 60_000);

  it('is faithful: the study brought back exports the very same file, still valid against the schema', () => {
    const { fresh, out, stderr } = roundTrip();
    expect(stderr).toBe('');
    const again = join(tempDir(), 'again.qdpx');
    expect(runCli(['export', 'project', '-o', again, '--study', fresh]).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    const xml = unzip(out)['project.qde']!;
    expect(xml).toContain('<Description>Emplacement à confirmer (codage confirm)\nCitation codage\u00a0: q8m3zd0a\nSegment codage\u00a0: ');
    expect(xml).toContain('Identifiant codage\u00a0: entourage</Description>');
    expect(xml).toContain('<Description>Étude codage. Langue de l’étude\u00a0: français (fr). Codeur par défaut\u00a0: marie (codings/marie.yaml).</Description>');
    if (hasXmllint) {
      const qde = join(tempDir(), 'project.qde');
      writeFileSync(qde, xml);
      validate(qde, 'Project.xsd');
    }
  }, 60_000);
});

describe('hostile text', () => {
  function hostileStudy(memo: string): string {
    const dir = join(tempDir(), 'hostile');
    mkdirSync(join(dir, 'transcripts'), { recursive: true });
    mkdirSync(join(dir, 'codings'), { recursive: true });
    writeFileSync(join(dir, 'codage.yaml'), 'title: "Étude <test> & ]]> 🙂"\nlanguage: fr\n');
    // Written on Windows: BOM and CRLF. codage reads it as LF text without BOM: offsets count that.
    const text = 'E : Vous dormez ?\nP1 : Non 😴 jamais. Le « <b>cachet</b> » & ]]> rien.\n';
    writeFileSync(join(dir, 'transcripts/P1.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]));
    writeFileSync(join(dir, 'participants.csv'), 'id;ville;note\nP1;"Saint-Étienne <& ]]>";\n');
    writeFileSync(join(dir, 'codebook.yaml'), 'codes:\n  - name: "<Sommeil> & \\"co\\" ]]> 🛌"\n    id: sommeil\n    definition: "a < b && c > d\\nligne ]]>"\n    color: "#abc"\n');
    const quote = 'Le « <b>cachet</b> » & ]]> rien.';
    const start = [...text.slice(0, text.indexOf(quote))].length;
    const seg = (id: string, q: string, s: number) => `  - {"id": "${id}", "participant": "P1", "start": ${s}, "end": ${s + [...q].length}, "codes": ["sommeil"], "text": ${JSON.stringify(q)}, "memo": ${JSON.stringify(memo)}, "exemplary": true}\n`;
    writeFileSync(join(dir, 'codings/lea.yaml'), `version: 1\ncoder: lea\nmemos:\n  P1: "tab\\tet ]]> <x>"\nsegments:\n${seg('a1', quote, start)}${seg('a2', 'Non 😴 jamais.', [...text.slice(0, text.indexOf('Non'))].length)}`);
    return dir;
  }

  it('escapes <, &, ]]>, quotes, tabs and emoji, counts code points after an emoji, and comes back identical', async () => {
    const study = hostileStudy('mémo ]]> <i>&amp;</i>\tfin 🙂');
    expect(runCli(['check', '--study', study]).code).toBe(0);
    const out = join(tempDir(), 'h.qdpx');
    const r = runCli(['export', 'project', '-o', out, '--study', study]);
    expect(r.code, r.stderr).toBe(0);
    const files = unzip(out);
    const xml = files['project.qde']!;
    const source = Object.entries(files).find(([n]) => n.startsWith('sources/'))![1];
    expect(source.startsWith('E : Vous')).toBe(true);
    // Each selection's positions, in code points of the source, give its text.
    for (const m of xml.matchAll(/<PlainTextSelection guid="[^"]+" name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)) {
      const name = m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect([...source].slice(Number(m[2]), Number(m[3])).join('')).toBe(name);
    }
    if (hasXmllint) {
      const qde = join(tempDir(), 'project.qde');
      writeFileSync(qde, xml);
      validate(qde, 'Project.xsd');
      const qdc = join(tempDir(), 'h.qdc');
      expect(runCli(['export', 'codebook', '-o', qdc, '--study', study]).code).toBe(0);
      validate(qdc, 'Codebook.xsd');
    }
    const back = join(tempDir(), 'back');
    expect(runCli(['import-refi', out, '--study', back]).code).toBe(0);
    const a = await loadStudy(study);
    const b = await loadStudy(back);
    expect(content(b)).toEqual(content(a));
  });

  it('writes the memos of memos/ as notes on the study, a transcript, a code, a theme, and brings them back identical', () => {
    const study = copyStudy(DEMO);
    const memos = [['Frustration', 'Proche de l’impuissance ?'], ['MG1', 'Entretien écourté.'], ['study', 'Choix de méthode.'], ['Vécu du médecin', 'Thème central.']];
    for (const [subject, text] of memos) expect(runCli(['memo', subject!, text!, '--coder', 'marie', '--study', study]).code).toBe(0);
    const out = join(tempDir(), 'memos.qdpx');
    expect(runCli(['export', 'project', '-o', out, '--study', study]).code).toBe(0);
    const xml = unzip(out)['project.qde']!;
    if (hasXmllint) {
      const qde = join(tempDir(), 'project.qde');
      writeFileSync(qde, xml);
      validate(qde, 'Project.xsd');
    }
    // Each note is referenced from what it is about: the code, the project.
    const noteGuid = (text: string) => new RegExp(`<Note guid="([^"]+)"[^>]*>\\s*<PlainTextContent>[^<]*${text}`).exec(xml)?.[1];
    expect(xml).toMatch(new RegExp(`<Code [^>]*name="Frustration"[^>]*>[\\s\\S]*?<NoteRef targetGUID="${noteGuid('Proche')}"/>`));
    expect(xml).toMatch(new RegExp(`<NoteRef targetGUID="${noteGuid('Choix')}"/>\\n</Project>`));
    const back = join(tempDir(), 'back');
    expect(runCli(['import-refi', out, '--study', back, '--lang', 'en']).code).toBe(0);
    for (const file of ['memos/study.md', 'memos/transcripts/MG1.md', 'memos/codes/frustration.md', 'memos/themes/vecu-du-medecin.md']) {
      expect(readFileSync(join(back, file), 'utf8')).toBe(readFileSync(join(study, file), 'utf8'));
    }
    // Imported again: the memos already hold those notes, and are left as they are.
    const before = snapshot(back);
    expect(runCli(['import-refi', out, '--study', back, '--lang', 'en']).code).toBe(0);
    expect(snapshot(back)).toEqual(before);
  });

  it('refuses to export a memo holding a control character XML cannot carry, and says where', () => {
    const study = hostileStudy('bip \u0007 bip');
    const out = join(tempDir(), 'h.qdpx');
    const r = runCli(['export', 'project', '-o', out, '--study', study, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the memo of segment a1 (lea)');
    expect(existsSync(out)).toBe(false);
  });
});

// --- Projects in the shape each tool writes ----------------------------------------------------

const NO_EMOJI = INTERVIEW.replace(/ 😔| 💯/g, '');

/** ATLAS.ti: braced GUIDs, no selection names (no text to check), one quotation coded by two users, overlapping quotations, comments as descriptions. */
function atlas(): ProjectSpec {
  const text = NO_EMOJI;
  const femme = positions(text, QUOTES.femme, 'code-points');
  return {
    form: 'braced',
    users: ['alice', 'bruno'],
    codes: [{ name: 'Impuissance' }, { name: 'Épuisement' }, { name: 'Entourage' }],
    sources: [
      {
        name: 'P1.txt',
        bytes: Buffer.from(text, 'utf8'),
        selections: [
          { quote: QUOTES.femme, positions: femme, user: 'alice', codes: [{ code: 'Épuisement' }, { code: 'Entourage', user: 'bruno' }], description: 'Phrase rapportée.' },
          { quote: QUOTES.epuise, positions: positions(text, QUOTES.epuise, 'code-points'), user: 'bruno', codes: [{ code: 'Épuisement' }] },
          { quote: 'je me sens démuni face à eux', positions: positions(text, 'je me sens démuni face à eux', 'code-points'), user: 'alice', codes: [{ code: 'Impuissance' }] },
        ],
      },
    ],
  };
}

/** QualCoder: positions in UTF-16 units (drift after each emoji), memos as descriptions, one selection moved since, one whose text is gone. */
function qualcoder(): ProjectSpec {
  const text = INTERVIEW;
  const u = (quote: string) => positions(text, quote, 'utf16');
  return {
    form: 'lower',
    users: ['default'],
    codes: [{ name: 'démuni' }, { name: 'épuisement' }, { name: 'sommeil' }],
    sources: [
      {
        name: 'P1',
        bytes: Buffer.from(text, 'utf8'),
        selections: [
          { quote: QUOTES.demuni, positions: u(QUOTES.demuni), name: QUOTES.demuni, user: 'default', codes: [{ code: 'démuni' }], description: 'Mémo : il le dit deux fois.' },
          { quote: QUOTES.epuise, positions: u(QUOTES.epuise), name: QUOTES.epuise, user: 'default', codes: [{ code: 'épuisement' }] },
          { quote: QUOTES.dors, positions: u(QUOTES.dors), name: QUOTES.dors, user: 'default', codes: [{ code: 'sommeil' }] },
          { quote: QUOTES.vrai, positions: [3, 3 + [...QUOTES.vrai].length], name: QUOTES.vrai, user: 'default', codes: [{ code: 'sommeil' }] },
          { quote: 'gone', positions: [10, 20], name: 'Ce texte a été supprimé depuis.', user: 'default', codes: [{ code: 'sommeil' }] },
        ],
      },
    ],
  };
}

function importSpec(spec: ProjectSpec, name: string, lang = 'en') {
  const dir = tempDir();
  const file = join(dir, `${name}.qdpx`);
  writeFileSync(file, qdpx(spec));
  const study = join(dir, 'study');
  const r = runCli(['import-refi', file, '--study', study, '--lang', lang]);
  return { r, study, file };
}

/** Each coder's segments as participant: quote → code names. */
function codedQuotes(study: Study): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of study.coders) {
    for (const s of c.coderFile.segments) {
      expect(quoteAt(study, s.participant, s.start, s.end), `${c.coder} ${s.id}`).toBe(s.text);
      out[`${c.coder} ${s.participant}: ${s.text}`] = s.codes.map((id) => study.codebook.byId.get(id)!.name).sort();
    }
  }
  return out;
}

describe('import-refi: projects in the shape each tool writes', () => {
  it('NVivo: CRLF sources, nested codes, a code both applied and parent, two users, cases, a link', async () => {
    const { r, study } = importSpec(nvivo(), 'nvivo');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 Link element(s) not brought over');
    expect(r.stderr).toContain('"Vécu du médecin" has sub-codes and was applied itself');
    const s = await loadStudy(study);
    expect(s.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(s.transcripts.map((t) => t.id)).toEqual(['Entretien P1']);
    expect(s.transcripts[0]!.text).toBe(INTERVIEW);
    expect(s.participants.get('Entretien P1')!.attributes).toEqual({ Âge: 41, Sexe: 'H' });
    expect(s.coders.map((c) => c.coder)).toEqual(['marie-dupont', 'paul-martin']);
    expect(codedQuotes(s)).toEqual({
      [`marie-dupont Entretien P1: ${QUOTES.demuni}`]: ['Impuissance'],
      [`marie-dupont Entretien P1: ${QUOTES.attente}`]: ["Délais d'accès"],
      [`marie-dupont Entretien P1: ${QUOTES.epuise}`]: ['Épuisement'],
      [`paul-martin Entretien P1: ${QUOTES.femme}`]: ['Épuisement'],
      [`paul-martin Entretien P1: ${QUOTES.dors}`]: ['Vécu du médecin'],
    });
    expect(s.coders[0]!.coderFile.memos).toEqual({ 'Entretien P1': 'Entretien au cabinet, le soir.' });
    const theme = s.codebook.themes[0]!;
    expect(theme.name).toBe('Vécu du médecin');
    expect(theme.description).toBe('Ce que ressent le médecin.');
    expect(theme.children.map((n) => `${n.kind} ${n.name}`)).toEqual(['theme Émotions', 'code Vécu du médecin']);
    const delais = [...s.codebook.byId.values()].find((n) => n.name === "Délais d'accès")!;
    expect([delais.definition, delais.include, delais.exclude]).toEqual(['Attente.', 'délais', 'coût']);
    expect(s.codebook.byId.get('impuissance')!.color).toBe('#c0392b');
  });

  it('brings over free memos (notes nothing refers to) and a case description as memos, once', () => {
    const spec = nvivo();
    spec.notes = [
      ...(spec.notes ?? []),
      { key: 'Réflexion après P1', user: 'Marie Dupont', text: 'Le thème du temps revient sans cesse.' },
      { key: 'vide', user: 'Paul Martin', text: '   ' },
    ];
    spec.caseDescriptions = { 'Entretien P1.docx': 'Médecin installé en zone rurale depuis 12 ans.' };
    const { r, study, file } = importSpec(spec, 'nvivo-memos');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 note(s) attached to nothing (free memos) went to memos/study.md');
    expect(readFileSync(join(study, 'memos/study.md'), 'utf8')).toBe('Réflexion après P1\n\nLe thème du temps revient sans cesse.\n');
    expect(readFileSync(join(study, memoFile({ kind: 'transcript', id: 'Entretien P1' })), 'utf8')).toContain('Médecin installé en zone rurale depuis 12 ans.');
    // Imported again: nothing added twice.
    const before = snapshot(study);
    expect(runCli(['import-refi', file, '--study', study, '--lang', 'en']).code).toBe(0);
    expect(snapshot(study)).toEqual(before);
  });

  it('MAXQDA: a BOM, names cut with "…", memos as notes, a coded parent, code sets and a PDF reported', async () => {
    const { r, study } = importSpec(maxqda(), 'maxqda', 'fr');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 élément(s) PDFSource non repris');
    expect(r.stderr).toContain('1 élément(s) Set non repris');
    const s = await loadStudy(study);
    expect(s.transcripts[0]!.text).toBe(INTERVIEW);
    expect(codedQuotes(s)).toEqual({
      [`maxqda-nutzer P1: ${QUOTES.attente}`]: ['Attente'],
      [`Léa P1: ${QUOTES.demuni}`]: ['Démuni', 'Ressenti'],
      [`Léa P1: ${QUOTES.vrai}`]: ['Fatigue'],
    });
    expect(s.coders.find((c) => c.coder === 'maxqda-nutzer')!.coderFile.segments[0]!.memo).toBe('Délai cité par tous les MG.');
    expect(s.codebook.themes[0]!.color).toBe('#e67e22');
  });

  it('gives a study made from another program the language its interviews are in, whatever the messages are in, and says so', async () => {
    const spec = atlas();
    const long = `${NO_EMOJI}\n${'P1 : Alors je dirais que les patients sont très demandeurs, et on ne sait pas toujours quoi leur proposer. '.repeat(8)}\n`;
    spec.sources[0]!.bytes = Buffer.from(long, 'utf8');
    const { r, study } = importSpec(spec, 'atlas-long', 'en');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("note: the study's language (exports, tables): French, that of the interviews; to change it: language: in codage.yaml");
    expect(readFileSync(join(study, 'codage.yaml'), 'utf8')).toMatch(/^language: fr +#/m);
  });

  it('ATLAS.ti: braced GUIDs, a quotation coded by two users, overlapping quotations, comments as memos', async () => {
    const { r, study } = importSpec(atlas(), 'atlas');
    expect(r.code, r.stderr).toBe(0);
    // Too few words in this one interview to tell its language: the messages' is taken, and said.
    expect(r.stderr).toBe("note: the study's language (exports, tables): English, that of the messages (--lang, LANG): the interviews did not say; to change it: language: in codage.yaml\n");
    const s = await loadStudy(study);
    expect(codedQuotes(s)).toEqual({
      [`alice P1: ${QUOTES.femme}`]: ['Épuisement'],
      [`bruno P1: ${QUOTES.femme}`]: ['Entourage'],
      [`bruno P1: ${QUOTES.epuise}`]: ['Épuisement'],
      'alice P1: je me sens démuni face à eux': ['Impuissance'],
    });
    const memo = s.coders.find((c) => c.coder === 'alice')!.coderFile.segments.find((x) => x.text === QUOTES.femme)!.memo;
    expect(memo).toBe('Phrase rapportée.');
  });

  it('QualCoder: UTF-16 positions corrected after each emoji; a moved selection found by its text; a lost one reported, not placed', async () => {
    const { r, study } = importSpec(qualcoder(), 'qualcoder');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('positions in this file count UTF-16 units, not code points as the standard says: corrected');
    expect(r.stderr).toMatch(/P1 \[3–\d+\]: the text was not at its positions; placed where it occurs \(once\)/);
    expect(r.stderr).toContain('P1 [10–20] in "P1" was not brought over');
    const s = await loadStudy(study);
    expect(codedQuotes(s)).toEqual({
      [`default P1: ${QUOTES.demuni}`]: ['démuni'],
      [`default P1: ${QUOTES.epuise}`]: ['épuisement'],
      [`default P1: ${QUOTES.dors}`]: ['sommeil'],
      [`default P1: ${QUOTES.vrai}`]: ['sommeil'],
    });
    expect(s.coders[0]!.coderFile.segments.find((x) => x.text === QUOTES.demuni)!.memo).toBe('Mémo : il le dit deux fois.');
  });

  it('a codebook (.qdc) alone: extends the codebook of an existing study, codes of the same name reused', async () => {
    const study = copyStudy();
    const qdc = join(tempDir(), 'sup.qdc');
    writeFileSync(qdc, SUPERVISOR_QDC);
    const before = snapshot(study);
    const r = runCli(['import-refi', qdc, '--study', study, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const after = snapshot(study);
    for (const [file, bytes] of before) if (file !== 'codebook.yaml') expect(after.get(file), file).toBe(bytes);
    const s = await loadStudy(study);
    expect(s.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(s.codebook.byId.get('tele-expertise')!.definition).toBe('Avis à distance.');
    expect([...s.codebook.byId.values()].filter((n) => n.name === 'Impuissance')).toHaveLength(1);
    // The user's comments in codebook.yaml are kept.
    expect(readFileSync(join(study, 'codebook.yaml'), 'utf8')).toContain('# Grille de codage de l\'étude de démonstration');
  });
});

describe('import-refi: what it refuses', () => {
  it('never overwrites a transcript with another text: exit 1, and the study is as it was', () => {
    const study = copyStudy();
    const spec = atlas();
    spec.sources[0]!.name = 'MG1';
    const file = join(tempDir(), 'conflict.qdpx');
    writeFileSync(file, qdpx(spec));
    const before = snapshot(study);
    const r = runCli(['import-refi', file, '--study', study, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('participant MG1 already has a transcript in this study, with a different text');
    expect(snapshot(study)).toEqual(before);
  });

  it('brings a co-author’s coding of the same transcripts into the study (same text: transcript reused)', async () => {
    const dir = tempDir();
    const out = join(dir, 'demo.qdpx');
    expect(runCli(['export', 'project', '-o', out, '--study', DEMO]).code).toBe(0);
    const study = copyStudy();
    const r = runCli(['import-refi', out, '--study', study, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('12 already there, identical');
    expect(r.stdout).toContain('codings/marie.yaml: 0 segment(s) added, 332 already there');
    const a = await loadStudy(DEMO);
    const b = await loadStudy(study);
    expect(content(b)).toEqual(content(a));
  }, 60_000);

  it('refuses a zip bomb before expanding it, and creates nothing', () => {
    const dir = tempDir();
    // An archive that says its project file expands to 80 MB (1 MB of zeros, its sizes rewritten).
    const bomb = Buffer.from(zipSync({ 'project.qde': new Uint8Array(1024 * 1024) }, { level: 9 }));
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(80 * 1024 * 1024, central + 24);
    const file = join(dir, 'bomb.qdpx');
    writeFileSync(file, bomb);
    const study = join(dir, 'study');
    const r = runCli(['import-refi', file, '--study', study, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('would expand to more than 64 MB');
    expect(existsSync(study)).toBe(false);
  });

  it('names the line and column of broken XML, and writes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'broken.qdpx');
    writeFileSync(file, zipSync({ 'project.qde': Buffer.from('<?xml version="1.0"?>\n<Project name="x">\n  <Users><User guid="a"></Users>\n</Project>\n') }));
    const r = runCli(['import-refi', file, '--study', join(dir, 'study'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/project\.qde is not well-formed XML/);
    expect(r.stderr).toMatch(/:3/);
    expect(existsSync(join(dir, 'study'))).toBe(false);
  });

  it('has --help with examples in both languages', () => {
    for (const lang of ['en', 'fr']) {
      const r = runCli(['import-refi', '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('codage import-refi projet-nvivo.qdpx --study these-marie');
      expect(r.stdout).toContain(lang === 'fr' ? 'Exemples' : 'Examples');
    }
  });
});
