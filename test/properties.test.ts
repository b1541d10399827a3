/**
 * Property-based: generated valid catalogs always validate and render deterministically;
 * random mutations of them never crash — they validate, or fail with diagnostics that name
 * a config path, exactly what `validate` prints before exiting 2.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { renderFiles } from "../cli/render.js";
import { configSourceFrom, errorsOf, formatDiagnostic, loadStack, planStack, RULES } from "../components/internal.js";
import { mutateAt, pathsOf, validStack } from "./helpers/arbitraries.js";
import { reverseKeys } from "./helpers/key-order.js";

const RUNS = 200;

describe("properties", () => {
  it("generated valid catalogs validate and render, the same bytes every time and whatever the key order", () => {
    fc.assert(
      fc.property(validStack, ({ config, secretKeys }) => {
        const { stack, diagnostics } = loadStack(configSourceFrom(config, secretKeys));
        assert.ok(stack, diagnostics.map(formatDiagnostic).join("\n"));
        const files = renderFiles(planStack(stack));
        const again = renderFiles(planStack(loadStack(configSourceFrom(reverseKeys(config) as typeof config, secretKeys)).stack!));
        assert.deepEqual([...files], [...again]);
        const objects = planStack(stack).objects.map((o) => o.id);
        assert.equal(new Set(objects).size, objects.length);
      }),
      { numRuns: RUNS },
    );
  });

  const mutation = fc.oneof(
    fc.constant({ op: "delete" as const }),
    fc.record({ op: fc.constant("set" as const), value: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ op: fc.constant("set" as const), value: fc.constantFrom("S3", "nfs", "", "Bad Name", "/x", "x/", 0, -1, null, [], {}) }),
  );

  it("mutated catalogs never crash: they validate, or every error names a config path and a rule", () => {
    fc.assert(
      fc.property(validStack, fc.nat(), mutation, ({ config, secretKeys }, pick, m) => {
        const paths = pathsOf(config).filter((p) => p.length > 0);
        const path = paths[pick % paths.length]!;
        const mutated = mutateAt(config, path, m.op === "delete" ? undefined : m.value) as Record<string, unknown>;
        const { stack, diagnostics } = loadStack(configSourceFrom(mutated, secretKeys));
        if (stack) {
          renderFiles(planStack(stack));
          return;
        }
        const errors = errorsOf(diagnostics);
        assert.ok(errors.length > 0);
        for (const d of errors) {
          assert.match(d.path, /^polyaxon:/);
          assert.ok(d.rule in RULES);
          assert.ok(d.message.length > 0 && formatDiagnostic(d).length > 0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
