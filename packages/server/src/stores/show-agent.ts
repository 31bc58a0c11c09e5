import type { AgentSettings, AgentView } from './agent-settings.js';

/** An agent as the API shows it: settings, whether a key is stored (never the key). */
export function showAgent(row: {
  id: string;
  name: string;
  settings: unknown;
  model_key: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}): AgentView {
  const settings = row.settings as AgentSettings;
  return {
    id: row.id,
    name: row.name,
    ...(settings.systemPrompt !== undefined ? { systemPrompt: settings.systemPrompt } : {}),
    model: { ...settings.model, apiKeySet: row.model_key !== null },
    actions: settings.actions,
    limits: settings.limits,
    ...(settings.fallbackText !== undefined ? { fallbackText: settings.fallbackText } : {}),
    ...(settings.greeting !== undefined ? { greeting: settings.greeting } : {}),
    ...(settings.language !== undefined ? { language: settings.language } : {}),
    ...(settings.phoneRegion !== undefined ? { phoneRegion: settings.phoneRegion } : {}),
    ...(settings.timezone !== undefined ? { timezone: settings.timezone } : {}),
    webhookTrigger: settings.webhookTrigger,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
