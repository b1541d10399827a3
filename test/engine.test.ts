/**
 * The stack program as `pulumi preview` and `pulumi up` run it: launched by the SDK's own
 * runner as the language host launches it, every request over gRPC to the engine stand-in
 * (helpers/engine), config read from the stack file by yaml.v3. The arbiter of what a
 * deployment does; the mock-engine tests agree with it.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { renderFiles } from "../cli/render.js";
import { readStackConfig, readStackFile } from "../cli/stack-file.js";
import { configPathText, isMapping, loadStack, planStack, redactedConfigValue, ROLLOUT_ANNOTATION, securePaths } from "../components/internal.js";
import { isSecretValue, plainTextOf, unwrapSecrets } from "./helpers/engine/envelopes.js";
import { emptyProject, launchProgram, type ProgramRun, projectFor, stackConfigForProgram } from "./helpers/engine/launch.js";
import { registeredManifests, renderedManifests } from "./helpers/render-compare.js";
import { CANARY_PATTERN, canaryFor, exampleStacks, yamlOf } from "./helpers/stacks.js";

const SECRET_CONFIG = resolve(__dirname, "fixtures/secret-config");
/** Every example stack, and the valid one of the secret-at-depth fixtures (`in-entry` is refused: see below). */
const STACKS = [...exampleStacks(), { dir: SECRET_CONFIG, stack: "nested" }];

/**
 * `value` with each canary of a nested secret config value replaced by the redaction render
 * writes in its place: what the program deploys, as render shows it.
 */
function redactCanaries(dir: string, stack: string, value: unknown): unknown {
  const redactions = new Map<string, string>();
  for (const [key, raw] of readStackFile(dir, stack)) {
    for (const path of securePaths(raw)) redactions.set(canaryFor(configPathText(key, path)), redactedConfigValue(key, path));
  }
  const walk = (v: unknown): unknown =>
    typeof v === "string" ? (redactions.get(v) ?? v) : Array.isArray(v) ? v.map(walk) : isMapping(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  return walk(value);
}

/** `Engine.Log` severity of debug messages (`pulumirpc.LogSeverity`), shown only by `pulumi up --debug`. */
const DEBUG = 0;

/**
 * Everything a run let out in plain text: state (inputs and outputs outside secret
 * envelopes), the engine log, stdout, stderr. Debug messages aside: the SDK itself writes
 * each registration's response, secrets included, into them (README, "Tests").
 */
function plainTextOfRun(run: ProgramRun): string {
  return [
    plainTextOf(run.registrations.map((r) => r.inputs)),
    plainTextOf(run.outputs),
    ...run.log.filter((l) => l.severity !== DEBUG).map((l) => l.message),
    run.stdout,
    run.stderr,
  ].join("\n");
}

const errorsOf = (run: ProgramRun): string[] => run.log.filter((l) => l.severity === 3).map((l) => l.message);

/** Run a stack file of `dir` through the engine stand-in. */
async function launchStack(dir: string, stack: string, preview: boolean, previous?: ReadonlySet<string>) {
  const project = projectFor(join(dir, `Pulumi.${stack}.yaml`));
  try {
    const config = stackConfigForProgram(dir, stack);
    const run = await launchProgram({ dir: project.dir, stack, preview, config, ...(previous ? { previous } : {}) });
    return { run, config };
  } finally {
    project.dispose();
  }
}

describe("the stack program under the engine stand-in (as pulumi up runs it)", function () {
  this.timeout(120_000);

  for (const { dir, stack } of STACKS) {
    for (const preview of [true, false]) {
      it(`${preview ? "previews" : "updates"} stack ${stack}: what render writes, canaries only in secret envelopes`, async () => {
        const { run, config } = await launchStack(dir, stack, preview);
        assert.equal(run.exitCode, 0, `${errorsOf(run).join("\n")}\n${run.stderr}`);
        assert.deepEqual(run.violations, []);

        const { stack: model } = loadStack(readStackConfig(dir, stack));
        assert.ok(model);
        const plan = planStack(model);
        const files = renderFiles(plan);
        const secrets = Object.fromEntries(config.secretKeys.map((k) => [k, config.values[k]!]));
        assert.deepEqual(registeredManifests(run.registrations, plan, secrets), renderedManifests(files));

        // The stack's outputs: the values file of every release, as render writes it.
        const root = run.registrations.find((r) => r.type === "pulumi:pulumi:Stack")!;
        const sent = run.outputs.filter((o) => o.urn === root.urn).at(-1)?.outputs as { values: Record<string, unknown> };
        const outputs = unwrapSecrets(sent) as { values: Record<string, string>; objects: string[] };
        for (const a of plan.agents) {
          const expected = yamlOf(files.get(`values/${a.release}.yaml`)!);
          assert.deepEqual(redactCanaries(dir, stack, yamlOf(outputs.values[a.release]!)), expected, `values of ${a.release}`);
          // Values derived from secret config are a secret output.
          if (a.valuesFromSecrets) assert.ok(isSecretValue(sent.values) || isSecretValue(sent.values[a.release]), `values of ${a.release} are secret`);
        }
        assert.deepEqual(outputs.objects, plan.objects.map((o) => o.id).sort());

        // The chart release gets the values file, rollout annotation included, known in a preview.
        for (const a of plan.agents.filter((x) => x.helmRelease)) {
          const release = run.registrations.find((r) => r.type === "kubernetes:helm.sh/v3:Release" && unwrapSecrets(r.inputs.name) === a.release)!;
          const values = yamlOf(files.get(`values/${a.release}.yaml`)!) as { gateway?: { annotations?: Record<string, string> } };
          assert.deepEqual(redactCanaries(dir, stack, unwrapSecrets(release.inputs.values)), values);
          if (a.helmRelease!.rolloutFrom.length > 0) assert.match(values.gateway?.annotations?.[ROLLOUT_ANNOTATION] ?? "", /^[0-9a-f]{16}$/);
        }

        // Every Kubernetes object goes to the stack's own cluster provider.
        const provider = run.registrations.find((r) => r.type === "pulumi:providers:kubernetes")!;
        for (const r of run.registrations.filter((x) => x.custom && x.type.startsWith("kubernetes:"))) {
          assert.ok(r.provider.startsWith(`${provider.urn}::`), `${r.urn} uses provider '${r.provider}'`);
        }

        // Canaries: present in what was sent (the test can fail), never outside a secret envelope.
        if (config.secretKeys.length > 0) assert.match(JSON.stringify(run.registrations.map((r) => r.inputs)), CANARY_PATTERN);
        assert.doesNotMatch(plainTextOfRun(run), CANARY_PATTERN);
      });
    }
  }

  it("registers the same URNs on a second update, which the engine's alias rules accept against the first", async () => {
    const { run: first } = await launchStack(STACKS[0]!.dir, "prod", false);
    const previous = new Set(first.registrations.map((r) => r.urn));
    const { run: second } = await launchStack(STACKS[0]!.dir, "prod", false, previous);
    assert.equal(second.exitCode, 0);
    assert.deepEqual(second.violations, []);
    assert.deepEqual(
      second.registrations.map((r) => r.urn),
      first.registrations.map((r) => r.urn),
    );
  });
});

describe("a refused stack under the engine stand-in", function () {
  this.timeout(60_000);

  it("exits at once and small, reporting every problem through the engine, without a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plx-refused-"));
    try {
      writeFileSync(join(dir, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
      writeFileSync(
        join(dir, "Pulumi.refused.yaml"),
        [
          "config:",
          "  kubernetes:context: test-cluster",
          "  polyaxon:connections:",
          "    - {name: data, kind: volume_claim, schema: {volumeClaim: data, mountPath: /data}, secret: {name: s, defaultMode: 999}}",
          "    - {name: repo, kind: gti, schema: {url: 'https://github.com/acme/ml'}}",
          "    - {name: c, kind: s3, schema: {}}",
          "",
        ].join("\n"),
      );
      const project = projectFor(join(dir, "Pulumi.refused.yaml"));
      try {
        const run = await launchProgram({ dir: project.dir, stack: "refused", preview: true, config: stackConfigForProgram(dir, "refused"), measure: true });
        // 32: the program told the user already (the language host adds nothing).
        assert.equal(run.exitCode, 32, run.stderr);
        const errors = errorsOf(run).join("\n");
        for (const path of ["polyaxon:connections[0].secret.defaultMode", "polyaxon:connections[1].kind", "polyaxon:connections[2].schema.bucket"]) {
          assert.ok(errors.includes(path), `${path} is reported:\n${errors}`);
        }
        assert.doesNotMatch(errors + run.stderr, /\n\s+at .+:\d+:\d+/, "no stack trace");
        assert.deepEqual(
          run.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"),
          [],
          "nothing registered",
        );
        // "At once": within a few times what the launcher takes to run a program that does
        // nothing, measured right after on the same machine (a wall-clock bound alone fails
        // on a slow shared one). The defect this guards took 15-53 s, 30-100 times that.
        const empty = emptyProject();
        const floor = await launchProgram({ dir: empty.dir, stack: "empty", preview: true, config: { values: {}, secretKeys: [] }, measure: true }).finally(empty.dispose);
        assert.equal(floor.exitCode, 0, floor.stderr);
        const ratio = run.elapsedSeconds! / Math.max(floor.elapsedSeconds!, 0.1);
        assert.ok(ratio <= 5, `took ${run.elapsedSeconds} s, ${ratio.toFixed(1)} times the ${floor.elapsedSeconds} s of a program that does nothing`);
        assert.ok(run.peakKiB! <= 300 * 1024, `peak ${Math.round(run.peakKiB! / 1024)} MiB`);
      } finally {
        project.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses secret config where Kubernetes would store it in clear, never showing it", async () => {
    const { run } = await launchStack(SECRET_CONFIG, "in-entry", true);
    assert.equal(run.exitCode, 32, run.stderr);
    const errors = errorsOf(run).join("\n");
    assert.match(errors, /polyaxon:connections\[0\]\.env\.PGPASSWORD/);
    assert.deepEqual(
      run.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"),
      [],
    );
    assert.doesNotMatch(plainTextOfRun(run), CANARY_PATTERN);
  });
});
