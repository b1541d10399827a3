/**
 * The pull-request workflows' boundary: least permissions, actions pinned by commit SHA,
 * bounded runs, and no comment posted with a fork's read-only token.
 */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fromYaml } from "../components/load/yaml.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

interface Job {
  permissions?: Record<string, string>;
  "timeout-minutes"?: number;
  steps?: { uses?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const DIR = join(PROJECT_ROOT, ".github/workflows");
const workflows = readdirSync(DIR).map((f) => ({ file: f, wf: fromYaml(readFileSync(join(DIR, f), "utf8")) as Workflow }));

describe("pull-request workflows", () => {
  for (const { file, wf } of workflows) {
    it(`${file}: no default permissions, a concurrency group, a timeout per job, actions pinned by SHA`, () => {
      assert.deepEqual(wf.permissions, {});
      assert.ok(wf.concurrency, "concurrency");
      for (const [name, job] of Object.entries(wf.jobs)) {
        assert.ok(job["timeout-minutes"] && job["timeout-minutes"] <= 60, `${name}: timeout-minutes`);
        assert.ok(job.permissions, `${name}: permissions`);
        for (const step of job.steps ?? []) {
          if (step.uses) assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${name}: ${step.uses}`);
        }
      }
    });
  }

  it("posts the sticky comment only from the workflow_run workflow (fork pull requests have a read-only token)", () => {
    const posting = workflows.filter(({ wf }) => Object.values(wf.jobs).some((j) => j.steps?.some((s) => s.uses?.startsWith("marocchino/"))));
    assert.deepEqual(
      posting.map((p) => p.file),
      ["catalog-diff-comment.yml"],
    );
    assert.ok("workflow_run" in posting[0]!.wf.on);
    const pr = workflows.find((w) => w.file === "pull-request.yml")!.wf;
    for (const [name, job] of Object.entries(pr.jobs)) {
      if (name !== "pulumi-preview") assert.equal(job.permissions?.["pull-requests"], undefined, name);
    }
  });
});
