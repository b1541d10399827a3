/**
 * `secret` and `configMap` references of a connection (vents `ConnectionResource`), plus
 * our provisioning extensions, which never reach the rendered Helm values.
 */
import { z } from "zod";
import { CREDENTIAL_FIX, looksLikeCredential } from "./credentials.js";
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

/** A value read from a remote secret manager by the External Secrets Operator. */
const remoteRef = z.union([
  z.string().min(1),
  z.strictObject({
    /** Path or name of the secret in the store (Vault path, AWS/GCP/Azure secret name). */
    key: z.string().min(1),
    /** Field inside a structured secret (a JSON property, a Vault key). */
    property: z.string().min(1).optional(),
    /** Version of the remote secret. @default latest */
    version: z.string().min(1).optional(),
  }),
]);

/**
 * Take the Secret from a secret manager through the External Secrets Operator: the stack
 * creates an `ExternalSecret` (external-secrets.io/v1) whose target is this Secret.
 */
export const externalSecret = z.strictObject({
  /** The SecretStore or ClusterSecretStore that can read the remote secrets. */
  store: z.strictObject({
    name: z.string().min(1),
    /** @default SecretStore */
    kind: z.enum(["SecretStore", "ClusterSecretStore"]).default("SecretStore"),
  }),
  /** How often the operator re-reads the remote values (a Go duration). @default 1h */
  refreshInterval: z.string().regex(/^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/, { error: "must be a duration such as 1h or 15m" }).default("1h"),
  /** Secret key Polyaxon expects → the remote value that fills it. */
  data: z.record(dataKey, remoteRef).refine((d) => Object.keys(d).length > 0, { error: "must map at least one key" }),
});

/** Docker `config.json` for a registry, assembled at deploy time (key `config.json`). */
export const dockerConfigHelper = z.strictObject({
  /** Registry host, e.g. `registry.example.com` or `https://index.docker.io/v1/`. */
  server: z.string().min(1),
  username: z.string().min(1),
  /** Pulumi secret config key holding the password or token. */
  password: configKeyRef,
});

/** S3 (or S3-compatible) credentials: the AWS_* keys Polyaxon's S3 client reads. */
export const s3CredentialsHelper = z.strictObject({
  /** Pulumi secret config key → `AWS_ACCESS_KEY_ID`. */
  accessKeyId: configKeyRef,
  /** Pulumi secret config key → `AWS_SECRET_ACCESS_KEY`. */
  secretAccessKey: configKeyRef,
  /** `AWS_REGION`. */
  region: z.string().min(1).optional(),
  /** `AWS_ENDPOINT_URL`, for MinIO, Ceph and other S3-compatible stores. */
  endpoint: z.string().url().optional(),
});

/** One notifier destination; secret parts come from Pulumi secret config keys. */
export const notifierTargetHelper = z.strictObject({
  /** Pulumi secret config key holding the webhook URL. */
  url: configKeyRef,
  /** @default POST */
  method: z.enum(["POST", "GET"]).optional(),
  /** Slack or Mattermost channel. */
  channel: z.string().optional(),
  /** Slack icon. */
  icon_url: z.string().optional(),
  /** PagerDuty: Pulumi secret config key holding the service key. */
  service_key: configKeyRef.optional(),
});

/**
 * A connection's Secret: an existing one (only `name`), or one the stack creates from
 * Pulumi secret config (`fromConfig` and the typed helpers, which combine), or one the
 * External Secrets Operator syncs from a secret manager (`external`, alone).
 */
export const secretRef = z
  .strictObject(
    {
      ...resourceFields,
      /**
       * Provision the Secret: Secret key → Pulumi secret config key holding the value
       * (`pulumi config set --secret <key> <value>`). Not rendered into the values.
       */
      fromConfig: z.record(dataKey, configKeyRef).optional(),
      /** Key `config.json`: a Docker config for a registry. */
      dockerConfig: dockerConfigHelper.optional(),
      /** Key `gc-secret.json`: a GCS service-account key file, from this secret config key. */
      gcsKeyFile: configKeyRef.optional(),
      /** Key `POLYAXON_GIT_CREDENTIALS`: a git token (or `user:token`), from this secret config key. */
      gitToken: configKeyRef.optional(),
      /** Keys `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT_URL`. */
      s3: s3CredentialsHelper.optional(),
      /** Notifier kinds: the key named as the kind, holding the JSON list vents reads. */
      notifier: z.array(notifierTargetHelper).min(1).optional(),
      /** Sync the Secret from a secret manager (External Secrets Operator). */
      external: externalSecret.optional(),
    },
    { error: "must be a mapping with at least `name`, e.g. {name: my-secret}" },
  )
  .superRefine((secret, ctx) => {
    const created = (["fromConfig", "dockerConfig", "gcsKeyFile", "gitToken", "s3", "notifier"] as const).filter((k) => secret[k] !== undefined);
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
    /** Provision the ConfigMap with these plain (non-secret) entries. Not rendered into the values. */
    data: z.record(dataKey, z.string({ error: "must be a string (quote numbers and booleans)" })).optional(),
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
  /** Requested capacity, a Kubernetes quantity such as `100Gi`. */
  size: z
    .string({ error: "must be a Kubernetes quantity such as 100Gi (quoted)" })
    .regex(QUANTITY, { error: "must be a Kubernetes quantity such as 100Gi, 500Mi or 1Ti" })
    .refine((q) => Number.parseFloat(q.replace(/^\+/, "")) > 0, { error: "must be more than zero" }),
  /** StorageClass (a DNS-1123 subdomain); unset → the cluster's default class. */
  storageClassName: k8sName.optional(),
  /** @default ["ReadWriteMany"] — runs on several nodes share the claim. */
  accessModes: z.array(accessMode).min(1).optional(),
  /** `Filesystem` or `Block`. @default Filesystem */
  volumeMode: z.enum(["Filesystem", "Block"]).optional(),
  /** Bind to this pre-created PersistentVolume (a DNS-1123 subdomain). */
  volumeName: k8sName.optional(),
});

export type SecretRef = z.infer<typeof secretRef>;
export type ConfigMapRef = z.infer<typeof configMapRef>;
export type PvcProvision = z.infer<typeof pvcProvision>;
