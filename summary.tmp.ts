import { readFile } from 'node:fs/promises';
import { importOpenApi } from './packages/core/src/openapi/index.ts';
for (const file of process.argv.slice(2)) {
  const report = await importOpenApi(await readFile(`packages/core/src/openapi/fixtures/${file}`, 'utf8'), file.includes('3.1.yaml') ? { documentUrl: 'https://petstore31.swagger.io/api/v31/openapi.json' } : {});
  const ok = report.operations.filter((o) => o.convertible).map((o) => o.name);
  console.log(file, report.format, report.operations.length, ok.length, JSON.stringify(ok));
  console.log('  not:', JSON.stringify(report.operations.filter((o) => !o.convertible).map((o) => o.name)));
}
