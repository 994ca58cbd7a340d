import { z } from 'zod';
import { CONFIG_FILE, configFileSchema } from './config';
import { INCIDENTS_FILE, incidentsFileSchema } from './history/incidents';
import { portfolioSchema, STORE_FILE } from './store/schema';

/** The files of `.debt/` an editor can check and complete, each with the schema the tool itself reads it with. */
const FILES = [
  { name: 'config', file: CONFIG_FILE, schema: configFileSchema(), title: 'Tech Debt Portfolio team config' },
  { name: 'portfolio', file: STORE_FILE, schema: portfolioSchema, title: 'Tech Debt Portfolio team decisions (written by the tool)' },
  { name: 'incidents', file: INCIDENTS_FILE, schema: incidentsFileSchema, title: 'Tech Debt Portfolio incidents' },
] as const;

/** JSON Schema (draft 7, what VS Code's JSON service reads) for each `.debt/` file, generated from the zod schemas. */
export function debtJsonSchemas(): Array<{ name: string; file: string; schema: object }> {
  return FILES.map(({ name, file, schema, title }) => {
    const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
    return { name, file, schema: { $schema: generated.$schema, title, ...generated } };
  });
}
