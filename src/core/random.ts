/**
 * A small seeded pseudo-random generator (mulberry32: 32 bits of state). Concord uses it wherever a run must be
 * reproducible — random pairs for u-probabilities, generated data, benchmarks — never for anything secret.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // a float in [0, 1), the same sequence for the same seed
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
