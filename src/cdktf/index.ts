/**
 * enrollkit's cdktf adapter: a cdktf `App` that writes enrollkit manifests beside the Terraform
 * JSON, and azuread groups as assignment targets. Needs the optional peer dependencies `cdktf` and
 * `@cdktf/provider-azuread`; without them, importing this entry point throws a `UsageError` that
 * names the install command.
 */
import './require-peers';

export * from './app';
export * from './azuread-group';
