import { useQuery } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { interpolate, useMessages } from '@/shared/i18n';
import { myRegulationsNoticeQuery } from '../api/my-regulations-notice';
import { regulationsMessages } from '../messages';

/**
 * The app shell's notice for an employee who has a published version to acknowledge
 * (`myRegulations.pending`): «Вам нужно ознакомиться с Положением о премировании (редакция № N)»
 * with a link to `myRegulationsPath`. Mounted only for those who can have it; not on that page
 * itself, which has the button. Nothing while loading or on an error (the page says it then).
 */
export function RegulationsPendingNotice({ myRegulationsPath }: { myRegulationsPath: string }) {
  const t = useMessages(regulationsMessages);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { data } = useQuery(myRegulationsNoticeQuery, { fetchPolicy: 'cache-and-network' });
  const mine = data?.myRegulations;
  if (!mine?.pending || !mine.document || pathname.startsWith(myRegulationsPath)) {
    return null;
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="regulations-pending-notice"
      title={interpolate(t.noticeTitle, { number: mine.document.number })}
      action={
        <Button
          type="primary"
          size="small"
          onClick={() => void navigate(myRegulationsPath)}
          data-testid="regulations-pending-link"
        >
          {t.noticeLink}
        </Button>
      }
      style={{ marginBottom: 24 }}
    />
  );
}
