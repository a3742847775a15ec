/**
 * The WRN architectures of the KD experiments, in one place: their names, the parser from a
 * name to (depth, widen), and what every model here takes in and puts out (the 40 PAMAP2
 * channels, the 12 protocol classes). The page writes names lower-case ('wrn16-3'), the notes
 * and artifacts upper-case ('WRN16-3'); both parse. The student is always WRN16-1 (protocol §0).
 */
import { CHANNELS, NUM_CLASSES } from '../pamap2/format';

export const TEACHER_ARCHS = ['wrn16-1', 'wrn16-3', 'wrn28-1', 'wrn28-3'] as const;
export type TeacherArch = (typeof TEACHER_ARCHS)[number];
export const STUDENT_ARCH = 'wrn16-1' satisfies TeacherArch;

/** Input channels S and classes K of every WRN in the experiments. */
export const WRN_IO = { inChannels: CHANNELS, numClasses: NUM_CLASSES } as const;

/** 'wrn16-3' or 'WRN16-3' → { depth: 16, widen: 3 }; anything else is an error naming it. */
export function parseArch(name: string): { depth: number; widen: number } {
  const m = /^wrn(\d+)-(\d+)$/i.exec(name);
  if (!m) throw new Error(`unknown architecture "${name}" (expected e.g. WRN16-3)`);
  return { depth: Number(m[1]), widen: Number(m[2]) };
}

/** The notes' and artifacts' spelling: 'wrn16-3' → 'WRN16-3'. */
export function archLabel(name: string): string {
  const { depth, widen } = parseArch(name);
  return `WRN${depth}-${widen}`;
}
