/**
 * `codage --study ma-these check`, as git takes `git -C dir status`: the study and language options
 * written before the command are moved after it, where each command reads them.
 */
export function commandFirst(argv: readonly string[]): string[] {
  const before: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (/^--(study|lang)=/.test(arg)) before.push(arg);
    else if ((arg === '--study' || arg === '--lang') && argv[i + 1] !== undefined) before.push(arg, argv[++i]!);
    else break;
  }
  if (before.length === 0 || i >= argv.length) return [...argv];
  const rest = argv.slice(i);
  const end = rest.indexOf('--');
  return end === -1 ? [...rest, ...before] : [...rest.slice(0, end), ...before, ...rest.slice(end)];
}
