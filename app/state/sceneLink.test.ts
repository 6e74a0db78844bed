import { describe, expect, it } from 'vitest';
import { readScenes, scenesHref } from './sceneLink';

const query = (hash: string) => new URLSearchParams(hash.slice(hash.indexOf('?') + 1));

describe('scene links', () => {
  const scenes = [
    { lesson: 'the-neuron', figure: 'playground', params: 'w1=2&seed=3', title: 'A line that cannot bend' },
    { lesson: 'attention', figure: 'reverse', params: '', title: 'Köpfe — «reverse» ✓' },
  ];

  it('reads back what it writes, in order, with any characters in the titles', () => {
    const hash = scenesHref(scenes);
    expect(hash).toMatch(/^#\/scenes\?list=[A-Za-z0-9_-]+$/);
    expect(readScenes(query(hash))).toEqual({ scenes, problem: null });
  });

  it('refuses a cut or tampered link with a reason, and reads nothing from it', () => {
    const hash = scenesHref(scenes);
    const cut = readScenes(query(hash.slice(0, hash.length - 7)));
    expect(cut.scenes).toEqual([]);
    expect(cut.problem).toMatch(/damaged|form/);
    expect(readScenes(new URLSearchParams('')).problem).toMatch(/no list/);
    const wrong = scenesHref([{ lesson: 'a', figure: 'b', params: '', title: 't' }]).replace(/list=.*/, `list=${btoa('[[1,2]]')}`);
    expect(readScenes(query(wrong)).problem).toBe('scene 1 is not in the expected form');
  });
});
