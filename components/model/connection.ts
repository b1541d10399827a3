/**
 * A connection entry, in Polyaxon's own keys (so a catalog copied from Helm values is
 * accepted as it is), with the schema type selected by `kind`.
 */
import { z } from "zod";
import { GENERIC_KINDS, NOTIFIER_KINDS } from "./kinds.js";
import { configMapRef, pvcProvision, secretRef } from "./resources.js";
import { annotationKey } from "./primitives.js";
import { bucketSchema, claimSchema, freeSchema, gcsBucketUrl, gitSchema, hostPathSchema, registrySchema, s3BucketUrl, wasbBucketUrl } from "./schema-types.js";

/** Env var names as Kubernetes and shells accept them. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "must be a valid env var name" });

/** Keys every kind shares (vents `Connection`). */
const commonFields = {
  name: z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .meta({ description: "Catalog name runs use to request the connection; unique across store and connections." }),
  description: z.string().optional().meta({ description: "Free text shown in Polyaxon's UI." }),
  tags: z.array(z.string(), { error: "must be a list of strings, e.g. [data, team-a]" }).optional().meta({ description: "Labels for searching the catalog." }),
  secret: secretRef.optional().meta({ description: "Secret injected into runs that request the connection (and into the gateway when mounted)." }),
  configMap: configMapRef.optional().meta({ description: "ConfigMap injected like `secret`." }),
  env: z
    .record(envName, z.string({ error: "must be a string (quote numbers and booleans)" }), {
      error: "must be a mapping {NAME: value}; the Kubernetes list form [{name, value}] stops the agent",
    })
    .optional()
    .meta({
      description:
        "Extra env vars of runs that request the connection, mapping form only: Polyaxon rejects the Kubernetes [{name, value}] list form. Not on the artifacts store or a mounted connection (the chart pastes it into its gateway container): use a configMap without mountPath there.",
    }),
  annotations: z
    .record(annotationKey, z.string({ error: "must be a string" }))
    .optional()
    .meta({ description: "Annotations added to run pods that use the connection." }),
  isAlias: z.boolean().optional().meta({ description: "The chart never mounts an alias (one secret or volume shared by several entries)." }),
};

const OBJECT_ERROR = { error: "must be a mapping with name, kind and the kind's keys" };

/** What `kind` and `schema` are, said once for every kind's entry. */
const KIND_DESCRIPTION = "Polyaxon's connection kind (s3, gcs, wasb, volume_claim, host_path, git, registry, slack, postgres, ...): selects what `schema` holds.";
const SCHEMA_DESCRIPTION =
  "The kind's own settings, as in Polyaxon's connection spec: `bucket` for s3/gcs/wasb, `volumeClaim` and `mountPath` for volume_claim, `url` for git and registry, ...";
const kindField = <T extends z.ZodType>(kind: T) => kind.meta({ description: KIND_DESCRIPTION });
const schemaField = <T extends z.ZodType>(schema: T) => schema.meta({ description: SCHEMA_DESCRIPTION });

/**
 * The keys every kind shares, alone: what an entry whose `kind` is wrong can still be
 * checked against, so that its other mistakes are reported in the same run.
 */
export const kindlessConnection = z.object(commonFields);

export const hostPathConnection = z.strictObject({ ...commonFields, kind: kindField(z.literal("host_path")), schema: schemaField(hostPathSchema) }, OBJECT_ERROR);
export const volumeClaimConnection = z.strictObject(
  {
    ...commonFields,
    kind: kindField(z.literal("volume_claim")),
    schema: schemaField(claimSchema),
    pvc: pvcProvision.optional().meta({ description: "Create the claim named by `schema.volumeClaim` (our extension, not rendered)." }),
  },
  OBJECT_ERROR,
);
export const s3Connection = z.strictObject({ ...commonFields, kind: kindField(z.literal("s3")), schema: schemaField(bucketSchema(s3BucketUrl)) }, OBJECT_ERROR);
export const gcsConnection = z.strictObject({ ...commonFields, kind: kindField(z.literal("gcs")), schema: schemaField(bucketSchema(gcsBucketUrl)) }, OBJECT_ERROR);
export const wasbConnection = z.strictObject({ ...commonFields, kind: kindField(z.literal("wasb")), schema: schemaField(bucketSchema(wasbBucketUrl)) }, OBJECT_ERROR);
export const gitConnection = z.strictObject({ ...commonFields, kind: kindField(z.literal("git")), schema: schemaField(gitSchema.optional()) }, OBJECT_ERROR);
/** ssh may carry a git-like schema (`url`) used together with a git init. */
export const sshConnection = z.strictObject({ ...commonFields, kind: kindField(z.literal("ssh")), schema: schemaField(gitSchema.optional()) }, OBJECT_ERROR);
export const registryConnection = z.strictObject({ ...commonFields, kind: kindField(z.literal("registry")), schema: schemaField(registrySchema) }, OBJECT_ERROR);
export const notifierConnection = z.strictObject({ ...commonFields, kind: kindField(z.enum(NOTIFIER_KINDS)), schema: schemaField(freeSchema.optional()) }, OBJECT_ERROR);
export const genericConnection = z.strictObject({ ...commonFields, kind: kindField(z.enum(GENERIC_KINDS)), schema: schemaField(freeSchema.optional()) }, OBJECT_ERROR);

/** Any of Polyaxon's kinds; `kind` selects the schema type. */
export const connectionEntry = z.discriminatedUnion(
  "kind",
  [hostPathConnection, volumeClaimConnection, s3Connection, gcsConnection, wasbConnection, gitConnection, sshConnection, registryConnection, notifierConnection, genericConnection],
  OBJECT_ERROR,
);

/** The artifacts store: only host_path, volume_claim, s3, gcs or wasb. */
export const artifactsStoreEntry = z.discriminatedUnion("kind", [hostPathConnection, volumeClaimConnection, s3Connection, gcsConnection, wasbConnection], OBJECT_ERROR);

/** A validated connection entry (parsed output). */
export type ConnectionEntry = z.infer<typeof connectionEntry>;
/** A connection entry as users write it. */
export type ConnectionInput = z.input<typeof connectionEntry>;
/** A validated artifacts store entry. */
export type ArtifactsStoreEntry = z.infer<typeof artifactsStoreEntry>;
