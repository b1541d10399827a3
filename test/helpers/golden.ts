/**
 * Golden files under test/golden/. `UPDATE_GOLDEN=1 npm test` rewrites them; otherwise a
 * difference fails the test.
 */
import { strict as assert } from "node:assert";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const GOLDEN_DIR = resolve(__dirname, "../golden");

export function assertGolden(name: string, actual: string): void {
  const file = resolve(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    assert.ok(process.env.UPDATE_GOLDEN === "1" || !process.env.CI, `golden file ${name} is missing`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, "utf8"), `differs from test/golden/${name} (UPDATE_GOLDEN=1 to accept)`);
}
