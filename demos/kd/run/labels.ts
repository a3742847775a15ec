/** Korean labels of the four phases (shared by the static figure and the island). */
import type { Phase } from '../experiment/phases';

export const PHASE_LABELS: Record<Phase, string> = {
  'teacher-gaf': '교사 1 · GAF 이미지 (2D WRN)',
  'teacher-signal': '교사 2 · 신호 (1D WRN)',
  'student-ce': '학생 단독 · CE만 (1D WRN16-1)',
  'student-kd': '학생 + 두 교사 KD (1D WRN16-1)',
};
