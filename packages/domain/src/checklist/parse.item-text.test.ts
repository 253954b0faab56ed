import { describe, expect, it } from 'vitest';
import { itemsOf } from './test-support';

describe('item text rules', () => {
  it('turns link-only trailers into links, not title text', () => {
    const [conda, dvc] = itemsOf(
      [
        '- Conda | [Notes](https://notes.example/conda)',
        '- [DVC](https://dvc.org/) | [Notes](https://notes.example/dvc) | [Paper](https://arxiv.org/1)',
      ].join('\n'),
    );
    expect(conda).toMatchObject({
      title: 'Conda',
      links: [{ label: 'Notes', url: 'https://notes.example/conda' }],
    });
    expect(conda!.body).toBeUndefined();
    expect(dvc).toMatchObject({
      title: 'DVC',
      links: [
        { label: 'DVC', url: 'https://dvc.org/' },
        { label: 'Notes', url: 'https://notes.example/dvc' },
        { label: 'Paper', url: 'https://arxiv.org/1' },
      ],
    });
  });

  it('keeps inline link labels in the text and removes generic reference labels', () => {
    const [baseline, bi, flask] = itemsOf(
      [
        '- Establish a [baseline](https://b.example) against which ML is judged',
        '- BI tools analyze data [Ref](https://ref.example). These tools help:',
        '- REST frameworks: Flask | [Notes](https://n.example/1) , Django | [Notes](https://n.example/2)',
      ].join('\n'),
    );
    expect(baseline!.title).toBe('Establish a baseline against which ML is judged');
    expect(baseline!.links).toEqual([{ label: 'baseline', url: 'https://b.example' }]);
    expect(bi!.title).toBe('BI tools analyze data. These tools help');
    expect(bi!.links).toEqual([{ label: 'Ref', url: 'https://ref.example' }]);
    expect(flask!.title).toBe('REST frameworks: Flask, Django');
  });

  it('takes the <ins> part as title and the rest as body', () => {
    const [featureEngineering, serverless, docs, kubernetes] = itemsOf(
      [
        '- <ins>Feature engineering</ins> | [Notes](https://n.example) | [Tutorials](https://t.example):',
        '- <ins>Serverless deployment</ins>. Serverless does not mean there is no server.',
        '- <ins>Docs | [Tutorials](https://t.example/docs)</ins>:',
        '- <ins>[Kubernetes](https://k8s.io/) | [Notes](https://n.example/k8s) cluster</ins>:',
      ].join('\n'),
    );
    expect(featureEngineering).toMatchObject({ title: 'Feature engineering' });
    expect(featureEngineering!.body).toBeUndefined();
    expect(featureEngineering!.links.map((link) => link.label)).toEqual(['Notes', 'Tutorials']);
    expect(serverless).toMatchObject({
      title: 'Serverless deployment',
      body: 'Serverless does not mean there is no server.',
    });
    expect(docs).toMatchObject({ title: 'Docs', links: [{ label: 'Tutorials' }] });
    expect(kubernetes!.title).toBe('Kubernetes cluster');
    expect(kubernetes!.links.map((link) => link.label)).toEqual(['Kubernetes', 'Notes']);
  });

  it('takes a bold lead-in followed by a colon as title', () => {
    const [mvp, extraction, onlyBold] = itemsOf(
      [
        '- **MVP**: Focuses on core functionality.',
        '- **Extraction** involves pulling data from sources.',
        '- **Caching**',
      ].join('\n'),
    );
    expect(mvp).toMatchObject({ title: 'MVP', body: 'Focuses on core functionality.' });
    expect(extraction!.title).toBe('Extraction involves pulling data from sources.');
    expect(extraction!.body).toBeUndefined();
    expect(onlyBold!.title).toBe('Caching');
  });

  it('drops Markdown residue around links and keeps icons', () => {
    const [flask, nodeJs, airflow] = itemsOf(
      [
        '- [[Flask](https://flask.example) | [Notes](https://n.example/flask)]',
        '- [[Node.js]() | Notes]',
        '- ⭐[[Apache Airflow](https://airflow.example) | [Notes](https://n.example/af)] is mature.',
      ].join('\n'),
    );
    expect(flask!.title).toBe('Flask');
    expect(nodeJs!.title).toBe('Node.js | Notes');
    expect(nodeJs!.links).toEqual([]);
    expect(airflow!.title).toBe('⭐Apache Airflow is mature.');
  });

  it('strips the colon that only introduces nested entries', () => {
    const [release] = itemsOf('- Code release:\n  - Major\n  - Minor');
    expect(release!.title).toBe('Code release');
    expect(release!.children.map((child) => child.title)).toEqual(['Major', 'Minor']);
  });

  it('resolves reference-style links', () => {
    const [item] = itemsOf(
      '- Read the [guide][g] | [Notes][n]\n\n[g]: https://g.example\n[n]: https://n.example',
    );
    expect(item!.title).toBe('Read the guide');
    expect(item!.links).toEqual([
      { label: 'guide', url: 'https://g.example' },
      { label: 'Notes', url: 'https://n.example' },
    ]);
  });

  it('moves the part of a title beyond 1000 characters to the body', () => {
    const words = Array.from({ length: 400 }, (_, index) => `word${index}`).join(' ');
    const [item] = itemsOf(`- ${words}\n\n  Original body.`);
    expect(item!.title.length).toBeLessThanOrEqual(1000);
    expect(`${item!.title} ${item!.body}`).toBe(
      `${words} Original body.`.replace(' Original', '\n\nOriginal'),
    );
  });
});
