/**
 * Kubernetes objects checked against the Kubernetes API's own schema, as the API server
 * would: `kubernetes-models` (validators generated from the OpenAPI spec: types, required
 * fields, formats) and an unknown-field check from the field lists of
 * `@kubernetes/client-node`'s generated models (the API server drops or, with strict field
 * validation, refuses a field it does not know: the value never arrives).
 */
import type { K8sObject } from "./helm.js";

interface Attribute {
  baseName: string;
  type: string;
}
// The generated models of the official client: every API type with its JSON fields.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const models: Record<string, { attributeTypeMap?: Attribute[] }> = require("@kubernetes/client-node/dist/gen/models/ObjectSerializer.js");

/** The client's model name of a top-level kind: `apps/v1` `Deployment` → `V1Deployment`. */
function modelName(object: K8sObject): string {
  const version = object.apiVersion.split("/").pop()!;
  return `${version[0]!.toUpperCase()}${version.slice(1)}${object.kind}`;
}

/** Paths of fields the API type does not declare, under `path`. */
function unknownFieldsOf(value: unknown, type: string, path: string): string[] {
  const list = /^Array<(.+)>$/.exec(type);
  if (list) return Array.isArray(value) ? value.flatMap((v, i) => unknownFieldsOf(v, list[1]!, `${path}[${i}]`)) : [];
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value !== "object" || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) => unknownFieldsOf(v, map[1]!, `${path}.${k}`));
  }
  const attributes = models[type]?.attributeTypeMap;
  if (!attributes || typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const fields = new Map(attributes.map((a) => [a.baseName, a.type]));
  return Object.entries(value).flatMap(([k, v]) => {
    const fieldType = fields.get(k);
    return fieldType === undefined ? [`${path}.${k}`] : unknownFieldsOf(v, fieldType, `${path}.${k}`);
  });
}

/** Fields of `object` that its API type does not have (empty when the type is unknown here: CRs). */
export function unknownFields(object: K8sObject): string[] {
  const type = modelName(object);
  return models[type] ? unknownFieldsOf(object, type, `${object.kind}/${object.metadata.name}`) : [];
}

/** Whether a model exists for this kind (custom resources have none). */
export function hasModel(object: K8sObject): boolean {
  return models[modelName(object)] !== undefined;
}

export interface SchemaCheck {
  /** False when `kubernetes-models` has no validator for the kind (a custom resource). */
  validated: boolean;
  problem?: string;
}

/** `object` checked by the generated OpenAPI validators of `kubernetes-models`. */
export async function checkSchema(object: K8sObject): Promise<SchemaCheck> {
  const group = object.apiVersion.includes("/") ? object.apiVersion : "v1";
  let module: Record<string, (new (data: unknown) => { validate(): void }) | undefined>;
  try {
    module = await import(`kubernetes-models/${group}`);
  } catch {
    return { validated: false };
  }
  const Model = module[object.kind];
  if (!Model) return { validated: false };
  try {
    new Model(object).validate();
    return { validated: true };
  } catch (err) {
    return { validated: true, problem: `${object.kind}/${object.metadata.name}: ${(err as Error).message}` };
  }
}
