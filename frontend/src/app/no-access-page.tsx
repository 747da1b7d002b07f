import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useMessages } from '@/shared/i18n';
import { appMessages } from './messages';
import { paths } from './paths';

/** What a signed-in user sees at an address his permissions do not cover (HTTP 403 in spirit). */
export function NoAccessPage() {
  const t = useMessages(appMessages);
  return (
    <>
      <title>{t.noAccessTitle}</title>
      <Result
        status="403"
        title={t.noAccessTitle}
        subTitle={t.noAccessText}
        data-testid="no-access"
        extra={
          <Link to={paths.overview}>
            <Button type="primary">{t.backHome}</Button>
          </Link>
        }
      />
    </>
  );
}
