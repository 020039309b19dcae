import { describe, expect, it } from 'vitest';
import { planImport } from './import-plan.js';
import { readProjectXml } from './read.js';

const TEXT = 'E : Bonjour.\n\nP1 : Je ne sais plus quoi lui proposer. On tourne en rond.\n';
const EMPTY = 'version: 1\nthemes: []\ncodes: []\n';

/** A project with one source, one code, and one selection per (user GUID or none, quote). */
function project(origin: string, users: string, selections: { user?: string; quote: string }[]): string {
  const sel = selections
    .map(({ user, quote }, i) => {
      const start = [...TEXT].length - [...TEXT.slice(TEXT.indexOf(quote))].length;
      const by = user === undefined ? '' : ` creatingUser="${user}"`;
      return `<PlainTextSelection guid="00000000-0000-0000-0000-0000000001${String(i).padStart(2, '0')}" name="${quote}" startPosition="${start}" endPosition="${start + [...quote].length}"${by}><Coding guid="00000000-0000-0000-0000-0000000002${String(i).padStart(2, '0')}"${by}><CodeRef targetGUID="00000000-0000-0000-0000-000000000c01"/></Coding></PlainTextSelection>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="${origin}"><Users>${users}</Users><CodeBook><Codes><Code guid="00000000-0000-0000-0000-000000000c01" name="Impuissance" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="00000000-0000-0000-0000-000000000501" name="P1" plainTextPath="internal://x.txt">${sel}</TextSource></Sources></Project>`;
}

const plan = (xml: string) => {
  const p = readProjectXml(xml, 'project.qde');
  return planImport(p, new Map([[p.sources[0]!.guid, { text: TEXT, hadBom: false }]]), { codebook: EMPTY, emptyCodebook: EMPTY, transcripts: new Map(), transcriptFiles: new Set() }, 'fr');
};
const user = (n: number, name: string, id?: string) => `<User guid="00000000-0000-0000-0000-00000000000${n}" name="${name}"${id === undefined ? '' : ` id="${id}"`}/>`;
const guid = (n: number) => `00000000-0000-0000-0000-00000000000${n}`;

describe('import-refi: the project’s users as coder files', () => {
  it('names each file after its user and keeps the user’s name as `coder:`; two users of one name stay two coders, and it is said', () => {
    const users = user(1, 'Marie Dupont', 'MD') + user(2, 'Marie Dupont', 'MD') + user(3, 'Léa') + user(4, 'léa');
    const done = plan(
      project('NVivo 14', users, [
        { user: guid(1), quote: 'Je ne sais plus' },
        { user: guid(2), quote: 'On tourne en rond' },
        { user: guid(3), quote: 'Bonjour' },
        { user: guid(4), quote: 'quoi lui proposer' },
        { quote: 'tourne' },
      ]),
    );
    expect(done.coders.map((c) => [c.coder, c.name, c.segments.map((s) => s.text)])).toEqual([
      ['marie-dupont', 'Marie Dupont', ['Je ne sais plus']],
      ['marie-dupont-2', 'Marie Dupont', ['On tourne en rond']],
      ['Léa', undefined, ['Bonjour']],
      // One file with Léa on macOS and Windows: a file of its own.
      ['léa-2', 'léa', ['quoi lui proposer']],
      // A coding that names no user: nobody's file, said.
      ['nvivo', undefined, ['tourne']],
    ]);
    const said = done.report.map((r) => r.message.en);
    expect(said.filter((m) => m.startsWith('2 users are named "Marie Dupont"'))).toHaveLength(2);
    expect(said).toContain('the user "léa" is the coder léa-2 (codings/léa-2.yaml, coder: léa)');
    expect(said).toContain("1 coding(s) or note(s) name no user of the project: they are in codings/nvivo.yaml, apart from every user's");
    expect(done.report.find((r) => r.kind === 'refi-coding-no-user')!.message.fr).toBe('1 codage(s) ou note(s) ne nomment aucun utilisateur du projet\u00a0: ils sont dans codings/nvivo.yaml, à part de ceux de chaque utilisateur');
  });

  it('gives a project codage wrote its coder files back: the file from the user’s id, `coder:` from the name, nothing to say', () => {
    const done = plan(project('codage 0.1.0', user(1, 'Marie Dupont', 'marie') + user(2, 'paul', 'paul'), [{ user: guid(1), quote: 'Bonjour' }, { user: guid(2), quote: 'tourne' }]));
    expect(done.coders.map((c) => [c.coder, c.name])).toEqual([
      ['marie', 'Marie Dupont'],
      ['paul', undefined],
    ]);
    expect(done.report.filter((r) => r.kind.startsWith('refi-coder'))).toEqual([]);
  });
});
