/**
 * The smallest module that uses relaxed SIMD: (func (param v128 v128 v128) (result v128)
 * f32x4.relaxed_madd). Engines without the proposal reject it at validation; ./kernels.ts
 * validates it to choose the kernel build, the e2e test validates it in Chromium.
 */
// biome-ignore format: wasm bytes grouped by module section, one section a line
export const RELAXED_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b, // type: (v128 v128 v128) -> v128
  0x03, 0x02, 0x01, 0x00, // one function of type 0
  0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x85, 0x02, 0x0b, // local.get 0..2; f32x4.relaxed_madd
]);

/**
 * (func (export "f") (param f32 f32 f32) (result f32)): lane 0 of f32x4.relaxed_madd on splats.
 * Whether the engine FUSES the multiply-add (one rounding, what makes the kernel faster on x86
 * with FMA) shows in the result of fusedMultiplyAdd() below.
 */
// biome-ignore format: wasm bytes grouped by module section, one section a line
export const FMA_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7d, 0x7d, 0x7d, 0x01, 0x7d, // type: (f32 f32 f32) -> f32
  0x03, 0x02, 0x01, 0x00,
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, // export "f" = func 0
  0x0a, 0x16, 0x01, 0x14, 0x00,
  0x20, 0x00, 0xfd, 0x13, 0x20, 0x01, 0xfd, 0x13, 0x20, 0x02, 0xfd, 0x13, // splat a, b, c
  0xfd, 0x85, 0x02, 0xfd, 0x1f, 0x00, 0x0b, // relaxed_madd; extract_lane 0
]);

/**
 * true if relaxed_madd is fused here, false if it is a multiply then an add, null without
 * relaxed SIMD. With a = b = 1 + 2⁻¹², a·b = 1 + 2⁻¹¹ + 2⁻²⁴ rounds to 1 + 2⁻¹¹ in f32, so
 * a·b − (1 + 2⁻¹¹) is 2⁻²⁴ fused and 0 unfused.
 */
export function fusedMultiplyAdd(): boolean | null {
  try {
    const f = (
      new WebAssembly.Instance(new WebAssembly.Module(FMA_PROBE as BufferSource)).exports as { f(a: number, b: number, c: number): number }
    ).f;
    return f(1 + 2 ** -12, 1 + 2 ** -12, -(1 + 2 ** -11)) !== 0;
  } catch {
    return null;
  }
}
