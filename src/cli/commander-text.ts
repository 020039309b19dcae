/**
 * commander's own words — help headings, `(default: …)`, `(choices: …)`, its error messages —
 * in French when the study or the user speaks French. commander writes them in English; they
 * are translated here, on their way out, by their fixed shapes.
 */
import type { Help, HelpConfiguration } from 'commander';
import type { Language } from '../core/types.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation\u00a0:',
  'Options:': 'Options\u00a0:',
  'Commands:': 'Commandes\u00a0:',
  'Arguments:': 'Arguments\u00a0:',
  'Global Options:': 'Options communes\u00a0:',
};

/** `(choices: "csv", "excel", default: "csv")` in French. */
export function frenchExtras(description: string): string {
  return description.replace(/\((choices: .*|default: .*|preset: .*|env: .*)\)$/, (_, inner: string) =>
    `(${inner
      .replace(/\bchoices: /, 'choix\u00a0: ')
      .replace(/\bdefault: /, 'par défaut\u00a0: ')
      .replace(/\bpreset: /, 'valeur sans argument\u00a0: ')
      .replace(/\benv: /, 'variable\u00a0: ')})`,
  );
}

/** Help in French, over commander's own (`base`): headings, the extras after an option, `[command]` in the usage line. */
export function frenchHelp(base: Pick<Help, 'optionDescription' | 'argumentDescription' | 'styleUsage'>): HelpConfiguration {
  return {
    styleTitle: (title) => TITLES[title] ?? title,
    optionDescription: (option) => frenchExtras(base.optionDescription(option)),
    argumentDescription: (argument) => frenchExtras(base.argumentDescription(argument)),
    styleUsage: (usage) => base.styleUsage(usage).replace('[command]', '[commande]'),
  };
}

const ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '(.*)'/, (o) => `erreur\u00a0: option inconnue «\u00a0${o}\u00a0»`],
  [/^error: unknown command '(.*)'/, (c) => `erreur\u00a0: commande inconnue «\u00a0${c}\u00a0»`],
  [/^error: missing required argument '(.*)'/, (a) => `erreur\u00a0: il manque l’argument «\u00a0${a}\u00a0»`],
  [/^error: option '(.*)' argument missing/, (o) => `erreur\u00a0: il manque la valeur de l’option «\u00a0${o}\u00a0»`],
  [/^error: required option '(.*)' not specified/, (o) => `erreur\u00a0: l’option «\u00a0${o}\u00a0» est obligatoire`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./,
    (o, v, choices) => `erreur\u00a0: l’option «\u00a0${o}\u00a0» n’accepte pas «\u00a0${v}\u00a0»\u00a0; valeurs possibles\u00a0: ${choices}.`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (command, expected, got) =>
      `erreur\u00a0: trop d’arguments${command ? ` pour «\u00a0${command}\u00a0»` : ''}\u00a0: ${expected} attendu(s), ${got} donné(s).`,
  ],
  [/^error: (.*) cannot be used with (.*)/, (a, b) => `erreur\u00a0: ${a} ne peut pas aller avec ${b}`],
  [/^\(Did you mean one of (.*)\?\)/, (list) => `(Vouliez-vous dire l’un de ceux-ci\u00a0: ${list}\u00a0?)`],
  [/^\(Did you mean (.*)\?\)/, (one) => `(Vouliez-vous dire ${one}\u00a0?)`],
];

/** One of commander's error messages (one or more lines) in `language`. */
export function commanderError(text: string, language: Language): string {
  if (language === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, french] of ERRORS) {
        const m = pattern.exec(line);
        if (m !== null) return french(...m.slice(1).map((g) => g ?? '')) + line.slice(m[0].length);
      }
      return line;
    })
    .join('\n');
}
