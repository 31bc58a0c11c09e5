// The action model
export {
  ACTION_METHODS,
  ACTION_NAME_PATTERN,
  type ActionAsync,
  type ActionAuth,
  type ActionCode,
  type ActionDefinition,
  type ActionMethod,
  type ActionRetry,
  type ActionSigning,
  DEFAULT_ASYNC_DEADLINE_SECONDS,
  DEFAULT_METHOD,
  DEFAULT_OAUTH2_CLIENT_AUTH_METHOD,
  DEFAULT_TIMEOUT_MS,
  MAX_ASYNC_DEADLINE_SECONDS,
  MAX_REDIRECTS,
  MAX_RETRY_ATTEMPTS,
  MAX_TIMEOUT_MS,
  MIN_ASYNC_DEADLINE_SECONDS,
  MIN_TIMEOUT_MS,
  OAUTH2_CLIENT_AUTH_METHODS,
  type OAuth2ClientAuthMethod,
  type OAuth2ClientCredentialsAuth,
  PARAMETER_FORMATS,
  PARAMETER_TYPES,
  type ParameterFormat,
  type ParameterSchema,
  type ParametersSchema,
  type ParameterType,
  type ResolvedActionDefinition,
  resolveActionDefaults,
} from './actions/action-definition.js';
export { buildRequest, DEFAULT_USER_AGENT, type PreparedRequest } from './actions/build-request.js';
export {
  CALL_TRIGGERS,
  type CallContext,
  type CallTrigger,
  type EnvelopeContext,
  toEnvelopeContext,
  type WebhookEvent,
} from './actions/call-context.js';
export {
  IDEMPOTENT_METHODS,
  MAX_PENDING_MESSAGE_LENGTH,
} from './actions/collect-async-retry-issues.js';
// Conversations: the agent loop and the model interface
export {
  CONFIRMATION_POLICIES,
  type ConfirmationPolicy,
  type ConversationSettings,
  type LatencyMessages,
  TRIGGER_ENTITIES,
  type TriggerEntity,
} from './actions/conversation-settings.js';
export { MAX_HEADER_VALUE_LENGTH, MAX_HEADERS } from './actions/header-rules.js';
export { type DateReference, normalizeDate, normalizeDateTime } from './actions/normalize-date.js';
export { DEFAULT_PHONE_REGION, normalizePhone } from './actions/normalize-phone.js';
export { renderBodyTemplate, type TemplateScope } from './actions/render-body-template.js';
export {
  type StrictToolDefinition,
  type ToolDefinition,
  type ToolParameterSchema,
  toOpenAIStrictToolDefinition,
  toToolDefinition,
} from './actions/to-tool-definition.js';
export {
  collectActionDefinitionIssues,
  MAX_DESCRIPTION_LENGTH,
  safeValidateActionDefinition,
  validateActionDefinition,
} from './actions/validate-action-definition.js';
export {
  type ArgumentOptions,
  type ArgumentValidation,
  type InvalidArgument,
  type MissingArgument,
  validateArguments,
} from './actions/validate-arguments.js';
export {
  collectParametersSchemaIssues,
  MAX_PARAMETERS,
  PARAMETER_NAME_PATTERN,
} from './actions/validate-parameters-schema.js';
export {
  type AgentAction,
  type AgentLimits,
  DEFAULT_AGENT_LIMITS,
  labelOf,
  needsConfirmation,
  toAgentAction,
} from './agent/agent-action.js';
export {
  callLimitRefusal,
  eventCallRefusal,
  withCallCounted,
} from './agent/call-limits.js';
export {
  type ChatMessage,
  type ChatModel,
  ModelError,
  type ModelRequest,
  type ModelResponse,
  type ToolCallRequest,
} from './agent/chat-model.js';
export { classifyReply, type ReplyClass } from './agent/classify-reply.js';
export { askAgain, askFor, readBack } from './agent/phrasing.js';
export { type FollowUpInput, runFollowUp } from './agent/run-follow-up.js';
export { DEFAULT_FALLBACK_TEXT, runTurn } from './agent/run-turn.js';
export { shapeModelResult, shapeModelView } from './agent/shape-model-result.js';
export {
  type AwaitingConfirmationToolContent,
  type BuiltinToolContent,
  type LoopRefusalKind,
  type RefusedToolContent,
  refusedContent,
  type ToolContent,
  type TruncatedToolContent,
} from './agent/tool-content.js';
export {
  type BuiltinTool,
  type BuiltinToolResult,
  type ConversationState,
  EMPTY_CONVERSATION_STATE,
  type TurnEvent,
  type TurnInput,
  type TurnOutput,
} from './agent/turn-types.js';
export { checkCodeSource } from './code/check-code-source.js';
export {
  type CodeLimits,
  DEFAULT_CODE_LIMITS,
  MAX_CODE_LIMITS,
  MAX_CODE_SOURCE_CHARS,
} from './code/code-limits.js';
export {
  type CodeWorkerPool,
  type CodeWorkerPoolOptions,
  createCodeWorkerPool,
} from './code/code-worker-pool.js';
export {
  type CodeFetch,
  type CodeRunResult,
  type InnerRequest,
  type RunCodeOptions,
  runCodeAction,
} from './code/run-code-action.js';
// Errors
export {
  BadRequestError,
  ConflictError,
  LimitReachedError,
  NotFoundError,
  pointer,
  type SafeResult,
  ToolgateError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
// The executor and the outbound policy
export {
  type ActionFailure,
  type ActionResult,
  FAILURE_KINDS,
  type FailedActionResult,
  type FailureKind,
  type ReceivedResponse,
  type SucceededActionResult,
  type TokenEndpointFailure,
} from './http/call/action-result.js';
export { classifyTransportError } from './http/call/classify-transport-error.js';
export {
  createExecutor,
  DEFAULT_RESPONSE_CAP_BYTES,
  type Executor,
  type ExecutorOptions,
  type PrepareOutcome,
} from './http/call/create-executor.js';
export { type ModelResult, toModelResult } from './http/call/model-result.js';
export {
  type NormalizedOutcome,
  normalizeResponse,
  type RedirectEnd,
} from './http/call/normalize-response.js';
export {
  DEFAULT_TOKEN_LIFETIME_MS,
  MAX_TOKEN_LIFETIME_MS,
  reuseWindowMs,
  TOKEN_EXPIRY_MARGIN_MS,
} from './http/call/oauth2-token-cache.js';
export { TOKEN_RESPONSE_CAP_BYTES } from './http/call/oauth2-token-response.js';
export {
  type ActionCall,
  createCallId,
  DEFAULT_REQUEST_CAP_BYTES,
  type PreparedCall,
} from './http/call/prepare-call.js';
export { createSecretScrubber, REDACTED, type SecretScrubber, type SentRequest } from './http/call/redact.js';
export { MIN_SCRUBBED_VARIANT_LENGTH, secretVariants } from './http/call/secret-variants.js';
export { type AddressVerdict, classifyAddress } from './http/policy/address-policy.js';
export {
  createNetworkAllowlist,
  type NetworkAllowlist,
  type NetworkAllowlistOptions,
} from './http/policy/network-allowlist.js';
export { type CheckTargetOptions, checkTarget } from './http/policy/resolve-and-check-target.js';
export { type Resolver, systemResolver } from './http/policy/resolver.js';
export type { TargetCheck, TargetDenialCode } from './http/policy/target-verdict.js';
// The LLM adapter (the AI SDK) is the subpath `@toolgate/core/llm` (./llm.ts): not loaded here.
// Signing
export {
  HEX_SIGNATURE_HEADER,
  hexSignature,
  MAX_SIGNING_SECRETS,
  type SignWebhookInput,
  signWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './http/signing/sign-webhook.js';
export {
  generateWebhookSecret,
  WEBHOOK_SECRET_PREFIX,
  webhookSecretKey,
} from './http/signing/webhook-secret.js';
export {
  DEFAULT_DOCUMENT_CAP_BYTES,
  DEFAULT_DOCUMENT_TIMEOUT_MS,
  DocumentFetchError,
  type FetchDocumentOptions,
  type FetchedDocument,
  fetchDocument,
} from './http/transport/fetch-document.js';
export {
  createModelFetch,
  DEFAULT_MODEL_RESPONSE_CAP_BYTES,
  insecureHttpAllowed,
  type ModelFetch,
  type ModelFetchOptions,
  ModelResponseTooLargeError,
} from './http/transport/model-fetch.js';
export { TargetBlockedError } from './http/transport/target-blocked-error.js';
export { describeData } from './models/embedded/describe-data.js';
export {
  createEmbeddedModel,
  type EmbeddedModelOptions,
  type EmbeddedState,
} from './models/embedded/embedded-model.js';
export { extractSlots } from './models/embedded/extract-slots.js';
export { buildIntentIndex, scoreIntent } from './models/embedded/intent/index.js';
