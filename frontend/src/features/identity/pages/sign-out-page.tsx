import { useApolloClient, useMutation } from '@apollo/client/react';
import { App, Flex, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useApiErrorText } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { signOutMutation } from '../api/sign-out';
import { viewerQuery } from '../api/viewer';
import { isSignOutState } from '../lib/paths';
import { resetSession } from '../lib/reset-session';
import { identityMessages } from '../messages';

/**
 * `/logout`, reached from the user menu. The previous page is gone before anything happens, so none
 * of its queries refetches with a dead session. Signs out on the server, then says "nobody" to the
 * app (whose signed-out routes turn /logout into /login) and drops every cached result.
 * Opened any other way (a link from elsewhere), it signs nobody out and goes to the start page.
 */
export function SignOutPage() {
  const t = useMessages(identityMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { state } = useLocation();
  const confirmed = isSignOutState(state);
  const [signOut] = useMutation(signOutMutation);
  const started = useRef(false);

  useEffect(() => {
    if (!confirmed || started.current) {
      return;
    }
    started.current = true;
    void (async () => {
      const result = await signOut().catch((e: unknown) => {
        void message.error(errorText(e));
        return undefined;
      });
      if (!result) {
        navigate(-1); // still signed in: back where the user was
        return;
      }
      client.writeQuery({ query: viewerQuery, data: { viewer: null } });
      await resetSession(client);
    })();
  }, [client, confirmed, errorText, message, navigate, signOut]);

  if (!confirmed) {
    return <Navigate to="/" replace />;
  }
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t.signingOut} />
    </Flex>
  );
}
