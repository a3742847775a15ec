/**
 * Korean names of the 12 PAMAP2 protocol classes, paired with the data module's class order
 * (../pamap2/format.ts: index 0..11 = activity 24, 1, 2, 3, 4, 5, 6, 7, 12, 13, 16, 17; §1).
 */
import { CLASS_ACTIVITY_IDS, CLASS_NAMES, NUM_CLASSES } from '../pamap2/format';

const KO = [
  '줄넘기',
  '누워 있기',
  '앉아 있기',
  '서 있기',
  '걷기',
  '달리기',
  '자전거',
  '노르딕 워킹',
  '계단 오르기',
  '계단 내려가기',
  '청소기 돌리기',
  '다림질',
];

export const ACTIVITIES: readonly { id: number; ko: string; en: string }[] = CLASS_NAMES.map((en, i) => ({
  id: CLASS_ACTIVITY_IDS[i]!,
  ko: KO[i]!,
  en,
}));
export { NUM_CLASSES };
