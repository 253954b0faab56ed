import { describe, expect, it } from 'vitest';
import { formatMention, mentionsAsText, parseMentions } from './mentions';

const ana = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const bo = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

describe('[notifications] mentions', () => {
  it('finds each mentioned person once, by id, in order', () => {
    const body = `Hi @[Ana](${ana}) and @[Bo B](${bo}), cc @[Ana L](${ana.toUpperCase()})`;
    expect(parseMentions(body)).toEqual([
      { userId: ana, name: 'Ana' },
      { userId: bo, name: 'Bo B' },
    ]);
  });

  it('ignores plain @names, malformed ids and empty names', () => {
    expect(parseMentions(`@Ana @[Ana](not-an-id) @[](${ana}) email@[x](y)`)).toEqual([]);
  });

  it('round-trips a name with brackets through formatMention', () => {
    const token = formatMention({ id: ana, name: 'Ana [ML]' });
    expect(parseMentions(`see ${token}`)).toEqual([{ userId: ana, name: 'Ana  ML' }]);
  });

  it('renders mentions as text, with current names when known', () => {
    const body = `ping @[Old name](${ana})`;
    expect(mentionsAsText(body)).toBe('ping @Old name');
    expect(mentionsAsText(body, (id) => (id === ana ? 'New name' : undefined))).toBe(
      'ping @New name',
    );
  });
});
