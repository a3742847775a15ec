/**
 * Frontmatter `sourceNotes`: the researcher's original notes a page was written from, in
 * wjdwocks/ML-DNN. Shown under the page title (overrides/PageTitle.astro).
 *   sourceNotes:
 *     - { title: Transformer.md, url: https://github.com/wjdwocks/ML-DNN/blob/main/markdown/my_study/Transformer.md }
 */
import { z } from 'astro/zod';

export const NOTES_REPO = 'wjdwocks/ML-DNN';
const NOTE_URL = new RegExp(`^https://github\\.com/${NOTES_REPO.replace('/', '\\/')}/blob/[^/]+/.+\\.md$`);

const sourceNoteSchema = z.object({
  /** Shown as the link text, e.g. "Transformer.md" or "주간 노트 2025-05-02". */
  title: z.string().min(1),
  /** A Markdown file in the notes repository (blob URL). */
  url: z.string().regex(NOTE_URL, `a note in github.com/${NOTES_REPO}/blob/<branch>/….md`),
});

export const sourceNotesField = z.array(sourceNoteSchema).min(1).optional();
export type SourceNote = z.infer<typeof sourceNoteSchema>;
