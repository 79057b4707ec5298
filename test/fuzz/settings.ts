/** How many cases and which bounds a fuzz run uses: CI's defaults, more on demand (`npm run fuzz`). */
export const fuzzSettings = () => ({
  runs: Number(process.env.AIC_FUZZ_RUNS) || 10_000,
  seed: Number(process.env.AIC_FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31),
  // Per case: the inputs go up to ~60,000 characters; a linear parser needs a few ms for that, an O(n²) one seconds.
  caseBoundMs: Number(process.env.AIC_FUZZ_CASE_MS) || 1_500,
  workers: Number(process.env.AIC_FUZZ_WORKERS) || 2,
  only: (process.env.AIC_FUZZ_ONLY ?? '').split(',').filter(Boolean),
});
