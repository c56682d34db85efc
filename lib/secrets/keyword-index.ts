// Finds every occurrence of a fixed set of lower-case keywords in one pass over the text,
// ignoring ASCII case: an Aho-Corasick automaton compiled to a flat transition table. A regular
// expression alternation of ~150 literals retries each one at every position; this reads each
// character once, so the pre-filter costs the same however many rules there are.

export interface KeywordIndex {
  /**
   * Calls `found(keyword, end)` for each occurrence, `end` being the offset of its last character,
   * in the order the occurrences end.
   */
  scan(text: string, found: (keyword: number, end: number) => void): void;
  readonly keywords: readonly string[];
}

export function keywordIndex(keywords: readonly string[]): KeywordIndex {
  // Every character a keyword uses gets a class of its own; upper-case letters share their
  // lower-case class; all others share class 0, which no keyword contains.
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const k of keywords) {
    for (const ch of k) {
      const c = ch.charCodeAt(0);
      if (c >= 128 || (c >= 65 && c <= 90)) throw new Error(`keyword ${JSON.stringify(k)} must be lower-case ASCII`);
      if (!classOf[c]) classOf[c] = classes++;
    }
  }
  for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32];

  // The trie, then breadth-first failure links folded into a complete transition table.
  const goto: number[][] = [new Array<number>(classes).fill(-1)];
  const outputs: number[][] = [[]];
  keywords.forEach((k, id) => {
    let s = 0;
    for (const ch of k) {
      const cls = classOf[ch.charCodeAt(0)];
      if (goto[s][cls] < 0) {
        goto[s][cls] = goto.length;
        goto.push(new Array<number>(classes).fill(-1));
        outputs.push([]);
      }
      s = goto[s][cls];
    }
    outputs[s].push(id);
  });
  const table = new Int32Array(goto.length * classes);
  const fail = new Int32Array(goto.length);
  const queue: number[] = [];
  for (let cls = 0; cls < classes; cls++) {
    const next = goto[0][cls];
    table[cls] = next < 0 ? 0 : next;
    if (next > 0) queue.push(next);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    outputs[s].push(...outputs[fail[s]]);
    for (let cls = 0; cls < classes; cls++) {
      const next = goto[s][cls];
      if (next < 0) table[s * classes + cls] = table[fail[s] * classes + cls];
      else {
        fail[next] = table[fail[s] * classes + cls];
        table[s * classes + cls] = next;
        queue.push(next);
      }
    }
  }
  // One row of 128 per state, indexed by the character itself, so a transition is one load and
  // an add (no class lookup first); a transition into a state that ends a keyword is stored
  // complemented (negative), so the same load tells both.
  const shift = 7;
  const rows = new Int32Array(goto.length << shift);
  for (let s = 0; s < goto.length; s++) {
    for (let c = 0; c < 128; c++) {
      const next = table[s * classes + classOf[c]];
      rows[(s << shift) + c] = outputs[next].length ? ~(next << shift) : next << shift;
    }
  }

  return {
    keywords,
    scan(text, found) {
      let row = 0;
      for (let i = 0, n = text.length; i < n; i++) {
        const c = text.charCodeAt(i);
        row = rows[row + (c < 128 ? c : 0)];
        if (row < 0) {
          row = ~row;
          const out = outputs[row >> shift];
          for (let j = 0; j < out.length; j++) found(out[j], i);
        }
      }
    },
  };
}
