import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import type { ActionDraft } from '../action-draft';
import {
  type ActionFormErrors,
  actionFormErrors,
  mergeMessages,
  NO_FORM_ERRORS,
  problemMessages,
} from '../action-form-errors';
import { draftProblems } from '../draft-values';

/**
 * The state of the action form: the draft as typed, its own problems, the server's answer to the
 * last save. A failed save keeps the draft as it is: nothing typed is lost.
 */
export function useActionForm(initial: () => ActionDraft) {
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ActionFormErrors>(NO_FORM_ERRORS);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  /** The tenant may have no more actions (`limit_reached`): the page offers to raise the limit. */
  const [limitReached, setLimitReached] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  // After each failed save the summary above the form takes focus, so the failure is announced.
  useLayoutEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const change = useCallback((patch: Partial<ActionDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setNotice(null);
  }, []);

  const problems = useMemo(() => draftProblems(draft), [draft]);
  const messages = useMemo(
    () => mergeMessages(problemMessages(problems, submitted), serverErrors.fields),
    [problems, submitted, serverErrors],
  );

  /** Checks the draft, then runs `send`; a failure is shown at the fields, the draft stays. */
  const save = async (send: (draft: ActionDraft) => Promise<void>) => {
    setSubmitted(true);
    setNotice(null);
    if (problems.length > 0) {
      setServerErrors({ fields: {}, form: ['The action was not saved.'] });
      setFailures((count) => count + 1);
      return;
    }
    setSaving(true);
    setServerErrors(NO_FORM_ERRORS);
    setLimitReached(false);
    try {
      await send(draft);
    } catch (error) {
      setLimitReached(error instanceof ApiError && error.code === 'limit_reached');
      const placed = actionFormErrors(error, draft);
      setServerErrors({ fields: placed.fields, form: ['The action was not saved.', ...placed.form] });
      setFailures((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  /** After a successful save: the form shows what the server saved. */
  const reset = (next: ActionDraft) => {
    setDraft(next);
    setSubmitted(false);
    setServerErrors(NO_FORM_ERRORS);
  };

  return {
    draft,
    change,
    messages,
    formMessages: serverErrors.form,
    limitReached,
    saving,
    notice,
    setNotice,
    summaryRef,
    save,
    reset,
  };
}
