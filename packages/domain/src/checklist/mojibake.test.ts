import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MOJIBAKE_CODEPAGES, repairMojibake, repairMojibakeDetailed } from './mojibake';

function readSeed(edition: 'v1' | 'v2'): string {
  return readFileSync(new URL(`./seed/ml-e2e-checklist-${edition}.md`, import.meta.url), 'utf8');
}

describe('repairMojibake', () => {
  it('repairs emoji read through Windows-1254 (v1) and Mac Roman (v2)', () => {
    expect(repairMojibake('ğŸ“‹ChecklistğŸ“‹')).toBe('📋Checklist📋');
    // Mac Roman shows byte 0xF0 as the Apple logo U+F8FF, which copy and paste often drops.
    expect(repairMojibake('\uf8ffüìãChecklist\uf8ffüìã')).toBe('📋Checklist📋');
    expect(repairMojibake('üìãChecklistüìã')).toBe('📋Checklist📋');
    expect(repairMojibake('üåçScoping (Project Managment)')).toBe('🌍Scoping (Project Managment)');
  });

  it('repairs punctuation and symbols', () => {
    expect(repairMojibake('List the methods in th‚àÇe literature')).toBe(
      'List the methods in th∂e literature',
    );
    expect(repairMojibake('it‚Äôs ‚Äúquoted‚Äù ‚Äî yes')).toBe('it’s “quoted” — yes');
    expect(repairMojibake('itâ€™s cafÃ©')).toBe('it’s café');
  });

  it('repairs each character on its own, so a lost byte only affects its own character', () => {
    // v1 lost 0x8F (end of U+FE0F) and 0x9D (middle of ❓): the only emoji that fits is restored.
    expect(repairMojibake('ğŸ—£ï¸ Talk to the domain experts')).toBe(
      '🗣️ Talk to the domain experts',
    );
    expect(repairMojibake('â“ What is the objective?')).toBe('❓ What is the objective?');
    expect(repairMojibake('ğŸ‘®â€â™€ï¸ Auditability')).toBe('👮‍♀️ Auditability');
  });

  it('keeps what cannot be repaired, and reports damaged emoji', () => {
    // 🔐 lost its last byte; seven different emoji would fit, so nothing is guessed.
    const repair = repairMojibakeDetailed('ğŸ” Security and ğŸ“‹ checklists');
    expect(repair.text).toBe('ğŸ” Security and 📋 checklists');
    expect(repair.damagedEmoji).toEqual(['ğŸ”']);
    expect(repair.likelyCodepage).toBe('windows-1254');
  });

  it('leaves correct text alone', () => {
    const clean = 'café – “naïve” résumé 📋 ✅ 数据 Ω µ ß — Ğüzel ½';
    expect(repairMojibake(clean)).toBe(clean);
    expect(repairMojibake('plain ascii - [x](y)')).toBe('plain ascii - [x](y)');
  });

  it('does not turn a damaged sequence into an unrelated character of another code page', () => {
    // Through Mac Roman `Ÿ£` would read as the Arabic digit ٣; the document is Windows-1254.
    const repaired = repairMojibake('ğŸ“‹ title\n-  ğŸ£ Create a baseline model');
    expect(repaired).toBe('📋 title\n-  ğŸ£ Create a baseline model');
  });

  it('is idempotent on the seed files', () => {
    for (const edition of ['v1', 'v2'] as const) {
      const once = repairMojibake(readSeed(edition));
      expect(repairMojibake(once)).toBe(once);
      expect(once).not.toContain('\ufffd');
    }
  });

  it('undoes a Mac Roman or Latin-1 misreading of any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom('macintosh', 'latin1'),
        (original, codepage) => {
          // iconv-lite has no character for Mac Roman 0xF0; Apple's decoder gives U+F8FF.
          const misread = (text: string, page: string) =>
            iconv.decode(Buffer.from(text, 'utf8'), page).replaceAll('\ufffd', '\uf8ff');
          const mojibake = misread(original, codepage);
          const repaired = repairMojibake(mojibake);
          // Some mojibake has two readings: "AÃ•" is "A" + U+0325 read as Mac Roman, and "AÕ"
          // read as Windows-1252. The repair then picks by its code page order; what it gives
          // must still be a text that one candidate code page turns into this very mojibake.
          if (repaired !== original) {
            expect(MOJIBAKE_CODEPAGES.some((page) => misread(repaired, page) === mojibake)).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads an ambiguous run by the code page order', () => {
    // Mac Roman "Ã•" is U+0325 (a combining ring below); Windows-1252 "Ã•" is "Õ".
    expect(repairMojibake('AÃ•')).toBe('AÕ');
  });

  it('never changes ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (text) => {
        expect(repairMojibake(text)).toBe(text);
      }),
    );
  });
});
