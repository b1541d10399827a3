/**
 * The validation corpus (test/corpus/*.yaml): one invalid (or advised-against) stack per
 * case, with the rule it breaks and the message it must produce. The tests run every case
 * through `validate`, `render` and the stack program; docs/validation.md quotes them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fromYaml as parse } from "../components/load/yaml.js";
import { catalogFileReader, readStackConfig, StackFileError } from "../cli/stack-file.js";
import { type Diagnostic, loadStack, type RuleId, RULES } from "../components/catalog.js";

export const CORPUS_DIR = resolve(__dirname, "../test/corpus");

export interface CorpusCase {
  /** File name without `.yaml`; also the stack name. */
  name: string;
  rule: RuleId;
  severity: "error" | "warning";
  /** The diagnostic expected: its path and a fragment of its text. */
  expect: { path: string; text: string };
  /** `config:` of the stack file. */
  config?: Record<string, unknown>;
  /** A stack file that is not valid YAML, written as is. */
  raw?: string;
  /** `--stack` argument, when it differs from the case name. */
  stackArg?: string;
  /** Plain values of secret keys, for rules that read them (only the stack program can). */
  secretValues?: Record<string, string>;
}

export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const doc = parse(readFileSync(join(dir, f), "utf8")) as Omit<CorpusCase, "name" | "severity"> & { severity?: "warning" };
      if (!(doc.rule in RULES)) throw new Error(`${f}: unknown rule ${doc.rule}`);
      return { ...doc, name: f.replace(/\.yaml$/, ""), severity: doc.severity ?? "error" };
    });
}

/** The stack file text of a case. */
export function stackFileOf(c: CorpusCase): string {
  return c.raw ?? JSON.stringify({ config: c.config ?? {} }, null, 2);
}

/**
 * Every diagnostic of a case, read the way `validate` reads a stack file (from a temporary
 * project), except that secret values are readable, as under `pulumi up`.
 */
export function diagnosticsOf(c: CorpusCase): Diagnostic[] {
  const dir = mkdtempSync(join(tmpdir(), "plx-corpus-"));
  try {
    writeFileSync(join(dir, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
    writeFileSync(join(dir, `Pulumi.${c.name}.yaml`), stackFileOf(c));
    const source = readStackConfig(dir, c.stackArg ?? c.name);
    return loadStack({ ...source, secretValue: (key) => c.secretValues?.[key] }, { cluster: "advise", readFile: catalogFileReader(dir) }).diagnostics;
  } catch (err) {
    if (err instanceof StackFileError) return err.diagnostics;
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The diagnostic a case expects, if the checks produce it. */
export function expectedDiagnostic(c: CorpusCase): Diagnostic | undefined {
  return diagnosticsOf(c).find(
    (d) => d.rule === c.rule && d.severity === c.severity && d.path === c.expect.path && `${d.message} ${d.got ?? ""} ${d.fix ?? ""}`.includes(c.expect.text),
  );
}
