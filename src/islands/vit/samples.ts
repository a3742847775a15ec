/**
 * The sample photos of the ViT demo (public/images/samples, licences in LICENSES.md there).
 * Shared by the static figure (VitDemo.astro) and the URL state, which names a sample by id.
 */
export const VIT_SAMPLES = [
  {
    id: 'chelsea.png',
    label: '고양이',
    file: 'chelsea.png',
    thumb: 'thumb-chelsea.jpg',
    credit: '사진: Stefan van der Walt, 고양이 Chelsea — CC0 (scikit-image 예제 데이터)',
  },
  {
    id: 'coffee.jpg',
    label: '커피',
    file: 'coffee.jpg',
    thumb: 'thumb-coffee.jpg',
    credit: '사진: Rachel Michetti, Pikolo Espresso Bar 제공 — CC0 (scikit-image 예제 데이터)',
  },
  {
    id: 'astronaut.jpg',
    label: '우주비행사',
    file: 'astronaut.jpg',
    thumb: 'thumb-astronaut.jpg',
    credit: '사진: NASA Great Images, 우주비행사 Eileen Collins — 퍼블릭 도메인 (scikit-image 예제 데이터)',
  },
  {
    id: 'rocket.jpg',
    label: '로켓',
    file: 'rocket.jpg',
    thumb: 'thumb-rocket.jpg',
    credit: '사진: SpaceX, Falcon 9의 DSCOVR 발사 — 퍼블릭 도메인 (scikit-image 예제 데이터)',
  },
] as const;
export type VitSampleId = (typeof VIT_SAMPLES)[number]['id'];
export const DEFAULT_SAMPLE: VitSampleId = 'chelsea.png';
