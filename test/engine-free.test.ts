/**
 * `validate` and `render` stay off the Pulumi SDK: they load the pure catalog layer only,
 * so they start at plain-Node speed.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "./helpers/stacks.js";

describe("engine-free CLI", () => {
  for (const command of ["validate", "render"]) {
    it(`${command} loads no @pulumi module`, () => {
      const out = mkdtempSync(join(tmpdir(), "plx-free-"));
      const script = `
        require("tsx/cjs/api").register();
        const { main } = require("./cli/main.ts");
        const io = { out() {}, err() {} };
        main(${JSON.stringify([command, "--stack", "dev", ...(command === "render" ? ["--out", out] : [])])}, io, process.cwd()).then((code) => {
          const loaded = Object.keys(require.cache).filter((k) => k.includes("node_modules/@pulumi/"));
          process.stdout.write(JSON.stringify({ code, loaded }));
        });`;
      const r = spawnSync(process.execPath, ["-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { code: 0, loaded: [] });
    });
  }
});
