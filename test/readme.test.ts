/**
 * The README is what a user reads first: its quickstart stack must validate as it is, its
 * links must lead somewhere, and it stays short (the rest lives in docs/).
 */
import { strict as assert } from "node:assert";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./helpers/cli.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

describe("the README", () => {
  it("is at most 250 lines", () => {
    assert.ok(readme.split("\n").length <= 250, `${readme.split("\n").length} lines`);
  });

  it("has a quickstart stack that validates with no warning", async () => {
    const stack = /```yaml\n(# yaml-language-server[^]*?)```/.exec(readme)?.[1];
    assert.ok(stack, "the quickstart's stack file");
    const dir = mkdtempSync(join(tmpdir(), "plx-readme-"));
    cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    // Ciphertexts as `pulumi config set --secret` would write them.
    writeFileSync(join(dir, "Pulumi.local.yaml"), stack.replaceAll("v1:…", "v1:c2VjcmV0LWNpcGhlcnRleHQ="));
    const r = await cli(["validate", "--stack", "local"], dir);
    assert.equal(r.code, 0, r.text);
    assert.match(r.stdout, /2 objects to create; 0 warnings/);
  });

  it("links only to files that exist, in the README and in docs/", () => {
    for (const file of [
      "README.md",
      ...["commands", "configuration", "connections", "validation", "secrets", "agents", "ce", "pr-previews", "library", "pulumi-up", "performance", "testing"].map(
        (d) => `docs/${d}.md`,
      ),
    ]) {
      const text = readFileSync(join(PROJECT_ROOT, file), "utf8");
      const base = file.startsWith("docs/") ? join(PROJECT_ROOT, "docs") : PROJECT_ROOT;
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        // Web addresses, and text in brackets and parentheses that is no link (a regex in a table).
        if (/^https?:/.test(target!) || !/^[\w./-]+$/.test(target!)) continue;
        assert.ok(existsSync(join(base, target!)), `${file} links to ${target}`);
      }
    }
  });
});
