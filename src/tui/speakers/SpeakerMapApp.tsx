/**
 * The screen `codage import` shows on a terminal when the imported files name their speakers
 * instead of the study's codes: one row per label, with a line it says and its code (proposed,
 * edited in place). A thin shell over speaker-map.ts; the choice goes out through `onDone`.
 */
import { Box, Text, useApp } from 'ink';
import type React from 'react';
import { textWidth } from '../../core/text/width.js';
import { useCallback, useRef, useState } from 'react';
import type { SpeakerToMap } from '../../core/transcript-import/speaker-proposal.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { wrapQuote } from '../../core/report/typography.js';
import type { Language } from '../../core/types.js';
import { Header, Rule } from '../Header.js';
import { truncate } from '../line-fit.js';
import { StatusBar } from '../StatusBar.js';
import { visiblePart } from '../TextPrompt.js';
import { useRawInput, useTerminalSize } from '../use-terminal.js';
import { feedInput, initSpeakerMap, reduce, speakerMapOf, type SpeakerMapState } from './speaker-map.js';

export interface SpeakerMapAppProps {
  rows: readonly SpeakerToMap[];
  language: Language;
  onDone: (map: Map<string, string> | null) => void;
}

const STRINGS = {
  fr: {
    title: 'Import',
    subtitle: (n: number) => `${n} locuteur${n > 1 ? 's' : ''} à nommer`,
    intro: 'Étiquettes qui ne sont pas des codes de l’étude : donnez-leur un code (E, P3…).',
    hints: ['↑/↓ choisir', 'taper pour modifier le code', 'Entrée importer', 'Échap ne rien importer'],
  },
  en: {
    title: 'Import',
    subtitle: (n: number) => `${n} speaker${n === 1 ? '' : 's'} to name`,
    intro: 'Labels that are not the study’s codes: give each a code (E, P3, MG3…).',
    hints: ['↑/↓ choose', 'type to edit the code', 'Enter import', 'Esc import nothing'],
  },
};

export function SpeakerMapApp(props: SpeakerMapAppProps): React.JSX.Element {
  const { exit } = useApp();
  const strings = STRINGS[props.language];
  const size = useTerminalSize();
  const propsRef = useRef(props);
  propsRef.current = props;
  const [state, setState] = useState<SpeakerMapState>(() => initSpeakerMap(props.rows));
  const stateRef = useRef(state);
  const onInput = useCallback(
    (raw: string): void => {
      if (stateRef.current.outcome !== null) return;
      const next = feedInput(stateRef.current, raw, reduce);
      stateRef.current = next;
      setState(next);
      if (next.outcome !== null) {
        try {
          propsRef.current.onDone(next.outcome === 'import' ? speakerMapOf(next) : null);
        } finally {
          exit();
        }
      }
    },
    [exit],
  );
  useRawInput(onInput);

  const width = size.columns;
  const frame = Math.max(11, size.rows - 1);
  const body = frame - 4;
  const labelWidth = Math.min(24, Math.max(...state.rows.map((r) => textWidth(terminalSafe(r.label))), 5));
  const codeWidth = 8;
  // Two lines a row (the label and its code, then a line it says); the chosen row kept in view.
  const perPage = Math.max(1, Math.floor((body - 2) / 2));
  const top = Math.max(0, Math.min(state.index - Math.floor(perPage / 2), state.rows.length - perPage));
  const message = state.message === null ? null : { text: state.message[props.language], tone: 'error' as const };
  return (
    <Box flexDirection="column" width={width} height={frame}>
      <Header participant={strings.title} coder={strings.subtitle(state.rows.length)} right={`${state.index + 1}/${state.rows.length}`} alert={null} width={width} />
      <Rule width={width} />
      <Box flexDirection="column" height={body}>
        <Text wrap="truncate-end">{strings.intro}</Text>
        <Text> </Text>
        {state.rows.slice(top, top + perPage).map((row, k) => {
          const i = top + k;
          const chosen = i === state.index;
          const label = truncate(terminalSafe(row.label), labelWidth).padEnd(labelWidth);
          const code = state.codes[i] ?? '';
          const part = chosen ? visiblePart(code, state.caret, codeWidth) : null;
          const where = `${terminalSafe(row.files[0]!.split(/[\\/]/).pop() ?? '')}${row.files.length > 1 ? ` +${row.files.length - 1}` : ''}`;
          return (
            <Box key={row.label} flexDirection="column">
              <Text wrap="truncate-end">
                <Text color="cyan">{chosen ? '› ' : '  '}</Text>
                <Text bold={chosen}>{label}</Text>
                {' → '}
                {part === null ? (
                  <Text bold>{truncate(terminalSafe(code), codeWidth)}</Text>
                ) : (
                  <Text bold>
                    {terminalSafe(part.before)}
                    <Text inverse>{terminalSafe(part.at)}</Text>
                    {terminalSafe(part.after)}
                  </Text>
                )}
                <Text dimColor>{`   ${where}`}</Text>
              </Text>
              <Text dimColor wrap="truncate-end">
                {truncate(`    ${wrapQuote(terminalSafe(row.example), props.language)}`, width)}
              </Text>
            </Box>
          );
        })}
      </Box>
      <StatusBar message={message} position="" hints={strings.hints} width={width} />
    </Box>
  );
}
