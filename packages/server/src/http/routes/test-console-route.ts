import { Type } from '@sinclair/typebox';
import { parametersProblem } from '../../calls/parameters-problem.js';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute, idParam } from '../api-route.js';
import { TestCallBody } from '../schemas/actions.js';
import { CallRecordView } from '../schemas/calls.js';
import { ErrorBody } from '../schemas/shared.js';

/** The live test shows this much of the response body; the execution log keeps more. */
export const TEST_BODY_PREVIEW_CHARS = 500;

const SentRequest = Type.Object({
  method: Type.String(),
  url: Type.String(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Type.Optional(Type.String()),
});

const TestResult = Type.Object({
  mode: Type.Union([Type.Literal('dry_run'), Type.Literal('live')]),
  callId: Type.String(),
  request: Type.Union([SentRequest, Type.Null()]),
  response: Type.Optional(
    Type.Union([
      Type.Object({
        status: Type.Integer(),
        headers: Type.Record(Type.String(), Type.String()),
        body: Type.String({ description: `The first ${TEST_BODY_PREVIEW_CHARS} characters.` }),
        truncated: Type.Boolean(),
      }),
      Type.Null(),
    ]),
  ),
  durationMs: Type.Optional(Type.Number()),
  result: Type.Optional(Type.Unknown({ description: 'The normalized result: what the model would see.' })),
  record: Type.Optional(CallRecordView),
  code: Type.Optional(
    Type.Object(
      {
        requests: Type.Array(
          Type.Object({
            method: Type.String(),
            url: Type.String({
              description: 'As the code wrote it: credentials stay secret(name) placeholders.',
            }),
            status: Type.Union([Type.Integer(), Type.Null()]),
            durationMs: Type.Number(),
            error: Type.Optional(Type.String()),
          }),
        ),
        logs: Type.Array(Type.String()),
      },
      { description: "A code action's requests and console.log lines, in order." },
    ),
  ),
});

/**
 * The test console: a dry run builds and signs the request without sending it; a live test sends
 * it (trigger `test`), records it and shows what came back. Invalid parameters are a 422 in both
 * modes and nothing is sent.
 */
export const testConsoleRoute: ApiRoute = defineRoute({
  method: 'post',
  path: '/actions/{id}/test',
  summary: 'Dry-run or live-test an action with parameters',
  tag: 'actions',
  scope: 'webhooks:manage',
  body: TestCallBody,
  emptyBody: {},
  responses: {
    200: TestResult,
    400: ErrorBody,
    401: ErrorBody,
    403: ErrorBody,
    404: ErrorBody,
    422: ErrorBody,
  },
  async handler(c, { runner }, { body }) {
    const { tenantId } = c.get('principal');
    const id = idParam(c);
    const parameters = body.parameters ?? {};
    const mode = body.mode ?? 'dry_run';
    // Prepared once: a dry run shows this call, a live test sends exactly it.
    const prepared = await runner.prepare(tenantId, id, parameters, { trigger: 'test' });
    if (!prepared.ok) throw parametersProblem(prepared.error);
    if (mode === 'dry_run') return c.json({ mode, callId: prepared.callId, request: prepared.request });
    // The built request's method is the action's, defaults applied.
    const method = prepared.request.method;
    if (method !== 'GET' && body.confirm !== true) {
      throw new ApiError(
        'confirmation_required',
        `a live ${method} test has real side effects at the endpoint`,
        [{ path: '/confirm', message: `must be true to send a live ${method}` }],
      );
    }
    const { result, record } = await runner.send(prepared);
    return c.json({
      mode,
      callId: result.callId,
      request: result.request,
      response:
        result.response === null
          ? null
          : {
              status: result.response.status,
              headers: result.response.headers,
              body: result.response.body.slice(0, TEST_BODY_PREVIEW_CHARS),
              truncated: result.response.truncated || result.response.body.length > TEST_BODY_PREVIEW_CHARS,
            },
      durationMs: result.durationMs,
      result: record.result,
      record,
      ...(result.code ? { code: result.code } : {}),
    });
  },
});
