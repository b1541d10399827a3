import type * as pulumi from "@pulumi/pulumi";
import { type CatalogEntryArgs, CatalogEntryResource } from "./catalog-entry.js";

/**
 * The agent's artifacts store (host_path, volume_claim, s3, gcs or wasb) and the objects
 * it provisions. Token `polyaxon:index:ArtifactsStore`.
 */
export class ArtifactsStore extends CatalogEntryResource {
  constructor(name: string, args: CatalogEntryArgs, opts?: pulumi.ComponentResourceOptions) {
    super("polyaxon:index:ArtifactsStore", name, args, opts);
  }
}
