/**
 * enrollkit's cdktf adapter: a cdktf `App` that writes enrollkit manifests beside the Terraform
 * JSON, and azuread groups as assignment targets.
 */
export * from './app';
export * from './azuread-group';
