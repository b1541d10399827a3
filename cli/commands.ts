/**
 * The `render` and `validate` commands. Both read the stack file and run the pure catalog
 * layer only — no Pulumi engine — and share exit codes: 0 ok, 2 invalid input, 1 other.
 */
import { relative } from "node:path";
import {
  type Catalog,
  type Diagnostic,
  errorsOf,
  formatDiagnostics,
  loadStack,
  planStack,
  recipeKeys,
  REDACTED_CONFIG_PATTERN,
  type StackModel,
  type StackPlan,
  warningsOf,
} from "../components/catalog.js";
import { chartTarget } from "../components/model/index.js";
import { EXIT_INVALID, EXIT_OK, type Io, processIo } from "./io.js";
import { NotOurFolderError } from "./atomic-dir.js";
import { writeRender } from "./render.js";
import { revealedValue, secretEnvVar } from "./secret-env.js";
import { catalogFileReader, readStackConfig, StackFileError } from "./stack-file.js";

/** Load and validate a stack, printing every problem; undefined when invalid. */
function loadAndReport(projectDir: string, stack: string, io: Io, writes: boolean): StackModel | undefined {
  let diagnostics: Diagnostic[];
  let model: StackModel | undefined;
  try {
    ({ stack: model, diagnostics } = loadStack(readStackConfig(projectDir, stack), { cluster: "advise", readFile: catalogFileReader(projectDir) }));
  } catch (err) {
    if (!(err instanceof StackFileError)) throw err;
    diagnostics = err.diagnostics;
  }
  const errors = errorsOf(diagnostics);
  if (errors.length > 0) {
    io.err(`stack ${stack}: ${plural(errors.length, "error")}${writes ? "; nothing was written" : ""}`);
  }
  if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics));
  return model;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function describe(catalog: Catalog): string {
  const mounted = catalog.mountConnections.length;
  const store = `${catalog.artifactsStore.name} (${catalog.artifactsStore.kind}${catalog.usesDefaultStore ? ", default" : ""})`;
  const extra = catalog.agent.additionalNamespaces.length ? ` (runs also in ${catalog.agent.additionalNamespaces.join(", ")})` : "";
  const { chart } = catalog.agent;
  const target = chartTarget(chart) === "platform" ? `CE platform chart ${chart.name} ${chart.version}` : `chart ${chart.name} ${chart.version}`;
  return `agent ${catalog.agent.release} in namespace ${catalog.namespace}${extra} (${target}); artifacts store ${store}; ${plural(catalog.connections.length, "connection")} (${mounted} mounted)`;
}

/** One line for a one-agent stack, a line per agent otherwise. */
function describeStack(model: StackModel): string[] {
  if (model.agents.length === 1) return [describe(model.agents[0]!)];
  return [`${plural(model.agents.length, "agent")}`, ...model.agents.map((a) => `  - ${describe(a)}`)];
}

function countByKind(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return (
    [...counts]
      .sort()
      .map(([k, n]) => `${n} ${k}`)
      .join(", ") || "none"
  );
}

/** `validate --stack <name>`. */
export function validateCommand(projectDir: string, stack: string, io: Io = processIo): number {
  const model = loadAndReport(projectDir, stack, io, false);
  if (!model) return EXIT_INVALID;
  const plan = planStack(model);
  const [head, ...rest] = describeStack(model);
  io.out(`stack ${stack} is valid: ${head}; ${plural(plan.objects.length, "object")} to create; ${plural(model.warnings.length, "warning")}`);
  for (const line of rest) io.out(line);
  return EXIT_OK;
}

/** Once per render: say why Secret data and secret config values are redacted, and how to see the former locally. */
function secretNote(plan: StackPlan, reveal: boolean): string | undefined {
  const recipes = plan.objects.flatMap((o) => Object.values(o.secretData ?? {}));
  const keys = [...new Set(recipes.flatMap(recipeKeys))];
  const inValues = plan.agents.reduce((n, a) => n + (a.valuesYaml.match(REDACTED_CONFIG_PATTERN)?.length ?? 0), 0);
  const valuesPart =
    inValues === 0
      ? ""
      : `${keys.length ? "; " : ""}${plural(inValues, "secret config value")} in the values ${inValues === 1 ? "is" : "are"} redacted (pulumi up passes them to the chart as Pulumi secrets)`;
  if (keys.length === 0) return inValues === 0 ? undefined : `note: ${valuesPart}`;
  // One look at the environment (each process.env read is a getenv call).
  const exported = new Set(Object.keys(process.env).filter((name) => name.startsWith("PLXC_SECRET_")));
  const fromEnv = exported.size === 0 ? 0 : keys.filter((k) => exported.has(secretEnvVar(k))).length;
  if (reveal) {
    return `note: --reveal: Secret data written in clear from ${fromEnv} of ${keys.length} PLXC_SECRET_* variables; the rest stays redacted${valuesPart}. Do not commit this output.`;
  }
  return `note: Secret data is redacted: its ${keys.length} values live in encrypted config, which render never decrypts (for a local check, export ${secretEnvVar(keys[0]!)}=... and the like, and add --reveal)${valuesPart}`;
}

/** `render --stack <name> [--out <dir>] [--reveal]`. */
export function renderCommand(projectDir: string, stack: string, outDir: string, io: Io = processIo, reveal = false): number {
  const model = loadAndReport(projectDir, stack, io, true);
  if (!model) return EXIT_INVALID;
  const plan = planStack(model);
  let written: { dir: string; files: string[] };
  try {
    written = writeRender(plan, outDir, stack, reveal ? (recipe) => revealedValue(recipe) : undefined);
  } catch (err) {
    if (!(err instanceof NotOurFolderError)) throw err;
    io.err(`error: ${err.message}`);
    return EXIT_INVALID;
  }
  const { dir, files } = written;
  const note = secretNote(plan, reveal);
  if (note) io.err(note);
  const rel = relative(process.cwd(), dir);
  const shown = rel.startsWith("..") ? dir : rel || ".";
  const [head, ...rest] = describeStack(model);
  io.out(`rendered stack ${stack}: ${head}`);
  for (const line of rest) io.out(line);
  const redacted = plan.objects.some((o) => o.secretData) && !reveal ? " (Secret data redacted)" : "";
  io.out(`  objects:   ${countByKind(plan.objects.map((o) => o.manifest.kind))}${redacted}`);
  for (const { helmRelease: r } of plan.agents) if (r) io.out(`  release:   ${r.name}: ${r.chart} ${r.version} from ${r.repo}`);
  io.out(`  warnings:  ${warningsOf(model.warnings).length}`);
  io.out(`  values:    ${plan.agents.map((a) => `${shown}/values/${a.release}.yaml`).join(", ")}`);
  io.out(`  manifests: ${shown}/manifests/ (${files.filter((f) => f.startsWith("manifests")).length} files)`);
  return EXIT_OK;
}
