import { Command, Help, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { commanderError, frenchExtras, frenchHelp } from './commander-text.js';

describe('commander in French', () => {
  it('translates its error messages and keeps what it does not know', () => {
    expect(commanderError("error: unknown option '--nope'\n(Did you mean --code?)\n", 'fr')).toBe(
      'erreur\u00a0: option inconnue «\u00a0--nope\u00a0»\n(Vouliez-vous dire --code\u00a0?)\n',
    );
    expect(commanderError("error: unknown command 'statz'\n(Did you mean one of stats, status?)", 'fr')).toBe(
      'erreur\u00a0: commande inconnue «\u00a0statz\u00a0»\n(Vouliez-vous dire l’un de ceux-ci\u00a0: stats, status\u00a0?)',
    );
    expect(commanderError("error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are csv, excel.", 'fr')).toBe(
      'erreur\u00a0: l’option «\u00a0--format <format>\u00a0» n’accepte pas «\u00a0pdf\u00a0»\u00a0; valeurs possibles\u00a0: csv, excel.',
    );
    expect(commanderError("error: required option '--coder <name>' not specified", 'fr')).toBe(
      'erreur\u00a0: l’option «\u00a0--coder <name>\u00a0» est obligatoire',
    );
    expect(commanderError("error: too many arguments for 'stats'. Expected 0 arguments but got 1.", 'fr')).toBe(
      'erreur\u00a0: trop d’arguments pour «\u00a0stats\u00a0»\u00a0: 0 attendu(s), 1 donné(s).',
    );
    expect(commanderError("error: missing required argument 'file'", 'fr')).toBe('erreur\u00a0: il manque l’argument «\u00a0file\u00a0»');
    expect(commanderError("error: option '--coder <name>' argument missing", 'fr')).toBe(
      'erreur\u00a0: il manque la valeur de l’option «\u00a0--coder <name>\u00a0»',
    );
    expect(commanderError("error: unknown option '--nope'", 'en')).toBe("error: unknown option '--nope'");
    expect(commanderError('something new', 'fr')).toBe('something new');
  });

  it('writes help headings and option extras in French', () => {
    expect(frenchExtras('output format (choices: "csv", "excel", default: "csv")')).toBe(
      'output format (choix\u00a0: "csv", "excel", par défaut\u00a0: "csv")',
    );
    const cmd = new Command('segments')
      .description('lister')
      .addOption(new Option('--format <format>', 'format de sortie').choices(['csv', 'json']).default('csv'))
      .configureHelp(frenchHelp(new Help()));
    cmd.command('sub');
    const text = cmd.helpInformation();
    expect(text).toContain('Utilisation\u00a0: segments [options] [commande]');
    expect(text).toContain('Options\u00a0:');
    expect(text).toContain('Commandes\u00a0:');
    expect(text.replace(/\n +/g, ' ')).toContain('(choix\u00a0: "csv", "json", par défaut\u00a0: "csv")');
    expect(text).not.toMatch(/Usage:|default:|choices:/);
  });
});
