import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { FormErrors } from '../api/field-errors';
import { type Session, signIn } from '../api/session-api';
import { TextField } from '../components/text-field';
import { fieldToRetype, type SignInField, signInErrors } from '../session/sign-in-errors';

interface SignInPageProps {
  client: ApiClient;
  /** Shown above the form: "You have signed out", "Your session has ended". */
  notice?: string | undefined;
  onSignedIn: (session: Session) => void;
}

const NO_ERRORS: FormErrors<SignInField> = { fields: {}, form: [] };

/** Operator sign-in: email and password; the server sets the session cookie. */
export function SignInPage({ client, notice, onSignedIn }: SignInPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState(NO_ERRORS);
  // Counts failures: each one puts focus back in the form once the button is enabled again.
  const [failures, setFailures] = useState(0);

  useEffect(() => {
    if (failures === 0) return;
    const input = document.getElementById(fieldToRetype(errors));
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  }, [failures]);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setErrors(NO_ERRORS);
    try {
      onSignedIn(await signIn(client, { email: email.trim(), password }));
    } catch (error) {
      setErrors(signInErrors(error));
      setPending(false);
      setFailures((count) => count + 1);
    }
  };

  return (
    <main id="main" class="sign-in">
      <form class="card sign-in-form" onSubmit={onSubmit} aria-busy={pending}>
        <h1>Sign in to Toolgate</h1>
        {notice !== undefined && errors.form.length === 0 && (
          <p class="alert alert-info" role="status">
            {notice}
          </p>
        )}
        {errors.form.length > 0 && (
          <div class="alert alert-error" role="alert">
            {errors.form.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <TextField
          id="email"
          label="Email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onValue={setEmail}
          errors={errors.fields['/email']}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
          errors={errors.fields['/password']}
        />
        <button type="submit" class="button button-primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
