import type { TSchema } from '@sinclair/typebox';
import { ActionView } from './actions.js';
import { CallRecordView } from './calls.js';
import { ApiKeyView } from './keys.js';
import { OperatorView } from './operators.js';
import { ErrorBody } from './shared.js';
import { TenantView } from './tenant.js';
import { ToolCallResult } from './tools.js';

/** Schemas named in the OpenAPI document's components. */
export const NAMED_SCHEMAS: TSchema[] = [
  ErrorBody,
  ActionView,
  CallRecordView,
  ApiKeyView,
  OperatorView,
  TenantView,
  ToolCallResult,
];
