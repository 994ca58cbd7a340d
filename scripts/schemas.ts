/** Writes media/schemas/*.schema.json from the zod schemas (npm run schemas); a unit test fails when they drift. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { debtJsonSchemas } from '../src/core/jsonSchemas';

const folder = path.join(__dirname, '..', 'media', 'schemas');
mkdirSync(folder, { recursive: true });
for (const { name, schema } of debtJsonSchemas()) writeFileSync(path.join(folder, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
