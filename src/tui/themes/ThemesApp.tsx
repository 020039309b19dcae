/**
 * The themes screen of `codage themes`: a thin shell over the pure reducer (themes.ts). Keys →
 * actions → state → frame. It never touches the disk: each change goes out through `onEdit`
 * (written at once through `codage codebook`'s path; throws when it cannot), `u` through
 * `onUndo`, and a codebook changed on disk is read again through `onReload`.
 */
import chalk from 'chalk';
import { Box, useApp } from 'ink';
import type React from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CodebookEdit } from '../../core/codebook/restructure.js';
import { terminalSafe } from '../../core/text/terminal.js';
import type { Localized } from '../../core/types.js';
import { CodePicker } from '../CodePicker.js';
import { FittedLine } from '../FittedLine.js';
import { Header, Rule } from '../Header.js';
import { HelpOverlay, Notices } from '../HelpOverlay.js';
import { windowTop } from '../layout.js';
import type { Picker } from '../session-state.js';
import { StatusBar } from '../StatusBar.js';
import { TextPrompt } from '../TextPrompt.js';
import { useRawInput, useTerminalSize } from '../use-terminal.js';
import { feedInput } from './keymap.js';
import type { Action, Effect, Pane, Saved, ThemesData, ThemesInput, ThemesState } from './state.js';
import { themesStrings } from './strings.js';
import { currentRow, initThemes, reduce } from './themes.js';
import { countsWidth, fit, panelLines, paneTitle, rowLine, themesLayout } from './view.js';

/** A refusal the screen can show: its message, and whether the codebook changed on disk (read it again). */
export interface EditRefusal {
  message: Localized;
  changedOnDisk: boolean;
}

export interface ThemesAppProps extends ThemesInput {
  /** Writes the edits as one change, decided on `expected` (the codebook text the screen shows). Throws on refusal. */
  onEdit: (edits: CodebookEdit[], command: string, expected: string) => Saved;
  /** Takes back the last edit this screen made. Throws on refusal. */
  onUndo: () => Saved;
  /** Reads the study again. */
  onReload: () => Promise<ThemesData>;
  /** What a thrown error means for the screen. */
  explain: (error: unknown) => EditRefusal;
  onQuit: () => void;
}

/** One frame at 60 fps: the screen draws a key's answer before a change is written. */
const FRAME_MS = 17;

const MIN_SIZE = { columns: 20, rows: 8 };

export function ThemesApp(props: ThemesAppProps): React.JSX.Element {
  const { exit } = useApp();
  const strings = themesStrings(props.language);
  const size = useTerminalSize(MIN_SIZE);

  const propsRef = useRef(props);
  propsRef.current = props;
  const [state, setState] = useState<ThemesState>(() => initThemes(props));
  const stateRef = useRef(state);
  const quitting = useRef(false);
  const layout = themesLayout(size.columns, size.rows, state);
  const page = Math.max(1, layout.panes - 2);
  const pageRef = useRef(page);
  pageRef.current = page;

  const dispatchRef = useRef<(action: Action) => void>(() => {});
  /** Changes answered on screen, to be written just after the frame (see `settle`). */
  const later = useRef<Effect[]>([]);
  const carryOut = useCallback(
    (current: ThemesState, effect: Effect): ThemesState => {
      const p = propsRef.current;
      switch (effect.type) {
        case 'edit':
        case 'undo':
          try {
            const saved = effect.type === 'edit' ? p.onEdit(effect.edits, effect.command, current.data.source) : p.onUndo();
            return reduce(current, { type: 'saved', saved, undo: effect.type === 'undo' });
          } catch (error) {
            const refusal = p.explain(error);
            return reduce(current, { type: 'saveFailed', error: refusal.message, reload: refusal.changedOnDisk });
          }
        case 'reload':
          p.onReload().then(
            (data) => dispatchRef.current({ type: 'loaded', data, ...(current.message ? { message: current.message.text } : {}) }),
            (error: unknown) => dispatchRef.current({ type: 'saveFailed', error: p.explain(error).message, reload: false }),
          );
          return current;
        case 'quit':
          quitting.current = true;
          // A change answered but not yet written is written before the screen closes.
          for (const pending of later.current.splice(0)) current = carryOut(current, pending);
          try {
            p.onQuit();
          } finally {
            exit();
          }
          return current;
      }
    },
    [exit],
  );

  /**
   * Carries out the effects of a state, and commits it. Writing a change takes longer than a
   * frame on a large codebook: the key is answered at once (the screen shows it is saving), and
   * the write runs just after that frame is drawn.
   */
  const settle = useCallback(
    (state: ThemesState): void => {
      let next = state;
      let scheduled = false;
      for (let round = 0; next.effects.length > 0 && round < 8; round++) {
        const effects = next.effects;
        next = { ...next, effects: [] };
        for (const effect of effects) {
          if (effect.type === 'edit' || effect.type === 'undo') {
            later.current.push(effect);
            scheduled = true;
          } else next = carryOut(next, effect);
        }
      }
      stateRef.current = next;
      setState(next);
      if (scheduled) {
        setTimeout(() => {
          if (later.current.length === 0) return;
          let current = stateRef.current;
          for (const effect of later.current.splice(0)) current = carryOut(current, effect);
          settle(current);
        }, FRAME_MS);
      }
    },
    [carryOut],
  );

  const dispatch = useCallback((action: Action): void => settle(reduce(stateRef.current, action)), [settle]);
  dispatchRef.current = dispatch;

  const onInput = useCallback(
    (raw: string): void => {
      if (quitting.current) return;
      feedInput(
        stateRef.current,
        raw,
        (_, action) => {
          dispatch(action);
          return stateRef.current;
        },
        () => quitting.current,
        pageRef.current,
      );
    },
    [dispatch],
  );
  useRawInput(onInput);

  const width = size.columns;
  const tops = useRef<Record<Pane, number>>({ ungrouped: 0, tree: 0 });
  const row = currentRow(state);
  const panelColumn = layout.columns.find((c) => c.kind === 'panel');
  // Only the panel's lines down to the bottom of its window are laid out (a code may have hundreds of quotes).
  const panelLimit = state.panelTop + layout.panes + 1;
  const panelWidth = panelColumn?.width ?? 0;
  const { data, language } = state;
  const panel = useMemo(
    () => (panelWidth === 0 ? { lines: [], complete: true } : panelLines(data, language, row, strings, panelWidth, panelLimit)),
    [panelWidth, data, language, row, strings, panelLimit],
  );
  const counts = countsWidth(state);

  let body: React.JSX.Element;
  if (state.mode === 'help') {
    body = <HelpOverlay title={strings.helpTitle} groups={strings.help} top={state.helpTop} height={layout.body} width={width} />;
  } else if (state.mode === 'notices') {
    body = <Notices title={strings.noticesTitle} notices={state.notices.map((n) => n[state.language])} height={layout.body} />;
  } else {
    const listRows = layout.panes - 1;
    const columnLines = layout.columns.map((col): string[] => {
      if (col.kind === 'panel') {
        const top = panel.complete ? Math.min(state.panelTop, Math.max(0, panel.lines.length - layout.panes + 1)) : state.panelTop;
        const more = !panel.complete || panel.lines.length > top + layout.panes - 1 ? ' ↓' : '';
        const title = chalk.bold(fit(`${strings.panelTitle}${top > 0 ? ' ↑' : ''}${more}`, col.width));
        const shown = panel.lines.slice(top, top + layout.panes - 1);
        return [title, ...shown.map((l) => ` ${l}`)];
      }
      const pane = col.kind;
      const rows = state.rows[pane];
      const cursor = state.cursor[pane];
      const top = windowTop(tops.current[pane], { first: cursor, last: cursor }, listRows, rows.length);
      tops.current[pane] = top;
      const lines = [paneTitle(pane, state, strings, col.width)];
      if (rows.length === 0) {
        lines.push(chalk.dim(fit(` ${pane === 'ungrouped' ? strings.noUngrouped : strings.noTheme}`, col.width)));
      }
      for (let i = top; i < Math.min(rows.length, top + listRows); i++) {
        lines.push(rowLine(rows[i]!, state, { width: col.width, current: i === cursor, active: state.pane === pane, counts, strings }));
      }
      return lines;
    });
    const screenLines: string[] = [];
    for (let i = 0; i < layout.panes; i++) {
      screenLines.push(layout.columns.map((col, c) => columnLines[c]?.[i] ?? ' '.repeat(col.width)).join(chalk.dim('│')));
    }
    let bottom: React.JSX.Element | null = null;
    if (state.mode === 'picker' && state.picker !== null) {
      const p = state.picker;
      const first = state.data.codebook.byId.get(p.moving[0] ?? '')?.name ?? '';
      const picker: Picker = {
        purpose: 'theme',
        query: p.query,
        highlighted: p.highlighted,
        checked: [],
        // (The picker shows names escaped itself.)
        items: p.items.map((item) => ({ id: item.id, label: item.label, path: item.path })),
        target: { start: 0, end: 0 },
      };
      bottom = <CodePicker picker={picker} title={strings.moveTitle(p.moving.length, `«\u00a0${terminalSafe(first)}\u00a0»`)} empty={strings.moveEmpty(terminalSafe(p.query.trim()))} height={layout.bottom} width={width} />;
    } else if (state.mode === 'prompt' && state.prompt !== null) {
      const pr = state.prompt;
      const label =
        pr.purpose === 'rename'
          ? strings.renameLabel(terminalSafe(state.data.codebook.byId.get(pr.target ?? '')?.name ?? ''))
          : strings.newThemeLabel(pr.parent == null ? null : terminalSafe(state.data.codebook.byId.get(pr.parent)?.name ?? ''));
      bottom = <TextPrompt label={label} value={pr.value} caret={pr.caret} width={width} />;
    }
    body = (
      <>
        {screenLines.map((line, i) => (
          <FittedLine key={i} line={line} label={line} />
        ))}
        {bottom}
      </>
    );
  }

  const rows = state.rows[state.pane];
  const marked = state.marked.length > 0 ? ` · ${state.marked.length} ●` : '';
  const position = rows.length === 0 ? marked.trim() : `${state.cursor[state.pane] + 1}/${rows.length}${marked}`;
  const message = state.message === null ? null : { text: terminalSafe(state.message.text[state.language]), tone: state.message.tone };
  const codes = [...state.data.codebook.byId.values()].filter((n) => n.kind === 'code').length;
  return (
    <Box flexDirection="column" width={width} height={layout.frame}>
      <Header participant={strings.title} coder={terminalSafe(strings.who(state.coder))} right={strings.totals(codes, state.themes.length, state.data.participants)} alert={state.busy ? strings.saving : null} width={width} />
      <Rule width={width} />
      <Box flexDirection="column" height={layout.body}>
        {body}
      </Box>
      <StatusBar message={message} position={position} hints={strings.hints[state.mode]} width={width} />
    </Box>
  );
}
