import { describe, expect, it } from 'vitest';
import { NotificationScanner } from './activity-notices';

/** A backend message: type byte, int32 length (itself included), body. */
function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function notification(channel: string, payload: string): Buffer {
  const pid = Buffer.alloc(4);
  pid.writeInt32BE(42);
  return message('A', Buffer.concat([pid, Buffer.from(`${channel}\0${payload}\0`)]));
}

describe('[db][activity-notices] reading notifications out of a backend byte stream', () => {
  it('finds them between other messages, however the bytes are split', () => {
    const stream = Buffer.concat([
      message('C', Buffer.from('INSERT 0 1\0')),
      notification('shipshape_activity', '{"id":"7","é":"ü"}'),
      message('Z', Buffer.from('I')),
      notification('other', 'x'),
    ]);
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      const found: string[] = [];
      const scanner = new NotificationScanner((channel, payload) =>
        found.push(`${channel}:${payload}`),
      );
      for (let at = 0; at < stream.length; at += size) scanner.push(stream.subarray(at, at + size));
      expect(found).toEqual(['shipshape_activity:{"id":"7","é":"ü"}', 'other:x']);
    }
  });
});
