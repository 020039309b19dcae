/** The one-line prompt: memos, search, go-to, and the name of a new code. */
import { goTo } from './cursor.js';
import { nextCaret, previousCaret, wordStartBefore } from './line-edit.js';
import { commit, replaceSegment } from './edit-codings.js';
import { chooseThemeFor, withItems } from './picker.js';
import { runSearch } from './search.js';
import { info, L, type Action, type Prompt, type SessionState } from './session-state.js';
import { cursorOffset } from './session-queries.js';

/** Opens the prompt with `value`, caret at its end. */
export function openPrompt(state: SessionState, prompt: Omit<Prompt, 'caret'>): SessionState {
  return { ...state, mode: 'prompt', prompt: { ...prompt, caret: prompt.value.length } };
}

function closePrompt(state: SessionState): SessionState {
  const back = state.prompt?.back;
  if (back !== undefined) return { ...state, mode: 'picker', picker: withItems(state, back), prompt: null };
  return { ...state, mode: 'read', prompt: null };
}

function confirmPrompt(state: SessionState, prompt: Prompt): SessionState {
  const value = prompt.value.trim();
  switch (prompt.purpose) {
    case 'segment-memo': {
      const closed: SessionState = { ...state, mode: 'read', prompt: null };
      const segment = state.segments.find((s) => s.id === prompt.segmentId);
      if (segment === undefined || (segment.memo ?? '') === value) return closed;
      return replaceSegment(
        closed,
        segment.id,
        (s) => {
          const { memo: _old, ...rest } = s;
          return value === '' ? rest : { ...rest, memo: value };
        },
        L('mémo du segment', 'segment memo'),
        value === '' ? info('Mémo retiré.', 'Memo removed.') : info('Mémo enregistré.', 'Memo saved.'),
      );
    }
    case 'transcript-memo': {
      const closed: SessionState = { ...state, mode: 'read', prompt: null };
      if ((state.transcriptMemo ?? '') === value) return closed;
      return {
        ...commit(closed, state.segments, value === '' ? undefined : value, cursorOffset(state), L('mémo de l’entretien', 'transcript memo')),
        message: value === '' ? info('Mémo de l’entretien retiré.', 'Transcript memo removed.') : info('Mémo de l’entretien enregistré.', 'Transcript memo saved.'),
      };
    }
    case 'search': {
      const query = prompt.value.trim();
      const searchHistory = query === '' ? state.searchHistory : [...state.searchHistory.filter((q) => q !== query), query].slice(-50);
      return runSearch({ ...state, mode: 'read', prompt: null, searchHistory }, prompt.value);
    }
    case 'goto':
      return goTo({ ...state, mode: 'read', prompt: null }, value);
    case 'code-name':
      return chooseThemeFor(state, value, prompt.back);
  }
}

/** The actions of prompt mode: editing the line, confirming, cancelling. */
export function reducePrompt(state: SessionState, prompt: Prompt, action: Action): SessionState {
  const update = (p: Prompt): SessionState => ({ ...state, prompt: p });
  const { value, caret } = prompt;
  switch (action.type) {
    case 'promptType': {
      const text = action.text.replace(/[\r\n\t]+/g, ' ');
      const clean = text.replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC');
      if (clean === '') return state;
      return update({ ...prompt, value: value.slice(0, caret) + clean + value.slice(caret), caret: caret + clean.length });
    }
    case 'promptErase': {
      const at = previousCaret(value, caret);
      return update({ ...prompt, value: value.slice(0, at) + value.slice(caret), caret: at });
    }
    case 'promptEraseWord': {
      const at = wordStartBefore(value, caret);
      return update({ ...prompt, value: value.slice(0, at) + value.slice(caret), caret: at });
    }
    case 'promptDeleteForward': {
      const to = nextCaret(value, caret);
      return update({ ...prompt, value: value.slice(0, caret) + value.slice(to) });
    }
    case 'promptCaret': {
      const to =
        action.to === 'left'
          ? previousCaret(value, caret)
          : action.to === 'right'
            ? nextCaret(value, caret)
            : action.to === 'home'
              ? 0
              : value.length;
      return update({ ...prompt, caret: to });
    }
    case 'promptClear':
      return update({ ...prompt, value: '', caret: 0 });
    case 'promptHistory': {
      const history = prompt.history;
      if (history === undefined || history.length === 0) return state;
      const at = Math.min(Math.max(0, (prompt.historyAt ?? history.length) + action.dir), history.length);
      const recalled = history[at] ?? '';
      return update({ ...prompt, value: recalled, caret: recalled.length, historyAt: at });
    }
    case 'promptConfirm':
      return confirmPrompt(state, prompt);
    case 'promptCancel':
      return closePrompt(state);
    default:
      return state;
  }
}
