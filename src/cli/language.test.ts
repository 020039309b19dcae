import { describe, expect, it } from 'vitest';
import { studyDirFromArgv } from './language.js';

describe('studyDirFromArgv', () => {
  it('is --study, in either form', () => {
    expect(studyDirFromArgv(['check', '--study', 'ma-these'])).toBe('ma-these');
    expect(studyDirFromArgv(['check', '--study=ma-these', '--json'])).toBe('ma-these');
    expect(studyDirFromArgv(['check'])).toBeUndefined();
  });

  it('is the folder codage init names, wherever its options are: a study already there answers in its language', () => {
    expect(studyDirFromArgv(['init', 'ma-these'])).toBe('ma-these');
    expect(studyDirFromArgv(['init', '--codebook', 'thematic-analysis', '--title', 'Douleur', 'ma-these'])).toBe('ma-these');
    expect(studyDirFromArgv(['init', '--', '-dossier'])).toBe('-dossier');
    expect(studyDirFromArgv(['init'])).toBeUndefined();
    expect(studyDirFromArgv(['import', 'entretiens/MG1.docx'])).toBeUndefined();
  });
});
