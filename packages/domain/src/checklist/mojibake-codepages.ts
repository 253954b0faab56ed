import iconv from 'iconv-lite';

/** The wrong decoders we try, in the order used to break ties. */
export const MOJIBAKE_CODEPAGES = ['windows-1254', 'macintosh', 'windows-1252', 'latin1'] as const;
export type TMojibakeCodepage = (typeof MOJIBAKE_CODEPAGES)[number];

export interface TCodepageTable {
  name: TMojibakeCodepage;
  /** Character (code point) → the byte this code page decodes to it. */
  byteOfCodePoint: Map<number, number>;
  /** Bytes this code page cannot decode: the only candidates for a lost byte. */
  undecodableBytes: number[];
}

/**
 * Alternative characters some decoders produce for the same byte (Apple revised its Mac Roman
 * table: 0xBD Ω, 0xDB €/¤, 0xB5 µ/μ, 0xF0 Apple logo). iconv-lite knows only one of each pair.
 */
const EXTRA_CODE_POINTS: Partial<Record<TMojibakeCodepage, Array<[number, number]>>> = {
  macintosh: [
    [0xf8ff, 0xf0],
    [0x03a9, 0xbd],
    [0x2126, 0xbd],
    [0x20ac, 0xdb],
    [0x00a4, 0xdb],
    [0x03bc, 0xb5],
  ],
};

let tables: TCodepageTable[] | undefined;
let representable: Set<number> | undefined;

/** One table per candidate code page, in `MOJIBAKE_CODEPAGES` order; built on first use. */
export function codepageTables(): TCodepageTable[] {
  tables ??= MOJIBAKE_CODEPAGES.map(buildTable);
  return tables;
}

/** Code points that at least one candidate code page produces: the only ones worth looking at. */
export function representableCodePoints(): Set<number> {
  representable ??= new Set(codepageTables().flatMap((table) => [...table.byteOfCodePoint.keys()]));
  return representable;
}

function buildTable(name: TMojibakeCodepage): TCodepageTable {
  const highBytes = Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index);
  const decoded = iconv.decode(highBytes, name);
  const byteOfCodePoint = new Map<number, number>();
  const undecodableBytes: number[] = [];
  for (let index = 0; index < 128; index++) {
    const byte = 0x80 + index;
    const codeUnit = decoded.charCodeAt(index);
    if (codeUnit === 0xfffd) {
      // WHATWG-style decoders pass undefined bytes through as the C1 control with that number.
      byteOfCodePoint.set(byte, byte);
      undecodableBytes.push(byte);
    } else {
      byteOfCodePoint.set(codeUnit, byte);
    }
  }
  for (const [codePoint, byte] of EXTRA_CODE_POINTS[name] ?? []) {
    if (!byteOfCodePoint.has(codePoint)) byteOfCodePoint.set(codePoint, byte);
  }
  return { name, byteOfCodePoint, undecodableBytes };
}
