/** Labels of the four phases, Korean and English (shared by the static figure and the island). */
import type { Phase } from '../experiment/phases';

export const PHASE_LABELS: Record<Phase, string> = {
  'teacher-gaf': '교사 1 · GAF 이미지 (2D WRN)',
  'teacher-signal': '교사 2 · 신호 (1D WRN)',
  'student-ce': '학생 단독 · CE만 (1D WRN16-1)',
  'student-kd': '학생 + 두 교사 KD (1D WRN16-1)',
};

export const PHASE_LABELS_EN: Record<Phase, string> = {
  'teacher-gaf': 'Teacher 1 · GAF image (2D WRN)',
  'teacher-signal': 'Teacher 2 · signal (1D WRN)',
  'student-ce': 'Student alone · CE only (1D WRN16-1)',
  'student-kd': 'Student + two-teacher KD (1D WRN16-1)',
};
