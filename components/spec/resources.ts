/**
 * `secret` and `configMap` references of a connection (vents `ConnectionResource`), plus
 * our provisioning extensions, which never reach the rendered Helm values.
 */
import { z } from "zod";
import { absolutePath } from "./schema-types.js";

/** A Kubernetes object name (DNS-1123 subdomain). */
export const k8sName = z
  .string({ error: "must be a Kubernetes object name" })
  .max(253, { error: "must be at most 253 characters" })
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, {
    error: "must be a lower-case DNS-1123 name (letters, digits, '-', '.'; start and end alphanumeric)",
  });

/** A key of Secret/ConfigMap data, as Kubernetes allows it. */
export const dataKey = z.string().regex(/^[-._a-zA-Z0-9]+$/, {
  error: "must be a Secret/ConfigMap key (letters, digits, '-', '_', '.')",
});

/** A Pulumi config key holding a secret: `key` (namespace `polyaxon`) or `namespace:key`. */
export const configKeyRef = z
  .string({ error: "must be the name of a Pulumi config key" })
  .regex(/^([A-Za-z0-9_.-]+:)?[A-Za-z0-9_.-]+$/, {
    error: "must be a Pulumi config key like s3AccessKey or polyaxon:s3AccessKey",
  });

/** Fields Polyaxon reads on both secret and configMap references. */
const resourceFields = {
  /** Name of the Kubernetes Secret/ConfigMap in the run's namespace; also the volume name when mounted. */
  name: k8sName,
  /** Mount the whole object read-only at this path; unset → injected as env vars. */
  mountPath: absolutePath.optional(),
  /** Keys to expose: as env vars (no mountPath) or as the volume's items (with mountPath). */
  items: z.array(z.string()).optional(),
  /** Volume file mode, a string of octal digits such as "0600" (Polyaxon rejects a number). */
  defaultMode: z
    .string({ error: "must be a quoted string of octal digits such as \"0600\" (YAML reads 0600 as the number 384)" })
    .regex(/^0?[0-7]{3}$/, { error: "must be octal digits such as \"0600\" or \"0644\"" })
    .optional(),
  /** Bind-mount source for Polyaxon's local Docker runner only. */
  hostPath: z.string().optional(),
  /** Inject into every run, even ones that do not request the connection. */
  isRequested: z.boolean().optional(),
};

/**
 * A connection's Secret. Without `fromConfig` it references an existing Secret;
 * with it, the stack creates the Secret.
 */
export const secretRef = z.strictObject(
  {
    ...resourceFields,
    /**
     * Provision the Secret: Secret key → Pulumi secret config key holding the value
     * (`pulumi config set --secret <key> <value>`). Not rendered into the values.
     */
    fromConfig: z.record(dataKey, configKeyRef).optional(),
  },
  { error: "must be a mapping with at least `name`, e.g. {name: my-secret}" },
);

/**
 * A connection's ConfigMap. Without `data` it references an existing ConfigMap;
 * with it, the stack creates the ConfigMap from these plain values.
 */
export const configMapRef = z.strictObject(
  {
    ...resourceFields,
    /** Provision the ConfigMap with these plain (non-secret) entries. Not rendered into the values. */
    data: z.record(dataKey, z.string({ error: "must be a string (quote numbers and booleans)" })).optional(),
  },
  { error: "must be a mapping with at least `name`, e.g. {name: my-config}" },
);

/** Access modes a PVC may request. */
export const accessMode = z.enum(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]);

/**
 * Provision the PersistentVolumeClaim named by `schema.volumeClaim` (volume_claim kinds
 * only). Not rendered into the values. The claim is retained when removed from the stack.
 */
export const pvcProvision = z.strictObject({
  /** Requested capacity, a Kubernetes quantity such as `100Gi`. */
  size: z.string().regex(/^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/, {
    error: "must be a Kubernetes quantity such as 100Gi",
  }),
  /** StorageClass; unset → the cluster's default class. */
  storageClassName: z.string().optional(),
  /** @default ["ReadWriteMany"] — runs on several nodes share the claim. */
  accessModes: z.array(accessMode).min(1).optional(),
  /** Bind to this pre-created PersistentVolume. */
  volumeName: z.string().optional(),
});

export type SecretRef = z.infer<typeof secretRef>;
export type ConfigMapRef = z.infer<typeof configMapRef>;
export type PvcProvision = z.infer<typeof pvcProvision>;
