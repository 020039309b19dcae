import { describe, expect, it } from 'vitest';
import { keyToAction, NO_KEY, pageTarget, type KeyInfo } from './keymap.js';
import { layoutText } from './layout.js';
import { initSession, reduce, type SessionState } from './session.js';
import { codebook, idCounter, sentences, TEXT, transcript, wordSpans } from './test-study.js';

const state = initSession({ transcript, sentences, codebook, segments: [], language: 'fr', newSegmentId: idCounter(), wordSpans });
const ctx = { layout: layoutText(TEXT, 30), viewRows: 4 };
const key = (k: Partial<KeyInfo>): KeyInfo => ({ ...NO_KEY, ...k });
const act = (s: SessionState, input: string, k: Partial<KeyInfo> = {}) => keyToAction(s, input, key(k), ctx);

describe('keyToAction', () => {
  it('maps vim-like and arrow keys to the same moves', () => {
    expect(act(state, 'j')).toEqual({ type: 'move', unit: 'sentence', dir: 1 });
    expect(act(state, '', { downArrow: true })).toEqual({ type: 'move', unit: 'sentence', dir: 1 });
    expect(act(state, 'k')).toEqual(act(state, '', { upArrow: true }));
    expect(act(state, 'J', { shift: true })).toEqual({ type: 'move', unit: 'turn', dir: 1 });
    expect(act(state, 'g')).toEqual({ type: 'top' });
    expect(act(state, 'G', { shift: true })).toEqual({ type: 'bottom' });
    expect(act(state, '', { tab: true })).toEqual({ type: 'nextUncoded', dir: 1 });
    expect(act(state, '', { tab: true, shift: true })).toEqual({ type: 'nextUncoded', dir: -1 });
  });

  it('extends with Shift+arrows, and with hjkl once selecting', () => {
    expect(act(state, '', { downArrow: true, shift: true })).toEqual({ type: 'extend', unit: 'sentence', dir: 1 });
    expect(act(state, '', { leftArrow: true, shift: true })).toEqual({ type: 'extend', unit: 'word', dir: -1 });
    const selecting = reduce(state, { type: 'select' });
    expect(act(selecting, 'j')).toEqual({ type: 'extend', unit: 'sentence', dir: 1 });
    expect(act(selecting, 'l')).toEqual({ type: 'extend', unit: 'word', dir: 1 });
    expect(act(selecting, 'K', { shift: true })).toEqual({ type: 'extend', unit: 'turn', dir: -1 });
    expect(act(selecting, 'o')).toEqual({ type: 'swapEnds' });
  });

  it('sends letters to the picker query, not to the transcript', () => {
    const picking = reduce(state, { type: 'openPicker' });
    expect(act(picking, 'j')).toEqual({ type: 'pickerType', text: 'j' });
    expect(act(picking, 'é')).toEqual({ type: 'pickerType', text: 'é' });
    expect(act(picking, ' ')).toEqual({ type: 'pickerToggle' });
    expect(act(picking, '3')).toEqual({ type: 'pickerQuick', n: 3 });
    expect(act(picking, 'n', { ctrl: true })).toEqual({ type: 'pickerNewCode' });
    expect(act(picking, '', { delete: true })).toEqual({ type: 'pickerErase' });
    expect(act(picking, '', { escape: true })).toEqual({ type: 'pickerClose' });
    expect(act(picking, 'q')).toEqual({ type: 'pickerType', text: 'q' });
  });

  it('lets prompts take spaces, digits and accents', () => {
    const prompting = reduce(state, { type: 'memoTranscript' });
    expect(act(prompting, ' ')).toEqual({ type: 'promptType', text: ' ' });
    expect(act(prompting, '5')).toEqual({ type: 'promptType', text: '5' });
    expect(act(prompting, 'à revoir')).toEqual({ type: 'promptType', text: 'à revoir' });
    expect(act(prompting, '', { backspace: true })).toEqual({ type: 'promptErase' });
    expect(act(prompting, '', { return: true })).toEqual({ type: 'promptConfirm' });
    expect(act(prompting, 'u', { ctrl: true })).toEqual({ type: 'promptClear' });
  });

  it('quits with q in the transcript and Ctrl-C anywhere', () => {
    expect(act(state, 'q')).toEqual({ type: 'quit' });
    expect(act(reduce(state, { type: 'openPicker' }), 'c', { ctrl: true })).toEqual({ type: 'quit' });
    expect(act(reduce(state, { type: 'help' }), 'q')).toEqual({ type: 'dismiss' });
  });

  it('maps undo, redo and the segment keys', () => {
    expect(act(state, 'u')).toEqual({ type: 'undo' });
    expect(act(state, 'z')).toEqual({ type: 'undo' });
    expect(act(state, 'r', { ctrl: true })).toEqual({ type: 'redo' });
    expect(act(state, 'Z', { shift: true })).toEqual({ type: 'redo' });
    expect(act(state, 'x')).toEqual({ type: 'removeSegment' });
    expect(act(state, '', { delete: true })).toEqual({ type: 'removeSegment' });
    expect(act(state, 'e')).toEqual({ type: 'editSegment' });
    expect(act(state, 'm')).toEqual({ type: 'memoSegment' });
    expect(act(state, 'M', { shift: true })).toEqual({ type: 'memoTranscript' });
    expect(act(state, '*')).toEqual({ type: 'toggleExemplary' });
    expect(act(state, 's')).toEqual({ type: 'cycleSegment' });
    expect(act(state, '/')).toEqual({ type: 'openSearch' });
    expect(act(state, ':')).toEqual({ type: 'openGoto' });
    expect(act(state, '?')).toEqual({ type: 'help' });
  });

  it('pages by about a screen of rows', () => {
    const down = pageTarget(state, ctx, 1);
    expect(down).toBeGreaterThan(state.cursor);
    const back = pageTarget({ ...state, cursor: down }, ctx, -1);
    expect(back).toBeLessThan(down);
    expect(act(state, '', { pageDown: true })).toEqual({ type: 'moveTo', sentence: down });
    expect(act(state, ' ')).toEqual({ type: 'moveTo', sentence: down });
  });
});
