/**
 * An independent oracle for Polyaxon's own parsing of a values file, written from
 * Polyaxon's sources (pydantic 2 behaviour), not from our zod model: `V1Connection` and
 * `V1ConnectionResource` (polyaxon `cli/polyaxon/_schemas/types/` and vents
 * `vents/connections/connection.py`), `AgentConfig` (`cli/polyaxon/_schemas/agent.py`):
 * V1Connection with extra = forbid, ConnectionResource, the runtime's typed-schema needs
 * for artifact kinds, and AgentConfig's name uniqueness. Returns the problems found.
 */
const CONNECTION_KEYS = ["name", "kind", "description", "tags", "schema", "secret", "configMap", "env", "annotations", "isAlias"];
const RESOURCE_KEYS = ["name", "mountPath", "items", "defaultMode", "hostPath", "isRequested"];
/** Typed schema classes and their required keys (vents connection_schema.py). */
const TYPED_SCHEMAS: Record<string, { keys: string[]; required: string[] }> = {
  bucket: { keys: ["bucket", "kind"], required: ["bucket"] },
  claim: { keys: ["volumeClaim", "mountPath", "readOnly", "kind"], required: ["volumeClaim", "mountPath"] },
  hostPath: { keys: ["hostPath", "mountPath", "readOnly", "kind"], required: ["hostPath", "mountPath"] },
};
/** Schema class the runtime reads typed attributes from, per kind. */
const RUNTIME_SCHEMA: Record<string, string> = { s3: "bucket", gcs: "bucket", wasb: "bucket", volume_claim: "claim", host_path: "hostPath" };

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");

function checkResource(where: string, r: unknown, problems: string[]) {
  if (!isMapping(r)) return problems.push(`${where}: Value must be a reference`);
  for (const k of Object.keys(r)) if (!RESOURCE_KEYS.includes(k)) problems.push(`${where}.${k}: Extra inputs are not permitted`);
  if (typeof r.name !== "string") problems.push(`${where}.name: Field required`);
  if (r.items !== undefined && !isStringList(r.items)) problems.push(`${where}.items: list of strings`);
  if (r.defaultMode !== undefined && typeof r.defaultMode !== "string") problems.push(`${where}.defaultMode: string`);
  for (const k of ["mountPath", "hostPath"]) if (r[k] !== undefined && typeof r[k] !== "string") problems.push(`${where}.${k}: string`);
  if (r.isRequested !== undefined && typeof r.isRequested !== "boolean") problems.push(`${where}.isRequested: bool`);
  return 0;
}

/** Problems Polyaxon (parse + the typed attributes its runtime reads) would find in one entry. */
export function polyaxonConnectionProblems(where: string, c: unknown, kinds: readonly string[]): string[] {
  const problems: string[] = [];
  if (!isMapping(c)) return [`${where}: not a mapping`];
  for (const k of Object.keys(c)) if (!CONNECTION_KEYS.includes(k)) problems.push(`${where}.${k}: Extra inputs are not permitted`);
  if (typeof c.name !== "string") problems.push(`${where}.name: Field required (strict string)`);
  if (typeof c.kind !== "string" || !kinds.includes(c.kind)) problems.push(`${where}.kind: Input should be one of the kinds`);
  if (c.description !== undefined && typeof c.description !== "string") problems.push(`${where}.description: string`);
  if (c.tags !== undefined && !isStringList(c.tags)) problems.push(`${where}.tags: list of strings`);
  if (c.schema !== undefined && !isMapping(c.schema)) problems.push(`${where}.schema: mapping`);
  if (c.secret !== undefined) checkResource(`${where}.secret`, c.secret, problems);
  if (c.configMap !== undefined) checkResource(`${where}.configMap`, c.configMap, problems);
  if (c.env !== undefined && !isMapping(c.env)) problems.push(`${where}.env: mapping (pydantic 2 rejects the k8s list form)`);
  if (c.annotations !== undefined && !isMapping(c.annotations)) problems.push(`${where}.annotations: mapping`);
  if (c.isAlias !== undefined && typeof c.isAlias !== "boolean") problems.push(`${where}.isAlias: bool`);
  const typed = RUNTIME_SCHEMA[String(c.kind)];
  if (typed) {
    const spec = TYPED_SCHEMAS[typed]!;
    const schema = isMapping(c.schema) ? c.schema : {};
    const fits = spec.required.every((k) => typeof schema[k] === "string") && Object.keys(schema).every((k) => spec.keys.includes(k));
    if (!fits) problems.push(`${where}.schema: untyped for ${String(c.kind)} ('dict' object has no attribute at run time)`);
  }
  return problems;
}

/** Problems in the catalog part of a values file: every entry, plus name uniqueness. */
export function polyaxonValuesProblems(values: Record<string, unknown>, kinds: readonly string[]): string[] {
  const problems: string[] = [];
  const store = values.artifactsStore;
  const connections = Array.isArray(values.connections) ? values.connections : [];
  problems.push(...polyaxonConnectionProblems("artifactsStore", store, kinds));
  connections.forEach((c, i) => problems.push(...polyaxonConnectionProblems(`connections[${i}]`, c, kinds)));
  const names = [store, ...connections].map((c) => (isMapping(c) ? c.name : undefined));
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  for (const n of dupes) problems.push(`A connection with name \`${String(n)}\` must be unique.`);
  if (!isStringList(values.mountConnections ?? [])) problems.push("mountConnections: list of strings");
  return problems;
}
