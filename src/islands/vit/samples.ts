/**
 * The sample photos of the ViT demo (public/images/samples, licences in LICENSES.md there).
 * Shared by the static figure (VitDemo.astro) and the URL state, which names a sample by id.
 * Their labels and credits, in both languages, are VIT_SAMPLE_TEXT in strings.ts.
 */
export const VIT_SAMPLES = [
  {
    id: 'chelsea.png',
    file: 'chelsea.png',
    thumb: 'thumb-chelsea.jpg',
  },
  {
    id: 'coffee.jpg',
    file: 'coffee.jpg',
    thumb: 'thumb-coffee.jpg',
  },
  {
    id: 'astronaut.jpg',
    file: 'astronaut.jpg',
    thumb: 'thumb-astronaut.jpg',
  },
  {
    id: 'rocket.jpg',
    file: 'rocket.jpg',
    thumb: 'thumb-rocket.jpg',
  },
] as const;
export type VitSampleId = (typeof VIT_SAMPLES)[number]['id'];
export const DEFAULT_SAMPLE: VitSampleId = 'chelsea.png';
