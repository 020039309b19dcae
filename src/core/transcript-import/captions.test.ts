import { describe, expect, it } from 'vitest';
import { clockTime, mergeCues, parseCaptions } from './captions.js';

describe('parseCaptions', () => {
  it('reads Teams voices, several in one cue, with styling and entities', () => {
    const vtt = 'WEBVTT\n\nNOTE auto\n\nid/1-0\n00:00:01.000 --> 00:00:02.500\n<v Marie Dupont>Bonjour&nbsp;?</v> <v.loud Paul>Oui <b>bien</b> &amp; vous</v>\n';
    const { cues, problems } = parseCaptions(vtt, 'vtt');
    expect(problems).toEqual([]);
    expect(cues.map((c) => [c.speaker, c.text])).toEqual([
      ['Marie Dupont', 'Bonjour\u00a0?'],
      ['Paul', 'Oui bien & vous'],
    ]);
  });

  it('takes a `Name:` prefix as a speaker only when it opens two cues', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nDr Martin: bonjour\n\n00:02.000 --> 00:03.000\nAlors: voilà\n\n00:03.000 --> 00:04.000\nDr Martin: et puis\n';
    const cues = parseCaptions(vtt, 'vtt').cues;
    expect(cues.map((c) => c.speaker)).toEqual(['Dr Martin', null, 'Dr Martin']);
    expect(cues[1]!.text).toBe('Alors: voilà');
  });

  it('takes a speaker label opening one cue only (a nurse who speaks once), and the dash of French subtitles', () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:02.000\nPatient 5: Depuis 2019.\n\n00:02.000 --> 00:03.000\nInfirmière Asalée: Excusez-moi, je vous interromps.\n\n' +
      '00:03.000 --> 00:04.000\nPatient 5: Pas de souci.\n\n00:04.000 --> 00:05.000\nSophie: une fois\n\n00:05.000 --> 00:06.000\n- Intervieweur : Bonjour.\n';
    const cues = parseCaptions(vtt, 'vtt').cues;
    expect(cues.map((c) => [c.speaker, c.text])).toEqual([
      ['Patient 5', 'Depuis 2019.'],
      ['Infirmière Asalée', 'Excusez-moi, je vous interromps.'],
      ['Patient 5', 'Pas de souci.'],
      // A name alone, once: not known to be a speaker.
      [null, 'Sophie: une fois'],
      ['Intervieweur', 'Bonjour.'],
    ]);
  });

  it('reports unreadable blocks with their line, and keeps the rest', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nP3 : un\n\n2\n00:00:0x,000 --> 00:00:03,000\ndeux\n\n3\nsans temps\n';
    const { cues, problems } = parseCaptions(srt, 'srt');
    expect(cues).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([6, 9]);
  });

  it('refuses a WebVTT file without its WEBVTT line', () => {
    expect(parseCaptions('00:01.000 --> 00:02.000\nbonjour\n', 'vtt').problems[0]!.line).toBe(1);
  });

  it('merges consecutive cues of a speaker, and a cue without one into the turn before', () => {
    const { cues } = parseCaptions('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>un</v>\n\n00:00:02.000 --> 00:00:03.000\ndeux\n\n00:00:03.000 --> 00:00:04.000\n<v A>trois</v>\n\n01:00:04.000 --> 01:00:05.000\n<v B>quatre</v>\n', 'vtt');
    expect(mergeCues(cues)).toEqual([
      { start: 1, end: 4, speaker: 'A', text: 'un deux trois' },
      { start: 3604, end: 3605, speaker: 'B', text: 'quatre' },
    ]);
    expect(clockTime(3604.9)).toBe('01:00:04');
  });
});
