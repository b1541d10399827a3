/**
 * `secret` and `configMap` references of a connection (vents `ConnectionResource`), plus
 * our provisioning extensions, which never reach the rendered Helm values.
 */
import { z } from "zod";
import { dataKey, k8sName } from "./primitives.js";
import { absolutePath } from "./schema-types.js";
import { CREATED_SOURCE_KEYS, secretSourceShape } from "./secret-sources.js";

export { configKeyRef, dataKey, k8sName } from "./primitives.js";

/** Fields Polyaxon reads on both secret and configMap references. */
const resourceFields = {
  name: k8sName.meta({ description: "Name of the Kubernetes Secret/ConfigMap in the run's namespace; also the volume name when mounted." }),
  mountPath: absolutePath.optional().meta({ description: "Mount the whole object read-only at this path; unset → injected as env vars." }),
  items: z
    .array(dataKey, { error: "must be a list of Secret/ConfigMap keys" })
    .optional()
    .meta({ description: "Keys to expose: as env vars (no mountPath) or as the volume's items (with mountPath)." }),
  defaultMode: z
    .string({ error: 'must be a quoted string of octal digits such as "0600" (YAML reads 0600 as the number 384)' })
    .regex(/^0?[0-7]{3}$/, { error: 'must be octal digits such as "0600" or "0644"' })
    .optional()
    .meta({ description: 'Volume file mode, a quoted string of octal digits such as "0600" (Polyaxon rejects a number).', examples: ["0600"] }),
  hostPath: z.string().optional().meta({ description: "Bind-mount source for Polyaxon's local Docker runner only." }),
  isRequested: z.boolean().optional().meta({ description: "Inject into every run, even ones that do not request the connection." }),
};

/**
 * A connection's Secret: an existing one (only `name`), or one the stack creates from
 * Pulumi secret config (`fromConfig` and the typed helpers, which combine), or one the
 * External Secrets Operator syncs from a secret manager (`external`, alone).
 */
export const secretRef = z
  .strictObject(
    {
      ...resourceFields,
      ...secretSourceShape,
    },
    { error: "must be a mapping with at least `name`, e.g. {name: my-secret}" },
  )
  .superRefine((secret, ctx) => {
    const created = CREATED_SOURCE_KEYS.filter((k) => secret[k] !== undefined);
    if (secret.external && created.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["external"],
        message: `must be the Secret's only source: drop ${created.join(", ")} (the operator owns the Secret it syncs)`,
      });
    }
  });

/**
 * A connection's ConfigMap. Without `data` it references an existing ConfigMap;
 * with it, the stack creates the ConfigMap from these plain values.
 */
export const configMapRef = z.strictObject(
  {
    ...resourceFields,
    data: z
      .record(dataKey, z.string({ error: "must be a string (quote numbers and booleans)" }))
      .optional()
      .meta({ description: "Provision the ConfigMap with these plain (non-secret) entries. Not rendered into the values." }),
  },
  { error: "must be a mapping with at least `name`, e.g. {name: my-config}" },
);

/** Access modes a PVC may request (core/v1 PersistentVolumeAccessMode). */
export const accessMode = z.enum(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]);

/**
 * A Kubernetes quantity (k8s.io/apimachinery `resource.Quantity`): a number with an
 * optional binary (Ki…Ei), decimal (n, u, m, k, M…E) or exponent (e3) suffix.
 */
const QUANTITY = /^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/**
 * Provision the PersistentVolumeClaim named by `schema.volumeClaim` (volume_claim kinds
 * only). Not rendered into the values. The claim is retained when removed from the stack.
 * Fields are checked as the API server checks them, so a claim never fails at apply time.
 */
export const pvcProvision = z.strictObject({
  size: z
    .string({ error: "must be a Kubernetes quantity such as 100Gi (quoted)" })
    .regex(QUANTITY, { error: "must be a Kubernetes quantity such as 100Gi, 500Mi or 1Ti" })
    .refine((q) => Number.parseFloat(q.replace(/^\+/, "")) > 0, { error: "must be more than zero" })
    .meta({ description: "Requested capacity, a Kubernetes quantity.", examples: ["100Gi"] }),
  storageClassName: k8sName.optional().meta({ description: "StorageClass (a DNS-1123 subdomain); unset → the cluster's default class." }),
  accessModes: z
    .array(accessMode)
    .min(1)
    .optional()
    .meta({ description: "Runs on several nodes share a ReadWriteMany claim.", default: ["ReadWriteMany"] }),
  volumeMode: z.enum(["Filesystem", "Block"]).optional().meta({ description: "`Filesystem` or `Block`.", default: "Filesystem" }),
  volumeName: k8sName.optional().meta({ description: "Bind to this pre-created PersistentVolume (a DNS-1123 subdomain)." }),
});

export type SecretRef = z.infer<typeof secretRef>;
export type ConfigMapRef = z.infer<typeof configMapRef>;
export type PvcProvision = z.infer<typeof pvcProvision>;
