/**
 * Where a connection's Secret comes from: one table of sources. The `secret` mapping's
 * shape, the keys stripped from the rendered values, whether the stack creates the Secret
 * (and which data keys it fills from which config keys) all derive from it, so adding a
 * source is one entry here plus its tests. Without a source, `secret` names an existing
 * Secret.
 */
import { z } from "zod";
import { fullConfigKey } from "./config-keys.js";
import { configKeyRef, dataKey, k8sName } from "./primitives.js";

/**
 * A Secret value the Pulumi program gives (`secret.stringData` of the typed API: a string,
 * an Output or a promise). Opaque to validation and renders: it serialises as a marker,
 * never as its value, and a stack file cannot hold one (YAML makes no class instances).
 */
export class ProgramValue {
  constructor(readonly input: unknown) {}
  toJSON(): string {
    return "<value given by the program>";
  }
}

/** How one key of a created Secret gets its value: plain data, composed at deploy time. */
export type SecretRecipe =
  | { from: "config"; key: string }
  | { from: "plain"; value: string }
  | { from: "program"; value: ProgramValue }
  | { from: "dockerConfig"; server: string; username: string; passwordKey: string }
  | { from: "notifier"; kind: string; items: NotifierItem[] };

export interface NotifierItem {
  urlKey: string;
  serviceKeyKey?: string;
  method?: string;
  channel?: string;
  icon_url?: string;
}

/** A secret config key a recipe reads, with the path (below `secret.`) that names it. */
export interface RecipeRef {
  at: string;
  key: string;
}

/** One data key of a created Secret: its recipe and the config keys it reads. */
export interface SecretDataKey {
  dataKey: string;
  /** The path below `secret.` that fills it, e.g. `fromConfig.KEY` or `s3.region`. */
  at: string;
  recipe: SecretRecipe;
  refs: RecipeRef[];
}

/**
 * A Go duration such as `1h30m` (`µs` included). Built from a string, whose `µ` the bundler
 * writes as an escape: a regex literal would keep it raw, and a bundle with one non-ASCII
 * character must be decoded as UTF-8, at twice the cost of an ASCII one (cli/run-bundle.js).
 */
const GO_DURATION = new RegExp("^([0-9]+(\\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h))+$");

/** A value read from a remote secret manager by the External Secrets Operator. */
const remoteRef = z.union([
  z.string().min(1),
  z.strictObject({
    key: z.string().min(1).meta({ description: "Path or name of the secret in the store (Vault path, AWS/GCP/Azure secret name)." }),
    property: z.string().min(1).optional().meta({ description: "Field inside a structured secret (a JSON property, a Vault key)." }),
    version: z.string().min(1).optional().meta({ description: "Version of the remote secret; unset reads the latest." }),
  }),
]);

/**
 * Take the Secret from a secret manager through the External Secrets Operator: the stack
 * creates an `ExternalSecret` (external-secrets.io/v1) whose target is this Secret.
 */
export const externalSecret = z.strictObject({
  store: z
    .strictObject({
      name: k8sName,
      kind: z.enum(["SecretStore", "ClusterSecretStore"]).default("SecretStore"),
    })
    .meta({ description: "The SecretStore or ClusterSecretStore that can read the remote secrets." }),
  refreshInterval: z
    .string()
    .regex(GO_DURATION, { error: "must be a duration such as 1h or 15m" })
    .default("1h")
    .meta({ description: "How often the operator re-reads the remote values (a Go duration)." }),
  data: z
    .record(dataKey, remoteRef)
    .refine((d) => Object.keys(d).length > 0, { error: "must map at least one key" })
    .meta({ description: "Secret key Polyaxon expects → the remote value that fills it." }),
});

/** Docker `config.json` for a registry, assembled at deploy time (key `config.json`). */
export const dockerConfigHelper = z.strictObject({
  server: z.string().min(1).meta({ description: "Registry host, e.g. `registry.example.com` or `https://index.docker.io/v1/`." }),
  username: z.string().min(1),
  password: configKeyRef.meta({ description: "Pulumi secret config key holding the password or token." }),
});

/** S3 (or S3-compatible) credentials: the AWS_* keys Polyaxon's S3 client reads. */
export const s3CredentialsHelper = z.strictObject({
  accessKeyId: configKeyRef.meta({ description: "Pulumi secret config key → `AWS_ACCESS_KEY_ID`." }),
  secretAccessKey: configKeyRef.meta({ description: "Pulumi secret config key → `AWS_SECRET_ACCESS_KEY`." }),
  region: z.string().min(1).optional().meta({ description: "`AWS_REGION`." }),
  endpoint: z.string().url().optional().meta({ description: "`AWS_ENDPOINT_URL`, for MinIO, Ceph and other S3-compatible stores." }),
});

/** One notifier destination; secret parts come from Pulumi secret config keys. */
export const notifierTargetHelper = z.strictObject({
  url: configKeyRef.meta({ description: "Pulumi secret config key holding the webhook URL." }),
  method: z.enum(["POST", "GET"]).optional().meta({ default: "POST" }),
  channel: z.string().optional().meta({ description: "Slack or Mattermost channel." }),
  icon_url: z.string().optional().meta({ description: "Slack icon." }),
  service_key: configKeyRef.optional().meta({ description: "PagerDuty: Pulumi secret config key holding the service key." }),
});

interface SecretSource<S extends z.ZodType> {
  schema: S;
  /** `stack`: the stack creates the Secret from Pulumi config; `operator`: an ExternalSecret. */
  createdBy: "stack" | "operator";
  /** The data keys this source fills, for sources the stack creates (`kind` names the notifier key). */
  data?: (value: z.infer<S>, kind: string) => SecretDataKey[];
}

const source = <S extends z.ZodType>(s: SecretSource<S>) => s;

/** A data key copied from a secret config key named at `at`. */
const copied = (dataKey: string, at: string, key: string): SecretDataKey => ({
  dataKey,
  at,
  recipe: { from: "config", key: fullConfigKey(key) },
  refs: [{ at, key: fullConfigKey(key) }],
});

/** Every source of a connection's Secret, by its key under `secret`. */
export const SECRET_SOURCES = {
  stringData: source({
    schema: z
      .record(dataKey, z.custom<ProgramValue>())
      .refine((map) => Object.values(map).every((v) => v instanceof ProgramValue), {
        error:
          "must be given by a Pulumi program (the typed API's stringData takes Inputs); a stack file names secret config keys instead: secret.fromConfig: {<SECRET_KEY>: <config key>}",
      })
      .meta({ description: "Pulumi programs only: Secret key → the value (an Input, kept a Pulumi secret). Not rendered into the values." }),
    createdBy: "stack",
    data: (map) => Object.entries(map).map(([k, value]) => ({ dataKey: k, at: `stringData.${k}`, recipe: { from: "program", value }, refs: [] })),
  }),
  fromConfig: source({
    schema: z.record(dataKey, configKeyRef).meta({
      description: "Provision the Secret: Secret key → Pulumi secret config key holding the value (`pulumi config set --secret <key> <value>`). Not rendered into the values.",
    }),
    createdBy: "stack",
    data: (map) => Object.entries(map).map(([k, key]) => copied(k, `fromConfig.${k}`, key)),
  }),
  dockerConfig: source({
    schema: dockerConfigHelper.meta({ description: "Key `config.json`: a Docker config for a registry." }),
    createdBy: "stack",
    data: ({ server, username, password }) => [
      {
        dataKey: "config.json",
        at: "dockerConfig",
        recipe: { from: "dockerConfig", server, username, passwordKey: fullConfigKey(password) },
        refs: [{ at: "dockerConfig.password", key: fullConfigKey(password) }],
      },
    ],
  }),
  gcsKeyFile: source({
    schema: configKeyRef.meta({ description: "Key `gc-secret.json`: a GCS service-account key file, from this secret config key." }),
    createdBy: "stack",
    data: (key) => [copied("gc-secret.json", "gcsKeyFile", key)],
  }),
  gitToken: source({
    schema: configKeyRef.meta({ description: "Key `POLYAXON_GIT_CREDENTIALS`: a git token (or `user:token`), from this secret config key." }),
    createdBy: "stack",
    data: (key) => [copied("POLYAXON_GIT_CREDENTIALS", "gitToken", key)],
  }),
  s3: source({
    schema: s3CredentialsHelper.meta({ description: "Keys `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT_URL`." }),
    createdBy: "stack",
    data: (s3) => [
      copied("AWS_ACCESS_KEY_ID", "s3.accessKeyId", s3.accessKeyId),
      copied("AWS_SECRET_ACCESS_KEY", "s3.secretAccessKey", s3.secretAccessKey),
      ...(s3.region ? [{ dataKey: "AWS_REGION", at: "s3.region", recipe: { from: "plain", value: s3.region } as const, refs: [] }] : []),
      ...(s3.endpoint ? [{ dataKey: "AWS_ENDPOINT_URL", at: "s3.endpoint", recipe: { from: "plain", value: s3.endpoint } as const, refs: [] }] : []),
    ],
  }),
  notifier: source({
    schema: z.array(notifierTargetHelper).min(1).meta({ description: "Notifier kinds: the key named as the kind, holding the JSON list vents reads." }),
    createdBy: "stack",
    data: (targets, kind) => [
      {
        dataKey: kind,
        at: "notifier",
        recipe: {
          from: "notifier",
          kind,
          items: targets.map(({ url, service_key, ...plain }) => ({
            urlKey: fullConfigKey(url),
            ...(service_key ? { serviceKeyKey: fullConfigKey(service_key) } : {}),
            ...plain,
          })),
        },
        refs: targets.flatMap((t, i) => [
          { at: `notifier[${i}].url`, key: fullConfigKey(t.url) },
          ...(t.service_key ? [{ at: `notifier[${i}].service_key`, key: fullConfigKey(t.service_key) }] : []),
        ]),
      },
    ],
  }),
  external: source({ schema: externalSecret.meta({ description: "Sync the Secret from a secret manager (External Secrets Operator)." }), createdBy: "operator" }),
};

export type SecretSourceKey = keyof typeof SECRET_SOURCES;

/** Every source key (never rendered into the values: they are ours, not Polyaxon's). */
export const SECRET_SOURCE_KEYS = Object.keys(SECRET_SOURCES) as SecretSourceKey[];

/** The sources from which the stack creates the Secret itself; they combine. */
export const CREATED_SOURCE_KEYS = SECRET_SOURCE_KEYS.filter((k) => SECRET_SOURCES[k].createdBy === "stack");

/** The zod shape of the sources under `secret`, each optional. */
export const secretSourceShape = Object.fromEntries(SECRET_SOURCE_KEYS.map((k) => [k, SECRET_SOURCES[k].schema.optional()])) as {
  [K in SecretSourceKey]: z.ZodOptional<(typeof SECRET_SOURCES)[K]["schema"]>;
};
