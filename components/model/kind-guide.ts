/**
 * What each kind expects, for docs/connections.md: the schema Polyaxon's runtime reads,
 * what its Secret must hold and how the keys reach runs, and a minimal example (checked by
 * a test against the connection schema). Facts from Polyaxon's sources: the kinds and
 * their families from vents `vents/providers/kinds.py`, the schema types from
 * `vents/connections/connection_schema.py`, the keys each provider reads from its
 * `vents/providers/<provider>/base.py`, notifiers from `vents/notifiers/`.
 */
import { CONNECTION_KINDS, type ConnectionKind, GENERIC_KINDS, NOTIFIER_KINDS } from "./kinds.js";

export interface KindGuide {
  /** One line on what the kind is for. */
  summary: string;
  /** The schema keys, or how the schema is used. */
  schema: string;
  /** What the Secret must hold and how runs see it. */
  secret: string;
  /** A minimal catalog entry. */
  example: Record<string, unknown>;
}

const NOTIFIER_SECRET = (kind: string) =>
  `Key \`${kind}\` holding a JSON list of ${kind === "email" ? "`{smtp_host, smtp_port, smtp_user, smtp_password, recipients, from_email, use_tls}`" : '`{"url": "https://...", "method": "POST"}`'} objects (a single object is refused). Injected as env vars: no \`mountPath\`; vents reads the variable named \`${kind}\`.`;

const GENERIC_SECRET =
  "No key is required by Polyaxon: the Secret (and ConfigMap, and `env`) are injected into runs that request the connection — as env vars without `mountPath` (all keys, or only `items`), as files with it. Put whatever the client library in your runs reads (for example `PGUSER`/`PGPASSWORD` for postgres).";

const SPECIFIC: Partial<Record<ConnectionKind, KindGuide>> = {
  host_path: {
    summary: "A directory on every node, mounted into runs (and into the gateway pod when listed in mountConnections). Can be the artifacts store.",
    schema: "`hostPath` (node directory) and `mountPath` (in the pod), both absolute, required; `readOnly` optional.",
    secret: "None.",
    example: { name: "node-scratch", kind: "host_path", schema: { hostPath: "/mnt/scratch", mountPath: "/scratch" } },
  },
  volume_claim: {
    summary: "A PersistentVolumeClaim mounted into runs. Can be the artifacts store (then ReadWriteMany). Add `pvc` to have the stack create the claim.",
    schema: "`volumeClaim` (the PVC name) and `mountPath` (absolute), required; `readOnly` optional. No `subPath`.",
    secret: "None.",
    example: {
      name: "training-data",
      kind: "volume_claim",
      schema: { volumeClaim: "training-data", mountPath: "/data/training", readOnly: true },
      pvc: { size: "100Gi", accessModes: ["ReadWriteMany"] },
    },
  },
  s3: {
    summary: "An S3 or S3-compatible (MinIO, Ceph) bucket. Can be the artifacts store.",
    schema: "`bucket`: `s3://bucket[/prefix]`, required.",
    secret:
      "`AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (unless workload identity: `AWS_ROLE_ARN`); optional `AWS_REGION`, `AWS_ENDPOINT_URL` (MinIO), `AWS_SECURITY_TOKEN`, `AWS_USE_SSL`, `AWS_VERIFY_SSL`. Injected as env vars (no `mountPath`).",
    example: {
      name: "datasets",
      kind: "s3",
      schema: { bucket: "s3://datasets" },
      secret: { name: "datasets-s3", fromConfig: { AWS_ACCESS_KEY_ID: "datasetsKeyId", AWS_SECRET_ACCESS_KEY: "datasetsSecretKey" } },
    },
  },
  gcs: {
    summary: "A Google Cloud Storage bucket. Can be the artifacts store.",
    schema: "`bucket`: `gs://bucket[/prefix]`, required.",
    secret:
      "A service-account key file `gc-secret.json`, mounted with `mountPath: /plx-context/.gc` (Polyaxon's default key path); or env vars `GC_KEYFILE_DICT` / `GOOGLE_APPLICATION_CREDENTIALS` and `GC_PROJECT`.",
    example: {
      name: "gcs-datasets",
      kind: "gcs",
      schema: { bucket: "gs://my-datasets" },
      secret: { name: "gcs-key", mountPath: "/plx-context/.gc", fromConfig: { "gc-secret.json": "gcsKeyJson" } },
    },
  },
  wasb: {
    summary: "An Azure Blob Storage container. Can be the artifacts store.",
    schema:
      "`bucket`: `wasbs://<container>@<account>.blob.core.windows.net/[path]`, `https://<account>.blob.core.windows.net/<container>/[path]`, `az://<container>/[path]` or `abfs://<container>/[path]` (account from the Secret), required.",
    secret:
      "`AZURE_ACCOUNT_NAME` with `AZURE_ACCOUNT_KEY` (or `AZURE_CONNECTION_STRING`, `AZURE_SAS_TOKEN`, or `AZURE_TENANT_ID`/`AZURE_CLIENT_ID`/`AZURE_CLIENT_SECRET`). Injected as env vars.",
    example: {
      name: "azure-datasets",
      kind: "wasb",
      schema: { bucket: "wasbs://datasets@myaccount.blob.core.windows.net/" },
      secret: { name: "azure-storage" },
    },
  },
  git: {
    summary: "A git repository cloned by git inits of runs.",
    schema: "`url`, `revision`, `flags` (list of `git clone` flags), all optional (runs may override).",
    secret:
      "For private HTTPS repos `POLYAXON_GIT_CREDENTIALS` (a token or `user:token`), injected as env vars; or a credential store (`.gitconfig` + `.git-credentials`) mounted at `/root`. Public repos: none.",
    example: {
      name: "code",
      kind: "git",
      schema: { url: "https://github.com/org/repo", revision: "main" },
      secret: { name: "git-token", fromConfig: { POLYAXON_GIT_CREDENTIALS: "githubToken" } },
    },
  },
  ssh: {
    summary: "An SSH key used by git inits (with `git:` in the init).",
    schema: "Optional, git-like: `url`, `revision`, `flags`.",
    secret:
      'Required, mounted with a `mountPath` (Polyaxon sets `POLYAXON_SSH_PATH` to it): the private key `id_rsa` (or the file named by `POLYAXON_SSH_PRIVATE_KEY`), `defaultMode: "0600"`.',
    example: {
      name: "deploy-key",
      kind: "ssh",
      schema: { url: "git@github.com:org/repo.git" },
      secret: { name: "deploy-key", mountPath: "/etc/ssh-key", defaultMode: "0600" },
    },
  },
  registry: {
    summary: "A container registry that builds (kaniko, dockerizer) push to.",
    schema: "`url` (registry host and path), required; `insecure` optional.",
    secret: "A Docker `config.json`, mounted at `/kaniko/.docker` (kaniko) or `/root/.docker` (dockerizer). For pulling images use `imagePullSecrets` instead.",
    example: {
      name: "docker-registry",
      kind: "registry",
      schema: { url: "registry.example.com/org" },
      secret: { name: "docker-conf", mountPath: "/kaniko/.docker" },
    },
  },
};

/** The guide for one kind. */
export function kindGuide(kind: ConnectionKind): KindGuide {
  const specific = SPECIFIC[kind];
  if (specific) return specific;
  if ((NOTIFIER_KINDS as readonly string[]).includes(kind)) {
    return {
      summary: `Notifications to ${kind}, sent by \`polyaxon notify --backend ${kind}\` for runs that request the connection.`,
      schema: "None needed (any mapping is accepted).",
      secret: NOTIFIER_SECRET(kind),
      example: { name: `team-${kind}`, kind, secret: { name: `${kind}-notifier`, fromConfig: { [kind]: `${kind}Config` } } },
    };
  }
  if ((GENERIC_KINDS as readonly string[]).includes(kind)) {
    return {
      summary: `A ${kind} catalog entry: Polyaxon has no built-in handler; its Secret, ConfigMap, env and annotations reach the runs that request it.`,
      schema: "Optional free mapping (vents credential readers also look keys up here).",
      secret: GENERIC_SECRET,
      example: { name: `${kind.replace(/_/g, "-")}-conn`, kind, secret: { name: `${kind.replace(/_/g, "-")}-credentials` } },
    };
  }
  throw new Error(`no guide for kind ${kind}`);
}

/** Every kind with its guide, in Polyaxon's order. */
export function allKindGuides(): [ConnectionKind, KindGuide][] {
  return CONNECTION_KINDS.map((k) => [k, kindGuide(k)]);
}
