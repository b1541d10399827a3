// Preloaded (node -r) into every benchmarked process: writes its peak memory (max RSS, KiB)
// to $BENCH_USAGE_FILE at exit, so that our CLI and the cdk8s synth are measured alike.
"use strict";
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.once("exit", () => {
    require("node:fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
