import { PageTitle } from '../components/page-title';
import { ConnectionStep } from '../openapi-import/connection-step';
import type { WizardStep } from '../openapi-import/import-errors';
import { OperationsStep } from '../openapi-import/operations-step';
import { RefusedAlert } from '../openapi-import/refused-alert';
import { ResultStep } from '../openapi-import/result-step';
import { SourceStep } from '../openapi-import/source-step';
import { useImportWizard } from '../openapi-import/use-import-wizard';
import { WizardSteps } from '../openapi-import/wizard-steps';
import { Link } from '../router/link';
import { useLeaveGuard } from '../router/use-leave-guard';
import { useApp } from '../session/app-context';
import '../styles/import.css';

/** The steps an operator may go back to from `step`: the earlier ones, until the actions exist. */
function reachableFrom(step: WizardStep, previewed: boolean): WizardStep[] {
  if (step === 'result') return [];
  if (step === 'source') return previewed ? ['operations', 'connection'] : [];
  return step === 'operations' ? ['source', 'connection'] : ['source', 'operations'];
}

/**
 * `/actions/import`: the OpenAPI import wizard. A document (file, pasted, or URL the server
 * fetches), every operation with what it becomes and the diff with the stored actions, the base
 * URL and the credentials, then the created actions. Leaving with a document read asks first.
 */
export function ImportOpenApiPage() {
  const { client } = useApp();
  const wizard = useImportWizard(client);
  useLeaveGuard(wizard.dirty);
  const { step, refused } = wizard;
  return (
    <>
      <p class="back-link">
        <Link href="/actions">← Actions</Link>
      </p>
      <PageTitle title="Import from OpenAPI">
        <p class="page-intro">Turn the operations of an OpenAPI or Swagger document into actions.</p>
      </PageTitle>
      <WizardSteps
        current={step}
        reachable={reachableFrom(step, wizard.preview !== undefined)}
        onGo={wizard.goTo}
      />
      {refused && refused.placed.step === step && (
        <RefusedAlert error={refused.error} placed={refused.placed} />
      )}
      {step === 'source' && <SourceStep wizard={wizard} />}
      {step === 'operations' && <OperationsStep wizard={wizard} />}
      {step === 'connection' && <ConnectionStep wizard={wizard} />}
      {step === 'result' && <ResultStep wizard={wizard} />}
    </>
  );
}
