/**
 * Where each note in shared/notes-source lives in wjdwocks/ML-DNN (paths checked at main,
 * commit 870345b). docs/coverage-map.json says which page each note's items went to; every
 * such page lists the note in its `sourceNotes` frontmatter (test/unit/source-notes.test.ts).
 */
const BLOB = 'https://github.com/wjdwocks/ML-DNN/blob/main/markdown/';

export const NOTE_URLS: Record<string, string> = {
  '000_355cde040fc7946c.txt': `${BLOB}25년/5월/25.5.2.md`,
  'Transformer.md': `${BLOB}my_study/Transformer.md`,
  'VisionTransformer.md': `${BLOB}my_study/VisionTransformer.md`,
};
