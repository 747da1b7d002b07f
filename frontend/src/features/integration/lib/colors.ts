import type { PortalStatus, SyncPhase } from '@/gql/graphql';

/** antd Tag colours of a connection's status. */
export const PORTAL_STATUS_COLORS: Record<PortalStatus, string> = {
  CONNECTED: 'green',
  NEEDS_REAUTH: 'orange',
  DISCONNECTED: 'default',
};

/** antd Tag colours of an entity's sync phase. */
export const SYNC_PHASE_COLORS: Record<SyncPhase, string> = {
  PENDING: 'default',
  RUNNING: 'processing',
  DONE: 'success',
  FAILED: 'error',
};

/** antd Progress status of an entity's sync phase. */
export const SYNC_PHASE_PROGRESS: Record<SyncPhase, 'normal' | 'active' | 'success' | 'exception'> =
  {
    PENDING: 'normal',
    RUNNING: 'active',
    DONE: 'success',
    FAILED: 'exception',
  };
