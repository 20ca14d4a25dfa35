/**
 * The YAML library as core's sources and bundlers see it: imported with the
 * rest. Core's built files import `#yaml` instead (tsup.config.ts), which Node
 * resolves to ./yaml.node.ts, so `import '@factcite/core'` under Node does not
 * pay for YAML until something parses or writes it.
 */
import * as YAML from 'yaml';

export const yaml = (): typeof YAML => YAML;
