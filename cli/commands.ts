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
  loadCatalog,
  planStack,
  warningsOf,
} from "../components/catalog/index.js";
import { EXIT_INVALID, EXIT_OK, type Io, processIo } from "./io.js";
import { writeRender } from "./render.js";
import { readStackConfig, StackFileError } from "./stack-file.js";


/** Load and validate a stack, printing every problem; undefined when invalid. */
function loadStack(projectDir: string, stack: string, io: Io): Catalog | undefined {
  let diagnostics: Diagnostic[];
  let catalog: Catalog | undefined;
  try {
    ({ catalog, diagnostics } = loadCatalog(readStackConfig(projectDir, stack)));
  } catch (err) {
    if (!(err instanceof StackFileError)) throw err;
    diagnostics = err.diagnostics;
  }
  const errors = errorsOf(diagnostics);
  if (errors.length > 0) {
    io.err(`stack ${stack}: ${plural(errors.length, "error")}; nothing was written`);
  }
  if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics));
  return catalog;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function describe(catalog: Catalog): string {
  const mounted = catalog.mountConnections.length;
  const store = `${catalog.artifactsStore.name} (${catalog.artifactsStore.kind}${catalog.usesDefaultStore ? ", default" : ""})`;
  return `agent ${catalog.agent.release} in namespace ${catalog.namespace}; artifacts store ${store}; ${plural(catalog.connections.length, "connection")} (${mounted} mounted)`;
}

function countByKind(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort().map(([k, n]) => `${n} ${k}`).join(", ") || "none";
}

/** `validate --stack <name>`. */
export function validateCommand(projectDir: string, stack: string, io: Io = processIo): number {
  const catalog = loadStack(projectDir, stack, io);
  if (!catalog) return EXIT_INVALID;
  const plan = planStack(catalog);
  io.out(`stack ${stack} is valid: ${describe(catalog)}; ${plural(plan.objects.length, "object")} to create; ${plural(catalog.warnings.length, "warning")}`);
  return EXIT_OK;
}

/** `render --stack <name> [--out <dir>]`. */
export function renderCommand(projectDir: string, stack: string, outDir: string, io: Io = processIo): number {
  const catalog = loadStack(projectDir, stack, io);
  if (!catalog) return EXIT_INVALID;
  const plan = planStack(catalog);
  const { dir, files } = writeRender(plan, outDir, stack);
  const rel = relative(process.cwd(), dir);
  const shown = rel.startsWith("..") ? dir : rel || ".";
  io.out(`rendered stack ${stack}: ${describe(catalog)}`);
  io.out(`  objects:   ${countByKind(plan.objects.map((o) => o.manifest.kind))}${plan.objects.some((o) => o.secretData) ? " (Secret data redacted)" : ""}`);
  if (plan.helmRelease) io.out(`  release:   ${plan.helmRelease.chart} ${plan.helmRelease.version} from ${plan.helmRelease.repo}`);
  io.out(`  warnings:  ${warningsOf(catalog.warnings).length}`);
  io.out(`  values:    ${shown}/values/${plan.release}.yaml`);
  io.out(`  manifests: ${shown}/manifests/ (${files.filter((f) => f.startsWith("manifests")).length} files)`);
  return EXIT_OK;
}

