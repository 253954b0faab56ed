import { describe, expect, it } from 'vitest';
import { flattenTemplate } from './flatten';
import { contentHash } from './hash';
import { parseChecklistMarkdown } from './parse';

describe('flattenTemplate', () => {
  it('lists items in document order with parent, depth and position', () => {
    const template = parseChecklistMarkdown(
      '## A\n- one | [Notes](https://n.io)\n  - one.a\n  - one.b\n- two\n## B\n- Tools:\n  - [X](https://x.io)\n  - [Y](https://y.io)\n',
    );
    expect(flattenTemplate(template)).toEqual([
      {
        key: 'a/one',
        stageKey: 'a',
        parentKey: null,
        depth: 0,
        position: 0,
        title: 'one',
        body: null,
        links: [{ label: 'Notes', url: 'https://n.io' }],
        options: [],
      },
      {
        key: 'a/one/one-a',
        stageKey: 'a',
        parentKey: 'a/one',
        depth: 1,
        position: 0,
        title: 'one.a',
        body: null,
        links: [],
        options: [],
      },
      {
        key: 'a/one/one-b',
        stageKey: 'a',
        parentKey: 'a/one',
        depth: 1,
        position: 1,
        title: 'one.b',
        body: null,
        links: [],
        options: [],
      },
      {
        key: 'a/two',
        stageKey: 'a',
        parentKey: null,
        depth: 0,
        position: 1,
        title: 'two',
        body: null,
        links: [],
        options: [],
      },
      {
        key: 'b/tools',
        stageKey: 'b',
        parentKey: null,
        depth: 0,
        position: 0,
        title: 'Tools',
        body: null,
        links: [],
        options: ['X', 'Y'],
      },
      {
        key: 'b/tools/x',
        stageKey: 'b',
        parentKey: 'b/tools',
        depth: 1,
        position: 0,
        title: 'X',
        body: null,
        links: [{ label: 'X', url: 'https://x.io' }],
        options: [],
      },
      {
        key: 'b/tools/y',
        stageKey: 'b',
        parentKey: 'b/tools',
        depth: 1,
        position: 1,
        title: 'Y',
        body: null,
        links: [{ label: 'Y', url: 'https://y.io' }],
        options: [],
      },
    ]);
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the UTF-8 text', async () => {
    expect(await contentHash('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await contentHash('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await contentHash('📋')).toBe(await contentHash('\ud83d\udccb'));
    expect(await contentHash('a')).not.toBe(await contentHash('a\n'));
  });
});
