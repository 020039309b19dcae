/**
 * The `codage` program: its commands with their options and help, and `main`, which runs a
 * command line. Only commander is loaded here: each command's code is imported when that
 * command runs, so `codage --version` and the batch commands start without Ink, React or
 * document writers. main.ts runs it; the test of the help builds it to parse examples.
 */
import type { Command } from 'commander';
import { CONSENSUS_CODER } from '../core/consensus/consensus-coder.js';
import type { Language } from '../core/types.js';
import { commandFirst } from './command-first.js';
import { languageFromArgv, languageFromEnv, studyDirFromArgv } from './language.js';
import type { CommandContext } from './context.js';
import type { HelpEntry } from './help.js';
import { codageVersion } from './version.js';

const version = codageVersion();

// biome-ignore lint/suspicious/noExplicitAny: each command's action takes its own arguments, as commander passes them
type Action = (ctx: CommandContext, ...args: any[]) => Promise<number>;

function makeContext(language: Language, fromFlag: boolean): CommandContext {
  return { language, languageFromFlag: fromFlag, stdout: process.stdout, stderr: process.stderr };
}

/**
 * The language of messages, known before commander parses so that its own texts speak it too:
 * `--lang`, else the study's codage.yaml (`--study DIR`, else the current folder), else LANG.
 */
export async function commandLanguage(argv: string[]): Promise<{ language: Language; fromFlag: boolean }> {
  const flag = languageFromArgv(argv);
  if (flag !== undefined) return { language: flag, fromFlag: true };
  const { readStudyLanguage } = await import('../io/study-language.js');
  const { resolve } = await import('node:path');
  const study = await readStudyLanguage(resolve(studyDirFromArgv(argv) ?? '.'));
  return { language: study ?? languageFromEnv(), fromFlag: false };
}

export async function buildProgram(
  argv: string[],
  onExitCode: (code: number) => void,
  chosen?: { language: Language; fromFlag: boolean },
): Promise<Command> {
  const { Command, Help, Option } = await import('commander');
  const { help, programHelp } = await import('./help.js');
  const { commanderError, frenchHelp } = await import('./commander-text.js');
  const { language, fromFlag } = chosen ?? (await commandLanguage(argv));
  const h = (entry: HelpEntry) => help(entry, language);
  const ctx = makeContext(language, fromFlag);
  const fr = language === 'fr';

  const program = new Command('codage');
  program
    .description(h('program').summary)
    .version(version, '-V, --version', h('version').summary)
    .helpOption('-h, --help', h('help').summary)
    .helpCommand(fr ? 'help [commande]' : 'help [command]', h('help-command').summary)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(commanderError(s, language)),
    });
  // commander's own words (headings, defaults, choices) in French, for the program and each command.
  const frenchWords = fr ? frenchHelp(new Help()) : undefined;
  if (frenchWords !== undefined) program.configureHelp(frenchWords);
  /** One example per command, as each command registers. */
  const examples: string[] = [];

  /** Adds the options every command shares and runs its module lazily. */
  /** `name` under `parent`, with its help texts and the options every command shares (--study, --lang). */
  const described = (parent: Command, name: string, entry: HelpEntry): Command => {
    const texts = h(entry);
    const cmd = parent
      .command(name)
      .description(texts.summary)
      .helpOption('-h, --help', h('help').summary)
      .addHelpText('after', texts.after ?? '')
      .addOption(new Option('--study <dir>', h('opt-study').summary).default('.'))
      .addOption(new Option('--lang <language>', h('opt-lang').summary).choices(['fr', 'en']));
    if (frenchWords !== undefined) cmd.configureHelp(frenchWords);
    return cmd;
  };
  /**
   * commander gives a group (`codebook`, `participant`) the options it shares with its
   * subcommands, wherever they are written (`codage codebook --study DIR merge …`): they are the
   * subcommand's.
   */
  const fromGroup = (group: Command, cmd: Command, options: Record<string, unknown>, keys: readonly string[]): void => {
    for (const key of keys) {
      if (group.getOptionValueSource(key) === 'cli' && cmd.getOptionValueSource(key) !== 'cli') options[key] = group.opts()[key];
    }
  };
  const command = (name: string, entry: HelpEntry, load: () => Promise<{ run: Action }>) => {
    const example = h(entry).example;
    if (example !== undefined) examples.push(example);
    const cmd = described(program, name, entry);
    cmd.action(async (...args: unknown[]) => {
      const { run } = await load();
      // commander passes positional arguments, then the options object, then the command.
      const positional = args.slice(0, -2);
      const options = args[args.length - 2];
      onExitCode(await run(ctx, ...positional, options));
    });
    return cmd;
  };

  command('init', 'init', () => import('./commands/init.js'))
    .argument('[dir]', h('arg-dir').summary)
    .option('--codebook <starter>', h('opt-starter').summary)
    .option('--title <title>', h('opt-title').summary);

  command('check', 'check', () => import('./commands/check.js'))
    .option('--fix', h('opt-fix').summary)
    .option('--privacy', h('opt-privacy').summary)
    .option('--json', h('opt-json').summary);

  command('import-codings', 'import-codings', () => import('./commands/import-codings.js'))
    .argument('<file>', h('arg-spreadsheet').summary)
    .requiredOption('--coder <name>', h('opt-coder').summary)
    .option('--append', h('opt-append').summary)
    .option('--replace', h('opt-replace').summary)
    .option('--min-score <score>', h('opt-min-score').summary, '0.85')
    .option('--review <file>', h('opt-review').summary)
    .option('--dry-run', h('opt-dry-run').summary)
    .option('--json', h('opt-json').summary);

  command('import-refi', 'import-refi', () => import('./commands/import-refi.js'))
    .argument('<file>', h('arg-refi').summary)
    .option('--title <title>', h('opt-title').summary)
    .option('--dry-run', h('opt-dry-run').summary)
    .option('--json', h('opt-json').summary);

  command('import', 'import', () => import('./commands/import.js'))
    .argument('<files...>', h('arg-sources').summary)
    .option('--speakers <file>', h('opt-speakers').summary)
    .option('--speaker <label=new>', h('opt-speaker').summary, (value: string, previous: string[] = []) => [...previous, value])
    .option('--force', h('opt-force').summary)
    .option('--dry-run', h('opt-dry-run-import').summary)
    .option('--json', h('opt-json').summary);

  command('anonymise', 'anonymise', () => import('./commands/anonymise.js'))
    .option('--map <file>', h('opt-map').summary)
    .option('--key <file>', h('opt-key').summary)
    .option('--dry-run', h('opt-dry-run-anonymise').summary)
    .option('--json', h('opt-json').summary);

  command('confirm', 'confirm', () => import('./commands/confirm.js'))
    .argument('[segments...]', h('arg-segments').summary)
    .requiredOption('--coder <name>', h('opt-coder-confirm').summary)
    .option('--all', h('opt-all').summary)
    .option('--participant <id>', h('opt-participant-filter').summary)
    .option('--json', h('opt-json').summary);

  command('segments', 'segments', () => import('./commands/segments.js'))
    .option('--coder <name>', h('opt-coder-filter').summary)
    .option('--participant <id>', h('opt-participant-filter').summary)
    .option('--code <name>', h('opt-code-filter').summary)
    .addOption(new Option('--format <format>', h('opt-segments-format').summary).choices(['csv', 'excel', 'xlsx', 'json', 'tsv']))
    .option('--json', h('opt-json-format').summary)
    .option('-o, --output <file>', h('opt-output').summary);

  command('stats', 'stats', () => import('./commands/stats.js'))
    .option('--coder <name>', h('opt-coder-filter').summary)
    .option('--by <attribute>', h('opt-by').summary)
    .option('--json', h('opt-json').summary);

  command('saturation', 'saturation', () => import('./commands/saturation.js'))
    .option('--coder <name>', h('opt-coder-saturation').summary)
    .option('--by <attribute>', h('opt-by-saturation').summary)
    .addOption(new Option('--level <level>', h('opt-level').summary).choices(['code', 'theme']).default('code'))
    .option('--method <methods>', h('opt-method').summary)
    .option('--base <n>', h('opt-base').summary)
    .option('--run <n>', h('opt-run').summary)
    .option('--threshold <percent>', h('opt-threshold').summary)
    .addOption(new Option('--denominator <kind>', h('opt-denominator').summary).choices(['fixed', 'growing']).default('fixed'))
    .option('--stopping <rule>', h('opt-stopping').summary)
    .option('--shares <percents>', h('opt-shares').summary)
    .option('--figure <file>', h('opt-figure').summary, (value: string, previous: string[] = []) => [...previous, value])
    .option('--csv <file>', h('opt-csv').summary)
    .option('--json', h('opt-json').summary);

  command('export', 'export', () => import('./commands/export.js'))
    .argument('<what>', h('arg-export').summary)
    .option('--format <format>', h('opt-export-format').summary)
    .option('-o, --output <file>', h('opt-output').summary)
    .option('--coder <name>', h('opt-coder-export').summary)
    .option('--by <attribute>', h('opt-by-export').summary)
    .option('--quotes <n>', h('opt-quotes').summary, '3')
    .addOption(new Option('--order <order>', h('opt-order').summary).choices(['interview', 'shortest', 'longest']).default('interview'))
    .option('--no-exemplary-first', h('opt-no-exemplary-first').summary)
    .option('--one-per-participant', h('opt-one-per-participant').summary)
    .option('--omit-annotations', h('opt-omit-annotations').summary)
    .option('--no-counts', h('opt-no-counts').summary)
    .option('--no-empty-codes', h('opt-no-empty-codes').summary)
    .option('--attributes <list>', h('opt-attributes').summary)
    .option('--cell-quotes', h('opt-cell-quotes').summary)
    .addOption(new Option('--unit <unit>', h('opt-unit').summary).choices(['segment', 'sentence']).default('segment'))
    .option('--landscape', h('opt-landscape').summary)
    .option('--standalone', h('opt-standalone').summary)
    .option('--date <date>', h('opt-date').summary);

  command('compare', 'compare', () => import('./commands/compare.js'))
    .argument('<coders...>', h('arg-coders').summary)
    .addOption(new Option('--unit <unit>', h('opt-agreement-unit').summary).choices(['sentence', 'char', 'paragraph', 'transcript']).default('sentence'))
    .option('--participants <ids>', h('opt-participants').summary)
    .addOption(new Option('--aggregate <how>', h('opt-aggregate').summary).choices(['pooled', 'mean', 'weighted']).default('pooled'))
    .option('--threshold <value>', h('opt-kappa-threshold').summary, '0.6')
    .option('--tolerance <words>', h('opt-tolerance').summary, '3')
    .option('--disagreements', h('opt-disagreements').summary)
    .addOption(new Option('--format <format>', h('opt-compare-format').summary).choices(['text', 'md', 'csv', 'excel', 'xlsx', 'docx']))
    .option('--json', h('opt-json').summary)
    .option('-o, --output <file>', h('opt-output').summary);

  command('reconcile', 'reconcile', () => import('./commands/reconcile.js'))
    .argument('<a>', h('arg-coder-a').summary)
    .argument('<b>', h('arg-coder-b').summary)
    .option('--into <name>', h('opt-into').summary, CONSENSUS_CODER)
    .option('--participants <ids>', h('opt-participants').summary)
    .option('--tolerance <words>', h('opt-tolerance').summary, '3')
    .option('--strategy <rule>', h('opt-strategy').summary)
    .option('--who <name>', h('opt-who').summary)
    .option('--log <file>', h('opt-log').summary)
    .option('--force', h('opt-force-consensus').summary)
    .option('--json', h('opt-json').summary);

  command('merge', 'merge', () => import('./commands/merge.js'))
    .argument('<other-study>', h('arg-other-study').summary)
    .option('--coder <name...>', h('opt-merge-coder').summary)
    .option('--force', h('opt-force-merge').summary)
    .option('--dry-run', h('opt-dry-run').summary)
    .option('--json', h('opt-json').summary);

  command('merge-driver', 'merge-driver', () => import('./commands/merge-driver.js'))
    .argument('<base>', h('arg-base').summary)
    .argument('<ours>', h('arg-ours').summary)
    .argument('<theirs>', h('arg-theirs').summary)
    .argument('[path]', h('arg-path').summary);

  command('code', 'code', () => import('./commands/code.js'))
    .argument('[participant]', h('arg-participant').summary)
    .option('--coder <name>', h('opt-coder-code').summary)
    .option('--no-mouse', h('opt-no-mouse').summary);

  const codebook = command('codebook', 'codebook', () => import('./commands/codebook.js'))
    .option('--coder <name>', h('opt-coder-filter').summary)
    .option('--json', h('opt-json').summary);
  /** A subcommand of `codage codebook`: the shared options, and its function in codebook-edit.ts. */
  const edit = (name: string, entry: HelpEntry, fn: keyof typeof import('./commands/codebook-edit.js')) => {
    const cmd = described(codebook, name, entry).option('--json', h('opt-json').summary);
    cmd.action(async (...args: unknown[]) => {
      const module = await import('./commands/codebook-edit.js');
      const run = module[fn] as unknown as Action;
      const options = args[args.length - 2] as Record<string, unknown>;
      fromGroup(codebook, cmd, options, ['study', 'lang', 'json']);
      // `--coder` filters the tree; an edit changes every coder's file, so it is refused, not ignored.
      if (codebook.getOptionValueSource('coder') === 'cli') options.coder = codebook.opts().coder;
      onExitCode(await run(ctx, ...args.slice(0, -1)));
    });
    return cmd;
  };
  const describing = (cmd: Command) =>
    cmd
      .option('--definition <text>', h('opt-definition').summary)
      .option('--include <text>', h('opt-include').summary)
      .option('--exclude <text>', h('opt-exclude').summary)
      .option('--example <text>', h('opt-example').summary)
      .option('--description <text>', h('opt-description').summary)
      .option('--color <color>', h('opt-color').summary);
  describing(edit('add', 'codebook-add', 'runAdd').argument('<name>', h('arg-code-name').summary).option('--theme <path>', h('opt-theme').summary));
  describing(edit('describe', 'codebook-describe', 'runDescribe').argument('<name>', h('arg-node').summary));
  edit('rename', 'codebook-rename', 'runRename').argument('<old>', h('arg-node').summary).argument('<new>', h('arg-new-name').summary);
  edit('move', 'codebook-move', 'runMove')
    .argument('<name>', h('arg-node').summary)
    .option('--to <path>', h('opt-to').summary)
    .option('--ungrouped', h('opt-ungrouped').summary);
  edit('merge', 'codebook-merge', 'runMerge')
    .argument('<from>', h('arg-merge-from').summary)
    .argument('<into>', h('arg-merge-into').summary)
    .option('--dry-run', h('opt-edit-dry-run').summary);
  edit('delete', 'codebook-delete', 'runDelete')
    .argument('<name>', h('arg-node').summary)
    .option('--merge-into <code>', h('opt-merge-into').summary)
    .option('--drop-segments', h('opt-drop-segments').summary)
    .option('--dry-run', h('opt-edit-dry-run').summary);
  edit('split', 'codebook-split', 'runSplit')
    .argument('<name>', h('arg-node').summary)
    .option('--into <codes...>', h('opt-split-into').summary)
    .option('--segments <choices>', h('opt-segments').summary, (value: string, previous: string[] = []) => [...previous, value])
    .option('--dry-run', h('opt-edit-dry-run').summary);
  edit('undo', 'codebook-undo', 'runUndo').option('--list', h('opt-undo-list').summary);

  // `codage participant rename OLD NEW`: a group of subcommands, each in commands/participant.ts.
  const participantExample = h('participant').example;
  if (participantExample !== undefined) examples.push(participantExample);
  const participant = described(program, 'participant', 'participant');
  const rename = described(participant, 'rename', 'participant-rename')
    .argument('<old>', h('arg-participant-old').summary)
    .argument('<new>', h('arg-participant-new').summary)
    .option('--dry-run', h('opt-edit-dry-run').summary)
    .option('--json', h('opt-json').summary);
  rename.action(async (from: string, to: string, options: Record<string, unknown>) => {
    fromGroup(participant, rename, options, ['study', 'lang']);
    const { runRename } = await import('./commands/participant.js');
    onExitCode(await runRename(ctx, from, to, options as { study: string }));
  });

  command('autocode', 'autocode', () => import('./commands/autocode.js'))
    .argument('[search]', h('arg-autocode-search').summary)
    .requiredOption('--coder <name>', h('opt-coder').summary)
    .option('--code <name>', h('opt-autocode-code').summary)
    .addOption(new Option('--unit <unit>', h('opt-autocode-unit').summary).choices(['word', 'sentence', 'turn']).default('sentence'))
    .option('--participants <ids>', h('opt-autocode-participants').summary)
    .option('--interviewer', h('opt-autocode-interviewer').summary)
    .option('--regex', h('opt-autocode-regex').summary)
    .option('--by-question', h('opt-by-question').summary)
    .option('--guide <file>', h('opt-guide').summary)
    .option('--dry-run', h('opt-autocode-dry-run').summary)
    .option('--json', h('opt-json').summary);

  command('quotes', 'quotes', () => import('./commands/quotes.js'))
    .argument('<name>', h('arg-quotes-node').summary)
    .option('--coder <name>', h('opt-coder-quotes').summary)
    .option('--by <attribute>', h('opt-by-quotes').summary)
    .option('--context <n>', h('opt-context').summary)
    .option('--json', h('opt-json').summary);

  command('memo', 'memo', () => import('./commands/memo.js'))
    .argument('[subject]', h('arg-memo-subject').summary)
    .argument('[text...]', h('arg-memo-text').summary)
    .option('--coder <name>', h('opt-memo-coder').summary)
    .option('--edit', h('opt-memo-edit').summary)
    .option('--json', h('opt-json').summary);

  command('themes', 'themes', () => import('./commands/themes.js')).option('--coder <name>', h('opt-coder-filter').summary);

  program.addHelpText('after', programHelp(language, examples));
  return program;
}

export async function main(givenArgv: string[]): Promise<number> {
  const argv = commandFirst(givenArgv);
  // `codage --version` answers before anything else is loaded.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  let exitCode = 0;
  const chosen = await commandLanguage(argv);
  const program = await buildProgram(
    argv,
    (code) => {
      exitCode = code;
    },
    chosen,
  );
  const { CommanderError } = await import('commander');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `codage` alone prints the help on stderr as an error (exit code 1 in commander): wrong usage.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      if (error.code === 'commander.executeSubCommandAsync') return error.exitCode;
      return 2;
    }
    const { reportError } = await import('./report-error.js');
    const { languageOfStudy } = await import('./context.js');
    const language = chosen.fromFlag ? chosen.language : (languageOfStudy() ?? chosen.language);
    return reportError(error, language, process.stderr);
  }
}
