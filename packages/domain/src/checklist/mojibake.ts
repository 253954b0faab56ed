import { MOJIBAKE_CODEPAGES, codepageTables, type TMojibakeCodepage } from './mojibake-codepages';
import { chooseRepair, findRuns, repairRun, type TRunRepair } from './mojibake-runs';

/**
 * Repairs "mojibake": UTF-8 text that was once decoded with a single-byte code page (the seed
 * checklists went through Windows-1254 and Mac Roman), so that each UTF-8 byte became one wrong
 * character (`ğŸ“‹` or `üìã` instead of 📋).
 *
 * The repair maps suspicious characters back to the bytes the wrong decoder read and decodes those
 * bytes as UTF-8 again, run by run (a run is a stretch of non-ASCII characters that some candidate
 * code page can represent) and, inside a run, sequence by sequence, so a lost byte only spoils
 * its own character. Only complete, valid UTF-8 sequences are accepted; everything else is kept
 * exactly as it is. Correct text (`café`, `–`, `📋`) practically never re-reads as valid
 * multi-byte UTF-8, so it passes through untouched.
 *
 * Which code page: the one that explains most of the document (dominant) is used for every run it
 * can represent. Another code page may repair a run only when the dominant one explains nothing
 * in it and the other explains all of it; short runs are easy to "repair" by accident (through
 * Mac Roman, v1's damaged `ğŸ£` would read as the Arabic digit `٣`).
 *
 * Lost bytes: lossy decoders drop bytes they cannot map (v1 lost 0x8F, 0x90, 0x9D; Mac Roman
 * mojibake often loses the U+F8FF that stands for 0xF0). When exactly one byte is missing from a
 * sequence and exactly one of the bytes that code page cannot map makes it an emoji (a pictograph,
 * or a joiner/VS16 right after one), that byte is put back. If several emoji would fit, the
 * fragment is kept and reported in `damagedEmoji`.
 *
 * The parts: the code-page tables (mojibake-codepages.ts), finding and repairing runs
 * (mojibake-runs.ts), and UTF-8 sequences with their lost bytes (mojibake-sequences.ts).
 */

export { MOJIBAKE_CODEPAGES, type TMojibakeCodepage };

export interface TMojibakeRepair {
  text: string;
  /** Number of distinct runs that were changed. */
  repairedRuns: number;
  /** The code page that explained most of the document, when any did. */
  likelyCodepage: TMojibakeCodepage | undefined;
  /**
   * Fragments that certainly were an emoji before a byte was lost, but could be several different
   * emoji. They are left in `text`; callers that show titles may treat them as lost decoration.
   */
  damagedEmoji: string[];
}

/** Repairs mojibake in `text`; what cannot be repaired is kept as is. */
export function repairMojibake(text: string): string {
  return repairMojibakeDetailed(text).text;
}

/** Repairs mojibake in `text` and tells what it did; see the file comment. Pure. */
export function repairMojibakeDetailed(text: string): TMojibakeRepair {
  const runs = findRuns(text);
  const unchanged = { text, repairedRuns: 0, likelyCodepage: undefined, damagedEmoji: [] };
  if (runs.length === 0) return unchanged;

  const countByRun = new Map<string, number>();
  for (const run of runs) countByRun.set(run.text, (countByRun.get(run.text) ?? 0) + 1);
  const repairsByRun = new Map<string, TRunRepair[]>();
  const scores = MOJIBAKE_CODEPAGES.map(() => 0);
  for (const [run, count] of countByRun) {
    const repairs = codepageTables().map((table) => repairRun(run, table));
    repairsByRun.set(run, repairs);
    repairs.forEach((repair, index) => {
      if (repair.fullyEncodable)
        scores[index]! += (repair.repairedChars + repair.damagedChars) * count;
    });
  }
  const ranked = MOJIBAKE_CODEPAGES.map((_, index) => index).sort(
    (a, b) => scores[b]! - scores[a]! || a - b,
  );
  const dominant = ranked[0]!;
  if (scores[dominant] === 0) return unchanged;

  const replacementByRun = new Map<string, string>();
  const damagedEmoji = new Set<string>();
  for (const [run, repairs] of repairsByRun) {
    const chosen = chooseRepair(repairs, ranked);
    if (!chosen) continue;
    if (chosen.repairedChars > 0) replacementByRun.set(run, chosen.text);
    for (const fragment of chosen.damagedEmoji) damagedEmoji.add(fragment);
  }

  let repaired = '';
  let last = 0;
  for (const run of runs) {
    repaired += text.slice(last, run.start) + (replacementByRun.get(run.text) ?? run.text);
    last = run.start + run.text.length;
  }
  repaired += text.slice(last);
  return {
    text: repaired,
    repairedRuns: replacementByRun.size,
    likelyCodepage: MOJIBAKE_CODEPAGES[dominant],
    damagedEmoji: [...damagedEmoji],
  };
}
