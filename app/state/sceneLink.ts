/**
 * A teacher's scenes as a link: `#/scenes?list=<base64url of JSON>`, so a lesson plan travels by e-mail or LMS
 * and opens on the classroom's computer. Reading is strict: a link it cannot read gives a reason, never a
 * half-read list.
 *
 * @example
 * const hash = scenesHref([{ lesson: 'the-neuron', figure: 'playground', params: 'w1=2', title: 'Start' }]);
 * readScenes(new URLSearchParams(hash.split('?')[1])); // { scenes: [...], problem: null }
 */
import type { Scene } from './presenter';

type SceneData = Omit<Scene, 'id'>;

const MAX_SCENES = 100;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function scenesHref(scenes: readonly SceneData[]): string {
  const compact = scenes.map((s) => [s.lesson, s.figure, s.params, s.title]);
  return `#/scenes?list=${toBase64Url(JSON.stringify(compact))}`;
}

export function readScenes(params: URLSearchParams): { scenes: SceneData[]; problem: string | null } {
  const list = params.get('list');
  if (!list) return { scenes: [], problem: 'the link has no list of scenes' };
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(list));
  } catch {
    return { scenes: [], problem: 'the list of scenes is damaged (it may have been cut short when it was copied)' };
  }
  if (!Array.isArray(data) || data.length === 0) return { scenes: [], problem: 'the list of scenes is empty' };
  if (data.length > MAX_SCENES) return { scenes: [], problem: `it has ${data.length} scenes, more than ${MAX_SCENES}` };
  const scenes: SceneData[] = [];
  for (const [i, item] of data.entries()) {
    const ok = Array.isArray(item) && item.length === 4 && item.every((x) => typeof x === 'string' && x.length < 2000);
    if (!ok) return { scenes: [], problem: `scene ${i + 1} is not in the expected form` };
    const [lesson, figure, params, title] = item as string[];
    scenes.push({ lesson: lesson!, figure: figure!, params: params!, title: title! });
  }
  return { scenes, problem: null };
}
