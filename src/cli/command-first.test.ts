import { describe, expect, it } from 'vitest';
import { commandFirst } from './command-first.js';

describe('commandFirst', () => {
  it('moves --study and --lang written before the command after it', () => {
    expect(commandFirst(['--study', 'ma-these', 'check'])).toEqual(['check', '--study', 'ma-these']);
    expect(commandFirst(['--lang=en', '--study', 'x', 'compare', 'a', 'b', '--json'])).toEqual(['compare', 'a', 'b', '--json', '--lang=en', '--study', 'x']);
    expect(commandFirst(['--study', 'x', 'memo', 'MG1', '--', '--texte'])).toEqual(['memo', 'MG1', '--study', 'x', '--', '--texte']);
  });

  it('leaves everything else as it is', () => {
    expect(commandFirst(['check', '--study', 'x'])).toEqual(['check', '--study', 'x']);
    expect(commandFirst(['--study', 'x'])).toEqual(['--study', 'x']);
    expect(commandFirst(['--version'])).toEqual(['--version']);
    expect(commandFirst(['--verbose', 'check'])).toEqual(['--verbose', 'check']);
  });
});
