import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type AgentDraft, draftProblems } from './agent-draft';
import { type AgentMessages, agentFormErrors, mergeAgentMessages } from './agent-form-errors';

const NOT_SAVED = 'The agent was not saved.';

/**
 * The agent form's state: the draft as typed, its own problems once a save was tried, and the
 * server's answer to the last save. A failed save keeps the draft: nothing typed is lost.
 */
export function useAgentForm(initial: () => AgentDraft) {
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ fields: AgentMessages; form: string[] }>({ fields: {}, form: [] });
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const change = useCallback((patch: Partial<AgentDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setNotice(null);
  }, []);

  const problems = useMemo(() => draftProblems(draft), [draft]);
  const messages = useMemo(() => {
    const own: AgentMessages = {};
    if (submitted) for (const { path, message } of problems) own[path] = [...(own[path] ?? []), message];
    return mergeAgentMessages(own, server.fields);
  }, [problems, submitted, server]);

  const save = async (send: (draft: AgentDraft) => Promise<void>) => {
    setSubmitted(true);
    setNotice(null);
    if (problems.length > 0) {
      setServer({ fields: {}, form: [NOT_SAVED] });
      setFailures((count) => count + 1);
      return;
    }
    setSaving(true);
    setServer({ fields: {}, form: [] });
    try {
      await send(draft);
    } catch (error) {
      const placed = agentFormErrors(error);
      setServer({ fields: placed.fields, form: [NOT_SAVED, ...placed.form] });
      setFailures((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  const reset = (next: AgentDraft) => {
    setDraft(next);
    setSubmitted(false);
    setServer({ fields: {}, form: [] });
  };

  return {
    draft,
    change,
    messages,
    formMessages: server.form,
    saving,
    notice,
    setNotice,
    summaryRef,
    save,
    reset,
  };
}
