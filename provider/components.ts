/** The components this package serves to other Pulumi languages (plain, union-free args). */
import {
  BucketConnection,
  GenericConnection,
  GitConnection,
  HostPathConnection,
  NotifierConnection,
  RegistryConnection,
  VolumeClaimConnection,
} from "../components/kinds/components.js";

export const PROVIDED_COMPONENTS = [
  BucketConnection,
  VolumeClaimConnection,
  HostPathConnection,
  GitConnection,
  RegistryConnection,
  NotifierConnection,
  GenericConnection,
];

export {
  BucketConnection,
  GenericConnection,
  GitConnection,
  HostPathConnection,
  NotifierConnection,
  RegistryConnection,
  VolumeClaimConnection,
};
