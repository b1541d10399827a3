// Preloaded (node -r) into every benchmarked process: writes its peak memory (KiB) to
// $BENCH_USAGE_FILE at exit, so that our CLI and the cdk8s synth are measured alike.
// The peak is VmHWM, the high-water mark of this program's own address space. Not
// `process.resourceUsage().maxRSS`: Linux carries over into it the peak of the address space
// the process had before exec, which for a child forked by libuv is a copy of the parent's,
// so the bench process's own size (100 MiB and more) showed as the child's.
"use strict";
const fs = require("node:fs");

const file = process.env.BENCH_USAGE_FILE;

function peakKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // No /proc (not Linux): maxRSS.
  }
  return process.resourceUsage().maxRSS;
}

if (file) {
  process.once("exit", () => {
    fs.writeFileSync(file, String(peakKiB()));
  });
}
