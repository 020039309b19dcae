/**
 * `codage import` on an 80×24 terminal when the files name their speakers (a Teams export with
 * `<v Dr Martin>` voices): the built binary in a real pseudo-terminal asks for the speaker map,
 * proposes E for the one who asks the questions and P<n> from the file's name, lets the
 * researcher edit it, then imports with it; Esc imports nothing. Without a terminal, the import
 * goes on as before and says how to pass --speaker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, runCli, snapshot, tempDir } from './helpers.js';
import { KEYS, startCodage } from './support/pty.js';

afterAll(cleanTemps);

const SIZE = { cols: 80, rows: 24 };

/** A Teams transcript as it is downloaded: CRLF, cue ids, voices with titles and details, entities. */
const TEAMS = [
  'WEBVTT',
  '',
  '3f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6/10-0',
  '00:00:02.000 --> 00:00:05.500',
  '<v Claire Petit (Interne)>Bonjour docteur, vous êtes d&apos;accord pour l&apos;enregistrement&nbsp;?</v>',
  '',
  '3f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6/11-0',
  '00:00:06.000 --> 00:00:09.000',
  '<v Dr Martin>Oui, allez-y. Je suis installé depuis vingt ans.</v>',
  '',
  '3f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6/12-0',
  '00:00:09.500 --> 00:00:12.000',
  '<v Claire Petit (Interne)>Comment voyez-vous vos patients douloureux chroniques&nbsp;?</v>',
  '',
  '3f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6/13-0',
  '00:00:12.500 --> 00:00:20.000',
  '<v Dr Martin>Souvent épuisés. Et moi aussi, parfois.</v>',
  '',
].join('\r\n');

function setup(): { study: string; file: string } {
  const study = join(tempDir(), 'etude');
  expect(runCli(['init', study, '--lang', 'fr']).code).toBe(0);
  const file = join(tempDir(), 'entretien-P3.vtt');
  writeFileSync(file, TEAMS);
  return { study, file };
}

describe('codage import asks for the speaker map on a terminal', () => {
  it('proposes E and P3, lets the researcher edit them, and imports with the map', async () => {
    const { study, file } = setup();
    const s = startCodage(['import', file, '--study', study, '--lang', 'en'], SIZE);
    await s.waitFor('2 speakers to name');
    await s.waitFor('Claire Petit (Interne) → E');
    await s.waitFor('Dr Martin');
    await s.waitFor('“Oui, allez-y. Je suis installé depuis vingt ans.”');
    await s.type(KEYS.DOWN);
    // The code of Dr Martin: P3 proposed from the file name; the study calls him MG3.
    await s.type('\x15MG3');
    await s.type(KEYS.ENTER);
    expect(await s.exit).toBe(0);
    await s.waitFor('1 transcript(s) imported, 0 not imported.');
    const text = readFileSync(join(study, 'transcripts/entretien-P3.txt'), 'utf8');
    expect(text).toContain('[00:00:02] E : Bonjour docteur, vous êtes d\'accord pour l\'enregistrement\u00a0?');
    expect(text).toContain('[00:00:06] MG3 : Oui, allez-y.');
    expect(text).not.toContain('Martin');
    expect(text).not.toContain('Claire');
  }, 60_000);

  it('refuses a code the transcript reader would not take back, and Esc imports nothing', async () => {
    const { study, file } = setup();
    const before = snapshot(study);
    const s = startCodage(['import', file, '--study', study, '--lang', 'en'], SIZE);
    await s.waitFor('2 speakers to name');
    await s.type('\x15E : ');
    await s.type(KEYS.ENTER);
    await s.waitFor('cannot be a label');
    await s.type(KEYS.ESC);
    expect(await s.exit).toBe(0);
    await s.waitFor('Import cancelled: nothing was written.');
    expect(snapshot(study)).toEqual(before);
  }, 60_000);

  it('without a terminal, imports as before and says how to pass --speaker', () => {
    const { study, file } = setup();
    const r = runCli(['import', file, '--study', study, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('these speaker labels look like names: Claire Petit, Dr Martin.');
    expect(r.stdout).toContain('--speaker "Name=P3"');
  });
});
