import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language.js';

const FR = 'E : Pouvez-vous me parler du dernier patient douloureux que vous avez vu ?\nP1 : Alors euh… le dernier, c’était ce matin. Une dame qui a une fibromyalgie, et je me sens un peu inutile, en fait. On a fait le tour des traitements, mais elle revient tous les mois.\n';
const EN = 'I: Could you tell me about the last patient in pain that you saw?\nP1: Well, it was this morning. A lady with fibromyalgia, and I feel a bit useless, to be honest. We have tried all the treatments, but she comes back every month and it is hard.\n';

describe('guessLanguage', () => {
  it('tells French from English interviews by their function words', () => {
    expect(guessLanguage([FR.repeat(5)])).toBe('fr');
    expect(guessLanguage([EN.repeat(5)])).toBe('en');
    // Several sources count together; one English quote in French interviews does not change it.
    expect(guessLanguage([FR, FR, FR, 'He said: "I think it is the best thing to do."'])).toBe('fr');
  });

  it('says nothing when too few words or both languages as much', () => {
    expect(guessLanguage(['Oui, merci.'])).toBeUndefined();
    expect(guessLanguage([])).toBeUndefined();
    expect(guessLanguage([FR.repeat(3), EN.repeat(3)])).toBeUndefined();
  });
});
