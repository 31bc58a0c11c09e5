import { ValidationError } from '@toolgate/core';

/**
 * The 422 for parameters a dry run refused, each problem located under `/parameters`.
 *
 * @example
 * throw parametersProblem({ message: '/order_number: is required', issues: [{ path: '/order_number', message: 'is required' }] });
 * // 422 details: [{ path: '/parameters/order_number', message: 'is required' }]
 */
export function parametersProblem(error: { message: string; issues?: unknown }): ValidationError {
  const issues = Array.isArray(error.issues)
    ? (error.issues as Array<{ path: string; message: string }>)
    : [];
  return new ValidationError(
    `the parameters cannot be sent: ${error.message}`,
    issues.length > 0
      ? issues.map((issue) => ({ path: `/parameters${issue.path}`, message: issue.message }))
      : [{ path: '/parameters', message: error.message }],
  );
}
