import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { createFromImport, listStoredActions, previewImport } from './import-api';
import { EMPTY_SECRET, type SecretDraft, schemesFor, secretFieldId, secretsBody } from './import-auth';
import { type BaseChoice, baseUrlOf } from './import-base-url';
import { type PlacedError, placeImportError, type WizardStep } from './import-errors';
import type { ImportReport } from './import-report';
import { carrySelection, type OperationRow, orderedSelection, toOperationRows } from './import-rows';
import { checkSource, type DocumentSource, EMPTY_SOURCE, type SourceDraft } from './import-source';

/** A preview the server answered: the rows, and what it was asked with. */
interface Preview {
  source: DocumentSource;
  report: ImportReport;
  rows: OperationRow[];
  /** The `baseUrl` the preview was built on (none: the document's servers). */
  baseUrl: string | undefined;
}

/** The wizard's state and its moves; the steps only render it. */
export interface ImportWizard {
  step: WizardStep;
  source: SourceDraft;
  setSource(change: Partial<SourceDraft>): void;
  preview: Preview | undefined;
  selected: string[];
  setSelected(names: string[]): void;
  base: BaseChoice;
  setBase(choice: BaseChoice): void;
  secrets: Record<string, SecretDraft>;
  setSecret(scheme: string, change: Partial<SecretDraft>): void;
  busy: 'preview' | 'base' | 'create' | null;
  /** Problems found before sending, by field (`file`, `paste`, `url`, `baseUrl`, a secret input's id, `selection`). */
  problems: Record<string, string>;
  /** What the server refused, placed on its step. */
  refused: { error: unknown; placed: PlacedError } | undefined;
  result: ImportReport | undefined;
  /** True once something was typed or loaded and not yet created. */
  dirty: boolean;
  goTo(step: WizardStep): void;
  readDocument(): Promise<void>;
  applyBase(): Promise<void>;
  create(): Promise<void>;
  restart(): void;
}

/** The import wizard's state: source, preview, selection, base URL, secrets, and the result. */
export function useImportWizard(client: ApiClient): ImportWizard {
  const [step, setStep] = useState<WizardStep>('source');
  const [source, setSourceState] = useState<SourceDraft>(EMPTY_SOURCE);
  const [preview, setPreview] = useState<Preview | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [base, setBase] = useState<BaseChoice>({ kind: 'document' });
  const [secrets, setSecrets] = useState<Record<string, SecretDraft>>({});
  const [busy, setBusy] = useState<ImportWizard['busy']>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<ImportWizard['refused']>();
  const [result, setResult] = useState<ImportReport | undefined>();

  const fail = (error: unknown, current: WizardStep, sent: readonly string[] = []) => {
    const placed = placeImportError(error, current, sent);
    setRefused({ error, placed });
    setStep(placed.step);
  };

  /** A preview (dry run) with the tenant's actions, keeping the selection where it still applies. */
  const runPreview = async (documentSource: DocumentSource, baseUrl: string | undefined, first: boolean) => {
    const [report, stored] = await Promise.all([
      previewImport(client, documentSource, baseUrl),
      listStoredActions(client),
    ]);
    const rows = toOperationRows(report, stored);
    setPreview({ source: documentSource, report, rows, baseUrl });
    setSelected((previous) => carrySelection(rows, first ? null : previous));
  };

  const readDocument = async () => {
    const checked = checkSource(source);
    setRefused(undefined);
    if (!checked.ok) {
      setProblems({ [checked.field]: checked.message });
      return;
    }
    setProblems({});
    setBusy('preview');
    try {
      await runPreview(checked.source, undefined, true);
      setBase({ kind: 'document' });
      setSecrets({});
      setStep('operations');
    } catch (error) {
      fail(error, 'source');
    } finally {
      setBusy(null);
    }
  };

  const applyBase = async () => {
    if (!preview) return;
    const chosen = baseUrlOf(base);
    setRefused(undefined);
    if (!chosen.ok) {
      setProblems({ baseUrl: chosen.message });
      return;
    }
    setProblems({});
    setBusy('base');
    try {
      await runPreview(preview.source, chosen.baseUrl, false);
    } catch (error) {
      fail(error, 'connection');
    } finally {
      setBusy(null);
    }
  };

  const create = async () => {
    if (!preview) return;
    setRefused(undefined);
    const names = orderedSelection(preview.rows, selected);
    const chosen = baseUrlOf(base);
    const { secrets: body, missing } = secretsBody(schemesFor(preview.rows, names), secrets);
    const found: Record<string, string> = { ...missing };
    if (names.length === 0) found.selection = 'choose at least one operation in step 2';
    if (!chosen.ok) found.baseUrl = chosen.message;
    else if (chosen.baseUrl !== preview.baseUrl) {
      found.baseUrl = 'the list was made with another base URL: press "Use this base URL" first';
    }
    setProblems(found);
    if (Object.keys(found).length > 0 || !chosen.ok) return;
    setBusy('create');
    try {
      const report = await createFromImport(client, preview.source, {
        operations: names,
        secrets: body,
        ...(chosen.baseUrl === undefined ? {} : { baseUrl: chosen.baseUrl }),
      });
      setResult(report);
      setSecrets({});
      setStep('result');
    } catch (error) {
      fail(error, 'connection', names);
    } finally {
      setBusy(null);
    }
  };

  return {
    step,
    source,
    setSource: (change) => setSourceState((current) => ({ ...current, ...change })),
    preview,
    selected,
    setSelected,
    base,
    setBase: (choice) => {
      setBase(choice);
      setProblems(({ baseUrl: _dropped, ...rest }) => rest);
    },
    secrets,
    setSecret: (scheme, change) => {
      setSecrets((current) => ({
        ...current,
        [scheme]: { ...(current[scheme] ?? EMPTY_SECRET), ...change },
      }));
      // A message about an empty field goes once the field is typed in.
      const typed = new Set(
        Object.keys(change).map((field) => secretFieldId(scheme, field as keyof SecretDraft)),
      );
      setProblems((current) => Object.fromEntries(Object.entries(current).filter(([id]) => !typed.has(id))));
    },
    busy,
    problems,
    refused,
    result,
    dirty: result === undefined && (source.text !== '' || source.url !== ''),
    goTo: (next) => {
      setProblems({});
      setRefused(undefined);
      setStep(next);
    },
    readDocument,
    applyBase,
    create,
    restart: () => {
      setStep('source');
      setSourceState(EMPTY_SOURCE);
      setPreview(undefined);
      setSelected([]);
      setBase({ kind: 'document' });
      setSecrets({});
      setProblems({});
      setRefused(undefined);
      setResult(undefined);
    },
  };
}
