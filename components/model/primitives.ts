/**
 * Small shapes the rest of the model is built from: Kubernetes names and data keys, and
 * the names of Pulumi config keys.
 */
import { z } from "zod";
import { CREDENTIAL_FIX, looksLikeCredential } from "./credentials.js";

/** A DNS-1123 label (apimachinery `IsDNS1123Label`, without its 63-character limit): namespaces, release names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 subdomain (apimachinery `IsDNS1123Subdomain`, without its 253-character limit): object names. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Whether `name` is a Kubernetes object name: a DNS-1123 subdomain of at most 253 characters. */
export const isObjectName = (name: string): boolean => name.length <= 253 && DNS_SUBDOMAIN.test(name);

/** A Kubernetes object name (DNS-1123 subdomain). */
export const k8sName = z.string({ error: "must be a Kubernetes object name" }).max(253, { error: "must be at most 253 characters" }).regex(DNS_SUBDOMAIN, {
  error: "must be a lower-case DNS-1123 name (letters, digits, '-', '.'; each part between dots starts and ends alphanumeric)",
});

/**
 * An annotation (or label) key as the Kubernetes API validates it (apimachinery
 * `validation.IsQualifiedName`): an optional DNS-1123 subdomain prefix of at most 253
 * characters and `/`, then a name of 1 to 63 characters, alphanumeric at both ends, with
 * '-', '_', '.' inside. The API server refuses any other key, so the apply would fail.
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf("/");
  const [prefix, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== undefined && (prefix.length === 0 || !isObjectName(prefix))) return false;
  return name.length >= 1 && name.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(name);
}

/** A Kubernetes annotation key (see isQualifiedName). */
export const annotationKey = z.string().refine(isQualifiedName, {
  error: "must be a Kubernetes annotation key: an optional DNS prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', alphanumeric at both ends (e.g. example.com/team)",
});

/** A key of Secret/ConfigMap data, as Kubernetes allows it (apimachinery `IsConfigMapKey`). */
export const dataKey = z
  .string()
  .max(253, { error: "must be at most 253 characters (a Secret/ConfigMap key)" })
  .regex(/^[-._a-zA-Z0-9]+$/, { error: "must be a Secret/ConfigMap key (letters, digits, '-', '_', '.')" })
  .refine((key) => key !== "." && key !== "..", { error: "must be a Secret/ConfigMap key other than . and .." });

/**
 * A Pulumi config key holding a secret: `key` (namespace `polyaxon`) or `namespace:key`.
 * A credential pasted here instead of a key name is refused (and never echoed).
 */
export const configKeyRef = z
  .string({ error: "must be the name of a Pulumi config key" })
  .regex(/^([A-Za-z0-9_.-]+:)?[A-Za-z0-9_.-]+$/, {
    error: "must be a Pulumi config key like s3AccessKey or polyaxon:s3AccessKey",
  })
  .refine((key) => !looksLikeCredential(key), { error: `must be a config key name, not a credential: ${CREDENTIAL_FIX}` });
