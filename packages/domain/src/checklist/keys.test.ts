import { describe, expect, it } from 'vitest';
import { KeyAllocator, fitKey, itemSlug, normalizeTitle, slugify, stageKeyBase } from './keys';
import { titleSimilarity } from './similarity';

describe('keys', () => {
  it('normalises emoji, case, accents and punctuation away', () => {
    expect(normalizeTitle('🌍 Scoping: (Project) Managment!')).toBe('scoping project managment');
    expect(normalizeTitle('Café — Ĝüzel   data')).toBe('cafe guzel data');
    expect(normalizeTitle('𝗔𝘄𝗮𝗿𝗲𝗻𝗲𝘀𝘀')).toBe('awareness');
  });

  it('makes slugs of at most 64 characters, cut at a word', () => {
    expect(slugify('Data sourcing/collection/ingestion')).toBe(
      'data-sourcing-collection-ingestion',
    );
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug.endsWith('word')).toBe(true);
    expect(itemSlug('📋 ⬇️')).toBe('item');
  });

  it('ignores a trailing qualifier in stage keys so editions keep their keys', () => {
    expect(stageKeyBase('Scoping (Project Managment)')).toBe(stageKeyBase('Scoping'));
    expect(stageKeyBase('Programming (focused on python)')).toBe('programming');
    expect(stageKeyBase('(MLOps)')).toBe('mlops');
    expect(stageKeyBase('🚢')).toBe('stage');
  });

  it('disambiguates duplicates deterministically and respects the length limit', () => {
    const keys = new KeyAllocator(20);
    expect(['a/b', 'a/b', 'a/b-2', 'a/b'].map((key) => keys.claim(key))).toEqual([
      'a/b',
      'a/b-2',
      'a/b-2-2',
      'a/b-3',
    ]);
    const long = fitKey(`stage/${'x'.repeat(300)}`, 250);
    expect(long.length).toBeLessThanOrEqual(250);
    expect(fitKey(`stage/${'x'.repeat(300)}`, 250)).toBe(long);
    expect(fitKey(`stage/${'x'.repeat(301)}`, 250)).not.toBe(long);
  });
});

describe('titleSimilarity', () => {
  it('scores identical normalised titles 1 and unrelated ones 0', () => {
    expect(titleSimilarity('❓ Data cleaning:', 'data CLEANING')).toBe(1);
    expect(titleSimilarity('Data cleaning', 'Serve the model')).toBe(0);
  });

  it('treats a title that starts the other, plurals and typos as close', () => {
    expect(
      titleSimilarity('Grid search', 'Grid search: doable when the parameters are small'),
    ).toBeGreaterThan(0.8);
    expect(
      titleSimilarity(
        'What is the project main objective?',
        'What are the project main objectives?',
      ),
    ).toBe(1);
    expect(titleSimilarity('Kubernetes cluster', 'Kubernets cluster')).toBeGreaterThan(0.85);
  });
});
