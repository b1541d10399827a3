/**
 * Every name, label and annotation key we write follows Kubernetes' own rules, as the API
 * server validates them (k8s.io/apimachinery pkg/util/validation/validation.go:
 * IsDNS1123Subdomain, IsDNS1123Label, IsQualifiedName, IsValidLabelValue, IsConfigMapKey).
 * The checks below are written from that source, separately from the model's schemas.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { configSourceFrom, errorsOf, formatDiagnostic, loadStack, planStack } from "../components/internal.js";
import { readStackConfig } from "../cli/stack-file.js";
import { exampleStacks } from "./helpers/stacks.js";

const LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const isSubdomain = (s: string) => s.length <= 253 && new RegExp(`^${LABEL}(\\.${LABEL})*$`).test(s);
const isLabel = (s: string) => s.length <= 63 && new RegExp(`^${LABEL}$`).test(s);
const isQualifiedName = (s: string) => {
  const parts = s.split("/");
  if (parts.length > 2) return false;
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]!];
  if (prefix !== undefined && !isSubdomain(prefix)) return false;
  return name!.length >= 1 && name!.length <= 63 && /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name!);
};
const isLabelValue = (s: string) => s.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(s);
const isConfigMapKey = (s: string) => s.length >= 1 && s.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(s) && s !== "." && s !== "..";

/** What the API server would refuse in `manifest`'s metadata and data keys. */
function refusals(manifest: {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  data?: object;
  stringData?: object;
}): string[] {
  const { kind, metadata: m } = manifest;
  const out: string[] = [];
  if (!isSubdomain(m.name)) out.push(`${kind} name ${m.name}`);
  if (m.namespace !== undefined && !isLabel(m.namespace)) out.push(`namespace ${m.namespace}`);
  for (const [k, v] of Object.entries(m.labels ?? {})) if (!isQualifiedName(k) || !isLabelValue(v)) out.push(`label ${k}=${v}`);
  for (const k of Object.keys(m.annotations ?? {})) if (!isQualifiedName(k)) out.push(`annotation ${k}`);
  if (kind === "Secret" || kind === "ConfigMap") for (const k of Object.keys({ ...manifest.data, ...manifest.stringData })) if (!isConfigMapKey(k)) out.push(`data key ${k}`);
  return out;
}

describe("Kubernetes' own rules for every key and name we write", () => {
  it("holds for every object of every example stack", () => {
    let objects = 0;
    for (const { dir, stack } of exampleStacks()) {
      const { stack: model } = loadStack(readStackConfig(dir, stack));
      if (!model) continue;
      for (const object of planStack(model).objects) {
        objects++;
        assert.deepEqual(refusals(object.manifest as never), [], `${stack}: ${object.id}`);
      }
    }
    assert.ok(objects > 20, `${objects} objects`);
  });

  it("holds for generated catalogs that validate, and what it refuses validate refuses too", () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9._-]{1,12}$/);
    const name = fc.oneof(word, fc.constantFrom("a..b", "a.-b", "-a", "a.", "A", "x".repeat(64), "ok-name", "ok.name"));
    fc.assert(
      fc.property(name, name, name, fc.array(word, { maxLength: 3 }), (release, connection, secret, keys) => {
        const config = {
          agent: { release },
          artifactsStore: { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "s3-store" } },
          connections: [
            {
              name: connection,
              kind: "postgres",
              secret: { name: secret, items: keys.length ? keys : undefined },
              configMap: { name: `${secret}-cm`, data: Object.fromEntries(keys.map((k) => [k, "v"])) },
            },
          ],
        };
        const { stack: model, diagnostics } = loadStack(configSourceFrom(config));
        if (!model) {
          assert.ok(errorsOf(diagnostics).length > 0);
          return;
        }
        for (const object of planStack(model).objects) assert.deepEqual(refusals(object.manifest as never), [], `${object.id}\n${diagnostics.map(formatDiagnostic).join("\n")}`);
      }),
      { numRuns: 1500, seed: 6 },
    );
  });
});
