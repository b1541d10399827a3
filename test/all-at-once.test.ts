/**
 * Every problem at once: an entry's wrong kind does not hide its other mistakes, duplicate
 * names and unset config keys come in the same run as the schema errors, each field gets one
 * error, a bad name shows its value, and no message is zod's own wording.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { configSourceFrom, type Diagnostic, errorsOf, formatDiagnostic, loadCatalog } from "../components/internal.js";

const diagnose = (config: Record<string, unknown>): Diagnostic[] => loadCatalog(configSourceFrom(config, [])).diagnostics;
const store = { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "s3-store" } };

describe("every problem at once", () => {
  it("reports four mistakes in four entries as four errors in one run, whatever else fails", () => {
    const errors = errorsOf(
      diagnose({
        artifactsStore: store,
        connections: [
          { name: "a", kind: "gti", schema: { url: "https://github.com/x/y" }, secret: { name: "git-a", fromConfig: { K: "missingKey" } } },
          { name: "a", kind: "postgres", configMap: { name: "pg" }, tags: "notalist" },
          { name: "lab", kind: "host_path", schema: { hostPath: "/x", mountPath: "/y" } },
        ],
      }),
    );
    const at = errors.map((d) => `${d.rule} ${d.path}`).sort();
    assert.deepEqual(
      at,
      [
        "kind polyaxon:connections[0].kind",
        "secret-config polyaxon:connections[0].secret.fromConfig.K",
        "type polyaxon:connections[1].tags",
        "unique-name polyaxon:connections[1].name",
      ],
      errors.map(formatDiagnostic).join("\n"),
    );
  });

  it("checks the shared keys of an entry whose kind is wrong or missing, and shows a bad name's value", () => {
    for (const kind of ["gti", undefined, 3]) {
      const errors = errorsOf(diagnose({ artifactsStore: store, connections: [{ name: "x", kind, secret: { name: "Bad_Name" }, annotations: { "a b": "v" }, tags: 3 }] }));
      const paths = errors.map((d) => d.path).sort();
      assert.deepEqual(
        paths,
        ["polyaxon:connections[0].annotations.a b", "polyaxon:connections[0].kind", "polyaxon:connections[0].secret.name", "polyaxon:connections[0].tags"],
        errors.map(formatDiagnostic).join("\n"),
      );
      assert.equal(errors.find((d) => d.path.endsWith("secret.name"))!.got, '"Bad_Name"');
    }
  });

  it("never shows zod's own wording, and gives each field one error (generated wrong values)", () => {
    const wrong = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.boolean(),
      fc.string(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
    );
    const fields = [
      "name",
      "kind",
      "schema",
      "secret",
      "configMap",
      "env",
      "annotations",
      "tags",
      "description",
      "isAlias",
      "secret.name",
      "secret.items",
      "secret.mountPath",
      "secret.defaultMode",
      "secret.fromConfig",
      "configMap.data",
      "schema.bucket",
      "schema.url",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom("s3", "git", "host_path", "volume_claim", "slack", "postgres"),
        fc.array(fc.tuple(fc.constantFrom(...fields), wrong), { minLength: 1, maxLength: 4 }),
        (kind, edits) => {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fields of every kind, set by path
          const entry: Record<string, any> = {
            name: "e",
            kind,
            schema:
              kind === "s3"
                ? { bucket: "s3://e" }
                : kind === "git"
                  ? { url: "https://g/x" }
                  : kind === "host_path"
                    ? { hostPath: "/a", mountPath: "/b" }
                    : kind === "volume_claim"
                      ? { volumeClaim: "e", mountPath: "/b" }
                      : undefined,
            secret: { name: "e-secret" },
          };
          for (const [field, value] of edits) {
            const [head, tail] = field.split(".") as [string, string | undefined];
            if (tail === undefined) entry[head] = value;
            else entry[head] = { ...(typeof entry[head] === "object" && entry[head] !== null && !Array.isArray(entry[head]) ? entry[head] : {}), [tail]: value };
          }
          const errors = errorsOf(diagnose({ artifactsStore: store, connections: [entry] }));
          for (const d of errors) {
            const text = formatDiagnostic(d);
            assert.doesNotMatch(text, /Invalid input|Invalid option|expected \w+, received|Too (small|big)|Unrecognized key/, text);
          }
          const paths = errors.map((d) => d.path);
          assert.equal(new Set(paths).size, paths.length, errors.map(formatDiagnostic).join("\n"));
        },
      ),
      { numRuns: 1500, seed: 22 },
    );
  });
});
