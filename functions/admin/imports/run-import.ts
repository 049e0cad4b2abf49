import { readCsv } from './csv-rows';
import { ASSIGNMENT_COLUMNS, importAssignments } from './import-assignments';
import { CUSTOMER_COLUMNS, type ImportDeps, type ImportReport, importCustomers } from './import-customers';
import { importPolicies, REQUIRED_POLICY_COLUMNS } from './import-policies';

export type ImportCommand = 'import-customers' | 'import-policies' | 'import-assignments';

/** Reads the file, then validates every row and writes only if all are good. */
export async function runImport(
  command: ImportCommand,
  file: string,
  deps: ImportDeps,
): Promise<ImportReport> {
  switch (command) {
    case 'import-customers':
      return importCustomers(
        file,
        await readCsv(
          file,
          CUSTOMER_COLUMNS.filter((c) => c !== 'agentId'),
        ),
        deps,
      );
    case 'import-policies':
      return importPolicies(file, await readCsv(file, REQUIRED_POLICY_COLUMNS), deps);
    case 'import-assignments':
      return importAssignments(file, await readCsv(file, ASSIGNMENT_COLUMNS), deps);
  }
}
