import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '@demos/kd/node/tf-node';
import { archLabel, parseArch, STUDENT_ARCH, TEACHER_ARCHS, WRN_IO } from '@demos/kd/models/arch';
import { createPhaseModel, phaseModelSpec, PHASES } from '@demos/kd/experiment/phases';

beforeAll(async () => {
  await useNodeBackend('cpu');
});

describe('WRN architecture names (one module)', () => {
  it('parses the page and the notes spellings alike, and names what it cannot parse', () => {
    expect(parseArch('wrn16-3')).toEqual({ depth: 16, widen: 3 });
    expect(parseArch('WRN28-1')).toEqual({ depth: 28, widen: 1 });
    expect(() => parseArch('resnet18')).toThrow(/unknown architecture "resnet18"/);
    expect(TEACHER_ARCHS.map(archLabel)).toEqual(['WRN16-1', 'WRN16-3', 'WRN28-1', 'WRN28-3']);
    expect(WRN_IO).toEqual({ inChannels: 40, numClasses: 12 });
  });

  it('each phase has its network: teachers the chosen arch (2D for GAF), the student WRN16-1', () => {
    expect(PHASES.map((p) => phaseModelSpec(p, 'WRN28-3'))).toEqual([
      { dims: 2, depth: 28, widen: 3 },
      { dims: 1, depth: 28, widen: 3 },
      { dims: 1, ...parseArch(STUDENT_ARCH) },
      { dims: 1, depth: 16, widen: 1 },
    ]);
    const m = createPhaseModel('teacher-signal', 'wrn16-3', 1);
    try {
      expect(m.config).toMatchObject({ dims: 1, depth: 16, widen: 3, inChannels: 40, numClasses: 12 });
    } finally {
      m.dispose();
    }
  });
});
