/**
 * Every validation rule: what it checks and why Polyaxon or its chart needs it. Each
 * diagnostic names its rule; docs/validation.md is generated from this table and from the
 * messages the test corpus produces.
 */
import { CONNECTION_KINDS } from "./kinds.js";

export const RULES = {
  "yaml-syntax": { title: "Stack files are valid YAML", why: "Pulumi and `render` cannot read anything else." },
  "pulumi-yaml": {
    title: "Scalars mean what Pulumi reads",
    why: "The Pulumi CLI reads stack files with Go's yaml.v3: an unquoted date (`revision: 2024-01-01`) reaches the program as Go's timestamp text `2024-01-01 00:00:00 +0000 UTC`, and `.inf`/`.nan` cannot be passed at all. Offline commands read stack files the same way (`0600` is the octal 384, `05432` is 2842), so `render` shows what `pulumi up` deploys.",
  },
  "data-key": {
    title: "Keys are data",
    why: "`__proto__` (and, for code that copies objects, `constructor` and `prototype`) is read by JavaScript as an object's machinery, so fields under it would apply invisibly; `<<` is a YAML merge key, which the Pulumi CLI applies and which hides where a value comes from. Such keys are refused in stack files, library overrides and imported values.",
  },
  "stack-file": { title: "The stack exists", why: "`--stack <name>` reads `Pulumi.<name>.yaml` next to `Pulumi.yaml`." },
  type: {
    title: "Every value has the type Polyaxon reads",
    why: 'A string where a mapping belongs (or a mapping where a list belongs) makes the chart fail with "can\'t evaluate field" or Polyaxon refuse the agent config.',
  },
  required: {
    title: "Required keys are present",
    why: "Polyaxon needs `name` and `kind`; typed schemas need their keys (`bucket`, `volumeClaim`, `hostPath`, `mountPath`, `url`), or runs fail with `'dict' object has no attribute`.",
  },
  "credential-in-config": {
    title: "No credential where a config key name belongs",
    why: "`fromConfig`, `gitToken` and the other helpers name Pulumi secret config keys; a token pasted there would sit in the stack file and the repository in clear (and be echoed by every tool). Known token forms (GitHub, AWS, Slack, GitLab, Stripe, JWT, PEM, key files) and long random strings are refused and never printed.",
  },
  "secret-in-clear": {
    title: "Secret config only where it stays secret",
    why: "A value set with `pulumi config set --secret --path` inside a catalog entry, a ConfigMap's data, annotations or a name would be stored in clear: the chart writes every entry into its ConfigMap. Only `agent.values` may hold secret config; the program passes them to the chart as Pulumi secrets.",
  },
  "config-size": {
    title: "The stack config fits in one environment string",
    why: "`pulumi up` hands the program all of a stack's config in the `PULUMI_CONFIG` environment variable, and Linux caps one environment string at 128 KiB: past it the program cannot start (`argument list too long`, pulumi/pulumi#8680). Over 64 KiB is advice to move the catalog to a catalog file; over the limit is an error.",
  },
  "catalog-file": {
    title: "The catalog file exists and holds catalog keys",
    why: "`polyaxon:catalogFile` names a YAML file inside the project that holds the catalog keys (without `polyaxon:`); each key lives in one place, secret values stay in Pulumi config, and a path outside the project is never read.",
  },
  "plain-credential": {
    title: "No credential in clear",
    why: "The chart writes every catalog entry, in clear, into its ConfigMap, and chart values are plain inputs in the stack file and Pulumi state. A password or token under `env`, `annotations`, a ConfigMap's data or a schema (found by its name, such as `PGPASSWORD`, `apiKey`, `ldapBindPw`, `dsn`), a URL with a password or token, a webhook URL, an `Authorization` header or a known token form would sit unencrypted in the repository, the state and the cluster. It belongs in a Secret (`secret.fromConfig`) or in secret config.",
  },
  cluster: {
    title: "A stack names its cluster",
    why: "Without `kubernetes:context` or `kubernetes:kubeconfig` the provider uses the ambient kubeconfig's current context, so `pulumi up` of one stack could change another cluster. `pulumi preview`/`up` refuse such a stack (the offline commands warn) unless it opts in with `polyaxon:ambientCluster: true`.",
  },
  "chart-env": {
    title: "No env on the artifacts store or a mounted connection",
    why: "The agent chart pastes that `env` with `toYaml` into its gateway container's `env:` list, while Polyaxon requires a mapping: no form satisfies both, and the container gets an unknown field (the variable never arrives, or the apply is refused). A ConfigMap or Secret without mountPath reaches the container through envFrom.",
  },
  "agent-token-namespaces": {
    title: "The agent token exists in every namespace runs use",
    why: "Runs in `agent.additionalNamespaces` read the agent token from the Secret named by `agentSecret` in their own namespace. A token Secret the stack creates (`fromConfig`) is created in each; a referenced one gets this warning.",
  },
  "store-read-only": {
    title: "The artifacts store is writable",
    why: "Polyaxon mounts the store with its `readOnly` setting in every run; runs write outputs, logs and events there, so a read-only store makes every run fail to save anything.",
  },
  "chart-target": {
    title: "Settings fit the chart the release targets",
    why: "`agent.chart.name: polyaxon` targets the CE platform chart, whose own agent needs no token (`agentSecret` is refused); with the agent chart, platform-only values (`postgresql`, `ui`, `user`, ...) are ignored by the chart and rejected by Polyaxon's deploy check (a warning).",
  },
  "unknown-key": {
    title: "No unknown keys",
    why: "Polyaxon's models forbid extra keys; in a schema an extra key (e.g. `subPath`) silently turns it untyped and runs fail later.",
  },
  kind: { title: "Kinds are exact", why: `Polyaxon accepts only its ${CONNECTION_KINDS.length} lower-case kind strings; \`S3\` or \`nfs\` stop the agent.` },
  "store-kind": {
    title: "The artifacts store is host_path, volume_claim, s3, gcs or wasb",
    why: "Polyaxon documents only these; any other kind is accepted at deploy time and breaks every run (`store_path` is None).",
  },
  "unique-name": {
    title: "Names are unique across the store and all connections",
    why: "Polyaxon's agent refuses duplicates (`A connection with name ... must be unique`); the chart would mount a volume twice.",
  },
  "k8s-name": {
    title: "Names that become Kubernetes names are DNS-1123",
    why: "Host-path and volume-claim connection names, mounted Secret/ConfigMap names, PVC names, namespaces and release names become volume or object names, which the API server rejects otherwise.",
  },
  "bucket-url": {
    title: "Bucket URLs name a bucket of their provider",
    why: "Polyaxon checks no bucket URL (`BucketConnection.bucket` is a plain string, vents `connection_schema.py`); its filesystems read their own scheme or a bare bucket: s3 `s3://` (or `s3a://`), gcs `gs://` (or `gcs://`). wasb takes the forms clipped's `WasbPath` parses (`clipped/types/wasb.py`): `wasb[s]://<container>@<account>.blob.core.windows.net/`, `https://<account>.blob.core.windows.net/<container>/`, `az://<container>/`, `abfs://<container>/`. Another scheme names no bucket the store can open, and runs fail when they start.",
  },
  "absolute-path": { title: "Paths are absolute", why: "Kubernetes refuses a relative `mountPath`; a relative `hostPath` is not a node directory." },
  "mount-path-conflict": {
    title: "No two mounts at the same path or nested in one pod",
    why: "The gateway pod mounts the store and every mounted connection; the API server refuses the same mountPath twice, and a nested one hides the outer volume's files.",
  },
  "volume-name-conflict": {
    title: "No two mounted volumes with the same name",
    why: "The chart names volumes after connections, Secrets and ConfigMaps; a duplicate volume name makes the API server reject the gateway pod.",
  },
  "secret-source": {
    title: "A Secret has one source, fitting its connection",
    why: "A Secret the External Secrets Operator syncs cannot also be written by the stack (they would overwrite each other); the notifier helper writes the key vents reads for notifier kinds only.",
  },
  "resource-mapping": {
    title: "secret and configMap are mappings with a name",
    why: 'Polyaxon refuses `secret: my-secret` ("Value must be a reference"); write `secret: {name: my-secret}`.',
  },
  "default-mode": {
    title: "defaultMode is a string of octal digits",
    why: "Polyaxon (pydantic 2) refuses a number, and YAML reads `0600` as the number 384.",
  },
  "env-mapping": {
    title: "env is a mapping",
    why: "Polyaxon (pydantic 2) refuses the Kubernetes list form `[{name, value}]` and the agent does not start; put values in the Secret or ConfigMap instead.",
  },
  "env-var-name": {
    title: "Keys exposed as env vars are valid env var names",
    why: "Without a mountPath, Secret and ConfigMap keys become env vars; Kubernetes skips keys that are not valid names, so the run never sees them.",
  },
  "mount-connections": {
    title: "mountConnections names existing, non-alias connections",
    why: "The chart silently skips unknown names and aliases, so the mount you expect never happens.",
  },
  "provisioned-once": {
    title: "Each created object is declared once",
    why: "Two declarations of one Secret, ConfigMap or PVC would overwrite each other on every `pulumi up`.",
  },
  "items-exist": { title: "items name keys the created object has", why: "A missing item leaves the env var or file absent." },
  "secret-config": {
    title: "Secret config keys are set, and encrypted",
    why: "`pulumi up` fails on a missing key; a key stored in plain text was committed in clear.",
  },
  "agent-values": {
    title: "Extra chart values do not override the catalog or carry the token",
    why: "The catalog renders `artifactsStore`, `connections`, `mountConnections` and `agentSecret`; a token in values is stored in plain text.",
  },
  "secret-key-once": {
    title: "Each key of a created Secret comes from one source",
    why: "`stringData`, `fromConfig` and the typed helpers combine into one Secret; two of them filling the same key would leave one value silently unused.",
  },
  "s3-keys": {
    title: "A created s3 Secret has the access keys",
    why: "Polyaxon's S3 client reads `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, unless workload identity (`AWS_ROLE_ARN`/`AWS_ASSUME_ROLE`) is declared.",
  },
  "gcs-key-file": {
    title: "A gcs Secret mounted at /plx-context/.gc holds gc-secret.json",
    why: "Polyaxon's GCS client looks for `/plx-context/.gc/gc-secret.json` by default.",
  },
  "registry-config-json": {
    title: "A registry Secret mounted for kaniko or docker holds config.json",
    why: "kaniko and the dockerizer read `<mountPath>/config.json` to push images.",
  },
  "notifier-key": {
    title: "A notifier Secret has the key named as its kind, as an env var",
    why: "vents reads the env var named exactly as the kind (`slack`, `webhook`, ...), so the Secret must be injected as env vars (no mountPath) with that key.",
  },
  "notifier-json": {
    title: "A notifier's configuration is a JSON list",
    why: "vents refuses a single object; it needs a list of `{url, ...}` (email: `{smtp_host, ...}`). Checked when the value can be read (under `pulumi up`/`preview`).",
  },
  "ssh-secret": {
    title: "ssh connections mount a secret",
    why: "Polyaxon's git init reads `secret.mountPath` of ssh connections unguarded: without it every run that clones fails.",
  },
  "default-store": {
    title: "Warning: no artifacts store configured",
    why: "The chart's default host_path store keeps artifacts on each node's /tmp: fine on one node, lost or split across several.",
  },
  "host-path-store": {
    title: "Warning: a host_path artifacts store",
    why: "Runs on different nodes see different directories unless the path is a shared mount on every node.",
  },
  "claim-store-access": {
    title: "Warning: a volume_claim artifacts store that is not ReadWriteMany",
    why: "Runs on several nodes write artifacts at once; a ReadWriteOnce claim pins them all to one node.",
  },
  "empty-connection": {
    title: "Warning: a connection that gives runs nothing",
    why: "An entry with no schema, secret, configMap, env or annotations injects nothing into the runs that request it.",
  },
  "catalog-mount-overlap": {
    title: "Warning: two connections mount at the same or nested paths",
    why: "A run that requests both fails to start, or one hides the other's files.",
  },
  "library-ref": {
    title: "Library references name a library entry",
    why: "A catalog takes `polyaxon:library` entries by name; a typo would silently drop the connection.",
  },
  "agents-form": {
    title: "One form per stack, releases and namespaces that do not collide",
    why: "The short form (`polyaxon:connections`, ...) and `polyaxon:agents` cannot be mixed; two agents with one release name write one values file; two agents running in one namespace fight over it unless it is listed in `polyaxon:sharedNamespaces`.",
  },
  "pvc-namespaces": {
    title: "A created PVC serves one namespace",
    why: "A PersistentVolumeClaim lives in one namespace; runs in `additionalNamespaces` cannot mount it. Create the claim in each namespace (bound to a shared ReadWriteMany volume) outside this stack, or use a bucket.",
  },
  "unused-config-key": {
    title: "Warning: polyaxon:* keys nothing reads",
    why: "Usually a typo of a catalog key (`polyaxon:conections`), silently ignored otherwise.",
  },
} as const satisfies Record<string, { title: string; why: string }>;

export type RuleId = keyof typeof RULES;
