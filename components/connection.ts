import type * as pulumi from "@pulumi/pulumi";
import { type CatalogEntryArgs, CatalogEntryResource } from "./catalog-entry.js";

/**
 * One catalog connection (any kind) and the Secret, ConfigMap and PVC it
 * provisions. Token `polyaxon:index:Connection`.
 */
export class Connection extends CatalogEntryResource {
  constructor(name: string, args: CatalogEntryArgs, opts?: pulumi.ComponentResourceOptions) {
    super("polyaxon:index:Connection", name, args, opts);
  }
}
